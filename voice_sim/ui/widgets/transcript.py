"""The interview's transcript: panel lines and the candidate's words, growing as they are heard."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from voice_sim.core.labels import clock


class LiveTranscript(VerticalScroll):
    """One Static per line, plus a dim tentative line at the end for words that may still change."""

    DEFAULT_CSS = """
    LiveTranscript { height: 1fr; }
    LiveTranscript > Static { padding: 0 1; }
    LiveTranscript > .panel { color: $text-accent; }
    LiveTranscript > .note { color: $foreground 50%; text-align: center; }
    LiveTranscript > #tentative { color: $foreground 55%; text-style: italic; }
    """

    can_focus = False

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines: list[str] = []  # plain text of every line, in order

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static("", id="tentative")

    def _add(self, renderable: Table | Text, cls: str, plain: str) -> None:
        self.lines.append(plain)
        follow = self.is_vertical_scroll_end or self.max_scroll_y == 0
        self.mount(Static(renderable, classes=cls), before="#tentative")
        if follow:
            self.call_after_refresh(self.scroll_end, animate=False)

    @staticmethod
    def _row(at_s: float | None, text: Text) -> Table:
        # A grid keeps wrapped lines under the text, not under the time.
        grid = Table.grid(padding=(0, 2))
        grid.add_column(min_width=5, justify="right", style="dim", no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        grid.add_row(clock(at_s) if at_s is not None else "", text)
        return grid

    def add_panel(self, persona: str, text: str, at_s: float | None) -> None:
        """A panel line, cut to one line (CSS): the question box above shows it in full."""
        line = Text.assemble((f"{clock(at_s) if at_s is not None else '':>5}  ", "dim"),
                             (f"{persona}: ", "bold"), text)
        self._add(line, "panel", line.plain)

    def add_answer(self, at_s: float, text: str) -> None:
        self._add(self._row(at_s, Text(text)), "answer", text)

    def add_note(self, text: str) -> None:
        self._add(Text(f"── {text} ──"), "note", text)

    def set_tentative(self, text: str) -> None:
        tentative = self.query_one("#tentative", Static)
        tentative.update(self._row(None, Text(text)) if text else "")
        if text and (self.is_vertical_scroll_end or self.max_scroll_y == 0):
            self.call_after_refresh(self.scroll_end, animate=False)
