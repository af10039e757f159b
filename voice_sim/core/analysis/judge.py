"""Judging a follow-up answer by what the follow-up asks, as the guide's panels do.

Five judgements, each with the passages that show it: did the answer take on what the question
changed (`addressed`), lay out a mitigation hierarchy or staged plan (`hierarchy`), give numbers of
the kind the question needs (`numbers`), own the risk with a threshold or decision rather than
hand it to engineering (`ownership`), and name what the mitigation costs (`tradeoff`).

The hand-written rules (`judge_by_rules`) read the candidate's words, the statement findings and the
follow-up's own wording (and the scenario's note of what it changes, when there is one). The
verdicts come from a small learned model over each passage (followup_model.npz, trained by
scripts/train_followups.py on the labelled follow-ups in tests/data, never on the held-back sets):
its features are the passage's words, how it relates to the question (its terms, the kind of number
it needs) and the rules' own verdicts, so the model learns where the rules are wrong. A second,
answer-level stage decides each item from the passages' scores taken together (the best two, the
mean, the first and last, the other items' best) and the answer's own traits (the rules' verdicts,
the question's topics); the passages scoring high on an item are its evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from voice_sim.core.analysis import lexicon as lx
from voice_sim.core.analysis import statements as st
from voice_sim.core.analysis.features import Passage, tokens
from voice_sim.core.analysis.model import StatementModel
from voice_sim.core.analysis.statements import Finding
from voice_sim.core.models import Evidence, Judgement, JudgementItem

ITEMS = ("addressed", "hierarchy", "numbers", "ownership", "tradeoff")
WEIGHTS = Path(__file__).with_name("followup_model.npz")
EVIDENCE_BAR = 0.5  # once an item is present, passages scoring this much are its evidence too

# What a question can change, and the words an answer uses when it takes that on.
TOPICS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "latency": (
        re.compile(r"\b(?:latency|ms|milliseconds?|sub-?second|under (?:a|one|\w+) seconds?|fast(?:er)?|slow(?:s|er)?|p9\d)\b", re.I),
        re.compile(r"\b(?:latency|ms|milliseconds?|seconds?|p9\d|budget|fast|slow|round trips?|hops?)\b", re.I),
    ),
    "cost": (
        re.compile(r"\b(?:cost|costs|monthly|budget|spend|bill|expensive|cheap|dollars?|memory)\b|\$", re.I),
        re.compile(r"\b(?:cost|costs|per month|a month|monthly|budget|bill|spend|dollars?|grand|k\b|thousand)\b|\$", re.I),
    ),
    "residency": (
        re.compile(r"\b(?:residen\w*|regulat\w*|region|eu|europe\w*|gdpr|audit|compliance|legal|law|years?)\b", re.I),
        re.compile(r"\b(?:residen\w*|region\w*|eu|europe\w*|gdpr|audit\w*|complian\w*|regulat\w*|retention|"
                   r"legal|local|in-country|years?)\b", re.I),
    ),
    "failure": (
        re.compile(r"\b(?:fail\w*|down|outage|drops?|breaks?|stale|desync\w*|stampede|surge|spike|10x|oversell\w*|"
                   r"double-?send\w*|out of order|slow(?:s|ing)? down|doubl\w*)\b", re.I),
        re.compile(r"\b(?:fail\w*|fall ?back|failover|degrad\w*|detect\w*|alert\w*|stale|recover\w*|reconcil\w*|"
                   r"retr(?:y|ies)|circuit|timeout|queue\w*|shed\w*|rate[- ]limit\w*|cap\w*|pause\w*|resync\w*|"
                   r"dedup\w*|idempot\w*|refund\w*|compensat\w*|cancel\w*|order\w*|sequence\w*|re-sync\w*|"
                   r"take[sn]? over|source of truth|heartbeat|reconnect\w*|pre-?scal\w*|scal(?:e|es|ed|ing) (?:up|out)|"
                   r"waiting room|admission|throttl\w*|bitrate|priorit\w*|lower quality)\b", re.I),
    ),
    "mvp": (
        re.compile(r"\b(?:mvp|30 days|thirty days|ship first|cut|first version|weeks?)\b", re.I),
        re.compile(r"\b(?:mvp|30 days|thirty days|cut|drop|ship|first|later|phase|v1|v2|defer|out of scope|"
                   r"weeks?|manual\w*)\b", re.I),
    ),
    "business": (
        re.compile(r"\b(?:business|achieve|why does (?:that|it) matter|so what)\b", re.I),
        re.compile(rf"{lx.METRIC}|\b(?:revenue|gmv|conversion|sellers?|buyers?|retention|sell-through|"
                   rf"bids?|orders?|churn|trust)\b", re.I),
    ),
}
# Handing the question's change to someone else, or declining to change anything: not taking it on.
DEFLECTS = re.compile(
    r"\b(?:lean on|leave (?:it|that|this|the \w+(?: \w+)?) to|(?:engineering|the team|they)(?:'ll| will) (?:tell|figure)|"
    r"(?:that's|it's) (?:legal|engineering|the team)'s call|figure out the right approach|"
    r"exactly as designed|zoom out|not the thing to obsess)\b",
    re.I,
)
STEP_FIRST = re.compile(
    r"\b(?:first(?:ly)?|immediately|right away|step one|to start|the moment|as soon as|detect\w*|alert\w*|"
    r"page\w*|stop\w*|paus\w*|freez\w*|contain\w*|circuit[- ]break\w*|kill switch|step one|pilot|beta|"
    r"start with|launch to|weeks? one)\b", re.I)
STEP_FALLBACK = re.compile(
    r"\b(?:fall ?back|fails? over|failover|degrad\w*|switch(?:es)? to|read-only|serve (?:the )?(?:stale|cached|last)|"
    r"route\w* to|shed\w*|queue\w*|waiting room|backup|secondary|second region|instead)\b", re.I)
STEP_RECOVER = re.compile(
    r"\b(?:afterwards|within (?:\w+ ){1,2}(?:seconds|minutes|hours|days)|reconcil\w*|compensat\w*|step (?:two|three|2|3)|second(?:ly)?,|third(?:ly)?,|"
    r"refund\w*|replay\w*|recover\w*|restor\w*|backfill\w*|cancel\w*|re-?sync\w*|post-?mortem|apolog\w*|coupon\w*|"
    r"credit\w*|if that (?:isn't|is not|doesn't|does not|fails|still)|if (?:it's |that's )?not enough|phase two|"
    r"second step|the next thing|next step)\b"
    r"|\bif\b[^.]{0,60}\b(?:stays?|don't|doesn't|slips?|fails?|miss(?:es)?|still|isn't|is not)\b", re.I)
NUMBER = re.compile(
    rf"\b(?:one|a|\d+)\s+(?:\w+\s+)?in\s+(?:\d[\d,]*|{lx.NUMWORD})(?:\s+(?:hundred|thousand|million))?\b"  # a share
    rf"|(?:\$\s*\d|\b(?:\d[\d.,]*|{lx.NUMWORD})(?:\s+(?:hundred|thousand|million))?\s*"
    r"(?:ms|milli ?seconds?|seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?|years?|%|percent|points?\b|"
    r"k\b|grand|(?:reads?|writes?|requests?|messages?|events?) (?:a|per) second|"
    r"thousand dollars|"
    r"dollars?|bucks|orders?|bids?|users?|viewers?|buyers?|sellers?|drops?|lots?|slots?|units?|taps?|"
    r"x\b|per month|a month|nines))"
    r"|\b(?:a|an|one|half an?)\s+(?:minute|hour|second|day|week)\b"
    r"(?=\s*(?:[,.;!?]|$|(?:of|or|to|and|after|before|later|ago|max|at|in|per)\b))"
    r"|\bweek (?:one|two|three|four|five|six|\d+)\b|\bday (?:one|\d+)\b",
    re.I,
)
CAPACITY = re.compile(r"\b(?:qps|rps|requests? (?:a|per) second|writes? (?:a|per) second|messages? (?:a|per) second)\b",
                      re.I)
OWNS = re.compile(
    r"\b(?:i'd|i would|i'll|i will|we'll|we will|i'm going to|my call is to|i want to)\s+(?:\w+\s+)?"
    r"(?:set|page|alert|own|decide|make the call|call it|pause|cap|commit|hold|define|draw the line|put|pull|stop|"
    r"kill|trigger|roll ?back|accept|choose|pick|go with)\b"
    r"|\b(?:sla|slo|threshold|trigger|alert at|page at|my call|i own|i'm accountable|i decide|i'd decide|"
    r"that's on me|on me|my decision|i make the call|i'd make the call|i want to be paged|page me|sign off|"
    r"is mine|mine, not|i take (?:this|the|that) decision|my rule|my bar|i freeze|i'm the one who|i flip|"
    r"trips? an? alarm|alarm (?:at|above|if|when)|page\w* (?:on-?call|the on-?call|someone|us|me)|"
    r"(?:tops|exceeds|crosses|goes (?:above|over)) (?:\w+ ){0,2}(?:percent|ms|milliseconds|seconds))\b",
    re.I,
)
COST_OF_IT = re.compile(
    r"\b(?:at the cost of|which adds|that adds|it adds|adds (?:about |roughly |maybe |another )?\w+|we give up|we lose|"
    r"we'd lose|we sacrifice|costs? us|cost(?:s)? (?:about|roughly|an extra|more)|in exchange for|the price is|"
    r"the trade-?off is|we accept|i accept|we'll accept|i'd accept|means (?:some|a few|slightly|more|higher|less)|"
    r"(?:slower|more expensive|less fresh|staler?) but|at the expense of|the downside is|the catch is|worth it)\b",
    re.I,
)
SHRUG = re.compile(r"\bthere (?:are|is) (?:always )?(?:some )?trade-?offs?\b|\bkind of a trade-?off\b", re.I)


def topics_of(question: str, changes: str = "") -> list[str]:
    text = f"{question} {changes}"
    found = [t for t, (asks, _) in TOPICS.items() if asks.search(text)]
    return found or ["failure"]


def _evidence(passages: list[Passage], hits: list[int]) -> list[Evidence]:
    seen: set[int] = set()
    out = []
    for i in hits:
        p = passages[i]
        if p.cue in seen:
            continue
        seen.add(p.cue)
        out.append(Evidence(start_s=p.start_s, end_s=p.end_s, text=p.raw))
    return out[:4]


def judge(passages: list[Passage], findings: list[Finding], question: str, changes: str = "",
          numbers: Sequence[str] = (), model: StatementModel | None = None) -> Judgement:
    """`passages` are the candidate's answer to `question`; `findings` the statements heard in it.
    `changes` and `numbers` are the scenario's note of what the question changes and which kinds of
    number a strong answer gives (scenario.Probe); without them the question's words decide."""
    model = model or default_judge_model()
    rules = judge_by_rules(passages, findings, question, changes, numbers)
    features = judge_features(passages, findings, question, changes, numbers, rules)
    scores = model.score_features(features)[:, [model.labels.index(k) for k in ITEMS]]
    ruled_out = vetoes(passages, findings)
    items = {}
    for j, item in enumerate(ITEMS):
        column = scores[:, j]
        if item in ruled_out or not len(column):
            present = False
        elif model.stack is not None:
            x = answer_features(scores, features[0], j)
            present = float(x @ model.stack[j]) >= 0.0  # probability 0.5
        else:
            present = float(column.max()) >= model.thresholds[item]
        bar = min(model.thresholds[item], EVIDENCE_BAR)  # every passage that shows it, not only the clearest
        hits = ([i for i in range(len(passages)) if column[i] >= bar] or [int(column.argmax())]) if present else []
        items[item] = JudgementItem(present=present, evidence=_evidence(passages, hits))
    return Judgement(**items)


def answer_features(scores: np.ndarray, traits: Sequence[str], j: int) -> np.ndarray:
    """The answer-level stage's view of item `j`: its passage scores taken together, the other items'
    best scores, and the answer's traits (the "A:" and "T:" features every passage carries)."""
    column = np.sort(scores[:, j])[::-1]
    x = [1.0, column[0], column[1] if len(column) > 1 else 0.0, column.mean(), (column >= 0.5).mean(),
         scores[0, j], scores[-1, j], min(len(column), 8) / 8]
    x += [scores[:, k].max() for k in range(len(ITEMS)) if k != j]
    x += [float(t in traits) for t in ANSWER_TRAITS]
    return np.array(x)


ANSWER_TRAITS = (*(f"A:rule_{k}=True" for k in ITEMS), "A:needs=True", "A:handoff=True", "A:deflect=True",
                 "A:defers=True", *(f"T:{t}" for t in TOPICS))


def vetoes(passages: list[Passage], findings: list[Finding]) -> set[str]:
    """Exact rules the model cannot overrule: handing the decision to engineering is not ownership,
    whatever else is said (SIGNALS.md)."""
    defers = any(f.kind == "defers_to_engineering" for f in findings) or any(st.DEFERS.search(p.text) for p in passages)
    return {"ownership"} if defers else set()


def judge_by_rules(passages: list[Passage], findings: list[Finding], question: str, changes: str = "",
                   numbers: Sequence[str] = ()) -> Judgement:
    """The hand-written rules' judgement; the model reads it as features."""
    kinds: dict[int, set[str]] = {}
    index = {id(p): i for i, p in enumerate(passages)}
    for f in findings:
        if id(f.unit) in index:
            kinds.setdefault(index[id(f.unit)], set()).add(f.kind)
    topics = topics_of(question, changes)

    specific = _specific_terms(f"{question} {changes}")
    on_topic = [i for i, p in enumerate(passages) if any(TOPICS[t][1].search(p.raw) for t in topics)]
    names_it = [i for i, p in enumerate(passages) if specific & _stems(p.raw)]
    needs = _what_it_needs(topics, question)
    hands_off = any(DEFLECTS.search(p.raw) for p in passages)
    addressed = on_topic if names_it and needs(passages) and not hands_off else []

    steps: dict[str, list[int]] = {"first": [], "fallback": [], "recover": []}
    for i, p in enumerate(passages):
        for name, pattern in (("first", STEP_FIRST), ("fallback", STEP_FALLBACK), ("recover", STEP_RECOVER)):
            if pattern.search(p.raw):
                steps[name].append(i)
    hierarchy: list[int] = []
    used = [name for name, hits in steps.items() if hits]
    if len(used) >= 2 and len({i for hits in steps.values() for i in hits}) >= 2:
        hierarchy = sorted({i for hits in steps.values() for i in hits})

    wanted = {SCENARIO_NUMBERS[n] for n in numbers if n in SCENARIO_NUMBERS} or set().union(
        *(NUMBER_KINDS[t] for t in topics))
    counted = [i for i, p in enumerate(passages)
               if any(_kind(m.group(0)) in wanted and not _restated(m.group(0), question) for m in NUMBER.finditer(p.raw))]

    defers = any("defers_to_engineering" in k for k in kinds.values()) or any(st.DEFERS.search(p.text) for p in passages)
    ownership = [] if defers else [i for i, p in enumerate(passages) if OWNS.search(p.raw)]

    tradeoff = [i for i, p in enumerate(passages)
                if ("tradeoff" in kinds.get(i, set()) or COST_OF_IT.search(p.raw)) and not SHRUG.search(p.raw)]

    def item(hits: list[int]) -> JudgementItem:
        return JudgementItem(present=bool(hits), evidence=_evidence(passages, hits))

    return Judgement(addressed=item(addressed), hierarchy=item(hierarchy), numbers=item(counted),
                     ownership=item(ownership), tradeoff=item(tradeoff))


GENERIC = set(
    "what if the a an and or of to in on at for is are be has have had we our you your it this that there "
    "happens happen would will could should do does need needs every each all any some one during while when "
    "whole running run say said told mid middle halfway through right just start starts started hit hits "
    "system design platform app live show stream sale flash auction bid bids seller sellers buyer buyers "
    "viewer viewers user users data".split()
)
_TOKEN = re.compile(r"[a-z0-9']+")


def _stems(text: str) -> set[str]:
    return {w[:5] for w in _TOKEN.findall(text.lower()) if w not in GENERIC and len(w) > 2}


def _specific_terms(question: str) -> set[str]:
    """The question's own words that say what it changes ('invalidation', 'residency', '200')."""
    return _stems(question)


MONEY = re.compile(r"\$\s*\d|\b(?:dollars?|grand|bucks|\d+\s*k\b|thousand (?:a|per) month|per month|a month)\b", re.I)
BOUND = re.compile(rf"\b(?:\d[\d,.]*|{lx.NUMWORD}(?:\s+hundred)?)\s*(?:ms|milliseconds?|seconds?)\b", re.I)


BUDGET = re.compile(r"\bbudget\b|\bbreak(?:s|ing)? (?:it|that|down)\b|\bend to end\b", re.I)
CANT_CUT = re.compile(r"\b(?:don't|do not|can't|cannot|won't)\s+(?:\w+\s+){0,2}cut\s+(?:anything|any of it|scope)\b"
                      r"|\bpush the date\b|\bnothing to cut\b", re.I)
_WORDS = {"100": "a hundred|one hundred", "150": "a hundred and fifty|one fifty|hundred fifty", "200": "two hundred",
          "250": "two fifty|two hundred and fifty", "300": "three hundred", "500": "five hundred", "1": "one|a"}


def _same_number(bound: str, said: str) -> bool:
    """Does `said` mention the bound's number, in digits or words ('200 ms', 'two hundred')?"""
    digits = re.search(r"\d+", bound)
    key = digits.group(0) if digits else ""
    words = _WORDS.get(key, "")
    if not key:
        words = re.escape(bound.split()[0])
    pattern = rf"\b(?:{key}|{words})\b" if key else rf"\b{words}\b"
    return bool(re.search(pattern, said, re.I))


def _what_it_needs(topics: list[str], question: str):  # type: ignore[no-untyped-def]
    """A check a reply must pass to count as taking the question on, beyond naming its subject."""
    def passes(passages: list[Passage]) -> bool:
        said = " ".join(p.raw for p in passages)
        if "cost" in topics and not MONEY.search(said):
            return False  # asked what it costs: a reply with no money in it did not answer
        bound = BOUND.search(question)
        if "latency" in topics and bound and not (_same_number(bound.group(0), said) or BUDGET.search(said)):
            return False  # asked for a bound: a reply that never works to it (or to a budget) did not take it on
        if "mvp" in topics and CANT_CUT.search(said):
            return False
        if "business" in topics and not st.STRONG_METRIC.search(said):
            return False
        return True
    return passes


NUMBER_KINDS = {  # the kinds of number each kind of question needs
    "cost": {"money"},
    "latency": {"time"},
    "residency": {"time", "money"},
    "failure": {"time", "money", "count", "percent", "capacity"},
    "mvp": {"time", "percent", "count"},
    "business": {"percent", "money", "count"},
}


SCENARIO_NUMBERS = {  # scenario.NumberKind -> the kind of number that says it
    "latency": "time", "cost": "money", "revenue_at_risk": "money", "orders_at_risk": "count",
    "time_to_recover": "time", "share_of_users": "percent", "timeline": "time", "business_metric": "percent",
}


_DIGIT_WORDS = {"30": "thirty", "200": "two hundred", "100": "a hundred|one hundred", "10": "ten", "60": "sixty",
                "90": "ninety", "500": "five hundred", "7": "seven", "2": "two", "3": "three"}


def _restated(number: str, question: str) -> bool:
    """The question's own number said back ("thirty days", "the two hundred milliseconds") is not
    the answer's number."""
    value = re.match(rf"\$?\s*(\d[\d.,]*|(?:{lx.NUMWORD})(?:\s+(?:hundred|thousand))?)", number.strip(), re.I)
    if not value:
        return False
    said, q = value.group(1).lower(), question.lower()
    alternatives = [said]
    for digits, words in _DIGIT_WORDS.items():
        if said == digits or said in words.split("|"):
            alternatives += [digits, *words.split("|")]
    return any(re.search(rf"(?<![\w.]){re.escape(a)}(?![\w.])", q) for a in alternatives)


def _kind(number: str) -> str:
    n = number.lower()
    if n.startswith("single"):  # "a single point of failure"
        return "other"
    if re.search(r"(?:a|per) second$", n):
        return "capacity"
    if "$" in n or re.search(r"dollar|grand|bucks|\bk\b|month", n):
        return "money"
    if re.search(r"ms\b|millisecond|second|sec\b|minute|min\b|hour|day|week", n):
        return "time"
    if re.search(r"%|percent|point", n) or re.search(r"\bin\s+(?:\d|[a-z]+$|[a-z]+\s+(?:hundred|thousand|million))", n):
        return "percent"  # "one in fifty", "one order in two hundred": a share
    if re.search(r"order|bid|user|viewer|buyer|seller|drop|lot|slot|unit|tap", n):
        return "count"
    return "other"  # multipliers, nines, bare counts


# Beyond the rules: a reply that says the design already covers the change, hands the change to a
# team, or answers with monitoring alone. Features for the model, not verdicts.
RESTATES = re.compile(
    r"\b(?:as i said|like i said|the way i (?:laid|set) it out|as designed|already (?:built|works|handles)|"
    r"same (?:design|as before)|nothing changes|doesn't change|is (?:exactly )?what .{0,30} (?:is )?built for)\b",
    re.IGNORECASE,
)
HANDS_OFF = re.compile(
    r"\b(?:belongs to|owned by|their (?:call|playbook)|trust (?:their|the team)|(?:engineering|infra\w*|platform|"
    r"the team|sre|legal|security|they)(?:'ll| will| would| can| should)? (?:decide|figure|tell|size|own|handle|sort)|"
    r"up to (?:engineering|the team|them)|ask (?:engineering|the team)|let (?:the )?\w+(?: \w+)? (?:team )?decide)\b",
    re.IGNORECASE,
)
MONITORS = re.compile(r"\b(?:observability|dashboards?|monitor\w*|keep an eye|watch (?:it|closely)|alerts? go)\b",
                      re.IGNORECASE)
_PATTERNS = {"deflect": DEFLECTS, "restate": RESTATES, "handoff": HANDS_OFF, "monitor": MONITORS, "owns": OWNS,
             "cost_of_it": COST_OF_IT, "shrug": SHRUG, "first": STEP_FIRST, "fallback": STEP_FALLBACK,
             "recover": STEP_RECOVER, "capacity": CAPACITY, "money": MONEY}


def judge_features(passages: list[Passage], findings: list[Finding], question: str, changes: str,
                   numbers: Sequence[str], rules: Judgement) -> list[list[str]]:
    """Each passage's features for the model: its words, what the statement model heard in it, how
    it relates to the question (its terms, the kinds of number the question needs), the patterns
    above, and the rules' verdicts on the whole answer and on this passage."""
    topics = topics_of(question, changes)
    specific = _specific_terms(f"{question} {changes}")
    wanted = {SCENARIO_NUMBERS[n] for n in numbers if n in SCENARIO_NUMBERS} or set().union(
        *(NUMBER_KINDS[t] for t in topics))
    heard: dict[int, set[str]] = {}
    index = {id(p): i for i, p in enumerate(passages)}
    for finding in findings:
        if id(finding.unit) in index:
            heard.setdefault(index[id(finding.unit)], set()).add(finding.kind)
    defers = "ownership" in vetoes(passages, findings)
    answer = [f"A:rule_{k}={getattr(rules, k).present}" for k in ITEMS]
    answer += [f"A:needs={_what_it_needs(topics, question)(passages)}",
               f"A:deflect={any(DEFLECTS.search(p.raw) for p in passages)}",
               f"A:handoff={any(HANDS_OFF.search(p.raw) for p in passages)}", f"A:defers={defers}"]
    answer += [f"T:{t}" for t in topics]
    evidence = {k: {e.start_s for e in getattr(rules, k).evidence} for k in ITEMS}
    out = []
    for i, p in enumerate(passages):
        f = ["bias", *answer, f"pos:{min(i, 4)}"]
        overlap = len(specific & _stems(p.raw))
        f.append(f"ov:{min(overlap, 3)}")
        for t in topics:
            if TOPICS[t][1].search(p.raw):
                f += ["resp", f"resp:{t}"]
            if overlap:
                f.append(f"ov&t:{t}")
        f += [f"k:{k}" for k in sorted(heard.get(i, ()))]
        f += [f"r:{name}" for name, pattern in _PATTERNS.items() if pattern.search(p.raw)]
        if st.DEFERS.search(p.text):
            f.append("r:defers")
        said = [m.group(0) for m in NUMBER.finditer(p.raw)]
        for kind in sorted({_kind(n) for n in said if not _restated(n, question)}):
            f += [f"num:{kind}", f"num:{kind}&{kind in wanted}"]
        if any(_restated(n, question) for n in said):
            f.append("num:restated")
        f += [f"ev:{k}" for k in ITEMS if p.start_s in evidence[k]]
        f += [f"w:{w}" for w in sorted(set(tokens(p.text)))]
        out.append(f)
    return out


@lru_cache(maxsize=1)
def default_judge_model() -> StatementModel:
    return StatementModel.load(WEIGHTS, "follow-up judge", "scripts/train_followups.py")
