"""The `voice-sim` command line: parse, dispatch, and turn UserError into one line on stderr."""

from __future__ import annotations

import argparse
import importlib
import sys

from voice_sim import __version__
from voice_sim.commands import MODULES
from voice_sim.errors import UserError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="voice-sim",
        description="Offline, voice-driven mock system-design interview for product managers. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"voice-sim {__version__}")
    parser.add_argument(
        "--scenarios", metavar="DIR", action="append", default=[],
        help="also load scenario files from DIR (repeatable)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in MODULES:
        importlib.import_module(f"voice_sim.commands.{name}").register(sub)
    return parser


def one_line(message: str) -> str:
    """An error is one line: a newline or other control character (in a path, say) is shown escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    try:
        if func is None:
            from voice_sim.commands.app import open_app

            return open_app(args)
        return int(func(args) or 0)
    except UserError as exc:
        print(f"voice-sim: {one_line(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("voice-sim: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
