"""A saved round in the shapes people take away: the Markdown report, WebVTT, SRT, one JSON summary.

Built only from the round's folder, so an export made today and one made after a crash recovery
agree. Used by `sessions show/export`, `run --json` and the app's export keys. It returns text and
must not write files: where the text goes is the caller's choice.
"""

from __future__ import annotations

import json
from pathlib import Path

from voice_sim.core.scenario import Scenario
from voice_sim.core.sessions.folder import (
    read_analysis,
    read_record,
    read_transcript,
    window_notes,
)
from voice_sim.core.sessions.questions import questions
from voice_sim.core.sessions.records import SessionError
from voice_sim.core.transcripts import to_srt, to_vtt


def summary(sid: str, folder: Path, scenario: Scenario | None = None) -> dict[str, object]:
    """The whole round as one JSON-able object (`run --json`, `export --format json`), with each
    question and its answer judged on its own (`questions`)."""
    analysis = read_analysis(folder)
    record, transcript = read_record(folder), read_transcript(folder)
    return {
        "id": sid,
        "session": record.model_dump(mode="json"),
        "folder": str(folder),
        "transcript": transcript.model_dump(mode="json"),
        "analysis": analysis.model_dump(mode="json") if analysis else None,
        "questions": [q.model_dump(mode="json") for q in questions(record, transcript, scenario)],
    }


def export(sid: str, folder: Path, fmt: str, scenario: Scenario | None = None) -> str:
    """The round as md (the report), vtt or srt (the transcript), or json (the summary)."""
    if fmt == "md":
        # core/report.py imports these models, so it is imported here, late
        from voice_sim.core.report import render_report

        record, transcript = read_record(folder), read_transcript(folder)
        return render_report(record, transcript, read_analysis(folder), questions(record, transcript, scenario))
    if fmt == "vtt":
        return to_vtt(read_transcript(folder), window_notes(read_record(folder)))
    if fmt == "srt":
        return to_srt(read_transcript(folder))
    if fmt == "json":
        return json.dumps(summary(sid, folder, scenario), indent=2) + "\n"
    raise SessionError(f"unknown export format '{fmt}'; use md, vtt, srt or json")
