#!/usr/bin/env python3
"""Measure the analyzer against labelled answers: precision/recall/F1 per signal, first_at_s error,
late/not-late accuracy, anti-pattern F1, and speed on a 15-minute answer.

    .venv/bin/python scripts/bench_analyzer.py [-v] [DIR ...]   (default: every tests/data/*/labels.json)

Each DIR holds *.vtt answers and labels.json (see tests/data/answers/build.py for the format).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from voice_sim.core.analysis import analyze  # noqa: E402
from voice_sim.core.models import ANTI_PATTERNS, SIGNALS, Cue, Transcript  # noqa: E402
from voice_sim.core.transcripts import read_vtt  # noqa: E402

GRADED = ("hypothesis", "constraint", "metric_tie")
AP_TOLERANCE_S = 15.0


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(folder: Path, verbose: bool) -> dict:
    labels = json.loads((folder / "labels.json").read_text())
    counts = {s: [0, 0, 0] for s in SIGNALS}
    errors: list[float] = []
    late_ok = late_n = 0
    ap = [0, 0, 0]
    for name, label in sorted(labels.items()):
        analysis = analyze(read_vtt(folder / name), window_s=label.get("window_s", 600))
        window = analysis.window_s
        for s in SIGNALS:
            want, got = label["signals"][s], analysis.signals[s]
            if want["present"] and got.present:
                counts[s][0] += 1
                errors.append(abs(got.first_at_s - want["first_at_s"])) if s in GRADED else None
                if verbose and abs(got.first_at_s - want["first_at_s"]) > 15:
                    print(f"  {name}: {s} at {got.first_at_s:.0f}s, label {want['first_at_s']:.0f}s "
                          f"-> {got.evidence[0].text!r}")
            elif got.present:
                counts[s][1] += 1
                if verbose:
                    print(f"  {name}: FP {s} at {got.first_at_s:.0f}s -> {got.evidence[0].text!r}")
            elif want["present"]:
                counts[s][2] += 1
                if verbose:
                    print(f"  {name}: FN {s} (label {want['first_at_s']:.0f}s)")
            if s in GRADED:
                want_late = want["present"] and want["first_at_s"] > window
                got_late = got.present and got.first_at_s > window
                late_n += 1
                late_ok += want_late == got_late
        wanted = [(a["code"], a["at_s"]) for a in label.get("anti_patterns", [])]
        flagged = [(f.code, f.at_s) for f in analysis.flags if f.code in ANTI_PATTERNS]
        matched = set()
        for code, at in flagged:
            hit = next((i for i, (c, t) in enumerate(wanted) if i not in matched and c == code
                        and abs(t - at) <= AP_TOLERANCE_S), None)
            if hit is None:
                ap[1] += 1
                if verbose:
                    print(f"  {name}: FP {code} at {at:.0f}s")
            else:
                matched.add(hit)
                ap[0] += 1
        ap[2] += len(wanted) - len(matched)
        if verbose:
            for i, (c, t) in enumerate(wanted):
                if i not in matched:
                    print(f"  {name}: FN {c} at {t:.0f}s")
    return {"n": len(labels), "counts": counts, "errors": errors, "late": (late_ok, late_n), "ap": ap}


def report(folder: Path, r: dict) -> None:
    print(f"\n{folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder}: {r['n']} answers")
    print(f"  {'signal':<12} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    macro = []
    for s in SIGNALS:
        tp, fp, fn = r["counts"][s]
        p, rec, f = f1(tp, fp, fn)
        if s in GRADED:
            macro.append(f)
        print(f"  {s:<12} {p:6.3f} {rec:6.3f} {f:6.3f}  {tp:3d} {fp:3d} {fn:3d}")
    print(f"  macro F1 (hypothesis, constraint, metric_tie): {sum(macro) / len(macro):.3f}")
    errs = r["errors"]
    print(f"  first_at_s mean abs error: {sum(errs) / max(1, len(errs)):.1f} s over {len(errs)} hits")
    ok, n = r["late"]
    print(f"  late/not-late accuracy: {ok / max(1, n):.3f} ({ok}/{n})")
    p, rec, f = f1(*r["ap"])
    print(f"  anti-patterns: P {p:.3f} R {rec:.3f} F1 {f:.3f}  (tp {r['ap'][0]} fp {r['ap'][1]} fn {r['ap'][2]}, "
          f"+-{AP_TOLERANCE_S:.0f} s)")


def speed() -> None:
    text = ("So my bet is that bidders drop out when their bid lands late, um, and sellers notice. "
            "We'll cache the current price at the edge, which should lift bids per auction about 3%. ")
    cues, t = [], 0.0
    while t < 900:
        cues.append(Cue(start_s=t, end_s=t + 11.0, text=text))
        t += 12.0
    transcript = Transcript(cues=cues)
    words = len(transcript.text.split())
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        analyze(transcript)
        runs.append(time.perf_counter() - t0)
    print(f"\nspeed: 15-minute answer ({len(cues)} cues, {words} words): "
          f"best {min(runs) * 1000:.0f} ms, median {sorted(runs)[2] * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    dirs = args.dirs or sorted(p.parent for p in (ROOT / "tests/data").glob("*/labels.json"))
    for d in dirs:
        if (d / "labels.json").exists():
            report(d, evaluate(d, args.verbose))
        else:
            print(f"\n{d}: no labels.json, skipped")
    speed()


if __name__ == "__main__":
    main()
