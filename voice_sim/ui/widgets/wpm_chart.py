"""Words per minute over the round as a bar chart, one bar per minute, with the window boundary
and the pace band drawn as two dotted lines (its low and high ends)."""

from __future__ import annotations

import math
from typing import ClassVar

from rich.text import Text
from textual.widget import Widget

EIGHTHS = " ▁▂▃▄▅▆▇█"
AXIS_W = 5
MAX_COL = 6
BAND = (130.0, 170.0)  # the default pace band; the analysis carries the one in use


class WpmChart(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"wpm-chart--bar", "wpm-chart--axis", "wpm-chart--window"}
    DEFAULT_CSS = """
    WpmChart { height: 9; }
    WpmChart > .wpm-chart--bar { color: $accent; }
    WpmChart > .wpm-chart--axis { color: $foreground 50%; }
    WpmChart > .wpm-chart--window { color: $warning; }
    """

    def __init__(self, wpm_by_minute: list[float], window_s: float = 600.0, *,
                 band: tuple[float, float] | list[float] = BAND, id: str | None = None) -> None:
        super().__init__(id=id)
        self.values = list(wpm_by_minute) or [0.0]
        self.window_s = window_s
        self.band = (float(band[0]), float(band[1]))

    def render(self) -> Text:
        style = self.get_component_rich_style
        bar, axis, win = style("wpm-chart--bar"), style("wpm-chart--axis"), style("wpm-chart--window")
        n = len(self.values)
        rows = max(3, self.size.height - 2)
        col = max(1, min(MAX_COL, (self.size.width - AXIS_W - 1) // n))
        gap = 1 if col >= 3 else 0
        top = max(math.ceil((self.band[1] + 30) / 20) * 20, math.ceil(max(self.values) / 20) * 20)
        step = top / rows
        guides = {rows - 1 - int(v / step): v for v in self.band}  # rows holding the band's ends
        window_col = int(self.window_s // 60) * col
        lines: list[Text] = []
        for r in range(rows):
            lo = (rows - r - 1) * step
            guide_row = r in guides
            if r == 0:
                label = f"{top:>3} ┤"
            elif guide_row:
                label = f"{guides[r]:>3.0f} ┤"
            else:
                label = "    │"
            line = Text(label, style=axis)
            for v in self.values:
                if v >= lo + step:
                    cell = "█" * (col - gap)
                elif v > lo:
                    cell = EIGHTHS[max(1, int((v - lo) / step * 8))] * (col - gap)
                elif guide_row:
                    line.append("┄" * col, style=axis)
                    continue
                else:
                    cell = " " * (col - gap)
                line.append(cell, style=bar)
                line.append(("┄" if guide_row else " ") * gap, style=axis)
            lines.append(line)
        base = ["─"] * (n * col)
        if 0 < window_col < len(base):
            base[window_col] = "┴"
        base_line = Text("  0 └", style=axis)
        for i, ch in enumerate(base):
            base_line.append(ch, style=win if i == window_col else axis)
        lines.append(base_line)
        labels = [" "] * (n * col + 8)
        every = max(1, math.ceil(6 / col))  # a label at least every 6 cells
        for minute in range(0, n, every):
            for j, ch in enumerate(f"{minute}'"):
                if minute * col + j < len(labels):
                    labels[minute * col + j] = ch
        label_line = Text(" " * AXIS_W + "".join(labels).rstrip(), style=axis)
        if 0 < window_col < n * col:
            text = f"window {int(self.window_s // 60)}'"
            at = AXIS_W + window_col
            label_line = Text(label_line.plain[:at].ljust(at), style=axis)
            label_line.append(text, style=win)
        lines.append(label_line)
        return Text("\n").join(lines)
