"""What the statement model sees of one passage: its words, the rules' verdicts, and its neighbours.

A passage is one cue of the candidate's speech (a long cue is cut into sentence groups), because
a statement is credited at the cue where it is said. Features are strings; the model maps the ones
it was trained on to weights and ignores the rest. The hand-written rules in statements.py are
features here, not the detector: the model learns when to trust them and what they miss.
This module must not decide anything; it only describes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from voice_sim.core.analysis import statements as st
from voice_sim.core.analysis.prefilter import compile_filtered
from voice_sim.core.models import Cue, Transcript

MAX_WORDS = 40  # a longer cue (a live segment) is cut at sentence ends into passages of about this

PANEL_NAMES = re.compile(r"interview|panel|moderator|host|recruiter|hiring|manager|^q$|question|^p\d|^i$", re.I)
CANDIDATE_NAMES = re.compile(r"candidate|interviewee|^me$|^you$|^answer|^a$|^c$", re.I)


def candidate_cues(transcript: Transcript) -> list[Cue]:
    """The cues the candidate spoke. When some speaker is named as the candidate, every other named
    speaker is the panel; otherwise speakers whose name reads as a panel role are dropped."""
    speakers = {c.speaker for c in transcript.cues if c.speaker}
    if any(CANDIDATE_NAMES.search(s) for s in speakers):
        return [c for c in transcript.cues if not c.speaker or CANDIDATE_NAMES.search(c.speaker)]
    return [c for c in transcript.cues if not c.speaker or not PANEL_NAMES.search(c.speaker)]


@dataclass
class Passage(st.Unit):
    """A cue of the candidate's (or a sentence group of a long one); `cue` indexes their cues."""

    after_panel: bool = False  # the panel spoke just before this cue


def passages_of(transcript: Transcript) -> list[Passage]:
    cues = candidate_cues(transcript)
    kept = {id(c) for c in cues}
    panel_before: set[int] = set()
    last_panel = False
    for c in transcript.cues:
        if id(c) in kept:
            if last_panel:
                panel_before.add(id(c))
            last_panel = False
        else:
            last_panel = True
    out: list[Passage] = []
    for i, cue in enumerate(cues):
        for chunk in _chunks(cue.text):
            norm = st.normalize(chunk)
            if norm:
                out.append(Passage(i, cue.start_s, cue.end_s, chunk, norm, id(cue) in panel_before))
    return out


def _chunks(text: str) -> list[str]:
    text = " ".join(text.split())
    if len(text.split()) <= MAX_WORDS:
        return [text]
    chunks: list[str] = []
    for sentence in st.sentences(text):
        if chunks and len(chunks[-1].split()) + len(sentence.split()) <= MAX_WORDS:
            chunks[-1] += " " + sentence
        else:
            chunks.append(sentence)
    return chunks


_NUM = re.compile(r"^\$?\d[\d,.]*(?:k|m|ms|s|x|%)?$|^(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                  r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
                  r"thousand|million|billion)s?$")
_TOKEN = re.compile(r"[a-z0-9$%']+(?:[-.][a-z0-9]+)*")

HEDGE = compile_filtered(
    r"\b(?:i\s+guess|maybe|probably|perhaps|possibly|i'm\s+not\s+(?:\w+\s+)?sure|not\s+(?:\w+\s+)?sure|sort\s+of|"
    r"kind\s+of|kinda|i\s+suppose|i\s+wouldn't\s+hold\s+(?:us|me)\s+to|might\s+be|could\s+be|i\s+think|"
    r"i\s+feel\s+like|more\s+or\s+less|roughly|i\s+don't\s+know|hopefully|not\s+really|somewhat|ish\b)"
)
# Words of each kind of limit: features here, and the kind a constraint is filed under (detect.py).
CONSTRAINT_KINDS = {k: compile_filtered(v) for k, v in {
    "latency": r"\b(?:ms|millis|milliseconds?|seconds?|latency|p9\d|fast|real[- ]time|lag)\b",
    "uptime": r"\b(?:uptime|availability|nines|99\.\d+|sla|down(?:time)?|outage|fail(?:over)?)\b",
    "compliance": r"\b(?:complian\w*|regulat\w*|legal|law|gdpr|pci|kyc|aml|residency|privacy|audit\w*|minors?|tax)\b",
    "cost": r"\b(?:cost|budget|spend|\$|dollars?|grand|k a month|per month|a month|cap)\b",
    "timeline": r"\b(?:days?|weeks?|months?|mvp|ship|launch|deadline|quarter|q[1-4])\b",
    "integrity": r"\b(?:oversell\w*|double[- ]?(?:sell|sold|charge)\w*|twice|never|exactly once|lose)\b",
}.items()}
NEGATION = compile_filtered(
    r"\b(?:not|no|never|don't|doesn't|isn't|aren't|won't|wouldn't|can't|haven't|without|nothing)\b"
)


def tokens(text: str) -> list[str]:
    return ["<num>" if _NUM.match(t) else t for t in _TOKEN.findall(text)]


def rule_features(p: Passage, following: str, lever_before: bool) -> list[str]:
    """The rules' verdicts and the lexicon families present in the passage."""
    return list(_rule_features(p.text, p.raw, following, lever_before))


@lru_cache(maxsize=8192)
def _rule_features(text: str, raw: str, following: str, lever_before: bool) -> tuple[str, ...]:
    out = [f"r:{kind}" for kind, _ in st._signals_in(text, lever_before)]
    kind = st.constraint_kind(text)
    if kind:
        out.append("r:constraint:" + kind.split()[0])
    if following and not raw.rstrip().endswith((".", "?", "!")):
        out += [f"r:joined:{k}" for k, _ in st._signals_in(f"{text} {following}", lever_before, joined=True)]
    if st.tech_without_rationale(text, following, raw):
        out.append("r:tech_without_rationale")
    if st.named_technology(text, raw):
        out.append("r:named_tech")
    if st.defers_to_engineering(text):
        out.append("r:defers_to_engineering")
    if st.dismisses_latency(text):
        out.append("r:dismisses_latency")
    if st.scale_without_business_tie(text, following if st.CONTINUES.match(following) else ""):
        out.append("r:scale_without_business_tie")
    families = {
        "metric": st.METRIC, "strong_metric": st.STRONG_METRIC, "quant": st.QUANT, "number": st.NUMBER,
        "lever": st.LEVER, "tech": st.TECH, "change": st.CHANGE, "causal": st.CAUSAL, "expect": st.EXPECT,
        "conditional": st.CONDITIONAL, "not_hypothesis": st.NOT_HYPOTHESIS, "not_constraint": st.NOT_CONSTRAINT,
        "not_lever": st.NOT_LEVER, "hypothesis_cue": st.HYPOTHESIS, "user_problem": st.USER_PROBLEM,
        "user_problem_weak": st.USER_PROBLEM_WEAK, "constraint_frame": st.CONSTRAINT_FRAME,
        "framed_number": st.FRAMED_NUMBER, "tie_phrase": st.TIE_PHRASE, "rate": st.RATE,
        "mechanism": st.MECHANISM, "choice": st.CHOICE, "tradeoff": st.TRADEOFF, "rationale": st.RATIONALE,
        "retracts": st.RETRACTS, "backref": st.BACKREF, "hedge": HEDGE, "negation": NEGATION,
        "anaphor": st.ANAPHOR, "vague_metric": st.VAGUE_METRIC,
    }
    out += [f"f:{name}" for name, pattern in families.items() if pattern.search(text)]
    out += [f"k:{name}" for name, pattern in CONSTRAINT_KINDS.items() if pattern.search(text)]
    if text.endswith("?") and (st.QUESTION_START.match(text) or len(text.split()) <= 8):
        out.append("f:question")
    return tuple(out)


def passage_features(passages: list[Passage]) -> list[list[str]]:
    """Features of every passage, each read with the one before and the one after."""
    rules: list[list[str]] = []
    lever_at = -10
    for i, p in enumerate(passages):
        following = passages[i + 1].text if i + 1 < len(passages) else ""
        rules.append(rule_features(p, following, i - lever_at <= 3))
        if "f:lever" in rules[-1] or "f:tech" in rules[-1]:
            lever_at = i
    words = [tokens(p.text) for p in passages]
    out: list[list[str]] = []
    lever_seen = False
    for i, p in enumerate(passages):
        w = words[i]
        f = ["bias"]
        f += [f"w:{t}" for t in w]
        f += [f"s:{t[:5]}" for t in w if len(t) > 6]  # a crude stem: oversell, overselling, oversold
        f += [f"b:{a}_{b}" for a, b in zip(["<s>", *w], [*w, "</s>"], strict=True)]
        f += rules[i]
        if i > 0:
            f += [f"p{x}" for x in rules[i - 1] if x.startswith(("r:", "f:"))]
            f += [f"pw:{t}" for t in set(words[i - 1])]
        else:
            f.append("first")
        if i + 1 < len(passages):
            f += [f"n{x}" for x in rules[i + 1] if x.startswith(("r:", "f:"))]
        n = len(w)
        f.append("len:" + ("1-4" if n < 5 else "5-9" if n < 10 else "10-19" if n < 20 else "20+"))
        if lever_seen:
            f.append("ctx:lever_before")
        if p.after_panel:
            f.append("ctx:after_panel")
        if "r:lever" in rules[i]:
            lever_seen = True
        out.append(f)
    return out
