"""The round engine with fakes and a fake clock: every state, follow-up triggers, window timing."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from roundkit import HYPOTHESIS, KAFKA, LEVER_ONLY, METRIC, SCENARIO, Harness

from voice_sim.config import Settings
from voice_sim.core import events as ev
from voice_sim.core.engine import EngineError, RoundConfig, State
from voice_sim.core.fakes import FakeAnswer


def test_a_whole_round_walks_every_state(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS), FakeAnswer("Under 200 ms.")], pushiness="gentle")
    r = h.round
    assert r.state == State.IDLE
    r.start()
    assert r.state == State.WAITING
    h.answer()
    assert r.state == State.ANSWERED
    assert r.next() is True
    assert r.state == State.WAITING
    h.answer()
    r.pause()
    assert r.state == State.PAUSED
    r.resume()
    assert r.state == State.ANSWERED
    session = r.end_round()
    assert r.state == State.DONE
    assert h.states == [
        "prompting", "waiting", "answering", "transcribing", "answered", "following_up",
        "waiting", "answering", "transcribing", "answered", "paused", "answered",
        "wrapping_up", "done",
    ]
    assert session.status == "complete"
    assert [s.kind for s in session.segments] == ["prompt", "answer", "followup", "answer", "wrapup"]
    assert h.of(ev.RoundEnded)[-1].session is session


def test_segments_are_on_the_round_clock_from_the_first_word(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS, think_s=5)])
    h.clock.advance(42)  # time before the round starts does not count
    h.round.start()
    h.answer()
    segs = h.round.session.segments
    prompt, answer = segs
    assert prompt.start_s == 0
    assert prompt.end_s == pytest.approx(len(SCENARIO.prompt.split()) * 60 / 150, abs=0.01)
    assert answer.start_s == prompt.end_s
    assert answer.end_s == pytest.approx(answer.start_s + 5 + len(HYPOTHESIS.split()) * 60 / 150, abs=0.01)
    cue = h.round.candidate_transcript().cues[0]
    assert cue.start_s == pytest.approx(answer.start_s + 5)
    for a, b in itertools.pairwise(segs):
        assert a.end_s <= b.start_s


def test_the_clock_counts_while_the_prompt_is_spoken(tmp_path: Path) -> None:
    """The screen shows time passing during the prompt; the prompt's first word stays time zero."""
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS)])
    seen: list[float] = []
    say = h.speaker.say

    def slow_to_start(text, persona):  # type: ignore[no-untyped-def]
        h.clock.advance(0.7)  # the speech engine warms up before the first word
        seen.append(h.round.now())  # what the screen reads while the prompt is being spoken
        return say(text, persona)

    h.speaker.say = slow_to_start  # type: ignore[method-assign]
    h.round.start()
    prompt = h.round.session.segments[0]
    assert prompt.start_s == 0
    assert seen[0] == pytest.approx(0.7)
    assert h.round.now() == pytest.approx(prompt.end_s) and prompt.end_s > 1  # zero moved back


def test_calls_out_of_order_are_refused(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS)])
    with pytest.raises(EngineError, match="idle"):
        h.round.begin_answer()
    h.round.start()
    with pytest.raises(EngineError, match="waiting"):
        h.round.end_answer()
    with pytest.raises(EngineError):
        h.round.start()


# ----- follow-ups ------------------------------------------------------------------------------

def probes_asked(h: Harness) -> list[str]:
    return [s.probe for s in h.round.session.segments if s.kind == "followup"]


def test_a_lever_without_a_metric_tie_gets_the_business_question(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS + " " + LEVER_ONLY)])
    h.round.start()
    h.answer()
    assert h.round.next()
    spoke = h.of(ev.PanelSpoke)[-1]
    # in the candidate's own words, not a canned line
    assert spoke.segment.text == ("You said: \u201cWe will shard the bid service by seller ID\u201d. "
                                  "What does that achieve for the business?")
    assert spoke.segment.speaker == "Hiring manager" and spoke.reason
    about = h.of(ev.PanelSpeaking)[-1]  # announced before it was spoken, for a UI to show
    assert (about.text, about.kind, about.reason) == (spoke.segment.text, "followup", spoke.reason)
    assert h.events.index(about) < h.events.index(spoke)


def test_no_hypothesis_by_minute_four_asks_for_the_user_problem(tmp_path: Path) -> None:
    long_no_problem = FakeAnswer("Latency must stay under 200 ms for every bid.", think_s=250)
    h = Harness(tmp_path, [long_no_problem])
    h.round.start()
    h.answer()
    assert h.round.now() > 240
    h.round.next()
    assert probes_asked(h) == ["adaptive:hypothesis"]
    assert h.speaker.lines[-1][1] == "What user problem are we solving?"


def test_no_hypothesis_before_minute_four_is_not_pushed_yet(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer("Latency must stay under 200 ms for every bid.")])
    h.round.start()
    h.answer()
    h.round.next()
    assert probes_asked(h) == ["scripted:0"]


def test_a_bare_technology_choice_gets_why_that(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS + " " + KAFKA + " " + METRIC)])
    h.round.start()
    h.answer()
    h.round.next()
    assert probes_asked(h) == ["adaptive:rationale"]
    assert h.speaker.lines[-1][1] == "Why that and not something else?"


def test_each_adaptive_probe_is_asked_once_then_the_script(tmp_path: Path) -> None:
    answers = [FakeAnswer(HYPOTHESIS + " " + LEVER_ONLY), FakeAnswer("I am not sure."),
               FakeAnswer("Again not sure."), FakeAnswer("Fine."), FakeAnswer("Still fine.")]
    h = Harness(tmp_path, answers, max_followups=4)
    h.round.start()
    for _ in range(4):
        h.answer()
        assert h.round.next()
    h.answer()
    assert h.round.next() is False  # max_followups reached: wrap-up
    # A weak answer to a follow-up is pushed on once (the second level), never twice in a row.
    assert probes_asked(h) == ["adaptive:metric_tie", "second:adaptive:metric_tie", "scripted:0",
                               "second:scripted:0"]
    assert h.round.state == State.DONE
    assert h.round.session.segments[-1].kind == "wrapup"


def test_gentle_panels_only_use_the_script(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS + " " + LEVER_ONLY + " " + KAFKA)] * 1,
                pushiness="gentle")
    h.round.start()
    h.answer()
    h.round.next()
    assert probes_asked(h) == ["scripted:0"]
    assert h.speaker.lines[-1] == ("Senior PM", SCENARIO.probes[0].text)


def test_no_followups_wraps_up_after_the_first_answer(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS)], max_followups=0)
    h.round.start()
    h.answer()
    assert h.round.next() is False and h.round.state == State.DONE


def test_time_up_wraps_up_instead_of_asking(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS, think_s=100)], round_s=90.0, window_s=60.0)
    h.round.start()
    h.answer()
    assert h.of(ev.TimeUp)
    assert h.round.next() is False
    assert h.speaker.lines[-1][1].startswith("That's time")


# ----- window timing and coaching ----------------------------------------------------------------

def test_signals_are_heard_on_the_round_clock_as_they_are_said(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(LEVER_ONLY + " " + HYPOTHESIS, think_s=10)])
    h.round.start()
    h.round.begin_answer()
    h.source.play(until_s=18)  # the lever sentence is done, the hypothesis not yet
    heard = {e.signal: e.at_s for e in h.of(ev.SignalHeard)}
    assert set(heard) == {"lever"}
    prompt_end = h.round.session.segments[0].end_s
    assert heard["lever"] == pytest.approx(prompt_end + 10, abs=0.01)
    h.source.play()
    h.round.end_answer()
    assert "hypothesis" in {e.signal for e in h.of(ev.SignalHeard)}


def test_coach_mode_cues_at_eight_minutes_what_is_missing(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS + " " + LEVER_ONLY, think_s=455)])
    h.round.start()
    h.answer(until_s=620)
    cues = {c.key: c for c in h.of(ev.CoachCue)}
    assert "window_2min" in cues
    cue = cues["window_2min"]
    assert 480 <= cue.at_s < 482
    assert cue.text.startswith("Two minutes left in the signal window") and "no metric tie" in cue.text
    assert cues["window_end"].at_s >= 600


def test_coach_cue_for_a_missing_hypothesis_at_four_minutes(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer("Latency must stay under 200 ms.", think_s=300)])
    h.round.start()
    h.answer()
    [cue] = [c for c in h.of(ev.CoachCue) if c.key == "hypothesis_4min"]
    assert 240 <= cue.at_s < 242


def test_exam_mode_says_nothing_until_the_end(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(LEVER_ONLY, think_s=700)], mode="exam")
    h.round.start()
    h.answer()
    assert h.of(ev.CoachCue) == []


def test_silence_is_reported_once_per_stretch_and_never_ends_the_answer(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer("One. Two.", think_s=45)])
    h.round.start()
    h.round.begin_answer()
    h.source.play(until_s=44)
    notices = h.of(ev.SilenceNoticed)
    assert len(notices) == 1 and notices[0].silent_s == pytest.approx(20, abs=1)
    assert h.round.state == State.ANSWERING
    h.source.play()
    h.round.end_answer()
    assert len(h.of(ev.LevelChanged)) > 40


# ----- pause, end, abort, failures ---------------------------------------------------------------

def test_pause_stops_the_round_clock(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS)])
    h.round.start()
    before = h.round.now()
    h.round.pause()
    h.clock.advance(300)
    assert h.round.now() == pytest.approx(before)
    h.round.resume()
    assert h.round.state == State.WAITING
    h.clock.advance(2)
    assert h.round.now() == pytest.approx(before + 2)


def test_pause_while_answering_saves_the_answer_first(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS + " " + LEVER_ONLY)])
    h.round.start()
    h.round.begin_answer()
    h.source.play(until_s=6)
    h.round.pause()
    assert h.round.state == State.PAUSED
    answer = h.round.session.segments[-1]
    assert answer.kind == "answer" and answer.text.startswith("The user problem")
    h.round.resume()
    assert h.round.state == State.ANSWERED


def test_end_round_mid_answer_keeps_the_answer(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS + " " + LEVER_ONLY)])
    h.round.start()
    h.round.begin_answer()
    h.source.play(until_s=6)
    session = h.round.end_round()
    assert session.status == "complete"
    assert [s.kind for s in session.segments] == ["prompt", "answer", "wrapup"]
    assert h.store.writers[0].analysis.signals["hypothesis"].present
    with pytest.raises(EngineError):
        h.round.begin_answer()
    assert h.round.end_round() is session  # twice is harmless


def test_abort_saves_an_incomplete_round_without_waiting(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS)])
    h.round.start()
    h.round.begin_answer()
    h.source.play(until_s=3)
    session = h.round.abort()
    assert h.round.state == State.ABORTED
    assert session.status == "incomplete" and session.status_reason
    assert [s.kind for s in session.segments] == ["prompt", "answer"]
    assert h.of(ev.RoundEnded)


def test_a_broken_speech_engine_goes_on_text_only(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS), FakeAnswer(METRIC)], pushiness="gentle")
    h.speaker.fail = True
    h.round.start()
    h.answer()
    h.round.next()
    problems = h.of(ev.Problem)
    assert len(problems) == 1 and "text-only" in problems[0].message
    assert [s.text for s in h.round.session.segments if s.speaker != "candidate"] == [
        SCENARIO.prompt, SCENARIO.probes[0].text,
    ]


def test_a_failing_transcriber_keeps_the_live_words(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS)])
    h.round.start()
    h.round.begin_answer()
    h.source.play()

    def boom() -> None:
        raise RuntimeError("decoder crashed")

    h.transcriber.streams[-1].finish = boom  # type: ignore[method-assign]
    seg = h.round.end_answer()
    assert seg.text == HYPOTHESIS
    assert any("decoder crashed" in p.message for p in h.of(ev.Problem))


def test_a_source_that_cannot_start_leaves_the_round_waiting(tmp_path: Path) -> None:
    h = Harness(tmp_path, [])
    h.round.start()
    with pytest.raises(RuntimeError, match="no more scripted answers"):
        h.round.begin_answer()
    assert h.round.state == State.WAITING
    assert [s.kind for s in h.round.session.segments] == ["prompt"]


def test_a_file_faster_than_real_time_still_gets_its_full_length(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS)])
    h.round.start()
    h.round.begin_answer()
    h.source.play()
    h.clock.advance(-0.0)
    h.source.stop = lambda: __import__("voice_sim.core.ports", fromlist=["Recording"]).Recording(  # type: ignore[method-assign]
        h.source.path, 90.0)
    seg = h.round.end_answer()
    assert seg.end_s == pytest.approx(seg.start_s + 90.0)
    h.round.next()
    assert h.round.session.segments[-1].start_s >= seg.end_s


def test_listener_errors_do_not_stop_the_round(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS)])

    def bad(event: object) -> None:
        raise ValueError("ui bug")

    h.round._listener = bad
    h.round.start()
    h.answer()
    assert h.round.state == State.ANSWERED


def test_config_from_settings_and_drill_rounds() -> None:
    from voice_sim.config import Settings
    from voice_sim.core.engine import RoundConfig

    s = Settings()
    c = RoundConfig.from_settings(s, SCENARIO)
    assert c.round_s == SCENARIO.round_minutes * 60 and c.window_s == SCENARIO.window_s
    assert c.mode == "coach" and c.personas[0].name == "Hiring manager"
    s.round.kind = "drill"
    assert RoundConfig.from_settings(s, SCENARIO, mode="exam").round_s == SCENARIO.window_s
    assert RoundConfig.from_settings(s, SCENARIO, mode="exam").mode == "exam"


def test_a_whatif_drill_fires_each_whatif_once_with_ninety_seconds_each(tmp_path: Path) -> None:
    config = RoundConfig.from_settings(Settings(), SCENARIO, kind="whatif")
    assert (config.kind, config.max_followups) == ("whatif", 1)  # two what-ifs: the prompt's and one more
    long_answer = " ".join(["We fall back to the database and reconcile within thirty seconds."] * 40)
    h = Harness(tmp_path, [FakeAnswer(long_answer), FakeAnswer("We cap the spend at ten thousand a month.")],
                kind=config.kind, round_s=config.round_s, max_followups=config.max_followups)
    h.round.start()
    prompt = h.speaker.lines[0][1]
    assert prompt.startswith("A what-if drill on live bidding") and prompt.endswith(SCENARIO.probes[0].text)
    h.round.begin_answer()
    h.source.play()
    [limit] = h.of(ev.AnswerTimeUp)  # reported once, at 90 s into the answer
    assert limit.limit_s == 90 and limit.at_s - h.round.session.segments[-1].start_s >= 90
    h.round.end_answer()
    assert h.round.next()
    assert h.speaker.lines[-1][1] == SCENARIO.probes[1].text
    h.answer()
    assert h.round.next() is False
    assert probes_asked(h) == ["whatif:1"]
    h.round.end_round()
    analysis = h.store.writers[0].analysis  # replies to what-ifs: not held to the opening's signals
    assert not [f.code for f in analysis.flags if f.code.startswith(("missing_", "late_"))]
    assert "follow-up" in analysis.scorecard.window
