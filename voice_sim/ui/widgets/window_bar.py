"""The ten-minute signal window as a bar, with a mark where each graded signal was first heard."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from voice_sim.core.labels import GRADED, LETTERS, SIGNAL_NAMES, clock

LABEL = "Signal window "


class WindowBar(Widget):
    """Two lines: the bar (time used of the window) and, under it, H / C / M where the hypothesis,
    the constraint and the metric tie were first heard. Marks are hidden in exam mode."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "window-bar--label", "window-bar--used", "window-bar--left", "window-bar--mark",
        "window-bar--late", "window-bar--time",
    }
    DEFAULT_CSS = """
    WindowBar { height: 2; }
    WindowBar > .window-bar--label { text-style: bold; }
    WindowBar > .window-bar--used { color: $accent; }
    WindowBar > .window-bar--left { color: $foreground 25%; }
    WindowBar > .window-bar--mark { color: $success; text-style: bold; }
    WindowBar > .window-bar--late { color: $warning; text-style: bold; }
    WindowBar > .window-bar--time { color: $foreground 70%; }
    """

    now_s: reactive[float] = reactive(0.0)
    window_s: reactive[float] = reactive(600.0)
    show_marks: reactive[bool] = reactive(True)

    def __init__(self, window_s: float = 600.0, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(WindowBar.window_s, window_s)
        self.marks: dict[str, float] = {}

    def mark(self, signal: str, at_s: float) -> None:
        if signal in GRADED and signal not in self.marks:
            self.marks[signal] = at_s
            self.refresh()

    def render(self) -> Text:
        style = self.get_component_rich_style
        window = max(self.window_s, 1.0)
        used = min(self.now_s, window)
        right = f" {clock(used)} / {clock(window)}" if self.now_s < window else " window closed"
        width = max(10, self.size.width - len(LABEL) - len(right))
        filled = round(used / window * width)
        bar = Text.assemble(
            (LABEL, style("window-bar--label")),
            ("━" * filled, style("window-bar--used")),
            ("─" * (width - filled), style("window-bar--left")),
            (right, style("window-bar--time")),
        )
        row = [" "] * width
        styles: list[str] = [""] * width
        if self.show_marks:
            for signal, at in sorted(self.marks.items(), key=lambda kv: kv[1]):
                pos = min(int(at / window * width), width - 1)
                while pos < width - 1 and row[pos] != " ":
                    pos += 1
                row[pos] = LETTERS[signal]
                styles[pos] = "window-bar--late" if at > window else "window-bar--mark"
        legend = "  ".join(f"{LETTERS[s]} {SIGNAL_NAMES[s].lower()}" for s in GRADED)
        last = max((i for i, ch in enumerate(row) if ch != " "), default=-1)
        legend_at = width + len(right) - len(legend)
        show_legend = self.show_marks and legend_at > last + 2
        marks = Text(" " * len(LABEL))
        for i, (ch, cls) in enumerate(zip(row, styles, strict=True)):
            if show_legend and i >= legend_at:
                break
            marks.append(ch, style(cls) if cls else "")
        if show_legend:
            marks.append(legend, style=style("window-bar--time"))
        return Text("\n").join([bar, marks])
