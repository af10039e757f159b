#!/usr/bin/env python3
"""Train the decision matrix's cell linker (voice_sim/core/analysis/cells.py) on labelled matrices.

    .venv/bin/python scripts/train_matrix.py            # train on the tuning sets, write cell_model.npz
    .venv/bin/python scripts/train_matrix.py --loso     # leave-one-set-out cell F1 over the tuning sets

The sets and their roles are scripts/bench_followups.py's SETS; a set whose role starts with
"untouched" is never read here. For each row the rules group (matrix.py), every candidate passage
(cells.candidates) is a positive example of a cell when the author marked that cell at its cue in
the row of the same lever, and a negative one otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from bench_followups import SETS, cue_at, f1, paired, score_set, transcript_of  # noqa: E402

from voice_sim.core.analysis import find_statements  # noqa: E402
from voice_sim.core.analysis.cells import (  # noqa: E402
    CELL_TYPES,
    WEIGHTS,
    CellModel,
    candidates,
    in_turn,
    rule_picks,
    scopes,
)
from voice_sim.core.analysis.features import passages_of  # noqa: E402
from voice_sim.core.analysis.matrix import lever_rows, read_answer  # noqa: E402

L2 = 1.0
MIN_COUNT = 5  # a word feature seen in fewer candidates is dropped
THRESHOLD = 0.35  # chosen leave-one-set-out on the tuning sets (0.25 / 0.35 / 0.5)
Example = tuple[dict[str, float], dict[str, bool | None]]  # None: not known for this row


def examples(item: dict) -> list[Example]:
    t, starts = transcript_of(item)
    found = passages_of(t)
    passages, kinds, detail = read_answer(found, find_statements(t, passages=found))
    cue = [cue_at(starts, p.start_s) for p in passages]
    rows = lever_rows(passages, kinds)
    wanted = {n: m for _, n, m in paired([(cue[g[0]], passages[g[0]].raw, n) for n, g in enumerate(rows)],
                                           item["matrix"]) if n is not None and m is not None}
    out: list[Example] = []
    scope, turn = scopes(passages, rows), in_turn(passages, rows)
    for n, picks in enumerate(rule_picks(passages, kinds, detail, rows)):
        row = wanted.get(n, {})
        # A constraint marked where it was first stated, before the lever (one author's reading of the
        # format page), is not where the lever is tied to it: unknown for this row, not a negative.
        early = row.get("constraint") is not None and row["constraint_cue"] < row["lever_cue"]
        for j, f in candidates(passages, kinds, rows, n, picks, scope, turn):
            out.append((f, {c: None if c == "constraint" and early else
                            row.get(c) is not None and row.get(f"{c}_cue") == cue[j] for c in CELL_TYPES}))
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method; the bias (column 0) is not penalised."""
    w = np.zeros(x.shape[1])
    penalty = l2 * np.eye(x.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + penalty @ w
        hess = (x.T * (p * (1 - p) + 1e-9)) @ x + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def train(sets: list[str]) -> CellModel:
    data = [e for s in sets for item in _openings(s) for e in examples(item)]
    counts = Counter(k for f, _ in data for k in f)
    names = sorted(k for k, n in counts.items() if n >= MIN_COUNT or not k.startswith("w:"))
    model = CellModel({k: i for i, k in enumerate(names)}, np.zeros((len(CELL_TYPES), len(names) + 1)), THRESHOLD,
                      {"sets": sets, "candidates": len(data)})
    x = np.array([model.vector(f) for f, _ in data])
    for t, cell in enumerate(CELL_TYPES):
        known = np.array([want[cell] is not None for _, want in data])
        # The constraint cell reads no words: which words a tie comes with ("which should lift...")
        # says more about how an author writes than about the tie.
        columns = np.array([True] + [not (cell == "constraint" and k.startswith("w:")) for k in names])
        model.weights[t, columns] = fit(x[known][:, columns],
                                        np.array([float(bool(want[cell])) for _, want in data])[known])
    return model


def save(model: CellModel, path: Path = WEIGHTS) -> None:
    names = sorted(model.features, key=model.features.__getitem__)
    np.savez_compressed(path, features=np.array(names), weights=model.weights.astype(np.float32),
                        threshold=np.array(model.threshold), meta=np.array(json.dumps(model.meta)))


def _openings(name: str) -> list[dict]:
    items = json.loads((ROOT / "tests/data" / name / "answers.json").read_text())
    return [i for i in items if i["kind"] == "opening"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--loso", action="store_true", help="leave-one-set-out figures instead of training")
    args = ap.parse_args()
    tuning = [s for s, role in SETS.items() if not role.startswith("untouched")]
    if args.loso:
        pooled, either = np.zeros(3, dtype=int), np.zeros(3, dtype=int)
        for held in tuning:
            model = train([s for s in tuning if s != held])
            r = score_set(ROOT / "tests/data" / held, cell_model=model)
            pooled += r["cells"]
            either += r["cells_either"]
            print(f"{held:20s} cells F1 {f1(*r['cells']):.3f}, either constraint cue {f1(*r['cells_either']):.3f}  "
                  f"(trained on the other {len(tuning) - 1})")
        print(f"{'pooled':20s} cells F1 {f1(*pooled):.3f}, either constraint cue {f1(*either):.3f}")
        return
    model = train(tuning)
    save(model)
    print(f"trained on {', '.join(tuning)}: {model.meta['candidates']} candidates, {len(model.features)} features "
          f"-> {WEIGHTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
