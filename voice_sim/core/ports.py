"""The ports: the one definition of each interface between the round engine and the parts that
touch hardware, models or disk, and of the values that cross them.

The engine (core/engine.py) only knows these. The parts implement them directly, with no adapter
in between (STYLE.md 13):

    Speaker         speech/pyttsx3_speaker.Pyttsx3Speaker, speech/speaker.TextOnlySpeaker
    AnswerSource    audio/capture.Recorder (microphone), audio/files.FileSource, AnswerFiles
    Transcriber     speech/whisper.WhisperTranscriber; its TranscriptStream: speech/live.py
    Store           core/sessions.SessionStore, whose FolderWriter implements SessionWriter
    all of them     core/fakes.py: the one fake of each, for tests and the UI's demo

voice_sim/runtime.py picks the real ones. Nothing here imports hardware or UI packages.

Units: audio blocks are SAMPLE_RATE mono float32 numpy arrays (-1..1). A `SpokenLine` carries
absolute readings of the engine's Clock (time.monotonic() for the real one); the engine turns them
into round time. A transcriber is told the answer's offset on the round clock and reports cues
already shifted onto it. Levels are on a 0..1 meter scale (`level_from_db`).
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from voice_sim.config import Persona
from voice_sim.core.models import Analysis, Cue, Transcript
from voice_sim.core.scenario import Scenario

if TYPE_CHECKING:
    import numpy as np

    from voice_sim.core.sessions import SessionRecord  # sessions may implement these ports

SAMPLE_RATE = 16_000
"""Every block of audio that crosses a port is 16 kHz mono float32 (-1..1): what Whisper hears."""

METER_FLOOR_DB = -60.0  # a quiet room; the bottom of the level meter


def level_from_db(db: float) -> float:
    """dBFS (METER_FLOOR_DB or quieter .. 0 = full scale) to the 0..1 meter level, linearly."""
    return min(1.0, max(0.0, (db - METER_FLOOR_DB) / -METER_FLOOR_DB))


# ----- the panel's voice --------------------------------------------------------------------------


@dataclass(frozen=True)
class SpokenLine:
    """What a speaker said. start/end are absolute Clock readings when the line began and ended
    (None = not measured). A line cut short, or dropped before it began, has interrupted=True."""

    text: str
    start: float | None = None
    end: float | None = None
    interrupted: bool = False
    persona_name: str | None = None

    @property
    def duration_s(self) -> float:
        return 0.0 if self.start is None or self.end is None else self.end - self.start


class Speaker(Protocol):
    @abstractmethod
    def say(self, text: str, persona: Persona) -> SpokenLine:
        """Speak (or show) one line; block until it is spoken or interrupted."""

    @abstractmethod
    def interrupt(self) -> None:
        """Cut the current line short (from any thread); say() then returns interrupted=True."""


# ----- the candidate's audio ------------------------------------------------------------------------


@dataclass(frozen=True)
class Recording:
    """What an answer source wrote: the audio file (None if nothing was written) and its length.
    `disk_full`: the disk filled up while writing; the file holds what fit, readable."""

    path: Path | None
    duration_s: float
    disk_full: bool = False


BlockCallback = Callable[["np.ndarray"], None]
"""Receives one block of audio (SAMPLE_RATE mono float32); must return quickly."""
LevelCallback = Callable[[float, float], None]
"""Receives (level, silence_s) about ten times a second, one call per 0.1 s of audio: level is the
RMS of that 0.1 s on the 0..1 meter scale (`level_from_db`: 0 = -60 dBFS or quieter, 1 = full
scale), silence_s the seconds of silence so far (0 while someone speaks)."""
EndCallback = Callable[[], None]
"""Called once, from the source's thread, when the source stopped by itself."""


class AnswerSource(Protocol):
    """Where an answer's audio comes from: the microphone, or a file standing in for it."""

    @abstractmethod
    def start(
        self,
        path: Path,
        on_block: BlockCallback | None = None,
        on_level: LevelCallback | None = None,
        on_end: EndCallback | None = None,
    ) -> None:
        """Begin one answer segment, writing audio to `path` as it arrives (the disk first: a
        slow or failing callback never costs audio). Callbacks run on the source's own thread.

        `on_end` is called if the source stops by itself: the file ran out, the long silence
        auto-stop fired, or the device went away.
        """

    @abstractmethod
    def stop(self) -> Recording:
        """End the segment, close the file, and say what was written. Safe after on_end."""


# ----- speech to text -----------------------------------------------------------------------------

CommittedCallback = Callable[[Cue], None]
"""Gets each settled cue (round-clock times), from the stream's worker thread."""
TentativeCallback = Callable[[str], None]
"""Gets the words heard since the last committed cue (may still change; '' clears), from the
stream's worker thread."""
ProgressCallback = Callable[[float, float], None]
"""Gets (seconds of audio done, seconds in total) while a file is transcribed."""


class TranscriptStream(Protocol):
    """One answer being transcribed while it is spoken."""

    @abstractmethod
    def feed(self, block: np.ndarray) -> None:
        """Queue a block of audio. Returns at once (it is called from the recording thread)."""

    @abstractmethod
    def finish(self, timeout: float | None = None) -> Transcript:
        """The answer ended: transcribe what is left and return every committed cue (times are
        the stream's offset plus seconds of audio fed). Raises TimeoutError if `timeout` passes
        first, and re-raises an error the stream's worker met."""

    @abstractmethod
    def cancel(self) -> None:
        """Stop now and drop what is not transcribed yet. Safe to call twice or after finish."""


class Transcriber(Protocol):
    """A speech-to-text engine with its model loaded."""

    @abstractmethod
    def stream(
        self,
        offset_s: float = 0.0,
        on_committed: CommittedCallback | None = None,
        on_tentative: TentativeCallback | None = None,
    ) -> TranscriptStream:
        """Start transcribing one answer that begins at `offset_s` on the round clock."""

    @abstractmethod
    def transcribe_file(self, path: Path, progress: ProgressCallback | None = None) -> Transcript:
        """Transcribe a whole audio file (WAV, FLAC, MP3, M4A, ...), times from its start. Raises
        UserError for audio that cannot be transcribed (unreadable, empty, silent, truncated,
        too long)."""


# ----- saving the round ---------------------------------------------------------------------------


class SessionWriter(Protocol):
    """One round being saved. Methods are thread-safe."""

    record: SessionRecord

    @property
    @abstractmethod
    def id(self) -> str: ...

    @property
    @abstractmethod
    def folder(self) -> Path: ...

    @abstractmethod
    def audio_path(self, index: int) -> Path:
        """Where the recorder writes answer `index` (1-based); the folder exists and is private."""

    @abstractmethod
    def checkpoint(self, transcript: Transcript) -> None:
        """Save `record` and the transcript so far atomically: a crash loses at most a moment."""

    @abstractmethod
    def finish(
        self, transcript: Transcript, analysis: Analysis | None, status: str, reason: str | None
    ) -> SessionRecord:
        """Write the final files (analysis, report) and the index row; returns the record."""


class Store(Protocol):
    @abstractmethod
    def create(
        self, scenario: Scenario, mode: str, kind: str, round_s: float, window_s: float
    ) -> SessionWriter:
        """Make the round's folder, marked as recording by this process, before anything is said."""
