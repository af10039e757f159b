"""The round engine: one mock interview as an explicit state machine over small interfaces.

    idle -> prompting -> waiting -> answering -> transcribing -> answered
                            ^                                      |  next()
                            +---------- following_up <-------------+
    any active state -> wrapping_up -> done      (end_round(), time up, no questions left)
    any state -> aborted                          (abort(): the round is saved as incomplete)
    waiting / answered / answering -> paused -> back where it was (resume())

Someone outside (the Textual app, `voice-sim run`, a test) drives it by calling start(),
begin_answer(), end_answer(), next(), pause()/resume(), end_round() or abort(); each call blocks
while the panel speaks or the last words are transcribed, so a UI calls them from a worker thread.
The engine reports everything through one listener callback (core/events.py). When the disk fills
up it keeps what was written, sets `disk_full` (a one-line DiskFull naming the folder and the
answer's WAV), reports DiskFilled once and refuses new answers; the driver then calls abort().
The live reading of the answers (analysis, signals heard, coach cues, long silences) is the Coach's (core/coach.py);
what the panel asks next comes from core/followups.py. It never sleeps, never touches hardware and never imports
a UI: speaker, answer source, transcriber, clock and store are passed in (core/ports.py), so
tests run whole rounds with fakes and a fake clock.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from voice_sim.config import Persona, Settings
from voice_sim.core import events as ev
from voice_sim.core.analysis import analyze
from voice_sim.core.clock import Clock, MonotonicClock, RoundClock
from voice_sim.core.coach import Coach
from voice_sim.core.disk import DiskFull, is_full, round_stopped
from voice_sim.core.followups import (
    WHATIF_ANSWER_S,
    LastAnswer,
    choose_followup,
    next_whatif,
    whatifs,
)
from voice_sim.core.models import Analysis, Cue, Transcript
from voice_sim.core.ports import (
    AnswerSource,
    SessionWriter,
    Speaker,
    SpokenLine,
    Store,
    Transcriber,
    TranscriptStream,
)
from voice_sim.core.scenario import Scenario
from voice_sim.core.sessions import Segment, SessionRecord

log = logging.getLogger(__name__)

CANDIDATE = "candidate"
WRAP_UP_TIME = "That's time. Thank you, that is the end of the round."
WRAP_UP_EARLY = "Let's stop there. Thank you for walking us through it."


class State(StrEnum):
    IDLE = "idle"
    PROMPTING = "prompting"
    WAITING = "waiting"  # the panel has asked; the candidate has not started answering
    ANSWERING = "answering"
    TRANSCRIBING = "transcribing"
    ANSWERED = "answered"  # the answer is saved; next() asks a follow-up or wraps up
    FOLLOWING_UP = "following_up"
    PAUSED = "paused"
    WRAPPING_UP = "wrapping_up"
    DONE = "done"
    ABORTED = "aborted"


SPEAKING = {State.PROMPTING, State.FOLLOWING_UP, State.WRAPPING_UP}
FINISHED = {State.DONE, State.ABORTED}
RESTING = {State.WAITING, State.ANSWERED}


class EngineError(Exception):
    """A call that does not fit the round's state (a bug in the caller, or a double key press)."""


@dataclass
class RoundConfig:
    """The settings one round runs with, resolved from Settings and the scenario."""

    round_s: float
    window_s: float
    personas: list[Persona]
    mode: str = "coach"
    kind: str = "full"
    max_followups: int = 3
    pushiness: str = "firm"
    silence_notice_s: float = 20.0
    pace_band: tuple[float, float] = (130.0, 170.0)

    @classmethod
    def from_settings(cls, settings: Settings, scenario: Scenario, mode: str | None = None,
                      kind: str | None = None) -> RoundConfig:
        r = settings.round
        kind = kind or r.kind
        minutes = r.minutes or scenario.round_minutes
        round_s = scenario.window_s if kind == "drill" else minutes * 60
        max_followups = r.max_followups
        if kind == "whatif":
            n = len(whatifs(scenario))
            round_s, max_followups = n * (WHATIF_ANSWER_S + 30), n - 1
        return cls(
            round_s=round_s,
            window_s=min(scenario.window_s, round_s),
            personas=list(settings.panel.personas) or [Persona(name="Panel")],
            mode=mode or r.mode,
            kind=kind,
            max_followups=max_followups,
            pushiness=r.pushiness,
            silence_notice_s=settings.audio.silence_notice_s,
            pace_band=settings.coaching.pace_band,
        )


@dataclass
class _Answer:
    segment: Segment
    stream: TranscriptStream
    live: list[Cue] = field(default_factory=list)


class Round:
    """One round. Thread-safe: driving calls are serialized; callbacks may come from any thread."""

    def __init__(
        self,
        scenario: Scenario,
        config: RoundConfig,
        *,
        speaker: Speaker,
        source: AnswerSource,
        transcriber: Transcriber,
        store: Store,
        clock: Clock | None = None,
        listener: Callable[[ev.Event], None] | None = None,
        analyzer: Callable[..., Analysis] = analyze,
    ) -> None:
        self.scenario = scenario
        self.config = config
        self._speaker, self._source, self._transcriber, self._store = speaker, source, transcriber, store
        self.clock = RoundClock(clock or MonotonicClock())
        self._listener = listener
        self._analyze = analyzer
        self._state = State.IDLE
        self._op = threading.RLock()  # held by driving calls, including while the panel speaks
        self._live = threading.Lock()  # answer cues and the live analysis
        self._tick_lock = threading.Lock()
        self._save = threading.RLock()  # the session record and its checkpoints
        self._writer: SessionWriter | None = None
        self._panel_cues: list[Cue] = []
        self._answer_cues: list[Cue] = []
        self._answer: _Answer | None = None
        self._answers = 0
        self._asked: set[str] = set()
        self._followups = 0
        self._resume_to = State.WAITING
        self._speech_broken = False
        self._time_up = False
        self._answer_time_up = False  # a what-if answer's limit was reported
        self._last_panel: tuple[str, int] | None = None
        self.result: SessionRecord | None = None
        self.disk_full: DiskFull | None = None  # set once the disk fills up: the round must stop
        self.closers: list[Callable[[], None]] = []  # run by close(): speaker thread, devices
        self._coach = Coach(
            scenario, config.window_s, config.round_s, cues=config.mode == "coach",
            silence_notice_s=config.silence_notice_s, words=self.candidate_transcript,
            emit=self._emit, analyzer=analyzer,
        )

    # ----- what a UI reads -------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    @property
    def session(self) -> SessionRecord | None:
        return self._writer.record if self._writer else self.result

    @property
    def folder(self) -> Path | None:
        return self._writer.folder if self._writer else None

    @property
    def analysis(self) -> Analysis | None:
        """The live analysis of the candidate's answers so far (None before the first words)."""
        return self._coach.analysis

    def now(self) -> float:
        """Seconds on the round clock."""
        return self.clock.now()

    def remaining_s(self) -> float:
        return max(0.0, self.config.round_s - self.now())

    def transcript(self) -> Transcript:
        """Panel lines and the candidate's words so far, in time order."""
        with self._live:
            live = list(self._answer.live) if self._answer else []
            cues = self._panel_cues + self._answer_cues + live
        return Transcript(cues=sorted(cues, key=lambda c: (c.start_s, c.end_s)))

    def candidate_transcript(self) -> Transcript:
        with self._live:
            live = list(self._answer.live) if self._answer else []
            return Transcript(cues=self._answer_cues + live)

    # ----- driving calls ---------------------------------------------------------------------

    def start(self) -> None:
        """Open the session folder and speak the prompt; the round clock starts with its first word."""
        with self._op:
            self._require({State.IDLE}, "start")
            c = self.config
            self._writer = self._store.create(self.scenario, c.mode, c.kind, c.round_s, c.window_s)
            self._set(State.PROMPTING)
            prompt = self.scenario.prompt
            if c.kind == "whatif":
                drill = whatifs(self.scenario)
                prompt = (f"A what-if drill on {self.scenario.title.lower()}: assume your design is in place. "
                          f"{len(drill)} what-ifs, ninety seconds each. First: {drill[0]}")
            self._speak("prompt", prompt, 0)
            self._after_speaking(State.WAITING)

    def begin_answer(self) -> Path:
        """Start recording and transcribing an answer. Cuts the panel off if it is still talking."""
        self._interrupt_speech()
        with self._op:
            self._require(RESTING, "begin an answer")
            if self.disk_full is not None:
                raise self.disk_full
            return self._begin_answer()

    def end_answer(self) -> Segment:
        """The candidate says they are done: stop recording, finish the transcript, save."""
        with self._op:
            self._require({State.ANSWERING}, "end an answer")
            return self._end_answer()

    def next(self) -> bool:
        """Ask the next follow-up (True), or wrap the round up when nothing is left (False)."""
        with self._op:
            self._require(RESTING, "move to the next question")
            now = self.now()
            if now >= self.config.round_s or self._followups >= self.config.max_followups:
                self._finish(complete=True, speak=True)
                return False
            if self.config.kind == "whatif":
                fu = next_whatif(self.scenario, self._asked)
            else:
                fu = choose_followup(self._coach.analysis, now, self.scenario, self._asked,
                                     self.config.pushiness, self._last_answer())
            if fu is None:
                self._finish(complete=True, speak=True)
                return False
            self._asked.add(fu.key)
            self._followups += 1
            self._set(State.FOLLOWING_UP)
            self._speak("followup", fu.text, fu.persona, probe=fu.key, reason=fu.reason)
            self._after_speaking(State.WAITING)
            return True

    def _last_answer(self) -> LastAnswer | None:
        """The last follow-up and its answer, judged, so a weak answer can be pushed on once."""
        if self._writer is None:
            return None
        asked = [s for s in self._writer.record.segments if s.kind == "followup" and s.probe and s.probe != "repeat"]
        if not asked:
            return None
        q = asked[-1]
        cues = [c for c in self.transcript().cues if c.start_s >= q.start_s - 0.05]
        if not any(c.speaker == "candidate" and c.text.strip() for c in cues):
            return None
        try:
            a = self._analyze(Transcript(cues=cues), self.scenario, self.config.window_s, followup=q.text)
        except Exception:  # noqa: BLE001 - judging must never stop the round; the script goes on
            log.exception("could not judge the last follow-up answer")
            return None
        return None if a.judgement is None else LastAnswer(q.probe or "", q.text, a.judgement)

    def repeat(self) -> None:
        """Say the panel's last question again (the candidate did not catch it)."""
        with self._op:
            self._require(RESTING, "repeat the question")
            if self._last_panel is None:
                return
            text, persona = self._last_panel
            back = self._state
            self._set(State.FOLLOWING_UP)
            self._speak("followup", text, persona, probe="repeat")
            self._after_speaking(back)

    def pause(self) -> None:
        """Stop the round clock (ending the answer first if one is being recorded)."""
        self._interrupt_speech()
        with self._op:
            if self._state == State.ANSWERING:
                self._end_answer()
            if self._state == State.PAUSED:
                return
            self._require(RESTING, "pause")
            self._resume_to = self._state
            self.clock.pause()
            self._set(State.PAUSED)

    def resume(self) -> None:
        with self._op:
            self._require({State.PAUSED}, "resume")
            self.clock.resume()
            self._set(self._resume_to)

    def end_round(self, speak: bool = True) -> SessionRecord:
        """Finish now: end any answer, say the wrap-up line, analyze and save the whole round."""
        self._interrupt_speech()
        with self._op:
            if self._state in FINISHED and self.result is not None:
                return self.result
            self._require(set(State) - FINISHED - {State.IDLE}, "end the round")
            if self._state == State.ANSWERING:
                self._end_answer()
            if self._state == State.PAUSED:
                self.clock.resume()
            return self._finish(complete=True, speak=speak)

    def abort(self, reason: str = "the round was stopped before the wrap-up") -> SessionRecord | None:
        """Stop at once and save what there is, marked incomplete (the app is quitting)."""
        self._interrupt_speech()
        with self._op:
            if self._state in FINISHED:
                return self.result
            if self._writer is None:
                self._set(State.ABORTED)
                return None
            if self._state == State.ANSWERING:
                self._stop_answer(quick=True)
            return self._finish(complete=False, speak=False, reason=reason)

    def close(self) -> None:
        """Release the parts (speaker thread, audio device); aborts first if still running."""
        if self._state not in FINISHED and self._state != State.IDLE:
            self.abort()
        while self.closers:
            closer = self.closers.pop()
            try:
                closer()
            except Exception:
                log.exception("closing a round part failed")

    def tick(self) -> None:
        """Check the clock: coach cues and the end of the round. The recorder's level reports call
        this ~10/s while answering; a UI may also call it from a timer."""
        if self._state in FINISHED or self._state in (State.IDLE, State.PAUSED):
            return
        now = self.now()
        with self._tick_lock:
            self._coach.tick(now)
            answer = self._answer
            if (self.config.kind == "whatif" and answer is not None and self._state == State.ANSWERING
                    and not self._answer_time_up and now - answer.segment.start_s >= WHATIF_ANSWER_S):
                self._answer_time_up = True
                self._emit(ev.AnswerTimeUp(now, WHATIF_ANSWER_S))
            if now >= self.config.round_s and not self._time_up:
                self._time_up = True
                self._emit(ev.TimeUp(now))

    # ----- inside --------------------------------------------------------------------------------

    def _require(self, allowed: Iterable[State], what: str) -> None:
        if self._state not in set(allowed):
            raise EngineError(f"cannot {what} while the round is {self._state.value}")

    def _set(self, new: State) -> None:
        old, self._state = self._state, new
        if old != new:
            self._emit(ev.StateChanged(old.value, new.value, self.now()))

    def _emit(self, event: ev.Event) -> None:
        if self._listener is None:
            return
        try:
            self._listener(event)
        except Exception:  # a UI bug must not stop a recording; it is logged, loudly
            log.exception("round listener failed on %s", type(event).__name__)

    def _interrupt_speech(self) -> None:
        if self._state in SPEAKING:
            try:
                self._speaker.interrupt()
            except Exception:
                log.exception("speaker.interrupt failed")

    def _after_speaking(self, rest: State) -> None:
        # If end_round() or pause() interrupted the line, they are waiting on the lock and take
        # over from this resting state as soon as the caller returns.
        self._set(rest)

    def _persona(self, index: int) -> Persona:
        personas = self.config.personas
        return personas[index % len(personas)]

    def _speak(self, kind: str, text: str, persona_index: int, probe: str | None = None,
               reason: str | None = None) -> Segment:
        persona = self._persona(persona_index)
        self._emit(ev.PanelSpeaking(kind, persona.name, text, max(self.now(), self._timeline_end()),
                                    reason))
        before = self.clock.clock.now()
        self.clock.start(before, provisional=True)
        line = SpokenLine(text)
        if not self._speech_broken:
            try:
                line = self._speaker.say(text, persona)
            except Exception as exc:  # noqa: BLE001 - an adapter failing must not lose the round
                self._speech_broken = True
                self._emit(ev.Problem(f"the panel's voice failed ({exc}); going on text-only"))
        after = self.clock.clock.now()
        start_abs = line.start if line.start is not None else before
        end_abs = line.end if line.end is not None else after
        self.clock.start(start_abs)
        start = max(self.clock.at(start_abs), self._timeline_end())
        end = max(start, self.clock.at(end_abs))
        self.clock.advance_to(end)
        assert self._writer is not None
        seg = Segment(
            index=len(self._writer.record.segments) + 1, kind=kind, speaker=persona.name,
            start_s=round(start, 3), end_s=round(end, 3), text=text, probe=probe,
            interrupted=line.interrupted,
        )
        with self._live:
            self._panel_cues.append(Cue(start_s=seg.start_s, end_s=seg.end_s, text=text, speaker=persona.name))
        with self._save:
            self._writer.record.segments.append(seg)
        self._last_panel = (text, persona_index) if kind != "wrapup" else self._last_panel
        self._checkpoint()
        self._emit(ev.PanelSpoke(seg, reason))
        return seg

    def _timeline_end(self) -> float:
        segs = self._writer.record.segments if self._writer else []
        return max((s.end_s for s in segs), default=0.0)

    def _checkpoint(self) -> None:
        if self._writer is None:
            return
        try:
            with self._save:
                self._writer.checkpoint(self.transcript())
        except OSError as exc:
            if is_full(exc, self._writer.folder):
                self._disk_filled()
            else:
                self._emit(ev.Problem(f"could not save progress ({exc})"))

    def _disk_filled(self) -> None:
        """The disk is full: say so once, naming the folder and the answer being recorded. Saves
        after this fail quietly (the one line says it all); the driver stops the round."""
        writer = self._writer
        if writer is None:
            return
        with self._save:
            if self.disk_full is not None:
                return
            answers = [s for s in writer.record.segments if s.kind == "answer" and s.audio]
            audio = writer.folder / answers[-1].audio if answers and answers[-1].audio else None
            self.disk_full = round_stopped(writer.folder, audio)
        self._emit(ev.DiskFilled(str(self.disk_full), str(writer.folder)))

    def _begin_answer(self) -> Path:
        assert self._writer is not None
        n = self._answers + 1
        path = self._writer.audio_path(n)
        offset = max(self.now(), self._timeline_end())
        self.clock.advance_to(offset)
        stream = self._transcriber.stream(offset, self._on_committed, self._on_tentative)
        seg = Segment(
            index=len(self._writer.record.segments) + 1, kind="answer", speaker=CANDIDATE,
            start_s=round(offset, 3), end_s=round(offset, 3),
            audio=path.relative_to(self._writer.folder).as_posix(),
        )
        self._answer = _Answer(seg, stream)
        self._answer_time_up = False
        with self._save:
            self._writer.record.segments.append(seg)
        self._coach.new_answer()
        prev = self._state
        self._set(State.ANSWERING)
        try:
            self._source.start(path, self._on_block, self._on_level, self._on_source_end)
        except BaseException as exc:
            with self._save:
                self._writer.record.segments.remove(seg)
            self._answer = None
            self._cancel(stream)
            self._set(prev)
            if isinstance(exc, DiskFull):
                self._disk_filled()
                raise self.disk_full or exc from None
            raise
        self._answers = n
        self._checkpoint()  # session.json now names the audio file, in case the process dies
        self._emit(ev.AnswerStarted(n, offset, str(path)))
        return path

    @staticmethod
    def _cancel(stream: TranscriptStream) -> None:
        try:
            stream.cancel()
        except Exception:
            log.exception("could not stop a transcription stream")

    def _stop_answer(self, quick: bool) -> Segment:
        """Stop the source and settle the answer's cues. quick: do not wait for transcription."""
        answer = self._answer
        assert answer is not None
        self._set(State.TRANSCRIBING)
        try:
            rec = self._source.stop()
        except Exception as exc:  # noqa: BLE001 - an adapter failing must not lose the round
            self._emit(ev.Problem(f"the recording did not close cleanly ({exc})"))
            rec = None
        stopped = self.now()
        transcript: Transcript | None = None
        if quick:
            self._cancel(answer.stream)
        else:
            try:
                transcript = answer.stream.finish()
            except Exception as exc:  # noqa: BLE001 - an adapter failing must not lose the round
                self._emit(ev.Problem(f"transcription failed ({exc}); keeping the words heard so far"))
        with self._save, self._live:
            cues = transcript.cues if transcript is not None else list(answer.live)
            cues = [c.model_copy(update={"speaker": CANDIDATE}) for c in cues if c.text.strip()]
            seg = answer.segment
            end = max([stopped, seg.start_s + (rec.duration_s if rec else 0.0)] + [c.end_s for c in cues])
            seg.end_s = round(end, 3)
            seg.text = " ".join(c.text.strip() for c in cues)
            seg.audio_s = round(rec.duration_s, 3) if rec else None
            if rec is not None and rec.path is None:
                seg.audio = None
            self._answer_cues.extend(cues)
            self._answer = None
        self.clock.advance_to(end)
        if rec is not None and rec.disk_full:
            self._disk_filled()
        return seg

    def _end_answer(self) -> Segment:
        seg = self._stop_answer(quick=False)
        self._coach.listen(self.now())
        self._checkpoint()
        self._emit(ev.AnswerEnded(seg))
        self._set(State.ANSWERED)
        self.tick()
        return seg

    def _finish(self, complete: bool, speak: bool, reason: str | None = None) -> SessionRecord:
        assert self._writer is not None
        if complete:
            self._set(State.WRAPPING_UP)
            if speak:
                late = self.now() >= self.config.round_s - 60
                self._speak("wrapup", WRAP_UP_TIME if late else WRAP_UP_EARLY, 0)
        analysis: Analysis | None = None
        # The whole round: only the candidate's words are judged, but the panel's lines mark the
        # turns (a silence while the panel speaks is no pause; a question ends a monologue).
        try:
            drill = {"opening": False} if self.config.kind == "whatif" else {}  # replies to what-ifs only
            analysis = self._analyze(self.transcript(), self.scenario, self.config.window_s,
                                     pace_band=self.config.pace_band, **drill)
        except Exception as exc:  # noqa: BLE001 - an adapter failing must not lose the round
            self._emit(ev.Problem(f"the analysis failed ({exc}); the round is saved without it"))
        if analysis is not None:
            self._coach.settle(analysis, self.now())
        with self._save:
            rec = self._writer.record
            rec.duration_s = round(max(self.now(), self._timeline_end()), 3)
            rec.ended_at = datetime.now(UTC)
            try:
                self.result = self._writer.finish(
                    self.transcript(), analysis, "complete" if complete else "incomplete", reason
                )
            except (OSError, DiskFull) as exc:
                if not isinstance(exc, DiskFull) and not is_full(exc, self._writer.folder):
                    raise
                # What the folder holds stays as the last checkpoint left it (status "recording",
                # this pid): the next start marks it incomplete and repairs its audio.
                self._disk_filled()
                rec.status, rec.status_reason = "incomplete", reason or "the disk filled up"
                self.result = rec
        self._set(State.DONE if complete else State.ABORTED)
        self._emit(ev.RoundEnded(self.result))
        return self.result

    # ----- callbacks from the recorder and transcriber threads --------------------------------

    def _on_block(self, block: Any) -> None:
        answer = self._answer
        if answer is not None:
            answer.stream.feed(block)

    def _on_level(self, level: float, silent_s: float) -> None:
        self._emit(ev.LevelChanged(level, silent_s))
        self._coach.quiet(silent_s, self.now())
        self.tick()

    def _on_source_end(self) -> None:
        self._emit(ev.SourceEnded(self.now()))

    def _on_tentative(self, text: str) -> None:
        self._emit(ev.TentativeText(text))

    def _on_committed(self, cue: Cue) -> None:
        cue = cue.model_copy(update={"speaker": CANDIDATE})
        with self._live:
            if self._answer is None:
                return
            self._answer.live.append(cue)
        self._emit(ev.SegmentTranscribed(cue))
        self._coach.listen(self.now())
        self._checkpoint()
