"""Transcribe an audio file for the command line (`transcribe`, `analyze AUDIO`), with a progress
bar on a terminal. Every failure the user can fix is a UserError with one line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from voice_sim.audio.reader import AudioReader
from voice_sim.core.models import Transcript

if TYPE_CHECKING:
    from voice_sim.config import Settings


def transcribe_path(
    path: Path, settings: Settings, model: str | None = None, progress: bool = False
) -> Transcript:
    """The transcript of an audio file (WAV, FLAC, MP3, M4A, ...), times from the file's start.

    Raises UserError for unreadable, empty, silent, truncated or too long audio, for a missing
    model or package. `progress` draws a bar on stderr (use it only when stderr is a terminal).
    """
    with AudioReader(path) as reader:  # the header's checks before the model loads (1-2 s)
        declared = reader.info.duration_s or 0.0
    from voice_sim.speech.transcriber import make_transcriber

    transcriber = make_transcriber(settings, model)
    if not progress:
        return transcriber.transcribe_file(path)
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn(f"transcribing {path.name}"), BarColumn(),
        TextColumn("{task.fields[seconds]}"), TimeRemainingColumn(),
    )
    from rich.console import Console

    with Progress(*columns, console=Console(file=sys.stderr), transient=True) as bar:
        task = bar.add_task("transcribe", total=declared or None, seconds="")

        def update(done: float, total: float) -> None:
            bar.update(task, completed=done, total=total or None, seconds=f"{done:.0f}/{total:.0f} s")

        return transcriber.transcribe_file(path, progress=update)
