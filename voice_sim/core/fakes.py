"""The one fake of each port (core/ports.py): speaker, answer source, transcriber and store, for
tests and UI development.

They implement the ports exactly and move a FakeClock instead of waiting, so a whole round runs in
milliseconds and every time in it is known. The Textual app's tests, its demo and its screenshots
drive a real Round with these and no audio hardware; tests of the speech and audio parts use the
FakeTranscriber with real audio blocks. Nothing here is used by a real round.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voice_sim.config import Persona
from voice_sim.core.clock import FakeClock
from voice_sim.core.models import Analysis, Cue, Transcript
from voice_sim.core.ports import (
    SAMPLE_RATE,
    AnswerSource,
    BlockCallback,
    CommittedCallback,
    EndCallback,
    LevelCallback,
    ProgressCallback,
    Recording,
    Speaker,
    SpokenLine,
    TentativeCallback,
    Transcriber,
    TranscriptStream,
)
from voice_sim.core.scenario import Scenario
from voice_sim.core.sessions import SessionRecord, new_session_id
from voice_sim.core.transcripts import estimate_timings
from voice_sim.errors import UserError

WPM = 150.0


class FakeSpeaker(Speaker):
    """'Speaks' at WPM by advancing the fake clock; records (persona, text) in `lines`."""

    def __init__(self, clock: FakeClock, wpm: float = WPM, fail: bool = False) -> None:
        self.clock, self.wpm, self.fail = clock, wpm, fail
        self.lines: list[tuple[str, str]] = []
        self.interrupted = threading.Event()

    def say(self, text: str, persona: Persona) -> SpokenLine:
        if self.fail:
            raise RuntimeError("no speech engine")
        start = self.clock.now()
        self.lines.append((persona.name, text))
        self.clock.advance(len(text.split()) * 60.0 / self.wpm)
        cut = self.interrupted.is_set()
        self.interrupted.clear()
        return SpokenLine(text, start, self.clock.now(), interrupted=cut, persona_name=persona.name)

    def interrupt(self) -> None:
        self.interrupted.set()


@dataclass(frozen=True)
class SpokenSentence:
    """FakeSource's stand-in for a block of audio: one sentence and when it was said, in seconds
    from the answer's start. FakeTranscriber 'transcribes' it exactly."""

    start_s: float
    end_s: float
    text: str


@dataclass
class FakeAnswer:
    """One scripted answer: sentences spoken at `wpm`, after `think_s` of silence."""

    text: str
    wpm: float = WPM
    think_s: float = 0.0

    def cues(self) -> list[tuple[float, float, str]]:
        """(start, end, sentence) relative to the answer's start."""
        out, t = [], self.think_s
        for sentence in [s.strip() for s in self.text.replace("?", ".").split(".") if s.strip()]:
            dur = len(sentence.split()) * 60.0 / self.wpm
            out.append((t, t + dur, sentence + "."))
            t += dur
        return out

    @property
    def duration_s(self) -> float:
        cues = self.cues()
        return cues[-1][1] if cues else self.think_s


class FakeSource(AnswerSource):
    """Plays scripted answers in turn. `play()` moves the clock through the current answer in
    one-second steps with level reports (as a recorder would, ~10/s) and sends one 'block' per
    sentence (a SpokenSentence, which FakeTranscriber 'transcribes'); `stop()` ends it."""

    def __init__(self, clock: FakeClock, answers: list[FakeAnswer], step_s: float = 1.0) -> None:
        self.clock, self.answers, self.step_s = clock, list(answers), step_s
        self.current: FakeAnswer | None = None
        self.path: Path | None = None
        self.started_at = 0.0
        self._next = 0
        self._last_voice = 0.0
        self._cb: tuple[BlockCallback, LevelCallback, EndCallback] | None = None

    def start(self, path: Path, on_block: BlockCallback | None = None,
              on_level: LevelCallback | None = None, on_end: EndCallback | None = None) -> None:
        if not self.answers:
            raise RuntimeError("no more scripted answers")
        self.current, self.path = self.answers.pop(0), path
        path.write_bytes(b"fake audio\n")
        self.started_at = self.clock.now()
        self._next, self._last_voice = 0, 0.0
        self._cb = (on_block or _ignore, on_level or _ignore, on_end or _ignore)

    def _elapsed(self) -> float:
        return self.clock.now() - self.started_at

    def _run_to(self, t: float, voiced: bool) -> None:
        assert self._cb is not None
        while self._elapsed() < t - 1e-9:
            self.clock.advance(min(self.step_s, t - self._elapsed()))
            if voiced:
                self._last_voice = self._elapsed()
            self._cb[1](0.5 if voiced else 0.0, 0.0 if voiced else self._elapsed() - self._last_voice)

    def play(self, until_s: float | None = None) -> None:
        """Advance through the answer, to `until_s` seconds into it or to its end (then on_end)."""
        assert self.current is not None and self._cb is not None
        cues = self.current.cues()
        limit = self.current.duration_s if until_s is None else until_s
        while self._next < len(cues) and cues[self._next][1] <= limit + 1e-9:
            start, stop, sentence = cues[self._next]
            self._run_to(start, voiced=False)
            self._run_to(stop, voiced=True)
            block = SpokenSentence(start, stop, sentence)  # what FakeTranscriber 'hears'
            self._cb[0](block)  # type: ignore[arg-type]
            self._next += 1
        self._run_to(limit, voiced=False)
        if until_s is None:
            self._cb[2]()

    def stop(self) -> Recording:
        duration = self._elapsed()
        self.current = None
        return Recording(self.path, duration)


class FakeTranscriber(Transcriber):
    """The one fake transcriber. No model, no threads: callbacks run on the thread that calls
    feed/finish, which keeps tests deterministic. Two ways to script it:

    - fed the SpokenSentence blocks of a FakeSource, it 'transcribes' each sentence exactly, at
      its scripted times (a whole round with the other fakes);
    - given `cues` (on the answer's own clock: 0 = its first sample; `from_text` makes them) and
      fed real audio blocks, it commits each cue once the audio fed reaches its end, shows the
      next cue's first words as tentative text in proportion, and commits the rest on finish().
      transcribe_file returns the cues.
    """

    def __init__(self, cues: list[Cue] | None = None) -> None:
        self.cues = list(cues or [])
        self.streams: list[FakeStream] = []
        self.files: list[Path] = []

    @classmethod
    def from_text(cls, text: str, wpm: float = 150.0) -> FakeTranscriber:
        """Cues for `text`, one a sentence, spoken at `wpm` from time 0."""
        return cls(estimate_timings(text, wpm).cues)

    @property
    def duration_s(self) -> float:
        return max((c.end_s for c in self.cues), default=0.0)

    def stream(self, offset_s: float = 0.0, on_committed: CommittedCallback | None = None,
               on_tentative: TentativeCallback | None = None) -> FakeStream:
        s = FakeStream(self.cues, offset_s, on_committed, on_tentative)
        self.streams.append(s)
        return s

    def transcribe_file(self, path: Path, progress: ProgressCallback | None = None) -> Transcript:
        if not Path(path).is_file():
            raise UserError(f"{path}: no such file")
        self.files.append(Path(path))
        if progress:
            progress(self.duration_s, self.duration_s)
        return Transcript(cues=[c.model_copy(deep=True) for c in self.cues], source=str(path))


class FakeStream(TranscriptStream):
    def __init__(self, cues: list[Cue], offset_s: float, on_committed: CommittedCallback | None,
                 on_tentative: TentativeCallback | None) -> None:
        self.offset_s = offset_s
        self._pending = [_shift(c, offset_s) for c in cues]
        self._on_committed, self._on_tentative = on_committed, on_tentative
        self.cues: list[Cue] = []  # committed so far
        self.fed_s = 0.0
        self.finished = self.cancelled = False

    def feed(self, block: Any) -> None:
        if self.finished or self.cancelled:
            raise RuntimeError("feed() after finish() or cancel()")
        if isinstance(block, SpokenSentence):
            self._tentative(block.text)
            self._commit(Cue(start_s=self.offset_s + block.start_s,
                             end_s=self.offset_s + block.end_s, text=block.text))
            return
        self.fed_s += len(block) / SAMPLE_RATE
        now = self.offset_s + self.fed_s
        while self._pending and self._pending[0].end_s <= now:
            self._commit(self._pending.pop(0))
        if self._pending and self._pending[0].start_s < now:
            cue = self._pending[0]
            words = cue.text.split()
            share = (now - cue.start_s) / max(cue.end_s - cue.start_s, 1e-6)
            self._tentative(" ".join(words[: max(1, int(len(words) * share))]))

    def finish(self, timeout: float | None = None) -> Transcript:
        if not self.cancelled:
            while self._pending:
                self._commit(self._pending.pop(0))
        self.finished = True
        return Transcript(cues=list(self.cues))

    def cancel(self) -> None:
        self.cancelled = True
        self._pending = []

    def _tentative(self, text: str) -> None:
        if self._on_tentative is not None:
            self._on_tentative(text)

    def _commit(self, cue: Cue) -> None:
        self.cues.append(cue)
        self._tentative("")
        if self._on_committed is not None:
            self._on_committed(cue)


def _shift(cue: Cue, offset_s: float) -> Cue:
    words = [w.model_copy(update={"start_s": w.start_s + offset_s, "end_s": w.end_s + offset_s})
             for w in cue.words]
    return cue.model_copy(update={"start_s": cue.start_s + offset_s, "end_s": cue.end_s + offset_s,
                                  "words": words})


def _ignore(*args: object) -> None:
    pass


@dataclass
class MemoryWriter:
    record: SessionRecord
    folder: Path
    checkpoints: int = 0
    transcript: Transcript | None = None
    analysis: Analysis | None = None
    finished: bool = False

    @property
    def id(self) -> str:
        return self.record.id

    def audio_path(self, index: int) -> Path:
        return self.folder / f"answer-{index:02d}.wav"

    def checkpoint(self, transcript: Transcript) -> None:
        self.checkpoints += 1
        self.transcript = transcript

    def finish(self, transcript: Transcript, analysis: Analysis | None, status: str,
               reason: str | None) -> SessionRecord:
        self.transcript, self.analysis, self.finished = transcript, analysis, True
        self.record.status = status  # type: ignore[assignment]
        self.record.status_reason = reason
        return self.record


@dataclass
class MemoryStore:
    """Keeps sessions in memory; audio 'files' go to `folder` (a tmp_path in tests)."""

    folder: Path
    writers: list[MemoryWriter] = field(default_factory=list)

    def create(self, scenario: Scenario, mode: str, kind: str, round_s: float,
               window_s: float) -> MemoryWriter:
        from datetime import UTC, datetime

        record = SessionRecord(
            id=new_session_id(), scenario_id=scenario.id, scenario_title=scenario.title, mode=mode,
            kind=kind, started_at=datetime.now(UTC), round_s=round_s, window_s=window_s,
        )
        w = MemoryWriter(record, self.folder)
        self.writers.append(w)
        return w
