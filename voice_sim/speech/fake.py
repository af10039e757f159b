"""FakeTranscriber: a scripted stand-in for the speech engine, for tests of other parts.

It returns the cues it was given, shifted onto the stream's clock as audio is fed: a cue is
committed once the audio fed so far reaches its end, and the next cue's words show as tentative
text in proportion. No model, no threads: callbacks run on the thread that calls feed/finish,
which keeps tests deterministic. Never use it outside tests.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from voice_sim.core.models import Cue, Transcript, Word
from voice_sim.core.transcripts import estimate_timings
from voice_sim.errors import UserError
from voice_sim.speech.transcriber import (
    SAMPLE_RATE,
    CommittedCallback,
    LiveStream,
    ProgressCallback,
    TentativeCallback,
    Transcriber,
)


class FakeTranscriber(Transcriber):
    def __init__(self, cues: list[Cue] | None = None):
        """`cues` are on the answer's own clock (0 = the answer's first sample)."""
        self.cues = list(cues or [])
        self.streams: list[FakeLiveStream] = []
        self.files: list[Path] = []

    @classmethod
    def from_text(cls, text: str, wpm: float = 150.0) -> FakeTranscriber:
        """Cues for `text`, one a sentence, spoken at `wpm` from time 0."""
        return cls(estimate_timings(text, wpm).cues)

    def transcribe_file(self, path: Path, progress: ProgressCallback | None = None) -> Transcript:
        if not Path(path).is_file():
            raise UserError(f"{path}: no such file")
        self.files.append(Path(path))
        if progress:
            progress(self.duration_s, self.duration_s)
        return Transcript(cues=[c.model_copy(deep=True) for c in self.cues], source=str(path))

    def stream(
        self,
        offset_s: float = 0.0,
        on_committed: CommittedCallback | None = None,
        on_tentative: TentativeCallback | None = None,
    ) -> FakeLiveStream:
        stream = FakeLiveStream(self.cues, offset_s, on_committed, on_tentative)
        self.streams.append(stream)
        return stream

    @property
    def duration_s(self) -> float:
        return max((c.end_s for c in self.cues), default=0.0)


class FakeLiveStream(LiveStream):
    def __init__(
        self,
        cues: list[Cue],
        offset_s: float,
        on_committed: CommittedCallback | None,
        on_tentative: TentativeCallback | None,
    ):
        self._pending = [_shift(c, offset_s) for c in cues]
        self._offset = offset_s
        self._on_committed = on_committed
        self._on_tentative = on_tentative
        self.committed: list[Cue] = []
        self.fed_s = 0.0
        self.finished = False
        self.cancelled = False

    def feed(self, block: np.ndarray) -> None:
        if self.finished or self.cancelled:
            raise RuntimeError("feed() after finish() or cancel()")
        self.fed_s += len(block) / SAMPLE_RATE
        now = self._offset + self.fed_s
        while self._pending and self._pending[0].end_s <= now:
            self._commit(self._pending.pop(0))
        if self._pending and self._on_tentative and self._pending[0].start_s < now:
            cue = self._pending[0]
            words = cue.text.split()
            share = (now - cue.start_s) / max(cue.end_s - cue.start_s, 1e-6)
            self._on_tentative(" ".join(words[: max(1, int(len(words) * share))]))

    def finish(self, timeout: float | None = None) -> Transcript:
        if not self.cancelled:
            while self._pending:
                self._commit(self._pending.pop(0))
        self.finished = True
        return Transcript(cues=list(self.committed))

    def cancel(self) -> None:
        self.cancelled = True
        self._pending = []

    def _commit(self, cue: Cue) -> None:
        self.committed.append(cue)
        if self._on_tentative:
            self._on_tentative("")
        if self._on_committed:
            self._on_committed(cue)


def _shift(cue: Cue, offset_s: float) -> Cue:
    words = [Word(start_s=w.start_s + offset_s, end_s=w.end_s + offset_s, text=w.text,
                  probability=w.probability) for w in cue.words]
    return cue.model_copy(update={"start_s": cue.start_s + offset_s, "end_s": cue.end_s + offset_s,
                                  "words": words})
