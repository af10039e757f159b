"""faster-whisper behind core/ports.py's Transcriber: model loading, segment decoding, previews.

How an answer is transcribed (the same for a file and a live stream, so both give the same
words): the Segmenter (speech/vad.py) closes a segment at each short pause, and each closed segment
is decoded once, with word timings, in a single Whisper window. While a segment is still open a
cheap preview (greedy, encoder cut to the audio's length) shows the words so far; the preview
never becomes the transcript.

Fillers: Whisper leaves out "um" and "uh" unless its prompt is written that way, so the prompt
starts with a disfluent sentence (docs/transcription.md has the measurement), followed by the
last committed words for context.

This module is imported only through make_transcriber; it must not touch the network (the model
is a local directory, checked by speech/catalogue.py) or the UI.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import numpy as np
from faster_whisper import WhisperModel

from voice_sim.audio.reader import AudioReader
from voice_sim.core.models import Cue, Transcript, Word
from voice_sim.core.ports import (
    SAMPLE_RATE,
    CommittedCallback,
    ProgressCallback,
    TentativeCallback,
    Transcriber,
    TranscriptStream,
)
from voice_sim.errors import UserError
from voice_sim.speech.allocator import pin_malloc_thresholds
from voice_sim.speech.decode import DecodeOptions, WindowDecoder
from voice_sim.speech.vad import Segment, Segmenter, SegmenterOptions

FILLER_PROMPT = "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking."
# Live: close at each short pause once a segment has a few seconds in it (committed text stays
# a few seconds behind the speaker). Files: fill most of a 30 s window, which is cheaper and
# more accurate; latency does not matter there. Measured in docs/transcription.md.
LIVE_SEGMENTS = SegmenterOptions(min_segment_s=3.0, max_segment_s=14.0)
FILE_SEGMENTS = SegmenterOptions(min_segment_s=20.0, max_segment_s=28.0, long_silence_s=2.0)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*$")


class WhisperTranscriber(Transcriber):
    """One loaded model. Thread-safe: model calls are serialized by a lock."""

    def __init__(
        self,
        model_path: Path,
        device: str = "cpu",
        compute_type: str = "int8",
        keep_fillers: bool = True,
        cpu_threads: int | None = None,
        live_segments: SegmenterOptions | None = None,
        file_segments: SegmenterOptions | None = None,
        options: DecodeOptions | None = None,
    ):
        device, compute_type = _pick_device(device, compute_type)
        threads = cpu_threads or min(os.cpu_count() or 1, 4)
        pin_malloc_thresholds()  # freed decoding buffers go back to the system (allocator.py)
        try:
            self.model = WhisperModel(
                str(model_path), device=device, compute_type=compute_type,
                cpu_threads=threads, local_files_only=True,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
            raise UserError(f"cannot load the speech model in {model_path} ({first})") from None
        self.model_path = model_path
        self.device = device
        self.keep_fillers = keep_fillers
        self.live_segments = live_segments or LIVE_SEGMENTS
        self.file_segments = file_segments or FILE_SEGMENTS
        self.options = options or DecodeOptions()
        self.decoder = WindowDecoder(self.model, self.options)
        self._lock = threading.Lock()

    # ----- the Transcriber port ----------------------------------------------------------------

    def transcribe_file(self, path: Path, progress: ProgressCallback | None = None) -> Transcript:
        with AudioReader(path) as reader:
            total = reader.info.duration_s or 0.0
            session = self.session(segments=self.file_segments)
            for block in reader.blocks():
                session.push(block)
                if progress:
                    progress(session.seconds, max(total, session.seconds))
            session.flush()
        if progress:
            progress(session.seconds, session.seconds)
        if not session.heard_speech:
            raise UserError(f"{path}: no speech found in {session.seconds:.1f} s of audio (silence?)")
        if not session.cues:
            raise UserError(
                f"{path}: no words recognized in {session.seconds:.1f} s of audio "
                "(noise, music, or not English?)"
            )
        return Transcript(cues=session.cues, source=str(path))

    def stream(
        self,
        offset_s: float = 0.0,
        on_committed: CommittedCallback | None = None,
        on_tentative: TentativeCallback | None = None,
    ) -> TranscriptStream:
        from voice_sim.speech.live import WhisperLiveStream

        return WhisperLiveStream(
            self.session(offset_s, self.live_segments), on_committed, on_tentative, self.options.preview_interval_s
        )

    def session(self, offset_s: float = 0.0, segments: SegmenterOptions | None = None) -> TranscriptionSession:
        return TranscriptionSession(self, offset_s, segments or self.live_segments)

    # ----- decoding ---------------------------------------------------------------------------

    def prompt(self, previous: list[str]) -> str | None:
        n = self.options.context_words
        context = " ".join(previous[-n:]) if n else ""
        text = f"{FILLER_PROMPT if self.keep_fillers else ''} {context}".strip()
        return text or None

    def decode(
        self, segment: Segment, offset_s: float, prompt: str | None,
        context: tuple[np.ndarray, str] | None = None,
    ) -> list[Cue]:
        """Committed cues of one closed segment, with word timings on the answer's clock."""
        speech_end = segment.speech_end / SAMPLE_RATE if segment.speech_end >= 0 else None
        with self._lock:
            raw = self.decoder.words(segment.audio, prompt, speech_end, context)
        base = offset_s + segment.start_s
        words: list[Word] = []
        for w in raw:
            start = max(base + max(w.start, 0.0), words[-1].end_s if words else base)
            end = max(base + w.end, start)
            words.append(Word(start_s=round(start, 3), end_s=round(end, 3), text=w.text,
                              probability=round(w.probability, 3)))
        return _sentences(words)

    def preview(self, audio: np.ndarray, prompt: str | None) -> str:
        with self._lock:
            return self.decoder.preview(audio, prompt)


class TranscriptionSession:
    """One answer's transcription state: the segmenter, the committed cues, the prompt context.
    Used directly for files and from the live stream's worker thread; not thread-safe itself."""

    def __init__(self, engine: WhisperTranscriber, offset_s: float, segments: SegmenterOptions):
        self.engine = engine
        self.offset_s = offset_s
        self.segmenter = Segmenter(segments)
        self.cues: list[Cue] = []
        self.heard_speech = False
        self._previous: list[str] = []
        self._recent: list[tuple[np.ndarray, str]] = []  # recent segments: audio, committed text

    @property
    def seconds(self) -> float:
        return self.segmenter.samples_seen / SAMPLE_RATE

    def push(self, block: np.ndarray) -> list[Cue]:
        return self._decode(self.segmenter.push(block))

    def flush(self) -> list[Cue]:
        return self._decode(self.segmenter.flush(), self.engine.options.final_context_s)

    def preview(self) -> str | None:
        """Rough text of the open segment, or None when nobody is talking."""
        open_audio = self.segmenter.open_audio()
        if open_audio is None:
            return None
        return self.engine.preview(open_audio[1], self.engine.prompt(self._previous))

    def open_samples(self) -> int:
        open_audio = self.segmenter.open_audio()
        return 0 if open_audio is None else len(open_audio[1])

    def _decode(self, segments: list[Segment], context_s: float | None = None) -> list[Cue]:
        new: list[Cue] = []
        for segment in segments:
            self.heard_speech = True
            budget = self.engine.options.context_s if context_s is None else context_s
            context = self._context(segment, budget)
            # the prompt is the text before the context: the context's own text is the prefix
            before = len(self._previous) - (len(context[1].split()) if context else 0)
            prompt = self.engine.prompt(self._previous[: max(before, 0)])
            cues = self.engine.decode(segment, self.offset_s, prompt, context)
            text = " ".join(cue.text for cue in cues)
            self._recent = [*self._recent[-8:], (segment.audio, text)] if text else []
            self._previous.extend(text.split())
            del self._previous[:-400]
            new.extend(cues)
        self.cues.extend(new)
        return new


    def _context(self, segment: Segment, seconds: float) -> tuple[np.ndarray, str] | None:
        """The latest whole segments that fit before `segment` in one Whisper window."""
        budget = min(seconds, 29.0 - segment.duration_s) * SAMPLE_RATE
        taken: list[tuple[np.ndarray, str]] = []
        for audio, text in reversed(self._recent):
            if sum(len(a) for a, _ in taken) + len(audio) > budget:
                break
            taken.insert(0, (audio, text))
        if not taken:
            return None
        return np.concatenate([a for a, _ in taken]), " ".join(t for _, t in taken)


def _sentences(words: list[Word]) -> list[Cue]:
    """One cue per sentence, so subtitles and quoted evidence stay short."""
    cues: list[Cue] = []
    current: list[Word] = []
    for i, word in enumerate(words):
        current.append(word)
        if _SENTENCE_END.search(word.text) or i == len(words) - 1:
            cues.append(Cue(start_s=current[0].start_s, end_s=current[-1].end_s, speaker=None,
                            text=" ".join(w.text for w in current), words=current))
            current = []
    return cues


def _pick_device(device: str, compute_type: str) -> tuple[str, str]:
    import ctranslate2

    gpus = ctranslate2.get_cuda_device_count() if device in ("auto", "cuda") else 0
    if device == "auto":
        device = "cuda" if gpus > 0 else "cpu"
    elif device == "cuda" and gpus == 0:
        raise UserError(
            "speech.device is 'cuda' but no usable CUDA GPU was found (driver or CUDA libraries "
            "missing); set speech.device to 'auto' or 'cpu'"
        )
    if device == "cuda" and compute_type == "int8":
        compute_type = "int8_float16"  # the CPU default; on a GPU the float16 mix is faster
    return device, compute_type
