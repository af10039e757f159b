"""`voice-sim scenarios`: list the library, show one scenario, check scenario files.

Only presentation lives here; finding and loading files is core/library.py and core/scenario.py.
Results go to stdout (JSON with --json, so it can be piped); warnings about broken files go to
stderr, one line each, so a bad file never hides the good ones or spoils the JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from voice_sim.config import Settings
    from voice_sim.core.scenario import LoadResult, Scenario


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "scenarios",
        help="list, show and check interview scenarios",
        description="List the scenario library, show one scenario, or validate scenario files. "
        "With no action, lists.",
    )
    parser.set_defaults(func=run_list, json=False, more_scenarios=[])
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    p_list = actions.add_parser("list", help="one line per scenario: id, title, domain, context")
    p_list.add_argument("--json", action="store_true", help="print one JSON array instead")
    _add_scenarios_flag(p_list)
    p_list.set_defaults(func=run_list)

    p_show = actions.add_parser("show", help="everything in one scenario")
    p_show.add_argument("id", metavar="ID", help="a scenario id from 'voice-sim scenarios list'")
    p_show.add_argument("--json", action="store_true", help="print the scenario as JSON")
    _add_scenarios_flag(p_show)
    p_show.set_defaults(func=run_show)

    p_check = actions.add_parser(
        "check",
        help="validate scenario files (exit 0 if all are fine, 2 if not)",
        description="Validate scenario files. A folder means every *.toml in it.",
    )
    p_check.add_argument(
        "files", metavar="FILE", nargs="+", type=Path, help="a .toml file or a folder"
    )
    p_check.set_defaults(func=run_check)


def _add_scenarios_flag(parser: argparse.ArgumentParser) -> None:
    # Same as the global flag, so that `voice-sim scenarios list --scenarios DIR` works too.
    parser.add_argument(
        "--scenarios",
        dest="more_scenarios",
        metavar="DIR",
        action="append",
        type=Path,
        default=[],
        help="also load scenario files from DIR (repeatable)",
    )


def _load(args: argparse.Namespace) -> LoadResult:
    extra = [Path(d) for d in [*getattr(args, "scenarios", []), *args.more_scenarios]]
    return load_and_report(extra)


def load_and_report(extra: Sequence[Path | str] = (), settings: Settings | None = None) -> LoadResult:
    """The scenario library, after one line on stderr per file skipped ("warning") and per
    scenario replaced by another with its id ("note"). Every command that loads the library
    uses this, so none of them hides a skipped file."""
    from voice_sim.core.library import load_library

    result = load_library(settings, [Path(d) for d in extra])
    for line in result.errors:
        print(f"voice-sim: warning: {line}", file=sys.stderr)
    for line in result.notices:
        print(f"voice-sim: note: {line}", file=sys.stderr)
    return result


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def run_list(args: argparse.Namespace) -> int:
    result = _load(args)
    scenarios = sorted(result.scenarios.values(), key=lambda s: s.id)
    if args.json:
        rows = [
            {
                "id": s.id,
                "title": s.title,
                "domain": s.domain,
                "context": s.context,
                "source": str(result.sources.get(s.id, "")),
            }
            for s in scenarios
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not scenarios:
        print("No scenarios found.", file=sys.stderr)
        return 0

    from rich.table import Table
    from rich.text import Text

    console = _console()
    # Four columns only when every row fits on one line; otherwise each cell wraps into a narrow
    # stack of words, so the context goes on its own line under the title instead.
    gap = 2
    fields = ("id", "title", "domain", "context")
    needed = sum(max(len(getattr(s, f)) for s in scenarios) + gap for f in fields)
    table = Table(
        box=None, pad_edge=False, show_edge=False, header_style="bold", padding=(0, gap, 0, 0)
    )
    table.add_column("id", style="cyan", no_wrap=True)
    if needed <= console.width:
        table.add_column("title", style="bold")
        table.add_column("domain")
        table.add_column("context", style="dim")
        for s in scenarios:
            # Text, not str: a plain string cell would be parsed as Rich markup.
            table.add_row(s.id, Text(s.title), Text(s.domain), Text(s.context))
    else:
        table.add_column("title, domain and context")
        for s in scenarios:
            cell = Text.assemble(
                (s.title, "bold"), (f"  ({s.domain})", "italic"), "\n", (s.context, "dim")
            )
            table.add_row(s.id, cell)
    console.print(table)
    console.print("\nShow one with: voice-sim scenarios show ID", style="dim")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from voice_sim.core.library import get_scenario

    result = _load(args)
    scenario = get_scenario(result, args.id)
    if args.json:
        print(json.dumps(scenario.model_dump(mode="json"), indent=2, ensure_ascii=False))
        return 0
    _print_scenario(_console(), scenario, result.sources.get(scenario.id))
    return 0


def _print_scenario(console: Console, s: Scenario, source: Path | None) -> None:
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    # Text objects, never markup strings: scenario files are hand-written and may hold [brackets].
    def heading(title: str) -> None:
        console.print()
        console.print(Text(title, style="bold underline"))

    def indented(renderable: Text | Table) -> None:
        console.print(Padding(renderable, (0, 0, 0, 2), expand=False))

    def hanging(rows: list[tuple[Text | str, ...]]) -> None:
        # A grid keeps wrapped lines aligned under the text, not under the bullet.
        grid = Table.grid(padding=(0, 1))
        for _ in rows[0]:
            grid.add_column()
        grid.columns[-1].ratio = 1
        for row in rows:
            grid.add_row(*row)
        indented(grid)

    console.print(Text.assemble((s.title, "bold"), "  ", (f"({s.id})", "cyan")))
    console.print(Text(s.context, style="dim"))
    meta = f"Domain: {s.domain}   Round: {s.round_minutes:g} min   Signal window: {s.window_s:g} s"
    console.print(Text(meta, style="dim"))
    if source is not None:
        console.print(Text(f"File: {source}", style="dim"))

    heading("Prompt (spoken by the panel)")
    indented(Text(s.prompt))

    heading("Follow-up probes")
    width = max(len(p.tests) for p in s.probes)
    hanging(
        [
            (f"{n}.", Text(p.tests.ljust(width), style="magenta"), p.text)
            for n, p in enumerate(s.probes, 1)
        ]
    )

    for title, items in (
        ("Hard constraints", s.constraints),
        ("Levers", s.levers),
        ("Metrics to tie levers to", s.metrics),
    ):
        heading(title)
        hanging([("-", item) for item in items])

    heading("A strong opening")
    indented(Text(s.strong_opening))


def run_check(args: argparse.Namespace) -> int:
    from voice_sim.core.scenario import ScenarioError, load_file

    files = _expand(args.files)
    if not files:
        print("voice-sim: no .toml files in the folders given", file=sys.stderr)
        return 2
    failures = 0
    first_file_of: dict[str, Path] = {}
    for path in files:
        try:
            scenario = load_file(path)
        except ScenarioError as exc:
            failures += 1
            print(exc)
            continue
        if scenario.id in first_file_of:
            failures += 1
            print(f"{path}: field 'id' repeats '{scenario.id}' from {first_file_of[scenario.id]}")
            continue
        first_file_of[scenario.id] = path
        print(f"ok {path}")
    if failures and len(files) > 1:
        print(f"voice-sim: {failures} of {len(files)} files have problems", file=sys.stderr)
    return 2 if failures else 0


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        files.extend(sorted(p.glob("*.toml")) if p.is_dir() else [p])
    return files
