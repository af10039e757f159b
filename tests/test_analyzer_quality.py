"""Regression guard: the analyzer on every labelled answer set in tests/data (see
scripts/bench_analyzer.py for the full figures). Thresholds are the product's targets."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SETS = sorted(p.parent for p in (ROOT / "tests/data").glob("*/labels.json"))

spec = importlib.util.spec_from_file_location("bench_analyzer", ROOT / "scripts/bench_analyzer.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


@pytest.mark.parametrize("folder", SETS, ids=[p.name for p in SETS])
def test_labelled_set_meets_targets(folder):
    r = bench.evaluate(folder, verbose=False)
    macro = sum(bench.f1(*r["counts"][s])[2] for s in bench.GRADED) / len(bench.GRADED)
    late_ok, late_n = r["late"]
    errors = r["errors"]
    assert macro >= 0.90, f"macro F1 {macro:.3f}"
    assert late_ok / late_n >= 0.95
    assert sum(errors) / len(errors) <= 15.0
    assert bench.f1(*r["ap"])[2] >= 0.75
