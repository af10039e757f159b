"""`voice-sim sessions`: the history of saved rounds: list, show, export, trend, recover, delete.

Presentation only: the store (core/sessions/) finds, reads and deletes. Opening the store first
marks rounds whose recording process died as incomplete, so every listing is up to date. What
such a round recorded but never transcribed needs the speech model: `recover` transcribes it, and
`show` and `export` do so first for their round (progress on stderr, stdout stays the output).
Session ids can be shortened to any unique prefix, or given as `last`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from voice_sim.core.labels import clock
from voice_sim.errors import UserError

if TYPE_CHECKING:
    from voice_sim.core.ports import Transcriber
    from voice_sim.core.scenario import Scenario
    from voice_sim.core.sessions import SessionRow, SessionStore
    from voice_sim.core.sessions.tails import Tail

FORMATS = ("md", "vtt", "srt", "json")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sessions",
        help="list, show, export, recover and delete saved rounds",
        description="Saved rounds (audio, transcript, analysis, report). With no action, lists. "
        "ID may be a unique prefix of a session id, or 'last'.",
    )
    parser.set_defaults(func=run_list, json=False, scenario=None, limit=None)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    p = actions.add_parser("list", help="one line per round, newest first")
    p.add_argument("--json", action="store_true", help="print one JSON array instead")
    p.add_argument("--scenario", metavar="ID", help="only rounds of this scenario")
    p.add_argument("--limit", type=int, metavar="N", help="at most N rounds")
    p.set_defaults(func=run_list)

    p = actions.add_parser("show", help="a round's report (or its summary as JSON)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true",
                   help="print the session summary: record, folder, transcript, analysis")
    p.set_defaults(func=run_show)

    p = actions.add_parser("export", help="write a round's report or transcript to a file")
    p.add_argument("id", metavar="ID")
    p.add_argument("--format", "-f", choices=FORMATS, default="md",
                   help="md (report), vtt or srt (transcript), json (summary); default md")
    p.add_argument("-o", "--output", metavar="PATH", type=Path,
                   help="where to write (default: standard output)")
    p.set_defaults(func=run_export)

    p = actions.add_parser("trend", help="how your attempts moved, per scenario, oldest to newest")
    p.add_argument("--scenario", metavar="ID", help="only this scenario")
    p.add_argument("--json", action="store_true", help="print one JSON object instead")
    p.set_defaults(func=run_trend)

    p = actions.add_parser(
        "recover", help="transcribe what a crash left untranscribed at the end of incomplete rounds",
        description="A round whose program was killed keeps all its audio, but the words said in its "
        "last seconds were never transcribed. This transcribes them with the speech model, adds them "
        "to the transcript and analyzes the round again; it stays incomplete. show and export do "
        "this first for the round they are given.")
    p.add_argument("id", metavar="ID", nargs="?", help="one round (default: every incomplete round)")
    p.set_defaults(func=run_recover)

    p = actions.add_parser("delete", help="delete a round: its folder, audio and index entry")
    p.add_argument("id", metavar="ID")
    p.set_defaults(func=run_delete)


def open_store(writable: bool = False) -> SessionStore:
    """The store, opened and recovered; what it had to mend (a damaged index set aside and
    rebuilt, at open or later in the command) is one line on stderr each, and the command goes
    on. On a full disk it opens read-only with one line, unless `writable` (a round is about to
    be recorded): then the full disk is the one line, and exit code 2."""
    from voice_sim.core.sessions import SessionStore

    def say(line: str) -> None:
        print(f"voice-sim: {line}", file=sys.stderr, flush=True)

    try:
        return SessionStore.open(on_notice=say, read_only_when_full=not writable)
    except OSError as exc:
        raise UserError(f"cannot open the sessions folder ({exc.strerror or exc})") from None


def _guard(call):  # type: ignore[no-untyped-def]
    from voice_sim.core.sessions import SessionError

    try:
        return call()
    except SessionError as exc:
        raise UserError(str(exc)) from None




def _scenario_of(store: SessionStore, ref: str) -> Scenario | None:
    """The round's scenario if it can still be loaded (it says what each follow-up changes); a
    round whose scenario file is gone is still shown and exported, judged from its questions alone."""
    from voice_sim.config import load_settings
    from voice_sim.core.library import load_library

    record = _guard(lambda: store.get(ref))
    try:
        return load_library(load_settings()).scenarios.get(record.scenario_id)
    except UserError:
        return None


def _load_transcriber() -> Transcriber:
    from voice_sim.config import load_settings
    from voice_sim.speech.transcriber import make_transcriber

    settings = load_settings()
    print(f"voice-sim: loading the speech model {settings.speech.model}…", file=sys.stderr)
    return make_transcriber(settings)


def _transcribe_tails(store: SessionStore, sid: str, transcriber: Transcriber) -> list[str]:
    """Transcribe one round's untranscribed ends, with progress lines on stderr; returns what
    was found, one line each."""
    from voice_sim.core.labels import SIGNAL_NAMES, recovered_note, recovering_line

    shown: dict[int, int] = {}

    def progress(tail: Tail, done_s: float) -> None:
        quarter = int(4 * done_s / tail.seconds) if tail.seconds > 0 else 4
        if quarter > shown.get(tail.answer, -1):  # a line at the start and every quarter
            shown[tail.answer] = quarter
            print(f"voice-sim: {sid}: {recovering_line(tail.answer, tail.seconds, done_s)}", file=sys.stderr)

    result = _guard(lambda: store.transcribe_tails(sid, transcriber, _scenario_of(store, sid), progress))
    lines = [f"{sid}: {recovered_note(t.answer, t.seconds, words)}" for t, words in result.tails]
    if result.heard_now:
        lines.append(f"{sid}: analyzed again; now heard: "
                     + ", ".join(SIGNAL_NAMES[k] for k in result.heard_now))
    return lines


def _complete_first(store: SessionStore, ref: str) -> None:
    """Before a round is shown or exported: transcribe what a crash left untranscribed, if any.
    Without a usable model it says so in one line and the round is shown as saved."""
    sid = _guard(lambda: store.resolve(ref))
    tails = _guard(lambda: store.tails(sid))
    if not tails:
        return
    try:
        transcriber = _load_transcriber()
    except UserError as exc:
        seconds = sum(t.seconds for t in tails)
        print(f"voice-sim: {exc}; the last {seconds:.1f} s this round recorded stay untranscribed",
              file=sys.stderr)
        return
    for line in _transcribe_tails(store, sid, transcriber):
        print(f"voice-sim: {line}", file=sys.stderr)


def _score(row: SessionRow) -> str:
    if row.impact is None:
        return "-"
    return f"{row.impact}/{row.feasibility}/{row.tradeoff}"


def run_list(args: argparse.Namespace) -> int:
    limit = args.limit
    if limit is not None:
        if limit < 1:
            raise UserError(f"--limit {limit}: give how many rounds to list, 1 or more")
        limit = min(limit, 2**62)  # more than anyone has means all; SQLite stops at 2**63 - 1
    store = open_store()
    rows = store.list(scenario_id=args.scenario, limit=limit)
    if args.json:
        print(json.dumps([r.model_dump(mode="json") | {"folder": str(store.folder(r.id))} for r in rows], indent=2))
        return 0
    if not rows:
        print("No saved rounds yet. Start one with: voice-sim run --scenario ID")
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, box=None)
    for col, just in (("ID", "left"), ("Started", "left"), ("Scenario", "left"), ("Mode", "left"),
                      ("Length", "right"), ("Status", "left"), ("In window", "right"),
                      ("I/F/T", "right"), ("Flags", "right")):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    for r in rows:
        status = {"complete": "done", "incomplete": "[yellow]incomplete[/]",
                  "recording": "[cyan]recording[/]"}[r.status]
        table.add_row(
            r.id, r.started_at.astimezone().strftime("%Y-%m-%d %H:%M"), r.scenario_id, r.mode,
            clock(r.duration_s), status, f"{r.signals_in_window}/5" if r.impact is not None else "-",
            _score(r), "-" if r.flags is None else str(r.flags),
        )
    # Piped output keeps whole ids and dates on one line, so `grep` and `cut` work on it.
    Console(highlight=False, width=None if sys.stdout.isatty() else 200).print(table)
    return 0


def run_show(args: argparse.Namespace) -> int:
    store = open_store()
    _complete_first(store, args.id)
    if args.json:
        print(json.dumps(_guard(lambda: store.summary(args.id, _scenario_of(store, args.id))), indent=2))
        return 0
    text = _guard(lambda: store.export(args.id, "md", _scenario_of(store, args.id)))
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        sys.stdout.write(text)
    return 0


def run_export(args: argparse.Namespace) -> int:
    from voice_sim.core.outputs import OutputError, destination

    store = open_store()
    _complete_first(store, args.id)
    text = _guard(lambda: store.export(args.id, args.format, _scenario_of(store, args.id)))
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        dest = destination(args.output)
    except OutputError as exc:
        raise UserError(f"-o {args.output}: {exc}") from None
    try:
        dest.write(text)
    except OSError as exc:
        from voice_sim.core.disk import is_full

        why = "the disk is full" if is_full(exc, dest.path) else exc.strerror or str(exc)
        raise UserError(f"-o {args.output}: cannot write ({why})") from None
    if not dest.stream:
        print(f"wrote {dest.path}", file=sys.stderr)
    return 0


def run_trend(args: argparse.Namespace) -> int:
    from voice_sim.core.sessions.trend import trend

    store = open_store()
    series = trend(store.list(scenario_id=args.scenario), store.analysis)
    if args.json:
        print(json.dumps({sid: [p.model_dump(mode="json") for p in points] for sid, points in series.items()},
                         indent=2))
        return 0
    if not series:
        which = f" of {args.scenario}" if args.scenario else ""
        print(f"No analysed rounds{which} yet. Start one with: voice-sim run --scenario ID")
        return 0
    from rich.console import Console
    from rich.text import Text

    from voice_sim.render import trend_table

    console = Console(highlight=False)
    for sid, points in series.items():
        n = len(points)
        console.print(Text(f"{sid}: {n} attempt{'s' if n != 1 else ''}, oldest to newest", style="bold"))
        console.print(trend_table(points))
        console.print()
    return 0


def run_recover(args: argparse.Namespace) -> int:
    from voice_sim.core.sessions import SessionError

    store = open_store()
    if args.id:
        sid = _guard(lambda: store.resolve(args.id))
        record = _guard(lambda: store.get(sid))
        if record.status != "incomplete":
            print(f"{sid}: the round is {record.status}; nothing to recover")
            return 0
        ids = [sid]
    else:
        ids = [r.id for r in store.list() if r.status == "incomplete"]
    todo = []
    for sid in ids:
        try:
            if store.tails(sid):
                todo.append(sid)
        except SessionError as exc:
            print(f"voice-sim: {exc}", file=sys.stderr)
    if not todo:
        which = ids[0] if args.id else "every incomplete round"
        print(f"Nothing to recover: {which} is transcribed as far as its audio goes.")
        return 0
    transcriber = _load_transcriber()
    for sid in todo:
        for line in _transcribe_tails(store, sid, transcriber):
            print(line)
    return 0


def run_delete(args: argparse.Namespace) -> int:
    store = open_store()
    sid = _guard(lambda: store.delete(args.id))
    print(f"deleted {sid}")
    return 0
