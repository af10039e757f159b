"""The scorecard keeps the window: a signal heard only after it cannot earn full marks, and the
report says plainly whether the first ten minutes carried all three graded signals."""

from voice_sim.core.analysis import analyze
from voice_sim.core.models import Cue, Transcript

HYPOTHESIS = "My bet is that first-time bidders give up because their last-second bids land too late."
CONSTRAINT = "The bid has to be acknowledged in under two hundred milliseconds at the 99th percentile."
LEVER = "So we shard the bid book by auction and keep each auction's state in memory on one node."
TIE = "Faster acknowledgement should lift bids per auction by about five percent."
TRADEOFF = "We accept a few seconds of staleness on the viewer counts in exchange for never blocking a bid."


def answer(at: dict[float, str]) -> Transcript:
    return Transcript(cues=[Cue(start_s=t, end_s=t + 6, text=text) for t, text in sorted(at.items())])


def test_the_same_answer_scores_less_when_it_comes_after_the_window():
    second = "A second trade-off: we give up strict ordering across regions at the cost of a hop."
    early = analyze(answer({10: HYPOTHESIS, 40: CONSTRAINT, 70: LEVER, 80: TIE, 100: TRADEOFF, 120: second}))
    late = analyze(answer({10: LEVER, 100: TRADEOFF, 610: HYPOTHESIS, 643: CONSTRAINT, 710: TIE}))
    assert "carried all three signals" in early.scorecard.window
    assert late.scorecard.window == (
        "The first 10:00 carried 0 of 3 signals: the hypothesis came at 10:10; the constraint came at "
        "10:43; the metric tie came at 11:50.")
    assert late.scorecard.impact_awareness.score <= 1 < early.scorecard.impact_awareness.score
    assert late.scorecard.feasibility_reasoning.score <= 2
    assert any("only after the window" in w for w in late.scorecard.impact_awareness.why)
    for lens in ("impact_awareness", "feasibility_reasoning", "tradeoff_rigor"):
        assert getattr(late.scorecard, lens).score < 3


def test_a_missing_signal_is_named_in_the_window_verdict():
    a = analyze(answer({10: HYPOTHESIS, 40: CONSTRAINT}))
    assert a.scorecard.window.startswith("The first 10:00 carried 2 of 3 signals: the metric tie was never said")
