"""The statement model: which statements each passage of the candidate's speech makes, with a score.

One logistic regression per statement kind over the features in features.py, trained by
scripts/train_statements.py on the labelled answers in tests/data (the sets marked "train" in
tests/data/sets.json) and committed as statement_model.npz next to this file: a few MB, loaded with
numpy from the package, never fetched. The rules' part of the features is cached per passage
(features.py), so the live round, which re-reads the whole answer after every segment, only
runs the rules on the new passages.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from voice_sim.core.analysis.features import Passage, passage_features
from voice_sim.errors import UserError

LABELS = (
    "hypothesis", "constraint", "lever", "metric_tie", "tradeoff",
    "tech_without_rationale", "defers_to_engineering", "dismisses_latency", "scale_without_business_tie",
    "hedge",
)
WEIGHTS = Path(__file__).with_name("statement_model.npz")


class ModelError(UserError):
    """The statement model file is missing or damaged; the message says how to get it back."""


@dataclass
class StatementModel:
    labels: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)
    thresholds: dict[str, float]
    meta: dict[str, object]
    stack: np.ndarray | None = None  # (labels, answer features): an answer-level second stage (judge.py)

    @classmethod
    def load(cls, path: Path = WEIGHTS, what: str = "statement model",
             trainer: str = "scripts/train_statements.py") -> StatementModel:
        """Read a model file: `what` and `trainer` name it and how to rebuild it in the one-line error."""
        try:
            with np.load(path, allow_pickle=False) as z:
                labels = tuple(str(x) for x in z["labels"])
                features = [str(x) for x in z["features"]]
                weights = z["weights"].astype(np.float32)
                bias = z["bias"].astype(np.float32)
                thresholds = dict(zip(labels, (float(x) for x in z["thresholds"]), strict=True))
                meta = json.loads(str(z["meta"]))
                stack = z["stack"].astype(np.float64) if "stack" in z.files else None
        except FileNotFoundError:
            raise ModelError(f"{path}: the {what} is missing; reinstall voice-sim or run {trainer}") from None
        except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile) as exc:
            raise ModelError(f"{path}: the {what} is damaged ({exc}); reinstall voice-sim or run {trainer}") from None
        if weights.shape != (len(features), len(labels)) or bias.shape != (len(labels),):
            raise ModelError(f"{path}: the {what}'s shapes do not match; retrain it")
        if stack is not None and (stack.ndim != 2 or stack.shape[0] != len(labels)):
            raise ModelError(f"{path}: the {what}'s shapes do not match; retrain it")
        return cls(labels, {f: i for i, f in enumerate(features)}, weights, bias, thresholds, meta, stack)

    def score_features(self, features: list[list[str]]) -> np.ndarray:
        out = np.empty((len(features), len(self.labels)), dtype=np.float32)
        for row, feats in enumerate(features):
            rows = [self.index[f] for f in feats if f in self.index]
            logits = self.bias + self.weights[rows].sum(axis=0)
            out[row] = 1.0 / (1.0 + np.exp(-logits))
        return out

    def score(self, passages: list[Passage]) -> np.ndarray:
        """Scores (passages x labels), 0..1."""
        if not passages:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        return self.score_features(passage_features(passages))


@lru_cache(maxsize=1)
def default_model() -> StatementModel:
    return StatementModel.load()
