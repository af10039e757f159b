"""Marks on the transcript, so a candidate reads their answer the way a panel heard it.

Each candidate line gets the letters of the statements heard in it (H hypothesis, C constraint,
L lever, M metric tie, T trade-off), fillers are wrapped in [brackets] and hedges in {braces}:
plain characters, readable on a monochrome 80x24 terminal and in Markdown.
"""

from __future__ import annotations

from voice_sim.core.analysis.pacing import count_filler_spans
from voice_sim.core.labels import LETTERS
from voice_sim.core.models import SIGNALS, Analysis, Cue

LEGEND = "H hypothesis, C constraint, L lever, M metric tie, T trade-off; [filler], {hedge}"


def letters(cue: Cue, analysis: Analysis) -> str:
    """'H C' for the statements first said inside this cue ('' when none)."""
    kinds = {s.kind for s in analysis.statements if cue.start_s <= s.start_s < max(cue.end_s, cue.start_s + 1e-6)}
    return " ".join(LETTERS[k] for k in SIGNALS if k in kinds)


def marked(cue: Cue, analysis: Analysis) -> str:
    """The cue's text with [fillers] and {hedges} marked."""
    text = " ".join(cue.text.split())
    spans: list[tuple[int, int, str]] = []
    for start, end, _ in count_filler_spans(text):
        spans.append((start, end, "[]"))
    for h in analysis.delivery.hedges:
        if cue.start_s <= h.at_s <= cue.end_s:
            at = text.lower().find(h.text.lower())
            if at >= 0:
                spans.append((at, at + len(h.text), "{}"))
    out, pos = [], 0
    for start, end, brackets in sorted(spans):
        left, right = brackets[0], brackets[1]
        if start < pos:
            continue
        out += [text[pos:start], left, text[start:end], right]
        pos = end
    return "".join(out + [text[pos:]])
