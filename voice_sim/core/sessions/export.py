"""A saved round in the shapes people take away: the Markdown report, WebVTT, SRT, one JSON summary.

Built only from the round's folder, so an export made today and one made after a crash recovery
agree. Used by `sessions show/export`, `run --json` and the app's export keys. It returns text and
must not write files: where the text goes is the caller's choice.
"""

from __future__ import annotations

import json
from pathlib import Path

from voice_sim.core.sessions.folder import (
    read_analysis,
    read_record,
    read_transcript,
    window_notes,
)
from voice_sim.core.sessions.records import SessionError
from voice_sim.core.transcripts import to_srt, to_vtt


def summary(sid: str, folder: Path) -> dict[str, object]:
    """The whole round as one JSON-able object (`run --json`, `export --format json`)."""
    analysis = read_analysis(folder)
    return {
        "id": sid,
        "session": read_record(folder).model_dump(mode="json"),
        "folder": str(folder),
        "transcript": read_transcript(folder).model_dump(mode="json"),
        "analysis": analysis.model_dump(mode="json") if analysis else None,
    }


def export(sid: str, folder: Path, fmt: str) -> str:
    """The round as md (the report), vtt or srt (the transcript), or json (the summary)."""
    if fmt == "md":
        # core/report.py imports these models, so it is imported here, late
        from voice_sim.core.report import render_report

        return render_report(read_record(folder), read_transcript(folder), read_analysis(folder))
    if fmt == "vtt":
        return to_vtt(read_transcript(folder), window_notes(read_record(folder)))
    if fmt == "srt":
        return to_srt(read_transcript(folder))
    if fmt == "json":
        return json.dumps(summary(sid, folder), indent=2) + "\n"
    raise SessionError(f"unknown export format '{fmt}'; use md, vtt, srt or json")
