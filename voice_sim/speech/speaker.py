"""The panel's voice: speak a persona's line aloud, cut it short on demand, and report what was said
and when, on the caller's clock. The interface the round (through runtime.py) relies on:

    speaker = make_speaker(settings, on_notice=show)     # never fails: falls back to text-only
    future = speaker.say(text, persona)                  # queued; Future[SpokenLine]
    line = speaker.speak(text, persona)                  # the same, blocking until it is over
    speaker.interrupt()                                  # stop now (any thread), drop queued lines
    speaker.wait(timeout) -> bool                        # True when everything queued is over
    speaker.stop()                                       # interrupt, shut down, join

`SpokenLine(text, persona_name, start_s, end_s, interrupted)`: start_s/end_s are readings of the
`clock` passed in (time.monotonic by default) when the player started and finished. A line dropped
by interrupt() before it began has start_s == end_s and interrupted=True. `speaker.lines` keeps all.

The real voice lives in speech/pyttsx3_speaker.py, imported only when speech is wanted;
`TextOnlySpeaker` is what a round gets when speech is off or cannot work here (make_speaker says
why, once). This module must not decide *what* to say or when.
"""

from __future__ import annotations

import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass

from voice_sim.config import Persona, Settings

log = logging.getLogger(__name__)

Clock = Callable[[], float]
Notice = Callable[[str], None]


@dataclass(frozen=True)
class SpokenLine:
    text: str
    persona_name: str
    start_s: float
    end_s: float
    interrupted: bool = False

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


class Speaker(ABC):
    """What the round engine needs from a voice. All methods are safe from any thread."""

    lines: list[SpokenLine]

    @abstractmethod
    def say(self, text: str, persona: Persona) -> Future[SpokenLine]:
        """Queue one line; the future resolves when it has been spoken, interrupted or dropped."""

    def speak(self, text: str, persona: Persona, timeout: float | None = None) -> SpokenLine:
        """say() and wait for the line to be over."""
        return self.say(text, persona).result(timeout)

    @abstractmethod
    def wait(self, timeout: float | None = None) -> bool:
        """Block until every queued line is over; False if the timeout came first."""

    @abstractmethod
    def interrupt(self) -> None:
        """Stop the current line now and drop the queued ones (the candidate started, a skip)."""

    @abstractmethod
    def stop(self) -> None:
        """Interrupt and release everything; the speaker cannot be used afterwards."""


class TextOnlySpeaker(Speaker):
    """No audio: each line is 'spoken' the moment it is said (and written with `write`, if given)."""

    def __init__(self, clock: Clock = time.monotonic, on_line: Callable[[SpokenLine], None] | None = None,
                 write: Callable[[str], None] | None = None) -> None:
        self.clock, self.on_line, self.write = clock, on_line, write
        self.lines = []

    def say(self, text: str, persona: Persona) -> Future[SpokenLine]:
        now = self.clock()
        line = SpokenLine(text, persona.name, now, now)
        self.lines.append(line)
        if self.write is not None:
            self.write(f"{persona.name}: {text}")
        if self.on_line is not None:
            self.on_line(line)
        future: Future[SpokenLine] = Future()
        future.set_result(line)
        return future

    def wait(self, timeout: float | None = None) -> bool:
        return True

    def interrupt(self) -> None:
        pass

    def stop(self) -> None:
        pass


def make_speaker(settings: Settings, on_notice: Notice | None = None, *,
                 clock: Clock = time.monotonic, on_line: Callable[[SpokenLine], None] | None = None,
                 write: Callable[[str], None] | None = None) -> Speaker:
    """The best speaker available. When speech cannot work, `on_notice` (or the log) gets one line
    saying why and a TextOnlySpeaker is returned, so the round goes on text-only."""
    notice = on_notice or log.warning
    if not settings.panel.speak:
        return TextOnlySpeaker(clock, on_line, write)
    from voice_sim.speech import pyttsx3_speaker as engine

    problem = engine.speech_problem(probe_output=True)
    if problem is None:
        speaker = engine.Pyttsx3Speaker(settings.panel, clock=clock, on_line=on_line, on_notice=notice)
        speaker.start()
        try:
            speaker.wait_ready()
            return speaker
        except engine.SpeechUnavailable as exc:
            speaker.stop()
            problem = (str(exc), "")
    why, fix = problem
    notice(f"the panel is text-only: {why}" + (f"; fix: {fix}" if fix else ""))
    return TextOnlySpeaker(clock, on_line, write)
