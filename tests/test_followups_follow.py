"""Follow-ups that follow the candidate: a probe quoting a lever is asked only when that lever was
said, in the candidate's words; a weak answer to a follow-up is pushed on once (the second level)."""

from voice_sim.core.analysis import analyze
from voice_sim.core.followups import CUT_FOR_MVP, LastAnswer, choose_followup
from voice_sim.core.models import Cue, Transcript
from voice_sim.core.scenario import Probe, Scenario

SCENARIO = Scenario(
    id="t", title="Test", domain="auction bidding", context="a test scenario",
    prompt="Design the bidding system for live auctions, please.",
    probes=[Probe(text="You chose to shard by seller. What does that achieve for the business?"),
            Probe(text="What if the cache fails mid auction?", tests="consistency"),
            Probe(text="If you had thirty days, what would you ship first?", tests="prioritisation")],
    constraints=["bid acknowledged under 200 ms"], levers=["shard"], metrics=["bids per auction"],
    strong_opening="My bet is that bidders bid more when they trust the close.",
)


def said(*lines: str):  # type: ignore[no-untyped-def]
    return analyze(Transcript(cues=[Cue(start_s=i * 6, end_s=i * 6 + 5, text=t) for i, t in enumerate(lines)]))


def test_a_probe_that_quotes_an_unsaid_lever_is_skipped():
    a = said("My bet is that bidders give up when late bids are lost.", "We cache the lot page at the edge.")
    asked: set[str] = set()
    fu = choose_followup(a, 60, SCENARIO, asked, "gentle")
    assert fu is not None and fu.key == "scripted:1" and "scripted:0" in asked


def test_a_probe_that_quotes_a_said_lever_uses_the_candidates_words():
    a = said("So we shard the bid book by seller ID so one hot seller stays on its own node.")
    fu = choose_followup(a, 60, SCENARIO, set(), "gentle")
    assert fu is not None and fu.key == "scripted:0"
    assert fu.text.startswith("You said: \u201c") and "shard the bid book by seller ID" in fu.text
    assert fu.text.endswith("What does that achieve for the business?")


def test_a_one_step_answer_is_pushed_once():
    question = SCENARIO.probes[1].text
    reply = Transcript(cues=[Cue(start_s=0, end_s=3, text=question, speaker="Senior PM"),
                             Cue(start_s=4, end_s=7, text="We'll add a fallback to the DB.", speaker="candidate")])
    j = analyze(reply, followup=question).judgement
    assert j is not None
    last = LastAnswer("scripted:1", question, j)
    fu = choose_followup(None, 60, SCENARIO, {"scripted:0", "scripted:1"}, "firm", last)
    assert fu is not None and fu.key == "second:scripted:1" and fu.reason.startswith("second level")
    again = LastAnswer("second:scripted:1", fu.text, j)
    nxt = choose_followup(None, 60, SCENARIO, {"scripted:0", "scripted:1", fu.key}, "firm", again)
    assert nxt is not None and nxt.key == "scripted:2"  # never a third push


def test_an_mvp_answer_that_cuts_nothing_is_asked_what_to_cut():
    question = SCENARIO.probes[2].text
    reply = Transcript(cues=[Cue(start_s=0, end_s=3, text=question, speaker="Senior PM"),
                             Cue(start_s=4, end_s=9, text="Honestly we can't cut anything, the whole pipeline is core.",
                                 speaker="candidate")])
    j = analyze(reply, followup=question).judgement
    assert j is not None
    fu = choose_followup(None, 60, SCENARIO, {"scripted:0", "scripted:1", "scripted:2"}, "firm",
                         LastAnswer("scripted:2", question, j))
    assert fu is not None and fu.text == CUT_FOR_MVP
