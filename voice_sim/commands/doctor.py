"""`voice-sim doctor`: check that a spoken round can work here (voice_sim/doctor.py does the checking).

One line per check; each failure says how to fix it. Exit 0 when everything passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check microphone, speech engine, model and disk (exit 1 if something fails)",
        description="Check PortAudio, the input device, the speech engine (pyttsx3, espeak-ng, "
        "aplay), the transcription model and free disk. Exit 0 when all pass, 1 otherwise.",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON object instead")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from voice_sim.config import load_settings
    from voice_sim.doctor import format_checks, run_checks

    checks = run_checks(load_settings())
    ok = all(c.ok for c in checks)
    if args.json:
        print(json.dumps({"ok": ok, "checks": [c.as_dict() for c in checks]}, indent=2))
    else:
        for line in format_checks(checks):
            print(line)
    return 0 if ok else 1
