"""The index is a cache, the session folders are the truth (issue 12), on a real SQLite file.

A damaged sessions.db (truncated, random bytes, a bad header) is renamed aside, never deleted, the
index is rebuilt from the session folders, one line says so, and the command goes on: when the
store opens, and when the damage comes later, between two calls of one store object. An index
locked by another program for longer than the timeout is set aside the same way. A session
folder deleted by hand drops out of every listing.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from roundkit import SCENARIO

from voice_sim.core.models import Cue, Transcript
from voice_sim.core.sessions import SessionStore


def finished_round(store: SessionStore) -> str:
    writer = store.create(SCENARIO, "coach", "full", 1800, 600)
    writer.finish(Transcript(cues=[Cue(start_s=1, end_s=2, text="we cache it", speaker="candidate")]),
                  None, "complete", None)
    return writer.id


def truncate_half(db: Path) -> None:
    os.truncate(db, db.stat().st_size // 2)


def random_bytes(db: Path) -> None:
    db.write_bytes(os.urandom(20_000))


def bad_header(db: Path) -> None:
    raw = bytearray(db.read_bytes())
    raw[:16] = b"Not SQLite fmt\0\0"
    db.write_bytes(bytes(raw))


def bad_page_size(db: Path) -> None:
    raw = bytearray(db.read_bytes())
    raw[16:18] = b"\x00\x07"
    db.write_bytes(bytes(raw))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": truncate_half, "random-bytes": random_bytes, "bad-header": bad_header,
    "bad-page-size": bad_page_size,
}


def damaged_store(damage: Callable[[Path], None]) -> tuple[SessionStore, list[str], bytes]:
    """Two saved rounds, then the index damaged with everything flushed into the main file."""
    store = SessionStore.open()
    ids = sorted(finished_round(store) for _ in range(2))
    # Pad the index so a half-truncated file loses pages the table needs.
    for sid in ids:
        for n in range(60):
            store.index.put(store.get(sid).model_copy(update={"id": f"{sid}-pad{n:02d}"}))
    for n in range(60):
        for sid in ids:
            store.index.remove(f"{sid}-pad{n:02d}")
    with closing(sqlite3.connect(store.db)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for extra in ("-wal", "-shm"):
        Path(f"{store.db}{extra}").unlink(missing_ok=True)
    damage(store.db)
    return store, ids, store.db.read_bytes()


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_damaged_index_is_kept_aside_and_rebuilt_from_the_folders(kind: str) -> None:
    store, ids, damaged = damaged_store(DAMAGE[kind])
    again = SessionStore.open()
    assert sorted(r.id for r in again.list()) == ids
    [aside] = [p for p in store.db.parent.iterdir()
               if p.name.startswith("sessions.db.damaged-") and not p.name.endswith(("-wal", "-shm"))]
    assert aside.read_bytes() == damaged  # kept as it was, never deleted
    assert aside.stat().st_mode & 0o777 == 0o600
    [line] = again.notices
    assert str(aside) in line and "rebuilt" in line and "2 " in line
    assert SessionStore.open().notices == []  # said once, not on every command


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_the_cli_says_one_line_and_goes_on(kind: str) -> None:
    _, ids, _ = damaged_store(DAMAGE[kind])
    proc = subprocess.run([sys.executable, "-m", "voice_sim", "sessions", "list", "--json"],
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    assert sorted(r["id"] for r in json.loads(proc.stdout)) == ids
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "damaged" in proc.stderr and "rebuilt" in proc.stderr


def test_an_index_that_cannot_be_opened_at_all_is_one_line(isolated_dirs: dict[str, Path]) -> None:
    store = SessionStore.open()
    store.db.unlink()
    store.db.mkdir()  # a folder where the file should be: not damage to set aside, but a fault
    proc = subprocess.run([sys.executable, "-m", "voice_sim", "sessions", "list"],
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and str(store.db) in proc.stderr
    assert store.db.is_dir()


def test_a_folder_deleted_by_hand_drops_out_of_the_listing() -> None:
    store = SessionStore.open()
    kept, gone = finished_round(store), finished_round(store)
    shutil.rmtree(store.root / gone)
    assert [r.id for r in SessionStore.open().list()] == [kept]
    assert gone not in store.index.ids()


def aside_files(store: SessionStore) -> list[Path]:
    return [p for p in store.db.parent.iterdir()
            if p.name.startswith("sessions.db.damaged-") and not p.name.endswith(("-wal", "-shm"))]


# Each call of the store that reaches the index, made after the damage, with what it must answer.
def listing(store: SessionStore, ids: list[str]) -> None:
    assert sorted(r.id for r in store.list()) == ids


def finding(store: SessionStore, ids: list[str]) -> None:
    assert store.get(ids[0]).id == ids[0]


def finding_the_last(store: SessionStore, ids: list[str]) -> None:
    assert store.resolve("last") in ids


def saving_a_round(store: SessionStore, ids: list[str]) -> None:
    new = finished_round(store)
    assert sorted(r.id for r in store.list()) == sorted([*ids, new])


def deleting(store: SessionStore, ids: list[str]) -> None:
    assert store.delete(ids[0]) == ids[0]
    assert [r.id for r in store.list()] == ids[1:]


def recovering(store: SessionStore, ids: list[str]) -> None:
    assert store.recover() == []
    assert sorted(r.id for r in store.list()) == ids


CALLS: dict[str, Callable[[SessionStore, list[str]], None]] = {
    f.__name__: f for f in (listing, finding, finding_the_last, saving_a_round, deleting, recovering)
}


@pytest.mark.parametrize("call", list(CALLS))
@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damage_after_the_store_opened_is_mended_in_the_call_that_meets_it(kind: str, call: str) -> None:
    """The same store object before and after: the check at open passed, then the file broke."""
    store, ids, damaged = damaged_store(DAMAGE[kind])  # opened, used, then damaged
    told: list[str] = []
    store.on_notice = told.append
    CALLS[call](store, ids)  # on the old code: sqlite3.DatabaseError
    [aside] = aside_files(store)
    assert aside.read_bytes() == damaged  # kept as it was, never deleted
    assert store.db.stat().st_mode & 0o777 == 0o600  # the rebuilt index is as private as the first
    [line] = told
    assert line == store.notices[-1]
    folders = 3 if call == "saving_a_round" else 2  # the new round's folder is made before its row
    assert f"{store.db} was damaged" in line and str(aside) in line
    assert f"rebuilt it from {folders} session folders" in line
    assert SessionStore.open().notices == []  # mended for good


def test_an_index_locked_for_longer_than_the_timeout_is_set_aside_and_rebuilt() -> None:
    store = SessionStore.open()
    ids = sorted(finished_round(store) for _ in range(2))
    store.index.timeout = 0.2  # ten seconds in real use; the lock below never ends by itself
    with closing(sqlite3.connect(store.db, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
        new = finished_round(store)  # on the old code: sqlite3.OperationalError, database is locked
        other.execute("ROLLBACK")
    assert sorted(r.id for r in store.list()) == sorted([*ids, new])
    [aside] = aside_files(store)
    [line] = store.notices
    assert "locked by another program for too long" in line and str(aside) in line


def test_a_rebuild_that_fails_too_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Damaged, and the fresh index cannot be made either: one line (a UserError), the damaged
    file still kept aside, no sqlite traceback."""
    from voice_sim.core.sessions.index import IndexUnavailable, SessionIndex

    store, ids, damaged = damaged_store(random_bytes)

    def cannot(self: SessionIndex) -> bool:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(SessionIndex, "_create", cannot)
    with pytest.raises(IndexUnavailable, match=f"cannot use the session index {store.db}"):
        store.list()
    [aside] = aside_files(store)
    assert aside.read_bytes() == damaged
