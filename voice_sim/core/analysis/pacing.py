"""Pace, fillers and long pauses, from cue (or word) timings.

Two rates, named as such: words per minute over speaking time (inside cues) and over wall time
(first word to last, pauses included). Fillers are counted in the raw text, before normalization.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from voice_sim.core.analysis import lexicon as lx
from voice_sim.core.models import Pacing, Pause, Transcript
from voice_sim.core.transcripts import word_starts, words_of

LONG_PAUSE_S = 3.0
# What a coach counts as a filler. "kind of" and "sort of" are not here: they weaken a claim, so
# they are hedges (the statement model hears those). "like" counts as a filler only where it carries
# nothing ("it's, like, gone", "so like we", "there's like all the stuff"), never "I'd like" or
# "something like a queue"; "so"/"okay"/"well"/"right" only as a tic opening a sentence, before a
# comma or another filler ("So, um, ..."), never "So the hypothesis is".
# "like" before an amount is an approximator the coach counts ("more than like a minute", "up like
# twenty percent"), except where it compares ("looks like two", "something like a hundred").
_APPROX = (r"a\s+(?:couple|few|minute|second|hundred|thousand|million|half|dozen)|\d|one|two|three|four|five|six|"
           r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
           r"half|hundred|a\s+thousand")


def _after(*words: str) -> str:
    """Right after one of `words` and a space, without taking the word into the match (so "so like"
    still counts "so" as a tic)."""
    return "(?:" + "|".join(rf"(?<={w}\s)" if w.startswith("'") else rf"(?<=\s{w}\s)|(?<=^{w}\s)"
                            for w in words) + ")"


_NOT_FILLER_BEFORE = "".join(rf"(?<!\b{w}\s)" for w in (
    "something", "anything", "nothing", "looks", "look", "feels", "feel", "sounds", "seems", "seem",
    "more", "things", "stuff", "would", "i'd", "we'd", "you'd", "exactly", "just"))
_LIKE_AFTER = _after("so", "and", "but", "um", "uh", "is", "are", "was", "were", "'s", "just", "there's")
_LIKE_AFTER_LINK = _after("so", "and", "but", "or", "um", "uh")
_SINGLE = "|".join(lx.FILLERS_SINGLE + ("you know", "i mean", "basically"))
_FILLERS = re.compile(
    rf"\b({_SINGLE})\b"
    rf"|(?:^|[,.;]\s*|{_LIKE_AFTER})"
    r"(like)\b(?!\s+(?:to|this|that|it|a|an|the)\b)"
    rf"|{_LIKE_AFTER_LINK}(like)\s+(?=(?:the|a|an|this|that|it)\b)"
    rf"|{_NOT_FILLER_BEFORE}\b(like)\s+(?=(?:{_APPROX})\b)"
    r"|\b(like)\s+(?=(?:just|really|totally|literally|all|super|basically|um|uh)\b)"
    r"|(?:^|[.?!]\s+)(so|okay|ok|well|right)(?=,|\s+(?:um|uh|er|erm|like|basically|you know)\b)"
    r"|(?:^|[.?!]\s+)(so|okay|ok)\b(?![,-]|\s+(?:that|far|much|many|long|now|if|yes|no)\b)"
)
_TIC_AFTER_FILLER = re.compile(r"^\W*(?:umm?|uhh?|erm?|ah|hmm)\W+(so|okay|ok|well|right)\b")  # "Um, so, ..."


def count_filler_spans(text: str) -> list[tuple[int, int, str]]:
    """Each filler in `text`: where it starts and ends, and its normal form ('umm' is 'um')."""
    lowered = text.lower().replace("\u2019", "'")
    spans = []
    for m in _FILLERS.finditer(lowered):
        group = next(g for g in range(1, len(m.groups()) + 1) if m.group(g))
        spans.append((m.start(group), m.end(group), m.group(group)))
    tic = _TIC_AFTER_FILLER.match(lowered)
    if tic and all(start != tic.start(1) for start, _, _ in spans):
        spans.append((tic.start(1), tic.end(1), tic.group(1)))
    return [(a, b, {"umm": "um", "uhh": "uh", "ok": "okay"}.get(w, w)) for a, b, w in sorted(spans)]


def count_fillers(text: str) -> Counter[str]:
    return Counter(word for _, _, word in count_filler_spans(text))


def pacing(transcript: Transcript, turns: Sequence[tuple[float, float]] = ()) -> Pacing:
    """`transcript` holds the candidate's cues; `turns` are the panel's lines (start, end): a silence
    that the panel spoke in is a turn, not a pause."""
    cues = [c for c in transcript.cues if c.text.strip()]
    if not cues:
        return Pacing(words=0, speaking_s=0, wall_s=0, wpm_speaking=0, wpm_wall=0, fillers=0,
                      fillers_per_min=0, timing=transcript.timing)
    words = sum(len(c.text.split()) for c in cues)
    speaking = sum(c.end_s - c.start_s for c in cues)
    wall = cues[-1].end_s - cues[0].start_s
    counts: Counter[str] = Counter()
    for c in cues:
        counts.update(count_fillers(c.text))
    fillers = sum(counts.values())

    pauses: list[Pause] = []
    prev_end = None
    for cue in cues:
        for w in words_of(cue) if cue.words else [None]:
            start = w.start_s if w else cue.start_s
            if prev_end is not None and start - prev_end > LONG_PAUSE_S and not any(
                    a < start and b > prev_end for a, b in turns):
                pauses.append(Pause(start_s=round(prev_end, 2), end_s=round(start, 2)))
            prev_end = w.end_s if w else cue.end_s
        if not cue.words:
            prev_end = cue.end_s

    minutes = int(cues[-1].end_s // 60) + 1
    per_minute = [0.0] * minutes
    for cue in cues:
        for start in word_starts(cue):
            per_minute[min(int(start // 60), minutes - 1)] += 1
    return Pacing(
        words=words,
        speaking_s=round(speaking, 2),
        wall_s=round(wall, 2),
        wpm_speaking=round(words / speaking * 60, 1) if speaking > 0 else 0.0,
        wpm_wall=round(words / wall * 60, 1) if wall > 0 else 0.0,
        fillers=fillers,
        fillers_per_min=round(fillers / speaking * 60, 2) if speaking > 0 else 0.0,
        filler_counts=dict(counts.most_common()),
        long_pauses=pauses,
        wpm_by_minute=per_minute,
        timing=transcript.timing,
    )
