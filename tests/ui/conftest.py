"""Fixtures for the app's tests: one kit that builds the app through make_app() with scripted
rounds, a real session store whose rounds start on fixed dates, and fakes for the doctor, the
device and model lists, and the audio player."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from ui.fake_analysis import fake_analyze
from ui.scenarios import AUCTION, LIBRARY, STRONG, WEAK
from voice_sim.config import Settings
from voice_sim.core.fakes import FakeTranscriber
from voice_sim.core.scenario import Scenario
from voice_sim.core.sessions import SessionStore
from voice_sim.ui.app import VoiceSimApp, make_app
from voice_sim.ui.demo import ScriptedRounds
from voice_sim.ui.playback import PlaybackError
from voice_sim.ui.rounds import RoundRequest
from voice_sim.ui.services import Check

FIRST_DATE = datetime(2026, 3, 2, 14, 5, tzinfo=UTC)


class DatedStore:
    """The real SessionStore, with each new round starting a day after the last (stable screens)."""

    def __init__(self, store: SessionStore, first: datetime = FIRST_DATE) -> None:
        self.store, self.next_date = store, first

    def create(self, *args: Any, **kwargs: Any) -> Any:
        writer = self.store.create(*args, **kwargs)
        writer.record.started_at = self.next_date
        self.next_date += timedelta(days=1, minutes=7)
        return writer

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


@dataclass
class FakePlayer:
    played: list[tuple[Path, float]] = field(default_factory=list)
    stopped: int = 0
    fail: str | None = None

    def play(self, path: Path, offset_s: float = 0.0) -> float:
        if self.fail:
            raise PlaybackError(self.fail)
        self.played.append((path, offset_s))
        return 12.0

    def stop(self) -> None:
        self.stopped += 1


CHECKS = [
    Check("microphone", True, "default input"),
    Check("speech engine", True, "espeak-ng"),
    Check("model", False, "tiny.en is not downloaded", "run: voice-sim models pull tiny.en"),
]


@dataclass
class Kit:
    tmp: Path
    rounds: ScriptedRounds = field(default_factory=lambda: ScriptedRounds(
        [STRONG, WEAK], think_s=2, analyzer=fake_analyze))
    player: FakePlayer = field(default_factory=FakePlayer)
    store: DatedStore = field(default_factory=lambda: DatedStore(SessionStore.open()))
    remembered: list[Settings] = field(default_factory=list)

    @property
    def export_dir(self) -> Path:
        return self.tmp / "exports"

    def record_round(self, answers: list[str] | None = None, scenario: Scenario = AUCTION) -> str:
        """Play a whole round through the engine, no screen: prompt, answer, follow-up, answer,
        end. Returns the session id. Much faster than driving the app, for tests that start from
        a saved round."""
        settings = Settings()
        settings.panel.speak = False
        rounds = ScriptedRounds(answers if answers is not None else [STRONG, WEAK], think_s=2,
                                analyzer=fake_analyze)
        request = RoundRequest(scenario, settings, self.store, lambda e: None, lambda t, f: None)
        rnd = rounds(request)
        rnd.start()
        for i in range(len(rounds.texts or [])):
            if i:
                rnd.next()
            rnd.begin_answer()
            rounds.play(rounds.source.current.duration_s)  # type: ignore[union-attr]
            rnd.end_answer()
        record = rnd.end_round()
        return record.id

    def app(self, settings: Settings | None = None, **overrides: Any) -> VoiceSimApp:
        if settings is None:
            settings = Settings()
            settings.panel.speak = False
        options: dict[str, Any] = dict(
            library=LIBRARY, checks=lambda s: list(CHECKS), input_devices=lambda: ["USB mic"],
            models=lambda s: [("tiny.en", "tiny.en"), ("base.en (not downloaded)", "base.en")], player=self.player,
            remember=lambda s: self.remembered.append(s.model_copy(deep=True)),
            export_dir=self.export_dir,
            transcriber=lambda s, progress: FakeTranscriber(),  # never the real model here
        )
        options.update(overrides)
        app = make_app(settings, overrides.pop("round_factory", self.rounds), self.store, **{
            k: v for k, v in options.items() if k != "round_factory"
        })
        app.animation_level = "none"  # no tab underline sliding: faster, and stiller snapshots
        return app


@pytest.fixture(autouse=True)
def utc() -> Iterator[None]:
    """Dates on screen in UTC whatever the machine's zone."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.fixture
def kit(tmp_path: Path) -> Kit:
    return Kit(tmp_path)
