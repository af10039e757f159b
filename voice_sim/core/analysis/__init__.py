"""The answer analyzer: what a spoken answer stated, when, and what it was missing.

`analyze(transcript, scenario)` reads only the candidate's cues (panel lines never count), scores
each passage with the statement model (model.py) and decides with detect.py; the answer-level
verdict, its evidence and `first_at_s` come from those passage decisions. `detector="rules"`
runs the hand-written rules alone (statements.py), kept for comparison in scripts/bench_analyzer.py.
Pure and fast enough for the round engine to call after every transcribed segment.
"""

from __future__ import annotations

from typing import Literal

from voice_sim.core.analysis.advice import scenario_gaps
from voice_sim.core.analysis.delivery import PACE_BAND, delivery
from voice_sim.core.analysis.detect import detect
from voice_sim.core.analysis.features import Passage, candidate_cues, passages_of
from voice_sim.core.analysis.judge import judge
from voice_sim.core.analysis.matrix import decision_matrix
from voice_sim.core.analysis.model import StatementModel, default_model
from voice_sim.core.analysis.pacing import pacing
from voice_sim.core.analysis.scoring import delivery_flags, flags_for, scorecard
from voice_sim.core.analysis.statements import Finding, find, units_of
from voice_sim.core.models import (
    SIGNALS,
    Analysis,
    Evidence,
    Judgement,
    SignalResult,
    Statement,
    Transcript,
)
from voice_sim.core.scenario import Scenario

MAX_EVIDENCE = 8
DEFAULT_WINDOW_S = 600.0


def analyze(
    transcript: Transcript,
    scenario: Scenario | None = None,
    window_s: float | None = None,
    detector: Literal["model", "rules"] = "model",
    model: StatementModel | None = None,
    pace_band: tuple[float, float] = PACE_BAND,
    followup: str | None = None,
    opening: bool | None = None,
) -> Analysis:
    """Analyze the candidate's answer(s) in `transcript`. With `followup` (the question it answers),
    the answer is also judged as the reply to that follow-up (Analysis.judgement); the scenario's
    probe of the same wording, if any, says what the question changes and which numbers count.
    `opening` False (the default with `followup`, and a what-if drill round) judges replies to
    follow-ups: no missing or late flags for the opening's signals, and no window verdict."""
    opening = not followup if opening is None else opening
    window = window_s or (scenario.window_s if scenario else DEFAULT_WINDOW_S)
    spoken = Transcript(cues=candidate_cues(transcript), timing=transcript.timing, source=transcript.source)
    passages = passages_of(transcript) if detector == "model" else []
    findings = find_statements(transcript, detector, model, passages)
    signals = {name: _signal(name, findings) for name in SIGNALS}
    statements = [f for f in findings if f.kind != "hedge"]
    own = {id(c) for c in spoken.cues}
    panel = [c for c in transcript.cues if id(c) not in own]
    paced = pacing(spoken, [(c.start_s, c.end_s) for c in panel])
    spoken_delivery = delivery(panel, spoken.cues, findings, paced, transcript.timing, pace_band)
    return Analysis(
        duration_s=round(transcript.duration_s, 2),
        window_s=window,
        timing=transcript.timing,
        signals=signals,
        flags=flags_for(signals, statements, window, scenario, spoken.text, opening=opening)
        + delivery_flags(spoken_delivery, findings),
        pacing=paced,
        scorecard=scorecard(signals, statements, window, opening=opening),
        delivery=spoken_delivery,
        statements=[Statement(kind=f.kind, start_s=f.unit.start_s, end_s=f.unit.end_s)
                    for f in statements if f.kind in SIGNALS],
        decision_matrix=decision_matrix(passages, statements),
        first_substantive_s=spoken_delivery.preamble_s,
        judgement=_judge(followup, scenario, transcript, passages, findings, detector, model),
        scenario_gaps=scenario_gaps(spoken.text, scenario),
    )


def _judge(followup: str | None, scenario: Scenario | None, transcript: Transcript, passages: list[Passage],
           findings: list[Finding], detector: str, model: StatementModel | None) -> Judgement | None:
    if not followup:
        return None
    if detector != "model":  # the judge reads the model's passages
        passages = passages_of(transcript)
        findings = find_statements(transcript, "model", model, passages)
    probe = next((p for p in scenario.probes if _same(p.text, followup)), None) if scenario else None
    return judge(passages, findings, followup, probe.changes if probe else "", probe.numbers if probe else ())


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def find_statements(
    transcript: Transcript, detector: Literal["model", "rules"] = "model", model: StatementModel | None = None,
    passages: list[Passage] | None = None,
) -> list[Finding]:
    """Findings over the candidate's own cues, in time order. Pass the whole transcript: the panel's
    lines never count, but the model reads whether the panel spoke just before a passage."""
    if detector == "rules":
        return find(units_of(Transcript(cues=candidate_cues(transcript), timing=transcript.timing)))
    model = model or default_model()
    passages = passages_of(transcript) if passages is None else passages
    return detect(passages, model.score(passages), model)


def _signal(name: str, findings: list[Finding]) -> SignalResult:
    hits = [f for f in findings if f.kind == name]
    if not hits:
        return SignalResult()
    evidence, seen = [], set()
    for f in hits:
        if f.unit.cue in seen:
            continue
        seen.add(f.unit.cue)
        score = None if f.score is None else round(f.score, 3)
        evidence.append(Evidence(start_s=f.unit.start_s, end_s=f.unit.end_s, text=f.unit.raw, score=score))
        if len(evidence) == MAX_EVIDENCE:
            break
    return SignalResult(present=True, first_at_s=evidence[0].start_s, evidence=evidence)


__all__ = ["analyze", "find_statements"]
