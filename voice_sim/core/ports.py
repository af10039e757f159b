"""The small interfaces the round engine drives: speaker, answer source, transcriber, session store.

The engine (core/engine.py) only knows these Protocols; the real pyttsx3 speaker, sounddevice
recorder, file source and faster-whisper transcriber are wired in by voice_sim/runtime.py, and
tests pass fakes (core/fakes.py). Nothing here imports hardware or UI packages.

Times: a `SpokenLine` carries absolute readings of the engine's Clock (time.monotonic() for the
real one); the engine turns them into round time. A transcriber is told the answer's offset on the
round clock and reports cues already shifted onto it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from voice_sim.config import Persona
from voice_sim.core.models import Analysis, Cue, Transcript
from voice_sim.core.scenario import Scenario
from voice_sim.core.sessions import SessionRecord

SAMPLE_RATE = 16_000
"""Every block of audio that crosses a port is 16 kHz mono float32 (-1..1): what Whisper hears."""


@dataclass(frozen=True)
class SpokenLine:
    """What a speaker said. start/end are absolute Clock readings; None = not measured."""

    text: str
    start: float | None = None
    end: float | None = None
    interrupted: bool = False


class Speaker(Protocol):
    def say(self, text: str, persona: Persona) -> SpokenLine:
        """Speak (or show) one line; block until it is spoken or interrupted."""
        ...

    def interrupt(self) -> None:
        """Cut the current line short (from any thread); say() then returns interrupted=True."""
        ...


@dataclass(frozen=True)
class Recording:
    """What an answer source wrote: the audio file (None if nothing was written) and its length."""

    path: Path | None
    duration_s: float


BlockCallback = Callable[[Any], None]
"""Receives one block of 16 kHz mono float32 samples (a numpy array); must return quickly."""
LevelCallback = Callable[[float, float], None]
"""Receives (level 0..1, seconds of silence so far) about ten times a second."""


class AnswerSource(Protocol):
    """Where an answer's audio comes from: the microphone, or a file standing in for it."""

    def start(
        self,
        path: Path,
        on_block: BlockCallback,
        on_level: LevelCallback,
        on_end: Callable[[], None],
    ) -> None:
        """Begin one answer segment, writing audio to `path` as it arrives.

        `on_end` is called (once, from the source's thread) if the source stops by itself: the file
        ran out, the long silence auto-stop fired, or the device went away.
        """
        ...

    def stop(self) -> Recording:
        """End the segment, close the file, and say what was written. Safe after on_end."""
        ...


class TranscriptStream(Protocol):
    def feed(self, block: Any) -> None:
        """Queue audio for transcription; must not block the caller."""
        ...

    def finish(self) -> Transcript:
        """Transcribe what is left and return the whole segment (times on the round clock)."""
        ...


class Transcriber(Protocol):
    def stream(
        self,
        offset_s: float,
        on_committed: Callable[[Cue], None],
        on_tentative: Callable[[str], None],
    ) -> TranscriptStream:
        """Start transcribing one answer that begins at `offset_s` on the round clock.

        on_committed gets each settled cue (round-clock times); on_tentative the words so far
        that may still change. Both are called from the transcriber's thread.
        """
        ...


class SessionWriter(Protocol):
    """One round being saved (core/sessions.py has the real one). Methods are thread-safe."""

    record: SessionRecord

    @property
    def id(self) -> str: ...

    @property
    def folder(self) -> Path: ...

    def audio_path(self, index: int) -> Path:
        """Where the recorder writes answer `index` (1-based); the folder exists and is private."""
        ...

    def checkpoint(self, transcript: Transcript) -> None:
        """Save `record` and the transcript so far atomically: a crash loses at most a moment."""
        ...

    def finish(
        self, transcript: Transcript, analysis: Analysis | None, status: str, reason: str | None
    ) -> SessionRecord:
        """Write the final files (analysis, report) and the index row; returns the record."""
        ...


class Store(Protocol):
    def create(
        self, scenario: Scenario, mode: str, kind: str, round_s: float, window_s: float
    ) -> SessionWriter:
        """Make the round's folder, marked as recording by this process, before anything is said."""
        ...
