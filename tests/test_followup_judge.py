"""A follow-up answer judged by what the follow-up asks: the guide's model answer and its bad one,
through analyze() and `voice-sim analyze --followup`."""

import importlib
import json

import pytest

from voice_sim.cli import main
from voice_sim.core.analysis import analyze, find_statements
from voice_sim.core.analysis.features import passages_of
from voice_sim.core.analysis.judge import judge_by_rules
from voice_sim.core.models import Cue, Transcript

QUESTION = "What if the cache invalidation fails during a flash sale?"
STRONG = [
    "First we stop trusting the cached count and page on-call if the mismatch tops one percent.",
    "Then we fall back to a conditional decrement on the database, which adds about forty milliseconds a tap.",
    "Within thirty seconds we reconcile and refund anyone oversold, so the exposure stays under five thousand dollars.",
]
WEAK = ["We'll add a fallback to the DB."]


def reply(lines: list[str]) -> Transcript:
    cues = [Cue(start_s=0, end_s=4, text=QUESTION, speaker="Senior PM")]
    cues += [Cue(start_s=5 + 7 * i, end_s=11 + 7 * i, text=t, speaker="candidate") for i, t in enumerate(lines)]
    return Transcript(cues=cues)


def test_a_mitigation_plan_with_numbers_and_a_threshold_is_judged_strong():
    j = analyze(reply(STRONG), followup=QUESTION).judgement
    assert j is not None
    assert {k: getattr(j, k).present for k in ("addressed", "hierarchy", "numbers", "ownership", "tradeoff")} == \
        dict.fromkeys(("addressed", "hierarchy", "numbers", "ownership", "tradeoff"), True)
    assert j.hierarchy.evidence[0].start_s == 5 and len(j.hierarchy.evidence) >= 2


def test_the_one_step_fallback_is_not_a_hierarchy():
    j = analyze(reply(WEAK), followup=QUESTION).judgement
    assert j is not None and not j.hierarchy.present and not j.numbers.present and not j.ownership.present


def test_handing_the_call_to_engineering_is_not_ownership():
    lines = STRONG + ["But honestly the tech lead decides whether we pause the sale, that's engineering's call."]
    j = analyze(reply(lines), followup=QUESTION).judgement
    assert j is not None and not j.ownership.present


def judged(question: str, lines: list[str]):
    cues = [Cue(start_s=0, end_s=4, text=question, speaker="Senior PM")]
    cues += [Cue(start_s=5 + 7 * i, end_s=11 + 7 * i, text=t, speaker="candidate") for i, t in enumerate(lines)]
    j = analyze(Transcript(cues=cues), followup=question).judgement
    assert j is not None
    return j


def by_rules(question: str, lines: list[str]):
    """The hand-written rules' judgement alone (the model reads it as features)."""
    cues = [Cue(start_s=0, end_s=4, text=question, speaker="Senior PM")]
    cues += [Cue(start_s=5 + 7 * i, end_s=11 + 7 * i, text=t, speaker="candidate") for i, t in enumerate(lines)]
    t = Transcript(cues=cues)
    passages = passages_of(t)
    return judge_by_rules(passages, find_statements(t, passages=passages), question)


THIRTY_DAYS = "If you only had thirty days, what would you ship first?"
SAID_BACK = ["Thirty days, so I'd cut the calendar view and ship the reminder push first."]
OWN_NUMBERS = ["Thirty days, so the reminder push ships in week one and the calendar by day twenty."]
REGION = "Say the orchestration region fails with a hundred thousand viewers watching. What happens?"
TOOK_ON = ["If the region fails, we fail over to the standby region and viewers reconnect within ten seconds."]
HANDED = ["On the failover piece, I'd lean on the engineering team to figure out the right approach.",
          "If the region fails, I'm confident we recover."]


def test_the_questions_own_number_said_back_is_not_a_number():
    assert not judged(THIRTY_DAYS, SAID_BACK).numbers.present
    assert not by_rules(THIRTY_DAYS, SAID_BACK).numbers.present
    assert by_rules(THIRTY_DAYS, OWN_NUMBERS).numbers.present


def test_handing_the_change_to_someone_else_does_not_take_it_on():
    assert not judged(REGION, HANDED).addressed.present
    assert not by_rules(REGION, HANDED).addressed.present
    assert by_rules(REGION, TOOK_ON).addressed.present


# One-sentence replies: the training answers run three to eight sentences, so the learned judge can
# miss them. Retraining can move them; update the known miss with the model (scripts/train_followups.py).
@pytest.mark.xfail(strict=True, reason="known miss of the learned follow-up judge")
def test_a_one_sentence_reply_that_gives_its_own_numbers():
    assert judged(THIRTY_DAYS, OWN_NUMBERS).numbers.present


def test_a_one_sentence_reply_that_takes_the_question_on():
    assert judged(REGION, TOOK_ON).addressed.present


def test_a_business_question_needs_a_business_metric_not_throughput():
    question = "You said shard by auction ID. What does that achieve for the business?"
    tech = ["Sharding by auction ID lets each shard take eight thousand bids a second at p99 under forty milliseconds."]
    business = ["Sharding by auction ID keeps a hot auction from slowing the others, which should lift sell-through "
                "about two points."]
    assert not judged(question, tech).addressed.present
    assert judged(question, business).addressed.present


def test_saying_what_is_not_cut_is_still_a_cut_list():
    j = judged("What would you cut to ship this in 30 days?",
               ["For 30 days I keep the scheduling calendar and the reminder push.",
                "First cut: recurring drops go; sellers book each drop by hand.",
                "What I don't cut: the reminder lands at least 10 minutes before the drop."])
    assert j.addressed.present


def test_no_followup_no_judgement():
    assert analyze(reply(STRONG)).judgement is None


def test_analyze_followup_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "answer.json"
    path.write_text(json.dumps([c.model_dump() for c in reply(STRONG).cues]))
    assert main(["analyze", str(path), "--followup", QUESTION, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["judgement"]["hierarchy"]["present"] is True and out["judgement"]["hierarchy"]["evidence"]
    assert main(["analyze", str(path), "--followup", "  "]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "--followup" in err


def test_a_damaged_judge_model_is_one_clear_line(tmp_path, capsys, monkeypatch):
    judge_module = importlib.import_module("voice_sim.core.analysis.judge")
    broken = tmp_path / "followup_model.npz"
    broken.write_bytes(b"garbage")
    monkeypatch.setattr(judge_module, "WEIGHTS", broken)
    judge_module.default_judge_model.cache_clear()
    try:
        path = tmp_path / "answer.json"
        path.write_text(json.dumps([c.model_dump() for c in reply(STRONG).cues]))
        assert main(["analyze", str(path), "--followup", QUESTION]) == 2
    finally:
        judge_module.default_judge_model.cache_clear()
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "follow-up judge" in err and "damaged" in err and "reinstall" in err


def test_a_reply_to_a_follow_up_is_not_held_to_the_openings_signals():
    """The guide's model mitigation answer states no hypothesis and needs none: judged as the reply
    to its follow-up, it gets no missing or late flags, and the scorecard says how it is judged."""
    a = analyze(reply(STRONG), followup=QUESTION)
    assert not [f.code for f in a.flags if f.code.startswith(("missing_", "late_"))]
    assert "follow-up" in a.scorecard.window
    alone = analyze(reply(STRONG))
    assert "missing_hypothesis" in [f.code for f in alone.flags] and "carried" in alone.scorecard.window


def test_the_answer_level_stage_decides_and_its_evidence_is_the_best_passage():
    """A second stage that says yes to everything: every item is present (ownership too, as nothing
    hands it off), each with a passage as evidence, even where no passage clears the bar."""
    import dataclasses

    import numpy as np

    from voice_sim.core.analysis.judge import ITEMS, answer_features, default_judge_model, judge

    t = reply(WEAK)
    passages = passages_of(t)
    model = default_judge_model()
    width = len(answer_features(np.zeros((1, len(ITEMS))), [], 0))
    always = np.zeros((len(ITEMS), width))
    always[:, 0] = 10.0
    j = judge(passages, find_statements(t, passages=passages), QUESTION, model=dataclasses.replace(model, stack=always))
    for item in ITEMS:
        assert getattr(j, item).present and getattr(j, item).evidence[0].text == WEAK[0]
    assert model.stack is not None and model.stack.shape == (len(ITEMS), width)  # the shipped model has the stage


def test_a_judge_model_whose_answer_stage_does_not_fit_is_one_clear_line(tmp_path):
    import numpy as np

    from voice_sim.core.analysis.judge import WEIGHTS
    from voice_sim.core.analysis.model import ModelError, StatementModel

    with np.load(WEIGHTS) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["stack"] = arrays["stack"][:2]
    bad = tmp_path / "followup_model.npz"
    np.savez(bad, **arrays)
    with pytest.raises(ModelError, match="shapes do not match; retrain it"):
        StatementModel.load(bad, "follow-up judge", "scripts/train_followups.py")
