"""Advice from the candidate's own words: each anti-pattern's "say instead" rebuilt from the sentence
it flags and the scenario's own levers, metrics and constraints, and which of the scenario's key
constraints and metrics the answer never named.

Never one canned line: a Cassandra choice in a seller-drop round gets a Cassandra sentence tied to
that round's metric. Without a scenario the metric and the bound are the marketplace's generic ones.
"""

from __future__ import annotations

import re

from voice_sim.core.analysis import statements as st
from voice_sim.core.models import ScenarioGaps
from voice_sim.core.scenario import Scenario

GENERIC_METRIC = "conversion"
GENERIC_BOUND = "a 200 ms budget on the buyer's path"
_STOP = set(
    "a an the of to in on at for and or by with per is are be each every once before after under over same "
    "kept than from into it its our we they them their this that these those".split()
)
_TOKEN = re.compile(r"[a-z0-9.%]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_PROPER = re.compile(r"(?<=\w )([A-Z][A-Za-z0-9]+)")  # a product name said mid-sentence: "goes in Cassandra"


def _stems(text: str) -> set[str]:
    return {w[:5] for w in _TOKEN.findall(text.lower()) if w not in _STOP and len(w) > 1}


def named(phrase: str, said: str) -> bool:
    """Did the candidate name `phrase` (a scenario constraint or metric)? Its numbers, or most of
    its words, in what was said."""
    if any(re.search(rf"(?<![\d.]){re.escape(n)}(?![\d])", said) for n in _NUMBER.findall(phrase)):
        return True
    want = _stems(re.sub(r"\d[\d.,]*", " ", phrase))
    return bool(want) and len(want & _stems(said)) >= max(1, round(len(want) * 0.6))


def scenario_gaps(said: str, scenario: Scenario | None) -> ScenarioGaps:
    if scenario is None:
        return ScenarioGaps()
    return ScenarioGaps(
        constraints=[c for c in scenario.constraints if not named(c, said)],
        metrics=[m for m in scenario.metrics if not named(m, said)],
    )


def _metric(scenario: Scenario | None, said: str = "") -> str:
    if scenario is None:
        return GENERIC_METRIC
    unsaid = [m for m in scenario.metrics if not re.search(r"\bms\b|latency", m)]
    return next((m for m in unsaid if not named(m, said)), unsaid[0] if unsaid else scenario.metrics[0])


def _bound(scenario: Scenario | None) -> str:
    if scenario is None:
        return GENERIC_BOUND
    return next((c for c in scenario.constraints if re.search(r"\d", c)), scenario.constraints[0])


def _sentence(quote: str) -> str:
    text = " ".join(quote.split()).rstrip(" .!?")
    return text[:1].upper() + text[1:] if text else text


def instead(kind: str, quote: str, detail: str | None, scenario: Scenario | None, said: str = "") -> str:
    """The stronger phrasing for an anti-pattern, built on what the candidate said."""
    s, metric, bound = _sentence(quote), _metric(scenario, said), _bound(scenario)
    if kind == "tech_without_rationale":
        named_tech = st.TECH.search(quote.lower()) or _PROPER.search(quote)
        tech = detail or (named_tech.group(0) if named_tech else "that choice")
        if named_tech and named_tech.re is st.TECH:
            tech = quote[named_tech.start():named_tech.end()]
        return (f"Keep {tech}, and say why and what it buys: \"{s}, because <what {tech} does that this "
                f"design needs>, which keeps {bound} and should move {metric} by <about N%>.\"")
    if kind == "defers_to_engineering":
        return (f"Own the call instead of \"{s}\": \"I'll hold us to {bound}, pick the option that meets "
                f"it, and own that trade-off; engineering can check the numbers.\"")
    if kind == "dismisses_latency":
        return (f"Instead of \"{s}\", tie latency to an outcome: \"We keep {bound}, because every extra "
                f"100 ms on that path costs us {metric}.\"")
    if kind == "scale_without_business_tie":
        return f"Say what the scale buys: \"{s}, which keeps {bound} at the peak and protects {metric}.\""
    return ""
