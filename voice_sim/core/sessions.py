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

import os
import secrets
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, Field

from voice_sim.core.models import Analysis

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


def _pid_started(pid: int) -> str | None:
    """The process's start time from /proc (Linux), so a reused pid is not taken for the owner."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode(errors="replace")
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else None


def _pid_state(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode(errors="replace")
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[0] if fields else None


def owner_alive(pid: int | None, started: str | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    if _pid_state(pid) in ("Z", "X"):
        return False
    now_started = _pid_started(pid)
    return not (started and now_started and started != now_started)
