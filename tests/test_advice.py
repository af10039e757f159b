"""Advice from the candidate's own words: a flag's "say instead" builds on the flagged sentence and
the scenario's own metrics and constraints, and the scenario's never-named ones are listed."""

from pathlib import Path

from voice_sim.core.analysis import analyze
from voice_sim.core.analysis.advice import named
from voice_sim.core.models import Cue, Transcript
from voice_sim.core.scenario import load_file

ROOT = Path(__file__).resolve().parents[1]
DROPS = load_file(ROOT / "scenarios/seller-drop-scheduling.toml")
AUCTION = load_file(ROOT / "scenarios/auction-bidding.toml")
LINES = ["The seller calendar goes in Cassandra.", "We will run the bid path on Kafka."]


def flags(line: str, scenario):  # type: ignore[no-untyped-def]
    a = analyze(Transcript(cues=[Cue(start_s=0, end_s=5, text=line)]), scenario)
    return [f for f in a.flags if f.code == "tech_without_rationale"], a


def test_say_instead_builds_on_the_sentence_and_the_scenario():
    [drops], _ = flags(LINES[0], DROPS)
    assert "Cassandra" in drops.instead and "The seller calendar goes in Cassandra" in drops.instead
    assert any(m in drops.instead for m in DROPS.metrics)
    [auction], _ = flags(LINES[1], AUCTION)
    assert "Kafka" in auction.instead and any(m in auction.instead for m in AUCTION.metrics)
    assert drops.instead != auction.instead


def test_the_scenarios_never_named_constraints_and_metrics_are_listed():
    _, a = flags(LINES[0], DROPS)
    assert set(a.scenario_gaps.metrics) == set(DROPS.metrics)
    said = "We keep scheduling under 150 ms at p95 and I'd track time to list and daily active sellers."
    b = analyze(Transcript(cues=[Cue(start_s=0, end_s=6, text=said)]), DROPS)
    assert "time to list" not in b.scenario_gaps.metrics and "daily active sellers" not in b.scenario_gaps.metrics
    assert "scheduling and listing under 150 ms at p95" not in b.scenario_gaps.constraints
    assert analyze(Transcript(cues=[Cue(start_s=0, end_s=6, text=said)])).scenario_gaps.metrics == []


def test_named_needs_the_number_or_most_of_the_words():
    assert named("99.9% uptime for scheduling", "we need 99.9 percent availability")
    assert not named("reminder-to-join rate", "we send reminders")
