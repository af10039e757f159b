"""A follow-up answer judged by what the follow-up asks: the guide's model answer and its bad one,
through analyze() and `voice-sim analyze --followup`."""

import json

from voice_sim.cli import main
from voice_sim.core.analysis import analyze
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
