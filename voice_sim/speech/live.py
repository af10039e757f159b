"""A live answer being transcribed on its own thread while it is recorded (the TranscriptStream of
core/ports.py for the Whisper transcriber).

The recording thread only calls `feed`, which copies the block into a queue (STYLE.md 9). This
thread does everything else: voice activity, decoding each closed segment, and about once a
second a preview of the open one, skipped whenever audio is waiting, so previews never make
committed text late. When the answer ends, `finish` hands over the open segment and waits for it:
that segment is the only work left, which is why the final transcript is ready about a second
after the speaker stops.

Works with any session object that has push/flush/preview/open_samples/cues (whisper.py's
TranscriptionSession, or a fake in tests). Must not import the UI or audio hardware.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from typing import Any, Protocol

import numpy as np

from voice_sim.core.models import Cue, Transcript
from voice_sim.core.ports import (
    SAMPLE_RATE,
    CommittedCallback,
    TentativeCallback,
    TranscriptStream,
)

log = logging.getLogger(__name__)
_FINISH = object()
MIN_PREVIEW_GROWTH_S = 0.25  # do not preview again until this much more audio arrived
MAX_PUSH_S = 8.0
"""At most this much queued audio goes to the session at once. Live, the queue holds a block or
two; behind a fast file (run --fast) it holds minutes, and taking it all in one push held it twice
more (joined, then every segment closed in it) before the first word was decoded."""


class Session(Protocol):
    cues: list[Cue]

    def push(self, block: np.ndarray) -> list[Cue]: ...
    def flush(self) -> list[Cue]: ...
    def preview(self) -> str | None: ...
    def open_samples(self) -> int: ...


class WhisperLiveStream(TranscriptStream, threading.Thread):
    def __init__(
        self,
        session: Session,
        on_committed: CommittedCallback | None = None,
        on_tentative: TentativeCallback | None = None,
        preview_interval_s: float | None = 1.0,
    ):
        threading.Thread.__init__(self, name="voice-sim-transcribe", daemon=True)
        self.session = session
        self._on_committed = on_committed
        self._on_tentative = on_tentative
        self._interval = preview_interval_s if on_tentative is not None else None
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._done = threading.Event()
        self._cancelled = threading.Event()
        self._closed = False
        self._error: BaseException | None = None
        self._last_preview = 0.0
        self._previewed_samples = 0
        self._showing = False  # a tentative text is on screen
        self.stats = {"previews": 0, "preview_s": 0.0}  # for scripts/bench_asr.py
        self.start()

    # ----- called from other threads ----------------------------------------------------------

    def feed(self, block: np.ndarray) -> None:
        if self._closed:
            raise RuntimeError("feed() after finish() or cancel()")
        if self._done.is_set():  # the worker failed; finish() will say why
            return
        samples = np.array(block, dtype=np.float32)  # a copy: capture buffers get reused
        if samples.ndim == 2:
            samples = samples.mean(axis=1, dtype=np.float32)
        self._queue.put(samples.reshape(-1))

    def finish(self, timeout: float | None = None) -> Transcript:
        if not self._closed:
            self._closed = True
            self._queue.put(_FINISH)
        if not self._done.wait(timeout):
            raise TimeoutError(f"transcription did not finish within {timeout:.1f} s")
        if self._error is not None:
            raise self._error
        return Transcript(cues=list(self.session.cues), timing="measured")

    def cancel(self) -> None:
        self._cancelled.set()
        if not self._closed:
            self._closed = True
            self._queue.put(_FINISH)
        if threading.current_thread() is not self:
            self._done.wait()

    # ----- the worker -------------------------------------------------------------------------

    def run(self) -> None:
        try:
            self._loop()
        except BaseException as exc:  # handed to finish(); the recording thread must not see it
            log.exception("live transcription failed")
            self._error = exc
        finally:
            self._done.set()

    def _loop(self) -> None:
        while not self._cancelled.is_set():
            item = self._queue.get()
            blocks, finishing = [], item is _FINISH
            if not finishing:
                blocks.append(item)
            size = sum(len(b) for b in blocks)
            # take what is already queued in one go, up to MAX_PUSH_S
            while not finishing and size < MAX_PUSH_S * SAMPLE_RATE:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is _FINISH:
                    finishing = True
                else:
                    blocks.append(more)
                    size += len(more)
            if self._cancelled.is_set():
                return
            if blocks:
                self._commit(self.session.push(np.concatenate(blocks)))
            if finishing:
                self._commit(self.session.flush())
                return
            if self._queue.empty():
                self._maybe_preview()

    def _commit(self, cues: list[Cue]) -> None:
        if not cues:
            return
        if self._showing:
            self._showing = False
            self._previewed_samples = 0
            self._call(self._on_tentative, "")
        for cue in cues:
            self._call(self._on_committed, cue)

    def _maybe_preview(self) -> None:
        if self._interval is None:
            return
        now = time.monotonic()
        if now - self._last_preview < self._interval:
            return
        open_samples = self.session.open_samples()
        if open_samples < self._previewed_samples:  # a new segment opened since
            self._previewed_samples = 0
        if open_samples - self._previewed_samples < MIN_PREVIEW_GROWTH_S * SAMPLE_RATE:
            return
        self._last_preview = now
        self._previewed_samples = open_samples
        text = self.session.preview()
        self.stats["previews"] += 1
        self.stats["preview_s"] += time.monotonic() - now
        if text:
            self._showing = True
            self._call(self._on_tentative, text)

    @staticmethod
    def _call(callback: Any, value: Any) -> None:
        if callback is None:
            return
        try:
            callback(value)
        except Exception:  # a broken display must not stop the transcript
            log.exception("transcript callback failed")
