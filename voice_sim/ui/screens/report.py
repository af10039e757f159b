"""Report: the scorecard, flags, pacing and transcript of one round; export and replay from here.

Opened at the end of a round (from the interview) or from History. Reading is instant (the round
is already in memory); playing audio and writing exports run in workers, and their failures
become notifications through the app's worker handler. An incomplete round whose last words are
only in its audio (the program was killed mid-sentence) has them transcribed in a worker, with
progress under the title, and is shown again with them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from voice_sim.core.labels import clock, when
from voice_sim.core.labels import duration as length
from voice_sim.core.models import ANTI_PATTERNS, DELIVERY_FLAGS
from voice_sim.core.outputs import destination
from voice_sim.core.report import recovered_notes
from voice_sim.core.sessions import SessionRecord
from voice_sim.ui import report_views as views
from voice_sim.ui.messages import QuestionsRead, TailProgress, TailsTranscribed
from voice_sim.ui.playback import PlaybackError
from voice_sim.ui.screens.base import AppScreen
from voice_sim.ui.screens.dialogs import EXPORTS, ExportScreen
from voice_sim.ui.widgets import WpmChart

if TYPE_CHECKING:
    from voice_sim.core.models import Analysis, Question, Transcript
    from voice_sim.core.sessions.tails import Tail

TABS = ("score", "flags", "delivery", "transcript", "questions")


class _Left(Exception):
    """The screen was left while a crashed round's end was being transcribed."""


class ReportScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "tab('score')", "Sections", key_display="1-5"),
        Binding("2", "tab('flags')", "Flags", show=False),
        Binding("3", "tab('delivery')", "Delivery", show=False),
        Binding("4", "tab('transcript')", "Transcript", show=False),
        Binding("5", "tab('questions')", "Questions", show=False),
        Binding("p", "play", "Play from line"),
        Binding("s", "stop", "Stop", show=False),
        Binding("x", "export", "Export"),
        Binding("h", "history", "History"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, record: SessionRecord, transcript: Transcript, analysis: Analysis | None,
                 folder: Path | None, back_to: str = "home") -> None:
        super().__init__()
        self.folder, self.back_to = folder, back_to
        self.questions: list[Question] = []
        self.show_round(record, transcript, analysis)

    def show_round(self, record: SessionRecord, transcript: Transcript, analysis: Analysis | None) -> None:
        """Take the round to show (composing shows it)."""
        self.record, self.transcript, self.analysis = record, transcript, analysis
        self.lines = [views.legend()] + views.transcript_lines(record, transcript, analysis)
        flags = analysis.flags if analysis else []
        # Missing and late signals first, then anti-patterns in the order they were said, then delivery.
        self.flags = [f for f in flags if f.code not in ANTI_PATTERNS + DELIVERY_FLAGS] + \
            [f for f in flags if f.code in ANTI_PATTERNS] + [f for f in flags if f.code in DELIVERY_FLAGS]

    def compose(self) -> ComposeResult:
        r = self.record
        yield Static(f"Report  ·  {r.scenario_title}", id="title", classes="title-bar")
        status = "" if r.status == "complete" else f"  ·  {r.status}"
        kind = {"drill": "opening drill", "whatif": "what-if drill"}.get(r.kind, "full round")
        yield Static(Text(f"{when(r.started_at)}  ·  {r.mode}  ·  {kind}  ·  "
                          f"{length(r.duration_s)} long{status}", style="dim"), id="subtitle")
        notes = recovered_notes(r)
        yield Static("\n".join(notes), id="recovered", classes="" if notes else "hidden")
        with TabbedContent(initial="score", id="tabs"):
            with TabPane("Scorecard", id="score"):
                with VerticalScroll(classes="tab-body"):
                    if self.analysis is None:
                        yield Static(Text("No analysis: none of your answers were transcribed.",
                                          style="italic"))
                    else:
                        yield Static(views.scorecard(self.analysis), id="scorecard")
            with TabPane(f"Flags ({len(self.flags)})", id="flags"):
                with Horizontal(classes="tab-body"):
                    yield OptionList(*[Option(views.flag_prompt(f)) for f in self.flags],
                                     id="flag-list")
                    with VerticalScroll(id="flag-detail-box"):
                        yield Static(Text("No flags: every signal came in time.")
                                     if not self.flags else "", id="flag-detail")
            with TabPane("Delivery", id="delivery"):
                with VerticalScroll(classes="tab-body"):
                    if self.analysis is not None:
                        d = self.analysis.delivery
                        yield Static(Text(f"Pace while talking, minute by minute (band "
                                          f"{d.pace_band[0]:.0f}-{d.pace_band[1]:.0f} wpm)", style="bold"))
                        yield WpmChart(d.pace_by_minute or self.analysis.pacing.wpm_by_minute,
                                       self.record.window_s, band=d.pace_band)
                        yield Static(views.delivery_text(d), id="delivery-notes")
                        yield Static(views.pacing_text(self.analysis.pacing), id="pacing-figures")
                    else:
                        yield Static(Text("No words, no pace.", style="italic"))
            with TabPane("Transcript", id="transcript"):
                yield OptionList(*[Option(line.prompt, disabled=line.cue is None)
                                   for line in self.lines], id="lines")
            with TabPane("Questions", id="questions"):
                with VerticalScroll(classes="tab-body"):
                    yield Static(Text("Reading the round question by question...", style="italic"),
                                 id="questions-body")
        yield Footer()

    def on_mount(self) -> None:
        if self.flags:
            self.query_one("#flag-list", OptionList).highlighted = 0
        self.read_questions()
        if self.record.status == "incomplete" and self.folder is not None:
            self.transcribe_tails()

    # ----- what a crash left untranscribed ---------------------------------------------------

    @work(thread=True, exclusive=True, group="tails", exit_on_error=False,
          description="transcribing the end of the round")
    def transcribe_tails(self) -> None:
        """The ends of answers a crash left untranscribed (core/sessions/tails.py): load the model
        (kept for later rounds), transcribe them with progress, then show the round again. Leaving
        the screen cancels it before anything is written; the next opening starts again."""
        from voice_sim.core.labels import SIGNAL_NAMES, recovered_note, recovering_line

        store, services = self.app.services.store, self.app.services
        if not store.tails(self.record.id):
            return
        worker = get_current_worker()

        def loading(text: str, fraction: float | None) -> None:
            self.post_message(TailProgress(text))

        def progress(tail: Tail, done_s: float) -> None:
            if worker.is_cancelled:
                raise _Left
            line = recovering_line(tail.answer, tail.seconds, done_s)
            self.post_message(TailProgress(line[0].upper() + line[1:]))

        try:
            transcriber = services.transcriber(services.settings, loading)
            scenario = services.library.scenarios.get(self.record.scenario_id)
            result = store.transcribe_tails(self.record.id, transcriber, scenario, progress)
        except _Left:
            return
        lines = [recovered_note(t.answer, t.seconds, words) for t, words in result.tails]
        if result.heard_now:
            lines.append("Now heard: " + ", ".join(SIGNAL_NAMES[k] for k in result.heard_now) + ".")
        sid = self.record.id
        self.post_message(TailsTranscribed(store.get(sid), store.transcript(sid), store.analysis(sid), lines))

    def on_tail_progress(self, message: TailProgress) -> None:
        box = self.query_one("#recovered", Static)
        box.update(message.text)
        box.remove_class("hidden")

    async def on_tails_transcribed(self, message: TailsTranscribed) -> None:
        tab = self.query_one(TabbedContent).active
        self.show_round(message.record, message.transcript, message.analysis)
        await self.recompose()
        self.query_one(TabbedContent).active = tab
        if self.flags:
            self.query_one("#flag-list", OptionList).highlighted = 0
        self.read_questions()
        if message.lines:
            self.notify(" ".join(message.lines), title="Transcribed after the crash", timeout=10)

    @work(thread=True, exclusive=True, group="questions", exit_on_error=False,
          description="reading the round question by question")
    def read_questions(self) -> None:
        from voice_sim.core.sessions.questions import questions

        scenario = self.app.services.library.scenarios.get(self.record.scenario_id)
        self.post_message(QuestionsRead(questions(self.record, self.transcript, scenario)))

    def on_questions_read(self, message: QuestionsRead) -> None:
        self.questions = message.questions
        self.query_one("#questions-body", Static).update(views.questions_view(message.questions))

    # ----- tabs and selection ---------------------------------------------------------------

    def action_tab(self, tab: str) -> None:
        # Let go of focus first: a focused widget in the pane being hidden would hand focus to its
        # neighbour in the same pane, and TabbedContent follows focus back to that pane.
        self.set_focus(None)
        self.query_one(TabbedContent).active = tab
        # The list to move in, or the section's scroll so the arrow keys scroll it.
        focus = {"flags": "#flag-list", "transcript": "#lines"}.get(tab, f"#{tab} .tab-body")
        self.query_one(focus).focus()

    @on(OptionList.OptionHighlighted, "#flag-list")
    def _flag_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#flag-detail", Static).update(views.flag_detail(self.flags[event.option_index]))

    @on(OptionList.OptionSelected, "#flag-list")
    def _flag_selected(self, event: OptionList.OptionSelected) -> None:
        flag = self.flags[event.option_index]
        if flag.at_s is None:
            self.notify("This one was never said, so there is no place to show.", timeout=4)
            return
        self.jump_to(flag.at_s)

    def jump_to(self, at_s: float) -> None:
        """Show the transcript with the line said at `at_s` (or the one just before) selected."""
        best = None
        for i, line in enumerate(self.lines):
            if line.cue is not None and line.cue.start_s <= at_s + 0.05:
                best = i
        self.action_tab("transcript")
        if best is not None:
            lines = self.query_one("#lines", OptionList)
            lines.highlighted = best
            lines.scroll_to_highlight(top=True)

    @property
    def highlighted_line(self) -> views.Line | None:
        lines = self.query_one("#lines", OptionList)
        return None if lines.highlighted is None else self.lines[lines.highlighted]

    # ----- playback -------------------------------------------------------------------------

    def action_play(self) -> None:
        line = self.highlighted_line
        if line is None or line.cue is None:
            self.action_tab("transcript")
            self.notify("Pick a line in the transcript, then press p.", timeout=4)
            return
        cue = line.cue
        answers = [s for s in self.record.segments if s.kind == "answer"]
        seg = next((s for s in answers if s.start_s - 0.05 <= cue.start_s <= s.end_s + 0.05), None)
        if seg is None:
            self.notify("Only your answers are recorded; the panel's lines are not.", timeout=4)
            return
        if not seg.audio or self.folder is None:
            self.notify("No recording was kept for this answer.", severity="warning")
            return
        number = answers.index(seg) + 1
        self.play(Path(self.folder) / seg.audio, max(0.0, cue.start_s - seg.start_s), number)

    @work(thread=True, exclusive=True, group="playback", exit_on_error=False,
          description="playing the recording")
    def play(self, path: Path, offset_s: float, number: int) -> None:
        try:
            seconds = self.app.services.player.play(path, offset_s)
        except PlaybackError as exc:
            self.app.call_from_thread(self.notify, f"Cannot play: {exc}", severity="error")
            return
        self.app.call_from_thread(
            self.notify, f"Playing answer {number} from {clock(offset_s)} ({clock(seconds)}). "
            "s stops.", timeout=4)

    def action_stop(self) -> None:
        self.app.services.player.stop()

    # ----- export ---------------------------------------------------------------------------

    def action_export(self) -> None:
        def chosen(choice: tuple[str, Path] | None) -> None:
            if choice is not None:
                self.export(*choice)

        self.app.push_screen(ExportScreen(self.app.services.export_dir, self.stem), chosen)

    def action_export_as(self, fmt: str) -> None:
        self.export(fmt, self.app.services.export_dir)

    @property
    def stem(self) -> str:
        """File name of an export: the scenario and when the round started (local time)."""
        started = self.record.started_at.astimezone().strftime("%Y%m%d-%H%M%S")
        return f"voice-sim-{self.record.scenario_id}-{started}"

    @work(thread=True, exclusive=True, group="export", exit_on_error=False,
          description="exporting the round")
    def export(self, fmt: str, folder: Path) -> Path:
        scenario = self.app.services.library.scenarios.get(self.record.scenario_id)
        text = self.app.services.store.export(self.record.id, fmt, scenario)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.stem}.{EXPORTS[fmt][1]}"
        destination(path).write(text)  # atomic and private; a link is followed, not replaced
        self.app.call_from_thread(self.notify, f"Saved {EXPORTS[fmt][0]} to {path}", timeout=6)
        return path

    # ----- leaving --------------------------------------------------------------------------

    def action_history(self) -> None:
        self.app.services.player.stop()
        if self.back_to == "history":
            self.app.pop_screen()
        else:
            self.app.open_history(replace=True)

    def action_back(self) -> None:
        self.app.services.player.stop()
        self.app.pop_screen()
