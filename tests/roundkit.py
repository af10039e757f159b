"""A scenario, answer lines and a fake-driven Round shared by the engine, session and run tests."""

from __future__ import annotations

from pathlib import Path

from voice_sim.config import Settings
from voice_sim.core import events as ev
from voice_sim.core.clock import FakeClock
from voice_sim.core.engine import Round, RoundConfig
from voice_sim.core.fakes import (
    FakeAnswer,
    FakeSource,
    FakeSpeaker,
    FakeTranscriber,
    MemoryStore,
)
from voice_sim.core.ports import Store
from voice_sim.core.scenario import Probe, Scenario

SCENARIO = Scenario(
    id="live-bids", title="Live bidding", domain="auction bidding", context="Bids during a stream",
    prompt="Design the system that takes bids during a live auction stream.",
    probes=[
        Probe(text="What if we need sub-second latency?", tests="latency"),
        Probe(text="How would you keep the cost down?", tests="cost"),
    ],
    constraints=["latency"], levers=["cache"], metrics=["conversion"],
    strong_opening="We are solving for buyers who lose auctions because their bids arrive late.",
)

HYPOTHESIS = "The user problem is that buyers lose auctions because their bids arrive late."
LEVER_ONLY = "We will shard the bid service by seller ID and add a cache in front of it."
METRIC = "That lifts bid conversion by about two percent, which is what the business needs."
KAFKA = "We will use Kafka."


class Harness:
    def __init__(self, tmp_path: Path, answers: list[FakeAnswer], store: Store | None = None,
                 **overrides: object) -> None:
        self.clock = FakeClock()
        self.speaker = FakeSpeaker(self.clock)
        self.source = FakeSource(self.clock, answers)
        self.transcriber = FakeTranscriber()
        self.store = store or MemoryStore(tmp_path)
        self.events: list[ev.Event] = []
        config = RoundConfig.from_settings(Settings(), SCENARIO)
        for k, v in overrides.items():
            setattr(config, k, v)
        self.round = Round(
            SCENARIO, config, speaker=self.speaker, source=self.source,
            transcriber=self.transcriber, store=self.store, clock=self.clock,
            listener=self.events.append,
        )

    def answer(self, until_s: float | None = None) -> None:
        self.round.begin_answer()
        self.source.play(until_s)
        self.round.end_answer()

    def of(self, kind: type) -> list:
        return [e for e in self.events if isinstance(e, kind)]

    @property
    def states(self) -> list[str]:
        return [e.new for e in self.of(ev.StateChanged)]
