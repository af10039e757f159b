#!/usr/bin/env python3
"""How long `voice-sim analyze` takes on very long transcripts, punctuated or not.

    .venv/bin/python scripts/bench_hostile_sizes.py [--sizes 0.25,1] [--timeout 900] [--keep DIR]

The speech model can emit long runs without a full stop, and analysis time used to grow with the
square of sentence length (issue 12). This script builds transcripts of the given sizes (in MB)
from the distinct cue texts of the labelled answers in tests/data (distinct, so the analyzer's
per-passage cache cannot hide the work), in three shapes:

  punctuated .txt    the text as spoken, one sentence after another
  unpunctuated .txt  the same text with every . ! ? removed: one sentence of the whole file
  unpunctuated .vtt  the same, as a single WebVTT cue of one hour
  looped .txt        one sentence said over and over without a full stop, as a recognizer stuck
                     in a loop writes it (the worst case found: many matches per sentence)

and times the real command on each (`python -m voice_sim analyze FILE --json`, a fresh process,
so start-up is included; plain text at --wpm 200, since at 150 words per minute a 1 MB text would
take more than the 24 hours a transcript may last). It prints figures; it asserts nothing (not a
timed test).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from voice_sim.core.transcripts import read_vtt  # noqa: E402

SHAPES = ("punctuated.txt", "unpunctuated.txt", "unpunctuated.vtt", "looped.txt")
LOOP = "we would use Kafka for the bid stream"


def corpus() -> str:
    """Every distinct cue text of the labelled answers, in file order."""
    seen: dict[str, None] = {}
    for path in sorted((ROOT / "tests" / "data").glob("**/*.vtt")):
        try:
            transcript = read_vtt(path)
        except Exception:  # noqa: BLE001 - a fixture that is meant to be broken is not text we need
            continue
        for cue in transcript.cues:
            seen.setdefault(cue.text.strip(), None)
    return " ".join(seen)


def sized(text: str, mb: float) -> str:
    n = int(mb * 2**20)
    while len(text) < n:  # only if tests/data ever shrinks below the size asked for
        text = f"{text} {text}"
    return text[:n].rsplit(" ", 1)[0]


def write(folder: Path, mb: float, text: str) -> dict[str, Path]:
    flat = re.sub(r"[.!?]+(?=\s|$)", "", text)
    files = {
        "punctuated.txt": (text + "\n"),
        "unpunctuated.txt": (flat + "\n"),
        "unpunctuated.vtt": f"WEBVTT\n\n00:00:00.000 --> 01:00:00.000\n{flat}\n",
        "looped.txt": sized(LOOP, mb) + "\n",
    }
    out = {}
    for shape, body in files.items():
        path = folder / f"{mb:g}MB-{shape}"
        path.write_text(body, encoding="utf-8")
        out[shape] = path
    return out


def time_analyze(path: Path, timeout: float) -> tuple[str, int | None]:
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "voice_sim", "analyze", str(path), "--json",
             *(["--wpm", "200"] if path.suffix == ".txt" else [])],
            capture_output=True, text=True, timeout=timeout, cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s (stopped)", None
    return f"{time.perf_counter() - t0:7.2f} s", proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0.25,1", help="sizes in MB, comma-separated (default 0.25,1)")
    parser.add_argument("--timeout", type=float, default=900.0, help="stop one run after this many seconds")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="write the transcripts here and keep them")
    parser.add_argument("--only", choices=SHAPES, action="append", help="only this shape (repeatable)")
    args = parser.parse_args()

    text = corpus()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"{'size':>7}  {'shape':<17} {'words':>8}  {'time':>12}  exit")
        for mb in (float(s) for s in args.sizes.split(",")):
            for shape, path in write(folder, mb, sized(text, mb)).items():
                if args.only and shape not in args.only:
                    continue
                words = len(path.read_text(encoding="utf-8").split())
                took, code = time_analyze(path, args.timeout)
                print(f"{mb:>5g}MB  {shape:<17} {words:>8}  {took:>12}  {code}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
