"""Answer analysis (work in progress: the real analyzer replaces this within the session)."""

from __future__ import annotations

from voice_sim.core.models import (
    SIGNALS, Analysis, Pacing, Scorecard, SignalResult, SignalScore, Transcript,
)
from voice_sim.core.scenario import Scenario


def analyze(transcript: Transcript, scenario: Scenario | None = None, window_s: float | None = None) -> Analysis:
    empty = SignalScore(score=0, label="none")
    words = len(transcript.text.split())
    return Analysis(
        duration_s=transcript.duration_s,
        window_s=window_s or (scenario.window_s if scenario else 600.0),
        signals={s: SignalResult() for s in SIGNALS},
        flags=[],
        pacing=Pacing(words=words, speaking_s=0, wall_s=0, wpm_speaking=0, wpm_wall=0, fillers=0, fillers_per_min=0),
        scorecard=Scorecard(impact_awareness=empty, feasibility_reasoning=empty, tradeoff_rigor=empty),
    )
