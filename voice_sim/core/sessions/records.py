"""What a saved round is: the models behind session.json, a new round's id, its headline figures.

Plain data shared by the writer, the index, recovery, the Markdown report and the app. Nothing here
touches a file or the database: the folder's files are in folder.py, the index row in index.py.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, Field

from voice_sim.core.models import Analysis

SegmentKind = Literal["prompt", "followup", "answer", "wrapup"]
Status = Literal["recording", "complete", "incomplete"]


class SessionError(Exception):
    """A session that does not exist, is ambiguous, or cannot be read; one line for the user."""


class Recovered(BaseModel):
    """The end of an answer that was recorded but not transcribed when the round stopped (the
    process was killed mid-sentence), transcribed afterwards from its audio (sessions/tails.py)."""

    from_s: float = Field(description="Where the untranscribed audio began, seconds into the answer's audio.")
    to_s: float = Field(description="The end of the answer's audio, seconds into it.")
    words: int = Field(0, description="Words found in it.")

    @property
    def seconds(self) -> float:
        return max(0.0, self.to_s - self.from_s)


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
    probe: str | None = Field(
        None, description="Why a follow-up was asked, e.g. 'adaptive:metric_tie'."
    )
    interrupted: bool = False
    recovered: Recovered | None = Field(
        None, description="The end of the answer, transcribed from its audio after the round stopped."
    )


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
