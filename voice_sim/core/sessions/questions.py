"""A round, question by question: each question the panel asked (the prompt, every follow-up) with
the answer given to it, its own verdicts, its timing and, for a follow-up, its judgement.

Derived from the round's segments and transcript, so a saved round gains it without migration;
the round-level analysis (first time each signal was heard on the round clock) stays as it is.
"""

from __future__ import annotations

from voice_sim.core.models import Question, SignalResult, Statement, Transcript
from voice_sim.core.scenario import Scenario
from voice_sim.core.sessions.records import SessionRecord

CANDIDATE = "candidate"


def questions(record: SessionRecord, transcript: Transcript, scenario: Scenario | None = None) -> list[Question]:
    from voice_sim.core.analysis import analyze  # numpy and the model: only callers that need it pay

    segments = sorted(record.segments, key=lambda s: (s.start_s, s.index))
    asked = [s for s in segments if s.kind in ("prompt", "followup") and s.probe != "repeat"]
    out: list[Question] = []
    for n, q in enumerate(asked):
        until = asked[n + 1].start_s if n + 1 < len(asked) else float("inf")
        answers = [s for s in segments if s.kind == "answer" and q.start_s <= s.start_s < until]
        drill = record.kind == "whatif"
        kind = "drill" if drill else q.kind
        # In a what-if drill every question is a what-if (the first one closes the spoken intro).
        asked_text = q.text.split("First: ", 1)[-1] if drill else q.text
        item = Question(index=n + 1, kind=kind, speaker=q.speaker, question=q.text, asked_at_s=round(q.start_s, 2))
        if answers:
            start, end = answers[0].start_s, answers[-1].end_s
            item.answer_start_s, item.answer_end_s = round(start, 2), round(end, 2)
            said = [c for c in transcript.cues
                    if c.speaker in (CANDIDATE, None) and start - 0.05 <= c.start_s <= end + 0.05 and c.text.strip()]
            if said:
                item.thinking_s = round(max(0.0, said[0].start_s - q.end_s), 2)
                panel = [c for c in transcript.cues if c.speaker not in (CANDIDATE, None)
                         and q.start_s - 0.05 <= c.start_s <= q.end_s + 0.05]
                alone = analyze(Transcript(cues=panel + said, timing=transcript.timing), scenario, record.window_s,
                                followup=asked_text if drill or q.kind == "followup" else None)
                # The verdicts read the round so far ("that lifts conversion" may tie back to a lever
                # said in an earlier answer) but only credit what this answer said.
                so_far = analyze(Transcript(cues=[c for c in transcript.cues if c.start_s <= end + 0.05],
                                            timing=transcript.timing), scenario, record.window_s)
                inside = (start - 0.05, end + 0.05)
                item.signals = {k: _within(k, s, so_far.statements, inside) for k, s in so_far.signals.items()}
                item.decision_matrix = [r for r in so_far.decision_matrix if inside[0] <= r.at_s <= inside[1]]
                item.judgement, item.first_substantive_s = alone.judgement, alone.first_substantive_s
                item.delivery = alone.delivery
        out.append(item)
    return out


def _within(kind: str, signal: SignalResult, statements: list[Statement], window: tuple[float, float]) -> SignalResult:
    """The signal as this answer stated it: present, first time and evidence inside `window` only."""
    said = [s for s in statements if s.kind == kind and window[0] <= s.start_s <= window[1]]
    if not said:
        return SignalResult()
    evidence = [e for e in signal.evidence if window[0] <= e.start_s <= window[1]]
    return SignalResult(present=True, first_at_s=said[0].start_s, evidence=evidence)
