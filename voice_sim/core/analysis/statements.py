"""Find the statements a panel listens for, and the anti-patterns, in a timed transcript.

Each detector looks at one sentence with its neighbours, and needs the parts of a statement, not a
keyword: a hypothesis names who has a problem or the bet on an outcome; a metric tie joins a lever
or choice to a change in a business metric; a constraint is a bound, not a description. Negations
and hedges ("I don't have a hypothesis yet", "metrics matter") are ruled out first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from voice_sim.core.analysis import lexicon as lx
from voice_sim.core.analysis.prefilter import Regex, compile_filtered, may_match
from voice_sim.core.models import Transcript


def _compile(patterns: list[str] | str) -> Regex:
    """A list is one alternation. Compiled through prefilter.py: the same matches, found faster."""
    return compile_filtered(patterns)


HYPOTHESIS = _compile(lx.HYPOTHESIS_CUES)
USER_PROBLEM = _compile(lx.USER_PROBLEM)
USER_PROBLEM_WEAK = _compile(lx.USER_PROBLEM_WEAK)
PROBLEM_CAUSE = _compile(lx.PROBLEM_CAUSE)
QUANT = _compile(lx.QUANT)
_WEAK = lx.alt(*lx.WEAK_METRIC_TERMS)
WEAK_METRIC_QUANTIFIED = _compile([
    rf"{lx.COMPARATIVE}{lx.METRIC}",
    rf"\b{_WEAK}\b(?:\s+\S+){{0,4}}?\s+(?:up\s+|down\s+|by\s+)?(?:about\s+|maybe\s+|around\s+)?{lx.NUMSEQ}\s*(?:%|percent|points?)",
    r"(?:%|percent|points?)\s+(?:more|fewer|higher|lower)\s+\w+",
])
NOT_HYPOTHESIS = _compile(lx.NEGATED_HYPOTHESIS)
CONSTRAINT_KINDS = {kind: _compile(p) for kind, p in lx.CONSTRAINTS.items()}
CONSTRAINT_FRAME = _compile(lx.CONSTRAINT_FRAME)
FRAMED_NUMBER = _compile(lx.FRAMED_NUMBER)
NOT_CONSTRAINT = _compile(lx.NEGATED_CONSTRAINT)
LEVER = _compile(lx.LEVER)
NOT_LEVER = _compile(lx.NEGATED_LEVER)
TECH = _compile(lx.TECH_RE)
METRIC = _compile(lx.METRIC)
STRONG_METRIC = _compile(lx.STRONG_METRIC)
CHANGE = _compile(rf"\b{lx.CHANGE}")
CAUSAL = _compile(rf"\b{lx.CAUSAL}\b")
NUMBER = _compile(lx.NUMBER)
VAGUE_METRIC = _compile(lx.VAGUE_METRIC)
ANAPHOR = _compile(
    r"^(?:and\s+|so\s+|but\s+|which\s+)?(?:which|that|this|it|doing\s+(?:that|this|so)|that\s+alone|"
    r"those|these|the\s+(?:result|effect|payoff|upside|win|impact|business\s+(?:case|impact|upside)))\b"
)
CHOICE = _compile(
    r"\b(?:by|if\s+we|when\s+we|once\s+we)\s+\w+ing\b|\b(?:showing|holding|reserving|putting|moving|keeping|"
    r"precomputing|pre-computing|caching|sharding|batching|queuing|queueing|streaming|pushing|serving|ranking|"
    r"confirming|splitting|isolating|prefetching|pre-warming|routing)\b"
)
EXPECT = _compile(
    r"\b(?:i'd|i would|we'd|we would|i|we)\s+(?:\S+\s+)?(?:expect|guess|estimate|bet|hope|project|predict)|"
    r"\b(?:i'd|we'd)\s+want\s+(?:a|to\s+see)\b|"
    r"\b(?:should|will|would|could|might|ought to)\s+(?:\S+\s+){0,2}(?:lift|move|raise|increase|improve|boost|grow|"
    r"drive|cut|reduce|lower|protect|mean|translate|add|bring|get|keep|save|recover|double|halve|go)|"
    r"\bexpect\w*|\bestimat\w+|\bprojected\b|\bcall it\b|\bworth\b"
)
CONDITIONAL = _compile(r"(?:^|[,;:]\s*)(?:\S+\s+){0,3}?(?:if|once|when|whenever|as long as)\b")
MECHANISM = _compile(
    r"\b(?:is|are|that's|it's|what)\s+what\s+(?:gets|protects|drives|keeps|moves|lifts|lets|holds|saves)|"
    r"\bwhat\s+(?:gets|protects|drives|keeps|moves|lifts|lets|holds|saves)\b|\b(?:matters?|is there)\s+(?:for|because)\b|"
    r"\bbecause\b|\bwhich\s+(?:is|means|turns|drives|translates)|\bthat's\s+(?:real\s+)?(?:gmv|revenue|money|conversion|sell-through)|"
    r"\bmeans\b|\bso\s+more\b|\bis\s+(?:really\s+)?about\b|\bpayoff\b|\bwhy\s+i\s+care\b|\btie\s+(?:that|it|this)\s+to\b"
)
WHAT_DRIVES = _compile(r"\b(?:is|are|that's|it's|this is|that is)\s+what\s+(?:gets|protects|drives|keeps|moves|lifts|holds|saves|grows|wins)\b")
# Saying which metric a choice is for is a tie, with or without a number ("the metric I'd hang
# this on is show-up rate", "batching is the lever for paid rate").
TIE_PHRASE = _compile(
    r"\b(?:tie|hang|link|map)\w*\s+(?:\S+\s+){0,6}?(?:to|on)\b|\bthe\s+metric\s+(?:i'd|we'd|i\s+would|i)\s+\w+|"
    r"\bis\s+the\s+lever\s+for\b|\bwhat\s+i'd\s+tie\b|\bthe\s+reason\s+(?:that|this|it)\s+matters\b|\blet\s+me\s+tie\b"
)
RATE = _compile(r"\b\w+(?:[- ]\w+)?\s+rate\b(?<!rate limit)")
TRADEOFF = _compile(lx.TRADEOFF)
NOT_TRADEOFF = _compile(lx.NEGATED_TRADEOFF)
TECH_CHOICE = _compile(lx.TECH_CHOICE)
RATIONALE = _compile(rf"\b{lx.RATIONALE}")
# A reason given in the next sentence counts only when that sentence reads as the reason.
RATIONALE_NEXT = _compile(
    r"^(?:and\s+|so\s+|mostly\s+|mainly\s+)?(?:because|since|so\s+that|that(?:'s|\s+is)\s+(?:because|why|so)|"
    r"(?:it|that|this|which)\s+(?:gives|lets|keeps|means|guarantees|handles|buys)|the\s+reason|that\s+way|"
    r"for\s+(?:the|its)|to\s+\w+|why\b)|\b(?:because|the reason|gives us|lets us)\b"
)
DEFERS = _compile(lx.DEFERS)
DISMISSES = _compile(lx.DISMISSES_LATENCY)
SCALE = _compile(lx.SCALE_CLAIM)
NEGATED_BEFORE = compile_filtered(
    r"(?:\bnot|\b(?:don't|won't|wouldn't|didn't|shouldn't)\s+(?:just\s+)?(?:say|want to|think|use|pick|go with|let|leave|ask)|\bnever|\brather than|\binstead of|\bwithout|\bthe mistake is|\bthe trap is|\bbad answer|"
    r"\bthe bad version|\bwhat i wouldn't do is|\bi won't say|\bavoid saying|\bpeople say)\W+(?:\w+\W+){0,3}$"
)
QUESTION_START = compile_filtered(
    r"^(?:so\s+|and\s+|but\s+|ok(?:ay)?\s+)?(?:what|why|how|do|does|did|is|are|can|could|should|would|will|where|which|who)\b"
)

BACKREF = compile_filtered(
    r"^(?:and\s+|so\s+)?(?:that's|that\s+is|this\s+is|it's)\s+(?:a|the|my|our)\s+(?:hard\s+|non-negotiable\s+)?"
    r"(?:requirement|rule|constraint|line|limit|must)\b"
)
RETRACTS = compile_filtered(
    r"^(?:actually,?\s+no|scratch\s+that|no,?\s+wait|wait,?\s+no|let\s+me\s+take\s+that\s+back|i\s+take\s+that\s+back|"
    r"strike\s+that|sorry,?\s+no|that's\s+wrong|no,?\s+that's\s+not\s+right)"
)
CONTINUES = compile_filtered(r"^(?:and\s+)?(?:which|so|that|this|because|meaning|it)\b")
_FILLER = compile_filtered(
    r"\b(?:" + "|".join(lx.FILLERS_SINGLE) + r")\b[,.]?\s*|\b(?:you know|i mean)\b,?\s*",
)
_MISHEARD = [(re.compile(pattern), said) for pattern, said in lx.MISHEARD]
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=\S)")
# Longer than this, a "sentence" is a recognizer that stopped punctuating (or a stuck one repeating
# a phrase): it is cut into even pieces, so what the rules read at once stays bounded and analysis
# time grows with the length of the answer, not with the square of its longest sentence. The
# labelled answers' longest sentence has 39 words; 60 is about 25 s of speech.
MAX_SENTENCE_WORDS = 60


def normalize(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u2014", " - ")
    text = re.sub(r"(\d),(\d{3})", r"\1\2", text)
    text = _FILLER.sub("", text)
    for misheard, said in _MISHEARD:
        text = misheard.sub(said, text)
    text = re.sub(r"\b(\w+)(?:\s+\1\b)+", r"\1", text)  # restarts: "the the", "we we"
    return re.sub(r"\s+", " ", text).strip(" ,")


@dataclass
class Unit:
    """A sentence of one cue. Times are the cue's: a statement's time is its cue's start."""

    cue: int
    start_s: float
    end_s: float
    raw: str
    text: str

    @property
    def is_question(self) -> bool:
        return self.text.endswith("?") and (bool(QUESTION_START.match(self.text)) or len(self.text.split()) <= 8)


def sentences(text: str) -> list[str]:
    """The sentences of `text`, a run of more than MAX_SENTENCE_WORDS words cut into even pieces."""
    out: list[str] = []
    for sentence in _SPLIT.split(text):
        words = sentence.split()
        if len(words) <= MAX_SENTENCE_WORDS:
            out.append(sentence)
            continue
        pieces = -(-len(words) // MAX_SENTENCE_WORDS)
        size, longer = divmod(len(words), pieces)  # the first `longer` pieces get one word more
        start = 0
        for i in range(pieces):
            end = start + size + (i < longer)
            out.append(" ".join(words[start:end]))
            start = end
    return out


def units_of(transcript: Transcript) -> list[Unit]:
    units: list[Unit] = []
    for i, cue in enumerate(transcript.cues):
        for sentence in sentences(cue.text.strip()):
            norm = normalize(sentence)
            if norm:
                units.append(Unit(i, cue.start_s, cue.end_s, sentence.strip(), norm))
    return units


def _clean_match(pattern: Regex, text: str) -> re.Match[str] | None:
    """The first match not introduced by a negation ("rather than let engineering decide")."""
    if not may_match(NEGATED_BEFORE, text):  # no negation anywhere, so none before the first match
        return pattern.search(text)
    for m in pattern.finditer(text):
        if not NEGATED_BEFORE.search(text[: m.start()]):
            return m
    return None


# --- the five signals ---------------------------------------------------------------------------


def is_hypothesis(text: str) -> bool:
    if NOT_HYPOTHESIS.search(text):
        return False
    if _clean_match(HYPOTHESIS, text):
        return True
    m = _clean_match(USER_PROBLEM, text)
    if not m and PROBLEM_CAUSE.search(text):
        m = _clean_match(USER_PROBLEM_WEAK, text)
    if not m or len(text.split()) < 5:
        return False
    # "...under 150 ms or people bail" states a constraint's consequence, not the hypothesis.
    return not re.search(r"\b(?:or|otherwise|else|before)\s+(?:\w+\s+)?$", text[: m.start()])


def constraint_kind(text: str, framed: bool = True) -> str | None:
    if NOT_CONSTRAINT.search(text):
        return None
    for kind, pattern in CONSTRAINT_KINDS.items():
        if _clean_match(pattern, text):
            return kind
    if framed and FRAMED_NUMBER.search(text) and _clean_match(CONSTRAINT_FRAME, text):
        return "stated bound"
    return None


def is_lever(text: str) -> bool:
    return bool(_clean_match(LEVER, text)) and not NOT_LEVER.search(text)


def is_metric_tie(text: str, lever_before: bool) -> bool:
    """A choice joined to an expected change in a business metric — not a goal ("we want more
    GMV"), not a slogan ("metrics matter"), not a latency figure on its own."""
    if VAGUE_METRIC.search(text):
        return False
    if _clean_match(HYPOTHESIS, text) and not LEVER.search(text):
        return False  # "my bet is ... more bids": the hypothesis's outcome, not a lever's payoff
    if TIE_PHRASE.search(text) and (STRONG_METRIC.search(text) or RATE.search(text)):
        return True
    if not METRIC.search(text) or not CHANGE.search(text):
        return False
    quantified = bool(QUANT.search(text) or WEAK_METRIC_QUANTIFIED.search(text))
    if not STRONG_METRIC.search(text) and not WEAK_METRIC_QUANTIFIED.search(text):
        return False
    if LEVER.search(text) or TECH.search(text) or CHOICE.search(text):
        return bool(CAUSAL.search(text) or quantified or EXPECT.search(text))
    if lever_before and (ANAPHOR.search(text) or CAUSAL.search(text)):
        return True
    expects = bool(EXPECT.search(text))
    if CONDITIONAL.search(text) and (expects or quantified):
        return True
    if WHAT_DRIVES.search(text):
        return True
    return (expects and quantified) or bool(MECHANISM.search(text) and (expects or quantified))


def is_tradeoff(text: str) -> bool:
    return bool(_clean_match(TRADEOFF, text)) and not NOT_TRADEOFF.search(text)


# --- anti-patterns -------------------------------------------------------------------------------


# Products the lexicon does not know still show up as capitalized names after a choice verb
# ("we'd use Akka for that") or alone after a component ("For the read store, ScyllaDB.").
_NAMED_CHOICE = compile_filtered(
    r"\b(?:use|using|do|go with|pick|choose|run (?:it |this |that )?on|build (?:it |this )?(?:in|on)|"
    r"put (?:\S+ ){0,3}(?:in|on|into)|(?:would|will|'d|'ll) be)\s+([A-Z][\w.+-]*(?:\s+[A-Z][\w.+-]*)?)"
)
_LIKE_PRODUCT = compile_filtered(r"\b(?:like|say|e\.g\.|maybe|probably)\s+([A-Z][\w.+-]*(?:\s+[A-Z][\w.+-]*)?)")
_CHOICE_VERB = re.compile(r"\b(?:use|using|do|go with|pick|choose|reach for|run|build)\b", re.I)
_X_COMMA_PRODUCT = compile_filtered(r"^(?:[Aa]nd |[Ss]o |[Tt]hen )?[A-Z][a-z]+(?: [a-z]+){0,3}, ([A-Z][\w.+-]*)[.!]?$")
_RAW_FILLER = compile_filtered(r"\b(?:[Uu]m+|[Uu]h+|[Ee]rm|you know)\b,?\s*")
_FOR_THE_X = compile_filtered(
    r"^(?:[Aa]nd |[Ss]o |[Tt]hen )?[Ff]or (?:the|our) [\w\s-]{2,40}, (?:(?:we'd|I'd|we'll|I'll) (?:use|go with) )?"
    r"([A-Z][\w.+-]*(?:\s+[A-Z][\w.+-]*)?)[.!]?$"
)
_NOT_PRODUCTS = {"I", "A", "The", "We", "It", "That", "This", "Or", "And", "But", "So", "Then", "If", "For",
                 "Our", "My", "US", "EU", "UK", "ID", "MVP", "PM", "OK", "Okay", "Um", "Uh", "Yes", "No",
                 "Right", "Well", "Sure", "Yeah", "Actually", "Honestly", "Basically", "Like", "Maybe",
                 "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Black"}


def named_technology(text: str, raw: str) -> str | None:
    m = TECH.search(text)
    if m and _clean_match(TECH_CHOICE, text):
        return m.group(0)
    raw = _RAW_FILLER.sub("", raw).strip()
    likes = _LIKE_PRODUCT.finditer(raw) if _CHOICE_VERB.search(raw) else ()
    for m in (*_NAMED_CHOICE.finditer(raw), *likes, _FOR_THE_X.match(raw), _X_COMMA_PRODUCT.match(raw)):
        if m and m.group(1).split()[0] not in _NOT_PRODUCTS:
            return str(m.group(1))
    return None


def tech_without_rationale(text: str, following: str, raw: str = "") -> str | None:
    """The technology named without a reason here or in the next sentence, else None."""
    name = named_technology(text, raw)
    if not name or RATIONALE.search(text) or RATIONALE_NEXT.search(following):
        return None
    return name


def defers_to_engineering(text: str) -> bool:
    return bool(_clean_match(DEFERS, text))


def dismisses_latency(text: str) -> bool:
    return bool(_clean_match(DISMISSES, text))


def scale_without_business_tie(text: str, around: str) -> bool:
    if not _clean_match(SCALE, text):
        return False
    return not STRONG_METRIC.search(text) and not STRONG_METRIC.search(around)


@dataclass
class Finding:
    kind: str  # a signal name, an anti-pattern code or "hedge"
    unit: Unit
    detail: str | None = None
    score: float | None = None  # the statement model's score; None for the rules


def _signals_in(text: str, lever_before: bool, joined: bool = False) -> list[tuple[str, str | None]]:
    hits: list[tuple[str, str | None]] = []
    if is_hypothesis(text):
        hits.append(("hypothesis", None))
    kind = constraint_kind(text, framed=not joined)
    if kind:
        hits.append(("constraint", kind))
    if is_lever(text):
        hits.append(("lever", None))
    if is_metric_tie(text, lever_before):
        hits.append(("metric_tie", None))
    if is_tradeoff(text):
        hits.append(("tradeoff", None))
    return hits


def find(units: list[Unit]) -> list[Finding]:
    """Every signal and anti-pattern statement, in time order."""
    found: list[Finding] = []
    lever_seen_at = -10
    for i, u in enumerate(units):
        if u.is_question or (i + 1 < len(units) and RETRACTS.match(units[i + 1].text)):
            continue
        text = u.text
        nxt = units[i + 1] if i + 1 < len(units) else None
        following = nxt.text if nxt else ""
        lever_before = i - lever_seen_at <= 3

        hits = _signals_in(text, lever_before)
        if nxt and nxt.cue != u.cue and not text.endswith((".", "?", "!")):
            # The recognizer cut a sentence between two cues: what only the whole sentence
            # states began in this cue.
            have = {k for k, _ in hits} | {k for k, _ in _signals_in(following, True)}
            hits += [h for h in _signals_in(f"{text} {following}", lever_before, joined=True) if h[0] not in have]
        elif following and _hypothesis_spans(text, following):
            hits.append(("hypothesis", None))
        for kind, detail in hits:
            at = u
            if kind == "constraint" and i > 0 and BACKREF.match(text) and units[i - 1].cue >= u.cue - 1:
                at = units[i - 1]
            found.append(Finding(kind, at, detail))

        tech = tech_without_rationale(text, following, u.raw)
        if tech:
            found.append(Finding("tech_without_rationale", u, tech))
        if defers_to_engineering(text):
            found.append(Finding("defers_to_engineering", u))
        if dismisses_latency(text):
            found.append(Finding("dismisses_latency", u))
        if scale_without_business_tie(text, following if CONTINUES.match(following) else ""):
            found.append(Finding("scale_without_business_tie", u))
        if LEVER.search(text) or TECH.search(text):
            lever_seen_at = i
    return _one_per_cue(found)


def _one_per_cue(found: list[Finding]) -> list[Finding]:
    """Two phrasings of the same thing in one cue are one finding."""
    seen: set[tuple[str, int]] = set()
    unique = []
    for f in found:
        if (f.kind, f.unit.cue) not in seen:
            seen.add((f.kind, f.unit.cue))
            unique.append(f)
    return unique


def _hypothesis_spans(text: str, following: str) -> bool:
    """'The thing I keep hearing from sellers' + 'is that their drops get buried' — a statement
    that only becomes a hypothesis with the next sentence."""
    if is_hypothesis(text) or is_hypothesis(following):
        return False
    joined = f"{text} {following}"
    if NOT_HYPOTHESIS.search(joined):
        return False
    m = _clean_match(HYPOTHESIS, joined)
    return m is not None and m.start() < len(text) and len(text.split()) >= 3
