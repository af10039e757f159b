"""The decision matrix, read from the answer: one row per lever the candidate proposed, with the
business KPI it was tied to (and the number), the constraint it serves and the risk or cost named.

Built from the statement findings (which passage is a lever, a metric tie, a constraint, a
trade-off) and their neighbours: a cell belongs to a lever when it is said in the lever's passage
or in the next few, before the next lever. A lever said over several sentences is one row, and a
sentence that opens on a risk belongs to the lever before it. Where the candidate ties a lever to
a limit ("that's what keeps us inside the half-second sync") or names its risk ("the risk there
is..."), that sentence is the cell. An empty cell is a gap the report shows as such.
"""

from __future__ import annotations

import re

from voice_sim.core.analysis import lexicon as lx
from voice_sim.core.analysis import statements as st
from voice_sim.core.analysis.features import Passage
from voice_sim.core.analysis.statements import Finding
from voice_sim.core.models import MatrixRow

REACH = 3  # passages after the lever that may still be about it
RISK = re.compile(
    r"\b(?:risk|downside|the cost is|costs? us|at the cost of|in exchange for|trade-?off|we give up|we lose|"
    r"we accept|which adds|it adds|adds (?:about |roughly |maybe )?\w+ (?:ms|milliseconds|seconds)|"
    r"more expensive|doubles? the|the price is|the catch is|what breaks|fails? if|stale(?:ness)?|the bad part|"
    r"(?:it|that|which) costs)\b",
    re.IGNORECASE,
)
# A sentence that opens on a risk ("The risk of this is...", "the bad part is...") is about the lever
# before it, even when it names another lever word ("so we need a replica").
RISK_LEAD = re.compile(
    r"^\W*(?:(?:um+|uh+|and|so|but|okay)\W+)*(?:the|its|it's|my|our|a)?\s*(?:main\s+|big(?:gest)?\s+)?"
    r"(?:risk|downside|catch|bad part|cost|price|trade-?off)\b",
    re.IGNORECASE,
)
# A lever tied to a limit in so many words: "that's what keeps us inside the half-second sync",
# "that's how we get inside the one second bar", "this is what makes sure we never announce two winners".
TIES_TO_LIMIT = re.compile(
    r"\b(?:that's|thats|this is|which is|it's|that is)\s+(?:what|how)\b|\b(?:keeps?|gets?|holds?)\s+us\s+"
    r"(?:inside|under|within|below)\b|\bthe lever for\b|\bmakes?\s+(?:\w+\s+){0,4}possible\b",
    re.IGNORECASE,
)
LIMIT_WORDS = re.compile(
    rf"\b(?:\d[\d.,]*|{lx.NUMWORD}|half|never|exactly one|single[- ]winner|budget|limit|bar|ceiling|cap|sla|slo|"
    r"promise|availability|uptime|nines|oversell\w*|twice)\b",
    re.IGNORECASE,
)
# A risk of the whole design ("the overall risk is a lot of moving parts") is no one lever's.
DESIGN_RISK = re.compile(
    r"\b(?:overall|in all of this|any system|the whole (?:design|thing|system)|moving parts|not sure what)\b",
    re.IGNORECASE,
)
KPI_NUMBER = re.compile(  # "about five percent", "2%", "a couple of points", "from 4 hours to 2", "double"
    rf"\b(?:(?:about|around|roughly|maybe|some)\s+)?(?:\d[\d.,]*|{lx.NUMWORD}|a couple of|a few)\s*"
    r"(?:%|percent\b|points?\b|x\b)"
    rf"|\bfrom\s+[^,.;]{{1,30}}?\s+to\s+[^,.;]{{1,20}}|\b(?:double|triple|halve|twice)\b",
    re.IGNORECASE,
)
CONSTRAINT_HINTS = {
    "latency": re.compile(r"\b(?:latency|ms|milliseconds?|fast|slow|p9\d|under a second|sub-second)\b", re.I),
    "cost": re.compile(r"\b(?:cost|budget|cheap|spend|bill|\$)", re.I),
    "compliance": re.compile(r"\b(?:complian\w*|regulat\w*|gdpr|pci|residency|audit|legal)\b", re.I),
    "uptime": re.compile(r"\b(?:uptime|availab\w*|nines|outage|down\b)", re.I),
    "correctness": re.compile(r"\b(?:oversell|double|exactly once|one winner|never sell|consisten\w*)\b", re.I),
    "timeline": re.compile(r"\b(?:mvp|30 days|thirty days|weeks?|ship)\b", re.I),
}
# How a candidate ties a lever to a limit already stated: "that keeps us inside the one-minute
# limit", "that's how we hit the 150 ms", "so we can guarantee two minutes before the drop".
SERVES = re.compile(
    r"\b(?:keeps?|keeping|stay(?:s|ing)?|hit(?:s|ting)?|meet(?:s|ing)?|guarantee[sd]?|protects?|respects?|"
    r"within|inside|under|below|fits?|budget|limit|cap|ceiling|sla|so we (?:can|don't|never)|never|"
    r"that's (?:how|what|the lever for)|lever for|because of the)\b",
    re.IGNORECASE,
)


def _limit_kind(text: str) -> str:
    return next((kind for kind, hint in CONSTRAINT_HINTS.items() if hint.search(text)), "stated bound")


_CLAUSE_END = re.compile(r"[,.;:!?]| - | so | which | because | and | at the cost | even though | but ")


def _phrase(text: str, start: int, words: int = 8) -> str:
    """From `start` to the end of its clause, at most `words` words."""
    rest = text[start:]
    end = _CLAUSE_END.search(rest, 1)
    clause = rest[: end.start()] if end else rest
    return " ".join(clause.split()[:words]).strip(" ,.")


_LEAD_IN = re.compile(
    r"^(?:(?:um+|uh+|so|and|then|okay|ok|now|also|first|second|third|next|finally|the (?:first|second|third|next) "
    r"lever(?: is)?|lever \w+|my (?:first|second) lever(?: is)?)\W+)+",
    re.IGNORECASE,
)


def _lever_phrase(p: Passage) -> str:
    """The lever as the candidate said it: its sentence without the lead-in, at most 12 words."""
    text = _LEAD_IN.sub("", p.raw.strip())
    end = _CLAUSE_END.search(text, 12)  # keep a short lead clause whole ("First, we cache")
    return " ".join((text[: end.start()] if end else text).split()[:12]).rstrip(" ,.;:")


def _kind_of_constraint(detail: str | None) -> str:
    d = (detail or "").lower()
    for kind in CONSTRAINT_HINTS:
        if kind in d or (kind == "correctness" and ("never" in d or "invariant" in d)):
            return kind
    return d


# "Lever two: ...", "the next thing", "another lever": the candidate starts a new row themselves.
NEW_LEVER = re.compile(
    r"^\W*(?:(?:um+|uh+|and|so|okay|ok|then|now)\W+)*(?:lever\s+(?:one|two|three|four|five|\d)\b|"
    r"(?:the\s+|my\s+)?(?:first|second|third|fourth|next|other|last|final)\s+(?:lever|thing|move|piece|change|idea)\b|"
    r"another\s+(?:lever|thing|move|piece|change|idea)\b|(?:first|second|third|next|also|finally)\b)",
    re.IGNORECASE,
)


def _lever_terms(text: str) -> set[str]:
    """The lexicon's lever words in `text`, by their first word ("queue", "async", "cache")."""
    return {m.group(0).lower().split()[0][:5] for m in st.LEVER.finditer(st.normalize(text))}


def _rows_of(passages: list[Passage], levers: list[int]) -> list[list[int]]:
    """Lever passages grouped into rows. A lever passage within REACH of its row that names no lever
    word the row has not named ("so that queue also absorbs the spike", a metric tie restating the
    lever) goes on about that lever; a new lever word, or "lever two", starts a new row."""
    rows: list[list[int]] = []
    terms: set[str] = set()
    for i in levers:
        p = passages[i]
        own = _lever_terms(p.raw)
        if rows and passages[rows[-1][-1]].cue == p.cue:
            rows[-1].append(i)
            terms |= own
        elif rows and i - rows[-1][-1] <= REACH and (
                RISK_LEAD.match(p.raw) or (own <= terms and not NEW_LEVER.match(p.raw))):
            rows[-1].append(i)
        elif RISK_LEAD.match(p.raw):
            continue  # "Cost mostly comes from keeping every auction in memory" names a cost, not a lever
        else:
            rows.append([i])
            terms = set(own)
    return rows


def decision_matrix(passages: list[Passage], findings: list[Finding]) -> list[MatrixRow]:
    by_passage: dict[int, set[str]] = {}
    detail: dict[tuple[int, str], str | None] = {}
    index = {id(p): i for i, p in enumerate(passages)}
    for f in findings:
        i = index.get(id(f.unit))
        if i is None:
            continue
        by_passage.setdefault(i, set()).add(f.kind)
        detail[(i, f.kind)] = f.detail
    constraints = [(i, detail[(i, "constraint")]) for i in sorted(by_passage) if "constraint" in by_passage[i]]
    levers = [i for i in sorted(by_passage) if "lever" in by_passage[i]]
    rows: list[MatrixRow] = []
    grouped = _rows_of(passages, levers)
    for n, group in enumerate(grouped):
        i = group[0]
        p = passages[i]
        stop = min(grouped[n + 1][0] if n + 1 < len(grouped) else len(passages), group[-1] + REACH + 1)
        span = range(i, max(stop, i + 1))
        row = MatrixRow(lever=_lever_phrase(p), at_s=round(p.start_s, 2))
        said_risk = next((j for j in span if RISK_LEAD.match(passages[j].raw)
                          and not DESIGN_RISK.search(passages[j].raw)), None)
        tie = next((j for j in span if j != i and TIES_TO_LIMIT.search(passages[j].raw)
                    and LIMIT_WORDS.search(passages[j].raw)), None)
        if tie is not None:  # "That's what keeps us inside the half-second sync": the lever's constraint, said
            q = passages[tie]
            row.constraint = detail.get((tie, "constraint")) or _limit_kind(q.raw)
            row.constraint_at_s = round(q.start_s, 2)
        if said_risk is not None:  # "The risk there is..." beats a cost word said in passing
            q = passages[said_risk]
            m = RISK.search(q.raw)
            row.risk = _phrase(q.raw, m.start()) if m else " ".join(q.raw.split()[:8])
            row.risk_at_s = round(q.start_s, 2)
        for j in span:
            q = passages[j]
            kinds = by_passage.get(j, set())
            if row.kpi is None and "metric_tie" in kinds:
                m = st.STRONG_METRIC.search(q.raw) or st.METRIC.search(q.raw)
                kpi = _phrase(q.raw, m.start(), 5) if m else " ".join(q.raw.split()[:8])
                row.kpi = re.split(r"\s(?:by|from|to|of|in)\s", kpi, maxsplit=1)[0]
                row.kpi_at_s = round(q.start_s, 2)
                number = KPI_NUMBER.search(q.raw)
                if number:
                    row.number, row.number_at_s = number.group(0).strip(), round(q.start_s, 2)
            if row.risk is None and ("tradeoff" in kinds or RISK.search(q.raw)) and not DESIGN_RISK.search(q.raw):
                m = RISK.search(q.raw)
                row.risk = _phrase(q.raw, m.start()) if m else " ".join(q.raw.split()[:8])
                row.risk_at_s = round(q.start_s, 2)
            if row.constraint is None and "constraint" in kinds and j != i:
                row.constraint, row.constraint_at_s = detail[(j, "constraint")], round(q.start_s, 2)
        if row.constraint is None:  # a constraint named earlier that the lever is tied to, where it is tied
            for ci, cdetail in reversed([c for c in constraints if c[0] <= i]):
                hint = CONSTRAINT_HINTS.get(_kind_of_constraint(cdetail))
                tied = ci if ci == i else next((j for j in span if hint is not None and hint.search(passages[j].raw)
                                                and SERVES.search(passages[j].raw)), None)
                if tied is not None:
                    row.constraint, row.constraint_at_s = cdetail, round(passages[tied].start_s, 2)
                    break
        rows.append(row)
    return rows
