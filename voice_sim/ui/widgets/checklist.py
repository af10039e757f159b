"""The coach's Three-Lens checklist: impact, feasibility, trade-off, ticked as statements are heard."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widget import Widget

from voice_sim.core.labels import LENSES, SIGNAL_NAMES, clock


class LensChecklist(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"checklist--lens", "checklist--done", "checklist--todo", "checklist--late"}
    DEFAULT_CSS = """
    LensChecklist { height: auto; }
    LensChecklist > .checklist--lens { text-style: bold; }
    LensChecklist > .checklist--done { color: $success; }
    LensChecklist > .checklist--todo { color: $foreground 45%; }
    LensChecklist > .checklist--late { color: $warning; }
    """

    def __init__(self, window_s: float = 600.0, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.window_s = window_s
        self.heard: dict[str, float] = {}

    def tick(self, signal: str, at_s: float) -> None:
        if signal not in self.heard:
            self.heard[signal] = at_s
            self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[no-untyped-def]
        return sum(1 + len(signals) for _, signals in LENSES)

    def render(self) -> Text:
        style = self.get_component_rich_style
        lines: list[Text] = []
        for lens, signals in LENSES:
            lines.append(Text(lens, style=style("checklist--lens")))
            for signal in signals:
                name = SIGNAL_NAMES[signal]
                at = self.heard.get(signal)
                if at is None:
                    lines.append(Text(f" ○ {name}", style=style("checklist--todo")))
                else:
                    cls = "checklist--late" if at > self.window_s else "checklist--done"
                    line = Text(f" ✓ {name:<11}", style=style(cls))
                    line.append(f"{clock(at):>5}", style=style("checklist--todo"))
                    lines.append(line)
        return Text("\n").join(lines)
