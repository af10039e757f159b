"""`voice-sim` with no command: the Textual app (until it exists, the help text)."""

from __future__ import annotations

import argparse


def open_app(args: argparse.Namespace) -> int:
    from voice_sim.cli import build_parser

    build_parser().print_help()
    return 0
