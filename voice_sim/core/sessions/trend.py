"""How a candidate's attempts at one scenario moved over time: the figures History and
`voice-sim sessions trend` chart, one point per analysed round, oldest first.

Read-only: it reads the index and each round's analysis, and writes nothing.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from voice_sim.core.models import Analysis
from voice_sim.core.sessions.index import SessionRow

GRADED = ("hypothesis", "constraint", "metric_tie")
METRICS = (
    ("first_hypothesis_s", "Time to hypothesis", "lower"),
    ("signals_in_window", "Signals in the window", "higher"),
    ("wpm", "Pace (wpm talking)", "band"),
    ("fillers_per_min", "Fillers a minute", "lower"),
    ("hedges_per_min", "Hedges a minute", "lower"),
)
"""Each charted figure: its field, its name, and which way is better."""


class TrendPoint(BaseModel):
    id: str
    scenario_id: str
    started_at: datetime
    first_hypothesis_s: float | None = Field(description="None: no hypothesis in that round.")
    signals_in_window: int = Field(description="Hypothesis, constraint and metric tie heard in the window (0-3).")
    wpm: float
    fillers_per_min: float
    hedges_per_min: float


def point(row: SessionRow, a: Analysis) -> TrendPoint:
    hyp = a.signals.get("hypothesis")
    in_window = sum(
        1 for name in GRADED
        if (s := a.signals.get(name)) and s.present and s.first_at_s is not None and s.first_at_s <= a.window_s
    )
    return TrendPoint(
        id=row.id, scenario_id=row.scenario_id, started_at=row.started_at,
        first_hypothesis_s=hyp.first_at_s if hyp and hyp.present else None,
        signals_in_window=in_window, wpm=a.pacing.wpm_speaking, fillers_per_min=a.pacing.fillers_per_min,
        hedges_per_min=a.delivery.hedges_per_min,
    )


def trend(rows: list[SessionRow], analysis_of) -> dict[str, list[TrendPoint]]:  # type: ignore[no-untyped-def]
    """Per scenario, its analysed rounds oldest first; `analysis_of(id)` reads one round's analysis."""
    out: dict[str, list[TrendPoint]] = {}
    for row in sorted(rows, key=lambda r: r.started_at):
        if row.flags is None:  # never analysed (no words, or the round died before its report)
            continue
        a = analysis_of(row.id)
        if a is not None:
            out.setdefault(row.scenario_id, []).append(point(row, a))
    return out
