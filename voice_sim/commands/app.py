"""`voice-sim` with no command: open the Textual app (voice_sim/ui)."""

from __future__ import annotations

import argparse
from pathlib import Path


def open_app(args: argparse.Namespace) -> int:
    from voice_sim.ui.app import make_app

    app = make_app(scenario_dirs=[Path(d) for d in getattr(args, "scenarios", [])])
    app.run()
    return int(app.return_code or 0)
