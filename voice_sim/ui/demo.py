"""A scripted round factory over core/fakes: for the app's tests, screenshots and a no-hardware demo.

The panel 'speaks' instantly on a fake clock and the answers are scripted sentences, so a whole
round runs in milliseconds with every time in it known. With `autoplay`, each answer plays by
itself on a background thread once it is started (the demo: `python -m voice_sim.ui.demo`);
without it, a test calls `rounds.play()` to move through the current answer. Nothing here is used
by a real round.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from voice_sim.core.clock import FakeClock
from voice_sim.core.engine import Round, RoundConfig
from voice_sim.core.fakes import FakeAnswer, FakeSource, FakeSpeaker, FakeTranscriber
from voice_sim.core.models import Analysis
from voice_sim.core.ports import BlockCallback, EndCallback, LevelCallback
from voice_sim.ui.rounds import RoundRequest

SECOND_ANSWER = (
    "Um, so for the bid path we will use Kafka. "
    "Honestly the database choice is up to engineering. "
    "We can handle a million requests per second. "
    "The trade-off is that we keep bids in memory, at the cost of a short replay window if a node "
    "fails, which protects conversion during the final seconds."
)


class _AutoSource(FakeSource):
    """Plays each answer by itself, slowly enough to watch, then ends it (on_end)."""

    def __init__(self, clock: FakeClock, answers: list[FakeAnswer], pace_s: float) -> None:
        super().__init__(clock, answers)
        self.pace_s = pace_s
        self._stop = threading.Event()

    def start(self, path: Path, on_block: BlockCallback | None = None,
              on_level: LevelCallback | None = None, on_end: EndCallback | None = None) -> None:
        super().start(path, on_block, on_level, on_end)
        self._stop.clear()
        threading.Thread(target=self._play, daemon=True, name="demo-answer").start()

    def _play(self) -> None:
        current = self.current
        if current is None:
            return
        for _, stop, _ in current.cues():
            if self._stop.wait(self.pace_s):
                return
            self.play(until_s=stop)
        if not self._stop.is_set():
            self.play()

    def stop(self) -> Any:
        self._stop.set()
        return super().stop()


class ScriptedRounds:
    """A RoundFactory (ui/rounds.py): each call makes a Round over fakes sharing one FakeClock."""

    def __init__(self, answers: Sequence[str | FakeAnswer] | None = None, *, autoplay: bool = False,
                 pace_s: float = 0.6, think_s: float = 2.0,
                 analyzer: Callable[..., Analysis] | None = None) -> None:
        self.clock = FakeClock()
        self.analyzer = analyzer
        self.texts = list(answers) if answers is not None else None
        self.autoplay, self.pace_s, self.think_s = autoplay, pace_s, think_s
        self.source: FakeSource | None = None
        self.round: Round | None = None

    def __call__(self, request: RoundRequest) -> Round:
        request.progress("Loading the speech model (scripted)…", 1.0)
        texts: list[str | FakeAnswer] = (
            list(self.texts) if self.texts is not None
            else [request.scenario.strong_opening, SECOND_ANSWER]
        )
        answers = [t if isinstance(t, FakeAnswer) else FakeAnswer(t, think_s=self.think_s)
                   for t in texts]
        self.source = (_AutoSource(self.clock, answers, self.pace_s) if self.autoplay
                       else FakeSource(self.clock, answers))
        config = RoundConfig.from_settings(request.settings, request.scenario)
        self.round = Round(
            request.scenario, config,
            speaker=FakeSpeaker(self.clock),
            source=self.source, transcriber=FakeTranscriber(), store=request.store,
            clock=self.clock, listener=request.listener,
            **({"analyzer": self.analyzer} if self.analyzer else {}),
        )
        return self.round

    def play(self, until_s: float | None = None) -> None:
        """Move through the current answer (to `until_s` seconds into it, or to its end)."""
        assert self.source is not None, "no round yet"
        self.source.play(until_s)


def main() -> None:
    """Run the app with scripted answers: no microphone, no model. Press space to answer."""
    from voice_sim.ui.app import make_app

    make_app(round_factory=ScriptedRounds(autoplay=True), checks=lambda s: []).run()


if __name__ == "__main__":
    main()
