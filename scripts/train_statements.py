#!/usr/bin/env python3
"""Train the statement model on the "train" sets of tests/data and write
voice_sim/core/analysis/statement_model.npz.

    .venv/bin/pip install -e ".[train]"   # scipy, for training only; the app needs numpy alone
    .venv/bin/python scripts/train_statements.py [--folds 5] [--l2 0.3]

One L2-regularised logistic regression per label over the features of features.py. Thresholds
are chosen on out-of-fold scores (answers split into folds, each scored by a model trained on the
others) to maximise the answer-level result the product shows: the right first passage for a
signal, every occurrence for an anti-pattern, every hedged passage for hedges. Sets marked
"untouched" in tests/data/sets.json are never read here. Deterministic for the same data.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import labelled  # noqa: E402
from scipy import sparse  # noqa: E402
from scipy.optimize import minimize  # noqa: E402

from voice_sim.core.analysis.detect import detect  # noqa: E402
from voice_sim.core.analysis.features import passage_features  # noqa: E402
from voice_sim.core.analysis.model import LABELS, WEIGHTS  # noqa: E402
from voice_sim.core.models import SIGNALS  # noqa: E402

MIN_COUNT = 2
TIME_TOLERANCE_S = 15.0
GRID = np.round(np.arange(0.025, 0.96, 0.025), 3)


def matrix(feats: list[list[str]], index: dict[str, int]) -> sparse.csr_matrix:
    rows, cols = [], []
    for r, fs in enumerate(feats):
        for c in {index[f] for f in fs if f in index}:
            rows.append(r)
            cols.append(c)
    return sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(len(feats), len(index)))


def fit(x: sparse.csr_matrix, y: np.ndarray, known: np.ndarray, l2: float) -> tuple[np.ndarray, np.ndarray]:
    """Weights (features, labels) and biases, one logistic regression per label."""
    n_feat = x.shape[1]
    weights = np.zeros((n_feat, y.shape[1]), np.float32)
    bias = np.zeros(y.shape[1], np.float32)
    for k in range(y.shape[1]):
        rows = np.flatnonzero(known[:, k])
        xk, yk = x[rows], y[rows, k]
        if yk.sum() == 0:
            bias[k] = -8.0
            continue

        # Used at once by minimize() below, inside this iteration: binding xk, yk late is fine.
        def loss(theta: np.ndarray, xk: np.ndarray = xk, yk: np.ndarray = yk) -> tuple[float, np.ndarray]:
            w, b = theta[:-1], theta[-1]
            z = xk @ w + b
            p = 1.0 / (1.0 + np.exp(-z))
            nll = np.sum(np.logaddexp(0, z) - yk * z)
            g = p - yk
            grad = np.concatenate([xk.T @ g + l2 * w, [g.sum()]])
            return nll + 0.5 * l2 * w @ w, grad

        res = minimize(loss, np.zeros(n_feat + 1), jac=True, method="L-BFGS-B", options={"maxiter": 400})
        weights[:, k], bias[k] = res.x[:-1], res.x[-1]
    return weights, bias


def vocabulary(feats: list[list[str]]) -> dict[str, int]:
    counts = Counter(f for fs in feats for f in set(fs))
    return {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}


def score(feats: list[list[str]], index: dict[str, int], weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
    z = matrix(feats, index) @ weights + bias
    return 1.0 / (1.0 + np.exp(-z))


def outcome(answers, scores, thresholds) -> dict[str, list[int]]:
    """tp/fp/fn per label at the answer level, as the product would report it."""
    model = SimpleNamespace(labels=LABELS, thresholds=thresholds)
    counts = {k: [0, 0, 0] for k in LABELS}
    for a, s in zip(answers, scores, strict=True):
        found = detect(a.passages, s, model)  # type: ignore[arg-type]
        col = {k: i for i, k in enumerate(LABELS)}
        for k in LABELS:
            got = [f.unit.start_s for f in found if f.kind == k]
            if k in SIGNALS:
                want = [a.passages[i].start_s for i in np.flatnonzero(a.y[:, col[k]])]
                if not a.known[:, col[k]].any():
                    continue
                if want and got:
                    ok = abs(got[0] - want[0]) <= TIME_TOLERANCE_S
                    counts[k][0] += ok
                    counts[k][1] += not ok
                    counts[k][2] += not ok
                elif got:
                    counts[k][1] += 1
                elif want:
                    counts[k][2] += 1
            else:
                if not a.known[:, col[k]].all():
                    continue
                want = sorted({a.passages[i].cue for i in np.flatnonzero(a.y[:, col[k]])})
                got_cues = sorted({f.unit.cue for f in found if f.kind == k})
                tp = len(set(want) & set(got_cues))
                counts[k][0] += tp
                counts[k][1] += len(got_cues) - tp
                counts[k][2] += len(want) - tp
    return counts


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def choose_thresholds(answers, scores) -> dict[str, float]:
    """Coordinate search, lever before metric tie since the tie needs a lever."""
    thresholds = {k: 0.5 for k in LABELS}
    for _ in range(2):
        for k in LABELS:
            best = max(GRID, key=lambda t: (f1(*outcome(answers, scores, {**thresholds, k: t})[k]), -abs(t - 0.5)))
            thresholds[k] = float(best)
    return thresholds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=0.3)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args()
    t0 = time.perf_counter()
    folders = labelled.sets("train")
    answers = [a for f in folders for a in labelled.load(f)]
    feats = [passage_features(a.passages) for a in answers]
    print(f"{len(answers)} answers, {sum(len(a.passages) for a in answers)} passages from "
          f"{', '.join(f.name for f in folders)} ({time.perf_counter() - t0:.1f} s)")

    fold_of = np.arange(len(answers)) % args.folds
    oof: list[np.ndarray | None] = [None] * len(answers)
    for k in range(args.folds):
        train = [i for i in range(len(answers)) if fold_of[i] != k]
        index = vocabulary([f for i in train for f in feats[i]])
        x = matrix([f for i in train for f in feats[i]], index)
        y = np.concatenate([answers[i].y for i in train])
        known = np.concatenate([answers[i].known for i in train])
        w, b = fit(x, y, known, args.l2)
        for i in range(len(answers)):
            if fold_of[i] == k:
                oof[i] = score(feats[i], index, w, b)
        print(f"  fold {k + 1}/{args.folds} ({time.perf_counter() - t0:.0f} s)")
    thresholds = choose_thresholds(answers, oof)
    counts = outcome(answers, oof, thresholds)
    print("out-of-fold, answer level, at the chosen thresholds:")
    for k in LABELS:
        print(f"  {k:<28} t={thresholds[k]:.3f}  F1 {f1(*counts[k]):.3f}  tp/fp/fn {counts[k]}")

    all_feats = [f for fs in feats for f in fs]
    index = vocabulary(all_feats)
    w, b = fit(matrix(all_feats, index), np.concatenate([a.y for a in answers]),
               np.concatenate([a.known for a in answers]), args.l2)
    keep = np.flatnonzero(np.abs(w).max(axis=1) > 1e-4)
    names = sorted(index, key=index.get)
    meta = {"trained_on": [f.name for f in folders], "answers": len(answers),
            "passages": len(all_feats), "l2": args.l2, "folds": args.folds}
    np.savez_compressed(
        args.out, labels=np.array(LABELS), features=np.array([names[i] for i in keep]),
        weights=w[keep].astype(np.float16), bias=b, thresholds=np.array([thresholds[k] for k in LABELS]),
        meta=json.dumps(meta),
    )
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(keep)} features) "
          f"in {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
