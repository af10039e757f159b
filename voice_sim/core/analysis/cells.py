"""Which sentence fills which cell of a decision-matrix row: a small learned linker in two steps.

For each row (a lever the candidate proposed, grouped by matrix.py) every passage from the lever on
is a candidate for the row's KPI, constraint and risk cells: the next few passages, and any later
one that names the lever again ("lever two's risk is...", "back to the precomputed list"). The
linker asks two questions of each candidate. First, is this sentence a KPI tie, a constraint tie or
a risk at all, whatever lever it is about (sentence_features: what the statement model heard in it,
its words, the phrases that tie a sentence to a lever or a limit, whether it is a lever sentence and
how far it sits after the last one)? Then, given that it is, is it this row's (the candidate's
features: where it sits after the lever, or after the list it was said in, before or after the next
lever, which lever the candidate was last talking about (scopes), whether it names this lever or
another, and the hand-written rules' own pick for each cell, rule_picks)? The two probabilities
multiply; the best ones above the model's threshold fill the cells, a sentence filling a given cell
of one row only unless it names both levers, and a cell the candidate said of a lever by its number
or name ("Lever one is the money: ...", "Back to the card vault: ...") fills one the model left
empty. Asking "which row" only of sentences that are cells keeps a clear KPI sentence from being
drowned by all the rows it is not about.
Trained by scripts/train_matrix.py on the labelled matrices in tests/data/followups_* (never on the
sets the benchmark holds back) and committed as cell_model.npz next to this file.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from voice_sim.core.analysis import lexicon as lx
from voice_sim.core.analysis import statements as st
from voice_sim.core.analysis.features import Passage, tokens
from voice_sim.core.analysis.prefilter import Prefiltered
from voice_sim.errors import UserError

CELL_TYPES = ("kpi", "constraint", "risk")
KINDS = ("constraint", "metric_tie", "tradeoff", "lever", "hypothesis")
NEAR = 8  # passages after the lever that are always candidates
WEIGHTS = Path(__file__).with_name("cell_model.npz")

RISK = re.compile(
    r"\b(?:risk|downside|the cost is|costs? us|at the cost of|in exchange for|trade-?off|we give up|we lose|"
    r"we accept|which adds|it adds|adds (?:about |roughly |maybe )?\w+ (?:ms|milliseconds|seconds)|"
    r"more expensive|doubles? the|the price is|the catch is|what breaks|fails? if|stale(?:ness)?|the bad part|"
    r"(?:it|that|which) costs)\b",
    re.IGNORECASE,
)
# A cost said as what the candidate accepts or fears, without the word risk: "The trade there is...", "what we
# pay for it is...", "I'm fine giving that up", "the queue backs up", "I take it".
ACCEPTS = re.compile(
    r"\b(?:the trade(?: there| here| of [\w-]+)? is|(?:what )?we pay(?: for)?|"
    r"(?:i'm|we're|i am|we are) (?:fine|okay|ok|happy) (?:with|giving|accepting|losing|eating|paying)|"
    r"(?:i|we)(?:'d|'ll)? (?:take|eat) (?:it|that|the)|accepted|worried|scary|weak spot|the price of|that's the price|"
    r"giving (?:that )?up|we lose|backs? up|falls? behind|pile up|lag(?:s|gy)?)\b",
    re.IGNORECASE,
)
# The words a risk is named by: "the main risk", "its cost", "the bad part".
RISK_NAME = r"(?:main\s+|big(?:gest)?\s+)?(?:risk|downside|catch|bad part|cost|price|trade-?off)\b"
# A sentence that opens on a risk ("The risk of this is...", "the bad part is...").
RISK_LEAD = re.compile(r"^\W*(?:(?:um+|uh+|and|so|but|okay)\W+)*(?:the|its|it's|my|our|a)?\s*" + RISK_NAME,
                       re.IGNORECASE)
# A lever tied to a limit in so many words: "that's what keeps us inside the half-second sync".
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
# How a candidate ties a lever to a limit already stated: "that keeps us inside the one-minute limit".
SERVES = re.compile(
    r"\b(?:keeps?|keeping|stay(?:s|ing)?|hit(?:s|ting)?|meet(?:s|ing)?|guarantee[sd]?|protects?|respects?|"
    r"within|inside|under|below|fits?|budget|limit|cap|ceiling|sla|so we (?:can|don't|never)|never|"
    r"that's (?:how|what|the lever for)|lever for|because of the)\b",
    re.IGNORECASE,
)
# A risk of the whole design ("the overall risk is a lot of moving parts") is no one lever's.
DESIGN_RISK = re.compile(
    r"\b(?:overall|in all of this|any system|the whole (?:design|thing|system)|moving parts|not sure what)\b",
    re.IGNORECASE,
)
KPI_NUMBER = re.compile(  # "about five percent", "2%", "a couple of points", "from 4 hours to 2", "double", "a third"
    rf"(?<!-)\b(?:(?:about|around|roughly|maybe|some)\s+)?(?:\d[\d.,]*|{lx.NUMWORD}(?:-{lx.NUMWORD})?|a couple of|"
    r"a few)\s*"
    r"(?:%|percent\b|points?\b|x\b)"
    rf"|\bfrom\s+[^,.;]{{1,30}}?\s+to\s+[^,.;]{{1,20}}"
    r"|\b(?:double|triple|halve|twice)\b(?![- ](?:charg|bid|sell|sold|spend|book|tap|count|win|check))"
    r"|\b(?:(?:about|around|roughly|maybe|like|by|up|down)\s+)?(?:a|one|two)\s+(?:third|quarter|fifth|tenth)s?\b"
    r"|\b(?:by|about|roughly|around|maybe|like)\s+half\b|\b(?:a|another|one more) point(?: or two)?\b",
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
# "Lever two: ...", "the next thing", "another lever": the candidate starts a new row themselves.
NEW_LEVER = re.compile(
    r"^\W*(?:(?:um+|uh+|and|so|okay|ok|then|now)\W+)*(?:lever\s+(?:one|two|three|four|five|\d)\b|"
    r"(?:the\s+|my\s+)?(?:first|second|third|fourth|fifth|sixth|next|other|last|final)\s+(?:lever|thing|move|piece|"
    r"change|idea)\b|another\s+(?:lever|thing|move|piece|change|idea)\b|"
    r"(?:first|second|third|fourth|fifth|sixth|next|also|finally)\b)",
    re.IGNORECASE,
)
BACK_REFERENCE = re.compile(r"^\W*(?:(?:um+|uh+|and|so|but|okay)\W+)*(?:that|this|which|it)\b", re.IGNORECASE)
NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|ten|twenty|thirty|fifty|hundred|half)\b", re.IGNORECASE)

WORDS: dict[str, re.Pattern[str] | Prefiltered] = {
    "risk_lead": RISK_LEAD, "risk": RISK, "ties": TIES_TO_LIMIT, "limit_words": LIMIT_WORDS, "serves": SERVES,
    "accepts": ACCEPTS, "design_risk": DESIGN_RISK, "kpi_number": KPI_NUMBER, "strong_metric": st.STRONG_METRIC,
    "metric": st.METRIC,
    "lever_word": st.LEVER, "new_lever": NEW_LEVER, "back_reference": BACK_REFERENCE, "number": NUMBER,
    **{f"hint_{kind}": pattern for kind, pattern in CONSTRAINT_HINTS.items()},
}

_ORDINALS = {"one": 1, "first": 1, "1": 1, "two": 2, "second": 2, "2": 2, "three": 3, "third": 3, "3": 3,
             "four": 4, "fourth": 4, "4": 4, "five": 5, "fifth": 5, "5": 5, "six": 6, "sixth": 6, "6": 6}
_NAMED_NUMBER = re.compile(r"\blever (one|two|three|four|five|[1-5])\b|\b(first|second|third|fourth|fifth) lever\b",
                           re.IGNORECASE)
# "For the first one, ...", "The risk for the second one is", "The third: ...", "the second thing I said": a
# lever said earlier, by its place.
_PLACE_REF = re.compile(
    r"\bthe (first|second|third|fourth|fifth) one\b"
    r"|\bthe (first|second|third|fourth|fifth) (?:thing|piece|part|lever|item|idea)s? (?:i|we) "
    r"(?:said|mentioned|listed|proposed|talked about)\b"
    r"|\b(?:for|about|on|as for|back to|with) the (first|second|third|fourth|fifth) (?:thing|piece|part|item|idea)\b"
    r"|(?:^\W*(?:(?:and|so|but|now|um+|uh+)\W+)*|\b(?:for|about|as for|on|with) )"
    r"the (first|second|third|fourth|fifth)\s*[,:]"
    # levers counted off ("One: ...", "Two: ...") and then taken by their number: "One also buys bids per
    # lot", "Two costs about 20 milliseconds", "Risk on three: ...", "Cost of four: ..."
    r"|^\W*(?:(?:and|so|but|now|then)\W+)*(one|two|three|four|five)\s+(?:is|also|buys|serves|costs|moves|keeps|"
    r"protects|cuts|lifts|drives|helps|adds|risks|means|gets|gives|ties|holds|saves|carries|covers)\b"
    r"|\b(?:risk|cost|downside|trade-?off|kpi|metric)s?\s+(?:on|of|for)\s+(one|two|three|four|five)\b",
    re.IGNORECASE)
# A sentence that returns to a lever said earlier: "Back to the card vault: ...", "and coming back to the
# slot allocator, ...".
_OPENING = r"^\W*(?:(?:and|so|um+|uh+|eh|now|okay|ok|yes|yeah|right|sure|well)\W+)*"  # "Yes, yes, so for the edge"
BACK_TO = re.compile(_OPENING + r"(?:if i\s+)?(?:(?:coming|going|circling|come|go)\s+)?"
                     r"back to\b", re.IGNORECASE)
# "For the sharding by seller, the business goal is...", "For partitioning, ...": a lever said earlier, named
# again to say more.
FOR_THE = re.compile(_OPENING + r"(?:(?:for|on|about|as for|with) the\b|"
                     r"(?:for|as for) (?=[\w' -]{3,30},))", re.IGNORECASE)


@dataclass
class ListedLever(Passage):
    """One lever of a sentence that lists several ("I'd use three things: a slot queue, reminder lists,
    and partitioning by seller"): a row of its own, said when the sentence is (matrix.read_answer)."""


def ordinals(text: str) -> set[int]:
    """The levers a sentence names by number: "lever two", "the first lever", "for the second one",
    "The third: ..."."""
    return _numbers(_NAMED_NUMBER, text) | places(text)


def places(text: str) -> set[int]:
    """The levers a sentence refers back to by their place only: "for the second one", "The third: ..."."""
    return _numbers(_PLACE_REF, text)


def _numbers(pattern: re.Pattern[str], text: str) -> set[int]:
    return {_ORDINALS[next(g for g in m.groups() if g).lower()] for m in pattern.finditer(text)}


_CONTENT = re.compile(r"[a-z][a-z'-]{3,}")
_PLAIN = frozenset("that this with from what which would there their about back coming going lever then "
                   "they them have will into when where more most some just also".split())


def returns_to(passages: list[Passage], j: int, rows: list[list[int]]) -> int | None:
    """The row a "back to ..." or "for the ..." sentence returns to: the one whose lever sentences share
    the most words with what follows (None when it is not such a sentence or names none of them)."""
    m = BACK_TO.match(passages[j].raw) or FOR_THE.match(passages[j].raw)
    if not m:
        return _called_by_name(passages, j, rows)
    said = _words(passages[j].raw[m.end():m.end() + 40])
    overlap = [len(said & set().union(*(_words(passages[k].raw) for k in g))) for g in rows]
    best = max(range(len(rows)), key=overlap.__getitem__, default=None)
    return best if best is not None and overlap[best] else None


# "The hold timer is a sell-through lever", "The async tail's risk is ...", "The risk on the taste profile is":
# a sentence whose subject is a lever said earlier, by the candidate's own name for it.
SUBJECT = re.compile(_OPENING + r"(?:(?:the\s+)?(?:risk|cost|downside|catch|impact|kpi|metric)s?\s+"
                     r"(?:on|of|for|with)\s+)?(?:the|our|that)\s+((?:[\w-]+\s+){0,2}[\w-]+?)(?:'s)?"
                     r"(?:\s*:|\s+(?:is|are|buys|moves|drives|protects|lifts|cuts|gives|helps|does|doesn't|keeps|"
                     r"risks?|costs?|means|adds|saves|should|would|will)\b)", re.IGNORECASE)


# "Async auth." / "Queue first." / "Tokens, sell-through up ten percent": a terse speaker heads what they say
# next with a lever's short name.
HEADING = re.compile(_OPENING + r"(?:then\s+)?(?:the\s+|our\s+)?((?:[\w-]+\s+){0,2}[\w-]+?)\s*"
                     r"(?:(?:first|now|next|again)\s*)?"
                     r"(?:[,:]|\.|$)", re.IGNORECASE)
HEADING_WORDS = 5  # a heading is a sentence of at most this many words
# Words that head a sentence without naming a lever: "Three, ...", "Second piece: ...", "Like, ...", "Risks: ...".
_NO_NAME = frozenset(w[:5] for w in (
    "first second third fourth fifth sixth next also finally three four five lever levers piece pieces part parts "
    "thing things item idea option step move change okay like basically actually honestly just maybe recap risk "
    "risks cost costs downside metric metrics kpis flow problem constraints short quick quickly").split())


def _holds(said: set[str], words: set[str]) -> bool:
    """Every word said is one of `words`, or the start of one ("auth" of "authorization")."""
    return all(any(w.startswith(x) for w in words) for x in said)


def _called_by_name(passages: list[Passage], j: int, rows: list[list[int]]) -> int | None:
    """The first row whose lever sentence holds every word of the sentence's subject ("the reservation
    ledger", "the async tail") or of the short name it opens with ("Async auth.", "Tokens, ..."), unless
    it is the lever being talked about now (the latest row, within REACH)."""
    if not rows:
        return None
    raw = passages[j].raw
    listed = _listed_by_place(passages, j, rows)
    if listed is not None:
        return listed
    first = re.match(r"[^.:;!?]{1,60}[.:;!?](?:\s|$)", raw)  # "Batching next. Reactions get rolled up ..."
    short = len(raw.split()) <= HEADING_WORDS or (first is not None and len(first.group(0).split()) <= HEADING_WORDS)
    counted = COUNTED.match(raw) if short else None
    if counted:
        return _headed_by_number(passages, j, rows, counted)
    m = SUBJECT.match(raw)
    said = _words(m.group(1)) if m else set()
    if not said:  # a heading: the whole sentence ("Async auth."), or a lever word before the comma ("Tokens, ...")
        m = HEADING.match(raw)
        if m and (short or lever_terms(m.group(1))):
            said = {w for w in _words(m.group(1)) if w not in _NO_NAME}
    if not said:
        return None
    named = [n for n, g in enumerate(rows) if g[0] < j and _holds(said, _words(passages[g[0]].raw))]
    if not named:
        return None
    n = named[0]  # "the bid book" is the row that named it first, not "a warm standby of every bid book"
    latest = max((k for k, g in enumerate(rows) if g[0] < j), default=None)
    if n == latest and j - rows[n][-1] <= REACH:
        return None
    return n


# "Second: partition the stream per show.", "Third, the freeze mode.", "Last: the sweeper.": after levers announced
# together, one taken up by its place in the list.
PLACE_HEADING = re.compile(_OPENING + r"(?:the\s+)?(first|second|third|fourth|fifth|last|lastly|finally)\b"
                           r"(?:\s+(?:lever|one|piece|thing|item))?(?:\s*[:,.]|\s+(?=the\s))", re.IGNORECASE)


def _listed_by_place(passages: list[Passage], j: int, rows: list[list[int]]) -> int | None:
    """The lever of the last list said before `j` ("I'd pull three levers: edge fan-out, a per-show
    partition and a freeze mode") that a sentence opening on its place takes up ("Second: partition
    the stream per show.", "Third, the freeze mode."): what follows the place names that lever's
    lever words, or, with none, is a short name in that lever's words. Else None."""
    m = PLACE_HEADING.match(passages[j].raw)
    if not m:
        return None
    lists: dict[int, list[int]] = {}
    for n, g in enumerate(rows):
        if g[0] < j and isinstance(passages[g[0]], ListedLever):
            lists.setdefault(passages[g[0]].cue, []).append(n)
    items = lists[max(lists)] if lists else []
    word = m.group(1).lower()
    k = len(items) if word in ("last", "lastly", "finally") else _ORDINALS[word]
    if len(items) < 2 or k > len(items):
        return None
    n = items[k - 1]
    rest = re.split(r"(?<=[.:;!?])\s", passages[j].raw[m.end():], maxsplit=1)[0]  # "Third: the freeze mode."
    item = passages[rows[n][0]].raw
    said, terms = lever_terms(rest), lever_terms(item)
    if said:
        return n if said & terms else None  # not "second lever, the bid ack goes back over the socket"
    words = _words(rest)
    return n if words and len(rest.split()) <= HEADING_WORDS and _holds(words, _words(item)) else None


def _headed_by_number(passages: list[Passage], j: int, rows: list[list[int]], counted: re.Match[str]) -> int | None:
    """"Two. Ledger.": the row counted off before by that number (and called by those words), once the
    count has gone past it; not "One, a queue." starting a count."""
    k = _ORDINALS[counted.group(1).lower()]
    rest = _words(passages[j].raw[counted.end():])
    before = [n for n, g in enumerate(rows) if g[0] < j]
    numbers = {row_number(passages, rows, n): n for n in before}
    n = numbers.get(k)
    if n is None or not (k > 1 or 2 in numbers) or not _holds(rest, _words(passages[rows[n][0]].raw)):
        return None
    return n


# "Risks, lever by lever." / "Now KPIs, in the same order.": the sentences after it take the levers in turn.
IN_TURN = re.compile(
    r"\b(?:lever by lever|in the same order|one by one|"
    r"what each (?:one|lever|step|thing) (?:is for|moves|buys|does|is worth)|"
    r"(?:going |go )?back (?:over|through) (?:them|it|the levers|the value))\b",
    re.IGNORECASE)


def in_turn(passages: list[Passage], rows: list[list[int]]) -> dict[int, tuple[int, str | None]]:
    """Passages that go over the levers in turn after the candidate announced it ("Risks, lever by
    lever."), each with the row it is about (the k-th sentence after, the k-th lever said before) and
    the cell the announcement named ("risk", "kpi"), if it named one."""
    out: dict[int, tuple[int, str | None]] = {}
    for h, p in enumerate(passages):
        before = sum(1 for g in rows if g[0] < h)
        if not IN_TURN.search(p.raw) or len(p.raw.split()) > 12 or before < 2:
            continue
        cell = "risk" if TURN_RISKS.search(p.raw) else "kpi" if TURN_KPIS.search(p.raw) else None
        for k, j in enumerate(range(h + 1, min(h + 1 + before, len(passages)))):
            if IN_TURN.search(passages[j].raw) or _called_by_name(passages, j, rows) is not None:
                break  # "Recap, lever by lever." then "Partitioning.": headings say which lever, not the order
            out[j] = (k, cell)
    return out


TURN_RISKS = re.compile(r"\b(?:risks?|downsides?|costs?)\b", re.IGNORECASE)
TURN_KPIS = re.compile(r"\b(?:kpis?|metrics?|business|numbers?|moves|buys|worth|value)\b", re.IGNORECASE)


def _words(text: str) -> set[str]:
    return {w[:5] for w in _CONTENT.findall(text.lower()) if w not in _PLAIN}


def lever_terms(text: str) -> set[str]:
    """The lexicon's lever words in `text`, each by its last word ("queue", "on one shard" -> "shard",
    "at the edge" -> "edge"), hyphens dropped, first five letters."""
    return {m.group(0).lower().split()[-1].replace("-", "")[:5] for m in st.LEVER.finditer(st.normalize(text))}


def last_of_list(passages: list[Passage], i: int) -> int:
    """The last lever of the list sentence that lever `i` is in (`i` itself when it is in none)."""
    while (isinstance(passages[i], ListedLever) and i + 1 < len(passages)
           and isinstance(passages[i + 1], ListedLever) and passages[i + 1].cue == passages[i].cue):
        i += 1
    return i


def row_terms(passages: list[Passage], rows: list[list[int]]) -> list[set[str]]:
    """Each row's lever words, over all its sentences."""
    return [set().union(*(lever_terms(passages[k].raw) for k in g)) for g in rows]


def named_rows(said: frozenset[str] | set[str], terms: list[set[str]]) -> list[int]:
    """The rows whose lever words `said` names, when it names no other row's."""
    every = set().union(*terms)
    return [n for n, t in enumerate(terms) if said & t and not said & (every - t)]


class Scope(NamedTuple):
    """The row the candidate is talking about at a passage (None before any lever), and the passage
    where they took it up: its lever sentence, or the sentence that named it again."""

    row: int | None
    since: int


def scopes(passages: list[Passage], rows: list[list[int]]) -> list[Scope]:
    """Per passage, the row the candidate is talking about, and where they took it up: the last one
    named by its own sentence, by number or place, by a lever word no other row has ("For the slot
    queue, ... Its cost is ..." is the slot queue's) or, not right after a lever was proposed, by
    two of the words only one earlier lever was put in ("Moving fraud off the path is the other half
    of the budget"); None before any."""
    terms = row_terms(passages, rows)
    number = [row_number(passages, rows, n) for n in range(len(rows))]
    starts = {g[0]: n for n, g in enumerate(rows)}
    distinct = _distinct_words(passages, rows)
    out: list[Scope] = []
    current = Scope(None, 0)
    for j, p in enumerate(passages):
        if j in starts:
            current = Scope(starts[j], j)
        else:
            said = lever_terms(p.raw)
            named = named_rows(said, terms)
            back = returns_to(passages, j, rows)
            called = ordinals(p.raw)
            numbers = [n for n in range(len(rows)) if number[n] in called]
            pick = back
            if pick is None and len(numbers) == 1:
                pick = numbers[0]
            if pick is None and len(named) == 1:
                pick = named[0]
            just_proposed = (current.row is not None and current.since in rows[current.row]
                             and j - current.since <= REACH)
            if pick is None and not said and not just_proposed:
                words = _stems(p.raw)
                shared = [len(words & m) if rows[n][0] < j else 0 for n, m in enumerate(distinct)]
                if sum(1 for x in shared if x) == 1 and max(shared) >= 2:
                    pick = shared.index(max(shared))
            if pick is not None:
                current = Scope(pick, j)
        out.append(current)
    return out


def candidates(passages: list[Passage], kinds: dict[int, set[str]], rows: list[list[int]], n: int,
               picks: dict[str, int], scope: list[Scope] | None = None,
               turn: dict[int, tuple[int, str | None]] | None = None) -> list[tuple[int, dict[str, float]]]:
    """Row `n`'s candidate passages (by index) with their features; `picks` are the rules' choices
    for the row (rule_picks); `scope` and `turn`, the answer's scopes and in_turn, are worked out
    here when not given. A passage that names other levers by number, not this one, is none."""
    group = rows[n]
    anchor, i = group[0], last_of_list(passages, group[0])  # a listed lever's cells come after its list
    later = [g[0] for g in rows if g[0] > i]
    next_lever = later[0] if later else len(passages)
    number = row_number(passages, rows, n)
    terms = set().union(*(lever_terms(passages[k].raw) for k in group))
    others = set().union(*(lever_terms(passages[k].raw) for m, g in enumerate(rows) if m != n for k in g)) - terms
    distinct = _distinct_words(passages, rows)
    out: list[tuple[int, dict[str, float]]] = []
    first: dict[str, bool] = {}
    turn = turn if turn is not None else in_turn(passages, rows)
    scope = scope if scope is not None else scopes(passages, rows)
    for j in [anchor, *range(i + 1, len(passages))]:
        raw = passages[j].raw
        d = 0 if j == anchor else j - i
        named = ordinals(raw)
        said = lever_terms(raw)
        back = returns_to(passages, j, rows) if j != anchor else None
        its_turn = turn[j][0] == n if j in turn else None
        in_words = j != anchor and _by_own_words(raw, distinct) == [n]  # "the room feels like a line at the DMV"
        by_name = (bool(said & terms) and not said & others) or back == n or its_turn is True or in_words
        if back is not None and back != n:
            continue  # "Back to the card vault" is about the card vault
        if back is not None and _bare_heading(raw):
            continue  # "Second: partition the stream per show." only names the lever it takes up
        taken_up = scope[j].row == n and 0 < j - scope[j].since <= NEAR  # "Second: the partition." then ...
        if d > NEAR and number not in named and not by_name and not taken_up:
            continue
        if named and number not in named:
            continue  # "Lever one is the money", "For the first one, ..." are not about lever three
        f: dict[str, float] = {_distance(d): 1.0, "in_row": float(j in group),
                               "after_next_lever": float(j >= next_lever),
                               "levers_between": float(sum(1 for g in rows if i < g[0] <= j))}
        if j != anchor:
            f["names_its_number"] = float(number in named)
            f["names_another_number"] = float(bool(named - {number}))
            f["names_its_lever"] = float(bool(said & terms) or back == n)
            if its_turn is not None:
                f["its_turn" if its_turn else "another_turn"] = 1.0
            f["names_another_lever"] = float(bool(said & others))
            f["names_its_words"] = float(in_words)
        if d > NEAR:
            f["far"] = 1.0
        if j != anchor and scope[j].row is not None:
            f["in_scope" if scope[j].row == n else "scope_other"] = 1.0
        for cell, pick in picks.items():
            if pick == j:
                f[f"rule:{cell}"] = 1.0
        heard = kinds.get(j, set())
        for kind in KINDS:
            if kind in heard:
                f[f"heard:{kind}"] = 1.0
                if j != anchor and not first.get(kind):
                    f[f"first:{kind}"] = first[kind] = True
        for name, pattern in WORDS.items():
            if pattern.search(raw):
                f[f"says:{name}"] = 1.0
        if BACK_REFERENCE.search(raw):
            for name in ("ties", "serves", "strong_metric", "risk"):
                if WORDS[name].search(raw):
                    f[f"that_{name}"] = 1.0
        if j != anchor:
            for w in set(tokens(passages[j].text)):
                f[f"w:{w}"] = 1.0
        out.append((j, f))
    return out


def _bare_heading(raw: str) -> bool:
    """A sentence of a few words that names a lever and says nothing of it: no number, metric or cost."""
    return (len(raw.split()) <= HEADING_WORDS + 1 and not NUMBER.search(raw) and not st.METRIC.search(raw)
            and not st.STRONG_METRIC.search(raw) and not RISK.search(raw) and not ACCEPTS.search(raw))


ROW_FREE = ("w:", "says:", "heard:", "that_")  # candidate features that do not depend on the row


def sentence_features(passages: list[Passage], rows: list[list[int]], found: list[list[tuple[int, dict[str, float]]]]
                      ) -> dict[int, dict[str, float]]:
    """Per candidate passage (of any row), what says whether it is a cell at all, whatever lever it is
    about: its row-free candidate features and words, whether it is a lever sentence and how far it
    sits after the last lever said before it. `found` is every row's candidates."""
    starts = sorted(g[0] for g in rows)
    out: dict[int, dict[str, float]] = {}
    for j, f in (c for row in found for c in row):
        if j in out:
            continue
        out[j] = {k: v for k, v in f.items() if k.startswith(ROW_FREE)}
        out[j].update((f"w:{w}", 1.0) for w in set(tokens(passages[j].text)))
        last = max((s for s in starts if s <= j), default=None)
        if last == j:
            out[j]["lever_sentence"] = 1.0
        elif last is not None:
            out[j][f"after_lever:{_distance(j - last)}"] = 1.0
    return out


REACH = 3  # passages after a row's last lever sentence the hand-written rules look at


def rule_picks(passages: list[Passage], kinds: dict[int, set[str]], detail: dict[tuple[int, str], str | None],
               rows: list[list[int]]) -> list[dict[str, int]]:
    """The hand-written rules' choice of passage per cell, per row: the first metric tie, risk and
    constraint said within REACH of the lever, a risk said as such ("the risk there is") or a limit
    tied in so many words ("that's what keeps us inside...") first, and a constraint stated earlier
    where the lever serves it. The linker reads these as features."""
    stated = [(i, detail.get((i, "constraint"))) for i in sorted(kinds) if "constraint" in kinds[i]]
    out: list[dict[str, int]] = []
    for group in rows:
        i, last = group[0], last_of_list(passages, group[0])
        later = [g[0] for g in rows if g[0] > last]
        stop = min(later[0] if later else len(passages), max(group[-1], last) + REACH + 1)
        span = [i, *range(last + 1, stop)]
        picks: dict[str, int] = {}
        tie = next((j for j in span if j != i and TIES_TO_LIMIT.search(passages[j].raw)
                    and LIMIT_WORDS.search(passages[j].raw)), None)
        said_risk = next((j for j in span if RISK_LEAD.match(passages[j].raw)
                          and not DESIGN_RISK.search(passages[j].raw)), None)
        if tie is not None:
            picks["constraint"] = tie
        if said_risk is not None:
            picks["risk"] = said_risk
        for j in span:
            heard = kinds.get(j, set())
            raw = passages[j].raw
            if "metric_tie" in heard:
                picks.setdefault("kpi", j)
            if ("tradeoff" in heard or RISK.search(raw)) and not DESIGN_RISK.search(raw):
                picks.setdefault("risk", j)
            if "constraint" in heard and j != i:
                picks.setdefault("constraint", j)
        if "constraint" not in picks:
            for ci, said in reversed([c for c in stated if c[0] <= i]):
                hint = CONSTRAINT_HINTS.get(_kind_of_constraint(said))
                tied = ci if ci == i else next((j for j in span if hint is not None and hint.search(passages[j].raw)
                                                and SERVES.search(passages[j].raw)), None)
                if tied is not None:
                    picks["constraint"] = tied
                    break
        out.append(picks)
    return out


def row_number(passages: list[Passage], rows: list[list[int]], n: int) -> int | None:
    """The number a later sentence would call row `n` by: the one the candidate gave it ("lever two",
    "Two: a rate limit per buyer"), else its place in order, unless another row was given that number."""
    own = _own_numbers(passages[rows[n][0]].raw)
    if own:
        return min(own) if len(own) == 1 else None
    claimed = set().union(*(_own_numbers(passages[g[0]].raw) for g in rows))
    return None if n + 1 in claimed else n + 1


# "One, the order goes on a queue", "Two: a rate limit per buyer": a sentence counted off by its number.
COUNTED = re.compile(r"^\W*(?:(?:um+|uh+|and|so|okay)\W+)*(one|two|three|four|five|six|[1-6])\s*[:.,)]", re.IGNORECASE)


def _own_numbers(text: str) -> set[int]:
    counted = COUNTED.match(text)
    return ordinals(text) | ({_ORDINALS[counted.group(1).lower()]} if counted else set())


def _named_by_number(passages: list[Passage], kinds: dict[int, set[str]], rows: list[list[int]],
                     n: int, turn: dict[int, tuple[int, str | None]]) -> dict[str, int]:
    """Cells said of a lever by its number or name, or in its turn, however late: "Lever one is the
    money: ... about eight percent", "The risk for the second one is...", "Back to the card vault:
    ...", the second sentence after "Risks, lever by lever."."""
    group = rows[n]
    number = row_number(passages, rows, n)
    out: dict[str, int] = {}
    for j in range(group[-1] + 1, len(passages)):
        raw = passages[j].raw
        place, cell = turn.get(j, (None, None))
        if place == n and cell is not None:
            out.setdefault(cell, j)  # "Risks, lever by lever." then this lever's
        if ordinals(raw) != {number} and returns_to(passages, j, rows) != n:
            continue
        heard = kinds.get(j, set())
        if "metric_tie" in heard:
            out.setdefault("kpi", j)
        if RISK.search(raw) and not DESIGN_RISK.search(raw):
            out.setdefault("risk", j)
        if "constraint" in heard or (TIES_TO_LIMIT.search(raw) and LIMIT_WORDS.search(raw)):
            out.setdefault("constraint", j)
    return out


# "Risks, quickly: cache, stale counts; queue, ordering; shards, a hot seller." or "Risks, by number.
# On one, the bid book dies with the node.": the risks of several levers in one closing run.
RISK_RUN = re.compile(r"^\W*(?:(?:and|so|okay|now|then)\W+)*(?:the\s+)?(?:main\s+|big\s+)?(?:risks?|downsides?)\b"
                      r"(?=[^.;:]{0,30}[:,.])", re.IGNORECASE)
_ON_NUMBER = re.compile(r"^\W*(?:(?:and|then)\W+)?(?:on|for)\s+(one|two|three|four|five|[1-5])\b", re.IGNORECASE)
RUN_LENGTH = 3  # passages after the one that opens a risk run that may go on with it


def risk_run(passages: list[Passage], rows: list[list[int]]) -> dict[int, tuple[int, str]]:
    """Per row, the passage of a closing risk run that names it (by a lever word no other row has,
    by its own words, or by its number: "on two, a hot lot backs the queue up") and the part of it
    that does, each part of the run read on its own ("Risks: stale holds on the bucket if the expiry
    job stalls, backlog on the queue, and a wrong price sitting on the CDN")."""
    if len(rows) < 2:
        return {}
    out: dict[int, tuple[int, str]] = {}
    names = _names(passages, rows)
    for h, p in enumerate(passages):
        if h <= rows[1][0] or not RISK_RUN.match(p.raw):
            continue
        for j in range(h, min(h + RUN_LENGTH + 1, len(passages))):
            if j > h and (_bare_heading(passages[j].raw) or PLACE_HEADING.match(passages[j].raw)):
                break  # "The risk is egress cost." then "Second: partition the stream per show."
            named = _parts(passages, rows, j, names, commas=True)
            for n, part in named.items():
                out.setdefault(n, (j, part))
            if j > h and not named:
                break
    return out


def kpi_run(passages: list[Passage], rows: list[list[int]], closing: int | None) -> dict[int, tuple[int, str]]:
    """Per row, the business effect said of it in a closing run, with the part that names it: a
    sentence that goes over several levers in one breath ("the token bucket, drop conversion up about
    three points; the order queue, checkout completion near ninety-five percent"), or, from `closing`
    (the passage that opened a summary: "So, wrapping up."), one that names a single lever
    ("checkout conversion, plus two from the cash")."""
    out: dict[int, tuple[int, str]] = {}
    names = _names(passages, rows)
    for j in range(rows[1][0] + 1 if len(rows) > 1 else len(passages), len(passages)):
        named = {n: part for n, part in _parts(passages, rows, j, names, commas=True, lever_first=True).items()
                 if st.METRIC.search(part) or st.STRONG_METRIC.search(part)}
        summing_up = closing is not None and j > closing
        if (len(named) >= 2 or (named and summing_up)) and not RISK_RUN.match(passages[j].raw):
            for n, part in named.items():
                out.setdefault(n, (j, part))
    return out


Names = tuple[list[set[str]], list[set[str]], dict[int | None, int]]  # see _names


def _names(passages: list[Passage], rows: list[list[int]]) -> Names:
    """What each row can be named by: its lever words, the words only its lever was put in, its number."""
    return (row_terms(passages, rows), _distinct_words(passages, rows),
            {row_number(passages, rows, n): n for n in range(len(rows))})


def _parts(passages: list[Passage], rows: list[list[int]], j: int, names: Names, commas: bool = False,
           lever_first: bool = False) -> dict[int, str]:
    """The rows a sentence's parts name (split at ";", ":" and sentence ends, and with `commas` at
    commas where a part names several levers), each with the first part that names it alone. With
    `lever_first`, a piece between commas names a lever only in its first words ("the queue lifts
    sell-through ..."), and one that names none goes on with the piece before ("the cache, that one
    lifts conversion a point")."""
    terms, own, number = names

    def row_named(piece: str, first_words: bool = False) -> int | None:
        on = _ON_NUMBER.match(piece)
        if first_words:  # a comma run names each lever first: "..., the queue lifts sell-through ..."
            piece = " ".join(piece.split()[:HEADING_WORDS])
        by_word = named_rows(lever_terms(piece), terms) or _by_own_words(piece, own)
        return number.get(_ORDINALS[on.group(1).lower()]) if on else by_word[0] if len(by_word) == 1 else None

    out: dict[int, str] = {}
    for part in re.split(r"[;:]|\.\s", passages[j].raw):
        pieces = [part]
        if commas and len(set(named_rows(lever_terms(part), terms)) | set(_by_own_words(part, own))) >= 2:
            pieces = []
            for piece in re.split(r",\s*(?:and\s+)?", part):
                if pieces and row_named(piece, first_words=lever_first) is None:
                    pieces[-1] += ", " + piece  # "the cache, that one lifts conversion a point": still the cache's
                else:
                    pieces.append(piece)
        for piece in pieces:
            n = row_named(piece, first_words=lever_first and len(pieces) > 1)
            if n is not None and rows[n][0] < j:
                out.setdefault(n, piece.strip(" ,."))
    return out


def named_part(passages: list[Passage], rows: list[list[int]], j: int, n: int) -> str | None:
    """The part of sentence `j` that names row `n`, when its parts name several rows; else None."""
    named = _parts(passages, rows, j, _names(passages, rows), commas=True, lever_first=True)
    return named.get(n) if len(named) >= 2 else None


def _own_words(raw: str) -> set[str]:
    """The words a lever was put in: the first eight that say something ("a reservation token bucket
    per drop")."""
    return set([w[:5] for w in _CONTENT.findall(raw.lower()) if w not in _PLAIN and w[:5] not in _NO_NAME][:8])


def _distinct_words(passages: list[Passage], rows: list[list[int]]) -> list[set[str]]:
    """Per row, the words its lever was put in that no other row's lever was."""
    own = [_own_words(passages[g[0]].raw) for g in rows]
    return [m - set().union(*(o for k, o in enumerate(own) if k != n)) for n, m in enumerate(own)]


def _stems(text: str) -> set[str]:
    """The first five letters of each word of four letters or more, as own words are kept."""
    return {w[:5] for w in _CONTENT.findall(text.lower())}


def _by_own_words(text: str, distinct: list[set[str]]) -> list[int]:
    """The rows whose own words (_distinct_words) the text says."""
    said = _stems(text)
    return [n for n, m in enumerate(distinct) if said & m]


def stated_constraint(passages: list[Passage], kinds: dict[int, set[str]], lever: int, tie: int) -> int | None:
    """Where the constraint a lever is tied to at `tie` was stated, when that was before the lever
    ("The buy tap must be confirmed in under eight hundred milliseconds" ... "That serves the eight
    hundred millisecond limit"): the constraint statement before the lever that shares the most with
    the tie (a kind of limit, a number, its words). None when no earlier statement shares anything."""
    said = passages[tie].raw
    tie_kinds = {k for k, hint in CONSTRAINT_HINTS.items() if hint.search(said)}
    tie_numbers = set(_NUMERAL.findall(said.lower()))
    tie_words = _words(said)
    best, best_score = None, 0
    for c in (i for i in range(min(lever, tie)) if "constraint" in kinds.get(i, set())):
        text = passages[c].raw
        score = (3 * len(tie_kinds & {k for k, hint in CONSTRAINT_HINTS.items() if hint.search(text)})
                 + 3 * len(tie_numbers & set(_NUMERAL.findall(text.lower()))) + len(tie_words & _words(text)))
        if score > best_score:
            best, best_score = c, score
    return best


_NUMERAL = re.compile(rf"\d[\d.,]*|\b(?:{lx.NUMWORD})\b", re.IGNORECASE)


def _kind_of_constraint(detail: str | None) -> str:
    d = (detail or "").lower()
    for kind in CONSTRAINT_HINTS:
        if kind in d or (kind == "correctness" and ("never" in d or "invariant" in d)):
            return kind
    return d


def _distance(d: int) -> str:
    return "same" if d == 0 else "next" if d <= 2 else "near" if d <= 5 else "later"


class CellModelError(UserError):
    """The cell model file is missing or damaged; the message says how to get it back."""


@dataclass
class CellModel:
    features: dict[str, int]  # is it this row's: a candidate's features
    weights: np.ndarray  # (cell types, 1 + features): bias first
    sentence_features: dict[str, int]  # is it a cell at all: sentence_features
    sentence_weights: np.ndarray  # (cell types, 1 + sentence features)
    threshold: float
    meta: dict[str, object]

    @classmethod
    def load(cls, path: Path | None = None) -> CellModel:
        path = path or WEIGHTS
        try:
            with np.load(path, allow_pickle=False) as z:
                names = [str(x) for x in z["features"]]
                weights = z["weights"].astype(np.float64)
                sentence_names = [str(x) for x in z["sentence_features"]]
                sentence_weights = z["sentence_weights"].astype(np.float64)
                threshold = float(z["threshold"])
                meta = json.loads(str(z["meta"]))
        except FileNotFoundError:
            raise CellModelError(f"{path}: the decision-matrix model is missing; reinstall voice-sim or run "
                                 "scripts/train_matrix.py") from None
        except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile) as exc:
            raise CellModelError(f"{path}: the decision-matrix model is damaged ({exc}); reinstall voice-sim "
                                 "or run scripts/train_matrix.py") from None
        if (weights.shape != (len(CELL_TYPES), len(names) + 1)
                or sentence_weights.shape != (len(CELL_TYPES), len(sentence_names) + 1)):
            raise CellModelError(f"{path}: the decision-matrix model's shapes do not match; retrain it")
        return cls({name: k for k, name in enumerate(names)}, weights,
                   {name: k for k, name in enumerate(sentence_names)}, sentence_weights, threshold, meta)

    def vector(self, f: dict[str, float], names: dict[str, int] | None = None) -> np.ndarray:
        return vector(f, self.features if names is None else names)


    def link(self, passages: list[Passage], kinds: dict[int, set[str]], detail: dict[tuple[int, str], str | None],
             rows: list[list[int]], run: dict[int, tuple[int, str]],
             kpis: dict[int, tuple[int, str]] | None = None) -> list[dict[str, int]]:
        """Per row, the passage index that fills each cell it has (a missing cell has no key). A
        sentence fills a cell of one row only, the row it scores highest for ("Yes, so for the edge,
        ... bids per lot up fifteen percent" is the edge's KPI, not also the queue's said before it),
        unless it names the other row's lever too ("The precompute plus the edge cache, I'd say that
        moves purchases per session..."). A risk or KPI the model left empty is taken from a closing
        run (`run`, risk_run; `kpis`, kpi_run) where that names the row."""
        scope, turn = scopes(passages, rows), in_turn(passages, rows)
        found = [candidates(passages, kinds, rows, n, picks, scope, turn)
                 for n, picks in enumerate(rule_picks(passages, kinds, detail, rows))]
        sentences = sentence_features(passages, rows, found)
        is_cell = {j: _sigmoid(self.vector(f, self.sentence_features) @ self.sentence_weights.T)
                   for j, f in sentences.items()}
        scored: list[tuple[float, int, int, int]] = []  # (probability, row, cell type, passage)
        for n, row in enumerate(found):
            if row:
                p = _sigmoid(np.array([self.vector(f) for _, f in row]) @ self.weights.T)  # (candidates, types)
                scored += [(float(is_cell[j][t] * p[k, t]), n, t, j) for k, (j, _) in enumerate(row)
                           for t in range(len(CELL_TYPES))]
        names_it = {(n, j) for n, row in enumerate(found) for j, f in row if f.get("names_its_lever")}
        out: list[dict[str, int]] = [{} for _ in rows]
        taken: set[tuple[int, int]] = set()
        for score, n, t, j in sorted(scored, reverse=True):
            if score <= self.threshold:
                break
            if CELL_TYPES[t] not in out[n] and ((t, j) not in taken or (n, j) in names_it):
                out[n][CELL_TYPES[t]] = j
                taken.add((t, j))
        for n, cells in enumerate(out):
            for cell, j in _named_by_number(passages, kinds, rows, n, turn).items():
                cells.setdefault(cell, j)
            if n in run:
                cells.setdefault("risk", run[n][0])
            if kpis and n in kpis:
                cells.setdefault("kpi", kpis[n][0])
        return out


def vector(f: dict[str, float], names: dict[str, int]) -> np.ndarray:
    """Features as the model reads them: a bias of 1, then each named feature's value (others 0)."""
    x = np.zeros(len(names) + 1)
    x[0] = 1.0
    for name, value in f.items():
        k = names.get(name)
        if k is not None:
            x[k + 1] = value
    return x


def _sigmoid(z: np.ndarray) -> np.ndarray:
    out: np.ndarray = 1.0 / (1.0 + np.exp(-z))
    return out


@lru_cache(maxsize=1)
def default_cell_model() -> CellModel:
    return CellModel.load()
