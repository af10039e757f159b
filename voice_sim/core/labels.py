"""Words the user reads and the small formatters behind them, in one place.

The CLI, the Markdown report and the app all import from here, so a signal is named the same way
and a time is written the same way everywhere. No logic beyond formatting.
"""

from __future__ import annotations


def clock(seconds: float | None) -> str:
    """A time on the round's clock as 'm:ss' ('-' for no time); never negative."""
    if seconds is None:
        return "-"
    m, s = divmod(int(round(max(0.0, seconds))), 60)
    return f"{m}:{s:02d}"


BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float | None]) -> str:
    """One character per value, from the lowest to the highest of them ('·' for no value)."""
    known = [v for v in values if v is not None]
    if not known:
        return "·" * len(values)
    lo, hi = min(known), max(known)
    span = hi - lo
    return "".join(
        "·" if v is None else BARS[0 if span == 0 else round((v - lo) / span * (len(BARS) - 1))]
        for v in values
    )
