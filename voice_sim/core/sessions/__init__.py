"""Saved rounds: one private folder per round, atomic files, and a SQLite index for instant history.

    records.py   what a round is (session.json's models), its id, its headline figures
    folder.py    the files in a round's folder, written atomically and read back
    writer.py    FolderWriter: saves a round while it happens (the engine's side)
    index.py     sessions.db: SessionRow, the one model its table, inserts and reads come from
    recovery.py  rounds whose process died become "incomplete", keeping what they wrote
    tails.py     after a crash, the end of each answer that was never transcribed, transcribed
    export.py    the report, WebVTT, SRT and JSON summary of a saved round
    store.py     SessionStore: creates, finds, reads, exports and deletes rounds

Callers import from here. Nothing in this package records, plays or imports a UI.
"""

from voice_sim.core.sessions.folder import window_notes
from voice_sim.core.sessions.index import SessionIndex, SessionRow
from voice_sim.core.sessions.records import (
    Headline,
    Recovered,
    Segment,
    SegmentKind,
    SessionError,
    SessionRecord,
    Status,
    headline_of,
    new_session_id,
)
from voice_sim.core.sessions.store import SessionStore
from voice_sim.core.sessions.writer import FolderWriter

__all__ = [
    "Headline",
    "Recovered",
    "Segment",
    "SegmentKind",
    "SessionError",
    "SessionIndex",
    "SessionRecord",
    "SessionRow",
    "SessionStore",
    "FolderWriter",
    "Status",
    "headline_of",
    "new_session_id",
    "window_notes",
]
