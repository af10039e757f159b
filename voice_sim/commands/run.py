"""`voice-sim run`: a whole round without the app. The panel speaks (or prints, with --no-speak);
each --answer file stands in for the microphone for one answer in turn (without --answer the
microphone is used and Enter ends an answer); at the end the report, or with --json the session
summary, is printed.

This module only drives the engine (core/engine.py) and prints what it reports; the parts are
wired by voice_sim/runtime.py. With --json, progress goes to stderr so stdout is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from voice_sim.core.labels import clock
from voice_sim.errors import UserError

if TYPE_CHECKING:
    from voice_sim.core import events as ev
    from voice_sim.core.engine import Round


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "run",
        help="play a whole mock round without the app (panel speaks, you answer, report)",
        description="Play a whole round headless: the panel asks, you answer (microphone, or "
        "--answer files in turn), the panel follows up, and the saved round's report is printed.",
    )
    p.add_argument("--scenario", required=True, metavar="ID", help="scenario id (voice-sim scenarios)")
    p.add_argument("--answer", action="append", type=Path, default=[], metavar="FILE",
                   help="an audio file standing in for the microphone for one answer (repeatable, "
                   "in order); without it the microphone is used")
    p.add_argument("--no-speak", action="store_true", help="print the panel's lines, do not speak them")
    p.add_argument("--mode", choices=("coach", "exam"),
                   help="coach: pacing cues while answering; exam: nothing until the end "
                   "(default: settings)")
    p.add_argument("--kind", choices=("full", "drill", "whatif"),
                   help="full round, ten-minute opening drill, or what-if drill (4-6 what-ifs from the "
                   "scenario, 90 s each, each answer judged) (default: settings)")
    p.add_argument("--fast", action="store_true",
                   help="read answer files as fast as they decode instead of in real time "
                   "(timings keep each file's length; coach cues then come at each answer's end)")
    p.add_argument("--json", action="store_true",
                   help="print the session summary as JSON (progress goes to stderr)")
    p.set_defaults(func=run)




class Printer:
    """Turns engine events into progress lines. Events come from several threads: one lock."""

    def __init__(self, out: TextIO, mode: str, mic: bool) -> None:
        self.out, self.mode, self.mic = out, mode, mic
        self._lock = threading.Lock()

    def line(self, text: str) -> None:
        with self._lock:
            print(text, file=self.out, flush=True)

    def __call__(self, e: ev.Event) -> None:
        from voice_sim.core import events as ev

        if isinstance(e, ev.PanelSpoke):
            self.line(f"[{clock(e.segment.start_s)}] {e.segment.speaker}: {e.segment.text}")
        elif isinstance(e, ev.AnswerStarted):
            hint = " (press Enter when you are done; q + Enter ends the round)" if self.mic else ""
            self.line(f"[{clock(e.at_s)}] answer {e.index}: listening{hint}")
        elif isinstance(e, ev.AnswerEnded):
            seg = e.segment
            self.line(f"[{clock(seg.start_s)}-{clock(seg.end_s)}] You: {seg.text or '(no words heard)'}")
        elif isinstance(e, ev.CoachCue):
            self.line(f"[{clock(e.at_s)}] coach: {e.text}")
        elif isinstance(e, ev.SignalHeard) and self.mode == "coach":
            self.line(f"[{clock(e.at_s)}] heard: {e.signal.replace('_', ' ')}")
        elif isinstance(e, ev.SilenceNoticed):
            self.line(f"[{clock(e.at_s)}] you have been silent for {e.silent_s:.0f} s")
        elif isinstance(e, ev.TimeUp):
            self.line(f"[{clock(e.at_s)}] time is up")
        elif isinstance(e, ev.Problem):
            with self._lock:
                print(f"voice-sim: warning: {e.message}", file=sys.stderr, flush=True)


def drive(rnd: Round, files: int | None, inbox: queue.Queue[str]) -> None:
    """Play the round: prompt, then answer / follow-up until the panel, the files or the time run
    out. `inbox` receives 'ended' (the source stopped), 'timeup', and lines typed on stdin."""
    from voice_sim.core.engine import FINISHED

    rnd.start()
    answered = 0
    while rnd.state not in FINISHED:
        _drain(inbox)
        rnd.begin_answer()
        stop_round = _wait_for_answer_end(inbox, mic=files is None)
        rnd.end_answer()
        answered += 1
        if stop_round or rnd.disk_full or (files is not None and answered >= files):
            break
        if not rnd.next():
            break
    if rnd.state not in FINISHED:
        if rnd.disk_full:
            rnd.abort("the disk filled up")
        else:
            rnd.end_round()


def _drain(inbox: queue.Queue[str]) -> None:
    while True:
        try:
            inbox.get_nowait()
        except queue.Empty:
            return


def _wait_for_answer_end(inbox: queue.Queue[str], mic: bool) -> bool:
    """Block until the answer ends; True if the candidate asked to end the whole round."""
    while True:
        item = inbox.get()
        if item in ("ended", "timeup"):
            return item == "timeup" and not mic
        if mic and item.startswith("line:"):
            return item[5:].strip().lower() in ("q", "quit", "end", "stop")
        if item == "eof" and mic:
            return True


def _read_stdin(inbox: queue.Queue[str]) -> None:
    for line in sys.stdin:
        inbox.put("line:" + line)
    inbox.put("eof")


def run(args: argparse.Namespace) -> int:
    from voice_sim.commands.scenarios import load_and_report
    from voice_sim.config import load_settings
    from voice_sim.core import events as ev
    from voice_sim.core.engine import EngineError
    from voice_sim.core.library import get_scenario
    from voice_sim.runtime import make_round

    settings = load_settings()
    scenario = get_scenario(load_and_report(args.scenarios, settings), args.scenario)
    for path in args.answer:
        if not path.is_file():
            raise UserError(f"--answer {path}: no such file")
    mode = args.mode or settings.round.mode
    out = sys.stderr if args.json else sys.stdout
    printer = Printer(out, mode, mic=not args.answer)
    inbox: queue.Queue[str] = queue.Queue()

    def listener(e: ev.Event) -> None:
        if isinstance(e, ev.SourceEnded):
            inbox.put("ended")
        elif isinstance(e, ev.TimeUp):
            inbox.put("timeup")
        elif isinstance(e, (ev.AnswerTimeUp, ev.DiskFilled)):
            inbox.put("ended")  # a full disk: run() says so in one line when the round is stopped
        printer(e)

    if not args.answer:
        threading.Thread(target=_read_stdin, args=(inbox,), name="voice-sim-stdin", daemon=True).start()
    from voice_sim.commands.sessions import open_store

    store = open_store(writable=True)
    rnd = make_round(settings, scenario, answers=args.answer or None, speak=not args.no_speak,
                     mode=mode, listener=listener, store=store, realtime_files=not args.fast, kind=args.kind)
    try:
        drive(rnd, len(args.answer) or None, inbox)
    except EngineError as exc:
        rnd.abort(f"the round stopped: {exc}")
        raise UserError(f"the round stopped: {exc}") from None
    except BaseException:
        rnd.abort("the round was interrupted")
        raise
    finally:
        rnd.close()
    if rnd.disk_full is not None:
        raise rnd.disk_full
    session = rnd.result
    assert session is not None
    if args.json:
        print(json.dumps(store.summary(session.id, scenario), indent=2))
        return 0
    report = store.export(session.id, "md", scenario)
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(report))
    else:
        sys.stdout.write("\n" + report)
    print(f"\nSaved in {rnd.folder} (voice-sim sessions show {session.id})", file=out)
    return 0
