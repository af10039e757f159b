"""Time for the round engine: a Clock protocol, the real one, a fake one for tests, and the round clock.

The round clock is zero at the first word of the prompt and stands still while the round is paused.
Every segment, follow-up trigger and the signal window are measured on it. Nothing here sleeps.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol


class Clock(Protocol):
    """A monotonic source of seconds. Only differences between readings mean anything."""

    def now(self) -> float: ...


class MonotonicClock:
    def now(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that moves only when a test says so."""

    def __init__(self, start: float = 0.0) -> None:
        self._t = start
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._t

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._t += seconds


class RoundClock:
    """Seconds since the round began, with paused time left out."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._t0: float | None = None
        self._provisional = False
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self._ahead = 0.0  # added when audio ran ahead of the wall clock (a file read faster)

    @property
    def started(self) -> bool:
        return self._t0 is not None

    def start(self, at: float, *, provisional: bool = False) -> None:
        """Set time zero (an absolute reading of `clock`); only the first firm call counts.

        A provisional zero (the prompt is about to be spoken) lets the screen count while the
        prompt is read out; the speaker's report of its first word replaces it."""
        if self._t0 is None or self._provisional:
            self._t0 = at
            self._provisional = provisional

    def at(self, absolute: float) -> float:
        """Round time of an absolute reading (used for times a speaker or recorder measured)."""
        if self._t0 is None:
            return 0.0
        paused = self._paused_total
        if self._paused_at is not None:
            paused += max(0.0, absolute - self._paused_at)
        return max(0.0, absolute - self._t0 - paused + self._ahead)

    def now(self) -> float:
        return self.at(self.clock.now())

    def advance_to(self, t: float) -> None:
        """Make round time at least `t`: an answer file can deliver a minute of audio in a second,
        and the round's timeline must still hold that minute so segments never overlap."""
        gap = t - self.now()
        if gap > 0:
            self._ahead += gap

    def pause(self) -> None:
        if self._paused_at is None:
            self._paused_at = self.clock.now()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_total += self.clock.now() - self._paused_at
            self._paused_at = None
