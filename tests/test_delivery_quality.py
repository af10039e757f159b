"""Quality guard for delivery coaching on hand-marked answers (scripts/bench_delivery.py prints the
figures). delivery_holdout and delivery_holdout2 were never tuned on; delivery_dev tuned the check-in, filler and
repetition rules and only guards against regressions."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("bench_delivery", ROOT / "scripts/bench_delivery.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def test_held_back_answers_meet_the_targets():
    """Issue 10's targets where they are met: hedge and check-in F1 0.85. Filler counts are held at
    today's level (the target, within 10% of the hand count, is not met on this set: see README)."""
    r = bench.score_set(ROOT / "tests/data/delivery_holdout", verbose=False)
    assert r["n"] >= 20
    assert bench.f1(*r["hedge"])[2] >= 0.85
    assert bench.f1(*r["checkin"])[2] >= 0.85
    assert bench.f1(*r["repeat"])[2] >= 0.75
    counted, marked = r["fillers"]
    assert counted / marked >= 0.85


def test_second_held_back_set_meets_the_targets():
    """Written later by a third author, scored once before and once after the last filler rule."""
    r = bench.score_set(ROOT / "tests/data/delivery_holdout2", verbose=False)
    assert r["n"] >= 20
    assert bench.f1(*r["hedge"])[2] >= 0.85
    assert bench.f1(*r["checkin"])[2] >= 0.85
    assert bench.f1(*r["repeat"])[2] >= 0.75
    counted, marked = r["fillers"]
    assert abs(counted - marked) / marked <= 0.10


def test_tuning_answers_do_not_regress():
    r = bench.score_set(ROOT / "tests/data/delivery_dev", verbose=False)
    assert bench.f1(*r["hedge"])[2] >= 0.90
    assert bench.f1(*r["checkin"])[2] >= 0.95
    assert bench.f1(*r["repeat"])[2] >= 0.95
    counted, marked = r["fillers"]
    assert abs(counted - marked) / marked <= 0.10
