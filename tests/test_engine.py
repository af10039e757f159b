"""The round engine with fakes and a fake clock: every state, follow-up triggers, window timing."""

from __future__ import annotations

from pathlib import Path

import pytest

from roundkit import HYPOTHESIS, KAFKA, LEVER_ONLY, METRIC, SCENARIO, Harness
from voice_sim.core import events as ev
from voice_sim.core.engine import EngineError, State
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
    for a, b in zip(segs, segs[1:]):
        assert a.end_s <= b.start_s


def test_calls_out_of_order_are_refused(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS)])
    with pytest.raises(EngineError, match="idle"):
        h.round.begin_answer()
    h.round.start()
    with pytest.raises(EngineError, match="waiting"):
        h.round.end_answer()
    with pytest.raises(EngineError):
        h.round.start()
