"""sessions.db: one row per saved round, so the history shows at once without opening every folder.

The row is defined once, by SessionRow; the CREATE TABLE, the INSERT, the SELECT and the mapping
back to objects are derived from its fields, so a new column is one new field (on the record or
its headline too, where its value comes from). The index is a cache of the session folders:
anything in it can be rebuilt from their session.json files, and is when an existing table's
columns are not the model's, or when the file is damaged (then it is renamed aside, never
deleted: IndexDamaged, set_aside), so it must never hold anything a folder does not. It answers
the questions the history asks (newest first, by scenario, by id prefix) and nothing else.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from types import UnionType
from typing import Literal, Self, Union, get_args, get_origin

from pydantic import BaseModel, Field
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from voice_sim.core.sessions.records import SessionRecord, Status
from voice_sim.core.storage import FILE_MODE, private_dir

log = logging.getLogger(__name__)

TABLE = "sessions"
PRIMARY_KEY = "id"
INDEXES = {  # name: columns; what the history sorts and filters by
    "sessions_started": ("started_at",),
    "sessions_scenario": ("scenario_id", "started_at"),
}
# What SQLite says of a file that is not, or no longer, a sound database: set it aside and rebuild.
# Other errors (locked, disk full, cannot open) are faults of the moment, not damage to discard.
DAMAGE_CODES = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
SQL_TYPES: dict[type, str] = {str: "TEXT", int: "INTEGER", float: "REAL", bool: "INTEGER",
                              datetime: "TEXT"}


class SessionRow(BaseModel):
    """One line of history: one row of sessions.db.

    This model is the only definition of the row. Its fields, in order, are the table's columns:
    the CREATE TABLE (type from the annotation, NOT NULL unless None is allowed, DEFAULT from the
    default), the INSERT, the SELECT and the row->object mapping are all derived from it, and
    `of()` fills it by name from a SessionRecord and its Headline. Fields marked `exclude` are kept
    in the index but left out of what the history prints (`sessions list --json`).
    """

    id: str
    scenario_id: str
    scenario_title: str
    mode: str
    kind: str
    started_at: datetime
    duration_s: float
    status: Status
    pid: int | None = Field(None, exclude=True, description="The recording process.")
    pid_started: str | None = Field(None, exclude=True, description="Its start marker.")
    answers: int = 0
    words: int = 0
    signals_in_window: int = 0
    impact: int | None = None
    feasibility: int | None = None
    tradeoff: int | None = None
    flags: int | None = None

    @classmethod
    def of(cls, record: SessionRecord) -> Self:
        """The record's row: each field by name from the record, or else from its headline."""
        return cls.model_validate({name: _field_of(record, name) for name in cls.model_fields})


def _field_of(record: SessionRecord, name: str) -> object:
    for source in (record, record.headline):
        if name in type(source).model_fields:
            return getattr(source, name)
    raise TypeError(f"SessionRow.{name} is neither a SessionRecord nor a Headline field")


# ----- the table, derived from the model ----------------------------------------------------------

def columns(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(model.model_fields)


def column_sql(name: str, field: FieldInfo) -> str:
    """One column's definition, e.g. 'answers INTEGER NOT NULL DEFAULT 0', from its field."""
    annotation, nullable = field.annotation, False
    if get_origin(annotation) in (Union, UnionType) and type(None) in get_args(annotation):
        rest = [a for a in get_args(annotation) if a is not type(None)]
        annotation, nullable = (rest[0] if len(rest) == 1 else annotation), True
    if get_origin(annotation) is Literal:
        annotation = type(get_args(annotation)[0])
    if annotation not in SQL_TYPES:
        raise TypeError(f"no SQLite type for {name}: {field.annotation!r}")
    sql = f"{name} {SQL_TYPES[annotation]}"
    if name == PRIMARY_KEY:
        return sql + " PRIMARY KEY"
    if not nullable:
        sql += " NOT NULL"
    default = field.default
    if default is not None and default is not PydanticUndefined:
        if not isinstance(default, int | float | str):
            raise TypeError(f"no SQLite default for {name}: {default!r}")
        if isinstance(default, str):
            sql += " DEFAULT '" + default.replace("'", "''") + "'"
        else:
            sql += f" DEFAULT {int(default) if isinstance(default, bool) else default!r}"
    return sql


def schema_sql(model: type[BaseModel]) -> str:
    """CREATE TABLE and CREATE INDEX statements for `model` (both IF NOT EXISTS)."""
    cols = ",\n    ".join(column_sql(n, f) for n, f in model.model_fields.items())
    sql = f"CREATE TABLE IF NOT EXISTS {TABLE} (\n    {cols}\n);\n"
    for name, on in INDEXES.items():
        sql += f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} ({', '.join(on)});\n"
    return sql


def insert_sql(model: type[BaseModel]) -> str:
    names = columns(model)
    return (f"INSERT OR REPLACE INTO {TABLE} ({', '.join(names)}) "
            f"VALUES ({', '.join(':' + n for n in names)})")


def select_sql(model: type[BaseModel]) -> str:
    return f"SELECT {', '.join(columns(model))} FROM {TABLE}"


def _to_sql(value: object) -> object:
    # ISO 8601 in UTC sorts as text in time order: ORDER BY started_at relies on it.
    return value.astimezone(UTC).isoformat() if isinstance(value, datetime) else value


COLUMNS = columns(SessionRow)
SCHEMA = schema_sql(SessionRow)
INSERT = insert_sql(SessionRow)
SELECT = select_sql(SessionRow)


class IndexDamaged(Exception):
    """sessions.db is not a sound SQLite database (truncated, overwritten, a bad header)."""


def is_damage(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorname", None) in DAMAGE_CODES


class SessionIndex:
    """The index file at `path`. Each call opens its own connection, so any thread may call."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def create(self) -> bool:
        """Make the file (private) and the table if they are not there yet.

        Returns True if an existing table's columns were not SessionRow's (an index from a version
        with other fields): the table is then made again, empty, and the caller re-indexes the
        session folders (recovery.index_folders), which hold everything the index did. Raises
        IndexDamaged if the file is not a sound database (the caller sets it aside and rebuilds).
        """
        if not self.path.exists():
            private_dir(self.path.parent)
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
        try:
            return self._create()
        except sqlite3.DatabaseError as exc:
            if is_damage(exc):
                raise IndexDamaged(str(exc)) from exc
            raise

    def _create(self) -> bool:
        with closing(self._connect()) as con:
            # quick_check reads every page: a truncated file fails here, not in a later listing.
            problems = [r[0] for r in con.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise IndexDamaged(problems[0])
            con.executescript(SCHEMA)
            found = {r["name"] for r in con.execute(f"PRAGMA table_info({TABLE})")}
            if found == set(COLUMNS):
                return False
            log.info("%s has columns %s, not %s: rebuilding it", self.path, found, COLUMNS)
            con.executescript(f"BEGIN; DROP TABLE {TABLE}; {SCHEMA} COMMIT;")
            return True

    def set_aside(self) -> Path:
        """Rename the damaged file (and its -wal and -shm) to sessions.db.damaged-TIME: kept for
        whoever wants to look, out of the way of a fresh index. Returns the new name."""
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{os.getpid()}")
        for extra in ("-wal", "-shm", ""):  # the main file last: it is what a reader looks for
            try:
                os.replace(f"{self.path}{extra}", f"{aside}{extra}")
            except FileNotFoundError:
                continue  # no such companion, or another process set it aside first
        return aside

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=10)
        con.row_factory = sqlite3.Row
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
        return con

    def put(self, record: SessionRecord) -> None:
        """Add or replace the record's row."""
        row = SessionRow.of(record)
        values = {name: _to_sql(getattr(row, name)) for name in COLUMNS}
        with closing(self._connect()) as con, con:
            con.execute(INSERT, values)

    def remove(self, sid: str) -> None:
        with closing(self._connect()) as con, con:
            con.execute(f"DELETE FROM {TABLE} WHERE id = ?", (sid,))

    def ids(self, status: Status | None = None) -> list[str]:
        """Every indexed id, or those with `status`."""
        sql, params = f"SELECT id FROM {TABLE}", []
        if status is not None:
            sql, params = sql + " WHERE status = ?", [status]
        with closing(self._connect()) as con:
            return [r["id"] for r in con.execute(sql, params)]

    def rows(self, scenario_id: str | None = None, limit: int | None = None) -> list[SessionRow]:
        """The history, newest first."""
        sql = SELECT
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
        sql = f"SELECT id FROM {TABLE} ORDER BY started_at DESC, id DESC LIMIT 1"
        with closing(self._connect()) as con:
            row = con.execute(sql).fetchone()
        return None if row is None else str(row["id"])

    def starting_with(self, prefix: str) -> list[str]:
        """Ids that begin with `prefix` (taken literally: % and _ are not wildcards), in order."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        sql = f"SELECT id FROM {TABLE} WHERE id LIKE ? ESCAPE '\\' ORDER BY id"
        with closing(self._connect()) as con:
            return [str(r["id"]) for r in con.execute(sql, (escaped + "%",))]
