"""Stand-ins for the speaker, answer source, transcriber and store, for tests and UI development.

They follow core/ports.py exactly and move a FakeClock instead of waiting, so a whole round runs in
milliseconds and every time in it is known. The Textual app's tests can drive a real Round with
these and no audio hardware. Nothing here is used by a real round.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voice_sim.config import Persona
from voice_sim.core.clock import FakeClock
from voice_sim.core.models import Analysis, Cue, Transcript
from voice_sim.core.ports import Recording, SpokenLine
from voice_sim.core.scenario import Scenario
from voice_sim.core.sessions import SessionRecord, new_session_id

WPM = 150.0


class FakeSpeaker:
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
        return SpokenLine(text, start, self.clock.now(), interrupted=cut)

    def interrupt(self) -> None:
        self.interrupted.set()


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


class FakeSource:
    """Plays scripted answers in turn. `play()` moves the clock through the current answer in
    one-second steps with level reports (as a recorder would, ~10/s) and sends one 'block' per
    sentence (the sentence itself, which FakeTranscriber 'transcribes'); `stop()` ends it."""

    def __init__(self, clock: FakeClock, answers: list[FakeAnswer], step_s: float = 1.0) -> None:
        self.clock, self.answers, self.step_s = clock, list(answers), step_s
        self.current: FakeAnswer | None = None
        self.path: Path | None = None
        self.started_at = 0.0
        self._next = 0
        self._last_voice = 0.0
        self._cb: tuple[Callable[[Any], None], Callable[[float, float], None], Callable[[], None]] | None = None

    def start(self, path: Path, on_block: Callable[[Any], None],
              on_level: Callable[[float, float], None], on_end: Callable[[], None]) -> None:
        if not self.answers:
            raise RuntimeError("no more scripted answers")
        self.current, self.path = self.answers.pop(0), path
        path.write_bytes(b"fake audio\n")
        self.started_at = self.clock.now()
        self._next, self._last_voice = 0, 0.0
        self._cb = (on_block, on_level, on_end)

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
            self._cb[0]((start, stop, sentence))
            self._next += 1
        self._run_to(limit, voiced=False)
        if until_s is None:
            self._cb[2]()

    def stop(self) -> Recording:
        duration = self._elapsed()
        self.current = None
        return Recording(self.path, duration)


class FakeStream:
    def __init__(self, offset_s: float, on_committed: Callable[[Cue], None],
                 on_tentative: Callable[[str], None]) -> None:
        self.offset_s, self.on_committed, self.on_tentative = offset_s, on_committed, on_tentative
        self.cues: list[Cue] = []

    def feed(self, block: Any) -> None:
        start, stop, sentence = block
        self.on_tentative(sentence)
        cue = Cue(start_s=self.offset_s + start, end_s=self.offset_s + stop, text=sentence)
        self.cues.append(cue)
        self.on_committed(cue)

    def finish(self) -> Transcript:
        return Transcript(cues=self.cues)


class FakeTranscriber:
    """'Transcribes' the sentences FakeSource sends, exactly, with their scripted times."""

    def __init__(self) -> None:
        self.streams: list[FakeStream] = []

    def stream(self, offset_s: float, on_committed: Callable[[Cue], None],
               on_tentative: Callable[[str], None]) -> FakeStream:
        s = FakeStream(offset_s, on_committed, on_tentative)
        self.streams.append(s)
        return s


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
