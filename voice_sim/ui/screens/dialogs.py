"""Small modal dialogs: confirm a step that cannot be undone, and choose an export."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from voice_sim.ui.services import Check

EXPORTS = {"md": ("Markdown", "md"), "vtt": ("WebVTT", "vtt"), "json": ("JSON", "json")}


class ConfirmScreen(ModalScreen[bool]):
    """Asks once. y says yes; n / escape say no. With `quit_confirms`, the quit key pressed again
    also says yes (the app's quit action answers it)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", show=False),
        Binding("n,escape", "answer(False)", "No", show=False),
    ]

    def __init__(self, question: str, detail: str, yes: str = "Yes", no: str = "No",
                 quit_confirms: bool = False) -> None:
        super().__init__(classes="dialog")
        self.question, self.detail, self.yes, self.no = question, detail, yes, no
        self.quit_confirms = quit_confirms

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.question, classes="dialog-title")
            yield Static(self.detail, classes="dialog-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", variant="warning", id="yes", compact=True)
                yield Button(f"{self.no} (n)", id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ExportScreen(ModalScreen[tuple[str, Path] | None]):
    """Pick a format and a folder; returns (format, folder) or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", show=False),
        Binding("m", "choose('md')", show=False),
        Binding("v", "choose('vtt')", show=False),
        Binding("j", "choose('json')", show=False),
    ]

    def __init__(self, folder: Path, stem: str) -> None:
        super().__init__(classes="dialog")
        self.folder, self.stem = folder, stem

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label("Export this round", classes="dialog-title")
            yield Static(f"Markdown report (m), WebVTT transcript (v) or JSON (j), saved as "
                         f"{self.stem}.md, .vtt or .json in:", classes="dialog-detail")
            yield Input(str(self.folder), id="folder", compact=True)
            with Horizontal(classes="dialog-buttons"):
                for fmt, (label, _) in EXPORTS.items():
                    yield Button(label, id=fmt, compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#md", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id in EXPORTS:
            self.action_choose(event.button.id)
        else:
            self.dismiss(None)

    def action_choose(self, fmt: str) -> None:
        folder = Path(self.query_one("#folder", Input).value.strip() or ".").expanduser()
        self.dismiss((fmt, folder))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChecksScreen(ModalScreen[None]):
    """Every doctor check in full: what was found, and what to do about it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,d,enter", "dismiss", "Close")]

    def __init__(self, checks: list[Check]) -> None:
        super().__init__(classes="dialog")
        self.checks = checks

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label("Microphone, speech engine and model", classes="dialog-title")
            body = Text()
            for c in self.checks or [Check("checks", False, "none ran yet")]:
                body.append("✓ " if c.ok else "✗ ", style="green" if c.ok else "bold red")
                body.append(c.name, style="bold")
                body.append(f"  {c.detail}\n" if c.detail else "\n")
                if c.fix and not c.ok:
                    body.append(f"  → {c.fix}\n", style="yellow")
            with VerticalScroll(classes="checks-list"):
                yield Static(body)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Close (esc)", id="close", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)
