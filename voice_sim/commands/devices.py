"""`voice-sim devices`: the audio devices PortAudio sees, so a user can pick audio.input_device.

Presentation only; voice_sim/audio/devices.py lists and resolves. Defaults are marked with '*'.
"""

from __future__ import annotations

import argparse
import json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "devices",
        help="list audio input and output devices",
        description="List the audio devices PortAudio sees. Set audio.input_device to an index or "
        "a part of a name (VOICE_SIM_AUDIO__INPUT_DEVICE=...). '*' marks the defaults.",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON array instead")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from voice_sim.audio.devices import list_devices

    devices = list_devices()
    if args.json:
        print(json.dumps([d.as_dict() for d in devices], indent=2))
        return 0
    if not devices:
        print("no audio devices (is a sound server running? see `voice-sim doctor`)")
        return 0
    width = max(len(d.name) for d in devices)
    print(f"{'#':>3}  {'name':<{width}}  {'in':>3} {'out':>3}  {'rate':>6}  api")
    for d in devices:
        mark_in = "*" if d.is_default_input else " "
        mark_out = "*" if d.is_default_output else " "
        print(f"{d.index:>3}  {d.name:<{width}}  {d.max_input_channels:>2}{mark_in} "
              f"{d.max_output_channels:>2}{mark_out}  {d.default_samplerate:>6.0f}  {d.hostapi}")
    return 0
