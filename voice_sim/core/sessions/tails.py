"""After a crash: transcribe the end of each answer that was recorded but never transcribed.

A round killed mid-sentence keeps all its audio, but the words of the segment still open in the
live transcriber are lost with the process: the saved transcript stops seconds (or more) before
the recording. recovery.py marks such a round incomplete when the store opens, quickly, with the
words it has. This is the slow second step, run only when a caller has a Transcriber (the CLI and
the app load the model for it; the core never does): per answer, find the audio past the last
transcribed word (its "tail"), transcribe just that, append the words at their times on the round
clock, re-analyze and rewrite the results. Each answer's segment records the tail it got
(`Segment.recovered`), so the report can say so and a second run finds nothing left to do.

It must never delete, move or write a recording (tails are copied out to a temporary file), never
touch a round that is not incomplete, and leave the round incomplete.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from voice_sim.core.models import SIGNALS, Analysis, Cue, Transcript, Word
from voice_sim.core.sessions.folder import read_analysis, read_record, read_transcript, write_results
from voice_sim.core.sessions.records import Recovered, Segment, SessionError, SessionRecord, headline_of
from voice_sim.core.wav import cut_wav, read_header
from voice_sim.errors import UserError

if TYPE_CHECKING:
    from voice_sim.core.ports import Transcriber
    from voice_sim.core.scenario import Scenario

OVERLAP_S = 1.0
"""A tail is cut this long before the last transcribed word ends, so the model does not start
mid-sound; the words it hears again there are dropped (EDGE_S)."""
EDGE_S = 0.1
"""A word heard in the tail counts only if it starts after the last transcribed word ended (less
this much, for the model's timing): one that starts before is a word heard again, however far
past the end the model stretches it (measured: "bid." at 8.58-9.66 s for a word saved as ending
at 8.94 s)."""
MIN_TAIL_S = 0.5
"""Less untranscribed audio than this at the end of an answer is a breath, not words."""
CANDIDATE = "candidate"

TailProgress = Callable[["Tail", float], None]
"""Gets (the tail being transcribed, seconds of it done so far)."""


@dataclass(frozen=True)
class Tail:
    """The end of one answer's audio that no transcript covers yet."""

    answer: int  # 1-based, as the report numbers answers
    segment: int  # Segment.index
    audio: Path
    from_s: float  # seconds into the answer's audio: the end of the last transcribed word
    to_s: float  # the end of the audio

    @property
    def seconds(self) -> float:
        return self.to_s - self.from_s


@dataclass
class TailsResult:
    tails: list[tuple[Tail, int]]  # each tail transcribed, and the words found in it
    heard_now: list[str]  # signals the analysis finds now that it did not before


def _answers(record: SessionRecord) -> list[Segment]:
    return [s for s in record.segments if s.kind == "answer"]


def _cues_of(seg: Segment, transcript: Transcript) -> list[Cue]:
    return [c for c in transcript.cues
            if c.speaker == CANDIDATE and seg.start_s - 0.05 <= c.start_s <= seg.end_s + 0.05]


def _last_word_end(cues: list[Cue]) -> float | None:
    ends = [w.end_s for c in cues for w in c.words] + [c.end_s for c in cues if not c.words]
    return max(ends, default=None)


def uncovered(folder: Path, record: SessionRecord, transcript: Transcript) -> list[Tail]:
    """Each answer of an incomplete round whose audio runs on past its transcribed words (and
    past any tail transcribed before) by MIN_TAIL_S or more. Reads WAV headers only."""
    if record.status != "incomplete":
        return []
    tails = []
    for n, seg in enumerate(_answers(record), start=1):
        if not seg.audio:
            continue
        path = folder / seg.audio
        try:
            header = read_header(path)
        except OSError:
            continue
        if header is None:
            continue
        frames = header.frames_on_disk
        if header.size_known:
            frames = min(frames, header.declared_bytes // header.block_align)
        audio_s = header.seconds(frames)
        last = _last_word_end(_cues_of(seg, transcript))
        covered = 0.0 if last is None else max(0.0, last - seg.start_s)
        if seg.recovered is not None:
            covered = max(covered, seg.recovered.to_s)
        if audio_s - covered >= MIN_TAIL_S:
            tails.append(Tail(n, seg.index, path, round(covered, 3), round(audio_s, 3)))
    return tails


def find_tails(folder: Path) -> list[Tail]:
    """uncovered() for a round's folder."""
    return uncovered(folder, read_record(folder), read_transcript(folder))


def _heard(tail: Tail, cut_s: float, seg: Segment, found: Transcript) -> list[Cue]:
    """The tail's cues on the round clock, without the words heard again in the overlap."""
    base = seg.start_s + cut_s  # the tail file's time 0 on the round clock
    edge = seg.start_s + tail.from_s - EDGE_S
    cues = []
    for cue in found.cues:
        words = [Word(start_s=round(base + w.start_s, 3), end_s=round(base + w.end_s, 3), text=w.text,
                      probability=w.probability) for w in cue.words if base + w.start_s >= edge]
        if words:
            text = " ".join(w.text.strip() for w in words)
            start, end = words[0].start_s, words[-1].end_s
        elif cue.words or base + cue.start_s < edge:
            continue
        else:  # a transcriber that gives no word timings: the cue as one
            text, start, end = cue.text.strip(), round(base + cue.start_s, 3), round(base + cue.end_s, 3)
        if text:
            cues.append(Cue(start_s=start, end_s=end, text=text, speaker=CANDIDATE, words=words))
    return cues


def _transcribe(tail: Tail, transcriber: Transcriber,
                progress: TailProgress | None) -> tuple[float, Transcript]:
    """Cut the tail (with the overlap) out to a private temporary file and transcribe it. A tail
    with no speech in it gives an empty transcript."""
    with tempfile.TemporaryDirectory(prefix="voice-sim-tail-") as tmp:  # 0700
        clip = Path(tmp) / "tail.wav"
        cut_s = cut_wav(tail.audio, max(0.0, tail.from_s - OVERLAP_S), clip)
        if cut_s is None:
            return tail.from_s, Transcript()
        lead = tail.from_s - cut_s

        def done(seconds: float, total: float) -> None:
            # Short of the end: a transcriber has read all the audio before it decodes the last
            # of it, so the end is only reported once transcribe_file returns.
            if progress is not None:
                progress(tail, min(max(seconds - lead, 0.0), 0.99 * tail.seconds))

        try:
            return cut_s, transcriber.transcribe_file(clip, done)
        except UserError:  # silence, a breath, noise: nothing to add
            return cut_s, Transcript()


def transcribe_tails(folder: Path, transcriber: Transcriber, scenario: Scenario | None = None,
                     progress: TailProgress | None = None) -> TailsResult:
    """Transcribe every tail of the incomplete round in `folder`, append the words, re-analyze,
    rewrite the transcript, analysis, report and session.json; the round stays incomplete.
    Returns the tails transcribed (none when there is nothing left to do)."""
    from voice_sim.core.analysis import analyze  # numpy and the analyzer: only when there is work

    tails = find_tails(folder)
    if not tails:
        return TailsResult([], [])
    heard: list[tuple[Tail, float, Transcript]] = []
    for tail in tails:
        if progress is not None:
            progress(tail, 0.0)
        cut_s, found = _transcribe(tail, transcriber, progress)
        heard.append((tail, cut_s, found))
        if progress is not None:
            progress(tail, tail.seconds)
    # Read again: the files are what counts, and another run may have finished meanwhile.
    record, transcript = read_record(folder), read_transcript(folder)
    if record.status != "incomplete":
        raise SessionError(f"round {record.id} is {record.status} now; left as it is")
    before = read_analysis(folder)
    by_index = {s.index: s for s in record.segments}
    done: list[tuple[Tail, int]] = []
    for tail, cut_s, found in heard:
        seg = by_index.get(tail.segment)
        if seg is None or (seg.recovered is not None and seg.recovered.to_s >= tail.to_s):
            continue
        cues = _heard(tail, cut_s, seg, found)
        words = sum(len(c.text.split()) for c in cues)
        transcript.cues.extend(cues)
        seg.text = " ".join(t for t in [seg.text.strip(), *(c.text for c in cues)] if t)
        seg.end_s = max([seg.end_s] + [c.end_s for c in cues])
        seg.recovered = Recovered(from_s=tail.from_s, to_s=tail.to_s, words=words)
        done.append((tail, words))
    if not done:
        return TailsResult([], [])
    transcript.cues.sort(key=lambda c: (c.start_s, c.end_s))
    record.duration_s = max([record.duration_s] + [s.end_s for s in record.segments])
    has_words = any(c.speaker == CANDIDATE for c in transcript.cues)
    analysis = analyze(transcript, scenario, record.window_s, opening=record.kind != "whatif") if has_words else None
    record.headline = headline_of(record, analysis)
    write_results(folder, record, transcript, analysis)
    return TailsResult(done, _newly_heard(before, analysis))


def _newly_heard(before: Analysis | None, after: Analysis | None) -> list[str]:
    def present(a: Analysis | None) -> set[str]:
        return {k for k, r in a.signals.items() if r.present} if a is not None else set()

    return [k for k in SIGNALS if k in present(after) - present(before)]
