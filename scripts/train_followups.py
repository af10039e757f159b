#!/usr/bin/env python3
"""Train the follow-up judge (voice_sim/core/analysis/judge.py, followup_model.npz) on labelled follow-ups.

    .venv/bin/python scripts/train_followups.py            # train on the tuning sets, write the model
    .venv/bin/python scripts/train_followups.py --loso     # also leave-one-set-out agreement (~6 minutes)

The sets and their roles are scripts/bench_followups.py's SETS; a set whose role starts with
"untouched" is never read here. Two stages. Passages: each passage of an answer is an example for
each judgement, positive when its author tagged that cue with it; one logistic regression per
judgement (the statement model's trainer, scripts/train_statements.py). Answers: one logistic
regression per judgement over judge.answer_features, fitted on passage scores each set got from a
model trained without it, so the second stage learns from scores like those of unseen answers. The
passage thresholds (evidence, and the fallback for a model file without the second stage) are the
ones that agree best with the authors' verdicts on those same scores. --loso holds each set out of
both stages.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import train_statements as ts  # noqa: E402
from bench_followups import SETS, cue_at, transcript_of  # noqa: E402
from train_matrix import fit  # noqa: E402

from voice_sim.core.analysis import find_statements  # noqa: E402
from voice_sim.core.analysis.features import passages_of  # noqa: E402
from voice_sim.core.analysis.judge import (  # noqa: E402
    ITEMS,
    WEIGHTS,
    answer_features,
    judge_by_rules,
    judge_features,
    vetoes,
)

L2 = 2.0
STACK_L2 = 1.0
GRID = np.round(np.arange(0.10, 0.91, 0.05), 2)


class Answer:
    """One labelled follow-up: its passages' features and tags, the authors' verdicts, the rules'."""

    def __init__(self, item: dict) -> None:
        t, starts = transcript_of(item)
        passages = passages_of(t)
        cue = [cue_at(starts, p.start_s) for p in passages]
        findings = find_statements(t, passages=passages)
        changes = item.get("changes", "")
        self.rules = judge_by_rules(passages, findings, item["question"], changes)
        self.features = judge_features(passages, findings, item["question"], changes, (), self.rules)
        self.tags = np.array([[float(k in item["cues"][c].get("tags", [])) for k in ITEMS] for c in cue],
                             np.float32).reshape(-1, len(ITEMS))
        self.verdict = np.array([bool(item["judgement"][k]) for k in ITEMS])
        ruled_out = vetoes(passages, findings)
        self.allowed = np.array([k not in ruled_out for k in ITEMS])


def load(name: str) -> list[Answer]:
    items = json.loads((ROOT / "tests/data" / name / "answers.json").read_text())
    return [Answer(i) for i in items if i["kind"] == "followup"]


def train(answers: list[Answer]) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    feats = [f for a in answers for f in a.features]
    index = ts.vocabulary(feats)
    y = np.concatenate([a.tags for a in answers])
    w, b = ts.fit(ts.matrix(feats, index), y, np.ones_like(y, bool), L2)
    return index, w, b


def passage_scores(model: tuple[dict[str, int], np.ndarray, np.ndarray], answers: list[Answer]) -> list[np.ndarray]:
    index, w, b = model
    return [ts.score(a.features, index, w, b) if a.features else np.zeros((0, len(ITEMS))) for a in answers]


def out_of_fold(data: dict[str, list[Answer]], sets: list[str]) -> dict[str, list[np.ndarray]]:
    """Each set's passage scores from a passage model trained on the other sets."""
    return {s: passage_scores(train([a for o in sets if o != s for a in data[o]]), data[s]) for s in sets}


def fit_stack(answers: list[Answer], scores: list[np.ndarray]) -> np.ndarray:
    """The answer-level stage: weights (judgements, answer features)."""
    pairs = [(a, p) for a, p in zip(answers, scores, strict=True) if len(p)]
    return np.array([fit(np.array([answer_features(p, a.features[0], j) for a, p in pairs]),
                         np.array([float(a.verdict[j]) for a, _ in pairs]), STACK_L2) for j in range(len(ITEMS))])


def decide(stack: np.ndarray, answers: list[Answer], scores: list[np.ndarray]) -> np.ndarray:
    """(answers, judgements): the answer-level stage's verdicts, False where an exact rule rules it out."""
    return np.array([[bool(len(p)) and a.allowed[j] and float(answer_features(p, a.features[0], j) @ stack[j]) >= 0
                      for j in range(len(ITEMS))] for a, p in zip(answers, scores, strict=True)])


def best_thresholds(answers: list[Answer], scores: list[np.ndarray]) -> dict[str, float]:
    best = np.array([(p.max(axis=0) if len(p) else np.zeros(len(ITEMS))) * a.allowed
                     for a, p in zip(answers, scores, strict=True)])
    verdicts = np.array([a.verdict for a in answers])
    return {k: float(max(GRID, key=lambda t, j=j: ((best[:, j] >= t) == verdicts[:, j]).mean()))
            for j, k in enumerate(ITEMS)}


def loso(data: dict[str, list[Answer]], tuning: list[str]) -> None:
    """Each set judged by both stages trained without it; the rules' agreement beside it."""
    print("| set | follow-ups | " + " | ".join(f"{k} model / rules" for k in ITEMS) + " |")
    print("|---|---|" + "---|" * len(ITEMS))
    got, want, ruled = [], [], []
    for held in (s for s in tuning if data[s]):  # a set of openings only has no follow-up to judge
        inner = [s for s in tuning if s != held]
        oof = out_of_fold(data, inner)
        stack = fit_stack([a for s in inner for a in data[s]], [p for s in inner for p in oof[s]])
        scores = passage_scores(train([a for s in inner for a in data[s]]), data[held])
        g = decide(stack, data[held], scores)
        v = np.array([a.verdict for a in data[held]])
        r = np.array([[getattr(a.rules, k).present for k in ITEMS] for a in data[held]])
        got.append(g), want.append(v), ruled.append(r)
        cells = [f"{(g[:, j] == v[:, j]).mean():.2f} / {(r[:, j] == v[:, j]).mean():.2f}" for j in range(len(ITEMS))]
        print(f"| {held} | {len(v)} | " + " | ".join(cells) + " |", flush=True)
    g, v, r = np.concatenate(got), np.concatenate(want), np.concatenate(ruled)
    cells = [f"**{(g[:, j] == v[:, j]).mean():.2f}** / {(r[:, j] == v[:, j]).mean():.2f}" for j in range(len(ITEMS))]
    print(f"| pooled | {len(v)} | " + " | ".join(cells) + " |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--loso", action="store_true", help="print leave-one-set-out figures as well")
    args = ap.parse_args()
    tuning = [s for s, role in SETS.items() if not role.startswith("untouched")]
    data = {s: load(s) for s in tuning}
    if args.loso:
        loso(data, tuning)
    answers = [a for s in tuning for a in data[s]]
    oof = out_of_fold(data, tuning)
    scores = [p for s in tuning for p in oof[s]]
    thresholds = best_thresholds(answers, scores)
    stack = fit_stack(answers, scores)
    index, w, b = train(answers)
    names = sorted(index, key=index.get)
    keep = np.flatnonzero(np.abs(w).max(axis=1) > 1e-4)
    meta = {"trained_on": tuning, "answers": len(answers), "l2": L2, "stack_l2": STACK_L2}
    np.savez_compressed(WEIGHTS, labels=np.array(ITEMS), features=np.array([names[i] for i in keep]),
                        weights=w[keep].astype(np.float16), bias=b, thresholds=np.array([thresholds[k] for k in ITEMS]),
                        stack=stack.astype(np.float32), meta=json.dumps(meta))
    print(f"trained on {len(answers)} follow-ups of {', '.join(tuning)}; thresholds {thresholds} "
          f"-> {WEIGHTS.relative_to(ROOT)} ({WEIGHTS.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
