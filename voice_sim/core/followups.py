"""What the panel asks next, decided from the live analysis and the scenario's script.

Pure functions over an Analysis and round times: no clock, no threads, no I/O, so every trigger is
a one-line test. The engine (core/engine.py) calls these; it owns the "already asked" set. What
the coach whispers is core/coach.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from voice_sim.core.models import Analysis, Judgement
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


# The second level: a weak first answer to a follow-up gets pushed on its first gap.
SECOND_LEVEL = (
    ("addressed", "That is the design as it was. What changes under this new condition?", "did not take on the change"),
    ("hierarchy", "And if that fails too? What is the next step, and the one after it?", "a one-step answer"),
    ("numbers", "Put a number on it: how much latency, cost or revenue is at stake?", "no numbers"),
    ("ownership", "Who makes that call, and at what threshold would you make it?", "did not own the risk"),
)
CUT_FOR_MVP = "What would you cut to ship a first version in thirty days?"


@dataclass(frozen=True)
class LastAnswer:
    """The follow-up asked last, and how its answer was judged (core/analysis/judge.py)."""

    key: str
    question: str
    judgement: Judgement


_QUOTES_LEVER = re.compile(r"^You (?:said|chose|mentioned|picked|proposed)(?: to)? ([^.?]+)[.?]\s*(.*)$", re.I)
_STOP = set("a an the by of to in on for and or we you with per one our your".split())


def _words(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def said_lever(analysis: Analysis | None, phrase: str) -> str | None:
    """The candidate's own words for a lever like `phrase` ('shard by seller ID'), if they said one."""
    if analysis is None:
        return None
    want = _words(phrase)
    lever = analysis.signals.get("lever")
    said = [r.lever for r in analysis.decision_matrix] + ([e.text for e in lever.evidence] if lever else [])
    return next((text for text in said if want & _words(text)), None)


def quotes_a_lever(text: str) -> bool:
    """'You chose to shard by auction. What does that...': a probe about a lever from an answer."""
    return _QUOTES_LEVER.match(text.strip()) is not None


def in_their_words(text: str, analysis: Analysis | None) -> str | None:
    """A probe that quotes a lever is asked only when the candidate said it, in their words;
    other probes as written."""
    m = _QUOTES_LEVER.match(text.strip())
    if m is None:
        return text
    lever = said_lever(analysis, str(m.group(1)))
    return None if lever is None else f"You said: \u201c{lever}\u201d. {m.group(2)}".strip()


def second_level(last: LastAnswer, scenario: Scenario) -> tuple[str, str] | None:
    """The push on a weak answer to the last follow-up: its first gap, or None if it held up."""
    index = int(last.key.split(":")[1]) if last.key.startswith("scripted:") else -1
    probe = scenario.probes[index] if 0 <= index < len(scenario.probes) else None
    if probe is not None and probe.tests == "prioritisation" and not last.judgement.addressed.present:
        return CUT_FOR_MVP, "no cut named"
    for item, text, why in SECOND_LEVEL:
        if not getattr(last.judgement, item).present:
            return text, why
    return None


WHATIF_ANSWER_S = 90.0  # each answer in a what-if drill
WHATIF_MAX = 6


def whatifs(scenario: Scenario) -> list[str]:
    """The what-ifs a drill fires: the scenario's probes that stand alone (not ones quoting a
    lever from an answer the drill never had), at most WHATIF_MAX."""
    return [p.text for p in scenario.probes if not quotes_a_lever(p.text)][:WHATIF_MAX]


def next_whatif(scenario: Scenario, asked: set[str]) -> FollowUp | None:
    """The drill's next what-if (the first one was in the spoken intro), or None when all were asked."""
    drill = whatifs(scenario)
    n = 1 + sum(1 for k in asked if k.startswith("whatif:"))
    if n >= len(drill):
        return None
    return FollowUp(f"whatif:{n}", drill[n], SENIOR_PM, f"what-if {n + 1} of {len(drill)}")


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
    last: LastAnswer | None = None,
) -> FollowUp | None:
    """The next question, or None when the panel has nothing left to ask.

    `firm` first pushes once on a weak answer to the last follow-up (`last`: the second level),
    then asks adaptive probes (each at most once), then the scenario's scripted ones; `gentle`
    only uses the script. A probe that quotes a lever the candidate never said is skipped; one
    they said is asked in their own words.
    """
    if pushiness == "firm" and last is not None and not last.key.startswith("second:"):
        key = f"second:{last.key}"
        pushed = second_level(last, scenario)
        if pushed is not None and key not in asked:
            return FollowUp(key, pushed[0], SENIOR_PM, f"second level: {pushed[1]}")
    if pushiness == "firm" and analysis is not None:
        for trigger in adaptive_triggers(analysis, now_s):
            key = f"adaptive:{trigger}"
            if key not in asked:
                text, reason = ADAPTIVE[trigger]
                untied: str | None = None
                if trigger == "metric_tie":
                    untied = next((r.lever for r in analysis.decision_matrix if r.kpi is None), None)
                    if untied:
                        text = f"You said: \u201c{untied}\u201d. What does that achieve for the business?"
                return FollowUp(key, text, HIRING_MANAGER, reason)
    for i, probe in enumerate(scenario.probes):
        key = f"scripted:{i}"
        if key in asked:
            continue
        spoken = in_their_words(probe.text, analysis)
        if spoken is None:
            asked.add(key)  # quotes a lever never said: not this round
            continue
        return FollowUp(key, spoken, SENIOR_PM, f"scripted probe ({probe.tests})")
    return None
