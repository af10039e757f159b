"""`voice-sim analyze PATH`: analyze a transcript (or an audio file) and print the report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from voice_sim.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyze", help="analyze an answer: transcript (.vtt .srt .json .txt) or audio")
    p.add_argument("path", type=Path, help="the answer: .vtt, .srt, .json, .txt, or audio (.wav .flac .mp3 .m4a)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the report")
    p.add_argument("--scenario", metavar="ID", help="use this scenario's signal window")
    p.add_argument("--wpm", type=float, default=150.0,
                   help="speaking rate used to estimate timings of plain text (default 150)")
    p.add_argument("--followup", metavar="QUESTION",
                   help="judge the answer as the reply to this follow-up question (addressed, mitigation "
                        "hierarchy, numbers, ownership, trade-off)")
    p.set_defaults(func=run)


def load_answer(path: Path, wpm: float, args: argparse.Namespace):
    from voice_sim.audio.reader import AUDIO_SUFFIXES
    from voice_sim.core.transcripts import TranscriptError, read_transcript

    if path.suffix.lower() in AUDIO_SUFFIXES:
        from voice_sim.config import load_settings
        from voice_sim.speech import transcribe_path

        return transcribe_path(path, load_settings(), progress=sys.stderr.isatty() and not args.json)
    try:
        return read_transcript(path, wpm)
    except TranscriptError as exc:
        raise UserError(str(exc)) from None
    except (OSError, RecursionError, MemoryError) as exc:
        raise UserError(f"{path}: cannot read ({exc.__class__.__name__}: {exc})") from None


def check_wpm(wpm: float) -> None:
    from voice_sim.core.transcripts import WPM_RANGE

    low, high = WPM_RANGE
    if not low <= wpm <= high:  # also false for nan
        raise UserError(
            f"--wpm {wpm:g}: give a speaking rate between {low:g} and {high:g} words per minute "
            "(most people speak about 150)"
        )


def run(args: argparse.Namespace) -> int:
    from voice_sim.core.analysis import analyze

    check_wpm(args.wpm)
    from voice_sim.config import load_settings

    settings = load_settings()
    scenario = None
    if args.scenario:
        from voice_sim.commands.scenarios import load_and_report
        from voice_sim.core.library import get_scenario

        scenario = get_scenario(load_and_report(args.scenarios, settings), args.scenario)
    transcript = load_answer(args.path, args.wpm, args)
    followup = (args.followup or "").strip() or None
    if args.followup is not None and followup is None:
        raise UserError('--followup needs the question the answer replies to, e.g. --followup "What if it fails?"')
    analysis = analyze(transcript, scenario, pace_band=settings.coaching.pace_band, followup=followup)
    if args.json:
        sys.stdout.write(analysis.model_dump_json() + "\n")
        return 0
    from rich.console import Console

    from voice_sim.render import print_analysis

    print_analysis(Console(), analysis, title=f"Answer analysis: {args.path.name}")
    return 0
