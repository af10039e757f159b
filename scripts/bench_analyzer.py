#!/usr/bin/env python3
"""Measure the analyzer against labelled answers, the statement model and the rules side by side:
precision/recall/F1 per signal, first_at_s error, late/not-late accuracy, anti-pattern F1, hedge F1,
and speed on a 15-minute answer.

    .venv/bin/python scripts/bench_analyzer.py [-v] [--detector model|rules|both] [DIR ...]

Default: every set in tests/data/sets.json, untouched sets first. A set marked "train" taught the
statement model or tuned the rules; only "untouched" figures say how the analyzer does on answers
it has never seen.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import labelled  # noqa: E402

from voice_sim.core.analysis import analyze  # noqa: E402
from voice_sim.core.models import ANTI_PATTERNS, SIGNALS, Analysis, Transcript  # noqa: E402
from voice_sim.core.transcripts import read_vtt  # noqa: E402

GRADED = ("hypothesis", "constraint", "metric_tie")
AP_TOLERANCE_S = 15.0
HEDGE_TOLERANCE_S = 0.05


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _match(wanted: list[tuple[str, float]], got: list[tuple[str, float]], tol: float) -> tuple[int, int, int]:
    matched: set[int] = set()
    tp = 0
    for code, at in got:
        hit = next((i for i, (c, t) in enumerate(wanted)
                    if i not in matched and c == code and abs(t - at) <= tol), None)
        if hit is not None:
            matched.add(hit)
            tp += 1
    return tp, len(got) - tp, len(wanted) - tp


def new_result() -> dict:
    return {"n": 0, "counts": {s: [0, 0, 0] for s in SIGNALS}, "errors": [], "late": [0, 0],
            "ap": [0, 0, 0], "hedge": None}


def accumulate(r: dict, name: str, analysis: Analysis, label: dict, verbose: bool = False) -> None:
    """Add one answer's outcome against its labels to the result `r`."""
    r["n"] += 1
    window = analysis.window_s
    for s in SIGNALS:
        want, got = label["signals"][s], analysis.signals[s]
        if want["present"] and got.present:
            r["counts"][s][0] += 1
            if s in GRADED:
                r["errors"].append(abs(got.first_at_s - want["first_at_s"]))
            if verbose and abs(got.first_at_s - want["first_at_s"]) > 15:
                print(f"  {name}: {s} at {got.first_at_s:.0f}s, label {want['first_at_s']:.0f}s "
                      f"-> {got.evidence[0].text!r}")
        elif got.present:
            r["counts"][s][1] += 1
            if verbose:
                print(f"  {name}: FP {s} at {got.first_at_s:.0f}s -> {got.evidence[0].text!r}")
        elif want["present"]:
            r["counts"][s][2] += 1
            if verbose:
                print(f"  {name}: FN {s} (label {want['first_at_s']:.0f}s)")
        if s in GRADED:
            want_late = want["present"] and want["first_at_s"] > window
            got_late = got.present and got.first_at_s > window
            r["late"][1] += 1
            r["late"][0] += want_late == got_late
    wanted = [(a["code"], a["at_s"]) for a in label.get("anti_patterns", [])]
    flagged = [(f.code, f.at_s) for f in analysis.flags if f.code in ANTI_PATTERNS]
    for i, n in enumerate(_match(wanted, flagged, AP_TOLERANCE_S)):
        r["ap"][i] += n
    if verbose:
        for code, at in flagged:
            if not any(c == code and abs(t - at) <= AP_TOLERANCE_S for c, t in wanted):
                print(f"  {name}: FP {code} at {at:.0f}s")
        for code, at in wanted:
            if not any(c == code and abs(t - at) <= AP_TOLERANCE_S for c, t in flagged):
                print(f"  {name}: FN {code} at {at:.0f}s")
    if "hedges" in label:  # hedged cues, matched by the cue's start
        want_h = [("h", t) for t in sorted({h["at_s"] for h in label["hedges"]})]
        got_h = [("h", t) for t in sorted({h.at_s for h in analysis.delivery.hedges})]
        r["hedge"] = r["hedge"] or [0, 0, 0]
        for i, n in enumerate(_match(want_h, got_h, HEDGE_TOLERANCE_S)):
            r["hedge"][i] += n


def evaluate(folder: Path, verbose: bool = False, detector: str = "model") -> dict:
    r = new_result()
    for name, label in sorted(labelled.labels_of(folder).items()):
        analysis = analyze(read_vtt(folder / name), window_s=label.get("window_s", 600), detector=detector)
        accumulate(r, name, analysis, label, verbose)
    return r


def macro_f1(r: dict) -> float:
    return sum(f1(*r["counts"][s])[2] for s in GRADED) / len(GRADED)


def summary_row(name: str, role: str, detector: str, r: dict) -> str:
    errs, (ok, n) = r["errors"], r["late"]
    per = " ".join(f"{f1(*r['counts'][s])[2]:.2f}" for s in GRADED)
    hedge = f"{f1(*r['hedge'])[2]:.2f}" if r["hedge"] else "  - "
    return (f"| {name} | {role} | {r['n']} | {detector} | {macro_f1(r):.3f} | {per} | "
            f"{sum(errs) / max(1, len(errs)):.1f} | {ok / max(1, n):.3f} | {f1(*r['ap'])[2]:.3f} | {hedge} |")


def report(folder: Path, r: dict, detector: str) -> None:
    print(f"\n{folder.name} ({detector}): {r['n']} answers")
    print(f"  {'signal':<12} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    for s in SIGNALS:
        tp, fp, fn = r["counts"][s]
        p, rec, f = f1(tp, fp, fn)
        print(f"  {s:<12} {p:6.3f} {rec:6.3f} {f:6.3f}  {tp:3d} {fp:3d} {fn:3d}")
    print(f"  macro F1 (hypothesis, constraint, metric_tie): {macro_f1(r):.3f}")
    errs = r["errors"]
    print(f"  first_at_s mean abs error: {sum(errs) / max(1, len(errs)):.1f} s over {len(errs)} hits")
    ok, n = r["late"]
    print(f"  late/not-late accuracy: {ok / max(1, n):.3f} ({ok}/{n})")
    p, rec, f = f1(*r["ap"])
    print(f"  anti-patterns: P {p:.3f} R {rec:.3f} F1 {f:.3f}  (tp {r['ap'][0]} fp {r['ap'][1]} fn {r['ap'][2]}, "
          f"+-{AP_TOLERANCE_S:.0f} s)")
    if r["hedge"]:
        p, rec, f = f1(*r["hedge"])
        print(f"  hedged cues: P {p:.3f} R {rec:.3f} F1 {f:.3f}  (tp/fp/fn {r['hedge']})")


def pooled(results: list[dict]) -> dict:
    out = new_result()
    for r in results:
        out["n"] += r["n"]
        for s in SIGNALS:
            out["counts"][s] = [a + b for a, b in zip(out["counts"][s], r["counts"][s], strict=True)]
        out["errors"] += r["errors"]
        for key in ("late", "ap"):
            out[key] = [a + b for a, b in zip(out[key], r[key], strict=True)]
        if r["hedge"]:
            out["hedge"] = [a + b for a, b in zip(out["hedge"] or [0, 0, 0], r["hedge"], strict=True)]
    return out


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def speed() -> None:
    """Cold analyze of a 15-minute answer (model load included), the live path (the engine
    re-analyzes the whole answer after each new sentence), and the memory the model adds."""
    from voice_sim.core.analysis.features import _rule_features
    from voice_sim.core.analysis.model import StatementModel, default_model
    from voice_sim.core.analysis.prefilter import forget

    folder = labelled.DATA / "holdout6"
    name = max(labelled.labels_of(folder).items(), key=lambda kv: kv[1]["duration_s"])[0]
    transcript = read_vtt(folder / name)
    cues = [c for c in transcript.cues if c.end_s <= 900]
    transcript = Transcript(cues=cues)
    words = len(transcript.text.split())
    before = _rss_mb()
    t0 = time.perf_counter()
    StatementModel.load()
    load_s = time.perf_counter() - t0
    for detector in ("rules", "model"):
        runs = []
        for _ in range(3):
            _rule_features.cache_clear()
            forget()  # the regex answers remembered per text, or the runs after the first are warm
            default_model.cache_clear()
            t0 = time.perf_counter()
            analyze(transcript, detector=detector)
            runs.append(time.perf_counter() - t0)
        print(f"speed ({detector}): cold analyze of a {transcript.duration_s / 60:.0f}-minute answer "
              f"({len(cues)} cues, {words} words{', model load included' if detector == 'model' else ''}): "
              f"median {sorted(runs)[1] * 1000:.0f} ms")
    print(f"model load alone: {load_s * 1000:.0f} ms; resident memory added by the model and one "
          f"analysis: {_rss_mb() - before:.0f} MB")
    _rule_features.cache_clear()
    forget()
    steps = []
    for n in range(1, len(cues) + 1):
        t0 = time.perf_counter()
        analyze(Transcript(cues=cues[:n]))
        steps.append(time.perf_counter() - t0)
    steps.sort()
    print(f"live: re-analysis after each new sentence ({len(steps)} steps): median "
          f"{steps[len(steps) // 2] * 1000:.0f} ms, p95 {steps[int(len(steps) * 0.95)] * 1000:.0f} ms, "
          f"max {steps[-1] * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--detector", choices=("model", "rules", "both"), default="both")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    roles = labelled.roles()
    dirs = args.dirs or sorted(labelled.sets(), key=lambda d: (roles.get(d.name) != "untouched", d.name))
    detectors = ("rules", "model") if args.detector == "both" else (args.detector,)
    rows, by_role = [], {}
    for d in dirs:
        if not (d / "labels.json").exists():
            print(f"\n{d}: no labels.json, skipped")
            continue
        role = roles.get(d.name, "?")
        for det in detectors:
            r = evaluate(d, args.verbose, det)
            report(d, r, det)
            rows.append(summary_row(d.name, role, det, r))
            by_role.setdefault((role, det), []).append(r)
    for (role, det), results in sorted(by_role.items(), key=lambda x: (x[0][0] != "untouched", x[0])):
        rows.append(summary_row(f"**all {role}**", role, det, pooled(results)))
    print("\n| set | role | answers | detector | macro F1 | H / C / M F1 | first_at_s err (s) | late acc "
          "| anti-pattern F1 | hedge F1 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    if not args.no_speed:
        print()
        speed()


if __name__ == "__main__":
    main()
