#!/usr/bin/env python3
"""Train the decision matrix's cell linker (voice_sim/core/analysis/cells.py) on labelled matrices.

    .venv/bin/python scripts/train_matrix.py            # train on the tuning sets, write cell_model.npz
    .venv/bin/python scripts/train_matrix.py --loso     # leave-one-set-out cell F1 over the tuning sets
    .venv/bin/python scripts/train_matrix.py --loso --folds 8   # the same, eight sets of sets held out in turn

The sets and their roles are scripts/bench_followups.py's SETS; a set whose role starts with
"untouched" is never read here. The linker's first step learns from every candidate passage
(cells.candidates of any row) whether the author marked it as a KPI, constraint or risk cell of any
row; its second step learns, for each row and candidate that is such a cell, whether it is this
row's (the author marked it in the row of the same lever).
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
    sentence_features,
    vector,
)
from voice_sim.core.analysis.features import passages_of  # noqa: E402
from voice_sim.core.analysis.matrix import lever_rows, read_answer  # noqa: E402

L2 = 3.0  # 8-fold cross-validation on 86 tuning sets: cells 0.743 at 1.0, 0.747 at 3.0, 0.742 at 10.0
MIN_COUNT = 5  # a word feature seen in fewer candidates is dropped
THRESHOLD = 0.2  # 8-fold cross-validation on 86 tuning sets (L2 3.0): cells 0.749 at 0.15, 0.753 at 0.2, 0.750 at
# 0.25, 0.747 at 0.3, 0.741 at 0.35
Example = tuple[dict[str, float], dict[str, bool | None]]  # None: not known for this row or sentence


def examples(item: dict) -> tuple[list[Example], list[Example]]:
    """An answer's training examples for both steps of the linker: per candidate sentence, whether it
    is a cell of each type at all (any row's); per row and candidate that is a cell, whether it is this
    row's (None for the types it is not a cell of)."""
    t, starts = transcript_of(item)
    found = passages_of(t)
    passages, kinds, detail = read_answer(found, find_statements(t, passages=found))
    cue = [cue_at(starts, p.start_s) for p in passages]
    rows = lever_rows(passages, kinds)
    wanted = {n: m for _, n, m in paired([(cue[g[0]], passages[g[0]].raw, n) for n, g in enumerate(rows)],
                                           item["matrix"]) if n is not None and m is not None}
    # A constraint marked where it was first stated, before the lever (one author's reading of the
    # format page), is not where the lever is tied to it: unknown, not a negative.
    early = {m["constraint_cue"] for m in item["matrix"]
             if m.get("constraint") is not None and m["constraint_cue"] < m["lever_cue"]}
    cells = {c: {m[f"{c}_cue"] for m in item["matrix"] if m.get(c) is not None
                 and not (c == "constraint" and m[f"{c}_cue"] < m["lever_cue"])} for c in CELL_TYPES}
    scope, turn = scopes(passages, rows), in_turn(passages, rows)
    candidate = [candidates(passages, kinds, rows, n, picks, scope, turn)
                 for n, picks in enumerate(rule_picks(passages, kinds, detail, rows))]
    sentences = [(f, {c: None if c == "constraint" and cue[j] in early - cells[c] else cue[j] in cells[c]
                      for c in CELL_TYPES}) for j, f in sentence_features(passages, rows, candidate).items()]
    whose: list[Example] = []
    for n, row in enumerate(candidate):
        want = wanted.get(n, {})
        for j, f in row:
            whose.append((f, {c: want.get(c) is not None and want.get(f"{c}_cue") == cue[j] if cue[j] in cells[c]
                              else None for c in CELL_TYPES}))
    return sentences, whose


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
    data = [examples(item) for s in sets for item in _openings(s)]
    sentence_names, sentence_weights = _fit_all([e for sentences, _ in data for e in sentences])
    # Which row a constraint is tied to reads no words: which words a tie comes with ("which should
    # lift...") says more about how an author writes than about the lever it is tied to.
    names, weights = _fit_all([e for _, whose in data for e in whose], constraint_words=False)
    return CellModel({k: i for i, k in enumerate(names)}, weights,
                     {k: i for i, k in enumerate(sentence_names)}, sentence_weights, THRESHOLD,
                     {"sets": sets, "sentences": sum(len(sentences) for sentences, _ in data),
                      "candidates": sum(len(whose) for _, whose in data)})


def _fit_all(data: list[Example], constraint_words: bool = True) -> tuple[list[str], np.ndarray]:
    """One logistic regression per cell type over the examples known for it."""
    counts = Counter(k for f, _ in data for k in f)
    names = sorted(k for k, n in counts.items() if n >= MIN_COUNT or not k.startswith("w:"))
    index = {k: i for i, k in enumerate(names)}
    x = np.array([vector(f, index) for f, _ in data])
    weights = np.zeros((len(CELL_TYPES), len(names) + 1))
    for t, cell in enumerate(CELL_TYPES):
        known = np.array([want[cell] is not None for _, want in data])
        columns = np.array([True] + [constraint_words or cell != "constraint" or not k.startswith("w:")
                                     for k in names])
        weights[t, columns] = fit(x[known][:, columns], np.array([float(bool(want[cell])) for _, want in data])[known])
    return names, weights


def save(model: CellModel, path: Path = WEIGHTS) -> None:
    def ordered(index: dict[str, int]) -> np.ndarray:
        return np.array(sorted(index, key=index.__getitem__))

    np.savez_compressed(path, features=ordered(model.features), weights=model.weights.astype(np.float32),
                        sentence_features=ordered(model.sentence_features),
                        sentence_weights=model.sentence_weights.astype(np.float32),
                        threshold=np.array(model.threshold), meta=np.array(json.dumps(model.meta)))


def _openings(name: str) -> list[dict]:
    items = json.loads((ROOT / "tests/data" / name / "answers.json").read_text())
    return [i for i in items if i["kind"] == "opening"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--loso", action="store_true", help="leave-one-set-out figures instead of training")
    ap.add_argument("--folds", type=int, default=0,
                    help="with --loso: hold out every K-th set together, K trainings instead of one per set")
    args = ap.parse_args()
    tuning = [s for s, role in SETS.items() if not role.startswith("untouched")]
    if args.loso:
        folds = [tuning[k::args.folds] for k in range(args.folds)] if args.folds else [[s] for s in tuning]
        pooled, either, rows = np.zeros(3, dtype=int), np.zeros(3, dtype=int), np.zeros(3, dtype=int)
        for fold in folds:
            model = train([s for s in tuning if s not in fold])
            for held in fold:
                r = score_set(ROOT / "tests/data" / held, cell_model=model)
                pooled += r["cells"]
                either += r["cells_either"]
                rows += r["rows"]
                print(f"{held:20s} rows F1 {f1(*r['rows']):.3f}, cells F1 {f1(*r['cells']):.3f}, either constraint "
                      f"cue {f1(*r['cells_either']):.3f}  (trained on the other {len(tuning) - len(fold)})")
        print(f"{'pooled':20s} rows F1 {f1(*rows):.3f}, cells F1 {f1(*pooled):.3f}, "
              f"either constraint cue {f1(*either):.3f}")
        return
    model = train(tuning)
    save(model)
    print(f"trained on {', '.join(tuning)}: {model.meta['sentences']} sentences ({len(model.sentence_features)} "
          f"features), {model.meta['candidates']} row candidates ({len(model.features)} features) "
          f"-> {WEIGHTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
