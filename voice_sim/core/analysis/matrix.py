"""The decision matrix, read from the answer: one row per lever the candidate proposed, with the
business KPI it was tied to (and the number), the constraint it serves and the risk or cost named.

Rows come from the statement findings: each passage heard as a lever, grouped so that a lever said
over several sentences is one row, a sentence that opens on a risk stays in its lever's row, a
sentence that lists levers ("three things: a queue, reminder lists and partitioning") or counts them
off ("Levers. One, ... Two, ...") is a row per lever, options weighed side by side are one row, said
where the candidate chose ("I'm going with option two"), and a summary ("to sum up: precompute,
queue, cache") or a back-reference ("lever one is the money", "for the second one", "back to the
card vault", "the precompute risks going stale") starts none. A lever the candidate takes back
("Actually, scrap the cache, it's the wrong tool here") is no row, and one said again as meant ("I
said CDN but really what I mean is edge delivery") is a row where it is meant. Which sentence fills
each cell is decided by the learned linker in cells.py. An empty cell is a gap the report shows as
such.
"""

from __future__ import annotations

import re

from voice_sim.core.analysis import statements as st
from voice_sim.core.analysis.cells import (
    BACK_TO,
    CONSTRAINT_HINTS,
    COUNTED,
    HEADING_WORDS,
    IN_TURN,
    KPI_NUMBER,
    NEW_LEVER,
    REACH,
    RISK,
    RISK_LEAD,
    RISK_NAME,
    SERVES,
    CellModel,
    ListedLever,
    default_cell_model,
    in_turn,
    kpi_run,
    lever_terms,
    named_part,
    named_rows,
    ordinals,
    places,
    returns_to,
    risk_run,
    row_terms,
    stated_constraint,
)
from voice_sim.core.analysis.detect import REJECTED_LEVER
from voice_sim.core.analysis.features import Passage
from voice_sim.core.analysis.statements import Finding
from voice_sim.core.models import MatrixRow


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
    r"^(?:(?:(?:the )?(?:first|second|third|fourth|next|last) (?:lever|move|thing|piece|step)(?: (?:i'd|i would|we'd) "
    r"(?:do|change|try|build))?(?: is)?(?=\W)|lever \w+(?: is)?|my (?:first|second) lever(?: is)?|um+|uh+|so|and|then|"
    r"okay|ok|now|also|instead|levers|first|second|third|next|finally|(?:one|two|three|four|five|[1-5])(?=\s*[:.,)]))"
    r"\W+)+",
    re.IGNORECASE,
)


def _lever_phrase(p: Passage) -> str:
    """The lever as the candidate said it: its sentence without the lead-in ("I'm going with" where
    options were weighed), at most 12 words."""
    text = p.raw.strip()
    if RETRACTS.search(text) or REPHRASES.search(text) or SAID_AS_MEANT.search(text):
        text = _as_meant(text)
    choice = CHOICE.search(text)
    if choice and choice.start() < 24 and choice.end() < len(text) - 8:
        text = text[choice.end():]
    text = _LEAD_IN.sub("", text.strip(" ,"))
    end = _CLAUSE_END.search(text, 12)  # keep a short lead clause whole ("First, we cache")
    return " ".join((text[: end.start()] if end else text).split()[:12]).rstrip(" ,.;:")


# A sentence that sums up, orders or ranks the levers already proposed starts no row of its own.
RECAP = re.compile(
    r"^\W*(?:(?:um+|uh+|and|so|okay|ok|yeah|like|then|roughly)\W+)*(?:to sum (?:it )?up|in summary|summing up|"
    r"to recap|recap\b|(?:so )?to (?:close|wrap(?: it)? up)|wrapping up|in closing|closing (?:out|up)|"
    r"(?:the way )?(?:i'd|i would|let me) sum (?:it|this|that) up|(?:pulling|putting|tying) (?:that|it|this|it all|"
    r"that all|everything) (?:\w+ )?together|what (?:it|they|this|these|each (?:one|lever)) (?:buys?|gets? us)\b\W*$|"
    r"(?:so )?the short version|(?:build )?order(?: of work)?\s*:|sequence\s*:|so\s*:|build order|tie it (?:all )?back|"
    r"(?:so )?the order (?:is|would be)|(?:so )?the shape is|overall\b|if i had to (?:rank|pick|order)|"
    r"for (?:the )?(?:first )?(?:thirty|30)[- ]days?|in the first (?:month|thirty days|30 days))(?:\b|(?<=:))",
    re.IGNORECASE,
)
# A build order said anywhere in the sentence: "I'd build the schedule first, then the queue, then limits".
BUILD_ORDER = re.compile(r"\bfirst\b.{0,80}\bthen\b.{0,60}\bthen\b|\bfirst\b.{0,60},\s*(?:and\s+)?then\b"
                         r"|\bfirst\b.{0,80}\bsecond\b.{0,60}\bthird\b", re.IGNORECASE)

# A lever the candidate numbers themselves ("Lever three is a degradation mode", "Second lever, ..."):
# a row even when the statement model did not hear a lever in it.
NUMBERED_LEVER = re.compile(
    r"^\W*(?:(?:um+|uh+|and|so|okay|ok|then|now)\W+)*(?:lever\s+(?:one|two|three|four|five|[1-5])\b|"
    r"(?:the\s+|my\s+)?(?:first|second|third|fourth|fifth|next|last|final)\s+lever\b)",
    re.IGNORECASE,
)


def _sums_up(p: Passage) -> bool:
    """A summary or a build order of the levers already said, not a lever of its own."""
    return bool(RECAP.match(p.raw) or (BUILD_ORDER.search(p.raw) and not NUMBERED_LEVER.match(p.raw))
                or (IN_TURN.search(p.raw) and len(p.raw.split()) <= 12))  # "Here's how I'd book it, lever by lever."


def _rows_of(passages: list[Passage], levers: list[int], chosen: frozenset[int] = frozenset()) -> list[list[int]]:
    """Lever passages grouped into rows. A lever passage within REACH of its row that names no lever
    word the row has not named ("so that queue also absorbs the spike", a metric tie restating the
    lever) goes on about that lever, and so does the very next sentence unless it says it moves on
    (_goes_on) or puts a new lever forward (_proposes); a new lever word, or "lever two", starts a new
    row, anchored on the sentence before when that one announced it (_announced). A passage that sums up
    the levers so far, names an earlier lever by its number ("lever one is the money"), its place ("for
    the second one") or its name ("back to the card vault", "for the sharding by seller, ..."), or takes
    the levers in turn ("Risks, lever by lever."), whose only lever words are an earlier row's or a
    listed lever's (or the current row's, said beyond REACH), or that names two levers said before
    ("Risks, quickly: cache, stale counts; queue, ordering"), starts none and joins no row: the cell
    linker (cells.py) ties what it says to the lever it names. So does the sentence under a short
    heading that names a lever said before ("Async auth." then "Card auth comes off the bid path"), the
    sentences shortly after one that took up a lever said before ("Second: partition the stream per
    show." then "That protects the uptime for every show", _taken_up), a summary ("So, wrapping up.",
    "To close: ...") and, after one, a sentence whose lever words were all said before. Each lever of a
    sentence that lists several (ListedLever), and each option chosen (`chosen`, see _weighed), is a row
    of its own, unless the list mostly names levers said before (_listed_again)."""
    rows: list[list[int]] = []
    terms: set[str] = set()
    said: set[str] = set()
    numbered: set[int] = set()
    listed: set[str] = set()
    went_back: set[int] = set()  # lever sentences about a lever said before
    summed = _summing_up(passages, levers[0]) if levers else None  # "So, wrapping up."
    recaps: dict[tuple[int, float], bool] = {}  # per list: it names levers said before
    for i in levers:
        p = passages[i]
        own = lever_terms(p.raw)
        back = ordinals(p.raw)
        if i in chosen:
            rows.append([i])
            terms = set(own)
            said |= own
            continue
        if rows and (BACK_TO.match(p.raw) or returns_to(passages, i, rows) is not None
                     or (places(p.raw) and max(places(p.raw)) <= len(rows)) or i in in_turn(passages, rows)):
            went_back.add(i)
            continue  # "For the second one, ...", "Back to the card vault: ..." go back to a lever said before
        if rows and _under_heading(passages, i, rows) and _goes_on(p):
            continue  # "Async auth." then "Card auth comes off the bid path, so the tap feels instant."
        if rows and (_sums_up(p) or (own <= said and summed is not None and summed < i)):
            continue  # "So, wrapping up." then "checkout conversion, plus two from the cash."
        if isinstance(p, ListedLever):
            if (p.cue, p.start_s) not in recaps:  # the first of the list's items read here
                recaps[(p.cue, p.start_s)] = len(rows) >= 2 and _listed_again(passages, i, said)
            if (own and own <= said) or recaps[(p.cue, p.start_s)]:
                continue  # the levers listed again
            rows.append([i])  # "I'd use three things: a, b and c": a row each
            terms = set(own)
            listed |= own
        elif own and (own <= listed or (lever_terms(_first_lever(p)) <= listed and _goes_on(p))):
            went_back.add(i)
            continue  # "For the cache, ...", "The queue also keeps the bids under...": a lever listed before
        elif rows and len(own) >= 2 and own <= said and passages[rows[-1][-1]].cue != p.cue:
            continue  # "Risks, quickly: cache, stale counts; queue, ordering": levers said before
        elif rows and passages[rows[-1][-1]].cue == p.cue:
            rows[-1].append(i)
            terms |= own
        elif rows and i - rows[-1][-1] <= REACH and (
                RISK_LEAD.match(p.raw) or (own <= terms and not NEW_LEVER.match(p.raw)
                                           and not COUNTED.match(p.raw) and not _opens_new(p))):
            rows[-1].append(i)
        elif rows and i == rows[-1][-1] + 1 and _goes_on(p) and not (own - terms and _proposes(p)):
            rows[-1].append(i)
            terms |= own
        elif RISK_LEAD.match(p.raw):
            continue  # "Cost mostly comes from keeping every auction in memory" names a cost, not a lever
        elif rows and (_sums_up(p) or (back and back <= numbered) or (own and _goes_on(p) and (
                own <= said - terms or (own <= terms and i - rows[-1][-1] > REACH)))):
            continue  # "To sum up: precompute, stream the events, cache the shelf", "The precompute risks..."
        elif rows and _taken_up(passages, i, rows, own, went_back):
            continue  # "Second: partition the stream per show." then "That protects the uptime for every show."
        else:
            start = _announced(passages, i, rows)
            if start != i and _counted_apart(passages[start], p):
                rows.append([start])  # "Third, shard the inventory table." then "Fourth, batch the emails."
                start = i
            rows.append([start, i] if start != i else [i])
            terms = set(own) | lever_terms(passages[start].raw)
            numbered |= back | ordinals(passages[start].raw)
        said |= own
    return rows


def _listed_again(passages: list[Passage], i: int, said: set[str]) -> bool:
    """The list that holds item `i` mostly names levers said before ("So, in order: edge relays, show
    partitions, the audio fallback, and precomputed lots"): a recap, none of its items a new row."""
    items = [q for q in passages if isinstance(q, ListedLever) and q.cue == passages[i].cue
             and q.start_s == passages[i].start_s]
    again = sum(bool(lever_terms(q.raw)) and lever_terms(q.raw) <= said for q in items)
    return 2 * again >= len(items)


def _summing_up(passages: list[Passage], first: int) -> int | None:
    """Where the candidate starts to sum up the levers ("So, wrapping up.", "To sum up: ..."), after the
    first lever, at `first`; None when they do not."""
    return next((i for i in range(first + 1, len(passages)) if _sums_up(passages[i])), None)


def _under_heading(passages: list[Passage], i: int, rows: list[list[int]]) -> bool:
    """The sentence right after a short heading that names a lever said before ("Async auth.", "Rate
    limit.") says more about that lever."""
    k = i - 1
    return (k > rows[-1][-1] and len(passages[k].raw.split()) <= HEADING_WORDS and passages[k].cue != passages[i].cue
            and returns_to(passages, k, rows) is not None)


def _taken_up(passages: list[Passage], i: int, rows: list[list[int]], own: set[str], went_back: set[int]) -> bool:
    """The sentence comes shortly after one that took up a lever said before ("Second: partition the
    stream per show.", "Back to the queue.", or a lever sentence `went_back` to one), goes on, names
    no other lever's words and puts no new one forward ("And I'd shard the order table"): it says more
    about that lever ("That's the piece that protects the never-oversell rule, since each count has
    exactly one owner")."""
    if not _goes_on(passages[i]):
        return False
    terms = row_terms(passages, rows)
    for k in range(i - 1, max(rows[-1][-1], i - REACH - 1), -1):
        n = returns_to(passages, k, rows)
        if n is None and k in went_back:  # "The second one is sharding ...", "The reservation queue sits ..."
            named = named_rows(lever_terms(passages[k].raw), terms)
            place = places(passages[k].raw)
            n = named[0] if len(named) == 1 else min(place) - 1 if len(place) == 1 and min(place) <= len(rows) else None
        if n is not None:
            return not (own & set().union(*(t for m, t in enumerate(terms) if m != n)) - terms[n]
                        or (own - terms[n] and _proposes(passages[i])))
    return False


# "Partition the bid ledger by lot", "and shard by cellar id", "Rate-limit bids per account": a lever said as
# an instruction.
_DO_LEVER = re.compile(r"^\W*(?:(?:and|so|um+|uh+|then|also|plus)\W+)*(?:shard|partition|cache|cash|replicate|"
                       r"rate[- ]?limit|batch|pre-?compute|pre-?warm|queue|throttle)\b"
                       r"(?!\s+(?:is|means|was))", re.IGNORECASE)


# "Then a degradation switch: ...", "So, the degradation mode: ...", "Last, a background sweeper ...",
# "Right, so lever two is ...": a sentence that opens a new lever.
_OPENS = re.compile(r"^\W*(?:(?:and|so|then|right|okay|ok|um+|uh+|oh)\W+)*"
                    r"(?:(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+){0,2}\s*:|"
                    r"(?:last|lastly|finally)\b|lever (?:one|two|three|four|five|[1-5])\b|"
                    r"(?:one|two|three|four|five)\s+(?!of|more|percent|hundred|thousand|seconds?|minutes?|hours?|days?)[a-z])",
                    re.IGNORECASE)


def _opens_new(p: Passage) -> bool:
    """The sentence opens a lever of its own, though it names no new lever word."""
    return bool(_OPENS.match(p.raw) or _NUMBERED.match(p.raw))


def _proposes(p: Passage) -> bool:
    """The sentence puts a lever forward as the next thing ("And I'd shard party sessions by host", "two a
    cue for the reminder pushes", "Partition the bid ledger by lot"), and does not wave it off."""
    said = _FILLER.sub("", p.raw)
    return bool((PUT_FORWARD.match(said) or _DO_LEVER.match(said) or _NUMBERED.match(said) or _MAYBE.match(said))
                and not _WAVED_OFF.search(p.raw))


# "Number two, the room messages go...", "step two, a cash of the rail", "Move five: ...".
_NUMBERED = re.compile(r"^\W*(?:(?:and|so|okay|um+|uh+)\W+)*(?:number|step|move|item|point)\s+(?:one|two|three|four|"
                       r"five|six|[1-6])\b", re.IGNORECASE)
# "And maybe cache the calendar page", "Maybe a cache for the party state".
_MAYBE = re.compile(r"^\W*(?:(?:and|so|um+|uh+|oh)\W+)*(?:maybe|probably)\b", re.IGNORECASE)


def _first_lever(p: Passage) -> str:
    """The first lever word the sentence says ("" when none)."""
    m = st.LEVER.search(st.normalize(p.raw))
    return m.group(0) if m else ""


# A sentence that says it moves on: "Another option...", "And, um, fourth, a degraded mode", "Then a switch".
NEXT_ONE = re.compile(r"^\W*(?:[\w']+\W+){0,5}?(?:another|also|second|third|fourth|fifth|next|then|other|"
                      r"in addition|plus|separately|on top of that)\b", re.IGNORECASE)


def _goes_on(p: Passage) -> bool:
    """The sentence right after a lever's says more about it ("Lots are partitioned by lot ID, and each
    partition has a single leader" after "shard the auction service"), unless it says it moves on."""
    return not (NEW_LEVER.match(p.raw) or COUNTED.match(p.raw) or NUMBERED_LEVER.match(p.raw)
                or NEXT_ONE.match(p.raw))


def _announced(passages: list[Passage], i: int, rows: list[list[int]]) -> int:
    """Where the lever heard at `i` was first put: the sentence before, when it names the same lever
    or announces one ("One: shard the schedule store by seller ID." then "A seller's whole calendar
    lives on one shard"), and is no other row's."""
    k = i - 1
    if k < 0 or (rows and k <= rows[-1][-1]) or passages[k].cue == passages[i].cue:
        return i
    before = passages[k].raw
    named = lever_terms(before)
    if REJECTED_LEVER.search(passages[k].text) or RISK_LEAD.match(before):
        return i
    if named & lever_terms(passages[i].raw) or (named and (NEW_LEVER.match(before) or COUNTED.match(before))):
        return k
    return i


# "Second, we cash the product page", "Oh, and a CDN in front of the product images", "We'd also shard the
# listings table by seller": a lever word put forward as the next thing, even with no reason given.
PUT_FORWARD = re.compile(r"^\W*(?:(?:oh|and|so|um+|uh+|then|also|plus|like)\W+)*(?:(?:first|second|third|fourth|"
                         r"fifth|next|also|another thing|one more|on top of that|finally)\b|"
                         r"(?:one|two|three|four|five)\b(?!\s+(?:of|more|percent|seconds?|minutes?|hours?|days?))|"
                         r"(?:a|an)\s|(?:we|i)(?:'d|'ll| would| will| could| should)?\s+(?:also\s+|just\s+)?"
                         r"(?:put|use|run|add|cache|cash|shard|partition|batch|replicate|queue|precompute|pre-?compute|"
                         r"pre-?warm|stream|push|send|store|keep|move|serve|fall back|route))", re.IGNORECASE)


# What the statement model may hear in a lever put forward with no reason: "We'd cache the features in
# Redis, that's the standard move", "Oh, and, um, maybe a CDN for the images".
_BARE = frozenset({"tech_without_rationale", "scale_without_business_tie", "hedge", "dismisses_latency"})
_FILLER = re.compile(r"\b(?:um+|uh+|like|you know)\b\W*", re.IGNORECASE)


# "the video goes out over a cdn", "Clips get served from a CDN", "the accepted bids get written to Kafka".
_ROUTED = re.compile(r"\b(?:go(?:es)?(?: out)?|get(?:s)? (?:served|written|sent|pushed|stored|cached|batched|queued)|"
                     r"(?:is|are) (?:served|written|sent|pushed|stored|cached|batched|queued|sharded|partitioned|"
                     r"replicated))\s+(?:\w+\s+)?(?:on|onto|into|through|over|from|to|in|by|across|per)\b",
                     re.IGNORECASE)


def _put_forward(p: Passage, heard: set[str] | None) -> bool:
    """A sentence that puts a lever word forward as the next thing ("Batch the impression logging.",
    "And I would, um, cache the product lookups"), though the statement model heard no lever in it,
    at most a lever with no reason: not a question, a risk, a summary or an option waved off."""
    return bool((heard or set()) <= _BARE and not p.is_question and st.LEVER.search(p.text)
                and (_proposes(p) or _ROUTED.search(p.raw))
                and not RISK_LEAD.match(p.raw) and not _sums_up(p))


# "We could also shard by seller, but at our volume, no", "a lever I'd explicitly not pull": put and turned down.
_WAVED_OFF = re.compile(r"\b(?:but|though|or just)\b.*(?:\b(?:no|not|nah|overkill|no point|trust)\b|n't\b|"
                        r"\bleave (?:that|it) out\b)|\bnot (?:pull|do|doing|bother)\b|\bconsidered\b|\bdon't change\b",
                        re.IGNORECASE)


_COUNTED_OFF = re.compile(NEW_LEVER.pattern + "|" + COUNTED.pattern, re.IGNORECASE)


def _counted_apart(before: Passage, p: Passage) -> bool:
    """Two levers counted off one after the other ("Third, shard the inventory table by seller." then
    "Fourth, batch the emails"), not an announcement and its lever."""
    named = lever_terms(before.raw)
    return bool(_COUNTED_OFF.match(before.raw) and _COUNTED_OFF.match(p.raw) and named
                and not named & lever_terms(p.raw) and len(before.raw.split()) > 4)


def lever_rows(passages: list[Passage], kinds: dict[int, set[str]]) -> list[list[int]]:
    """The rows: passages heard as levers, unless turned down in passing (_declined) or only a limit
    (_only_a_limit); levers the candidate numbered ("Lever three is...", or "One: vault the card"
    next to "Two: ..." heard as a lever, or "Third, each viewer sees a sample of the chat" next to a
    place of that count heard as one); and levers put forward with no reason (_put_forward); grouped
    (_rows_of); where options were weighed, the choice instead of the options (_weighed); and where
    the candidate corrected themselves, the lever as meant (_corrected)."""
    heard = {i for i in range(len(passages)) if "lever" in kinds.get(i, ())}
    listed = [i for i, p in enumerate(passages) if COUNTED.match(p.raw)]
    counted = [i for i, p in enumerate(passages) if ORDINAL_OPENER.match(p.raw)]
    levers = [i for i, p in enumerate(passages) if not _declined(p) and (
        (i in heard and not _only_a_limit(p, kinds.get(i, set()))) or NUMBERED_LEVER.match(p.raw)
        or _listed_with_a_lever(i, listed, heard, kinds) or _put_forward(p, kinds.get(i))
        or _counted_after_a_lever(passages, i, counted, heard, kinds))]
    weighed, chosen = _weighed(passages, kinds)
    rows = _rows_of(passages, sorted({i for i in levers if i not in weighed} | chosen), frozenset(chosen))
    return _corrected(passages, kinds, rows)


# "Actually, scrap the cache, it's the wrong tool here", "Scrap that, thirty days rules it out; ...", "so I'm
# dropping that": the lever just proposed is taken back.
RETRACTS = re.compile(r"\b(?:scrap|scratch|forget|strike)\s+(?:that|this|it|the \w+)\b|"
                      r"\bwrong (?:tool|call|idea|choice)\b|\bnot the right (?:tool|call|idea|fit|choice)\b|"
                      r"\btake (?:that|it) back\b|\bon second thought\b|\bfold (?:that|it|this) in\b|"
                      r"\bthe same (?:thing|lever) as\b|"
                      r"\b(?:i'm|i am|so i|we're|i'll|we'll) (?:dropping|removing|scrapping|drop|remove|scrap) "
                      r"(?:that|this|it)\b|"
                      r"^\W*(?:(?:and|but|so|um+|uh+|oh|hmm+|no|actually|wait|sorry)\W+)+not (?:a |an |the )?[\w-]+"
                      r"(?: [\w-]+)?\s*[.;!]", re.IGNORECASE)  # "Actually no, not a cache."
# "I said CDN but really what I mean is edge delivery", "I called it a queue, really it's a delayed-delivery
# queue", "Actually, wait, not per user, a cache per stream", "Hmm, sorry, I mean shard by auction ID": the lever
# just proposed, said again as meant.
SAID_AS_MEANT = re.compile(r"\bi (?:said|called it|say)\b[^.;]{0,40}?\b(?:but|really)\b|\bwhat i (?:really )?mean "
                           r"is\b|\blet me (?:change|fix|redo) (?:that|it|this)\b|\blet me make it\b|\bi change it\b",
                           re.IGNORECASE)
REPHRASES = re.compile(r"^\W*(?:(?:and|but|so|um+|uh+|oh|hmm+|no)\W+)*(?:actually|wait|sorry|correction|or rather)\b"
                       r"(?=.{0,40}?\b(?:not|no|instead|rather|i mean|really)\b)", re.IGNORECASE)
# "I was going to put the stock count in a cache", "I'd started to say shard the scheduler": said tentatively.
TENTATIVE = re.compile(r"\b(?:i|we) (?:was|were) (?:going|about) to\b|\bi (?:wanted|started|'d started|had started)"
                       r" to say\b|\bi'd started to\b", re.IGNORECASE)
# "I looked at a global lock, and I'm dropping it": another option turned down, not the lever just said.
ANOTHER = re.compile(r"\b(?:i|we) (?:also )?(?:looked at|considered|thought about|toyed with)\b", re.IGNORECASE)
CORRECTION_REACH = 2  # passages after a lever in which the candidate may take it back or say it again


def _corrected(passages: list[Passage], kinds: dict[int, set[str]], rows: list[list[int]]) -> list[list[int]]:
    """The rows once the candidate's corrections are read: a lever taken back right after it was said
    ("Actually, scrap the cache, it's the wrong tool here") is no row, and one said again as meant ("I
    said CDN but really what I mean is edge delivery", "Actually, wait, not per user, a cache per
    stream") is a row where it is said as meant."""
    out: list[list[int]] = []
    starts = [g[0] for g in rows]
    for n, group in enumerate(rows):
        a = group[0]
        if TENTATIVE.search(passages[a].raw) and RETRACTS.search(passages[a].raw):
            continue  # "For a third lever I'd started to say shard the scheduler, but ..., so I'm dropping that"
        stop = min(starts[n + 1] if n + 1 < len(rows) else len(passages), a + CORRECTION_REACH + 1)
        terms = lever_terms(passages[a].raw)
        fix = next((j for j in range(a + 1, stop) if _corrects(passages[a], passages[j], terms, kinds.get(j, set()))),
                   None)
        if fix is None:
            out.append(group)
        elif _said_again(passages[fix].raw, terms):
            out.append([fix, *(k for k in group if k > fix)])
        else:
            after = [k for k in group if k > fix]
            if after and "lever" in kinds.get(after[0], ()):
                out.append(after)  # "Instead we keep a warm connection pool to the provider"
    return out


_CORRECTING = [re.compile(x, re.IGNORECASE) for x in (
    r"^\W*(?:(?:and|but|so|um+|uh+|oh|hmm+|no|okay|actually|wait|sorry|correction|or rather)\W+)+",
    r"^(?:scrap|scratch|forget) (?:that|this|it)\W+", r"^(?:let's )?not [^,;]{1,40}[,;]\s*",
    r"^.{0,60}?\b(?:what i (?:really )?mean is|really it's|really it is|i mean)\s+", r"^.*?\binstead\b\W*",
    r"^.*?\b(?:let me (?:change|fix|redo) (?:that|it|this)|let me make it|i change it)\b\W*")]


def _as_meant(text: str) -> str:
    """A corrected lever without the correction: "Actually, wait, not per user, a cache per stream" ->
    "a cache per stream", "I said CDN but really what I mean is edge delivery" -> "edge delivery"."""
    for lead in _CORRECTING:
        text = lead.sub("", text, count=1)
    return text


def _corrects(lever: Passage, p: Passage, terms: set[str], heard: set[str]) -> bool:
    """`p` takes back or says again the lever just said (whose lever words are `terms`), and is not a
    new lever counted off, another option turned down or a metric moved to another lever."""
    raw = p.raw
    if (p.cue == lever.cue or NEW_LEVER.match(raw) or COUNTED.match(raw) or NUMBERED_LEVER.match(raw)
            or ANOTHER.search(raw) or heard & {"metric_tie", "lever"} == {"metric_tie"}):
        return False
    taken = RETRACTS.search(raw)
    if taken:
        return not lever_terms(raw[:taken.start()]) - terms  # "rate limit on invites ..., so scratch that" is its own
    return bool(SAID_AS_MEANT.search(raw) or (REPHRASES.search(raw) and lever_terms(raw) & terms))


def _said_again(raw: str, terms: set[str]) -> bool:
    """The correction proposes the lever as meant ("I said Kafka but really any durable queue", "Scrap
    that; the party state goes into the cache") rather than only taking it back."""
    taken = RETRACTS.search(raw)
    if not taken:
        return True
    return bool(lever_terms(raw[taken.end():]) - terms)


# "Two options. Option one is a lock on the row... Option two is to pre-split the stock..." then "I'm
# going with option two": the options are weighed, and the lever is the one chosen, said at the choice.
OPTIONS = re.compile(r"\b(?:options?\s+(?:one|two|three|a|b|c|[1-3])\b|(?:first|second|third|other) option|"
                     r"(?:two|three|a couple of|several) (?:options|ways|approaches|choices)|we could either|"
                     r"one option|alternatively|(?:one|first|second|third|other) (?:way|choice|decision)|"
                     r"(?:decision|choice) (?:one|two|three|[1-3]))\b", re.IGNORECASE)
CHOICE = re.compile(r"\b(?:(?:i'm|i am|we're|we are) (?:going|gonna go|choosing|picking) with|"
                    r"(?:i'd|i would|we'd|we would|i'll|we'll|let's|so i|so we) (?:probably |just |still )?"
                    r"(?:go with|go for|pick|choose|take)|"
                    r"(?:i|we) (?:pick|choose|prefer|take|went with|go with|settled on)\b|my (?:pick|choice)\b|"
                    r"i'm (?:picking|choosing))", re.IGNORECASE)
# "For the stock count, I compared one global counter with splitting each lot's stock", "the options were
# autoscaling or a waiting room", "the real decision is fan-out: one central fleet, or edge relays": two
# ways put side by side.
COMPARED = re.compile(r"\b(?:i|we) (?:compared?|weighed|weigh)\b|\bversus\b|\bvs\b|"
                      r"\b(?:the )?(?:options|choices|alternatives) (?:were|are|here are|i see)\b|"
                      r"\b(?:i|we) (?:looked at|considered) (?:two|both)\b|"
                      r"\b(?:the )?(?:real )?(?:choice|decision) (?:is|was|here is)\b[^.]*\bor\b|"
                      r"\b(?:i|we) thought about\b[^.]*\bor\b|"
                      r"\b(?:choosing|choose|chose|deciding|decide|torn|back and forth) between\b", re.IGNORECASE)
# An option turned down: "..., so that's not it", "Autoscaling doesn't work here".
TURNED_DOWN = re.compile(r"\b(?:(?:that|it)(?:'s| is) (?:out|not it|not an option|a non-starter)|"
                         r"(?:won't|doesn't) work|not (?:taking|doing|picking|choosing) (?:it|that|this)|"
                         r"rules? (?:it|that) out|off the table|waste of money|not worth it)\b", re.IGNORECASE)
WEIGHING = 8  # passages from where the options are put to the choice


def _turned_down(text: str) -> bool:
    """The sentence turns an option down and proposes nothing instead ("..., so that's out"; not
    "... is waste of money, so we switch off the reviews")."""
    m = TURNED_DOWN.search(text)
    return m is not None and not re.search(r"\bso (?:we|i)\b|\binstead\b", text[m.start():], re.IGNORECASE)


def _weighed(passages: list[Passage], kinds: dict[int, set[str]]) -> tuple[set[int], set[int]]:
    """The passages that put options side by side before the candidate chose one (not levers
    proposed), and the choices: "So I'd pick option two", "Pre-staging the listings is my choice",
    or, once one sentence has put both ways (COMPARED, "Option A, ...; option B, ..."), the next
    lever proposed that is neither an option put nor one turned down ("So we partition the bid log
    by auction ID"). A choice counts within WEIGHING passages of where the options were put."""
    weighed: set[int] = set()
    chosen: set[int] = set()
    opened: int | None = None
    compared = False
    for i, p in enumerate(passages):
        if opened is not None and i - opened > WEIGHING:
            opened = None
        both = bool(COMPARED.search(p.raw)) or len(OPTIONS.findall(p.raw)) >= 2  # "Option A, ...; option B, ..."
        puts = both or bool(OPTIONS.search(p.raw))
        if opened is not None and (CHOICE.search(p.raw) or (
                compared and "lever" in kinds.get(i, ()) and not puts and not _turned_down(p.raw))):
            weighed |= set(range(opened, i))
            chosen.add(i)
            opened = None
        elif opened is None and puts and not CHOICE.search(p.raw) and "metric_tie" not in kinds.get(i, ()):
            opened, compared = i, both
        elif opened is not None:
            compared = compared or both  # "Second decision: ..." then "Option A, ...; option B, ..."
    return weighed, chosen


def _listed_with_a_lever(i: int, listed: list[int], heard: set[int], kinds: dict[int, set[str]]) -> bool:
    """An enumerated sentence ("One: ...") in a list whose other items are heard as levers, and not
    itself a constraint or the hypothesis."""
    if i not in listed or kinds.get(i, set()) & {"constraint", "hypothesis"}:
        return False
    return any(j != i and abs(j - i) <= 3 and j in heard for j in listed)


# A lever said only to be turned down: "I would not shard the bid store by show yet", "I'd deliberately not
# put a cache in front of the price", "I considered sharding the counter and rejected it", "We could also put a
# cache in front of the history endpoint, but I don't think we need it", "rate limiting per bidder, honestly
# i'd skip it for now", "someone might say put the bids through a CDN, but ...".
_DECLINED = re.compile(
    r"\b(?:i|we)(?:'d| would| will|'ll)?\s+(?:deliberately\s+|explicitly\s+|definitely\s+)?(?:not|never)\s+"
    r"(?:add|shard|put|use|do|build|cache|go with|propose|partition|replicate|pre-?compute|bother)\b|"
    r"\b(?:i'm|i am|we're|we are)\s+(?:deliberately|explicitly)\s+not\b|\brejected\b|"
    r"\b(?:i|we) (?:did |also )?consider(?:ed)?\b[^.;]*\bbut\b|"
    r"\bcould (?:also )?\w+\b[^.;]*\b(?:but|although|though)\b[^.;]*\b(?:don't|not|no|nah)\b|"
    r"\b(?:i'd|i would|we'd|we would|i'll) skip (?:it|that|this)\b|"
    r"\b(?:someone|people|you) (?:might|may|could) (?:say|ask|suggest)\b|\bwhy not\b|"
    r"\bthought about\b[^.;]*\b(?:but|nah)\b|\b(?:i'd|i would|we'd|i) reject\b|\bdecided against\b|"
    r"\bhold off on\b|\bnot (?:needed|worth it)\b", re.IGNORECASE)
_INSTEAD = re.compile(r"\binstead\b|\bi'd rather\b(?! not)|\brather than\b", re.IGNORECASE)


# "We ship the first version in thirty days, so we reuse the existing event bus", "Constraints: ...", "the CDN
# line can't go over forty thousand dollars a month": a limit, and what it allows, not a lever.
_LIMIT_ONLY = re.compile(r"\b(?:already (?:run|have|operate)|we have today|existing|reuse|re-use)\b|"
                         r"^\W*(?:(?:and|so)\W+)?(?:hard\s+)?(?:constraints?|limits?)\b|"
                         r"\bhard (?:rule|constraint|limit)s?\b|"
                         r"\bcan(?:'t|not) go over\b", re.IGNORECASE)
_WE_WILL = re.compile(r"\b(?:i|we)(?:'d|'ll| would| will)\b|\blever\b", re.IGNORECASE)


def _only_a_limit(p: Passage, heard: set[str]) -> bool:
    """A sentence heard as a constraint that only says what the limit allows (_LIMIT_ONLY) and puts no lever forward."""
    return ("constraint" in heard and bool(_LIMIT_ONLY.search(p.raw)) and not _WE_WILL.search(p.raw)
            and not COUNTED.match(p.raw))


def _declined(p: Passage) -> bool:
    """The sentence turns a lever down and puts nothing in its place (REJECTED_LEVER, _DECLINED)."""
    m = _DECLINED.search(p.raw)
    return bool(REJECTED_LEVER.search(p.text)) or (m is not None and not _INSTEAD.search(p.raw[m.end():]))


# A sentence that opens with its place in a count: "Third, each viewer sees a sample of the chat", "first
# thing. the listings ...", "The second thing, maybe, is ...", "Piece two is a light re-ranker".
ORDINAL_OPENER = re.compile(
    r"^\W*(?:(?:um+|uh+|and|so|okay|ok|then|now|oh)\W+)*(?:(?:the\s+)?(?:first|second|third|fourth|fifth|sixth)\b"
    r"(?:\s+(?:thing|one|piece|part|move|change|idea|step))?(?:\s*[:.,]|\s+is\b)|"
    r"(?:piece|number|step|move|part|item|thing)\s+(?:one|two|three|four|five|six)\b)", re.IGNORECASE)
ORDINAL_REACH = 8  # passages between two places of one count


def _counted_after_a_lever(passages: list[Passage], i: int, counted: list[int], heard: set[int],
                           kinds: dict[int, set[str]]) -> bool:
    """A sentence that opens with its place in a count ("Third, each viewer sees a sample of the chat")
    right after or before another place of that count heard as a lever, and not itself a constraint,
    the hypothesis or a risk."""
    if i not in counted or kinds.get(i, set()) & {"constraint", "hypothesis"} or RISK_LEAD.match(passages[i].raw):
        return False
    k = counted.index(i)
    near = counted[max(0, k - 1):k] + counted[k + 1:k + 2]
    return any(abs(j - i) <= ORDINAL_REACH and j in heard for j in near)


# What introduces a list of levers: "the levers here are", "three things, um:", "I'd do two things,".
LIST_LEAD = re.compile(r"^.{0,60}?\b(?:levers|things|pieces|parts|moves|changes|components|ideas|mechanisms|"
                       r"solutions?|what (?:i'd|i would|we'd|we would|i'll) (?:build|do|propose))\b"
                       r"(?:,?\s+(?:two|three|four|five)(?=\s*:))?"  # "Levers, three: ..."
                       r"(?:\s+(?:here|i'd use|i would use|we need|together))?(?:\W+(?:um+|uh+|like|i guess))*\s*"
                       r"(?::|,|\.|\s(?:are|would be|is)\b|(?=\s(?:a|an)\s))\s*", re.IGNORECASE)
# "So I'm thinking, um, four things, I guess.": the sentences after it are the list.
ANNOUNCED_LIST = re.compile(r"\b(?:two|three|four|five|a few|a couple of) (?:levers|things|pieces|moves|changes|"
                            r"ideas)\b", re.IGNORECASE)
_COMMA = r"\s*[,;]\s*(?:and\s+|plus\s+)?"
_LIST_SEP = re.compile(_COMMA + r"|\s+(?:and|plus)\s+", re.IGNORECASE)
_COMMA_SEP = re.compile(_COMMA, re.IGNORECASE)  # after "four things, I guess.": "and process them async" goes on
_WORD_SEP = re.compile(_LIST_SEP.pattern + r"|\s(?=(?:a|an)\s)", re.IGNORECASE)  # "three things a cache a queue"
# An item of a list: "a queue for the reservations", "maybe a cdn"; "the ..." only in a list announced as
# such ("the levers are the cache, the queue...").
_ITEM = re.compile(r"^\W*(?:(?:also|maybe|then|um+|uh+|like)\W+)*(?:a|an|some|one)\s", re.IGNORECASE)
# "I'm going to do this with a nightly batch, a streaming update and a fallback": the first item after its verb.
_ITEM_AFTER_VERB = re.compile(r"\b(?:with|using|use|add|build|need|want|has|have)\s+(?=(?:a|an|some)\s)", re.IGNORECASE)
_TRAILING = re.compile(r"(?:\W+(?:and|plus|um+|uh+|like))+\W*$", re.IGNORECASE)  # "a cache for the stock count and, uh"
# A stretch of a list that goes on about the item before it: "..., offline, in batch", "..., which cuts reads".
_GOES_ON = re.compile(r"^\W*(?:with|at|in|on|for|to|by|from|so|which|that|where|when|because|via|into|across|per|"
                      r"offline|online|nightly|daily|hourly|then)(?:\s|$)", re.IGNORECASE)
_FILLERS = re.compile(r"^\W*(?:(?:um+|uh+|like|i guess|i think|and|so|oh|you know|kind of|sort of|i mean)\W*)*$",
                      re.IGNORECASE)
# "Oh, and, like, risks, um, there's, like, a lot of moving parts, ...": not a list of levers.
_NOT_LEVERS = re.compile(r"\b(?:risks?|downsides?|costs?|moving parts)\b", re.IGNORECASE)
# The parts of an answer, listed as its plan: "the user problem", "constraints", "the levers", "how I'd measure".
_AGENDA_ITEM = re.compile(r"^\W*(?:(?:and|then)\s+)?(?:the\s+)?(?:(?:user|buyer|seller)(?:'s)? problems?|users?|"
                          r"problems?|(?:hard )?constraints|levers|metrics|kpis|trade-?offs|risks|hypothesis|"
                          r"how (?:i'd|i would|we'd|each|we|i)\b)", re.IGNORECASE)
_ITEM_AFTER_LEAD = re.compile(r"^\W*(?:(?:also|maybe|then|um+|uh+|like)\W+)*(?:the|our|my)\s", re.IGNORECASE)


def listed_levers(p: Passage, announced: bool = False) -> list[str]:
    """The levers a sentence lists, each as said ("a cache in front of the stock count"), when it
    names two or more as items of a list: after "three things:" or "the levers are" (or right after
    a sentence that announced them, `announced`), or as "a ..., a ... and a ..."; else none. In an
    announced list every stretch with a lever word of its own, or an "a ..." item, is a lever; else a
    stretch that is not an item ("at the edge with a short time to live", "partitioned across nodes")
    goes on about the lever before it."""
    lead = LIST_LEAD.match(p.raw)
    body = p.raw[lead.end():] if lead else p.raw
    listing = bool(lead) or announced
    sep = (_WORD_SEP if "," not in body else _LIST_SEP) if lead else _COMMA_SEP if announced else _LIST_SEP
    cuts = [0] + [x for m in sep.finditer(body) for x in (m.start(), m.end())] + [len(body)]
    parts: list[tuple[int, int, set[str]]] = []  # (start, end, lever words) of each lever in `body`
    said_first = p.raw[:lead.end()] if lead else ""
    colon_list = said_first.rstrip().endswith(":") and not _NOT_LEVERS.search(said_first)  # "Levers: a, b, c"
    before = 0  # where the separator before this stretch began
    for a, b in zip(cuts[::2], cuts[1::2], strict=True):
        chunk = body[a:b]
        terms = lever_terms(chunk)
        after_comma = a == 0 or "," in body[before:a]
        before = b
        item = not _GOES_ON.match(chunk) and not _FILLERS.match(chunk) and bool(
            _ITEM.match(chunk) or (listing and (_ITEM_AFTER_LEAD.match(chunk) or terms))
            or (colon_list and after_comma))  # "Levers: pre-staging listings, queue for publish, and slot limits"
        if (terms or (listing and item)) and (not parts or (item and not (terms and terms <= parts[-1][2]))):
            parts.append((a, b, terms))
        elif parts:
            parts[-1] = (parts[-1][0], b, parts[-1][2] | terms)
    said = [body[a:b] for a, b, _ in parts]
    if len(said) < 2 or not (listing or _ITEM.match(said[0]) or _ITEM.search(said[0].split(" ", 3)[-1])
                             or _ITEM_AFTER_VERB.search(said[0])):
        return []
    if sum(bool(_AGENDA_ITEM.match(text)) for text in said) >= 2:
        return []  # "I'll structure this in four parts: the user problem, the constraints, the levers, ..."
    verb = _ITEM_AFTER_VERB.search(said[0]) if not (listing or _ITEM.match(said[0])) else None
    if verb:
        said[0] = said[0][verb.end():]  # "so my plan has a queue" -> "a queue"
    return [_TRAILING.sub("", text).strip(" ,.;:") for text in said]


# "Levers. One, pre-authorise the card. Two, async fraud scoring. Three, read replicas.", "one cash the
# feed per region. two precompute the ranked list": levers counted off inside one passage.
_COUNT = ("one", "two", "three", "four", "five")
_COUNT_MARK = re.compile(r"(?:^\W*|(?<=[.;:!?])\s+|,\s+)(?:(?:and|then|um+|uh+)\W+)?(one|two|three|four|five|[1-5])\b"
                      r"(?:\s*[,:.)-]\s*|\s+(?=[a-z]))", re.IGNORECASE)


def counted_levers(p: Passage, announced: bool = False) -> list[str]:
    """The levers a passage counts off ("One, ... Two, ... Three, ..."), each as said: two or more
    items counted in order from one, when two of them name a lever or the passage (or the sentence
    before, `announced`) announced levers ("Three levers. One, ..."); else none."""
    marks = list(_COUNT_MARK.finditer(p.raw))
    start = next((k for k, m in enumerate(marks) if _word(m.group(1)) == "one"), None)
    if start is None:
        return []
    run = [marks[start]]
    for m in marks[start + 1:]:
        if _COUNT.index(_word(m.group(1))) == _COUNT.index(_word(run[-1].group(1))) + 1:
            run.append(m)
    items = [p.raw[m.start(1):nxt.start() if nxt else len(p.raw)].strip(" ,.;:")  # "Two, chat sharded..."
             for m, nxt in zip(run, [*run[1:], None], strict=True)]
    items = [text for text in items if COUNTED.sub("", text).strip(" ,.;:")]
    announced = announced or bool(_LEVERS_WORD.search(p.raw[:run[0].start()]))
    if len(items) >= 2 and (announced or sum(bool(lever_terms(text)) for text in items) >= 2):
        return items
    return []


_LEVERS_WORD = re.compile(r"\b(?:levers?|things|moves|pieces|changes|parts|components|ideas|steps)\b", re.IGNORECASE)


def _word(said: str) -> str:
    return said.lower() if not said.isdigit() else _COUNT[int(said) - 1]


def read_answer(passages: list[Passage], findings: list[Finding]
                ) -> tuple[list[Passage], dict[int, set[str]], dict[tuple[int, str], str | None]]:
    """The passages the matrix reads, with what the statement model heard in each (kinds) and what it
    said of it (detail). A sentence that lists several levers becomes one ListedLever each."""
    said: dict[int, dict[str, str | None]] = {}  # passage -> what the statement model heard -> its detail
    index = {id(p): i for i, p in enumerate(passages)}
    for f in findings:
        i = index.get(id(f.unit))
        if i is not None:
            said.setdefault(i, {})[f.kind] = f.detail
    out: list[Passage] = []
    kinds: dict[int, set[str]] = {}
    detail: dict[tuple[int, str], str | None] = {}
    announced = -3  # the passage that announced a list ("four things, I guess.")
    for i, p in enumerate(passages):
        if ANNOUNCED_LIST.search(p.raw) and len(p.raw.split()) <= 12:
            announced = i
        heard = said.get(i, {})
        after_announcement = 0 < i - announced <= 2
        listed = (counted_levers(p, after_announcement) or listed_levers(p, after_announcement)) if (
            "lever" in heard or LIST_LEAD.match(p.raw)) and not (REJECTED_LEVER.search(p.text) or _sums_up(p)) else []
        if not listed:
            kinds[len(out)] = set(heard)
            detail.update({(len(out), kind): d for kind, d in heard.items()})
            out.append(p)
        for text in listed:
            kinds[len(out)] = {"lever"}
            out.append(ListedLever(p.cue, p.start_s, p.end_s, text, st.normalize(text), p.after_panel))
    return out, kinds, detail


def decision_matrix(passages: list[Passage], findings: list[Finding],
                    model: CellModel | None = None) -> list[MatrixRow]:
    passages, kinds, detail = read_answer(passages, findings)
    grouped = lever_rows(passages, kinds)
    starts = {group[0] for group in grouped}
    run = risk_run(passages, grouped)  # a closing risk run: which row each part names
    kpis = kpi_run(passages, grouped, _summing_up(passages, grouped[0][0]) if grouped else None)
    linked = (model or default_cell_model()).link(passages, kinds, detail, grouped, run, kpis)
    rows: list[MatrixRow] = []
    for n, (group, cells) in enumerate(zip(grouped, linked, strict=True)):
        p = passages[group[0]]
        row = MatrixRow(lever=_lever_phrase(p), at_s=round(p.start_s, 2))
        if "kpi" in cells:
            q = passages[cells["kpi"]]
            part = _kpi_part(passages, grouped, kpis, cells["kpi"], n)
            m = st.STRONG_METRIC.search(part) or st.METRIC.search(part)
            kpi = _phrase(part, m.start(), 5) if m else " ".join(part.split()[:8])
            row.kpi = re.split(r"\s(?:by|from|to|of|in)\s", kpi, maxsplit=1)[0]
            row.kpi_at_s = round(q.start_s, 2)
            said_in = _number_said(passages, cells["kpi"], starts) if part == q.raw else [q]
            for said in said_in:
                number = KPI_NUMBER.search(part if said is q else said.raw)
                if number:
                    row.number, row.number_at_s = number.group(0).strip(), round(said.start_s, 2)
                    break
        j = cells.get("constraint", _serves_in_its_own_words(passages, group[0], detail))
        if j is not None:
            q = passages[j]
            row.constraint = detail.get((j, "constraint")) or _limit_kind(q.raw)
            row.constraint_at_s = round(q.start_s, 2)
            stated = stated_constraint(passages, kinds, group[0], j)
            if stated is not None:
                row.constraint_stated_at_s = round(passages[stated].start_s, 2)
        if "risk" in cells:
            cells["risk"] = _finished(passages, cells["risk"], starts)
            q = passages[cells["risk"]]
            m = RISK.search(q.raw) or _NAMED_RISK.search(q.raw)
            row.risk = _phrase(q.raw, m.start()) if m else " ".join(q.raw.split()[:8])
            if run.get(n, (None, ""))[0] == cells["risk"]:  # its part of "Risks: cache, stale counts; queue, ..."
                row.risk = " ".join(run[n][1].split()[:8])
            row.risk_at_s = round(q.start_s, 2)
        rows.append(row)
    return rows


def _kpi_part(passages: list[Passage], rows: list[list[int]], kpis: dict[int, tuple[int, str]], j: int, n: int) -> str:
    """What sentence `j` says of row `n`'s KPI: in a run that goes over several levers, the words after the
    lever's name in its own part ("the order queue, checkout completion near ninety-five percent"); else
    the sentence."""
    if not any(k == j for k, _ in kpis.values()):
        return passages[j].raw
    part = named_part(passages, rows, j, n)
    if part is None:
        return passages[j].raw
    name, _, rest = part.partition(",")
    named_only = len(name.split()) <= HEADING_WORDS and not (st.METRIC.search(name) or st.STRONG_METRIC.search(name))
    return rest.strip() if rest and named_only else part


# Where a sentence names its risk, for showing it: "The queue keeps the tap fast, and its cost is a late decline".
_NAMED_RISK = re.compile(r"\b(?:its|the|our|their)\s+" + RISK_NAME, re.IGNORECASE)


# A segment that stops on a word no sentence ends with: "the cost is", "what it costs us is an extra hop and".
_BREAKS_OFF = re.compile(r"\b(?:is|are|was|that|the|a|an|and|so|of|to|if|with|be|we|our|which|because|but|for|"
                         r"in|on|when|where|its|it's)\W*$", re.IGNORECASE)


def _finished(passages: list[Passage], k: int, starts: set[int]) -> int:
    """Where a risk begun in a short recogniser segment is said: the next segment when `k` breaks off
    mid-sentence ("the cost is" / "holds on cards for buyers who never win"), else `k`."""
    p, nxt = passages[k], k + 1
    if (nxt < len(passages) and nxt not in starts and not passages[nxt].after_panel
            and passages[nxt].cue != p.cue and len(p.raw.split()) <= 10 and _BREAKS_OFF.search(p.raw)
            and passages[nxt].raw[:1].islower()):
        return nxt
    return k


def _number_said(passages: list[Passage], k: int, starts: set[int]) -> list[Passage]:
    """Where the number for the KPI tied at `k` may be said: that sentence, or the next one when it
    goes on with the number ("I'd say sell-through goes from sixty percent to seventy") and is
    neither a new lever nor a risk."""
    nxt = k + 1
    if nxt < len(passages) and nxt not in starts and not RISK_LEAD.match(passages[nxt].raw):
        return [passages[k], passages[nxt]]
    return [passages[k]]


def _serves_in_its_own_words(passages: list[Passage], i: int, detail: dict[tuple[int, str], str | None]) -> int | None:
    """The lever's own sentence serving a limit stated before it ("a single sequencer per auction,
    to keep acknowledgement fast" after "under two hundred milliseconds"): `i`, or None."""
    p = passages[i]
    if not SERVES.search(p.raw) and not re.search(r"\bto keep\b", p.raw, re.IGNORECASE):
        return None
    for (j, kind), said in detail.items():
        hint = CONSTRAINT_HINTS.get(said or "")
        if kind == "constraint" and j < i and hint is not None and hint.search(p.raw):
            return i
    return None
