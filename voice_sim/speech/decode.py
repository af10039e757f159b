"""Decode one segment of speech with a faster-whisper model: committed words, and quick previews.

Why not WhisperModel.transcribe for each segment: after the first 30 s window it moves to the
last timestamp and decodes the leftover (often just the trailing pause) again. On short segments
that doubled the work and produced the classic "Thank you." invented in silence. Here a segment
gets one window; a second one only when the voice activity detector says speech is left that the
first did not cover. The steps are faster-whisper's own (encode, generate with temperature
fallback, cross-attention word alignment), called directly.

Must not know about streams, files or cues: audio in, words relative to the audio's start out.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import ctranslate2
import numpy as np
from faster_whisper import WhisperModel
from faster_whisper.audio import pad_or_trim
from faster_whisper.tokenizer import Tokenizer
from faster_whisper.transcribe import get_suppressed_tokens, merge_punctuations

from voice_sim.core.ports import SAMPLE_RATE

FRAMES_PER_S = 100  # mel frames
WINDOW_FRAMES = 3000  # Whisper sees 30 s at a time
PREPEND = "\"'“¿([{-"
APPEND = "\"'.。,，!！?？:：”)]}、"
TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


@dataclass(frozen=True)
class RawWord:
    start: float  # seconds from the start of the decoded audio
    end: float
    text: str
    probability: float


@dataclass(frozen=True)
class DecodeOptions:
    beam_size: int = 5
    """Beam width for committed segments (faster-whisper's default)."""
    best_of: int = 5
    """Samples drawn when a decode falls back to a higher temperature."""
    context_words: int = 30
    """How many committed words (from before the audio context) follow the filler prompt."""
    context_s: float = 22.0
    """Up to this much of the previous segments' audio is decoded before each new segment, with
    their committed text as a forced prefix (0: off). Short segments alone lose accuracy
    (18.5% WER against faster-whisper's 14.7% on the tuning set); with 22 s of context: 14.1%.
    Each forced token costs a beam-search step (about 1 s per segment at 22 s on 2 cores)."""
    final_context_s: float = 6.0
    """Context for the segment still open when the answer ends: the speaker is waiting for it,
    so a shorter prefix trades a little accuracy on that one segment for half the latency."""
    preview_interval_s: float = 1.0
    """How often the open segment is previewed while someone is talking."""
    preview_tokens_per_s: float = 5.0
    """Cap on preview length: English speech is about 3.5 tokens a second."""


class WindowDecoder:
    def __init__(self, model: WhisperModel, options: DecodeOptions):
        self.model = model
        self.options = options
        self.tokenizer = Tokenizer(
            model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language="en"
        )
        self._suppress = get_suppressed_tokens(self.tokenizer, [-1])
        self.stats = {"windows": 0, "fallbacks": 0, "previews": 0}  # for scripts/bench_asr.py

    def words(
        self, audio: np.ndarray, prompt: str | None, speech_end_s: float | None = None,
        context: tuple[np.ndarray, str] | None = None,
    ) -> list[RawWord]:
        """Committed words of `audio` (a closed segment of at most 30 s, usually much less).

        `context`: the previous segment's audio and committed text. Whisper hears it before the
        new audio, and is forced to start its output with that text (a decoder prefix), so the
        new words are decoded with the acoustic context a long window would give, for free: the
        encoder always sees 30 s anyway."""
        speech_end_s = len(audio) / SAMPLE_RATE if speech_end_s is None else speech_end_s
        out: list[RawWord] = []
        offset = 0.0
        for attempt in range(3):  # a first window, and at most two follow-ups for missed speech
            words = self._window(audio[int(offset * SAMPLE_RATE) :], prompt,
                                 context if attempt == 0 else None)
            out += [RawWord(w.start + offset, w.end + offset, w.text, w.probability) for w in words]
            last = out[-1].end if out else offset
            if not words or speech_end_s - last < 1.0 or last <= offset:
                break
            offset = last
        return out

    def _window(
        self, audio: np.ndarray, prompt: str | None, context: tuple[np.ndarray, str] | None = None
    ) -> list[RawWord]:
        if len(audio) < SAMPLE_RATE // 10:
            return []
        tok = self.tokenizer
        prefix_tokens: list[int] = []
        shift = 0.0
        room = (WINDOW_FRAMES // FRAMES_PER_S - 1) * SAMPLE_RATE - len(audio)
        if context is not None and context[1].strip() and 0 < len(context[0]) <= room:
            prefix_tokens = tok.encode(" " + context[1].strip())
            shift = len(context[0]) / SAMPLE_RATE
            audio = np.concatenate([context[0], audio])
        features = self.model.feature_extractor(audio)
        content = min(features.shape[-1] - 1, WINDOW_FRAMES)
        encoded = self.model.encode(pad_or_trim(features[:, :WINDOW_FRAMES]))
        previous = tok.encode(" " + prompt.strip())[-200:] if prompt else []
        ids = self.model.get_prompt(tok, previous, without_timestamps=False)
        forced = [tok.timestamp_begin, *prefix_tokens] if prefix_tokens else []
        ids = ids + forced
        tokens = self._generate(encoded, ids, content / FRAMES_PER_S)
        if forced and tokens[: len(forced)] == forced:  # CTranslate2 returns the prefix too
            tokens = tokens[len(forced) :]
        text_tokens = [t for t in tokens if t < tok.eot]
        if not text_tokens:
            return []
        alignment = self.model.find_alignment(tok, [prefix_tokens + text_tokens], encoded, content)[0]
        # drop the prefix's words: they were committed with the previous segment
        skip, kept = len(prefix_tokens), []
        for w in alignment:
            if skip > 0:
                skip -= len(w["tokens"])
                continue
            kept.append(w)
        merge_punctuations(kept, PREPEND, APPEND)
        seconds = content / FRAMES_PER_S
        return [
            RawWord(
                start=float(max(min(w["start"], seconds) - shift, 0.0)),
                end=float(max(min(w["end"], seconds) - shift, 0.0)),
                text=w["word"].strip(), probability=float(w["probability"]),
            )
            for w in kept
            if w["word"].strip()
        ]

    def _generate(self, encoded: ctranslate2.StorageView, prompt: list[int], seconds: float) -> list[int]:
        """Beam search, then sampling at rising temperatures while the text looks wrong (too
        unlikely, or a repetition loop), as Whisper does. Returns [] for a window judged silent.

        Whisper calls text a loop when it compresses too well; a speaker who really repeats a
        sentence trips that too, and sampling then garbles every copy. A loop also runs longer
        than anyone talks, so only text faster than 6 tokens a second (English is about 3.5)
        counts as one."""
        best: tuple[bool, float, list[int]] | None = None
        self.stats["windows"] += 1
        for temperature in TEMPERATURES:
            if temperature > 0:
                self.stats["fallbacks"] += 1
            if temperature == 0:
                kwargs = {"beam_size": self.options.beam_size, "patience": 1.0}
            else:
                kwargs = {"beam_size": 1, "num_hypotheses": self.options.best_of,
                          "sampling_topk": 0, "sampling_temperature": temperature}
            result = self.model.model.generate(
                encoded, [prompt], max_length=448, return_scores=True, return_no_speech_prob=True,
                suppress_blank=True, suppress_tokens=self._suppress,
                max_initial_timestamp_index=50, **kwargs,
            )[0]
            tokens = result.sequences_ids[0]
            avg_logprob = result.scores[0] * len(tokens) / (len(tokens) + 1)
            if result.no_speech_prob > 0.6 and avg_logprob < -1.0:
                return []  # silence: Whisper's own no-speech rule
            text = self.tokenizer.decode(tokens).strip()
            repetitive = _compression_ratio(text) > 2.4 and len(tokens) > 6 * seconds + 10
            candidate = (not repetitive, avg_logprob, tokens)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
            if not repetitive and avg_logprob >= -1.0:
                return tokens
        return best[2] if best else []

    def preview(self, audio: np.ndarray, prompt: str | None) -> str:
        """Quick, rough text of an open segment. The encoder sees only the audio plus 2 s instead
        of a 30 s window (several times cheaper); the price is a tendency to repeat itself, which
        the token cap and _trim_repeats contain. Never committed."""
        tok = self.tokenizer
        seconds = len(audio) / SAMPLE_RATE
        features = self.model.feature_extractor(audio)
        frames = min(features.shape[-1] + 2 * FRAMES_PER_S, WINDOW_FRAMES)
        batch = np.zeros((1, features.shape[0], frames), dtype=np.float32)
        batch[0, :, : min(features.shape[-1], frames)] = features[:, :frames]
        prompt_ids = tok.encode(" " + prompt.strip())[-200:] if prompt else []
        ids = ([tok.sot_prev, *prompt_ids] if prompt_ids else []) + [*tok.sot_sequence, tok.no_timestamps]
        max_length = min(len(ids) + int(seconds * self.options.preview_tokens_per_s) + 8, 448)
        encoded = self.model.model.encode(ctranslate2.StorageView.from_array(batch))
        result = self.model.model.generate(
            encoded, [ids], beam_size=1, max_length=max_length,
            suppress_blank=True, suppress_tokens=self._suppress,
        )[0]
        return " ".join(_trim_repeats(tok.decode(result.sequences_ids[0]).split()))


def _compression_ratio(text: str) -> float:
    data = text.encode("utf-8")
    return len(data) / max(len(zlib.compress(data)), 1)


def _norm(word: str) -> str:
    return re.sub(r"[^\w']", "", word.lower())


def _trim_repeats(words: list[str]) -> list[str]:
    """Cut a preview where it starts over, and drop a word said a third time in a row."""
    keys = [_norm(w) for w in words]
    for k in (4, 3):
        head = keys[:k]
        for j in range(k, len(keys) - k + 1):
            if keys[j : j + k] == head:
                words, keys = words[:j], keys[:j]
                break
    return [w for i, w in enumerate(words) if not (i >= 2 and keys[i] == keys[i - 1] == keys[i - 2])]
