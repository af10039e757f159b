"""What the Report screen shows, as Rich renderables built from a saved round (pure functions).

Kept apart from screens/report.py so the screen is only behaviour (tabs, selection, playback,
export) and these stay easy to read and to test.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from voice_sim.core.analysis import marks
from voice_sim.core.labels import FLAG_TITLES, LETTERS, SCORE_NAMES, SIGNAL_NAMES, clock, dots
from voice_sim.core.models import (
    ANTI_PATTERNS,
    Analysis,
    Cue,
    Delivery,
    Flag,
    MatrixRow,
    Pacing,
    Question,
    Transcript,
)
from voice_sim.core.sessions import SessionRecord

CANDIDATE = "candidate"


def summary(a: Analysis) -> Text:
    """One line on top of the scorecard: signals in the window, flags, pace."""
    in_window = sum(1 for s in a.signals.values()
                    if s.present and s.first_at_s is not None and s.first_at_s <= a.window_s)
    p = a.pacing
    return Text.assemble(
        (f"{in_window} of {len(a.signals)} signals", "bold"), f" in the first {clock(a.window_s)}",
        ("   ·   ", "dim"), (f"{len(a.flags)}", "bold"), f" flag{'s' if len(a.flags) != 1 else ''}",
        ("   ·   ", "dim"), (f"{p.wpm_speaking:.0f}", "bold"), " wpm",
        ("   ·   ", "dim"), (f"{p.fillers_per_min:.1f}", "bold"), " fillers/min",
    )


def scorecard(a: Analysis) -> RenderableType:
    parts: list[RenderableType] = [summary(a), Text("")]
    if a.scorecard.window:
        parts += [Text(a.scorecard.window, style="bold"), Text("")]
    for key, name in SCORE_NAMES:
        s = getattr(a.scorecard, key)
        colour = ("red", "yellow", "green", "bold green")[max(0, min(3, s.score))]
        head = Text.assemble((f"{name:<23}", "bold"), (dots(s.score), colour), f"  {s.label}")
        parts.append(head)
        for why in s.why:
            parts.append(Text(f"   {why}", style="dim"))
        parts.append(Text(""))
    table = Table(box=None, padding=(0, 2, 0, 0), show_edge=False, expand=True,
                  title=Text(f"Signals in the first {clock(a.window_s)}", style="bold"),
                  title_justify="left")
    table.add_column("Signal", no_wrap=True)
    table.add_column("First", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("Evidence", ratio=1, overflow="ellipsis", no_wrap=True)
    for key, name in SIGNAL_NAMES.items():
        sig = a.signals.get(key)
        if sig is None or not sig.present:
            table.add_row(name, "-", Text("missing", style="bold red"), "")
            continue
        late = sig.first_at_s is not None and sig.first_at_s > a.window_s
        verdict = Text("late", style="yellow") if late else Text("in time", style="green")
        quote = sig.evidence[0].text if sig.evidence else ""
        table.add_row(name, clock(sig.first_at_s), verdict, Text(quote, style="dim"))
    parts.append(table)
    return Group(*parts)


def flag_prompt(flag: Flag) -> Text:
    at = f"{clock(flag.at_s):>5}" if flag.at_s is not None else "    -"
    title = FLAG_TITLES.get(flag.code, flag.code.replace("_", " "))
    style = "yellow" if flag.code in ANTI_PATTERNS else "red"
    return Text.assemble((at, "dim"), "  ", (title, style))


def flag_detail(flag: Flag) -> RenderableType:
    parts: list[RenderableType] = [Text(flag.message)]
    if flag.quote:
        parts += [Text(""), Text.assemble(("You said  ", "dim"), (f"“{flag.quote}”", "italic"))]
    if flag.instead:
        parts += [Text(""), Text.assemble(("Stronger  ", "dim"), (flag.instead, "green"))]
    if flag.at_s is not None:
        parts += [Text(""), Text(f"enter: show {clock(flag.at_s)} in the transcript", style="dim")]
    return Group(*parts)


def pacing_text(p: Pacing) -> RenderableType:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), show_edge=False)
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    table.add_row("Words", f"{p.words}")
    table.add_row("Pace", f"{p.wpm_speaking:.0f} wpm while talking, {p.wpm_wall:.0f} wpm overall")
    fillers = ", ".join(f"{w} ×{n}" for w, n in p.filler_counts.items()) or "none"
    table.add_row("Fillers", f"{p.fillers} ({p.fillers_per_min:.1f}/min): {fillers}")
    if p.long_pauses:
        pauses = ", ".join(f"{clock(x.start_s)} ({x.length_s:.0f} s)" for x in p.long_pauses[:8])
        more = f" and {len(p.long_pauses) - 8} more" if len(p.long_pauses) > 8 else ""
        table.add_row("Long pauses", f"{len(p.long_pauses)}: {pauses}{more}")
    else:
        table.add_row("Long pauses", "none over 3 s")
    if p.timing == "estimated":
        table.add_row("Timing", "estimated from text")
    return table


def delivery_text(d: Delivery) -> RenderableType:
    """The delivery verdicts, each with where and what to do instead."""
    lo, hi = d.pace_band
    checks = f"{len(d.checkins)} check-in{'s' if len(d.checkins) != 1 else ''}"
    head = [f"Pace band {lo:.0f}-{hi:.0f} wpm", f"{checks} with the panel",
            f"longest stretch without one {clock(d.longest_monologue_s)}"]
    if d.preamble_s is not None:
        head.append(f"{clock(d.preamble_s)} to the first substantive statement")
    parts: list[RenderableType] = [Text("  ·  ".join(head), style="dim")]
    if not d.notes:
        parts.append(Text("Nothing to coach on delivery: pace in the band, no filler clusters, "
                          "no long pauses.", style="italic"))
    for note in d.notes:
        parts.append(Text.assemble(("• ", "bold"), note.text))
        parts.append(Text(f"  {note.suggestion}", style="green"))
    return Group(*parts)


JUDGED = (("addressed", "Addr"), ("hierarchy", "Hier"), ("numbers", "Nums"), ("ownership", "Owns"),
          ("tradeoff", "Cost"))


def questions_view(questions: list[Question]) -> RenderableType:
    """A row per question, then the round's decision matrix (every answer's levers) with its gaps."""
    table = Table(box=None, padding=(0, 1, 0, 0), show_edge=False, expand=True, header_style="dim",
                  title=Text("Question by question", style="bold"), title_justify="left")
    for name, just in (("#", "right"), ("Asked", "right"), ("Question", "left"), ("Think", "right"),
                       ("Subst.", "right"), ("Heard", "left")):
        table.add_column(name, justify=just, no_wrap=name != "Question",  # type: ignore[arg-type]
                         ratio=1 if name == "Question" else None, overflow="fold")
    for _, short in JUDGED:
        table.add_column(short, justify="center", no_wrap=True)
    for q in questions:
        heard = " ".join(LETTERS[k] for k in SIGNAL_NAMES if q.signals.get(k) and q.signals[k].present) or "-"
        judged = [Text("")] * len(JUDGED)
        if q.judgement is not None:
            judged = [Text("yes", style="green") if getattr(q.judgement, k).present else Text("no", style="red")
                      for k, _ in JUDGED]
        table.add_row(str(q.index), clock(q.asked_at_s), _short(q.question),
                      "-" if q.thinking_s is None else f"{q.thinking_s:.0f}s",
                      clock(q.first_substantive_s) if q.first_substantive_s is not None else "-", heard, *judged)
    parts: list[RenderableType] = [table, Text(
        "Heard: H hypothesis, C constraint, L lever, M metric tie, T trade-off. Follow-ups judged: Addr took on "
        "what it changed, Hier a mitigation hierarchy, Nums numbers of the right kind, Owns the risk, Cost named.",
        style="dim")]
    parts += [Text(""), matrix_view([r for q in questions for r in q.decision_matrix])]
    return Group(*parts)


def _short(question: str, limit: int = 60) -> str:
    """A question's last sentence (the ask itself), cut to `limit` characters."""
    sentences = [s.strip() for s in question.replace("?", "?|").replace(". ", ".|").split("|") if s.strip()]
    ask = next((s for s in reversed(sentences) if s.endswith("?")), sentences[-1] if sentences else question)
    return ask if len(ask) <= limit else ask[: limit - 1].rstrip() + "\u2026"


def matrix_view(rows: list[MatrixRow]) -> RenderableType:
    if not rows:
        return Text("Decision matrix: no architectural lever was proposed.", style="italic")
    table = Table(box=None, padding=(0, 1, 0, 0), show_edge=False, expand=True, header_style="dim",
                  title=Text("Decision matrix", style="bold"), title_justify="left")
    for name in ("Lever", "KPI", "Number", "Constraint", "Risk or cost"):
        table.add_column(name, ratio=2 if name == "Lever" else 1, overflow="fold")
    gap = Text("[gap]", style="bold red")
    for r in rows:
        table.add_row(f"{clock(r.at_s)} {r.lever}", *[Text(c) if c else gap for c in (r.kpi, r.number, r.constraint,
                                                                                        r.risk)])
    return table


@dataclass(frozen=True)
class Line:
    """One transcript line of the report, with what 'play from here' needs."""

    prompt: RenderableType
    cue: Cue | None  # None for markers (window boundary, pauses)


def transcript_lines(record: SessionRecord, transcript: Transcript,
                     analysis: Analysis | None) -> list[Line]:
    cues = sorted(transcript.cues, key=lambda c: (c.start_s, c.end_s))
    markers: list[tuple[float, str]] = [(record.window_s, f"{clock(record.window_s)} · end of the signal window")]
    panel = [c for c in cues if c.speaker not in (None, CANDIDATE)]
    if analysis is not None:
        # A silence that spans a panel question is the panel talking, not the candidate pausing.
        markers += [
            (p.start_s + 0.001, f"{p.length_s:.0f} s pause") for p in analysis.pacing.long_pauses
            if not any(p.start_s - 0.5 <= c.start_s < p.end_s for c in panel)
        ]
    markers.sort()
    lines: list[Line] = []
    for cue in cues:
        while markers and markers[0][0] <= cue.start_s:
            lines.append(_marker(markers.pop(0)[1]))
        lines.append(Line(_cue_prompt(cue, analysis), cue))
    if markers and markers[0][0] <= max(record.duration_s, transcript.duration_s):
        lines += [_marker(text) for _, text in markers]
    return lines


def _marker(text: str) -> Line:
    return Line(Text(f"──── {text} ────", style="dim", justify="center"), None)


def _cue_prompt(cue: Cue, analysis: Analysis | None = None) -> Table:
    """A transcript line; the candidate's carry the letters of what they stated there and their
    [fillers] and {hedges}, in plain characters so they read without colour."""
    you = cue.speaker in (None, CANDIDATE)
    who = "You" if you else (cue.speaker or "Panel")
    said = letters = ""
    if you and analysis is not None:
        said, letters = marks.marked(cue, analysis), marks.letters(cue, analysis)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=5, justify="right", style="dim", no_wrap=True)
    grid.add_column(width=5, style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(clock(cue.start_s), letters, Text.assemble(
        (f"{who}: ", "bold" if you else "bold cyan"), (said or cue.text.strip(), "" if you else "cyan"),
    ))
    return grid


def legend() -> Line:
    return Line(Text(marks.LEGEND, style="dim"), None)
