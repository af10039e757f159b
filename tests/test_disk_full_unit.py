"""A full disk with the error injected (ENOSPC where the real test, test_disk_full.py, fills a
tmpfs): what counts as full, the check before a round, one atomic write failing once, and the
engine saying it once and stopping cleanly."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections import namedtuple
from pathlib import Path

import pytest
from roundkit import HYPOTHESIS, METRIC, Harness

from voice_sim.core import disk
from voice_sim.core import events as ev
from voice_sim.core.disk import DiskFull, is_full, room_for_round
from voice_sim.core.engine import State
from voice_sim.core.fakes import FakeAnswer, MemoryStore, MemoryWriter
from voice_sim.core.ports import Recording
from voice_sim.core.storage import write_atomic

MB = 1024**2
Usage = namedtuple("Usage", "total used free")


def sqlite_error(name: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(name)
    exc.sqlite_errorname = name  # type: ignore[attr-defined]
    return exc


@pytest.fixture
def free(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Set the free space every check sees."""
    def set_free(n: int) -> None:
        monkeypatch.setattr(disk.shutil, "disk_usage", lambda p: Usage(10**12, 0, n))
    return set_free


def test_what_counts_as_a_full_disk(tmp_path: Path, free) -> None:  # type: ignore[no-untyped-def]
    free(10 * 1024 * MB)
    assert is_full(OSError(errno.ENOSPC, "No space left on device"), tmp_path)
    assert is_full(OSError(errno.EDQUOT, "Disk quota exceeded"), tmp_path)
    assert is_full(sqlite_error("SQLITE_FULL"), tmp_path)
    assert not is_full(OSError(errno.EACCES, "Permission denied"), tmp_path)
    assert not is_full(sqlite_error("SQLITE_IOERR_SHMSIZE"), tmp_path)  # room: a real I/O error
    assert not is_full(RuntimeError("System error."), tmp_path)  # libsndfile names no cause
    free(100 * 1024)
    assert is_full(sqlite_error("SQLITE_IOERR_SHMSIZE"), tmp_path)  # no room: the disk filled
    assert is_full(RuntimeError("System error."), tmp_path)
    assert not is_full(sqlite_error("SQLITE_CORRUPT"), tmp_path)  # damage stays damage
    assert not is_full(OSError(errno.EACCES, "Permission denied"), tmp_path)


def test_the_room_a_round_needs(tmp_path: Path, free) -> None:  # type: ignore[no-untyped-def]
    free(200 * MB)
    assert room_for_round(tmp_path, 45 * 60, 32000) is None  # 45 minutes: 86 MB at most
    free(50 * MB)
    warning = room_for_round(tmp_path, 45 * 60, 32000)
    assert warning is not None and "50 MB free" in warning and "45-minute round" in warning
    free(15 * MB)
    with pytest.raises(DiskFull, match="the disk is full: 15 MB free .* at least 19 MB"):
        room_for_round(tmp_path, 45 * 60, 32000)


def test_a_write_the_disk_refuses_fails_once_and_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "round").mkdir()
    target = tmp_path / "round" / "session.json"
    write_atomic(target, "old")

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError) as caught:
        write_atomic(target, "new" * 1000)
    # One error, not the same one again from a buffered file's close ("during handling of...").
    assert caught.value.errno == errno.ENOSPC and caught.value.__context__ is None
    monkeypatch.undo()
    assert target.read_text() == "old" and [p.name for p in target.parent.iterdir()] == ["session.json"]


class FillingWriter(MemoryWriter):
    """Saves until `full` is set, then every save fails as a full disk does."""

    full = False

    def checkpoint(self, transcript):  # type: ignore[no-untyped-def]
        if self.full:
            raise OSError(errno.ENOSPC, "No space left on device")
        super().checkpoint(transcript)

    def finish(self, transcript, analysis, status, reason):  # type: ignore[no-untyped-def]
        if self.full:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().finish(transcript, analysis, status, reason)


class FillingStore(MemoryStore):
    def create(self, scenario, mode, kind, round_s, window_s):  # type: ignore[no-untyped-def]
        w = super().create(scenario, mode, kind, round_s, window_s)
        self.writers[-1] = writer = FillingWriter(w.record, self.folder)
        return writer


def test_the_engine_says_a_full_disk_once_and_stops_cleanly(tmp_path: Path) -> None:
    store = FillingStore(tmp_path)
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS), FakeAnswer(METRIC)], store=store)
    rnd = h.round
    rnd.start()
    rnd.begin_answer()
    h.source.play(until_s=2)
    writer = store.writers[0]
    writer.full = True  # the disk fills mid-answer: the recorder's write fails too
    stop = h.source.stop
    h.source.stop = lambda: Recording(  # type: ignore[method-assign]
        (rec := stop()).path, rec.duration_s, disk_full=True)
    rnd.end_answer()

    [filled] = h.of(ev.DiskFilled)
    assert filled.message.startswith("the disk is full: the round stopped")
    assert f"kept in {tmp_path}" in filled.message and str(tmp_path / "answer-01.wav") in filled.message
    assert not h.of(ev.Problem)  # not "could not save progress" on every checkpoint as well
    assert rnd.disk_full is not None and str(rnd.disk_full) == filled.message
    with pytest.raises(DiskFull):
        rnd.begin_answer()  # no new recording on a full disk
    record = rnd.abort("the disk filled up")
    assert rnd.state == State.ABORTED and record is not None
    assert record.status == "incomplete" and record.segments[-1].audio_s == pytest.approx(2.0)
    assert len(h.of(ev.DiskFilled)) == 1 and not h.of(ev.Problem)
    assert not writer.finished  # nothing could be written; the folder keeps its last checkpoint
