"""The answer analyzer: what a spoken answer stated, when, and what it was missing.

`analyze(transcript, scenario)` is pure and fast (regular expressions over sentences, no model),
so the round engine can call it after every transcribed segment.
"""

from __future__ import annotations

from voice_sim.core.analysis.pacing import pacing
from voice_sim.core.analysis.report import flags_for, scorecard
from voice_sim.core.analysis.statements import Finding, find, units_of
from voice_sim.core.models import SIGNALS, Analysis, Evidence, SignalResult, Transcript
from voice_sim.core.scenario import Scenario

MAX_EVIDENCE = 8
DEFAULT_WINDOW_S = 600.0


def analyze(
    transcript: Transcript, scenario: Scenario | None = None, window_s: float | None = None
) -> Analysis:
    window = window_s or (scenario.window_s if scenario else DEFAULT_WINDOW_S)
    findings = find(units_of(transcript))
    signals = {name: _signal(name, findings) for name in SIGNALS}
    return Analysis(
        duration_s=round(transcript.duration_s, 2),
        window_s=window,
        timing=transcript.timing,
        signals=signals,
        flags=flags_for(signals, findings, window),
        pacing=pacing(transcript),
        scorecard=scorecard(signals, findings, window),
    )


def _signal(name: str, findings: list[Finding]) -> SignalResult:
    hits = [f for f in findings if f.kind == name]
    if not hits:
        return SignalResult()
    evidence, seen = [], set()
    for f in hits:
        if f.unit.cue in seen:
            continue
        seen.add(f.unit.cue)
        evidence.append(Evidence(start_s=f.unit.start_s, end_s=f.unit.end_s, text=f.unit.raw))
        if len(evidence) == MAX_EVIDENCE:
            break
    return SignalResult(present=True, first_at_s=evidence[0].start_s, evidence=evidence)


__all__ = ["analyze"]
