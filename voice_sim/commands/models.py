"""`voice-sim models list|pull`: the speech models, installed or available, and downloading one.

Presentation only: the catalogue, resolution and download are speech/catalogue.py. `pull` is the
only command that uses the network.
"""

from __future__ import annotations

import argparse
import json
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "models",
        help="list speech models, or pull one from the Hugging Face hub",
        description="Speech models: what is installed, what can be pulled, sizes. "
        "With no action, lists.",
    )
    parser.set_defaults(func=run_list, json=False)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    p_list = actions.add_parser("list", help="installed and available models")
    p_list.add_argument("--json", action="store_true", help="print one JSON array instead")
    p_list.set_defaults(func=run_list)
    p_pull = actions.add_parser(
        "pull", help="download a model into the models folder (needs network)",
        description="Download a catalogue model from the Hugging Face hub into the models folder.",
    )
    p_pull.add_argument("name", metavar="NAME", help="a model name from `voice-sim models list`")
    p_pull.set_defaults(func=run_pull)


def run_list(args: argparse.Namespace) -> int:
    from voice_sim import locations
    from voice_sim.config import load_settings
    from voice_sim.speech.catalogue import list_models

    rows = list_models()
    default = load_settings().speech.model
    if args.json:
        data = [
            {
                "name": r.name, "installed": r.installed is not None,
                "path": str(r.installed) if r.installed else None, "size_mb": round(r.size_mb, 1),
                "language": r.entry.language if r.entry else None,
                "source": r.entry.source if r.entry else "local",
                "speed": r.entry.speed if r.entry else None,
                "live": r.entry.live if r.entry else None, "default": r.name == default,
            }
            for r in rows
        ]
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Speech models (folder: {locations.models_dir()})", title_justify="left")
    for col in ("name", "installed", "size", "lang", "RTF", "live", "note"):
        table.add_column(col, no_wrap=col != "note")
    for r in rows:
        e = r.entry
        table.add_row(
            r.name + (" *" if r.name == default else ""), "yes" if r.installed else "-",
            f"{r.size_mb:.0f} MB", e.language if e else "?", e.speed if e else "?",
            ("yes" if e.live else "no") if e else "?", e.note if e else "local model",
        )
    console = Console()
    console.print(table)
    console.print("* = speech.model in settings. RTF = processing s per audio s on 2 CPU cores "
                  "(~ = estimated). live = keeps up with a speaker on 2 cores.")
    console.print("Get another: voice-sim models pull NAME "
                  "(downloads from the Hugging Face hub). Or set speech.model to a model directory.")
    return 0


def run_pull(args: argparse.Namespace) -> int:
    from voice_sim.speech.catalogue import pull

    if sys.stderr.isatty():
        print(f"pulling {args.name} ...", file=sys.stderr)
    path = pull(args.name)
    print(f"{args.name} is installed in {path}", file=sys.stderr)
    return 0
