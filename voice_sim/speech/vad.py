"""Cut a stream of 16 kHz audio into speech segments at short pauses, as the audio arrives.

Why: transcribing each closed segment once (instead of re-decoding a rolling window) is what keeps
live transcription at a few percent of the CPU and leaves about one segment of work when the
answer ends. The voice activity model is the Silero VAD that faster-whisper ships; it is run
incrementally here (state carried between calls), which gives exactly the probabilities of a
whole-file pass, so a file fed block by block is cut exactly like the same file fed at once.

Segments are an internal unit of transcription only: a pause of any length never ends an answer.
This module must not decode speech or know about Whisper.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

SAMPLE_RATE = 16_000
WINDOW = 512  # samples per VAD decision (32 ms); fixed by the Silero model
_CONTEXT = 64  # samples of the previous window the model sees
MAX_BATCH = 256
"""Windows per model call (about 8 s of audio). The model's intermediate tensors grow with the
batch: all 28,000 windows of a 15-minute answer in one call took 420 MB more at its peak, 256
take about 3 MB. The state is carried between calls, so the probabilities are the same."""


@dataclass(frozen=True)
class SegmenterOptions:
    """How speech is cut into segments. Defaults measured on espeak-ng and recorded speech."""

    threshold: float = 0.5
    """Speech probability at or above which a window is speech."""
    neg_threshold: float = 0.35
    """Probability below which a window counts as silence (in between: no change)."""
    min_silence_s: float = 0.5
    """A silence this long closes the open segment, once it is at least `min_segment_s` long."""
    min_segment_s: float = 0.0
    """Keep shorter segments open through short pauses (longer segments: fewer, better decodes)."""
    long_silence_s: float = 2.0
    """A silence this long closes the open segment whatever its length."""
    pad_s: float = 0.2
    """Audio kept before the first and after the last voiced window of a segment."""
    min_speech_s: float = 0.25
    """Segments with less voiced audio than this are dropped (clicks, breaths)."""
    max_segment_s: float = 14.0
    """A segment is split (at its quietest moment) before it grows past this."""


@dataclass
class Segment:
    """A stretch of audio that holds speech; `start` is in samples since the stream began."""

    start: int
    audio: np.ndarray
    speech_end: int = -1
    """Where the last voiced window ends, in samples from the segment's start (-1: the end)."""

    @property
    def start_s(self) -> float:
        return self.start / SAMPLE_RATE

    @property
    def duration_s(self) -> float:
        return len(self.audio) / SAMPLE_RATE


def _telemetry_off() -> None:
    """No network, truly: onnxruntime builds with telemetry look up a Microsoft host when a
    session is made (issue 12), so it is switched off before faster-whisper makes the VAD's."""
    import onnxruntime

    disable = getattr(onnxruntime, "disable_telemetry_events", None)
    if disable is not None:
        disable()


class StreamingVad:
    """Silero VAD over consecutive 512-sample windows, carrying the model state across calls."""

    def __init__(self) -> None:
        from faster_whisper.vad import get_vad_model

        _telemetry_off()
        self._session = get_vad_model().session
        self.reset()

    def reset(self) -> None:
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(_CONTEXT, dtype=np.float32)

    def __call__(self, windows: np.ndarray) -> np.ndarray:
        """Speech probability of each row of `windows` (shape (n, 512), float32)."""
        if len(windows) == 0:
            return np.zeros(0, dtype=np.float32)
        return np.concatenate([self._run(windows[i : i + MAX_BATCH])
                               for i in range(0, len(windows), MAX_BATCH)])

    def _run(self, windows: np.ndarray) -> np.ndarray:
        contexts = np.concatenate([self._context[None, :], windows[:-1, -_CONTEXT:]], axis=0)
        batch = np.concatenate([contexts, windows], axis=1)
        out, self._h, self._c = self._session.run(None, {"input": batch, "h": self._h, "c": self._c})
        self._context = windows[-1, -_CONTEXT:].copy()
        return np.asarray(out, dtype=np.float32).reshape(-1)


@dataclass
class _Open:
    start: int  # first sample of the segment
    voiced_end: int  # end of the last window at or above the threshold
    voiced: int = 0  # voiced samples so far
    silence_from: int | None = None  # start of the current run of silence
    probs: list[float] = field(default_factory=list)  # one per window since `start` (rounded)


class Segmenter:
    """Feed blocks of any size with `push`; get back the segments that closed. `flush` at the end.

    Holds only the audio of the open segment plus a little pre-roll, so memory stays flat over a
    long answer.
    """

    def __init__(self, options: SegmenterOptions | None = None, vad: StreamingVad | None = None):
        self.options = options or SegmenterOptions()
        self._vad = vad or StreamingVad()
        self._pending = np.zeros(0, dtype=np.float32)  # tail shorter than one window
        self._buf = np.zeros(0, dtype=np.float32)  # audio from sample `_buf_start` to `_pos`
        self._buf_start = 0
        self._pos = 0  # samples that went through the VAD
        self._last_end = 0  # end of the previous segment: segments never overlap
        self._open: _Open | None = None
        o = self.options
        # whole windows, so every cut falls on a window boundary
        self._pad = round(o.pad_s * SAMPLE_RATE / WINDOW) * WINDOW
        self._min_silence = round(o.min_silence_s * SAMPLE_RATE / WINDOW) * WINDOW
        self._min_speech = int(o.min_speech_s * SAMPLE_RATE)
        self._max_len = int(o.max_segment_s * SAMPLE_RATE)
        self._min_segment = int(o.min_segment_s * SAMPLE_RATE)
        self._long_silence = round(o.long_silence_s * SAMPLE_RATE / WINDOW) * WINDOW

    @property
    def samples_seen(self) -> int:
        return self._pos + len(self._pending)

    @property
    def in_speech(self) -> bool:
        return self._open is not None

    def open_audio(self) -> tuple[int, np.ndarray] | None:
        """The open segment so far (start sample, audio), for a tentative preview; None in silence."""
        if self._open is None or self._open.voiced < self._min_speech:
            return None
        return self._open.start, self._slice(self._open.start, self._pos)

    def push(self, block: np.ndarray) -> list[Segment]:
        # a long block (a backlog, a whole file) in model-sized steps, trimming after each, so
        # what is held stays the open segment however much arrives at once
        step = MAX_BATCH * WINDOW
        closed: list[Segment] = []
        for start in range(0, len(block), step):
            closed += self._push(block[start : start + step])
        return closed

    def _push(self, block: np.ndarray) -> list[Segment]:
        audio = np.concatenate([self._pending, block]) if len(self._pending) else block
        n = len(audio) // WINDOW * WINDOW
        self._pending = audio[n:].copy()
        if n == 0:
            return []
        windows = np.ascontiguousarray(audio[:n], dtype=np.float32).reshape(-1, WINDOW)
        probs = self._vad(windows)
        self._buf = np.concatenate([self._buf, audio[:n]])
        closed: list[Segment] = []
        for p in probs:
            self._pos += WINDOW
            seg = self._step(float(p))
            if seg is not None:
                closed.append(seg)
        self._trim()
        return closed

    def flush(self) -> list[Segment]:
        """Close the open segment (the stream ended); the unaligned tail is included."""
        if len(self._pending):
            self._buf = np.concatenate([self._buf, self._pending])
            self._pos += len(self._pending)
            self._pending = np.zeros(0, dtype=np.float32)
        seg = None
        if self._open is not None:
            seg = self._close(min(self._pos, self._open.voiced_end + self._pad))
        self._trim()
        return [seg] if seg is not None else []

    # ----- the state machine, one window at a time --------------------------------------------

    def _step(self, p: float) -> Segment | None:
        o, seg, win_start = self.options, self._open, self._pos - WINDOW
        if seg is None:
            if p >= o.threshold:
                start = max(win_start - self._pad, self._last_end, self._buf_start)
                self._open = _Open(start=start, voiced_end=self._pos, voiced=WINDOW)
                self._open.probs = [1.0] * ((win_start - start) // WINDOW) + [p]
            return None
        seg.probs.append(p)
        if p >= o.threshold:
            seg.voiced += WINDOW
            seg.voiced_end = self._pos
            seg.silence_from = None
        elif p < o.neg_threshold:
            if seg.silence_from is None:
                seg.silence_from = win_start
            silence = self._pos - seg.silence_from
            long_enough = seg.silence_from - seg.start >= self._min_segment
            if (silence >= self._min_silence and long_enough) or silence >= self._long_silence:
                return self._close(min(self._pos, seg.voiced_end + self._pad))
        if self._pos - seg.start >= self._max_len:
            return self._split()
        return None

    def _split(self) -> Segment | None:
        """The segment is too long for one Whisper window: cut at its quietest stretch in the
        second half, so no word is cut if there is any pause at all."""
        seg = self._open
        assert seg is not None
        probs = np.asarray(seg.probs)
        half = len(probs) // 2
        # smooth over ~100 ms so one quiet window inside a word does not win
        smooth = np.convolve(probs, np.ones(3) / 3, mode="same")
        cut_window = half + int(np.argmin(smooth[half:]))
        cut = seg.start + cut_window * WINDOW
        out = self._emit(seg.start, cut, seg.voiced, cut)
        rest = probs[cut_window:]
        self._open = _Open(
            start=cut,
            voiced_end=max(seg.voiced_end, cut),
            voiced=int((rest >= self.options.threshold).sum()) * WINDOW,
            silence_from=seg.silence_from if seg.silence_from and seg.silence_from >= cut else None,
            probs=list(rest),
        )
        return out

    def _close(self, end: int) -> Segment | None:
        seg = self._open
        assert seg is not None
        self._open = None
        return self._emit(seg.start, end, seg.voiced, seg.voiced_end)

    def _emit(self, start: int, end: int, voiced: int, voiced_end: int) -> Segment | None:
        self._last_end = end
        if voiced < self._min_speech or end <= start:
            return None
        speech_end = min(max(voiced_end, start), end) - start
        return Segment(start=start, audio=self._slice(start, end).copy(), speech_end=speech_end)

    def _slice(self, start: int, end: int) -> np.ndarray:
        return self._buf[start - self._buf_start : end - self._buf_start]

    def _trim(self) -> None:
        """Keep the open segment's audio, or just the pre-roll when nobody is speaking."""
        keep_from = self._open.start if self._open is not None else max(self._pos - self._pad, 0)
        keep_from = max(keep_from, self._buf_start)
        if keep_from > self._buf_start:
            self._buf = self._buf[keep_from - self._buf_start :].copy()
            self._buf_start = keep_from
