"""A small, fixed stand-in for the answer analyzer, for the app's tests and snapshots.

The real analyzer (core/analysis) is tuned as its labelled sets grow; the screens must not change
with it. This one finds each signal by one plain phrase, so the test answers decide exactly what
the screens show. It returns the real Analysis model, like the real one.
"""

from __future__ import annotations

from voice_sim.core.analysis.delivery import delivery, notes
from voice_sim.core.analysis.pacing import pacing as real_pacing
from voice_sim.core.analysis.scoring import window_verdict
from voice_sim.core.models import (
    Analysis,
    Delivery,
    Evidence,
    Flag,
    Hedge,
    Pacing,
    Scorecard,
    SignalResult,
    SignalScore,
    Statement,
    Transcript,
)

FINDS = {
    "hypothesis": ("hypothesis", "my bet"),
    "constraint": ("hard constraint", "milliseconds"),
    "lever": ("shard", "sequencer"),
    "metric_tie": (" percent.", "lift bids"),
    "tradeoff": ("trade-off", "at the cost of"),
}
ANTI = {
    "tech_without_rationale": ("use kafka", "Names a technology with no reason",
                               "Give the reason and its cost."),
    "defers_to_engineering": ("up to engineering", "Defers the decision to engineering",
                              "Own the decision and the trade-off."),
    "scale_without_business_tie": ("million requests", "Claims scale with no business outcome",
                                   "Say what the scale buys the business."),
}
HEDGES = ("maybe", "i guess")


def fake_analyze(transcript: Transcript, scenario: object = None,
                 window_s: float | None = None, pace_band: tuple[float, float] = (130.0, 170.0),
                 followup: str | None = None, opening: bool | None = None) -> Analysis:
    window = window_s or 600.0
    # Like the real analyzer: only the candidate's words count; the panel's lines mark turns.
    panel = [c for c in transcript.cues if c.speaker not in (None, "candidate") and c.text.strip()]
    cues = [c for c in transcript.cues if c.speaker in (None, "candidate") and c.text.strip()]
    signals: dict[str, SignalResult] = {}
    for name, phrases in FINDS.items():
        hits = [c for c in cues if any(p in c.text.lower() for p in phrases)]
        signals[name] = SignalResult(
            present=bool(hits), first_at_s=hits[0].start_s if hits else None,
            evidence=[Evidence(start_s=c.start_s, end_s=c.end_s, text=c.text) for c in hits[:3]],
        )
    flags = [Flag(code=f"missing_{n}", message=f"No {n.replace('_', ' ')}.")
             for n in ("hypothesis", "constraint", "metric_tie") if not signals[n].present]
    for code, (phrase, message, instead) in ANTI.items():
        for c in cues:
            if phrase in c.text.lower():
                flags.append(Flag(code=code, message=f"{message}.", at_s=c.start_s, quote=c.text,
                                  instead=instead))
    present = sum(s.present for s in signals.values())
    def score(n: int) -> SignalScore:
        label = ["not shown", "weak", "solid", "strong"][n]
        return SignalScore(score=n, label=label, why=[f"{present} of 5 signals heard."])

    card = Scorecard(
        impact_awareness=score(min(3, signals["hypothesis"].present + 2 * signals["metric_tie"].present)),
        feasibility_reasoning=score(min(3, signals["constraint"].present + signals["lever"].present)),
        tradeoff_rigor=score(min(3, 2 * signals["tradeoff"].present)),
        window=window_verdict(signals, window),
    )
    if not (present or cues):
        return Analysis(duration_s=0, window_s=window, signals=signals, flags=flags,
                        pacing=real_pacing(Transcript()), scorecard=card)
    pacing = real_pacing(Transcript(cues=cues), [(c.start_s, c.end_s) for c in panel])
    return Analysis(duration_s=transcript.duration_s, window_s=window, signals=signals,
                    flags=flags, pacing=pacing, scorecard=card, delivery=_delivery(cues, panel, pacing, pace_band),
                    statements=[Statement(kind=n, start_s=e.start_s, end_s=e.end_s)
                                for n, sig in signals.items() for e in sig.evidence])


def _delivery(spoken: list, panel: list, pacing: Pacing,  # type: ignore[type-arg]
              band: tuple[float, float]) -> Delivery:
    """The real delivery coaching over the cues, with hedges found by plain phrases."""
    d = delivery(panel, spoken, [], pacing, band=band)
    d.hedges = [Hedge(text=h, at_s=c.start_s) for c in spoken for h in HEDGES if h in c.text.lower()]
    d.notes = notes(d, pacing, "measured")
    return d
