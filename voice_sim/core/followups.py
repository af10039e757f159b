"""What the panel asks next, decided from the live analysis and the scenario's script.

Pure functions over an Analysis and round times: no clock, no threads, no I/O, so every trigger is
a one-line test. The engine (core/engine.py) calls these; it owns the "already asked" set. What
the coach whispers is core/coach.py's.
"""

from __future__ import annotations

from dataclasses import dataclass

from voice_sim.core.models import Analysis
from voice_sim.core.scenario import Scenario

HYPOTHESIS_BY_S = 240.0  # the guide: a user problem must be on the table within the first minutes

HIRING_MANAGER = 0  # index into settings.panel.personas
SENIOR_PM = 1


@dataclass(frozen=True)
class FollowUp:
    key: str  # "adaptive:metric_tie", "scripted:2"
    text: str
    persona: int  # index into the panel's personas (wraps if the panel is smaller)
    reason: str


ADAPTIVE = {
    "hypothesis": ("What user problem are we solving?", "no hypothesis by minute 4"),
    "metric_tie": ("What does that achieve for the business?", "a lever without a metric tie"),
    "rationale": ("Why that and not something else?", "a technology choice without a reason"),
}


def _present(analysis: Analysis, signal: str) -> bool:
    result = analysis.signals.get(signal)
    return bool(result and result.present)


def adaptive_triggers(analysis: Analysis, now_s: float) -> list[str]:
    """Adaptive probes the answer so far calls for, most important first."""
    codes = {f.code for f in analysis.flags}
    due = []
    if now_s >= HYPOTHESIS_BY_S and not _present(analysis, "hypothesis"):
        due.append("hypothesis")
    lever_untied = _present(analysis, "lever") and not _present(analysis, "metric_tie")
    if lever_untied or "scale_without_business_tie" in codes:
        due.append("metric_tie")
    if "tech_without_rationale" in codes:
        due.append("rationale")
    return due


def choose_followup(
    analysis: Analysis | None,
    now_s: float,
    scenario: Scenario,
    asked: set[str],
    pushiness: str,
) -> FollowUp | None:
    """The next question, or None when the panel has nothing left to ask.

    `firm` puts adaptive probes (each asked at most once) ahead of the scenario's scripted ones;
    `gentle` only uses the script.
    """
    if pushiness == "firm" and analysis is not None:
        for trigger in adaptive_triggers(analysis, now_s):
            key = f"adaptive:{trigger}"
            if key not in asked:
                text, reason = ADAPTIVE[trigger]
                return FollowUp(key, text, HIRING_MANAGER, reason)
    for i, probe in enumerate(scenario.probes):
        key = f"scripted:{i}"
        if key not in asked:
            return FollowUp(key, probe.text, SENIOR_PM, f"scripted probe ({probe.tests})")
    return None
