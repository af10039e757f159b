"""sessions.db: one row per saved round, so the history shows at once without opening every folder.

The index is a cache of the session folders: anything in it can be rebuilt from their session.json
files (recovery.py does), so it must never hold anything a folder does not. It answers the
questions the history asks (newest first, by scenario, by id prefix) and nothing else.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel

from voice_sim.core.sessions.records import SessionRecord, Status
from voice_sim.core.storage import FILE_MODE, private_dir

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    scenario_id TEXT NOT NULL,
    scenario_title TEXT NOT NULL,
    mode TEXT NOT NULL,
    kind TEXT NOT NULL,
    started_at TEXT NOT NULL,
    duration_s REAL NOT NULL,
    status TEXT NOT NULL,
    pid INTEGER,
    pid_started TEXT,
    answers INTEGER NOT NULL DEFAULT 0,
    words INTEGER NOT NULL DEFAULT 0,
    signals_in_window INTEGER NOT NULL DEFAULT 0,
    impact INTEGER,
    feasibility INTEGER,
    tradeoff INTEGER,
    flags INTEGER
);
CREATE INDEX IF NOT EXISTS sessions_started ON sessions (started_at);
CREATE INDEX IF NOT EXISTS sessions_scenario ON sessions (scenario_id, started_at);
"""
_COLUMNS = (
    "id", "scenario_id", "scenario_title", "mode", "kind", "started_at", "duration_s", "status",
    "pid", "pid_started", "answers", "words", "signals_in_window", "impact", "feasibility",
    "tradeoff", "flags",
)


class SessionRow(BaseModel):
    """One line of history, straight from sessions.db."""

    id: str
    scenario_id: str
    scenario_title: str
    mode: str
    kind: str
    started_at: datetime
    duration_s: float
    status: Status
    answers: int
    words: int
    signals_in_window: int
    impact: int | None
    feasibility: int | None
    tradeoff: int | None
    flags: int | None


class SessionIndex:
    """The index file at `path`. Each call opens its own connection, so any thread may call."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def create(self) -> None:
        """Make the file (private) and the table if they are not there yet."""
        if not self.path.exists():
            private_dir(self.path.parent)
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
        with closing(self._connect()) as con:
            con.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=10)
        con.row_factory = sqlite3.Row
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
        return con

    def put(self, record: SessionRecord) -> None:
        """Add or replace the record's row."""
        h = record.headline
        values = {
            "id": record.id, "scenario_id": record.scenario_id,
            "scenario_title": record.scenario_title, "mode": record.mode, "kind": record.kind,
            "started_at": record.started_at.astimezone(UTC).isoformat(),
            "duration_s": record.duration_s, "status": record.status, "pid": record.pid,
            "pid_started": record.pid_started, "answers": h.answers, "words": h.words,
            "signals_in_window": h.signals_in_window, "impact": h.impact,
            "feasibility": h.feasibility, "tradeoff": h.tradeoff, "flags": h.flags,
        }
        cols = ", ".join(_COLUMNS)
        marks = ", ".join(f":{c}" for c in _COLUMNS)
        with closing(self._connect()) as con, con:
            con.execute(f"INSERT OR REPLACE INTO sessions ({cols}) VALUES ({marks})", values)

    def remove(self, sid: str) -> None:
        with closing(self._connect()) as con, con:
            con.execute("DELETE FROM sessions WHERE id = ?", (sid,))

    def ids(self, status: Status | None = None) -> list[str]:
        """Every indexed id, or those with `status`."""
        sql, params = "SELECT id FROM sessions", []
        if status is not None:
            sql, params = sql + " WHERE status = ?", [status]
        with closing(self._connect()) as con:
            return [r["id"] for r in con.execute(sql, params)]

    def rows(self, scenario_id: str | None = None, limit: int | None = None) -> list[SessionRow]:
        """The history, newest first."""
        sql = "SELECT * FROM sessions"
        params: list[object] = []
        if scenario_id:
            sql += " WHERE scenario_id = ?"
            params.append(scenario_id)
        sql += " ORDER BY started_at DESC, id DESC"
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        with closing(self._connect()) as con:
            return [SessionRow.model_validate(dict(r)) for r in con.execute(sql, params)]

    def newest(self) -> str | None:
        sql = "SELECT id FROM sessions ORDER BY started_at DESC, id DESC LIMIT 1"
        with closing(self._connect()) as con:
            row = con.execute(sql).fetchone()
        return None if row is None else str(row["id"])

    def starting_with(self, prefix: str) -> list[str]:
        """Ids that begin with `prefix` (taken literally: % and _ are not wildcards), in order."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with closing(self._connect()) as con:
            return [str(r["id"]) for r in con.execute(
                "SELECT id FROM sessions WHERE id LIKE ? ESCAPE '\\' ORDER BY id", (escaped + "%",)
            )]
