"""Compare a round with the previous attempt at the same scenario: when each graded signal was
first heard, fillers, pace. A pure function over two analyses, so it is a one-line test."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from voice_sim.core.labels import SIGNAL_NAMES, clock
from voice_sim.core.models import Analysis

TIMED = ("hypothesis", "constraint", "metric_tie")


def _first(a: Analysis | None, signal: str) -> float | None:
    if a is None:
        return None
    sig = a.signals.get(signal)
    return sig.first_at_s if sig and sig.present else None


def _time_change(now: float | None, before: float | None) -> Text:
    if now is None and before is None:
        return Text("still missing", style="red")
    if now is None:
        return Text("missing this time", style="red")
    if before is None:
        return Text("new", style="green")
    gap = before - now
    if abs(gap) < 1:
        return Text("same", style="dim")
    return Text(f"{clock(abs(gap))} sooner", style="green") if gap > 0 else \
        Text(f"{clock(-gap)} later", style="yellow")


def comparison(now: Analysis | None, before: Analysis | None, before_label: str) -> Table:
    table = Table(box=None, padding=(0, 2, 0, 0), show_edge=False, header_style="dim")
    table.add_column("", no_wrap=True)
    table.add_column("This round", justify="right", no_wrap=True)
    table.add_column(before_label, justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for signal in TIMED:
        a, b = _first(now, signal), _first(before, signal)
        table.add_row(f"Time to {SIGNAL_NAMES[signal].lower()}", clock(a), clock(b), _time_change(a, b))
    fa = now.pacing.fillers_per_min if now else None
    fb = before.pacing.fillers_per_min if before else None
    change = Text("")
    if fa is not None and fb is not None and abs(fa - fb) >= 0.1:
        change = Text("fewer", style="green") if fa < fb else Text("more", style="yellow")
    table.add_row("Fillers per minute", _num(fa, ".1f"), _num(fb, ".1f"), change)
    pa = now.pacing.wpm_speaking if now else None
    pb = before.pacing.wpm_speaking if before else None
    delta = Text(f"{pa - pb:+.0f} wpm", style="dim") if pa is not None and pb is not None else Text("")
    table.add_row("Pace (wpm talking)", _num(pa, ".0f"), _num(pb, ".0f"), delta)
    return table


def _num(value: float | None, fmt: str) -> str:
    return "-" if value is None else format(value, fmt)
