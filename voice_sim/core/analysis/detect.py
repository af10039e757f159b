"""From the statement model's scores to findings: which passage made which statement.

The model scores; this module decides, with the few rules that are exact: a passage well below the
answer's best for the same statement, said before it, is a look-alike, not a first mention
(RELATIVE); a passage the candidate takes back in the next breath states nothing; a metric tie
needs a lever (in the same passage or earlier); a technology given with its reason is not "without
rationale"; scale tied to a business metric is not "without a business tie"; one finding per kind
per cue; and hedges are quoted by the words that hedge.
"""

from __future__ import annotations

import re

import numpy as np

from voice_sim.core.analysis import statements as st
from voice_sim.core.analysis.features import CONSTRAINT_KINDS, HEDGE, Passage
from voice_sim.core.analysis.model import StatementModel
from voice_sim.core.analysis.statements import Finding

# A metric tie that names its own lever ("moving the check off the tap path should win back
# conversion") credits the lever too, when the lever's score is at least this share of its
# threshold or the passage names a lever from the lexicon ("caching cuts read latency, which...").
LEVER_IN_TIE = 0.5
# The first mention of one of these statements is the first passage that scores at least this
# share of the answer's best passage for it; weaker passages before it are not credited. Long
# answers wander through look-alikes ("there's the buyer, the seller and the growth folks") that
# clear the threshold; this way `first_at_s` lands on the statement said plainly, not on a
# look-alike, while later mentions (a second constraint of another kind) all count. Chosen on
# out-of-fold scores of the training answers (mean `first_at_s` error 6.9 s -> 3.5 s, presence
# unchanged). Levers are left out: an answer proposes several and each one counts from the start.
RELATIVE = 0.85
# SIGNALS.md: a lever named only to be rejected does not count.
REJECTED_LEVER = re.compile(
    r"\b(?:i|we)\s+(?:also\s+)?(?:considered|thought about|thought of|looked at|toyed with)\b[^.;]*?"
    r"\b(?:but|though|however)\b[^.;]*?\b(?:not|n't|reject\w*|rather|no need|overkill|out of scope|skip\w*|"
    r"against|so no|only complexity|too (?:much|complex|expensive|heavy|slow))\b"
    r"|\bwhat (?:i|we)(?:'d| would| will)? not do\b|\bwhat (?:i|we) (?:wouldn't|won't) do\b|^\W*not doing\b"
    r"|\b(?:i'm|i am|we're|we are) (?:explicitly )?not (?:proposing|doing|building|adding)\b"
    r"|\bwhat (?:i'm|we're) (?:explicitly )?not doing\b"
    r"|\b(?:i|we) (?:was|were) (?:also )?(?:thinking|going)\b[^.;]*?\bbut\b[^.;]*?\b(?:so no|not|n't)\b"
    r"|\b(?:i'm|we're) leaving (?:it|that) out\b"
    r"|\b(?:i|we) (?:did|do) think about\b[^.;]*?\b(?:leaving it|not|n't|skip\w*)\b",
    re.IGNORECASE,
)
RELATIVE_TO_BEST = ("hypothesis", "constraint", "metric_tie", "tradeoff")


def constraint_kind(text: str) -> str:
    return st.constraint_kind(text) or next((k for k, p in CONSTRAINT_KINDS.items() if p.search(text)), "stated bound")


def detect(passages: list[Passage], scores: np.ndarray, model: StatementModel) -> list[Finding]:
    """Every statement and anti-pattern the model heard, in time order (hedges included)."""
    col = {label: i for i, label in enumerate(model.labels)}
    th = model.thresholds
    first_plain = {label: _first_plain(scores[:, col[label]], th[label]) for label in RELATIVE_TO_BEST}
    found: list[Finding] = []
    lever_seen = False
    for i, p in enumerate(passages):
        if i + 1 < len(passages) and st.RETRACTS.match(passages[i + 1].text):
            continue
        row = scores[i]
        hits = {label for label in model.labels if row[col[label]] >= th[label] and i >= first_plain.get(label, 0)}
        if st.NOT_CONSTRAINT.search(p.text):  # "we don't really have a hard constraint yet"
            hits.discard("constraint")
        if REJECTED_LEVER.search(p.text):  # "I considered sharding it, but at our size it's not needed"
            hits.discard("lever")
        if "metric_tie" in hits and not lever_seen and "lever" not in hits:
            if row[col["lever"]] >= th["lever"] * LEVER_IN_TIE or st.LEVER.search(p.text):
                hits.add("lever")
            else:
                hits.discard("metric_tie")
        # SIGNALS.md: a technology with its reason is not flagged, nor is scale tied to a business
        # metric; an explicit "because"/"so that" or a named business metric is exact evidence.
        following = passages[i + 1].text if i + 1 < len(passages) else ""
        if st.RATIONALE.search(p.text) or st.RATIONALE_NEXT.search(following):
            hits.discard("tech_without_rationale")
        if st.STRONG_METRIC.search(p.text):
            hits.discard("scale_without_business_tie")
        lever_seen = lever_seen or "lever" in hits
        for label in model.labels:
            if label not in hits:
                continue
            detail = None
            if label == "constraint":
                detail = constraint_kind(p.text)
            elif label == "tech_without_rationale":
                detail = st.named_technology(p.text, p.raw)
            elif label == "hedge":
                phrases = hedge_phrases(p.raw)
                if not phrases:
                    continue
                detail = ", ".join(phrases)
            found.append(Finding(label, p, detail, float(row[col[label]])))
    return st._one_per_cue(found)


_HEDGE_ANY_CASE = re.compile(HEDGE.pattern, re.IGNORECASE)


def hedge_phrases(raw: str) -> list[str]:
    return [m.group(0) for m in _HEDGE_ANY_CASE.finditer(raw.replace("\u2019", "'"))]


def _first_plain(column: np.ndarray, threshold: float) -> int:
    """Index of the first passage scoring at least max(threshold, RELATIVE x the best), or 0."""
    if not len(column):
        return 0
    bar = max(threshold, RELATIVE * float(column.max()))
    above = np.flatnonzero(column >= bar)
    return int(above[0]) if len(above) else 0
