"""sessions.db: one row per saved round, so the history shows at once without opening every folder.

The row is defined once, by SessionRow; the CREATE TABLE, the INSERT, the SELECT and the mapping
back to objects are derived from its fields, so a new column is one new field (on the record or
its headline too, where its value comes from). The index is a cache of the session folders:
anything in it can be rebuilt from their session.json files, and is when an existing table's
columns are not the model's, or when the file is damaged, unreadable or locked for too long, at
whatever point of a command (then it is renamed aside, never deleted: SessionIndex._use), so it
must never hold anything a folder does not. It answers the questions the history asks (newest
first, by scenario, by id prefix) and nothing else.
"""

from __future__ import annotations

import logging
import os
import secrets
import sqlite3
import threading
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from types import UnionType
from typing import Literal, Self, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, Field
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from voice_sim.core.disk import FIX, DiskFull, is_full
from voice_sim.core.sessions.records import SessionRecord, Status
from voice_sim.core.storage import FILE_MODE, private_dir
from voice_sim.errors import UserError

log = logging.getLogger(__name__)

TABLE = "sessions"
PRIMARY_KEY = "id"
INDEXES = {  # name: columns; what the history sorts and filters by
    "sessions_started": ("started_at",),
    "sessions_scenario": ("scenario_id", "started_at"),
}
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


class IndexUnavailable(UserError):
    """sessions.db can neither be used nor rebuilt (a folder in its place, no permission)."""


# What SQLite says of a file it cannot use but that setting aside cannot mend either: these are
# the user's to fix (a folder where the file should be, permissions), so they are one line.
NOT_MENDABLE = ("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH", "SQLITE_NOTFOUND")
T = TypeVar("T")


def what_went_wrong(exc: BaseException) -> str | None:
    """How the index failed, for the line that says it was set aside ('damaged (...)'), or None
    if setting it aside would not help (the error is the user's to fix, or a bug of ours)."""
    if isinstance(exc, IndexDamaged):
        return f"damaged ({exc})"
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    if name.startswith(NOT_MENDABLE):
        return None
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return f"damaged ({exc})"
    if name.startswith("SQLITE_IOERR"):
        return f"unreadable ({exc})"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return f"locked by another program for too long ({exc})"
    if name == "SQLITE_ERROR" and str(exc).startswith(("no such table", "no such column")):
        return f"not a voice-sim index any more ({exc})"  # changed by another program
    return None


class SessionIndex:
    """The index file at `path`. Each call opens its own connection, so any thread may call.

    Every call goes through one guard (`_use`): when SQLite says the file is damaged, unreadable
    or locked for longer than `timeout`, at whatever point of a command, the file is set aside
    (never deleted), a fresh index is made, `rebuild` fills it from the session folders, the call
    is made once more, and `on_notice` gets one line saying so. A full disk is DiskFull, and an
    index that cannot be opened at all (a folder in its place) is IndexUnavailable: one line each.
    """

    def __init__(
        self,
        path: Path,
        rebuild: Callable[[SessionIndex], list[str]] | None = None,
        on_notice: Callable[[str], None] | None = None,
    ) -> None:
        self.path = path
        self.rebuild = rebuild  # re-indexes the session folders (recovery.index_folders)
        self.on_notice = on_notice or (lambda line: log.warning("%s", line))
        self.timeout = 10.0  # seconds to wait for another process's lock before giving up
        self._uri: str | None = None  # in_memory(): a shared in-memory database
        self._keeper: sqlite3.Connection | None = None  # keeps that database alive
        self._mend_lock = threading.RLock()
        self._mending = False
        self._generation = 0  # how many times the file was set aside and rebuilt

    @classmethod
    def in_memory(cls, path: Path) -> SessionIndex:
        """An index that lives as long as this object and writes nothing to disk: the listing
        of a store opened read-only on a full disk. `path` is only named in messages."""
        index = cls(path)
        index._uri = f"file:voice-sim-index-{secrets.token_hex(8)}?mode=memory&cache=shared"
        index._keeper = sqlite3.connect(index._uri, uri=True, check_same_thread=False)
        index._keeper.executescript(SCHEMA)
        return index

    def create(self) -> bool:
        """Make the file (private) and the table if they are not there yet.

        Returns True if an existing table's columns were not SessionRow's (an index from a version
        with other fields): the table is then made again, empty, and the caller re-indexes the
        session folders (recovery.index_folders), which hold everything the index did. A damaged
        file is set aside and rebuilt (see the class); then this returns False.
        """
        generation = self._generation
        try:
            self._make_file()
            return self._create()
        except (sqlite3.Error, IndexDamaged, OSError) as exc:
            self._mend(exc, generation)
            return False

    def _make_file(self) -> None:
        # Made here, 0600, before SQLite would make it with the umask's mode (0644, typically).
        if self._uri is None and not self.path.exists():
            private_dir(self.path.parent)
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, FILE_MODE))

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

    # ----- the guard every call goes through ----------------------------------------------------

    def _use(self, work: Callable[[sqlite3.Connection], T]) -> T:
        generation = self._generation
        try:
            with closing(self._connect()) as con:
                return work(con)
        except sqlite3.Error as exc:
            self._mend(exc, generation)
        try:  # once more, on the index just rebuilt (or by another thread)
            with closing(self._connect()) as con:
                return work(con)
        except sqlite3.Error as exc:
            raise self._unusable(exc) from None

    def _mend(self, exc: BaseException, generation: int) -> None:
        """Set the file aside and rebuild it from the folders; or raise the one line if that
        cannot help (a full disk, a file that cannot be opened at all)."""
        if self._full(exc):
            raise self._unusable(exc) from None
        what = what_went_wrong(exc)
        if what is None or self._uri is not None:
            raise self._unusable(exc) from None
        with self._mend_lock:
            if self._generation != generation:
                return  # another thread mended it while this call waited: just try again
            if self._mending:  # the rebuild itself failed on the fresh file
                raise self._unusable(exc) from None
            self._mending = True
            aside: Path | None = None
            try:
                aside = self.set_aside()
                self._make_file()
                self._create()
                added = self.rebuild(self) if self.rebuild is not None else []
            except (sqlite3.Error, IndexDamaged, OSError) as again:
                if aside is not None and self._full(again):
                    raise DiskFull(f"the disk is full: the session index {self.path} was {what} and "
                                   f"is kept as {aside}; it is rebuilt from the session folders once "
                                   "there is free space") from None
                raise self._unusable(again) from None
            finally:
                self._mending = False
            self._generation += 1
        n = len(added)
        self.on_notice(f"the session index {self.path} was {what}; kept it as {aside} and rebuilt "
                       f"it from {n} session folder{'s' if n != 1 else ''}")

    def _full(self, exc: BaseException) -> bool:
        return self._uri is None and is_full(exc, self.path)

    def _unusable(self, exc: BaseException) -> UserError:
        if isinstance(exc, UserError):
            return exc
        if self._full(exc):
            return DiskFull(f"the disk is full: the session index {self.path} cannot be updated; {FIX}")
        return IndexUnavailable(
            f"cannot use the session index {self.path} ({exc}); check that it is a file you can "
            "write, or move it away to rebuild it")

    def _connect(self) -> sqlite3.Connection:
        if self._uri is not None:
            con = sqlite3.connect(self._uri, uri=True, timeout=self.timeout)
        else:
            con = sqlite3.connect(self.path, timeout=self.timeout)
        con.row_factory = sqlite3.Row
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
        return con

    # ----- what the history asks ------------------------------------------------------------------

    def put(self, record: SessionRecord) -> None:
        """Add or replace the record's row."""
        row = SessionRow.of(record)
        values = {name: _to_sql(getattr(row, name)) for name in COLUMNS}

        def work(con: sqlite3.Connection) -> None:
            with con:
                con.execute(INSERT, values)

        self._use(work)

    def remove(self, sid: str) -> None:
        def work(con: sqlite3.Connection) -> None:
            with con:
                con.execute(f"DELETE FROM {TABLE} WHERE id = ?", (sid,))

        self._use(work)

    def ids(self, status: Status | None = None) -> list[str]:
        """Every indexed id, or those with `status`."""
        sql, params = f"SELECT id FROM {TABLE}", []
        if status is not None:
            sql, params = sql + " WHERE status = ?", [status]
        return self._use(lambda con: [str(r["id"]) for r in con.execute(sql, params)])

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
        return self._use(lambda con: [SessionRow.model_validate(dict(r)) for r in con.execute(sql, params)])

    def newest(self) -> str | None:
        sql = f"SELECT id FROM {TABLE} ORDER BY started_at DESC, id DESC LIMIT 1"
        row = self._use(lambda con: con.execute(sql).fetchone())
        return None if row is None else str(row["id"])

    def starting_with(self, prefix: str) -> list[str]:
        """Ids that begin with `prefix` (taken literally: % and _ are not wildcards), in order."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        sql = f"SELECT id FROM {TABLE} WHERE id LIKE ? ESCAPE '\\' ORDER BY id"
        return self._use(lambda con: [str(r["id"]) for r in con.execute(sql, (escaped + "%",))])
