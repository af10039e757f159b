"""Small formatting helpers shared by the screens: clocks, dates, names of signals and lenses."""

from __future__ import annotations

from datetime import datetime

from voice_sim.core.analysis.report import clock

SIGNAL_NAMES = {
    "hypothesis": "Hypothesis",
    "constraint": "Constraint",
    "lever": "Lever",
    "metric_tie": "Metric tie",
    "tradeoff": "Trade-off",
}
SIGNAL_LETTERS = {"hypothesis": "H", "constraint": "C", "metric_tie": "M"}
"""The three signals the window bar marks (the ones a panel grades in the first ten minutes)."""

LENSES = (
    ("Impact", ("hypothesis", "metric_tie")),
    ("Feasibility", ("constraint", "lever")),
    ("Trade-off", ("tradeoff",)),
)
"""The Three-Lens checklist: each lens and the statements that tick it."""

SCORE_NAMES = (
    ("impact_awareness", "Impact awareness"),
    ("feasibility_reasoning", "Feasibility reasoning"),
    ("tradeoff_rigor", "Trade-off rigor"),
)


def mmss(seconds: float | None) -> str:
    """'m:ss' (or '-' for no time)."""
    return "-" if seconds is None else clock(max(0.0, seconds))


def when(started: datetime) -> str:
    """A round's start in local time, short: '12 Mar 14:03'."""
    return started.astimezone().strftime("%d %b %H:%M").lstrip("0")


def minutes(seconds: float) -> str:
    """A duration for lists: '18:42' (m:ss) or '1:02:05'."""
    s = round(seconds)
    h, rest = divmod(s, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"


def dots(score: int | None) -> str:
    return "   " if score is None else "●" * score + "○" * (3 - score)
