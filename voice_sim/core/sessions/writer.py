"""Saving one round while it happens: the engine's side of the session store.

The engine mutates `record` as the round goes and calls checkpoint() after every turn and settled
cue, so a process killed at any moment loses at most a moment; finish() writes the results and the
index row. Every file is written atomically and kept private, including audio that a recorder
replaced with a world-readable file. It must not record, play or decide anything about the round.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from voice_sim.core.models import Analysis, Transcript
from voice_sim.core.sessions.folder import (
    AUDIO_DIR,
    SESSION_FILE,
    write_results,
    write_transcript,
)
from voice_sim.core.sessions.records import SessionRecord, headline_of
from voice_sim.core.storage import FILE_MODE, private_dir, write_atomic

if TYPE_CHECKING:
    from voice_sim.core.sessions.index import SessionIndex


class FolderWriter:  # implements core.ports.SessionWriter
    """Saves one round as it happens. The engine mutates `record`; every save is atomic."""

    def __init__(self, index: SessionIndex, record: SessionRecord, folder: Path) -> None:
        self.record = record
        self._index, self._folder = index, folder
        self._lock = threading.RLock()

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def folder(self) -> Path:
        return self._folder

    def audio_path(self, index: int) -> Path:
        """Answer `index`'s file, created empty and 0600 so a recorder that opens it for writing
        keeps it private (an existing file keeps its mode)."""
        path = private_dir(self._folder / AUDIO_DIR) / f"answer-{index:02d}.wav"
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
        os.chmod(path, FILE_MODE)
        return path

    def _seal_audio(self) -> None:
        # A recorder that replaced the file (write then rename) may have left it world-readable.
        for path in (self._folder / AUDIO_DIR).glob("*"):
            if path.is_file() and path.stat().st_mode & 0o077:
                os.chmod(path, FILE_MODE)

    def checkpoint(self, transcript: Transcript) -> None:
        with self._lock:
            self._seal_audio()
            write_transcript(self._folder, self.record, transcript)
            write_atomic(self._folder / SESSION_FILE, self.record.model_dump_json(indent=2))

    def finish(self, transcript: Transcript, analysis: Analysis | None, status: str,
               reason: str | None) -> SessionRecord:
        with self._lock:
            self.record.status = status  # type: ignore[assignment]
            self.record.status_reason = reason
            self.record.headline = headline_of(self.record, analysis)
            self._seal_audio()
            write_results(self._folder, self.record, transcript, analysis)
            self._index.put(self.record)
            return self.record
