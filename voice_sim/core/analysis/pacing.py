"""Pace, fillers and long pauses, from cue (or word) timings.

Two rates, named as such: words per minute over speaking time (inside cues) and over wall time
(first word to last, pauses included). Fillers are counted in the raw text, before normalization.
"""

from __future__ import annotations

import re
from collections import Counter

from voice_sim.core.analysis import lexicon as lx
from voice_sim.core.models import Pacing, Pause, Transcript
from voice_sim.core.transcripts import word_starts, words_of

LONG_PAUSE_S = 3.0
_FILLERS = re.compile(
    r"\b(" + "|".join(lx.FILLERS_SINGLE + lx.FILLERS_PHRASE) + r")\b"
    r"|(?:^|[,.]\s*)(like)(?=,)"  # "like," as a filler, not "I'd like to"
)


def count_fillers(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for m in _FILLERS.finditer(text.lower()):
        word = m.group(1) or m.group(2)
        counts[{"umm": "um", "uhh": "uh"}.get(word, word)] += 1
    return counts


def pacing(transcript: Transcript) -> Pacing:
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
            if prev_end is not None and start - prev_end > LONG_PAUSE_S:
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
