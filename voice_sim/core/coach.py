"""The live coach: what the candidate's words so far show, and what the coach whispers about them.

The round engine owns the round (states, turns, saving); this module owns its live reading. The
engine tells the Coach when words have settled (`listen`), when the round's final analysis is in
(`settle`), how long the candidate has been quiet (`quiet`) and what time it is (`tick`). The
Coach keeps the live analysis and reports each signal the first time it is heard (SignalHeard),
each long silence once per stretch (SilenceNoticed) and, in coach mode, each pacing cue once, when
its time comes (CoachCue). `due_cues` is the pure rule behind the cues. Nothing here speaks,
records, saves, ends an answer, chooses a follow-up (followups.py does) or reads a clock: time is
always passed in.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from voice_sim.core import events as ev
from voice_sim.core.analysis import analyze
from voice_sim.core.followups import HYPOTHESIS_BY_S
from voice_sim.core.labels import clock
from voice_sim.core.models import Analysis, Transcript
from voice_sim.core.scenario import Scenario

log = logging.getLogger(__name__)

MISSING_WORDS = {  # in the order a cue names them: the guide's three signals first
    "hypothesis": "no user problem",
    "metric_tie": "no metric tie",
    "constraint": "no constraint",
    "tradeoff": "no trade-off",
    "lever": "no lever",
}


def _present(analysis: Analysis | None, signal: str) -> bool:
    result = analysis.signals.get(signal) if analysis is not None else None
    return bool(result and result.present)


def _missing(analysis: Analysis | None) -> list[str]:
    return [words for s, words in MISSING_WORDS.items() if not _present(analysis, s)]




def due_cues(
    analysis: Analysis | None, now_s: float, window_s: float, round_s: float, given: set[str]
) -> list[tuple[str, str]]:
    """Coach cues (key, text) whose time has come and that were not given yet."""
    out: list[tuple[str, str]] = []
    missing = _missing(analysis)
    if now_s >= HYPOTHESIS_BY_S and not _present(analysis, "hypothesis"):
        out.append(("hypothesis_4min", f"{clock(now_s)} in and no user problem yet; state it"))
    if window_s > 150 and now_s >= window_s - 120 and now_s < window_s:
        tail = "; ".join(missing[:2]) + " yet" if missing else "all five signals heard"
        out.append(("window_2min", f"Two minutes left in the signal window; {tail}"))
    if now_s >= window_s:
        tail = ": " + ", ".join(missing) if missing else "; every signal was heard in time"
        out.append(("window_end", f"Signal window closed{tail}"))
    if round_s > window_s + 120 and now_s >= round_s - 120 and now_s < round_s:
        out.append(("round_2min", "Two minutes left in the round; land your recommendation"))
    return [(k, t) for k, t in out if k not in given]


class Coach:
    """Follows one round's answers live. Thread-safe: the transcriber's thread and the caller's
    may both call it; what it reports goes to `emit` from the calling thread.

    `words` returns the candidate's transcript so far; it is asked for under the coach's lock, so
    a newer analysis is never replaced by one of fewer words. `cues` is False in exam mode: the
    signals are still followed (the panel's adaptive probes need them) but nothing is whispered.
    `silence_notice_s` is how long a silence is before it is reported (0: never).
    """

    def __init__(
        self,
        scenario: Scenario,
        window_s: float,
        round_s: float,
        *,
        cues: bool,
        silence_notice_s: float = 20.0,
        words: Callable[[], Transcript],
        emit: Callable[[ev.Event], None],
        analyzer: Callable[..., Analysis] = analyze,
    ) -> None:
        self.scenario, self.window_s, self.round_s, self.cues = scenario, window_s, round_s, cues
        self.silence_notice_s = silence_notice_s
        self._words, self._emit, self._analyze = words, emit, analyzer
        self._analysis: Analysis | None = None
        self._heard: set[str] = set()
        self._given: set[str] = set()
        self._silence_noticed = False
        self._lock = threading.Lock()  # the analysis and what was heard
        self._cue_lock = threading.Lock()  # the cues given

    @property
    def analysis(self) -> Analysis | None:
        """The live analysis of the candidate's answers so far (None before the first words)."""
        return self._analysis

    def listen(self, now_s: float) -> None:
        """Analyze the words so far and report signals heard for the first time. A failing
        analyzer is logged and the last good analysis kept: live coaching must not stop a round."""
        with self._lock:
            transcript = self._words()
            if not transcript.cues:
                return
            try:
                analysis = self._analyze(transcript, self.scenario, self.window_s)
            except Exception:
                log.exception("live analysis failed")
                return
            self._adopt(analysis, now_s)

    def settle(self, analysis: Analysis, now_s: float) -> None:
        """Take the round's final analysis as the last word; report any signal it adds."""
        with self._lock:
            self._adopt(analysis, now_s)

    def tick(self, now_s: float) -> None:
        """Give each coach cue whose time has come, once (coach mode only)."""
        if not self.cues:
            return
        with self._cue_lock:
            for key, text in due_cues(self._analysis, now_s, self.window_s, self.round_s,
                                      self._given):
                self._given.add(key)
                self._emit(ev.CoachCue(key, text, now_s))

    def new_answer(self) -> None:
        """An answer begins: a silence is a new stretch."""
        self._silence_noticed = False

    def quiet(self, silent_s: float, now_s: float) -> None:
        """The recorder's report of how long it has been silent (~10/s while answering): report a
        long silence once per stretch. It is only reported; ending the answer is the candidate's."""
        threshold = self.silence_notice_s
        if silent_s >= threshold > 0 and not self._silence_noticed:
            self._silence_noticed = True
            self._emit(ev.SilenceNoticed(silent_s, now_s))
        elif silent_s < threshold:
            self._silence_noticed = False

    def _adopt(self, analysis: Analysis, now_s: float) -> None:
        self._analysis = analysis
        heard = sorted(
            ((s, r.first_at_s if r.first_at_s is not None else now_s)
             for s, r in analysis.signals.items() if r.present and s not in self._heard),
            key=lambda x: x[1],
        )
        for signal, at in heard:
            self._heard.add(signal)
            self._emit(ev.SignalHeard(signal, at))
