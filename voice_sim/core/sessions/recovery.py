"""After a crash: rounds whose recording process died become "incomplete", keeping what they wrote.

A round is created with status "recording" and its owner's pid (and that process's start time, so
a reused pid is not mistaken for the owner). When the store opens, any such round whose owner is
gone has its WAV headers repaired, its transcribed words analyzed and its results written;
folders the index does not know are indexed again, and rows whose folder was deleted by hand are
dropped (the folders are the truth). It must never delete a file, and never touch a round whose
owner is still alive.
"""

from __future__ import annotations

from pathlib import Path

from voice_sim.core.models import Transcript
from voice_sim.core.sessions.folder import (
    SESSION_FILE,
    read_record,
    read_transcript,
    write_results,
)
from voice_sim.core.sessions.index import SessionIndex
from voice_sim.core.sessions.records import SessionError, SessionRecord, headline_of
from voice_sim.core.storage import owner_alive
from voice_sim.core.wav import repair_wav


def recover(root: Path, index: SessionIndex) -> list[str]:
    """Index unknown folders; mark rounds whose recording process is gone as incomplete.

    Keeps every file they wrote; repairs WAV headers a killed recorder left unfinished, so the
    audio so far is readable, and analyzes the words that were transcribed before the end.
    Returns the ids it marked incomplete.
    """
    index_folders(root, index)
    marked = []
    for sid in index.ids(status="recording"):
        folder = root / sid
        try:
            record = read_record(folder)
        except SessionError:
            if not folder.exists():
                index.remove(sid)  # deleted by hand
            continue
        if record.status == "recording" and not owner_alive(record.pid, record.pid_started):
            mark_incomplete(folder, record, index)
            marked.append(sid)
    return marked


def index_folders(root: Path, index: SessionIndex) -> list[str]:
    """Index every session folder the index does not know (it was lost, or rebuilt), as it is,
    and drop the rows whose folder is gone (deleted by hand). Returns the ids it added."""
    known = set(index.ids())
    try:
        on_disk = sorted(p.name for p in root.iterdir() if (p / SESSION_FILE).is_file())
    except FileNotFoundError:
        return []
    for sid in known:
        # Only a missing folder: one still being created has no session.json for a moment.
        if not (root / sid).is_dir():
            index.remove(sid)
    added = []
    for sid in on_disk:
        if sid in known:
            continue
        try:
            index.put(read_record(root / sid))
        except SessionError:
            continue  # unreadable: left on disk, out of the history
        added.append(sid)
    return added


def mark_incomplete(folder: Path, record: SessionRecord, index: SessionIndex) -> None:
    """Finish a round its process abandoned, from what is on disk, and index it as incomplete."""
    from voice_sim.core.analysis import analyze  # numpy and the analyzer: only a crashed round pays

    for seg in record.segments:
        if seg.kind != "answer" or not seg.audio:
            continue
        seconds = repair_wav(folder / seg.audio)
        if seconds is not None:
            seg.audio_s = round(seconds, 3)
            seg.end_s = max(seg.end_s, round(seg.start_s + seconds, 3))
    transcript = read_transcript(folder)
    candidate = Transcript(cues=[c for c in transcript.cues if c.speaker == "candidate"])
    for seg in record.segments:  # the answer cut short has only its live cues
        if seg.kind == "answer" and not seg.text:
            seg.text = " ".join(
                c.text for c in candidate.cues if seg.start_s <= c.start_s <= seg.end_s
            )
    record.duration_s = max([record.duration_s] + [s.end_s for s in record.segments])
    record.status = "incomplete"
    record.status_reason = f"the program stopped while recording (pid {record.pid})"
    analysis = analyze(transcript, None, record.window_s, opening=record.kind != "whatif") if candidate.cues else None
    record.headline = headline_of(record, analysis)
    write_results(folder, record, transcript, analysis)
    index.put(record)
