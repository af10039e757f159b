"""The microphone's input level while an answer is recorded, and how long it has been quiet."""

from __future__ import annotations

import math
from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

CELLS = 12
QUIET_AFTER_S = 3.0


class LevelMeter(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "level-meter--on", "level-meter--loud", "level-meter--off", "level-meter--label",
    }
    DEFAULT_CSS = """
    LevelMeter { height: 1; width: 30; }
    LevelMeter > .level-meter--on { color: $success; }
    LevelMeter > .level-meter--loud { color: $warning; }
    LevelMeter > .level-meter--off { color: $foreground 20%; }
    LevelMeter > .level-meter--label { color: $foreground 70%; }
    """

    level: reactive[float] = reactive(0.0)
    silent_s: reactive[float] = reactive(0.0)
    live: reactive[bool] = reactive(False)

    def render(self) -> Text:
        style = self.get_component_rich_style
        label = Text("Mic ", style=style("level-meter--label"))
        if not self.live:
            return label + Text("▮" * CELLS, style=style("level-meter--off")) + Text(
                " off", style=style("level-meter--label")
            )
        # Speech levels sit low on a linear scale; a square root spreads them over the meter.
        lit = min(CELLS, round(math.sqrt(max(0.0, min(1.0, self.level))) * CELLS))
        loud = max(0, lit - (CELLS - 2))
        meter = Text.assemble(
            ("▮" * (lit - loud), style("level-meter--on")),
            ("▮" * loud, style("level-meter--loud")),
            ("▮" * (CELLS - lit), style("level-meter--off")),
        )
        quiet = f" quiet {self.silent_s:.0f}s" if self.silent_s >= QUIET_AFTER_S else ""
        return label + meter + Text(quiet, style=style("level-meter--label"))
