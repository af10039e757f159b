"""One round's folder on disk: the names of its files, and how each is written and read.

    session.json      SessionRecord: status, owner pid, segments with round-clock times, headline
    transcript.json   every panel line and answer cue (Transcript model)
    transcript.vtt    the same, with NOTE markers (segments, the end of the signal window)
    analysis.json     the analysis of the candidate's answers (written when the round ends)
    report.md         the Markdown report (written when the round ends)
    audio/answer-NN.wav  one file per answer segment, written by the recorder as audio arrives

The folder is the truth about a round; sessions.db only indexes it. Every write is atomic and
private (core/storage.py), and session.json goes last, so a reader never sees a status that the
other files do not back. Nothing here knows about the index or which rounds exist.
"""

from __future__ import annotations

from pathlib import Path

from voice_sim.core.labels import clock
from voice_sim.core.models import Analysis, Transcript
from voice_sim.core.safe_read import read_regular_file
from voice_sim.core.sessions.records import SessionError, SessionRecord
from voice_sim.core.storage import write_atomic
from voice_sim.core.transcripts import to_json, to_vtt

SESSION_FILE = "session.json"
TRANSCRIPT_JSON = "transcript.json"
TRANSCRIPT_VTT = "transcript.vtt"
ANALYSIS_FILE = "analysis.json"
REPORT_FILE = "report.md"
AUDIO_DIR = "audio"
FILE_LIMIT = 512 * 2**20  # far above a day of transcript; a file past it is not ours


def _read(path: Path) -> bytes:
    """A session file's bytes; a FIFO or device put in its place is refused, not waited on."""
    return read_regular_file(path, FILE_LIMIT)


def window_notes(record: SessionRecord) -> list[tuple[float, str]]:
    """NOTE markers for the WebVTT file: each turn, and the end of the signal window."""
    notes: list[tuple[float, str]] = []
    answers = followups = 0
    for seg in record.segments:
        if seg.kind == "answer":
            answers += 1
            audio = f" ({seg.audio})" if seg.audio else ""
            notes.append((seg.start_s, f"answer {answers} begins{audio}"))
        elif seg.kind == "followup":
            followups += 1
            why = f" ({seg.probe})" if seg.probe else ""
            notes.append((seg.start_s, f"follow-up {followups}{why}"))
        elif seg.kind == "prompt":
            notes.append((seg.start_s, "the round begins: the panel's prompt"))
        else:
            notes.append((seg.start_s, "wrap-up"))
    notes.append((record.window_s, f"end of the signal window ({clock(record.window_s)})"))
    return notes


def write_transcript(folder: Path, record: SessionRecord, transcript: Transcript) -> None:
    write_atomic(folder / TRANSCRIPT_JSON, to_json(transcript))
    write_atomic(folder / TRANSCRIPT_VTT, to_vtt(transcript, window_notes(record)))


def write_results(folder: Path, record: SessionRecord, transcript: Transcript,
                  analysis: Analysis | None) -> None:
    """Everything a finished (or recovered) round has; session.json last: the status flip."""
    # core/report.py imports these models, so it is imported here, late
    from voice_sim.core.report import render_report

    write_transcript(folder, record, transcript)
    if analysis is not None:
        write_atomic(folder / ANALYSIS_FILE, analysis.model_dump_json(indent=2))
    write_atomic(folder / REPORT_FILE, render_report(record, transcript, analysis))
    write_atomic(folder / SESSION_FILE, record.model_dump_json(indent=2))


def read_record(folder: Path) -> SessionRecord:
    path = folder / SESSION_FILE
    try:
        return SessionRecord.model_validate_json(_read(path))
    except FileNotFoundError:
        raise SessionError(
            f"{folder}: the session folder is missing or has no {SESSION_FILE}"
        ) from None
    except (OSError, ValueError) as exc:
        raise SessionError(f"{path}: cannot read ({str(exc).splitlines()[0]})") from None


def read_transcript(folder: Path) -> Transcript:
    """The saved transcript; an empty one if the round ended before anything was saved."""
    path = folder / TRANSCRIPT_JSON
    if not path.exists():
        return Transcript()
    try:
        return Transcript.model_validate_json(_read(path))
    except (OSError, ValueError) as exc:
        raise SessionError(f"{path}: cannot read ({str(exc).splitlines()[0]})") from None


def read_analysis(folder: Path) -> Analysis | None:
    """The saved analysis; None if the round has none (no words, or it ended before the end)."""
    path = folder / ANALYSIS_FILE
    if not path.exists():
        return None
    try:
        return Analysis.model_validate_json(_read(path))
    except (OSError, ValueError) as exc:
        raise SessionError(f"{path}: cannot read the analysis ({exc})") from None
