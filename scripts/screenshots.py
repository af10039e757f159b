"""Write the README's screenshots of the app: docs/screenshots/{home,interview,report*,history}.png.

A dev step, run by hand after changing how the app looks:

    .venv/bin/python scripts/screenshots.py [--size 120x40] [--out docs/screenshots]

It plays a scripted round (voice_sim/ui/demo.py: fake clock, no microphone, no model) in a
temporary data folder, saves each screen as SVG with Textual's save_screenshot, and turns the SVG
into PNG with rsvg-convert (apt-get install librsvg2-bin). Nothing in the user's folders is touched.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = "auction-bidding"

EARLIER = (
    # An earlier attempt at the same scenario: straight into the boxes, the user problem late.
    "So I would start with the architecture. "
    "We put a load balancer in front of a bid service and a database behind it. "
    "Um, we cache the current high bid in Redis so reads are cheap. "
    "You know, the bids go into a queue and a worker writes them to the database. "
    "I guess the user problem is that bidders get frustrated when their last second bid is lost. "
    "A bid should be acknowledged in under 200 milliseconds at the 99th percentile. "
    "Faster acknowledgement should lift bids per auction, which is what sellers care about."
)
ANSWERS = [
    # (think seconds, words per minute, text); sentences end with '.', no decimal points.
    (6, 138, "Um, so before I draw any boxes I want to be clear about who we are building for. "
     "My hypothesis is that bidders bid more when they trust the auction, and today they lose "
     "trust when a bid they placed in the last second simply does not count. "
     "If every bid is acknowledged fast and the winner is never in doubt, I expect more bids per "
     "auction and a higher final price for the seller. "
     "The hard constraint is that a bid must be acknowledged in under 200 milliseconds at the "
     "99th percentile, even when most bids land in the final two seconds. "
     "And there can only ever be exactly one winner that everyone agrees on. "
     "So the first lever is a single sequencer per auction, sharded by auction ID, so ordering "
     "is simple and owned by one place. "
     "That keeps acknowledgement fast in the final burst, which should lift bids per auction by "
     "about five percent. "
     "The trade-off is strict ordering at the cost of some raw throughput, and I am fine with "
     "that because the ordering is the product."),
    (4, 162, "Right, so on a weak mobile connection the network is most of the budget. "
     "We acknowledge at the edge as soon as the sequencer has the bid, and we send the client "
     "the sequence number rather than the whole auction state. "
     "Like, the client shows the bid as placed the moment it gets that number. "
     "We will use Kafka for the bid log. "
     "Honestly the choice of database is up to engineering. "
     "We can handle a million bids per second."),
    (5, 150, "Cost mostly comes from keeping every auction hot in memory. "
     "We only keep live auctions on the sequencers and move finished ones to cheap storage "
     "within a minute, which cuts the memory bill by most of it. "
     "The trade-off is that replaying a dispute from cold storage takes seconds, not "
     "milliseconds, and disputes are rare enough that sellers will not notice, while the "
     "saving funds faster acknowledgement where it moves conversion."),
]


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", default="120x40", help="terminal size, WIDTHxHEIGHT (default 120x40)")
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    return p.parse_args()


def to_png(svg: Path, png: Path) -> None:
    # Textual writes spaces as no-break spaces; rsvg still trims them at the start of a text run
    # unless told to preserve whitespace.
    text = svg.read_text(encoding="utf-8").replace("<svg ", '<svg xml:space="preserve" ', 1)
    fixed = svg.with_suffix(".fixed.svg")
    fixed.write_text(text, encoding="utf-8")
    subprocess.run(["rsvg-convert", str(fixed), "-o", str(png)], check=True)


async def shoot(out: Path, size: tuple[int, int], work: Path) -> list[Path]:
    from textual.widgets import OptionList

    from voice_sim.config import Settings
    from voice_sim.core import events as ev
    from voice_sim.core.fakes import FakeAnswer
    from voice_sim.core.sessions import SessionStore
    from voice_sim.ui.app import make_app
    from voice_sim.ui.demo import ScriptedRounds
    from voice_sim.ui.messages import LevelMeasured, RoundReported
    from voice_sim.ui.services import Check

    class DatedStore:
        """Rounds start on fixed dates, so the screenshots do not change from run to run."""

        def __init__(self) -> None:
            self.store, self.when = SessionStore.open(), datetime(2026, 3, 2, 18, 30, tzinfo=UTC)

        def create(self, *args: Any, **kwargs: Any) -> Any:
            writer = self.store.create(*args, **kwargs)
            writer.record.started_at, self.when = self.when, self.when + timedelta(days=2, hours=1)
            return writer

        def __getattr__(self, name: str) -> Any:
            return getattr(self.store, name)

    settings = Settings()
    settings.panel.speak = False
    store = DatedStore()
    checks = [Check("portaudio", True), Check("input", True, "USB microphone"),
              Check("speech", True, "espeak-ng"), Check("model", True, "tiny.en"), Check("disk", True)]
    shots: list[Path] = []

    def answers() -> list[FakeAnswer]:
        return [FakeAnswer(text, wpm=wpm, think_s=think) for think, wpm, text in ANSWERS]

    async def settle(pilot: Any) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    def save(app: Any, name: str) -> None:
        app.clear_notifications()
        svg = work / f"{name}.svg"
        app.save_screenshot(filename=svg.name, path=str(work))
        png = out / f"{name}.png"
        to_png(svg, png)
        shots.append(png)

    async def play_round(pilot: Any, rounds: ScriptedRounds, n: int, end: bool = True) -> None:
        options = pilot.app.screen.query_one("#scenario-list", OptionList)
        options.highlighted = options.get_option_index(SCENARIO)
        await pilot.press("enter")
        await settle(pilot)
        for i in range(n):
            if i:
                await pilot.press("n")
                await settle(pilot)
            await pilot.press("space")
            await settle(pilot)
            rounds.play()  # the answer ends by itself; the screen ends it
            await settle(pilot)
        if end:
            await pilot.press("e", "y")
            await settle(pilot)

    # An earlier, weaker attempt, so History has something to compare with.
    first = ScriptedRounds([FakeAnswer(EARLIER, wpm=172, think_s=3)])
    app = make_app(settings, first, store, checks=lambda s: checks, export_dir=work)
    app.animation_level = "none"
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await play_round(pilot, first, 1)

    rounds = ScriptedRounds(answers())
    app = make_app(settings, rounds, store, checks=lambda s: checks, export_dir=work)
    app.animation_level = "none"
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        options = pilot.app.screen.query_one("#scenario-list", OptionList)
        options.highlighted = options.get_option_index(SCENARIO)
        await pilot.pause()
        save(app, "home")
        await play_round(pilot, rounds, 1, end=False)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        assert rounds.source is not None and rounds.source.current is not None
        rounds.play(until_s=rounds.source.current.cues()[3][1] + 0.5)  # mid-answer
        await settle(pilot)
        # What a live microphone and the transcriber show between two settled sentences.
        screen = pilot.app.screen
        screen.post_message(LevelMeasured(0.3, 0.0))
        screen.post_message(RoundReported(ev.TentativeText("Honestly the choice of")))
        await pilot.pause()
        save(app, "interview")
        rounds.play()
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        rounds.play()
        await settle(pilot)
        await pilot.press("e", "y")
        await settle(pilot)
        save(app, "report")
        await pilot.press("2", "down")
        await pilot.pause()
        save(app, "report-flags")
        await pilot.press("3")
        await settle(pilot)
        await pilot.pause()
        save(app, "report-delivery")
        await pilot.press("4", "down", "down")
        await pilot.pause()
        save(app, "report-transcript")
        await pilot.app.workers.wait_for_complete()  # the Questions section is read in a worker
        await pilot.press("5")
        await pilot.pause()
        save(app, "report-questions")
        await pilot.press("escape", "h")
        await settle(pilot)
        save(app, "history")
    return shots


def main() -> int:
    args = parse_args()
    if shutil.which("rsvg-convert") is None:
        print("screenshots: needs rsvg-convert (apt-get install librsvg2-bin)", file=sys.stderr)
        return 2
    width, height = (int(n) for n in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="voice-sim-shots-") as tmp:
        work = Path(tmp)
        for name in ("data", "config", "models"):
            (work / name).mkdir()
            os.environ[f"VOICE_SIM_{name.upper()}_DIR"] = str(work / name)
        os.environ["TZ"] = "UTC"
        time.tzset()
        shots = asyncio.run(shoot(args.out, (width, height), work))
    for png in shots:
        print(png.relative_to(ROOT) if png.is_relative_to(ROOT) else png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
