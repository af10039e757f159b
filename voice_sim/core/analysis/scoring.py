"""Scoring: findings become flags (missing, late, anti-patterns, delivery) and the three-signal scorecard.

The flag codes are a public contract (other tools read `analyze --json`); messages are for people.
"""

from __future__ import annotations

from collections.abc import Sequence

from voice_sim.core.analysis.advice import instead, scenario_gaps
from voice_sim.core.analysis.delivery import LONG_MONOLOGUE_S, LONG_PREAMBLE_S, OWNED
from voice_sim.core.analysis.statements import Finding
from voice_sim.core.labels import SCORE_LABELS, clock
from voice_sim.core.models import Delivery, Flag, Scorecard, SignalResult, SignalScore
from voice_sim.core.scenario import Scenario

MISSING = {
    "hypothesis": "No product hypothesis: say who has what problem and what you bet will change, "
    "e.g. 'my bet is bidders drop out when their bid lands late'.",
    "constraint": "No hard constraint: name the bounds you design within (latency budget, uptime, "
    "compliance, monthly cost, a 30-day MVP) as requirements, with numbers.",
    "metric_tie": "No lever tied to a business metric: say what each choice moves and by how much, "
    "e.g. 'caching cuts read latency, which should lift conversion about 2%'.",
}
PROBLEM = {
    "tech_without_rationale": "Names a technology with no reason",
    "defers_to_engineering": "Defers the decision to engineering",
    "dismisses_latency": "Dismisses latency",
    "scale_without_business_tie": "Claims scale with no business outcome",
}


def flags_for(signals: dict[str, SignalResult], findings: list[Finding], window_s: float,
              scenario: Scenario | None = None, said: str = "", opening: bool = True) -> list[Flag]:
    """`said` is everything the candidate said; with the scenario it names what was never said. A
    reply to a follow-up (`opening` False) is not held to the opening's signals and window: it gets
    no missing or late flags, only the anti-patterns."""
    flags: list[Flag] = []
    gaps = scenario_gaps(said, scenario)
    for name, message in MISSING.items() if opening else ():
        sig = signals[name]
        if not sig.present:
            if name == "metric_tie" and gaps.metrics:
                message += f" This scenario's metrics: {', '.join(gaps.metrics[:3])}."
            if name == "constraint" and gaps.constraints:
                message += f" This scenario's key constraints: {', '.join(gaps.constraints[:3])}."
            flags.append(Flag(code=f"missing_{name}", message=message, at_s=None))
        elif sig.first_at_s is not None and sig.first_at_s > window_s:
            flags.append(Flag(
                code=f"late_{name}",
                message=f"The {name.replace('_', ' ')} first came at {clock(sig.first_at_s)}, after the "
                f"{clock(window_s)} signal window; panels grade the first ten minutes, so lead with it.",
                at_s=sig.first_at_s,
            ))
    for f in findings:
        if f.kind in PROBLEM:
            detail = f" ({f.detail})" if f.detail else ""
            flags.append(Flag(
                code=f.kind,
                message=f"{PROBLEM[f.kind]}{detail} at {clock(f.unit.start_s)}.",
                at_s=f.unit.start_s,
                quote=f.unit.raw,
                instead=instead(f.kind, f.unit.raw, f.detail, scenario, said),
            ))
    return flags


def delivery_flags(d: Delivery, findings: list[Finding]) -> list[Flag]:
    """hedged_statement (a constraint or metric tie said with a hedge), long_monologue, long_preamble."""
    flags: list[Flag] = []
    hedged = {id(f.unit): f.detail for f in findings if f.kind == "hedge"}  # per passage, not per cue
    for f in findings:
        if f.kind in OWNED and id(f.unit) in hedged:
            what = "constraint" if f.kind == "constraint" else "metric tie"
            flags.append(Flag(
                code="hedged_statement",
                message=f"The {what} at {clock(f.unit.start_s)} was hedged ({hedged[id(f.unit)]}), "
                "so it reads as not owned.",
                at_s=f.unit.start_s,
                quote=f.unit.raw,
                instead="Say it as yours: 'the bid path has a 200 ms budget', 'I expect about a 2% lift'.",
            ))
            hedged.pop(id(f.unit))
    if d.longest_monologue_s > LONG_MONOLOGUE_S:
        flags.append(Flag(
            code="long_monologue",
            message=f"{clock(d.longest_monologue_s)} of talk without checking in with the panel, "
            f"from {clock(d.longest_monologue_at_s)}.",
            at_s=d.longest_monologue_at_s,
            instead="Check in every two or three minutes: 'should I go deeper on the queue or move to cost?'",
        ))
    if d.preamble_s is not None and d.preamble_s > LONG_PREAMBLE_S:
        flags.append(Flag(
            code="long_preamble",
            message=f"{clock(d.preamble_s)} passed before the first hypothesis, constraint or lever.",
            at_s=None,
            instead="Open with the user problem as a bet, then the constraints, then the levers.",
        ))
    return flags


def _score(points: int, why: list[str], shown: bool, late: Sequence[str] = ()) -> SignalScore:
    """Anti-patterns cost points, but what was shown is never scored as 'not shown'. Each signal of
    the lens heard only after the window takes a point off the best the lens can score: full marks
    need it inside the window."""
    points = max(1 if shown else 0, min(3 - len(late), points))
    if late:
        why.append(f"No full marks: the {' and the '.join(late)} came only after the window.")
    return SignalScore(score=points, label=SCORE_LABELS[points], why=why)


def window_verdict(signals: dict[str, SignalResult], window_s: float) -> str:
    """One plain sentence: did the window carry the hypothesis, the constraint and the metric tie?"""
    names = {"hypothesis": "hypothesis", "constraint": "constraint", "metric_tie": "metric tie"}
    inside = [n for n in names if _in_window(signals[n], window_s)]
    if len(inside) == len(names):
        return f"The first {clock(window_s)} carried all three signals: hypothesis, constraint and metric tie."
    gaps = []
    for n, name in names.items():
        sig = signals[n]
        if not sig.present:
            gaps.append(f"the {name} was never said")
        elif not _in_window(sig, window_s):
            gaps.append(f"the {name} came at {clock(sig.first_at_s)}")
    return f"The first {clock(window_s)} carried {len(inside)} of 3 signals: {'; '.join(gaps)}."


def _when(sig: SignalResult, window_s: float) -> str:
    if sig.first_at_s is None:
        return ""
    late = " (after the window)" if sig.first_at_s > window_s else ""
    return f" at {clock(sig.first_at_s)}{late}"


def _in_window(sig: SignalResult, window_s: float) -> bool:
    return sig.present and sig.first_at_s is not None and sig.first_at_s <= window_s


FOLLOWUP_WINDOW = "A reply to a follow-up: judged by what the question asked, not against the opening's window."


def scorecard(signals: dict[str, SignalResult], findings: list[Finding], window_s: float,
              opening: bool = True) -> Scorecard:
    """The three lenses; `window` says whether the first minutes carried the graded signals, or, for
    a reply to a follow-up (`opening` False), that it is judged by its question instead."""
    codes = [f.kind for f in findings]
    hyp, con, lev, tie, tro = (signals[k] for k in ("hypothesis", "constraint", "lever", "metric_tie", "tradeoff"))

    why, pts = [], 0
    for sig, label in ((hyp, "product hypothesis"), (tie, "lever tied to a business metric")):
        if sig.present:
            pts += 1 + (len(sig.evidence) > 1 and _in_window(sig, window_s))
            why.append(f"Stated a {label}{_when(sig, window_s)}.")
        else:
            why.append(f"No {label}.")
    if codes.count("scale_without_business_tie"):
        pts -= 1
        why.append("Claimed scale without a business outcome.")
    impact = _score(pts, why, hyp.present or tie.present, _late(window_s, hyp=hyp, **{"metric tie": tie}))

    why, pts = [], 0
    kinds = sorted({f.detail for f in findings if f.kind == "constraint" and f.detail})
    if con.present:
        pts += 1 + (len(kinds) >= 2)
        why.append(f"Named hard constraints ({', '.join(kinds)}){_when(con, window_s)}.")
    else:
        why.append("No hard constraint named.")
    if lev.present:
        pts += 1
        why.append(f"Proposed levers{_when(lev, window_s)}.")
    else:
        why.append("No architectural lever proposed.")
    for code in ("tech_without_rationale", "defers_to_engineering"):
        n = codes.count(code)
        if n:
            pts -= 1
            why.append(f"{n} x {code.replace('_', ' ')}.")
    feasibility = _score(pts, why, con.present or lev.present, _late(window_s, constraint=con))

    why, pts = [], 0
    if tro.present:
        pts += 1 + (len(tro.evidence) >= 2)
        why.append(f"Owned {len(tro.evidence)} trade-off(s){_when(tro, window_s)}.")
    else:
        why.append("No trade-off owned ('X at the cost of Y').")
    if tie.present and tro.present:
        pts += 1
        why.append("Tied choices to outcomes while naming their cost.")
    if "dismisses_latency" in codes:
        pts -= 1
        why.append("Dismissed latency.")
    tradeoff = _score(pts, why, tro.present, _late(window_s, **{"trade-off": tro}))
    return Scorecard(impact_awareness=impact, feasibility_reasoning=feasibility, tradeoff_rigor=tradeoff,
                     window=window_verdict(signals, window_s) if opening else FOLLOWUP_WINDOW)


def _late(window_s: float, **sigs: SignalResult) -> list[str]:
    names = {"hyp": "hypothesis"}
    return [names.get(k, k) for k, s in sigs.items() if s.present and not _in_window(s, window_s)]
