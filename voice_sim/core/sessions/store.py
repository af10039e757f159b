"""The session store: where saved rounds live, and the one object callers use to reach them.

One private folder per round under sessions_dir() (folder.py says what is in it) and an index,
sessions.db (index.py), for instant history. The folders are the truth; the index can be rebuilt
from them. `SessionStore.open()` creates both if needed and runs recovery (recovery.py), so every
listing is up to date; transcribing what a crash left untranscribed needs a model, so it is a
separate call (`transcribe_tails`, tails.py). Rounds are found by full id, unique prefix, or 'last'. Nothing here
records or plays, and nothing here formats for a screen.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from voice_sim import locations
from voice_sim.core.models import Analysis, Transcript
from voice_sim.core.scenario import Scenario
from voice_sim.core.sessions import export as exports
from voice_sim.core.sessions import recovery, tails
from voice_sim.core.sessions.folder import read_analysis, read_record, read_transcript
from voice_sim.core.sessions.index import IndexDamaged, SessionIndex, SessionRow
from voice_sim.core.sessions.records import SessionError, SessionRecord, new_session_id
from voice_sim.core.sessions.tails import Tail, TailProgress, TailsResult
from voice_sim.core.sessions.writer import FolderWriter
from voice_sim.core.storage import DIR_MODE, owner_alive, private_dir, process_started

if TYPE_CHECKING:
    from voice_sim.core.ports import Transcriber


class SessionStore:
    """Session folders under `root` and their index `db`. Open with SessionStore.open()."""

    def __init__(self, root: Path | None = None, db: Path | None = None) -> None:
        self.root = root or locations.sessions_dir()
        self.db = db or locations.sessions_db()
        self.index = SessionIndex(self.db)
        self.notices: list[str] = []  # what opening had to mend, one line each, for the user


    @classmethod
    def open(
        cls, root: Path | None = None, db: Path | None = None, recover: bool = True
    ) -> SessionStore:
        """Create the folders and index if needed; by default, mark abandoned rounds incomplete.

        A damaged index is renamed aside (never deleted) and rebuilt from the session folders,
        and `notices` says so in one line: the folders are the truth, so nothing is lost.
        """
        store = cls(root, db)
        private_dir(store.root)
        try:
            rebuilt = store.index.create()
        except IndexDamaged as exc:
            aside = store.index.set_aside()
            store.index.create()
            added = recovery.index_folders(store.root, store.index)
            store.notices.append(
                f"the session index {store.db} was damaged ({exc}); kept it as {aside} and "
                f"rebuilt it from {len(added)} session folder{'s' if len(added) != 1 else ''}"
            )
            rebuilt = False
        if recover:
            store.recover()
        elif rebuilt:
            recovery.index_folders(store.root, store.index)
        return store

    # -- writing

    def create(self, scenario: Scenario, mode: str, kind: str, round_s: float,
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
        writer.checkpoint(Transcript())
        self.index.put(record)
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
