"""History: every saved round, newest first; open one to review it; compare with the attempt
before it at the same scenario, and chart every attempt at it (from the third on). The list comes
from the store's index (instant); analyses for the comparison and a round to open are read in
workers."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Static
from textual.widgets.data_table import ColumnKey

from voice_sim.core.labels import duration as length
from voice_sim.core.labels import when
from voice_sim.core.sessions.trend import trend
from voice_sim.render import trend_table
from voice_sim.ui.compare import comparison
from voice_sim.ui.messages import ComparisonReady, HistoryLoaded, SessionLoaded
from voice_sim.ui.screens.base import AppScreen
from voice_sim.ui.screens.dialogs import ConfirmScreen

if TYPE_CHECKING:
    from voice_sim.core.sessions import SessionRow


COLUMNS = (
    ("When", "when", 12), ("Scenario", "scenario", 24), ("Length", "length", 6),
    ("Mode", "mode", 10), ("Signals", "window", 7), ("Scores", "scores", 6), ("Flags", "flags", 5),
)


class RoundsTable(DataTable[str | Text]):
    """The list of rounds; says in the footer what enter does."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select_cursor", "Open")]


class HistoryScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "toggle_compare", "Compare"),
        Binding("delete,x", "delete", "Delete"),
        Binding("r", "reload", "Reload", show=False),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[SessionRow] = []

    def compose(self) -> ComposeResult:
        yield Static("History  ·  past rounds", id="title", classes="title-bar")
        yield RoundsTable(id="rounds", cursor_type="row", zebra_stripes=True)
        with Vertical(id="compare", classes="pane") as pane:
            pane.border_title = "Compared with the previous attempt"
            yield Static("", id="compare-body")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#rounds", DataTable)
        for label, key, width in COLUMNS:
            table.add_column(label, key=key, width=width)
        table.loading = True
        table.focus()
        self.load()

    def on_screen_resume(self) -> None:
        if self.rows:  # back from a report, which may have changed the round (tails.py)
            self.load()

    @work(thread=True, exclusive=True, group="history", exit_on_error=False,
          description="reading your past rounds")
    def load(self) -> None:
        self.post_message(HistoryLoaded(self.app.services.store.list()))

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        was = self.current.id if self.current is not None else None
        self.rows = message.rows
        table = self.query_one("#rounds", DataTable)
        table.loading = False
        table.clear()
        for row in self.rows:
            table.add_row(*self._cells(row), key=row.id)
        ids = [row.id for row in self.rows]
        if was in ids:  # a reload keeps the round that was selected
            table.move_cursor(row=ids.index(was))
        self.query_one("#title", Static).update(
            f"History  ·  {len(self.rows)} past round{'s' if len(self.rows) != 1 else ''}"
        )
        if not self.rows:
            self.query_one("#compare-body", Static).update(Text(
                "No rounds yet. Go back (escape), pick a scenario and press enter to practise.",
                style="italic"))

    def on_resize(self) -> None:
        # DataTable has no flexible column: give the scenario whatever the others leave.
        table = self.query_one("#rounds", DataTable)
        fixed = sum(w for _, key, w in COLUMNS if key != "scenario") + 2 * len(COLUMNS) + 2
        column = table.columns.get(ColumnKey("scenario"))
        if column is not None:
            column.width = max(16, self.size.width - fixed)
            column.auto_width = False
            table.refresh()

    @staticmethod
    def _cells(row: SessionRow) -> list[str | Text]:
        title = Text(row.scenario_title, overflow="ellipsis", no_wrap=True)
        mode = {"drill": "drill ", "whatif": "what-if "}.get(row.kind, "") + row.mode
        if row.status != "complete":
            mode = Text(row.status, style="yellow")  # type: ignore[assignment]
        scores = " ".join("-" if s is None else str(s) for s in (row.impact, row.feasibility, row.tradeoff))
        return [
            when(row.started_at), title, length(row.duration_s), mode,
            f"{row.signals_in_window}/5", scores, "-" if row.flags is None else str(row.flags),
        ]

    @property
    def current(self) -> SessionRow | None:
        table = self.query_one("#rounds", DataTable)
        if not self.rows or table.cursor_row is None or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    # ----- comparison -----------------------------------------------------------------------

    @on(DataTable.RowHighlighted, "#rounds")
    def _row_highlighted(self) -> None:
        row = self.current
        if row is not None and self.query_one("#compare").display:
            self.compare(row)

    def previous_attempt(self, row: SessionRow) -> SessionRow | None:
        older = [r for r in self.rows if r.scenario_id == row.scenario_id and r.started_at < row.started_at]
        analysed = [r for r in older if r.flags is not None]  # rows are newest first
        picked = analysed or older
        return picked[0] if picked else None

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False,
          description="comparing with the previous attempt")
    def compare(self, row: SessionRow) -> None:
        before = self.previous_attempt(row)
        store = self.app.services.store
        if before is None:
            body: RenderableType = Text(f"The first attempt at {row.scenario_title}: nothing to compare yet.",
                                        style="dim")
        else:
            body = comparison(store.analysis(row.id), store.analysis(before.id),
                              f"Before ({when(before.started_at)})")
        # Every attempt up to this one, not only the one before it.
        upto = [r for r in self.rows if r.scenario_id == row.scenario_id and r.started_at <= row.started_at]
        points = trend(upto, store.analysis).get(row.scenario_id, [])
        if len(points) >= 3:
            body = Group(body, Text(""), Text(f"All {len(points)} attempts, oldest to newest", style="bold"),
                         trend_table(points))
        self.post_message(ComparisonReady(row.id, body))

    def on_comparison_ready(self, message: ComparisonReady) -> None:
        row = self.current
        if row is not None and row.id == message.session_id:
            self.query_one("#compare-body", Static).update(message.text)

    def action_toggle_compare(self) -> None:
        box = self.query_one("#compare")
        box.display = not box.display
        if box.display and self.current is not None:
            self.compare(self.current)

    # ----- opening a round ------------------------------------------------------------------

    @on(DataTable.RowSelected, "#rounds")
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        row = self.current
        if row is not None:
            self.open_round(row.id)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False,
          description="opening the round")
    def open_round(self, session_id: str) -> None:
        store = self.app.services.store
        self.post_message(SessionLoaded(
            store.get(session_id), store.transcript(session_id), store.analysis(session_id),
            store.folder(session_id),
        ))

    def on_session_loaded(self, message: SessionLoaded) -> None:
        from voice_sim.ui.screens.report import ReportScreen

        self.app.push_screen(ReportScreen(message.record, message.transcript, message.analysis,
                                          message.folder, back_to="history"))

    # ----- deleting a round -----------------------------------------------------------------

    def action_delete(self) -> None:
        row = self.current
        if row is None:
            return
        question = ConfirmScreen(
            "Delete this round?",
            f"{row.scenario_title}, {when(row.started_at)}: its recordings, transcript and report "
            "are removed from this computer. This cannot be undone.",
            yes="Delete", no="Keep",
        )
        self.app.push_screen(question, lambda yes: self.delete_round(row.id) if yes else None)

    @work(thread=True, exclusive=True, group="delete", exit_on_error=False,
          description="deleting the round")
    def delete_round(self, session_id: str) -> None:
        from voice_sim.core.sessions import SessionError

        store = self.app.services.store
        try:
            store.delete(session_id)
        except SessionError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=8)
        self.post_message(HistoryLoaded(store.list()))

    def action_reload(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.app.pop_screen()
