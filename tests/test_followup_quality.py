"""Quality guard for follow-up judging and the decision matrix (scripts/bench_followups.py prints
the figures). followups_held9 and followups_held10 were never tuned or trained on; every other set
tuned the rules or trains the follow-up judge and the cell linker. Issue 9's target is 0.85
agreement per judgement and 0.80 matrix-cell F1 on held-back answers: ownership and trade-off meet
it today; the others are held at today's level (see README)."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("bench_followups", ROOT / "scripts/bench_followups.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

FLOOR = {"addressed": 0.68, "hierarchy": 0.82, "numbers": 0.76, "ownership": 0.85, "tradeoff": 0.85}


@pytest.fixture(scope="module")
def held() -> dict:
    results = [bench.score_set(ROOT / "tests/data" / name) for name in ("followups_held9", "followups_held10")]
    pooled = {"followups": sum(r["followups"] for r in results),
              "agree": {k: sum(r["agree"][k] for r in results) for k in bench.ITEMS},
              "cells": [sum(r["cells"][i] for r in results) for i in range(3)],
              "rows": [sum(r["rows"][i] for r in results) for i in range(3)]}
    return pooled


def test_held_back_follow_ups_are_judged_at_least_as_well_as_today(held: dict) -> None:
    assert held["followups"] >= 50
    for item, floor in FLOOR.items():
        assert held["agree"][item] / held["followups"] >= floor, item


def test_held_back_decision_matrices(held: dict) -> None:
    assert bench.f1(*held["rows"]) >= 0.88
    assert bench.f1(*held["cells"]) >= 0.68
