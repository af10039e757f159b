"""Saved rounds: one private folder per round, atomic files, and a SQLite index for instant history.

Layout of a session folder (sessions_dir()/ID, mode 0700, files 0600):

    session.json      SessionRecord: status, owner pid, segments with round-clock times, headline
    transcript.json   every panel line and answer cue (Transcript model)
    transcript.vtt    the same, with NOTE markers (segments, the end of the signal window)
    analysis.json     the analysis of the candidate's answers (written when the round ends)
    report.md         the Markdown report (written when the round ends)
    audio/answer-NN.wav  one file per answer segment, written by the recorder as audio arrives

The folder and session.json are the truth; sessions.db is an index that can be rebuilt from them.
A round is created with status "recording" and the owner's pid; `SessionStore.open()` marks rounds
whose owner is gone as "incomplete" and keeps everything they wrote. Nothing here records or plays.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sqlite3
import threading
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from voice_sim import locations
from voice_sim.core.models import Analysis, Transcript
from voice_sim.core.scenario import Scenario
from voice_sim.core.storage import (
    DIR_MODE,
    FILE_MODE,
    owner_alive,
    private_dir,
    process_started,
    repair_wav,
    write_atomic,
)
from voice_sim.core.transcripts import to_json, to_srt, to_vtt

SegmentKind = Literal["prompt", "followup", "answer", "wrapup"]
Status = Literal["recording", "complete", "incomplete"]


class Segment(BaseModel):
    """One turn of the round: a panel line or a candidate answer, times on the round clock."""

    index: int
    kind: SegmentKind
    speaker: str = Field(description="A persona name for panel lines, 'candidate' for answers.")
    start_s: float
    end_s: float
    text: str = ""
    audio: str | None = Field(None, description="Answer audio, relative to the session folder.")
    audio_s: float | None = Field(None, description="Seconds of audio recorded for the answer.")
    probe: str | None = Field(None, description="Why a follow-up was asked, e.g. 'adaptive:metric_tie'.")
    interrupted: bool = False


class Headline(BaseModel):
    """The figures the history list shows, copied into sessions.db."""

    answers: int = 0
    words: int = 0
    signals_in_window: int = 0
    impact: int | None = None
    feasibility: int | None = None
    tradeoff: int | None = None
    flags: int | None = None


class SessionRecord(BaseModel):
    """session.json: what a round was and how far it got."""

    version: int = 1
    id: str
    scenario_id: str
    scenario_title: str
    mode: str
    kind: str
    started_at: datetime
    ended_at: datetime | None = None
    duration_s: float = 0.0
    round_s: float
    window_s: float
    status: Status = "recording"
    status_reason: str | None = None
    pid: int | None = None
    pid_started: str | None = Field(None, description="Owner's process start marker (pid reuse).")
    segments: list[Segment] = Field(default_factory=list)
    headline: Headline = Field(default_factory=Headline)


def new_session_id(now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    return f"{now.astimezone().strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(2)}"


def headline_of(record: SessionRecord, analysis: Analysis | None) -> Headline:
    answers = [s for s in record.segments if s.kind == "answer"]
    head = Headline(answers=len(answers), words=sum(len(s.text.split()) for s in answers))
    if analysis is not None:
        head.signals_in_window = sum(
            1 for r in analysis.signals.values()
            if r.present and r.first_at_s is not None and r.first_at_s <= analysis.window_s
        )
        head.impact = analysis.scorecard.impact_awareness.score
        head.feasibility = analysis.scorecard.feasibility_reasoning.score
        head.tradeoff = analysis.scorecard.tradeoff_rigor.score
        head.flags = len(analysis.flags)
    return head




# ----- files -------------------------------------------------------------------------------------

SESSION_FILE = "session.json"
TRANSCRIPT_JSON = "transcript.json"
TRANSCRIPT_VTT = "transcript.vtt"
ANALYSIS_FILE = "analysis.json"
REPORT_FILE = "report.md"
AUDIO_DIR = "audio"


class SessionError(Exception):
    """A session that does not exist, is ambiguous, or cannot be read; one line for the user."""


def window_notes(record: SessionRecord) -> list[tuple[float, str]]:
    """NOTE markers for the WebVTT file: each turn, and the end of the signal window."""
    notes: list[tuple[float, str]] = []
    answers = followups = 0
    for seg in record.segments:
        if seg.kind == "answer":
            answers += 1
            audio = f" ({seg.audio})" if seg.audio else ""
            notes.append((seg.start_s, f"answer {answers} begins{audio}"))
        elif seg.kind == "followup":
            followups += 1
            why = f" ({seg.probe})" if seg.probe else ""
            notes.append((seg.start_s, f"follow-up {followups}{why}"))
        elif seg.kind == "prompt":
            notes.append((seg.start_s, "the round begins: the panel's prompt"))
        else:
            notes.append((seg.start_s, "wrap-up"))
    m, s = divmod(int(record.window_s), 60)
    notes.append((record.window_s, f"end of the signal window ({m}:{s:02d})"))
    return notes


class SessionWriter:
    """Saves one round as it happens. The engine mutates `record`; every save is atomic."""

    def __init__(self, store: SessionStore, record: SessionRecord, folder: Path) -> None:
        self.store, self.record, self._folder = store, record, folder
        self._lock = threading.RLock()

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def folder(self) -> Path:
        return self._folder

    def audio_path(self, index: int) -> Path:
        """Answer `index`'s file, created empty and 0600 so a recorder that opens it for writing
        keeps it private (an existing file keeps its mode)."""
        path = private_dir(self._folder / AUDIO_DIR) / f"answer-{index:02d}.wav"
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
        os.chmod(path, FILE_MODE)
        return path

    def _seal_audio(self) -> None:
        # A recorder that replaced the file (write then rename) may have left it world-readable.
        for path in (self._folder / AUDIO_DIR).glob("*"):
            if path.is_file() and path.stat().st_mode & 0o077:
                os.chmod(path, FILE_MODE)

    def checkpoint(self, transcript: Transcript) -> None:
        with self._lock:
            self._seal_audio()
            _write_transcript(self._folder, self.record, transcript)
            write_atomic(self._folder / SESSION_FILE, self.record.model_dump_json(indent=2))

    def finish(self, transcript: Transcript, analysis: Analysis | None, status: str,
               reason: str | None) -> SessionRecord:
        with self._lock:
            self.record.status = status  # type: ignore[assignment]
            self.record.status_reason = reason
            self.record.headline = headline_of(self.record, analysis)
            self._seal_audio()
            _write_results(self._folder, self.record, transcript, analysis)
            self.store._index(self.record)
            return self.record


def _write_transcript(folder: Path, record: SessionRecord, transcript: Transcript) -> None:
    write_atomic(folder / TRANSCRIPT_JSON, to_json(transcript))
    write_atomic(folder / TRANSCRIPT_VTT, to_vtt(transcript, window_notes(record)))


def _write_results(folder: Path, record: SessionRecord, transcript: Transcript,
                   analysis: Analysis | None) -> None:
    from voice_sim.core.report import render_report

    _write_transcript(folder, record, transcript)
    if analysis is not None:
        write_atomic(folder / ANALYSIS_FILE, analysis.model_dump_json(indent=2))
    write_atomic(folder / REPORT_FILE, render_report(record, transcript, analysis))
    write_atomic(folder / SESSION_FILE, record.model_dump_json(indent=2))  # last: the status flip


# ----- the store and its index -------------------------------------------------------------------

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


class SessionStore:
    """Session folders under `root` and their index `db`. Open with SessionStore.open()."""

    def __init__(self, root: Path | None = None, db: Path | None = None) -> None:
        self.root = root or locations.sessions_dir()
        self.db = db or locations.sessions_db()

    @classmethod
    def open(cls, root: Path | None = None, db: Path | None = None, recover: bool = True) -> SessionStore:
        """Create the folders and index if needed and, by default, mark abandoned rounds incomplete."""
        store = cls(root, db)
        private_dir(store.root)
        if not store.db.exists():
            private_dir(store.db.parent)
            os.close(os.open(store.db, os.O_WRONLY | os.O_CREAT, FILE_MODE))
        with closing(store._connect()) as con:
            con.executescript(_SCHEMA)
        if recover:
            store.recover()
        return store

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.db, timeout=10)
        con.row_factory = sqlite3.Row
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
        return con

    def _index(self, record: SessionRecord) -> None:
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

    # -- writing

    def create(self, scenario: Scenario, mode: str, kind: str, round_s: float,
               window_s: float) -> SessionWriter:
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
        writer = SessionWriter(self, record, folder)
        writer.checkpoint(Transcript())
        self._index(record)
        return writer

    # -- recovery

    def recover(self) -> list[str]:
        """Mark rounds whose recording process is gone as incomplete; index unknown folders.

        Keeps every file they wrote; repairs WAV headers a killed recorder left unfinished, so the
        audio so far is readable, and analyzes the words that were transcribed before the end.
        """
        with closing(self._connect()) as con:
            rows = con.execute("SELECT id FROM sessions WHERE status = 'recording'").fetchall()
            known = {r["id"] for r in con.execute("SELECT id FROM sessions")}
        candidates = [r["id"] for r in rows]
        try:
            on_disk = [p.name for p in self.root.iterdir() if (p / SESSION_FILE).is_file()]
        except FileNotFoundError:
            on_disk = []
        candidates += [sid for sid in on_disk if sid not in known]
        marked = []
        for sid in candidates:
            folder = self.root / sid
            try:
                record = self._read_record(folder)
            except SessionError:
                if sid in known and not folder.exists():
                    self._unindex(sid)  # deleted by hand
                continue
            if record.status == "recording" and not owner_alive(record.pid, record.pid_started):
                self._mark_incomplete(folder, record)
                marked.append(sid)
            elif sid not in known:
                self._index(record)
        return marked

    def _mark_incomplete(self, folder: Path, record: SessionRecord) -> None:
        from voice_sim.core.analysis import analyze

        for seg in record.segments:
            if seg.kind != "answer" or not seg.audio:
                continue
            seconds = repair_wav(folder / seg.audio)
            if seconds is not None:
                seg.audio_s = round(seconds, 3)
                seg.end_s = max(seg.end_s, round(seg.start_s + seconds, 3))
        transcript = self._read_transcript(folder)
        candidate = Transcript(cues=[c for c in transcript.cues if c.speaker == "candidate"])
        for seg in record.segments:  # the answer cut short has only its live cues
            if seg.kind == "answer" and not seg.text:
                seg.text = " ".join(
                    c.text for c in candidate.cues if seg.start_s <= c.start_s <= seg.end_s
                )
        record.duration_s = max([record.duration_s] + [s.end_s for s in record.segments])
        record.status = "incomplete"
        record.status_reason = f"the program stopped while recording (pid {record.pid})"
        analysis = analyze(candidate, None, record.window_s) if candidate.cues else None
        record.headline = headline_of(record, analysis)
        _write_results(folder, record, transcript, analysis)
        self._index(record)

    def _unindex(self, sid: str) -> None:
        with closing(self._connect()) as con, con:
            con.execute("DELETE FROM sessions WHERE id = ?", (sid,))

    # -- reading

    def list(self, scenario_id: str | None = None, limit: int | None = None) -> list[SessionRow]:
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

    def resolve(self, ref: str) -> str:
        """A full id, a unique prefix of one, or 'last' (the newest round)."""
        with closing(self._connect()) as con:
            if ref in ("last", "latest"):
                row = con.execute("SELECT id FROM sessions ORDER BY started_at DESC, id DESC LIMIT 1").fetchone()
                if row is None:
                    raise SessionError("there are no saved rounds yet")
                return str(row["id"])
            escaped = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            ids = [r["id"] for r in con.execute(
                "SELECT id FROM sessions WHERE id LIKE ? ESCAPE '\\' ORDER BY id", (escaped + "%",)
            )]
        if ref in ids:
            return ref
        if len(ids) == 1:
            return str(ids[0])
        if not ids:
            raise SessionError(f"no saved round '{ref}'; see: voice-sim sessions list")
        shown = ", ".join(ids[:5]) + (" ..." if len(ids) > 5 else "")
        raise SessionError(f"'{ref}' matches {len(ids)} rounds ({shown}); give more of the id")

    def folder(self, sid: str) -> Path:
        return self.root / sid

    def get(self, ref: str) -> SessionRecord:
        return self._read_record(self.folder(self.resolve(ref)))

    def transcript(self, ref: str) -> Transcript:
        return self._read_transcript(self.folder(self.resolve(ref)))

    def analysis(self, ref: str) -> Analysis | None:
        path = self.folder(self.resolve(ref)) / ANALYSIS_FILE
        if not path.exists():
            return None
        try:
            return Analysis.model_validate_json(path.read_bytes())
        except (OSError, ValueError) as exc:
            raise SessionError(f"{path}: cannot read the analysis ({exc})") from None

    def _read_record(self, folder: Path) -> SessionRecord:
        path = folder / SESSION_FILE
        try:
            return SessionRecord.model_validate_json(path.read_bytes())
        except FileNotFoundError:
            raise SessionError(f"{folder}: the session folder is missing or has no {SESSION_FILE}") from None
        except (OSError, ValueError) as exc:
            raise SessionError(f"{path}: cannot read ({str(exc).splitlines()[0]})") from None

    def _read_transcript(self, folder: Path) -> Transcript:
        path = folder / TRANSCRIPT_JSON
        if not path.exists():
            return Transcript()
        try:
            return Transcript.model_validate_json(path.read_bytes())
        except (OSError, ValueError) as exc:
            raise SessionError(f"{path}: cannot read ({str(exc).splitlines()[0]})") from None

    def summary(self, ref: str) -> dict[str, object]:
        """The whole round as one JSON-able object (`run --json`, `export --format json`)."""
        sid = self.resolve(ref)
        record = self.get(sid)
        analysis = self.analysis(sid)
        return {
            "id": sid,
            "session": record.model_dump(mode="json"),
            "folder": str(self.folder(sid)),
            "transcript": self.transcript(sid).model_dump(mode="json"),
            "analysis": analysis.model_dump(mode="json") if analysis else None,
        }

    def export(self, ref: str, fmt: str) -> str:
        """The round as md (the report), vtt or srt (the transcript), or json (the summary)."""
        sid = self.resolve(ref)
        if fmt == "md":
            from voice_sim.core.report import render_report

            return render_report(self.get(sid), self.transcript(sid), self.analysis(sid))
        if fmt == "vtt":
            return to_vtt(self.transcript(sid), window_notes(self.get(sid)))
        if fmt == "srt":
            return to_srt(self.transcript(sid))
        if fmt == "json":
            return json.dumps(self.summary(sid), indent=2) + "\n"
        raise SessionError(f"unknown export format '{fmt}'; use md, vtt, srt or json")

    def delete(self, ref: str) -> str:
        sid = self.resolve(ref)
        folder = self.folder(sid)
        try:
            record = self._read_record(folder)
        except SessionError:
            record = None
        if record and record.status == "recording" and owner_alive(record.pid, record.pid_started):
            raise SessionError(f"round {sid} is still being recorded (pid {record.pid}); end it first")
        shutil.rmtree(folder, ignore_errors=True)
        self._unindex(sid)
        return sid
