"""The live coach on its own: cue rules as pure functions, and the Coach with a scripted analyzer
(no engine, no clock, no audio): what it reports, once, and what it keeps when analysis fails."""

from __future__ import annotations

import logging
import threading

import pytest
from roundkit import SCENARIO

from voice_sim.core import events as ev
from voice_sim.core.coach import Coach, due_cues
from voice_sim.core.models import (
    SIGNALS,
    Analysis,
    Cue,
    Pacing,
    Scorecard,
    SignalResult,
    SignalScore,
    Transcript,
)


def analysis(**heard_at: float) -> Analysis:
    """An analysis in which each named signal was first heard at the given second."""
    score = SignalScore(score=0, label="not shown")
    return Analysis(
        duration_s=60.0,
        signals={s: SignalResult(present=s in heard_at, first_at_s=heard_at.get(s))
                 for s in SIGNALS},
        flags=[],
        pacing=Pacing(words=0, speaking_s=0, wall_s=0, wpm_speaking=0, wpm_wall=0, fillers=0,
                      fillers_per_min=0),
        scorecard=Scorecard(impact_awareness=score, feasibility_reasoning=score,
                            tradeoff_rigor=score),
    )


ALL = {s: float(i) for i, s in enumerate(SIGNALS)}


# ----- due_cues: the rules ---------------------------------------------------------------------

def keys(cues: list[tuple[str, str]]) -> list[str]:
    return [k for k, _ in cues]


def test_no_user_problem_by_minute_four_is_cued_with_the_time() -> None:
    assert due_cues(None, 239.0, 600, 1800, set()) == []
    assert due_cues(None, 245.0, 600, 1800, set()) == [
        ("hypothesis_4min", "4:05 in and no user problem yet; state it")
    ]
    assert due_cues(analysis(hypothesis=30.0), 245.0, 600, 1800, set()) == []


def test_two_minutes_before_the_window_closes_names_the_first_two_gaps() -> None:
    [(key, text)] = due_cues(analysis(hypothesis=10.0, lever=20.0), 480.0, 600, 1800, set())
    assert key == "window_2min"
    assert text == "Two minutes left in the signal window; no metric tie; no constraint yet"
    [(_, text)] = due_cues(analysis(**ALL), 480.0, 600, 1800, set())
    assert text.endswith("all five signals heard")
    assert due_cues(None, 100.0, 150, 1800, set()) == []  # a window this short has no warning


def test_the_window_closing_lists_every_gap_or_says_all_were_heard() -> None:
    cues = dict(due_cues(analysis(hypothesis=10.0, metric_tie=50.0), 600.0, 600, 1800, set()))
    assert cues["window_end"] == "Signal window closed: no constraint, no trade-off, no lever"
    cues = dict(due_cues(analysis(**ALL), 600.0, 600, 1800, set()))
    assert cues["window_end"] == "Signal window closed; every signal was heard in time"


def test_the_round_warning_comes_only_when_the_round_runs_past_the_window() -> None:
    assert "round_2min" in keys(due_cues(analysis(**ALL), 1690.0, 600, 1800, set()))
    assert "round_2min" not in keys(due_cues(analysis(**ALL), 1690.0, 600, 1800 - 500, set()))
    assert "round_2min" not in keys(due_cues(analysis(**ALL), 600.0, 600, 700, set()))


def test_a_cue_already_given_is_not_due_again() -> None:
    assert keys(due_cues(None, 600.0, 600, 1800, set())) == ["hypothesis_4min", "window_end"]
    assert keys(due_cues(None, 600.0, 600, 1800, {"hypothesis_4min"})) == ["window_end"]


# ----- the Coach --------------------------------------------------------------------------------

class Script:
    """The coach's inputs: the candidate's words so far and what the analyzer will make of them."""

    def __init__(self, *analyses: Analysis | Exception) -> None:
        self.analyses = list(analyses)
        self.cues: list[Cue] = []
        self.calls = 0
        self.events: list[ev.Event] = []

    def say(self, text: str, at: float) -> None:
        self.cues.append(Cue(start_s=at, end_s=at + 2, text=text, speaker="candidate"))

    def words(self) -> Transcript:
        return Transcript(cues=list(self.cues))

    def analyze(self, transcript: Transcript, scenario: object, window_s: float) -> Analysis:
        self.calls += 1
        assert scenario is SCENARIO and window_s == 600 and transcript.cues
        result = self.analyses.pop(0)
        if isinstance(result, Exception):
            raise result
        return result

    def coach(self, cues: bool = True, silence_notice_s: float = 20.0) -> Coach:
        return Coach(SCENARIO, 600, 1800, cues=cues, silence_notice_s=silence_notice_s,
                     words=self.words, emit=self.events.append, analyzer=self.analyze)

    def of(self, kind: type) -> list:
        return [e for e in self.events if isinstance(e, kind)]


def test_before_any_words_the_coach_does_not_analyze() -> None:
    script = Script()
    coach = script.coach()
    coach.listen(5.0)
    assert script.calls == 0 and coach.analysis is None and script.events == []


def test_each_signal_is_reported_once_in_the_order_it_was_said() -> None:
    first, second = analysis(lever=12.0), analysis(lever=12.0, metric_tie=20.0, hypothesis=16.0)
    script = Script(first, second)
    coach = script.coach()
    script.say("We shard the bid service.", 12.0)
    coach.listen(14.0)
    assert coach.analysis is first
    script.say("Buyers lose auctions; conversion goes up.", 16.0)
    coach.listen(22.0)
    assert coach.analysis is second
    heard = [(e.signal, e.at_s) for e in script.of(ev.SignalHeard)]
    assert heard == [("lever", 12.0), ("hypothesis", 16.0), ("metric_tie", 20.0)]


def test_a_failing_analyzer_keeps_the_last_analysis(caplog: pytest.LogCaptureFixture) -> None:
    good = analysis(lever=12.0)
    script = Script(good, RuntimeError("model file damaged"))
    coach = script.coach()
    script.say("We shard the bid service.", 12.0)
    coach.listen(14.0)
    with caplog.at_level(logging.ERROR):
        coach.listen(16.0)
    assert coach.analysis is good and "live analysis failed" in caplog.text
    assert len(script.of(ev.SignalHeard)) == 1


def test_the_final_analysis_settles_what_was_heard() -> None:
    script = Script(analysis(lever=12.0))
    coach = script.coach()
    script.say("We shard the bid service.", 12.0)
    coach.listen(14.0)
    final = analysis(lever=12.0, tradeoff=40.0)
    coach.settle(final, 50.0)
    assert coach.analysis is final
    assert [e.signal for e in script.of(ev.SignalHeard)] == ["lever", "tradeoff"]


def test_coach_mode_gives_each_cue_once_when_its_time_comes() -> None:
    script = Script()
    coach = script.coach()
    coach.tick(100.0)
    assert script.of(ev.CoachCue) == []
    for now in (245.0, 246.0, 250.0):
        coach.tick(now)
    [cue] = script.of(ev.CoachCue)
    assert (cue.key, cue.at_s) == ("hypothesis_4min", 245.0)
    coach.tick(605.0)
    assert [c.key for c in script.of(ev.CoachCue)] == ["hypothesis_4min", "window_end"]


def test_the_cues_follow_the_live_analysis() -> None:
    script = Script(analysis(hypothesis=30.0))
    coach = script.coach()
    script.say("The user problem is late bids.", 30.0)
    coach.listen(32.0)
    coach.tick(245.0)
    assert script.of(ev.CoachCue) == []  # the user problem was stated: nothing to say at 4:00


def test_exam_mode_follows_the_signals_and_whispers_nothing() -> None:
    script = Script(analysis(lever=12.0))
    coach = script.coach(cues=False)
    script.say("We shard the bid service.", 12.0)
    coach.listen(14.0)
    for now in (245.0, 480.0, 600.0, 1700.0):
        coach.tick(now)
    assert script.of(ev.CoachCue) == [] and len(script.of(ev.SignalHeard)) == 1


def test_a_long_silence_is_reported_once_per_stretch() -> None:
    script = Script()
    coach = script.coach(silence_notice_s=20.0)
    for silent in (5.0, 19.9, 20.0, 21.0, 30.0):
        coach.quiet(silent, 100.0 + silent)
    assert [(e.silent_s, e.at_s) for e in script.of(ev.SilenceNoticed)] == [(20.0, 120.0)]
    coach.quiet(0.0, 131.0)  # the candidate spoke
    coach.quiet(25.0, 156.0)
    assert len(script.of(ev.SilenceNoticed)) == 2
    coach.new_answer()  # a new answer starts a new stretch even if the level report did not
    coach.quiet(25.0, 200.0)
    assert len(script.of(ev.SilenceNoticed)) == 3


def test_a_zero_threshold_never_reports_silence() -> None:
    script = Script()
    coach = script.coach(silence_notice_s=0.0)
    coach.quiet(600.0, 700.0)
    assert script.of(ev.SilenceNoticed) == []


def test_listening_from_two_threads_reports_each_signal_once() -> None:
    script = Script(*[analysis(lever=12.0, hypothesis=16.0) for _ in range(40)])
    coach = script.coach()
    script.say("We shard the bid service for buyers who lose auctions.", 12.0)
    threads = [threading.Thread(target=lambda: [coach.listen(20.0) for _ in range(20)])
               for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(e.signal for e in script.of(ev.SignalHeard)) == ["hypothesis", "lever"]
