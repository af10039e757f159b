#!/usr/bin/env python
"""How quickly the app answers keys while the speech model decodes (target: within 100 ms).

Runs the real app headless (Textual's run_test, 100x30) through a real round: the real tiny.en
transcriber decodes a synthesized answer (scripts/asr_speech.py) fed in real time from a file that
stands in for the microphone; the panel is text-only. While the answer plays, and once before it
while the screen waits, it measures:
  - event loop lag: how late a 10 ms timer fires (every key waits in this same loop);
  - key to screen: from a key event entering the app (as the terminal driver sends it) to its
    effect: ctrl+p until the command palette is the active screen, escape until it is gone.
Prints median / p95 / max of each. Usage: .venv/bin/python scripts/bench_ui.py [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from asr_speech import build_answer, write_wav


def summary(name: str, values: list[float]) -> str:
    ms = [1000 * v for v in values]
    return (f"{name:34s} n={len(ms):4d}  median {statistics.median(ms):6.1f} ms  "
            f"p95 {np.percentile(ms, 95):6.1f} ms  max {max(ms):6.1f} ms  "
            f"over 100 ms: {sum(m > 100 for m in ms)}")


async def measure(app, seconds: float) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    from textual import events
    from textual.command import CommandPalette

    lags: list[float] = []
    keys: list[float] = []
    end = time.monotonic() + seconds
    next_key = time.monotonic() + 1.0
    while time.monotonic() < end:
        t = time.monotonic()
        await asyncio.sleep(0.01)
        lags.append(time.monotonic() - t - 0.01)
        if time.monotonic() >= next_key:
            next_key = time.monotonic() + 1.0
            for key, char, shown in (("ctrl+p", None, True), ("escape", "\x1b", False)):
                t = time.monotonic()
                event = events.Key(key, char)  # as the terminal driver delivers a key
                event.set_sender(app)
                app._driver.send_message(event)
                while isinstance(app.screen, CommandPalette) != shown:
                    await asyncio.sleep(0.001)
                keys.append(time.monotonic() - t)
    return lags, keys


async def bench(seconds: float, wav: Path, no_freeze: bool) -> None:
    from voice_sim import runtime
    from voice_sim.config import Settings
    from voice_sim.core.engine import State
    from voice_sim.speech.transcriber import make_transcriber
    from voice_sim.ui.app import make_app
    from voice_sim.ui.rounds import keep_collections_short
    from voice_sim.ui.screens.interview import InterviewScreen

    settings = Settings()
    settings.panel.speak = False
    transcriber = make_transcriber(settings)

    def round_factory(request):  # type: ignore[no-untyped-def]
        rnd = runtime.make_round(
            request.settings, request.scenario, answers=[wav], speak=False,
            listener=request.listener, store=request.store, transcriber=transcriber,
        )
        if not no_freeze:
            keep_collections_short(rnd)  # as the app's own round factory does
        return rnd

    app = make_app(settings, round_factory, checks=lambda s: [], input_devices=lambda: [],
                   models=lambda s: [("tiny.en", "tiny.en")], remember=lambda s: None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        while not (isinstance(app.screen, InterviewScreen) and app.screen.state == State.WAITING):
            await asyncio.sleep(0.05)
        screen = app.screen
        idle = await measure(app, 10)
        await pilot.press("space")
        while screen.state != State.ANSWERING:
            await asyncio.sleep(0.01)
        busy = await measure(app, seconds)
        decoded = screen.round.candidate_transcript().cues if screen.round else []
        print(f"while answering: {len(decoded)} segments committed by the real model")
        await pilot.press("space")
        while screen.state == State.ANSWERING:
            await asyncio.sleep(0.05)
        await pilot.press("e")  # end the round, so it is saved before the app closes
        await pilot.press("y")
        while screen.state not in (State.DONE, State.ABORTED):
            await asyncio.sleep(0.05)
        await pilot.pause()
    print(summary("event loop lag, waiting", idle[0]))
    print(summary("key to screen, waiting", idle[1]))
    print(summary("event loop lag, model decoding", busy[0]))
    print(summary("key to screen, model decoding", busy[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the answer plays")
    parser.add_argument("--no-freeze", action="store_true",
                        help="leave garbage collection as Python has it (to see the difference)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        for name in ("DATA", "CONFIG"):
            os.environ[f"VOICE_SIM_{name}_DIR"] = str(Path(tmp) / name.lower())
        wav = Path(tmp) / "answer.wav"
        write_wav(wav, build_answer(args.seconds + 10, seed=3).audio)
        print(f"load average before: {os.getloadavg()[0]:.2f} (should be near 0)", flush=True)
        asyncio.run(bench(args.seconds, wav, args.no_freeze))
    return 0


if __name__ == "__main__":
    sys.exit(main())
