"""sessions.db on a real SQLite file: one row model (SessionRow) is the table, the insert, the
select and the mapping back; an index written before the package split still reads; an index
whose columns are not the model's is rebuilt from the session folders."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import UnionType
from typing import Literal, get_args, get_origin

import pytest
from roundkit import SCENARIO

from voice_sim.core.models import Transcript
from voice_sim.core.sessions import (
    Headline,
    SessionIndex,
    SessionRecord,
    SessionRow,
    SessionStore,
)
from voice_sim.core.sessions import index as ix

# The table exactly as voice-sim created it before the index was derived from SessionRow.
LEGACY_SCHEMA = """
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
# What `sessions list --json` has always printed for a row (besides "folder").
SHOWN = ["id", "scenario_id", "scenario_title", "mode", "kind", "started_at", "duration_s",
         "status", "answers", "words", "signals_in_window", "impact", "feasibility", "tradeoff",
         "flags"]


def record(sid: str = "20260302-140500-abcd", **changes: object) -> SessionRecord:
    fields: dict[str, object] = dict(
        id=sid, scenario_id="live-bids", scenario_title="Live bidding", mode="coach",
        kind="full", started_at=datetime(2026, 3, 2, 15, 5, tzinfo=timezone(timedelta(hours=1))),
        duration_s=612.5, round_s=1800, window_s=600, status="complete", pid=4242,
        pid_started="98765",
        headline=Headline(answers=3, words=420, signals_in_window=4, impact=3, feasibility=2,
                          tradeoff=1, flags=2),
    )
    return SessionRecord.model_validate(fields | changes)


def table_info(db: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as con:
        return [tuple(r) for r in con.execute("PRAGMA table_info(sessions)")]


def test_a_record_round_trips_through_a_sqlite_file(tmp_path: Path) -> None:
    db = tmp_path / "index" / "sessions.db"
    index = SessionIndex(db)
    assert index.create() is False
    rec = record()
    index.put(rec)
    index.put(record("20260303-090000-beef", status="incomplete", headline=Headline()))

    [newer, older] = SessionIndex(db).rows()  # a second object: the rows are in the file
    assert older == SessionRow.of(rec)
    assert older.started_at == rec.started_at and older.started_at.tzinfo is not None
    assert (older.pid, older.pid_started, older.flags) == (4242, "98765", 2)
    assert newer.status == "incomplete" and newer.impact is None and newer.answers == 0
    assert [r.id for r in index.rows(scenario_id="live-bids", limit=1)] == [newer.id]
    assert index.newest() == newer.id
    assert index.ids(status="incomplete") == [newer.id]
    assert index.starting_with("20260302") == [rec.id]
    assert index.starting_with("2026030_") == []  # LIKE wildcards are taken literally

    index.put(rec.model_copy(update={"duration_s": 700.0}))  # replaces, does not add
    assert {r.id: r.duration_s for r in index.rows()}[rec.id] == 700.0
    index.remove(rec.id)
    assert index.ids() == [newer.id]


def test_the_table_is_the_row_model(tmp_path: Path) -> None:
    db = tmp_path / "sessions.db"
    SessionIndex(db).create()
    info = table_info(db)
    assert [name for _, name, *_ in info] == list(SessionRow.model_fields)
    sql_types = {str: "TEXT", int: "INTEGER", float: "REAL", datetime: "TEXT"}
    for _, name, sql_type, notnull, default, pk in info:
        field = SessionRow.model_fields[name]
        args = get_args(field.annotation)
        optional = get_origin(field.annotation) is UnionType and type(None) in args
        [python] = [a for a in args if a is not type(None)] if optional else [field.annotation]
        if get_origin(python) is Literal:
            python = type(get_args(python)[0])
        assert sql_type == sql_types[python], name
        assert bool(pk) == (name == "id")
        assert bool(notnull) == (name != "id" and not optional), name
        expected = None if field.is_required() or field.default is None else str(field.default)
        assert default == expected, name
    assert ix.INSERT.count(":") == len(SessionRow.model_fields)
    assert ix.SELECT == f"SELECT {', '.join(SessionRow.model_fields)} FROM sessions"


def test_every_row_field_comes_from_the_record_and_the_history_shows_the_same_fields() -> None:
    for name in SessionRow.model_fields:
        assert name in SessionRecord.model_fields or name in Headline.model_fields, name
    assert list(SessionRow.of(record()).model_dump(mode="json")) == SHOWN


def test_a_field_added_to_the_model_becomes_a_column() -> None:
    class Wider(SessionRow):
        coach_cues: int = 0
        note: str | None = None
        label: str = "it's"

    schema = ix.schema_sql(Wider)
    assert "coach_cues INTEGER NOT NULL DEFAULT 0," in schema and "note TEXT," in schema
    assert "label TEXT NOT NULL DEFAULT 'it''s'" in schema
    with closing(sqlite3.connect(":memory:")) as con:
        con.executescript(schema)
        names = [r[1] for r in con.execute("PRAGMA table_info(sessions)")]
        assert names == list(Wider.model_fields) and names[-3:] == ["coach_cues", "note", "label"]
        row = Wider(**dict(SessionRow.of(record())), coach_cues=5, note="n")
        con.execute(ix.insert_sql(Wider), {n: ix._to_sql(getattr(row, n)) for n in names})
        [back] = con.execute(ix.select_sql(Wider)).fetchall()
    assert Wider.model_validate(dict(zip(names, back, strict=True))) == row
    with pytest.raises(TypeError, match="coach_cues is neither"):
        Wider.of(record())  # a new column must say where in the record its value comes from


def test_a_field_with_no_sqlite_type_is_refused() -> None:
    class Odd(SessionRow):
        tags: list[str] = []

    with pytest.raises(TypeError, match="no SQLite type for tags"):
        ix.schema_sql(Odd)


def test_an_index_written_before_the_split_is_read_as_it_is(tmp_path: Path) -> None:
    legacy, fresh = tmp_path / "legacy.db", tmp_path / "fresh.db"
    with closing(sqlite3.connect(legacy)) as con, con:
        con.executescript(LEGACY_SCHEMA)
        con.execute(
            "INSERT INTO sessions VALUES ('20250101-100000-0001', 'live-bids', 'Live bidding', "
            "'exam', 'drill', '2025-01-01T09:00:00+00:00', 301.0, 'complete', NULL, NULL, "
            "2, 150, 3, 2, 2, 1, 0)"
        )
    SessionIndex(fresh).create()
    assert table_info(fresh) == table_info(legacy)

    # The row has no folder on disk, so it is only listed if the index was kept, not rebuilt; and
    # without recovery, which drops rows whose folder is gone (folders are the truth).
    store = SessionStore.open(root=tmp_path / "sessions", db=legacy, recover=False)
    [row] = store.list()
    assert row.id == "20250101-100000-0001" and row.mode == "exam" and row.kind == "drill"
    assert row.started_at == datetime(2025, 1, 1, 9, tzinfo=UTC)
    assert (row.answers, row.signals_in_window, row.impact, row.flags) == (2, 3, 2, 0)


def test_an_index_whose_columns_differ_is_rebuilt_from_the_folders(tmp_path: Path) -> None:
    store = SessionStore.open()
    writer = store.create(SCENARIO, "coach", "full", 1800, 600)
    writer.finish(Transcript(), None, "complete", None)
    without_flags = LEGACY_SCHEMA.replace(",\n    flags INTEGER", "")  # as an older version made it
    with closing(sqlite3.connect(store.db)) as con, con:
        con.executescript("DROP TABLE sessions;" + without_flags)
        con.execute("INSERT INTO sessions (id, scenario_id, scenario_title, mode, kind, "
                    "started_at, duration_s, status) "
                    "VALUES ('gone', 's', 'S', 'coach', 'full', 'x', 0, 'complete')")
    assert "flags" not in [r[1] for r in table_info(store.db)]

    for recover in (False, True):
        rows = SessionStore.open(recover=recover).list()
        assert [r.id for r in rows] == [writer.id] and rows[0].status == "complete"
    assert [r[1] for r in table_info(store.db)] == list(SessionRow.model_fields)
