"""Delivery coaching: how the answer was spoken, each verdict with a norm and a place.

Pace against a band, filler clusters, pauses inside the answer, hedges, repeated phrases, the
longest stretch without a check-in with the panel, and the preamble before the first substantive
statement. Everything is read from the candidate's cues with their times; the panel's lines only
mark turns. What was *stated* comes from the statement findings, never re-detected here.
"""

from __future__ import annotations

import re
from collections import defaultdict

from voice_sim.core.analysis.pacing import count_filler_spans
from voice_sim.core.analysis.statements import Finding
from voice_sim.core.labels import clock
from voice_sim.core.models import (
    CheckIn,
    Cue,
    Delivery,
    DeliveryNote,
    FillerCluster,
    Hedge,
    PaceStretch,
    Pacing,
    Repetition,
)

PACE_BAND = (130.0, 170.0)  # words a minute for a spoken design answer; settings can change it
MIN_SPEECH_S = 20.0  # a minute with less speech than this gets no pace verdict
FILLER_CLUSTER = 8  # fillers in one minute that make a cluster
LONG_MONOLOGUE_S = 180.0
LONG_PREAMBLE_S = 120.0
SUBSTANTIVE = ("hypothesis", "constraint", "lever")
OWNED = ("constraint", "metric_tie")  # a hedge on these reads as not owned (SIGNALS.md, Hedges)

# A check-in hands the panel the turn: a question put to them ("does that make sense?", "should I go
# deeper on the queue?", "which part would you like to push on?") or a said pause ("I'll stop
# there"). A rhetorical question the candidate answers ("why does this matter? because...") is not.
SAID_PAUSE = re.compile(
    r"\b(?:i'll|i will|let me|i'm going to|i am going to) (?:pause|stop) (?:there|here|for a second)"
    r"|\blet me check in\b|\bany questions\b|\bhappy to go deeper\b",
    re.IGNORECASE,
)
TO_THE_PANEL = re.compile(r"\b(?:you|your|you'd|you're|we agree)\b", re.IGNORECASE)
ASKING = re.compile(  # how a question to the panel opens, for transcripts without question marks
    r"^(?:\W*(?:um|uh|so|okay|ok|and|but)\W+)*(?:does|do|did|is|are|am|should|shall|can|could|would|will|"
    r"want|you want|which|what|where|how|anything|any|with me|make sense|sound)\b",
    re.IGNORECASE,
)
ABOUT_ITSELF = re.compile(  # "does that make sense?", "should I go on?", "want me to keep going?"
    r"\b(?:does|is|am|should|shall|can|may) (?:that|this|it|i)\b|\bwant me to\b|\bit is clear\b"
    r"|\bclear (?:so far|until)|\bhow am i doing\b",
    re.IGNORECASE,
)
UNMARKED_QUESTION = re.compile(  # the same, said without a question mark in the transcript
    r"\b(?:does (?:that|this) make sense|do you want me to|want me to (?:go|keep|talk|move|explain)"
    r"|is that what you|is it clear|you want that i|how am i doing)\b",
    re.IGNORECASE,
)
RHETORICAL = re.compile(r"\bif you (?:think|look)\b|\byou know\b|\byou'd (?:think|expect)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.?!]+[.?!]*")
CRUTCHES = (
    "so basically", "at the end of the day", "the thing is", "to be honest", "long story short",
    "from a product perspective", "from a product lens", "if that makes sense", "and stuff like that",
    "or something like that", "the way i see it", "needless to say",
)
_FUNCTION = set(
    "a an the of to in on at for and or but so if is are was be it this that these those we i you they "
    "he she our us my me your with as by from then there here do does did have has had not no can "
    "would will could should just very um uh like okay ok right well yeah also".split()
)
# A crutch is made of these and function words only; a phrase with a word of the topic in it
# ("the fraud check", "tax and shipping") is the subject being repeated, not a verbal habit.
_DISCOURSE = set(
    "thing things end day way see point time comes come product perspective lens experience know think "
    "mean honest basically really sure guess matter fact said say stuff kind sort question idea look feel "
    "bottom line story long short talk want don't i'm not what which why how when where going get got "
    "make makes sense right okay actually literally totally obviously essentially about high level terms "
    "same whole wrong honestly clear".split()
)
_NO_EDGE = {"the", "a", "an", "and", "or", "but"}
_FILLER_WORDS = {"um", "umm", "uh", "uhh", "er", "erm", "hmm", "mm", "ah", "eh"}
_WORD = re.compile(r"[a-z0-9']+")


def delivery(
    panel: list[Cue],
    spoken: list[Cue],
    findings: list[Finding],
    pacing: Pacing,
    timing: str = "measured",
    band: tuple[float, float] = PACE_BAND,
) -> Delivery:
    """`panel` holds the panel's lines (they mark turns); `spoken` the candidate's own cues."""
    spoken = [c for c in spoken if c.text.strip()]
    hedges = [Hedge(text=phrase, at_s=f.unit.start_s)
              for f in findings if f.kind == "hedge" and f.detail for phrase in f.detail.split(", ")]
    panel = [c for c in panel if c.text.strip()]
    checkins = checkins_in(spoken)
    longest, longest_at = longest_monologue(spoken, panel, checkins)
    preamble = preamble_s(spoken, panel, findings)
    d = Delivery(
        pace_band=[band[0], band[1]],
        outside_band=[] if timing == "estimated" else outside_band(spoken, band),
        pace_by_minute=pace_by_minute(spoken),
        filler_clusters=filler_clusters(spoken),
        hedges=hedges,
        hedges_per_min=round(len(hedges) / pacing.speaking_s * 60, 2) if pacing.speaking_s > 0 else 0.0,
        repetitions=repetitions(spoken),
        checkins=checkins,
        longest_monologue_s=longest,
        longest_monologue_at_s=longest_at,
        preamble_s=preamble,
    )
    d.notes = notes(d, pacing, timing)
    return d


def _minutes(cues: list[Cue]) -> dict[int, list[float]]:
    """Per minute of the round clock: [words, seconds of speech]."""
    out: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for c in cues:
        n = len(c.text.split())
        length = c.end_s - c.start_s
        if length <= 0:
            continue
        m = int(c.start_s // 60)
        while m * 60 < c.end_s:
            overlap = min(c.end_s, (m + 1) * 60) - max(c.start_s, m * 60)
            out[m][0] += n * overlap / length
            out[m][1] += overlap
            m += 1
    return out


def pace_by_minute(cues: list[Cue]) -> list[float]:
    """Words a minute of speaking time in each minute of the round; 0 where under MIN_SPEECH_S was said."""
    minutes = _minutes(cues)
    if not minutes:
        return []
    return [round(minutes[m][0] / minutes[m][1] * 60, 1) if minutes.get(m, [0, 0])[1] >= MIN_SPEECH_S else 0.0
            for m in range(max(minutes) + 1)]


def outside_band(cues: list[Cue], band: tuple[float, float]) -> list[PaceStretch]:
    """Minutes spoken faster or slower than the band; neighbours on the same side are merged."""
    lo, hi = band
    stretches: list[PaceStretch] = []
    side_of_last = 0
    totals = [0.0, 0.0]
    for m, (words, secs) in sorted(_minutes(cues).items()):
        if secs < MIN_SPEECH_S:
            side_of_last = 0
            continue
        wpm = words / secs * 60
        side = 1 if wpm > hi else -1 if wpm < lo else 0
        if side and side == side_of_last and stretches and stretches[-1].end_s == m * 60:
            totals[0] += words
            totals[1] += secs
            stretches[-1].end_s = (m + 1) * 60.0
            stretches[-1].wpm = round(totals[0] / totals[1] * 60, 1)
        elif side:
            totals = [words, secs]
            stretches.append(PaceStretch(start_s=m * 60.0, end_s=(m + 1) * 60.0, wpm=round(wpm, 1)))
        side_of_last = side
    return stretches


def filler_clusters(cues: list[Cue]) -> list[FillerCluster]:
    """Minutes with FILLER_CLUSTER or more fillers, each filler placed where it was said in its cue."""
    per_minute: dict[int, int] = defaultdict(int)
    for c in cues:
        for start, _, _ in count_filler_spans(c.text):
            at = c.start_s + (c.end_s - c.start_s) * start / max(len(c.text), 1)
            per_minute[int(at // 60)] += 1
    clusters: list[FillerCluster] = []
    for m in sorted(per_minute):
        if per_minute[m] < FILLER_CLUSTER:
            continue
        if clusters and clusters[-1].end_s == m * 60:
            clusters[-1].end_s = (m + 1) * 60.0
            clusters[-1].count += per_minute[m]
        else:
            clusters.append(FillerCluster(start_s=m * 60.0, end_s=(m + 1) * 60.0, count=per_minute[m]))
    return clusters


def checkins_in(cues: list[Cue]) -> list[CheckIn]:
    out: list[CheckIn] = []
    for c in cues:
        asks_anywhere = "?" in c.text
        for m in _SENTENCE.finditer(c.text):
            sentence = m.group(0).strip()
            if not sentence or not is_checkin(sentence, asks_anywhere):
                continue
            at = c.start_s + (c.end_s - c.start_s) * m.start() / max(len(c.text), 1)
            out.append(CheckIn(text=sentence, at_s=round(at, 3)))
    return out


def is_checkin(sentence: str, punctuated: bool = True) -> bool:
    """`punctuated`: the cue marks its questions; without that, a question is known by how it opens."""
    if SAID_PAUSE.search(sentence):
        return True
    if not punctuated and UNMARKED_QUESTION.search(sentence):
        return True
    core = RHETORICAL.sub("", sentence)
    if sentence.endswith("?"):
        wh = re.match(r"^(?:\W*(?:um|uh|so|okay|ok|and|but)\W+)*(?:why|what|how|where|when|who)\b", core, re.I)
        return bool(TO_THE_PANEL.search(core) or (ABOUT_ITSELF.search(core) and not wh))
    return not punctuated and bool(ASKING.match(sentence)) and bool(TO_THE_PANEL.search(core))


def longest_monologue(spoken: list[Cue], panel: list[Cue], checkins: list[CheckIn]) -> tuple[float, float | None]:
    """The longest stretch of the candidate's speech with no panel line and no check-in in it."""
    if not spoken:
        return 0.0, None
    breaks = sorted([c.start_s for c in panel] + [k.at_s for k in checkins])
    best, best_at = 0.0, None
    start = spoken[0].start_s
    last_end = start
    bi = 0
    for c in spoken:
        while bi < len(breaks) and breaks[bi] <= c.start_s:
            if breaks[bi] >= start:
                if last_end - start > best:
                    best, best_at = last_end - start, start
                start = c.start_s
            bi += 1
        if start > c.start_s:
            start = c.start_s
        last_end = c.end_s
        while bi < len(breaks) and breaks[bi] <= c.end_s:  # a check-in inside this cue
            if breaks[bi] - start > best:
                best, best_at = breaks[bi] - start, start
            start = breaks[bi]
            bi += 1
    if last_end - start > best:
        best, best_at = last_end - start, start
    return round(best, 1), best_at


def preamble_s(spoken: list[Cue], panel: list[Cue], findings: list[Finding]) -> float | None:
    """From the end of the question to the first hypothesis, constraint or lever of the answer."""
    if not spoken:
        return None
    first_word = spoken[0].start_s
    asked = max((c.end_s for c in panel if c.end_s <= first_word + 1.0), default=0.0)
    first = min((f.unit.start_s for f in findings if f.kind in SUBSTANTIVE), default=None)
    if first is None:
        return None
    return round(max(first - asked, 0.0), 1)


def repetitions(cues: list[Cue]) -> list[Repetition]:
    """Verbal habits said 3+ times: phrases of 3+ words, and two-word crutches ("so basically"); the
    longest form of a phrase is kept and its shorter parts dropped when they add no occurrences."""
    tokens: list[tuple[str, float]] = []
    for c in cues:
        tokens += [(w, c.start_s) for w in _WORD.findall(c.text.lower().replace("\u2019", "'"))
                   if w not in _FILLER_WORDS]
    words = [w for w, _ in tokens]
    found: dict[str, list[float]] = {}
    for n in range(8, 1, -1):
        seen: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i in range(len(words) - n + 1):
            gram = tuple(words[i:i + n])
            if seen[gram] and seen[gram][-1] + n > i:  # overlapping repeat ("very very very")
                continue
            seen[gram].append(i)
        for gram, at in seen.items():
            phrase = " ".join(gram)
            crutch = phrase in CRUTCHES
            if not crutch and (n < 3 or len(at) < 3 or not _habit(gram)):
                continue
            if len(at) < 3:
                continue
            if any(phrase in longer and len(times) >= len(at) for longer, times in found.items()):
                continue
            found[phrase] = [tokens[i][1] for i in at]
    reps = [Repetition(phrase=p, count=len(at), at_s=at, crutch=p in CRUTCHES) for p, at in found.items()]
    return sorted(reps, key=lambda r: (-r.count, r.at_s[0]))


def _habit(gram: tuple[str, ...]) -> bool:
    """A verbal habit: only function and discourse words, not only function words, and not a
    fragment that ends on an article or a conjunction."""
    if gram[-1] in _NO_EDGE or gram[0] in ("and", "or", "but"):
        return False
    if all(w in _FUNCTION for w in gram):
        return False
    return all(w in _FUNCTION or w in _DISCOURSE for w in gram)


def notes(d: Delivery, pacing: Pacing, timing: str) -> list[DeliveryNote]:
    """One line each: what was heard, where, and what to do instead."""
    out: list[DeliveryNote] = []
    lo, hi = d.pace_band
    for s in d.outside_band:
        fast = s.wpm > hi
        out.append(DeliveryNote(
            kind="pace", at_s=s.start_s,
            text=f"{clock(s.start_s)}-{clock(s.end_s)} at {s.wpm:.0f} wpm, {'above' if fast else 'below'} "
                 f"the {lo:.0f}-{hi:.0f} band.",
            suggestion="Slow down and let each decision land before the next." if fast
            else "Pick up the pace: say the decision first, then the detail."))
    for c in d.filler_clusters:
        out.append(DeliveryNote(
            kind="fillers", at_s=c.start_s,
            text=f"{c.count} fillers between {clock(c.start_s)} and {clock(c.end_s)}.",
            suggestion="Swap the filler for a silent beat; a pause reads as thinking."))
    pauses = pacing.long_pauses
    if pauses:
        longest = max(pauses, key=lambda p: p.length_s)
        where = ", ".join(clock(p.start_s) for p in pauses[:4]) + (", ..." if len(pauses) > 4 else "")
        out.append(DeliveryNote(
            kind="pause", at_s=pauses[0].start_s,
            text=f"{len(pauses)} pause{'s' if len(pauses) > 1 else ''} over 3 s ({where}); the longest "
                 f"{longest.length_s:.1f} s at {clock(longest.start_s)}.",
            suggestion="If you need time, say so: 'let me think about the failure case for a second'."))
    if d.hedges:
        out.append(DeliveryNote(
            kind="hedges", at_s=d.hedges[0].at_s,
            text=f"{len(d.hedges)} hedges ({d.hedges_per_min:.1f} a minute), first at {clock(d.hedges[0].at_s)}.",
            suggestion="State limits and bets as yours: 'checkout stays under 200 ms', not 'maybe'."))
    for r in d.repetitions:
        out.append(DeliveryNote(
            kind="repetition", at_s=r.at_s[0], text=f"'{r.phrase}' {r.count} times.",
            suggestion="Drop the stock phrase; start the sentence with its point."))
    if d.longest_monologue_s > LONG_MONOLOGUE_S and d.longest_monologue_at_s is not None:
        out.append(DeliveryNote(
            kind="monologue", at_s=d.longest_monologue_at_s,
            text=f"{clock(d.longest_monologue_s)} without a check-in from {clock(d.longest_monologue_at_s)}.",
            suggestion="Check in every two or three minutes: 'should I go deeper on the queue or move to cost?'"))
    if d.preamble_s is not None and d.preamble_s > LONG_PREAMBLE_S:
        out.append(DeliveryNote(
            kind="preamble", at_s=None,
            text=f"{clock(d.preamble_s)} before the first hypothesis, constraint or lever.",
            suggestion="Open with the user problem as a bet, then the constraints."))
    return sorted(out, key=lambda n: (n.at_s is None, n.at_s or 0.0))


__all__ = ["delivery", "PACE_BAND", "LONG_MONOLOGUE_S", "LONG_PREAMBLE_S", "OWNED"]
