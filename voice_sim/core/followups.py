"""What the panel asks next and what the coach whispers, decided from the live analysis.

Pure functions over an Analysis and round times: no clock, no threads, no I/O, so every trigger is
a one-line test. The engine (core/engine.py) calls these; it owns the "already asked" sets.
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


MISSING_WORDS = {  # in the order a cue names them: the guide's three signals first
    "hypothesis": "no user problem",
    "metric_tie": "no metric tie",
    "constraint": "no constraint",
    "tradeoff": "no trade-off",
    "lever": "no lever",
}


def _missing(analysis: Analysis | None) -> list[str]:
    if analysis is None:
        return list(MISSING_WORDS.values())
    return [words for s, words in MISSING_WORDS.items() if not _present(analysis, s)]


def _minutes(seconds: float) -> str:
    m, s = divmod(round(seconds), 60)
    return f"{m}:{s:02d}"


def due_cues(
    analysis: Analysis | None, now_s: float, window_s: float, round_s: float, given: set[str]
) -> list[tuple[str, str]]:
    """Coach cues (key, text) whose time has come and that were not given yet."""
    out: list[tuple[str, str]] = []
    missing = _missing(analysis)
    if now_s >= HYPOTHESIS_BY_S and not (analysis and _present(analysis, "hypothesis")):
        out.append(("hypothesis_4min", f"{_minutes(now_s)} in and no user problem yet; state it"))
    if window_s > 150 and now_s >= window_s - 120 and now_s < window_s:
        tail = "; ".join(missing[:2]) + " yet" if missing else "all five signals heard"
        out.append(("window_2min", f"Two minutes left in the signal window; {tail}"))
    if now_s >= window_s:
        tail = ": " + ", ".join(missing) if missing else "; every signal was heard in time"
        out.append(("window_end", f"Signal window closed{tail}"))
    if round_s > window_s + 120 and now_s >= round_s - 120 and now_s < round_s:
        out.append(("round_2min", "Two minutes left in the round; land your recommendation"))
    return [(k, t) for k, t in out if k not in given]
