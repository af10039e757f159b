"""Interview: the round as it happens. Shows what the engine reports; never blocks on it.

Every engine call (start, begin/end answer, next, pause, end, abort) runs in a thread worker: they
block while the panel speaks or the last words are transcribed. Engine events come back as
messages (messages.bridge). Which keys are live depends on the round's state (check_action), so a
key that does not fit the moment is greyed out in the footer instead of raising in a worker.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Label, ProgressBar, Static
from textual.worker import get_current_worker

from voice_sim.core import events as ev
from voice_sim.core.engine import FINISHED, RESTING, SPEAKING, EngineError, Round, State
from voice_sim.core.labels import clock
from voice_sim.ui.messages import (
    LevelMeasured,
    ModelLoading,
    RoundReady,
    RoundReported,
    bridge,
)
from voice_sim.ui.rounds import RoundRequest
from voice_sim.ui.screens.base import AppScreen
from voice_sim.ui.screens.dialogs import ConfirmScreen
from voice_sim.ui.widgets import LensChecklist, LevelMeter, LiveTranscript, WindowBar

if TYPE_CHECKING:
    from voice_sim.config import Settings
    from voice_sim.core.scenario import Scenario

log = logging.getLogger(__name__)


def void(_: object) -> None:
    """Drop a return value (post_message says whether it queued; a callback returns nothing)."""

STATE_TEXT = {
    State.IDLE: "Getting ready",
    State.PROMPTING: "The panel is speaking · space to answer",
    State.WAITING: "Your turn · space to start answering",
    State.ANSWERING: "● Recording · space when you are done",
    State.TRANSCRIBING: "Transcribing the last words…",
    State.ANSWERED: "Answer saved · n for the next question",
    State.FOLLOWING_UP: "The panel is asking · space to answer",
    State.PAUSED: "Paused · p to resume",
    State.WRAPPING_UP: "Wrapping up…",
    State.DONE: "Round over",
    State.ABORTED: "Round stopped",
}
ACTIVE = set(State) - FINISHED - {State.IDLE}


class InterviewScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "begin_answer", "Answer"),
        Binding("space", "end_answer", "Done"),
        Binding("n", "next", "Next question"),
        Binding("r", "repeat", "Repeat"),
        Binding("p", "pause", "Pause"),
        Binding("p", "resume", "Resume"),
        Binding("e", "end_round", "End round"),
        Binding("escape", "leave", "Back", show=False),
    ]

    def __init__(self, scenario: Scenario, settings: Settings) -> None:
        super().__init__()
        self.scenario, self.settings = scenario, settings
        self.round: Round | None = None
        self.state = State.IDLE
        self.coach = settings.round.mode == "coach"
        self.window_s = scenario.window_s
        self._quitting = False
        self.round_closed = False

    # ----- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        r = self.settings.round
        kind = {"drill": "10-min opening drill", "whatif": "what-if drill"}.get(r.kind, "full round")
        with Horizontal(classes="title-bar"):
            yield Static(f"{self.scenario.title}  ·  {r.mode}  ·  {kind}", id="title")
            yield Static("", id="clock")
        with Horizontal(id="status-row"):
            yield Static(STATE_TEXT[State.IDLE], id="state")
            yield LevelMeter(id="level")
        yield WindowBar(self.window_s, id="window")
        with Vertical(id="loading"):
            yield Label("Preparing the round…", id="loading-text")
            yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="loading-bar")
        yield Static("", id="question")
        with Horizontal(id="interview-body"):
            yield LiveTranscript(id="transcript")
            with Vertical(id="coach", classes="pane") as coach:
                coach.border_title = "Three lenses"
                yield LensChecklist(self.window_s, id="checklist")
                yield Static("", id="cue")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#coach").display = self.coach
        self.query_one("#window", WindowBar).show_marks = self.coach
        self.query_one("#question", Static).display = False
        self.set_interval(0.25, self._refresh_clock)
        self.prepare()

    # ----- the round's lifetime -------------------------------------------------------------

    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False,
          description="setting up the round")
    def prepare(self) -> None:
        request = RoundRequest(
            scenario=self.scenario, settings=self.settings, store=self.app.services.store,
            listener=bridge(self),
            progress=lambda text, fraction: void(self.post_message(ModelLoading(text, fraction))),
        )
        rnd = self.app.services.round_factory(request)
        if get_current_worker().is_cancelled:  # the user went back while the model loaded
            rnd.close()
            return
        self.post_message(RoundReady(rnd))
        rnd.start()

    def drive(self, call: Callable[[], Any], what: str) -> None:
        """Run one blocking engine call in a thread worker; `what` names it if it fails."""

        def run() -> None:
            try:
                call()
            except EngineError as exc:
                # The round moved on before this call ran (a double key press, or the source
                # ending just as time ran out): nothing for the user to fix.
                log.info("ignored %s: %s", what, exc)

        # Not exclusive: these calls are a sequence (end the answer, then ask the next question),
        # not a query where the newest wins. The engine's own lock puts them in order.
        self.run_worker(run, thread=True, group="round", exit_on_error=False, description=what)

    def on_round_ready(self, message: RoundReady) -> None:
        self.round = message.round
        self.window_s = message.round.config.window_s
        self.query_one("#window", WindowBar).window_s = self.window_s
        self.query_one("#checklist", LensChecklist).window_s = self.window_s
        self.query_one("#loading").display = False
        self.refresh_bindings()

    def on_model_loading(self, message: ModelLoading) -> None:
        self.query_one("#loading-text", Label).update(message.text)
        bar = self.query_one("#loading-bar", ProgressBar)
        if message.fraction is not None:
            bar.update(total=1.0, progress=message.fraction)

    def on_worker_state_changed(self, event: Any) -> None:
        # The app's handler shows the error; here a failed set-up leaves an empty screen behind.
        from textual.worker import WorkerState

        if event.worker.group == "prepare" and event.state == WorkerState.ERROR and self.round is None:
            self.query_one("#loading-text", Label).update(
                Text(f"The round could not start: {event.worker.error}\nPress escape to go back.")
            )
            self.query_one("#loading-bar").display = False

    # ----- what the engine reports ----------------------------------------------------------

    def on_level_measured(self, message: LevelMeasured) -> None:
        meter = self.query_one("#level", LevelMeter)
        meter.level, meter.silent_s = message.level, message.silent_s

    def on_round_reported(self, message: RoundReported) -> None:
        event = message.event
        transcript = self.query_one("#transcript", LiveTranscript)
        match event:
            case ev.StateChanged(new=new):
                self._set_state(State(new))
            case ev.PanelSpeaking(kind=kind, speaker=persona, text=text):
                if kind != "wrapup":
                    self._show_question(persona, text, speaking=True)
            case ev.PanelSpoke(segment=seg):
                transcript.add_panel(seg.speaker, seg.text, seg.start_s)
                if seg.kind != "wrapup":
                    self._show_question(seg.speaker, seg.text, speaking=False)
            case ev.AnswerStarted():
                self.query_one("#level", LevelMeter).live = True
            case ev.TentativeText(text=text):
                transcript.set_tentative(text)
            case ev.SegmentTranscribed(cue=cue):
                transcript.set_tentative("")
                transcript.add_answer(cue.start_s, cue.text)
            case ev.AnswerEnded():
                transcript.set_tentative("")
                meter = self.query_one("#level", LevelMeter)
                meter.live, meter.level, meter.silent_s = False, 0.0, 0.0
            case ev.SignalHeard(signal=signal, at_s=at):
                self.query_one("#window", WindowBar).mark(signal, at)
                self.query_one("#checklist", LensChecklist).tick(signal, at)
            case ev.CoachCue(text=text):
                if self.coach:
                    self.query_one("#cue", Static).update(Text(text, style="italic"))
                    self.notify(text, title="Coach", timeout=6)
            case ev.SilenceNoticed(silent_s=silent):
                if self.coach:
                    self.notify(f"Quiet for {silent:.0f} s. Think aloud, or press space to finish.",
                                timeout=5)
            case ev.SourceEnded():
                if self.round and self.state == State.ANSWERING:
                    self.drive(self.round.end_answer, "ending your answer")
            case ev.AnswerTimeUp(limit_s=limit):
                if self.round and self.state == State.ANSWERING:
                    self.notify(f"{limit:.0f} s: on to the next what-if.", title="Time", timeout=4)
                    self.drive(self.round.end_answer, "ending your answer")
            case ev.TimeUp():
                self.notify("Time is up: the panel wraps the round up.", title="Time", timeout=6)
                if self.round and self.state in ACTIVE and self.state != State.WRAPPING_UP:
                    self.drive(self.round.end_round, "wrapping up the round")
            case ev.Problem(message=text):
                self.notify(text, severity="warning", timeout=8)
            case ev.DiskFilled(message=text):
                # Nothing more can be saved: stop the round, keep what is there, say where it is.
                self.notify(text, title="Disk full", severity="error", timeout=30)
                rnd = self.round
                if rnd is not None and self.state in ACTIVE:
                    self.drive(lambda: rnd.abort("the disk filled up"), "stopping the round")
            case ev.RoundEnded(session=record):
                self._round_ended(record)

    def _set_state(self, state: State) -> None:
        self.state = state
        self.query_one("#state", Static).update(STATE_TEXT[state])
        self.set_class(state == State.ANSWERING, "-answering")
        self.set_class(state == State.PAUSED, "-paused")
        if state == State.PAUSED:
            self.query_one("#transcript", LiveTranscript).add_note(f"paused at {clock(self._now())}")
        self.refresh_bindings()

    def _show_question(self, persona: str, text: str, speaking: bool) -> None:
        box = self.query_one("#question", Static)
        box.display = True
        box.border_title = f"{persona} is speaking…" if speaking else persona
        box.update(text)

    def _now(self) -> float:
        return self.round.now() if self.round else 0.0

    def _refresh_clock(self) -> None:
        rnd = self.round
        if rnd is None or self._quitting:
            return
        rnd.tick()
        now = rnd.now()
        remaining = rnd.remaining_s()
        self.query_one("#clock", Static).update(
            Text.assemble(clock(now), (" elapsed   ", "dim"), clock(remaining), (" left", "dim"))
        )
        self.query_one("#window", WindowBar).now_s = now

    def _round_ended(self, record: Any) -> None:
        rnd = self.round
        if self._quitting or rnd is None:
            return
        from voice_sim.ui.screens.report import ReportScreen

        self.app.switch_screen(ReportScreen(
            record, rnd.transcript(), rnd.analysis, rnd.folder, back_to="home",
        ))
        self._close_round()

    def _close_round(self) -> None:
        """Release the speaker thread and the microphone, once (on the app: this screen is going)."""
        rnd, self.round_closed = self.round, True
        if rnd is not None:
            self.app.run_worker(rnd.close, thread=True, group="close", exit_on_error=False,
                                description="releasing the microphone and the voice")

    def on_unmount(self) -> None:
        # Left some other way (the app is closing): do not leave a device open behind us.
        if self.round is not None and not self.round_closed:
            self.round_closed = True
            threading.Thread(target=self.round.close, daemon=True, name="close-round").start()

    # ----- keys -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        s, ready = self.state, self.round is not None
        match action:
            case "begin_answer":
                return ready and (s in RESTING or s in SPEAKING - {State.WRAPPING_UP})
            case "end_answer":
                return s == State.ANSWERING
            case "next" | "repeat":
                return True if ready and s in RESTING else None
            case "pause":
                return s != State.PAUSED and (True if s in RESTING | {State.ANSWERING} else None)
            case "resume":
                return s == State.PAUSED
            case "end_round":
                return True if ready and s in ACTIVE and s != State.WRAPPING_UP else None
            case "leave":
                return not self.in_progress
        return True

    def action_begin_answer(self) -> None:
        if self.round:
            self.drive(self.round.begin_answer, "starting your answer")

    def action_end_answer(self) -> None:
        if self.round:
            self.drive(self.round.end_answer, "ending your answer")

    def action_next(self) -> None:
        if self.round:
            self.drive(self.round.next, "asking the next question")

    def action_repeat(self) -> None:
        if self.round:
            self.drive(self.round.repeat, "repeating the question")

    def action_pause(self) -> None:
        if self.round:
            self.drive(self.round.pause, "pausing")

    def action_resume(self) -> None:
        if self.round:
            self.drive(self.round.resume, "resuming")

    def action_end_round(self) -> None:
        if not self.round:
            return
        rnd = self.round

        def answered(yes: bool | None) -> None:
            if yes and rnd.state not in FINISHED:
                self.drive(rnd.end_round, "ending the round")

        self.app.push_screen(ConfirmScreen(
            "End the round now?",
            "Everything you have said is kept and the report is made from it.",
            yes="End round", no="Keep going",
        ), answered)

    def action_leave(self) -> None:
        """Back to Home when no round is running (it failed to start, or is still loading)."""
        self.app.pop_screen()

    @property
    def in_progress(self) -> bool:
        """A round is running: quitting must ask, and save it as incomplete."""
        return self.round is not None and self.state in ACTIVE

    def quit_round(self) -> None:
        """Stop the round (saved as incomplete, with what was recorded), then leave the app."""
        self._quitting = True
        self._abort_and_exit()

    @work(thread=True, exclusive=True, group="quit", exit_on_error=False,
          description="saving the round before quitting")
    def _abort_and_exit(self) -> None:
        try:
            if self.round is not None:
                self.round.abort("the app was closed during the round")
                self.round_closed = True
                self.round.close()
        finally:
            self.app.call_from_thread(self.app.exit)
