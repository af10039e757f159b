"""The panel's voice: speak a persona's line aloud, cut it short on demand, and report what was said
and when, on the caller's clock. The speakers here implement core/ports.py's `Speaker` (the round
engine calls `say`, which blocks, and `interrupt`) and add what their owner needs:

    speaker = make_speaker(settings, on_notice=show)     # never fails: falls back to text-only
    line = speaker.say(text, persona)                    # the port: blocks until the line is over
    future = speaker.enqueue(text, persona)              # queued; Future[SpokenLine]
    speaker.interrupt()                                  # stop now (any thread), drop queued lines
    speaker.wait(timeout) -> bool                        # True when everything queued is over
    speaker.stop()                                       # interrupt, shut down, join

A `SpokenLine`'s start/end are readings of the `clock` passed in (time.monotonic by default) when
the player started and finished. A line dropped by interrupt() before it began has start == end
and interrupted=True. `speaker.lines` keeps all.

The real voice lives in speech/pyttsx3_speaker.py, imported only when speech is wanted;
`TextOnlySpeaker` is what a round gets when speech is off or cannot work here (make_speaker says
why, once). This module must not decide *what* to say or when.
"""

from __future__ import annotations

import logging
import time
from abc import abstractmethod
from collections.abc import Callable
from concurrent.futures import Future

from voice_sim.config import Persona, Settings
from voice_sim.core.ports import Speaker, SpokenLine

log = logging.getLogger(__name__)

Clock = Callable[[], float]
Notice = Callable[[str], None]


class QueuedSpeaker(Speaker):
    """A speaker that speaks queued lines in order (on its own thread, for the real voice).
    The port's blocking `say` is `enqueue` and a wait for that line. Safe from any thread."""

    lines: list[SpokenLine]

    @abstractmethod
    def enqueue(self, text: str, persona: Persona) -> Future[SpokenLine]:
        """Queue one line; the future resolves when it has been spoken, interrupted or dropped."""

    def say(self, text: str, persona: Persona, timeout: float | None = None) -> SpokenLine:
        return self.enqueue(text, persona).result(timeout)

    @abstractmethod
    def wait(self, timeout: float | None = None) -> bool:
        """Block until every queued line is over; False if the timeout came first."""

    @abstractmethod
    def interrupt(self) -> None:
        """Stop the current line now and drop the queued ones (the candidate started, a skip)."""

    @abstractmethod
    def stop(self) -> None:
        """Interrupt and release everything; the speaker cannot be used afterwards."""


class TextOnlySpeaker(QueuedSpeaker):
    """No audio: each line is 'spoken' the moment it is said (and written with `write`, if given)."""

    def __init__(self, clock: Clock = time.monotonic, on_line: Callable[[SpokenLine], None] | None = None,
                 write: Callable[[str], None] | None = None) -> None:
        self.clock, self.on_line, self.write = clock, on_line, write
        self.lines = []

    def enqueue(self, text: str, persona: Persona) -> Future[SpokenLine]:
        now = self.clock()
        line = SpokenLine(text, now, now, persona_name=persona.name)
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
                 write: Callable[[str], None] | None = None) -> QueuedSpeaker:
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
