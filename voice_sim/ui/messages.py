"""Textual messages the app passes around, named for what happened.

Engine events (core/events.py) arrive on other threads; `bridge()` turns each into a message posted
to a screen (post_message is thread-safe). The audio level arrives ~10 times a second, so it has
its own message that a newer one replaces in the queue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

from voice_sim.core import events as ev

if TYPE_CHECKING:
    from voice_sim.core.engine import Round
    from voice_sim.core.models import Analysis, Transcript
    from voice_sim.core.sessions import SessionRecord, SessionRow
    from voice_sim.ui.services import Check


@dataclass
class RoundReported(Message):
    """The engine reported an event (anything but the audio level)."""

    event: ev.Event


@dataclass
class LevelMeasured(Message):
    level: float
    silent_s: float

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LevelMeasured)


@dataclass
class ModelLoading(Message):
    text: str
    fraction: float | None

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ModelLoading)


@dataclass
class RoundReady(Message):
    round: Round


@dataclass
class ChecksDone(Message):
    checks: list[Check]


@dataclass
class ChoicesFound(Message):
    """Microphones and models found by a worker, for the Home screen's selects."""

    devices: list[str]
    models: list[tuple[str, str]]


@dataclass
class SessionLoaded(Message):
    record: SessionRecord
    transcript: Transcript
    analysis: Analysis | None
    folder: Any


@dataclass
class HistoryLoaded(Message):
    rows: list[SessionRow]


@dataclass
class QuestionsRead(Message):
    """A round read question by question (core/sessions/questions.py), for the Report screen."""

    questions: list[Any]


@dataclass
class TailProgress(Message):
    """How far the end of an answer a crash left untranscribed is (ReportScreen)."""

    text: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TailProgress)


@dataclass
class TailsTranscribed(Message):
    """That end is transcribed and the round analyzed again: the round as saved now."""

    record: SessionRecord
    transcript: Transcript
    analysis: Analysis | None
    lines: list[str]  # what was found, for a notification


@dataclass
class ComparisonReady(Message):
    session_id: str
    text: Any  # a Rich renderable


def bridge(target: Any) -> Callable[[ev.Event], None]:
    """A Round listener that posts each event to `target` (a screen) as a message."""

    def listener(event: ev.Event) -> None:
        if isinstance(event, ev.LevelChanged):
            target.post_message(LevelMeasured(event.level, event.silent_s))
        else:
            target.post_message(RoundReported(event))

    return listener
