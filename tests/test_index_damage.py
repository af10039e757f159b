"""The index is a cache, the session folders are the truth (issue 12), on a real SQLite file.

A damaged sessions.db (truncated, random bytes, a bad header) is renamed aside, never deleted, the
index is rebuilt from the session folders, one line says so, and the command goes on. A session
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
