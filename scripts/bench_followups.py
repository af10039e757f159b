#!/usr/bin/env python3
"""Measure follow-up judging and the decision matrix against hand-labelled answers.

    .venv/bin/python scripts/bench_followups.py [-v] [DIR ...]

Sets (tests/data/followups_*/answers.json, written from the guide and ../shared/SIGNALS.md by
authors who never saw the code), with their roles in SETS: a set marked "untouched" is held back,
never tuned or trained on; every other set tuned the rules and trains the follow-up judge
(scripts/train_followups.py) and the decision matrix's cell linker (scripts/train_matrix.py).
`followups_held1`-`held38` were held back and were retired into tuning after their figures had been
looked at (one to four times each).

Follow-ups: per judgement (addressed, hierarchy, numbers, ownership, tradeoff), agreement with the
author's answer-level verdict. Matrices: cell-level F1, a cell counted right when it is said at the
cue the author marked, in the row of the right lever (rows are matched by the cue of their lever and,
where one sentence lists several levers, by the lever's words: `paired`). The format page allows two readings of the
constraint cell's cue: where the lever is tied to the constraint (most authors; the matrix's
constraint_at_s) or where the constraint was first stated, before the lever (constraint_stated_at_s).
"matrix cells F1" takes only the first; "either constraint cue" and the per-cell figures take both.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from voice_sim.core.analysis import find_statements  # noqa: E402
from voice_sim.core.analysis.cells import CellModel  # noqa: E402
from voice_sim.core.analysis.features import passages_of  # noqa: E402
from voice_sim.core.analysis.judge import judge  # noqa: E402
from voice_sim.core.analysis.matrix import decision_matrix  # noqa: E402
from voice_sim.core.models import Cue, Transcript  # noqa: E402

ITEMS = ("addressed", "hierarchy", "numbers", "ownership", "tradeoff")
CELLS = ("kpi", "number", "constraint", "risk")
PANEL_WPM = 165.0
T = TypeVar("T")
SETS = {"followups_held11": "tuning (retired)", "followups_held12": "tuning (retired)",
        "followups_held13": "tuning (retired)", "followups_held14": "tuning (retired)",
        "followups_held15": "tuning (retired)", "followups_held16": "tuning (retired)",
        "followups_held17": "tuning (retired)", "followups_held18": "tuning (retired)", "followups_dev": "tuning",
        "followups_held1": "tuning (retired)", "followups_held2": "tuning (retired)",
        "followups_held3": "tuning (retired)", "followups_held4": "tuning (retired)", "followups_train1": "tuning",
        "followups_train2": "tuning", "followups_train3": "tuning", "followups_train4": "tuning",
        "followups_held5": "tuning (retired)", "followups_held6": "tuning (retired)", "followups_train5": "tuning",
        "followups_train6": "tuning", "followups_held7": "tuning (retired)", "followups_held8": "tuning (retired)",
        "followups_train7": "tuning", "followups_train8": "tuning", "followups_held9": "tuning (retired)",
        "followups_held10": "tuning (retired)", "followups_train9": "tuning", "followups_train10": "tuning",
        "followups_train11": "tuning", "followups_train12": "tuning", "followups_held19": "tuning (retired)",
        "followups_held20": "tuning (retired)", "followups_held21": "tuning (retired)",
        "followups_held22": "tuning (retired)",
        **{f"followups_held{n}": "tuning (retired)" for n in range(23, 31)},
        **{f"followups_train{n}": "tuning" for n in range(13, 51)},
        **{f"followups_held{n}": "tuning (retired)" for n in range(31, 39)},
        **{f"followups_held{n}": "untouched" for n in range(39, 109)}}


def transcript_of(item: dict) -> tuple[Transcript, list[float]]:
    """The answer as cues at its words per minute, the question first when there is one; a panel
    line inside the answer ("speaker": "interviewer") is the interviewer's, at 165 words a minute."""
    cues, t, starts = [], 0.0, []
    if item.get("question"):
        words = len(item["question"].split())
        cues.append(Cue(start_s=0, end_s=words / PANEL_WPM * 60, text=item["question"], speaker="Interviewer"))
        t = cues[0].end_s + 1.5
    for c in item["cues"]:
        panel = c.get("speaker") == "interviewer"
        words = len(c["text"].split())
        end = t + max(0.6, words / (PANEL_WPM if panel else float(item.get("wpm") or 150)) * 60)
        cues.append(Cue(start_s=round(t, 3), end_s=round(end, 3), text=c["text"],
                        speaker="Interviewer" if panel else "candidate"))
        starts.append(round(t, 3))
        t = end + 0.5
    return Transcript(cues=cues), starts


def cue_at(starts: list[float], at: float) -> int | None:
    """The index of the labelled cue said at `at` (the cue that holds it), counting the panel's lines
    as the labels do; a passage's own `cue` counts the candidate's only."""
    return max((i for i, s in enumerate(starts) if s <= at + 0.01), default=None)


def judged(item: dict):  # type: ignore[no-untyped-def]
    t, _ = transcript_of(item)
    passages = passages_of(t)
    return judge(passages, find_statements(t, passages=passages), item["question"], item.get("changes", ""))


def score_set(folder: Path, verbose: bool = False, cell_model: CellModel | None = None) -> dict:
    items = json.loads((folder / "answers.json").read_text())
    r = {"followups": 0, "agree": dict.fromkeys(ITEMS, 0), "confusion": {k: [0, 0, 0, 0] for k in ITEMS},
         "openings": 0, "cells": [0, 0, 0], "rows": [0, 0, 0], "by_cell": {c: [0, 0, 0] for c in CELLS},
         "cells_either": [0, 0, 0], "stated_before": 0}
    for item in items:
        if item["kind"] == "followup":
            r["followups"] += 1
            j = judged(item)
            for k in ITEMS:
                got, want = getattr(j, k).present, bool(item["judgement"][k])
                r["agree"][k] += got == want
                r["confusion"][k][(2 if want else 0) + got] += 1
                if verbose and got != want:
                    print(f"  {item['id']} {k}: got {got}, labelled {want}")
            continue
        r["openings"] += 1
        t, starts = transcript_of(item)
        passages = passages_of(t)
        rows = decision_matrix(passages, find_statements(t, passages=passages), cell_model)
        def cue(at: float | None, starts: list[float] = starts) -> int | None:
            return None if at is None else cue_at(starts, at)

        pairs = paired([(cue(row.at_s), row.lever, row) for row in rows], item["matrix"])
        tp_rows = sum(g is not None and w is not None for _, g, w in pairs)
        r["rows"][0] += tp_rows
        r["rows"][1] += len(rows) - tp_rows
        r["rows"][2] += len(item["matrix"]) - tp_rows
        for lever_cue, g, w in pairs:
            for c in CELLS:
                gc = cue(getattr(g, f"{c}_at_s")) if g is not None and getattr(g, c) is not None else None
                wc = w.get(f"{c}_cue") if w is not None and w.get(c) is not None else None
                r["stated_before"] += c == "constraint" and wc is not None and wc < lever_cue
                stated = cue(g.constraint_stated_at_s) if c == "constraint" and g is not None else None
                exact = gc is not None and gc == wc
                either = exact or (gc is not None and stated is not None and stated == wc)
                for n, right in ((r["cells"], exact), (r["cells_either"], either), (r["by_cell"][c], either)):
                    n[0] += right
                    n[1] += gc is not None and not right
                    n[2] += wc is not None and not right
                if verbose and not either and (gc is not None or wc is not None):
                    print(f"  {item['id']} row@{lever_cue} {c}: got cue {gc}, labelled {wc}")
    return r


def paired(got: list[tuple[int | None, str, T]], want: list[dict]) -> list[tuple[int | None, T | None, dict | None]]:
    """Rows found (their lever's cue, its words, the row) matched to labelled rows: by the cue of the
    lever, and where several levers were said in one cue ("three things: a, b and c") by the most
    words their lever phrases share. Each row, matched or not, once: (cue, found, labelled)."""
    out: list[tuple[int | None, T | None, dict | None]] = []
    cues = {c for c, _, _ in got} | {m["lever_cue"] for m in want}
    for c in sorted(cues, key=lambda c: -1 if c is None else c):
        g = [(words, row) for at, words, row in got if at == c]
        w = [m for m in want if m["lever_cue"] == c]
        scored = sorted(((len(_words(gw) & _words(m["lever"])), a, b) for a, (gw, _) in enumerate(g)
                         for b, m in enumerate(w)), key=lambda x: -x[0])
        used_g, used_w = set(), set()
        for _, a, b in scored:
            if a not in used_g and b not in used_w:
                used_g.add(a)
                used_w.add(b)
                out.append((c, g[a][1], w[b]))
        out += [(c, row, None) for a, (_, row) in enumerate(g) if a not in used_g]
        out += [(c, None, m) for b, m in enumerate(w) if b not in used_w]
    return out


def _words(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{3,}", text.lower())}


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def pooled(results: list[dict]) -> dict:
    """The counts of several sets added up."""
    out = {"followups": 0, "openings": 0, "stated_before": 0, "agree": dict.fromkeys(ITEMS, 0),
           "rows": [0, 0, 0], "cells": [0, 0, 0], "cells_either": [0, 0, 0], "by_cell": {c: [0, 0, 0] for c in CELLS}}
    for r in results:
        for k in ("followups", "openings", "stated_before"):
            out[k] += r[k]
        for k in ITEMS:
            out["agree"][k] += r["agree"][k]
        for k in ("rows", "cells", "cells_either"):
            out[k] = [a + b for a, b in zip(out[k], r[k], strict=True)]
        for c in CELLS:
            out["by_cell"][c] = [a + b for a, b in zip(out["by_cell"][c], r["by_cell"][c], strict=True)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--tuning", action="store_true", help="only the sets tuned or trained on")
    ap.add_argument("dirs", nargs="*", type=Path)
    args = ap.parse_args()
    dirs = args.dirs or [ROOT / "tests/data" / s for s, role in SETS.items()
                         if not (args.tuning and role.startswith("untouched"))]
    print("| set | role | follow-ups | " + " | ".join(ITEMS) + " | openings | lever rows F1 | matrix cells F1 | "
          "cells F1, either constraint cue | " + " | ".join(f"{c} F1" for c in CELLS) + " |")
    print("|---|---|---|" + "---|" * len(ITEMS) + "---|---|---|---|" + "---|" * len(CELLS))
    results = {d.name: score_set(d, args.verbose) for d in dirs}
    untouched = [r for name, r in results.items() if SETS.get(name, "").startswith("untouched")]
    if len(untouched) > 1:
        results["pooled untouched"] = pooled(untouched)
    for name, r in results.items():
        n = max(r["followups"], 1)
        agree = " | ".join(f"{r['agree'][k] / n:.2f}" for k in ITEMS)
        cells = " | ".join(f"{f1(*r['by_cell'][c]):.2f}" for c in CELLS)
        print(f"| {name} | {SETS.get(name, '')} | {r['followups']} | {agree} | {r['openings']} | "
              f"{f1(*r['rows']):.2f} | {f1(*r['cells']):.2f} | {f1(*r['cells_either']):.2f} | {cells} |")
    marked = sum(r["stated_before"] for name, r in results.items() if name != "pooled untouched")
    print(f"\n'matrix cells F1' counts a constraint cell right only where the lever is tied to it; 'either "
          f"constraint cue' (and the per-cell figures) also where the constraint was first stated, before the lever "
          f"(constraint_stated_at_s), as {marked} of the labelled constraint cells here were marked.")


if __name__ == "__main__":
    main()
