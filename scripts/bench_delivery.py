#!/usr/bin/env python3
"""Measure delivery coaching against hand-marked answers: hedges, check-ins, fillers, repeated
phrases and the preamble, per set.

    .venv/bin/python scripts/bench_delivery.py [-v] [DIR ...]

Default: tests/data/delivery_dev (used to tune the check-in and repetition rules) and
tests/data/delivery_holdout (never tuned on). Each set was written and marked by an author who saw
only ../shared/SIGNALS.md and the format page, never the code. Matching is per cue: a phrase found
in the cue where the author marked it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from voice_sim.core.analysis import analyze  # noqa: E402
from voice_sim.core.analysis.features import candidate_cues  # noqa: E402
from voice_sim.core.transcripts import read_vtt  # noqa: E402

SETS = {"delivery_dev": "tuning", "delivery_holdout": "untouched", "delivery_holdout2": "untouched"}


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _cue_of(starts: list[float], at: float) -> float:
    """The start of the cue that holds time `at`."""
    return max((s for s in starts if s <= at + 0.01), default=starts[0])


def _multiset(items: list[tuple[float, str]]) -> Counter:
    return Counter((round(at, 2), text.lower().strip(" .,?!")) for at, text in items)


def _count(c: Counter, wanted: Counter) -> tuple[int, int, int]:
    tp = sum((c & wanted).values())
    return tp, sum(c.values()) - tp, sum(wanted.values()) - tp


def score_set(folder: Path, verbose: bool) -> dict:
    labels = json.loads((folder / "labels.json").read_text())
    r = {"n": 0, "hedge": [0, 0, 0], "checkin": [0, 0, 0], "repeat": [0, 0, 0],
         "fillers": [0, 0], "filler_err": [], "preamble_err": []}
    for name, label in sorted(labels.items()):
        t = read_vtt(folder / name)
        a = analyze(t)
        starts = [c.start_s for c in candidate_cues(t)]
        r["n"] += 1
        # Hedges: cue-level presence (the model reads passages), phrases for the listing.
        got = {_cue_of(starts, h.at_s) for h in a.delivery.hedges}
        want = {round(h["at_s"], 2) for h in label["hedges"]}
        got = {round(g, 2) for g in got}
        for key, (g, w) in {"hedge": (got, want)}.items():
            r[key][0] += len(g & w)
            r[key][1] += len(g - w)
            r[key][2] += len(w - g)
            if verbose:
                for at in sorted(g - w):
                    print(f"  {name}: FP hedge at {at}")
                for at in sorted(w - g):
                    print(f"  {name}: FN hedge at {at}")
        got_k = {round(_cue_of(starts, k.at_s), 2) for k in a.delivery.checkins}
        want_k = {round(k["at_s"], 2) for k in label.get("checkins", [])}
        for i, v in enumerate((len(got_k & want_k), len(got_k - want_k), len(want_k - got_k))):
            r["checkin"][i] += v
        if verbose:
            texts = {round(c.start_s, 2): c.text for c in candidate_cues(t)}
            for at in sorted(got_k - want_k):
                print(f"  {name}: FP check-in: {texts.get(at)!r}")
            for at in sorted(want_k - got_k):
                print(f"  {name}: FN check-in: {texts.get(at)!r}")
        got_r = {x.phrase for x in a.delivery.repetitions}
        want_r = {" ".join(x["phrase"].lower().split()).strip(" .,?!") for x in label.get("repeats", [])}
        want_r = {w.replace(",", "") for w in want_r}
        for i, v in enumerate((len(got_r & want_r), len(got_r - want_r), len(want_r - got_r))):
            r["repeat"][i] += v
        if verbose and (got_r ^ want_r):
            print(f"  {name}: repeats FP {sorted(got_r - want_r)} FN {sorted(want_r - got_r)}")
        counted = sum(a.pacing.filler_counts.values())
        marked = len(label.get("fillers", []))
        r["fillers"][0] += counted
        r["fillers"][1] += marked
        if marked:
            r["filler_err"].append(abs(counted - marked) / marked)
        first = min((x["at_s"] for x in label["tagged"] if set(x["tags"]) & {"hypothesis", "constraint", "lever"}),
                    default=None)
        if first is not None and a.delivery.preamble_s is not None:
            r["preamble_err"].append(abs(a.delivery.preamble_s - first))
    return r


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("dirs", nargs="*", type=Path)
    args = ap.parse_args()
    dirs = args.dirs or [ROOT / "tests/data" / s for s in SETS]
    print("| set | role | answers | hedge cues P/R/F1 | check-ins P/R/F1 | repeated phrases P/R/F1 "
          "| fillers counted / marked | per-answer filler error | preamble error |")
    print("|---|---|---|---|---|---|---|---|---|")
    for d in dirs:
        r = score_set(d, args.verbose)
        cells = [" / ".join(f"{x:.2f}" for x in f1(*r[k])) for k in ("hedge", "checkin", "repeat")]
        err = sum(r["filler_err"]) / len(r["filler_err"]) if r["filler_err"] else 0.0
        pre = sum(r["preamble_err"]) / len(r["preamble_err"]) if r["preamble_err"] else 0.0
        print(f"| {d.name} | {SETS.get(d.name, '?')} | {r['n']} | {cells[0]} | {cells[1]} | {cells[2]} | "
              f"{r['fillers'][0]} / {r['fillers'][1]} | {err:.0%} | {pre:.1f} s |")


if __name__ == "__main__":
    main()
