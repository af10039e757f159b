"""What the round engine reports, as small dataclasses named for what happened.

The engine calls its listener with these from whichever thread noticed the event (the caller's,
the recorder's or the transcriber's), so a UI must hand them over to its own thread
(Textual: `app.call_from_thread` or `post_message`). LevelChanged arrives ~10 times a second;
a UI may keep only the newest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from voice_sim.core.models import Cue

if TYPE_CHECKING:
    from voice_sim.core.sessions import Segment, SessionRecord


@dataclass(frozen=True)
class StateChanged:
    old: str
    new: str
    at_s: float


@dataclass(frozen=True)
class PanelSpeaking:
    """A panel line is about to be spoken (show it while it is heard); PanelSpoke follows."""

    kind: str  # prompt, followup or wrapup
    speaker: str
    text: str
    at_s: float
    reason: str | None = None


@dataclass(frozen=True)
class PanelSpoke:
    """A panel line was spoken (or shown). `segment.kind` says prompt, followup or wrapup."""

    segment: Segment
    reason: str | None = None  # why a follow-up was asked, e.g. "no metric tie after a lever"


@dataclass(frozen=True)
class AnswerStarted:
    index: int
    at_s: float
    audio_path: str


@dataclass(frozen=True)
class LevelChanged:
    level: float  # 0..1
    silent_s: float


@dataclass(frozen=True)
class SilenceNoticed:
    """The candidate has said nothing for `silent_s` (reported, never used to end the answer)."""

    silent_s: float
    at_s: float


@dataclass(frozen=True)
class SourceEnded:
    """The answer source stopped by itself (file ran out, auto-stop); call end_answer()."""

    at_s: float


@dataclass(frozen=True)
class TentativeText:
    """Words heard since the last settled cue; they may still change. '' clears them."""

    text: str


@dataclass(frozen=True)
class SegmentTranscribed:
    """A settled piece of the current answer, times on the round clock."""

    cue: Cue


@dataclass(frozen=True)
class AnswerEnded:
    segment: Segment


@dataclass(frozen=True)
class SignalHeard:
    signal: str
    at_s: float


@dataclass(frozen=True)
class CoachCue:
    """A pacing hint while answering (coach mode only). `key` is stable, e.g. 'window_2min'."""

    key: str
    text: str
    at_s: float


@dataclass(frozen=True)
class TimeUp:
    at_s: float


@dataclass(frozen=True)
class AnswerTimeUp:
    """A what-if drill's answer reached its time limit; the UI ends the answer."""

    at_s: float
    limit_s: float


@dataclass(frozen=True)
class Problem:
    """Something went wrong but the round goes on (e.g. speech engine missing, text-only now)."""

    message: str


@dataclass(frozen=True)
class DiskFilled:
    """The disk filled up: nothing more can be saved, so the round must stop (abort() it). Sent
    once; `message` is the one line for the user: that the disk is full and where what was
    recorded is kept (also `Round.disk_full`)."""

    message: str
    folder: str


@dataclass(frozen=True)
class RoundEnded:
    session: SessionRecord


Event = (
    StateChanged | PanelSpeaking | PanelSpoke | AnswerStarted | LevelChanged | SilenceNoticed | SourceEnded
    | TentativeText | SegmentTranscribed | AnswerEnded | SignalHeard | CoachCue | TimeUp | AnswerTimeUp
    | Problem | DiskFilled | RoundEnded
)
