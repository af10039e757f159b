"""Readable terminal output (Rich) for an analysis: used by `analyze` and `run`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from voice_sim.core.labels import SCORE_NAMES, SIGNAL_NAMES, clock, sparkline
from voice_sim.core.models import Analysis


def print_analysis(console: Console, analysis: Analysis, title: str = "Answer analysis") -> None:
    a = analysis
    console.print(Text(title, style="bold"))
    est = " (timings estimated from text)" if a.timing == "estimated" else ""
    console.print(f"Duration {clock(a.duration_s)}, signal window {clock(a.window_s)}{est}\n")

    table = Table(show_edge=False, pad_edge=False)
    table.add_column("Signal")
    table.add_column("First said", justify="right")
    table.add_column("Evidence", overflow="fold")
    for key, name in SIGNAL_NAMES.items():
        sig = a.signals[key]
        if not sig.present:
            table.add_row(name, Text("missing", style="red"), "")
            continue
        late = sig.first_at_s is not None and sig.first_at_s > a.window_s
        when = Text(clock(sig.first_at_s or 0), style="yellow" if late else "green")
        first = sig.evidence[0]
        why = Text(first.text)
        if first.score is not None:
            why.append(f"  (score {first.score:.2f})", style="dim")
        table.add_row(name, when, why)
    console.print(table)

    console.print(Text("\nScorecard", style="bold"))
    if a.scorecard.window:
        console.print(f"  {a.scorecard.window}")
    for key, label in SCORE_NAMES:
        score = getattr(a.scorecard, key)
        console.print(f"  {label:<22} {'●' * score.score}{'○' * (3 - score.score)}  {score.label}")
        for why in score.why:
            console.print(f"      {why}", style="dim")

    if a.flags:
        console.print(Text("\nFlags", style="bold"))
        for flag in a.flags:
            at = f"[{clock(flag.at_s)}] " if flag.at_s is not None else ""
            console.print(f"  {at}{flag.code}: {flag.message}")
            if flag.quote:
                console.print(f"      said: \u201c{flag.quote}\u201d", style="dim")
            if flag.instead:
                console.print(f"      instead: {flag.instead}", style="cyan")

    p = a.pacing
    console.print(Text("\nPacing", style="bold"))
    console.print(
        f"  {p.words} words; {p.wpm_speaking:.0f} wpm over speaking time, {p.wpm_wall:.0f} wpm over "
        f"wall time; {p.fillers} fillers ({p.fillers_per_min:.1f}/min); "
        f"{len(p.long_pauses)} pauses over 3 s"
    )
    hedges = a.delivery.hedges
    if hedges:
        shown = ", ".join(f"{clock(h.at_s)} \u201c{h.text}\u201d" for h in hedges[:6])
        more = f" and {len(hedges) - 6} more" if len(hedges) > 6 else ""
        console.print(f"  {len(hedges)} hedge{'s' if len(hedges) > 1 else ''}: {shown}{more}")
    print_matrix(console, a)
    print_judgement(console, a)
    print_delivery(console, a)


JUDGEMENT_NAMES = (
    ("addressed", "Took on what the question changed"),
    ("hierarchy", "A mitigation hierarchy (two steps or more)"),
    ("numbers", "Numbers of the kind the question needs"),
    ("ownership", "Owns the risk (a threshold, an SLA, the call)"),
    ("tradeoff", "Names what the mitigation costs"),
)


def print_judgement(console: Console, a: Analysis) -> None:
    if a.judgement is None:
        return
    console.print(Text("\nThe follow-up answer, judged", style="bold"))
    for key, name in JUDGEMENT_NAMES:
        item = getattr(a.judgement, key)
        mark = Text("yes", style="green") if item.present else Text("no ", style="red")
        console.print(Text.assemble("  ", mark, f"  {name}"))
        if item.evidence:
            e = item.evidence[0]
            console.print(f"       [{clock(e.start_s)}] \u201c{e.text}\u201d", style="dim")


def print_matrix(console: Console, a: Analysis) -> None:
    console.print(Text("\nDecision matrix", style="bold"))
    if not a.decision_matrix:
        console.print("  No architectural lever proposed, so no matrix.")
        return
    table = Table(show_edge=False, pad_edge=False)
    for col in ("Lever", "KPI", "Number", "Constraint", "Risk or cost"):
        table.add_column(col, overflow="fold")
    gap = Text("(gap)", style="red")
    for r in a.decision_matrix:
        table.add_row(f"[{clock(r.at_s)}] {r.lever}", r.kpi or gap, r.number or gap, r.constraint or gap,
                      r.risk or gap)
    console.print(table)


def print_delivery(console: Console, a: Analysis) -> None:
    d = a.delivery
    lo, hi = d.pace_band
    console.print(Text("\nDelivery", style="bold"))
    checks = f"{len(d.checkins)} check-in{'s' if len(d.checkins) != 1 else ''} with the panel"
    pre = f"; {clock(d.preamble_s)} before the first substantive statement" if d.preamble_s is not None else ""
    console.print(f"  pace band {lo:.0f}-{hi:.0f} wpm; {checks}; longest stretch without one "
                  f"{clock(d.longest_monologue_s)}{pre}")
    for note in d.notes:
        console.print(f"  {note.text}")
        console.print(f"      {note.suggestion}", style="cyan")


def trend_table(points: list) -> Table:  # type: ignore[type-arg]
    """Each charted figure over the attempts (oldest to newest): a sparkline, first, last, and
    whether it moved the right way. `points` are core.sessions.trend.TrendPoint, oldest first."""
    from voice_sim.core.sessions.trend import METRICS

    table = Table(box=None, padding=(0, 2, 0, 0), show_edge=False, header_style="dim")
    for name, just in (("", "left"), ("Attempts", "left"), ("First", "right"), ("Last", "right"), ("", "left")):
        table.add_column(name, justify=just, no_wrap=True)  # type: ignore[arg-type]
    for field, name, better in METRICS:
        values = [getattr(p, field) for p in points]
        first, last = values[0], values[-1]
        table.add_row(name, sparkline(values), _figure(field, first), _figure(field, last),
                      _direction(first, last, better))
    return table


def _figure(field: str, value: float | None) -> str:
    if value is None:
        return "-"
    if field == "first_hypothesis_s":
        return clock(value)
    if field == "signals_in_window":
        return f"{value:.0f}/3"
    return f"{value:.0f}" if field == "wpm" else f"{value:.1f}"


def _direction(first: float | None, last: float | None, better: str) -> Text:
    if first is None or last is None or first == last:
        return Text("")
    if better == "band":  # pace: closer to the middle of the band is better
        first, last = abs(first - 150), abs(last - 150)
        if first == last:
            return Text("")
    improved = last < first if better in ("lower", "band") else last > first
    return Text("better", style="green") if improved else Text("worse", style="yellow")
