#!/usr/bin/env python3
"""Train the follow-up judge (voice_sim/core/analysis/judge.py, followup_model.npz) on labelled follow-ups.

    .venv/bin/python scripts/train_followups.py            # train on the tuning sets, write the model
    .venv/bin/python scripts/train_followups.py --loso     # leave-one-set-out agreement, model vs rules

The sets and their roles are scripts/bench_followups.py's SETS; a set whose role starts with
"untouched" is never read here. Each passage of an answer is an example for each judgement: positive
when its author tagged that cue with it. One logistic regression per judgement (the statement
model's trainer, scripts/train_statements.py); each judgement's threshold is the one that agrees
best with the authors' answer-level verdicts on leave-one-set-out scores.
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
from bench_followups import SETS, transcript_of  # noqa: E402

from voice_sim.core.analysis import find_statements  # noqa: E402
from voice_sim.core.analysis.features import passages_of  # noqa: E402
from voice_sim.core.analysis.judge import ITEMS, WEIGHTS, judge_by_rules, judge_features, vetoes  # noqa: E402

L2 = 2.0
GRID = np.round(np.arange(0.10, 0.91, 0.05), 2)


class Answer:
    """One labelled follow-up: its passages' features and tags, the authors' verdicts, the rules'."""

    def __init__(self, item: dict) -> None:
        t, _ = transcript_of(item)
        passages = passages_of(t)
        findings = find_statements(t, passages=passages)
        changes = item.get("changes", "")
        self.rules = judge_by_rules(passages, findings, item["question"], changes)
        self.features = judge_features(passages, findings, item["question"], changes, (), self.rules)
        self.tags = np.array([[float(k in item["cues"][p.cue].get("tags", [])) for k in ITEMS] for p in passages],
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


def answer_scores(model: tuple[dict[str, int], np.ndarray, np.ndarray], answers: list[Answer]) -> np.ndarray:
    """(answers, judgements): each answer's best passage score, 0 where an exact rule rules it out."""
    index, w, b = model
    return np.array([ts.score(a.features, index, w, b).max(axis=0) * a.allowed if a.features
                     else np.zeros(len(ITEMS)) for a in answers])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--loso", action="store_true", help="print leave-one-set-out figures as well")
    args = ap.parse_args()
    tuning = [s for s, role in SETS.items() if not role.startswith("untouched")]
    data = {s: load(s) for s in tuning}
    oof = {s: answer_scores(train([a for o in tuning if o != s for a in data[o]]), data[s]) for s in tuning}
    verdicts = np.array([a.verdict for s in tuning for a in data[s]])
    scores = np.concatenate([oof[s] for s in tuning])
    thresholds = {k: float(max(GRID, key=lambda t, j=j: ((scores[:, j] >= t) == verdicts[:, j]).mean()))
                  for j, k in enumerate(ITEMS)}
    if args.loso:
        print("| set | follow-ups | " + " | ".join(f"{k} model / rules" for k in ITEMS) + " |")
        print("|---|---|" + "---|" * len(ITEMS))
        for s in tuning:
            v = np.array([a.verdict for a in data[s]])
            r = np.array([[getattr(a.rules, k).present for k in ITEMS] for a in data[s]])
            cells = [f"{((oof[s][:, j] >= thresholds[k]) == v[:, j]).mean():.2f} / {(r[:, j] == v[:, j]).mean():.2f}"
                     for j, k in enumerate(ITEMS)]
            print(f"| {s} | {len(v)} | " + " | ".join(cells) + " |")
        rules = np.array([[getattr(a.rules, k).present for k in ITEMS] for s in tuning for a in data[s]])
        cells = [f"**{((scores[:, j] >= thresholds[k]) == verdicts[:, j]).mean():.2f}** / "
                 f"{(rules[:, j] == verdicts[:, j]).mean():.2f}" for j, k in enumerate(ITEMS)]
        print(f"| pooled | {len(verdicts)} | " + " | ".join(cells) + " |")
    index, w, b = train([a for s in tuning for a in data[s]])
    names = sorted(index, key=index.get)
    keep = np.flatnonzero(np.abs(w).max(axis=1) > 1e-4)
    meta = {"trained_on": tuning, "answers": len(verdicts), "l2": L2}
    np.savez_compressed(WEIGHTS, labels=np.array(ITEMS), features=np.array([names[i] for i in keep]),
                        weights=w[keep].astype(np.float16), bias=b, thresholds=np.array([thresholds[k] for k in ITEMS]),
                        meta=json.dumps(meta))
    print(f"trained on {len(verdicts)} follow-ups of {', '.join(tuning)}; thresholds {thresholds} "
          f"-> {WEIGHTS.relative_to(ROOT)} ({WEIGHTS.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
