"""The Markdown report of a saved round: what a candidate reads after the panel leaves.

Built only from what the session folder holds (record, transcript, analysis), so the same report
comes out at the end of a round, after a crash recovery, and from `sessions export --format md`.
Plain Markdown with no HTML, readable as text too.
"""

from __future__ import annotations

from voice_sim.core.analysis import marks
from voice_sim.core.labels import LETTERS, SCORE_NAMES, SIGNAL_NAMES, clock, recovered_note
from voice_sim.core.models import ANTI_PATTERNS, Analysis, Question, Transcript
from voice_sim.core.sessions import SessionRecord


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_report(record: SessionRecord, transcript: Transcript, analysis: Analysis | None,
                  questions: list[Question] | None = None) -> str:
    out: list[str] = [f"# Mock round: {record.scenario_title}", ""]
    when = record.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
    out.append(
        f"{when} · {record.mode} mode · {record.kind} round · {clock(record.duration_s)} long · "
        f"signal window {clock(record.window_s)} · session `{record.id}`"
    )
    out.append("")
    if record.status != "complete":
        why = f": {record.status_reason}" if record.status_reason else ""
        out += [f"> **Incomplete round**{why}. Everything recorded up to then is kept.", ""]
        notes = recovered_notes(record)
        if notes:
            out += [f"> {line}" for line in notes] + [""]
    if analysis is None:
        out += ["No analysis: the candidate's answers had no transcribed words.", ""]
    else:
        out += _scorecard(analysis) + _signals(analysis) + _flags(analysis) + _matrix(analysis)
        out += _pacing(analysis) + _delivery(analysis)
    out += _questions(record, questions) if questions else _followups(record)
    out += _transcript(record, transcript, analysis)
    return "\n".join(out).rstrip() + "\n"


def recovered_notes(record: SessionRecord) -> list[str]:
    """A line for each answer whose end was transcribed from its audio after the round stopped."""
    answers = [s for s in record.segments if s.kind == "answer"]
    return [recovered_note(n, s.recovered.seconds, s.recovered.words)
            for n, s in enumerate(answers, start=1) if s.recovered is not None and s.recovered.words]


def _scorecard(a: Analysis) -> list[str]:
    out = ["## Scorecard", "", "| Signal | Score | | Why |", "|---|---|---|---|"]
    for key, label in SCORE_NAMES:
        s = getattr(a.scorecard, key)
        out.append(f"| {label} | {s.score}/3 | {s.label} | {_cell(' '.join(s.why))} |")
    if a.scorecard.window:
        out += ["", f"**{a.scorecard.window}**"]
    return out + [""]


def _signals(a: Analysis) -> list[str]:
    out = [f"## Signals in the first {clock(a.window_s)}", "",
           "| Signal | First heard | | Evidence |", "|---|---|---|---|"]
    for key, name in SIGNAL_NAMES.items():
        sig = a.signals.get(key)
        if sig is None or not sig.present:
            out.append(f"| {name} | - | **missing** | |")
            continue
        late = sig.first_at_s is not None and sig.first_at_s > a.window_s
        verdict = "late (after the window)" if late else "in the window"
        quote = _cell(sig.evidence[0].text) if sig.evidence else ""
        if sig.evidence and sig.evidence[0].score is not None:
            quote += f" (score {sig.evidence[0].score:.2f})"
        out.append(f"| {name} | {clock(sig.first_at_s)} | {verdict} | {quote} |")
    return out + [""]


def _flags(a: Analysis) -> list[str]:
    plain = [f for f in a.flags if f.code not in ANTI_PATTERNS]
    anti = [f for f in a.flags if f.code in ANTI_PATTERNS]
    out: list[str] = []
    if plain:
        out += ["## Flags", ""]
        for f in plain:
            at = f"**{clock(f.at_s)}** " if f.at_s is not None else ""
            out.append(f"- {at}`{f.code}`: {f.message}")
        out.append("")
    if anti:
        out += ["## Anti-patterns, and what to say instead", ""]
        for f in anti:
            out.append(f"- **{clock(f.at_s)}** `{f.code}`: {f.message}")
            if f.quote:
                out.append(f"  - You said: \u201c{_cell(f.quote)}\u201d")
            if f.instead:
                out.append(f"  - Stronger: {f.instead}")
        out.append("")
    if not plain and not anti:
        out += ["## Flags", "", "None: every signal was heard in the window and no anti-pattern.", ""]
    return out


def _pacing(a: Analysis) -> list[str]:
    p = a.pacing
    out = ["## Pacing", ""]
    out.append(
        f"- {p.words} words; {p.wpm_speaking:.0f} words a minute while speaking, "
        f"{p.wpm_wall:.0f} over the whole answer time"
    )
    fillers = ", ".join(f"{w} x{n}" for w, n in sorted(p.filler_counts.items(), key=lambda x: -x[1]))
    out.append(f"- {p.fillers} fillers ({p.fillers_per_min:.1f} a minute){': ' + fillers if fillers else ''}")
    if p.long_pauses:
        pauses = ", ".join(f"{clock(x.start_s)} ({x.end_s - x.start_s:.0f} s)" for x in p.long_pauses[:8])
        out.append(f"- {len(p.long_pauses)} pauses longer than 3 s: {pauses}")
    if p.wpm_by_minute:
        out.append("- Words a minute, minute by minute: " + ", ".join(f"{w:.0f}" for w in p.wpm_by_minute))
    if p.timing == "estimated":
        out.append("- Timings were estimated, not measured.")
    return out + [""]


def _delivery(a: Analysis) -> list[str]:
    d = a.delivery
    lo, hi = d.pace_band
    out = ["## Delivery", ""]
    out.append(f"- Pace band: {lo:.0f}-{hi:.0f} words a minute")
    if d.pace_by_minute:
        out.append("- Pace while talking, minute by minute: " + ", ".join(f"{w:.0f}" for w in d.pace_by_minute))
    out.append(f"- Check-ins with the panel: {len(d.checkins)}; the longest stretch without one: "
               f"{clock(d.longest_monologue_s)}")
    if d.preamble_s is not None:
        out.append(f"- Before the first hypothesis, constraint or lever: {clock(d.preamble_s)}")
    if d.hedges:
        out.append(f"- Hedges: {len(d.hedges)} ({d.hedges_per_min:.1f} a minute)")
    for note in d.notes:
        out.append(f"- {note.text} {note.suggestion}")
    return out + [""]


JUDGED = (("addressed", "addressed the change"), ("hierarchy", "mitigation hierarchy"),
          ("numbers", "numbers"), ("ownership", "owned the risk"), ("tradeoff", "trade-off"))


def _matrix(a: Analysis) -> list[str]:
    out = ["## Decision matrix", ""]
    if not a.decision_matrix:
        return out + ["No architectural lever was proposed, so there is no matrix.", ""]
    out += ["| Lever | KPI | Number | Constraint | Risk or cost |", "|---|---|---|---|---|"]
    for r in a.decision_matrix:
        cells = [_cell(c) if c else "**gap**" for c in (r.kpi, r.number, r.constraint, r.risk)]
        out.append(f"| {clock(r.at_s)} {_cell(r.lever)} | " + " | ".join(cells) + " |")
    return out + ["", "A gap is what a panel would ask about next: tie each lever to a KPI with a number, "
                  "the constraint it serves and what it costs.", ""]


def _questions(record: SessionRecord, questions: list[Question]) -> list[str]:
    out = ["## Question by question", "",
           "| # | Asked | Question | Thinking | To substance | Heard | Judged |", "|---|---|---|---|---|---|---|"]
    for q in questions:
        heard = " ".join(LETTERS[k] for k in SIGNAL_NAMES if q.signals.get(k) and q.signals[k].present) or "-"
        judged = "-"
        if q.judgement is not None:
            judged = ", ".join(("" if getattr(q.judgement, k).present else "no ") + name for k, name in JUDGED)
        thinking = f"{q.thinking_s:.0f} s" if q.thinking_s is not None else "no answer"
        substance = clock(q.first_substantive_s) if q.first_substantive_s is not None else "-"
        out.append(f"| {q.index} | {clock(q.asked_at_s)} | {q.speaker}: {_cell(q.question)} | {thinking} | "
                   f"{substance} | {heard} | {judged} |")
    return out + [""]


def _followups(record: SessionRecord) -> list[str]:
    asked = [s for s in record.segments if s.kind == "followup" and s.probe != "repeat"]
    if not asked:
        return []
    out = ["## Follow-ups the panel asked", ""]
    for s in asked:
        why = ""
        if s.probe and s.probe.startswith("adaptive:"):
            why = f" (adaptive: {s.probe.split(':', 1)[1].replace('_', ' ')})"
        elif s.probe:
            why = " (scripted)"
        out.append(f"- **{clock(s.start_s)}** {s.speaker}: {s.text}{why}")
    return out + [""]


def _transcript(record: SessionRecord, transcript: Transcript, analysis: Analysis | None) -> list[str]:
    out = ["## Transcript", "", f"*Marks: {marks.LEGEND}.*", ""]
    window_marked = False
    for cue in transcript.cues:
        if not window_marked and cue.start_s >= record.window_s:
            out += [f"**--- {clock(record.window_s)}: end of the signal window ---**", ""]
            window_marked = True
        you = cue.speaker in ("candidate", None)
        who = "You" if cue.speaker == "candidate" else (cue.speaker or "?")
        said = " ".join(cue.text.split())
        tag = ""
        if you and analysis is not None:
            said, letters = marks.marked(cue, analysis), marks.letters(cue, analysis)
            tag = f" `{letters}`" if letters else ""
        out += [f"**[{clock(cue.start_s)}] {who}:**{tag} {said}", ""]
    if not window_marked:
        out += [f"*(The round ended before the {clock(record.window_s)} window boundary.)*", ""]
    audio = [s.audio for s in record.segments if s.audio]
    if audio:
        out += ["Audio: " + ", ".join(f"`{a}`" for a in audio), ""]
    return out
