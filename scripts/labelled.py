"""The labelled answer sets in tests/data: which are for training, passage labels, and scoring.

Shared by bench_analyzer.py (answer-level figures), train_statements.py (training data and
thresholds) and tests/test_analyzer_quality.py. tests/data/sets.json says what each set is for:
"train" sets teach the statement model and tune its thresholds; "untouched" sets were written by
authors who saw only ../shared/SIGNALS.md and are never trained or tuned on; a "spare" set (none
today) would be written for training but not in the shipped model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests/data"

from voice_sim.core.analysis.features import Passage, passages_of  # noqa: E402
from voice_sim.core.analysis.model import LABELS  # noqa: E402
from voice_sim.core.models import SIGNALS  # noqa: E402
from voice_sim.core.transcripts import read_vtt  # noqa: E402

SHORT = {"H": "hypothesis", "C": "constraint", "L": "lever", "M": "metric_tie", "T": "tradeoff",
         "hedge": "hedge"}
TOLERANCE_S = 0.05


def roles() -> dict[str, str]:
    return json.loads((DATA / "sets.json").read_text())


def sets(role: str | None = None) -> list[Path]:
    return [DATA / name for name, r in roles().items()
            if (role is None or r == role) and (DATA / name / "labels.json").exists()]


def labels_of(folder: Path) -> dict[str, dict]:
    return json.loads((folder / "labels.json").read_text())


@dataclass
class LabelledAnswer:
    name: str
    passages: list[Passage]
    y: np.ndarray  # (passages, LABELS): 1 makes the statement, 0 does not
    known: np.ndarray  # (passages, LABELS): False where the labels do not say


def _at(passages: list[Passage], at_s: float) -> list[int]:
    return [i for i, p in enumerate(passages) if abs(p.start_s - at_s) <= TOLERANCE_S]


def passage_labels(folder: Path, name: str, label: dict) -> LabelledAnswer:
    """Per-passage labels. Sets with `tagged` list every cue that makes a statement, so every
    passage is known. Older sets give only the first cue of each signal: the cues before it are
    negatives, the ones after are unknown (a later mention is not labelled); their anti-patterns
    are listed at every occurrence, and their hedges not at all."""
    passages = passages_of(read_vtt(folder / name))
    col = {k: i for i, k in enumerate(LABELS)}
    y = np.zeros((len(passages), len(LABELS)), dtype=np.float32)
    known = np.ones_like(y, dtype=bool)
    if "tagged" in label:
        for item in label["tagged"]:
            for tag in item["tags"]:
                kind = SHORT.get(tag) or tag.removeprefix("ap:")
                for i in _at(passages, item["at_s"]):
                    y[i, col[kind]] = 1
    else:
        known[:, col["hedge"]] = False
        for s in SIGNALS:
            want = label["signals"][s]
            if want["present"]:
                first = _at(passages, want["first_at_s"])
                for i in first:
                    y[i, col[s]] = 1
                after = [i for i, p in enumerate(passages) if p.start_s > want["first_at_s"] + TOLERANCE_S]
                known[after, col[s]] = False
        for hn in label.get("hard_negatives", []):
            for i in _at(passages, hn["at_s"]):
                if hn.get("of") in col:
                    known[i, col[hn["of"]]] = True
        for ap in label.get("anti_patterns", []):
            for i in _at(passages, ap["at_s"]):
                y[i, col[ap["code"]]] = 1
    return LabelledAnswer(name, passages, y, known)


def load(folder: Path) -> list[LabelledAnswer]:
    return [passage_labels(folder, name, label) for name, label in sorted(labels_of(folder).items())]
