"""Words the user reads and the small formatters behind them, in one place.

The CLI, the Markdown report and the app all import from here, so a signal is named the same way
and a time is written the same way everywhere. No logic beyond naming and formatting.
"""

from __future__ import annotations

from datetime import datetime

SIGNAL_NAMES = {
    "hypothesis": "Hypothesis",
    "constraint": "Constraint",
    "lever": "Lever",
    "metric_tie": "Metric tie",
    "tradeoff": "Trade-off",
}
LETTERS = {"hypothesis": "H", "constraint": "C", "lever": "L", "metric_tie": "M", "tradeoff": "T"}
GRADED = ("hypothesis", "constraint", "metric_tie")
"""The three signals a panel grades in the window (the window bar marks these)."""

SCORE_NAMES = (
    ("impact_awareness", "Impact awareness"),
    ("feasibility_reasoning", "Feasibility reasoning"),
    ("tradeoff_rigor", "Trade-off rigor"),
)
SCORE_LABELS = ("not shown", "weak", "solid", "strong")

LENSES = (
    ("Impact", ("hypothesis", "metric_tie")),
    ("Feasibility", ("constraint", "lever")),
    ("Trade-off", ("tradeoff",)),
)
"""The Three-Lens checklist: each lens and the statements that tick it."""

FLAG_TITLES = {
    "missing_hypothesis": "No product hypothesis",
    "missing_constraint": "No hard constraint",
    "missing_metric_tie": "No metric tie",
    "late_hypothesis": "Hypothesis came late",
    "late_constraint": "Constraint came late",
    "late_metric_tie": "Metric tie came late",
    "tech_without_rationale": "Technology with no reason",
    "defers_to_engineering": "Defers to engineering",
    "dismisses_latency": "Dismisses latency",
    "scale_without_business_tie": "Scale with no business tie",
    "hedged_statement": "Hedged a key statement",
    "long_monologue": "Long stretch, no check-in",
    "long_preamble": "Long preamble",
}


def clock(seconds: float | None) -> str:
    """A time on the round's clock as 'm:ss' ('-' for no time); never negative."""
    if seconds is None:
        return "-"
    m, s = divmod(int(round(max(0.0, seconds))), 60)
    return f"{m}:{s:02d}"


def duration(seconds: float) -> str:
    """A length for lists: '18:42' (m:ss) or '1:02:05' past an hour."""
    s = int(round(max(0.0, seconds)))
    h, rest = divmod(s, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"


def when(started: datetime) -> str:
    """A round's start in local time, short: '12 Mar 14:03'."""
    return started.astimezone().strftime("%d %b %H:%M").lstrip("0")


def dots(score: int | None) -> str:
    """A 0-3 score as filled and empty dots."""
    return "   " if score is None else "\u25cf" * score + "\u25cb" * (3 - score)


BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"


def sparkline(values: list[float | None]) -> str:
    """One character per value, from the lowest to the highest of them ('\u00b7' for no value)."""
    known = [v for v in values if v is not None]
    if not known:
        return "\u00b7" * len(values)
    lo, hi = min(known), max(known)
    span = hi - lo
    return "".join(
        "\u00b7" if v is None else BARS[0 if span == 0 else round((v - lo) / span * (len(BARS) - 1))]
        for v in values
    )


def recovered_note(answer: int, seconds: float, words: int) -> str:
    """What the report says about the end of an answer transcribed from its audio after a crash."""
    found = f"{words} word{'s' if words != 1 else ''}" if words else "no words in it"
    return f"The last {seconds:.1f} s of answer {answer} were transcribed after the round stopped ({found})."


def recovering_line(answer: int, seconds: float, done_s: float) -> str:
    """Progress while that end is transcribed."""
    share = f" {100 * done_s / seconds:.0f}%" if seconds > 0 and done_s > 0 else ""
    return (f"transcribing the last {seconds:.1f} s of answer {answer}, recorded but not transcribed "
            f"when the round stopped…{share}")
