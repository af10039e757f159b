"""The session store: where saved rounds live, and the one object callers use to reach them.

One private folder per round under sessions_dir() (folder.py says what is in it) and an index,
sessions.db (index.py), for instant history. The folders are the truth; the index can be rebuilt
from them, and is, whenever it turns out damaged (index.py). `SessionStore.open()` creates both if
needed and runs recovery (recovery.py), so every listing is up to date; transcribing what a crash
left untranscribed needs a model, so it is a separate call (`transcribe_tails`, tails.py). On a
full disk, where neither can be written, it opens read-only: the listing is read from the folders
into memory and nothing is changed (`read_only`). Rounds are found by full id, unique prefix, or
'last'. Nothing here records or plays, and nothing here formats for a screen.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from voice_sim import locations
from voice_sim.core.disk import FIX, DiskFull, is_full
from voice_sim.core.models import Analysis, Transcript
from voice_sim.core.scenario import Scenario
from voice_sim.core.sessions import export as exports
from voice_sim.core.sessions import recovery, tails
from voice_sim.core.sessions.folder import read_analysis, read_record, read_transcript
from voice_sim.core.sessions.index import SessionIndex, SessionRow
from voice_sim.core.sessions.records import SessionError, SessionRecord, new_session_id
from voice_sim.core.sessions.tails import Tail, TailProgress, TailsResult
from voice_sim.core.sessions.writer import FolderWriter
from voice_sim.core.storage import DIR_MODE, owner_alive, private_dir, process_started

if TYPE_CHECKING:
    from voice_sim.core.ports import Transcriber


class SessionStore:
    """Session folders under `root` and their index `db`. Open with SessionStore.open()."""

    def __init__(self, root: Path | None = None, db: Path | None = None,
                 on_notice: Callable[[str], None] | None = None) -> None:
        self.root = root or locations.sessions_dir()
        self.db = db or locations.sessions_db()
        self.index = SessionIndex(self.db, rebuild=self._reindex, on_notice=self._notice)
        self.notices: list[str] = []  # what had to be mended, one line each, for the user
        self.on_notice = on_notice  # also told each line as it happens (mid-command too)
        self.read_only = False  # the disk was full at open: listing from the folders, in memory

    def _reindex(self, index: SessionIndex) -> list[str]:
        return recovery.index_folders(self.root, index)

    def _notice(self, line: str) -> None:
        self.notices.append(line)
        if self.on_notice is not None:
            self.on_notice(line)

    @classmethod
    def open(
        cls, root: Path | None = None, db: Path | None = None, recover: bool = True,
        on_notice: Callable[[str], None] | None = None, read_only_when_full: bool = True,
    ) -> SessionStore:
        """Create the folders and index if needed; by default, mark abandoned rounds incomplete.

        A damaged index is renamed aside (never deleted) and rebuilt from the session folders,
        and a notice says so in one line: the folders are the truth, so nothing is lost. On a
        full disk the store opens read-only, with a notice (or raises DiskFull, if
        `read_only_when_full` is False: a command that is about to record).
        """
        store = cls(root, db, on_notice)
        try:
            private_dir(store.root)
            rebuilt = store.index.create()
            if recover:
                store.recover()
            elif rebuilt:
                recovery.index_folders(store.root, store.index)
        except (OSError, DiskFull) as exc:
            if not isinstance(exc, DiskFull) and not is_full(exc, store.root):
                raise
            if not read_only_when_full:
                raise DiskFull(f"the disk is full: nothing can be saved in {store.root.parent}; {FIX}") from None
            store._open_read_only(str(exc) if isinstance(exc, DiskFull) else "the disk is full")
        return store

    def _open_read_only(self, why: str) -> None:
        """The history from the folders, in memory; `why` (the disk is full...) starts the line."""
        self.read_only = True
        self.index = SessionIndex.in_memory(self.db)
        n = len(recovery.index_folders(self.root, self.index))
        self._notice(f"{why}; meanwhile the history is read-only: {n} round{'s' if n != 1 else ''} "
                     f"read from the folders in {self.root}, nothing changed")

    # -- writing

    def create(self, scenario: Scenario, mode: str, kind: str, round_s: float,
               window_s: float) -> FolderWriter:
        full = DiskFull(f"the disk is full: no room for a new round in {self.root}; {FIX}")
        if self.read_only:
            raise full
        try:
            return self._create(scenario, mode, kind, round_s, window_s)
        except OSError as exc:
            if is_full(exc, self.root):
                raise full from None
            raise

    def _create(self, scenario: Scenario, mode: str, kind: str, round_s: float,
                window_s: float) -> FolderWriter:
        started = datetime.now(UTC)
        pid = os.getpid()
        for _ in range(20):
            sid = new_session_id(started)
            folder = self.root / sid
            try:
                folder.mkdir(mode=DIR_MODE, parents=False)
                break
            except FileExistsError:
                continue
        else:
            raise SessionError(f"could not make a new session folder under {self.root}")
        os.chmod(folder, DIR_MODE)
        record = SessionRecord(
            id=sid, scenario_id=scenario.id, scenario_title=scenario.title, mode=mode, kind=kind,
            started_at=started, round_s=round_s, window_s=window_s, pid=pid,
            pid_started=process_started(pid),
        )
        writer = FolderWriter(self.index, record, folder)
        try:
            writer.checkpoint(Transcript())
            self.index.put(record)
        except (OSError, DiskFull):
            _remove_if_empty(folder)  # nothing recorded yet: leave no empty round behind
            raise
        return writer

    def recover(self) -> list[str]:
        """Mark rounds whose recording process is gone as incomplete; index unknown folders."""
        return recovery.recover(self.root, self.index)

    def tails(self, ref: str) -> list[Tail]:
        """The ends of an incomplete round's answers that were recorded but never transcribed."""
        return tails.find_tails(self.folder(self.resolve(ref)))

    def transcribe_tails(self, ref: str, transcriber: Transcriber, scenario: Scenario | None = None,
                         progress: TailProgress | None = None) -> TailsResult:
        """Transcribe those ends with `transcriber`, add their words, re-analyze (sessions/tails.py)."""
        sid = self.resolve(ref)
        result = tails.transcribe_tails(self.folder(sid), transcriber, scenario, progress)
        if result.tails:
            self.index.put(read_record(self.folder(sid)))
        return result

    # -- reading

    def list(self, scenario_id: str | None = None, limit: int | None = None) -> list[SessionRow]:
        return self.index.rows(scenario_id, limit)

    def resolve(self, ref: str) -> str:
        """A full id, a unique prefix of one, or 'last' (the newest round)."""
        if not ref.strip():
            raise SessionError("give a round's id (or a unique start of it, or 'last'); see: voice-sim sessions list")
        if ref in ("last", "latest"):
            newest = self.index.newest()
            if newest is None:
                raise SessionError("there are no saved rounds yet")
            return newest
        ids = self.index.starting_with(ref)
        if ref in ids:
            return ref
        if len(ids) == 1:
            return ids[0]
        if not ids:
            raise SessionError(f"no saved round '{ref}'; see: voice-sim sessions list")
        shown = ", ".join(ids[:5]) + (" ..." if len(ids) > 5 else "")
        raise SessionError(f"'{ref}' matches {len(ids)} rounds ({shown}); give more of the id")

    def folder(self, sid: str) -> Path:
        return self.root / sid

    def get(self, ref: str) -> SessionRecord:
        return read_record(self.folder(self.resolve(ref)))

    def transcript(self, ref: str) -> Transcript:
        return read_transcript(self.folder(self.resolve(ref)))

    def analysis(self, ref: str) -> Analysis | None:
        return read_analysis(self.folder(self.resolve(ref)))

    def summary(self, ref: str, scenario: Scenario | None = None) -> dict[str, object]:
        """The whole round as one JSON-able object (`run --json`, `export --format json`). The
        round's scenario, when given, says what each follow-up changes."""
        sid = self.resolve(ref)
        return exports.summary(sid, self.folder(sid), scenario)

    def export(self, ref: str, fmt: str, scenario: Scenario | None = None) -> str:
        """The round as md (the report), vtt or srt (the transcript), or json (the summary)."""
        sid = self.resolve(ref)
        return exports.export(sid, self.folder(sid), fmt, scenario)

    # -- deleting

    def delete(self, ref: str) -> str:
        sid = self.resolve(ref)
        folder = self.folder(sid)
        try:
            record: SessionRecord | None = read_record(folder)
        except SessionError:
            record = None
        if record and record.status == "recording" and owner_alive(record.pid, record.pid_started):
            raise SessionError(
                f"round {sid} is still being recorded (pid {record.pid}); end it first"
            )
        shutil.rmtree(folder, ignore_errors=True)
        self.index.remove(sid)
        return sid


def _remove_if_empty(folder: Path) -> None:
    for path in (folder / "audio", folder):
        try:
            path.rmdir()  # only ever removes an empty folder
        except OSError:
            pass
