"""VoiceSimApp and `make_app()`, the one factory shared by `voice-sim` and the tests.

The app holds the Services (ui/services.py) and moves between screens; it owns two things no
screen can: quitting (which must ask, and save, when a round is running) and the one handler
that turns a failed worker into a notification the user sees.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from voice_sim.config import Settings
from voice_sim.core.scenario import Scenario
from voice_sim.errors import UserError
from voice_sim.ui.rounds import RoundFactory
from voice_sim.ui.screens.dialogs import ConfirmScreen
from voice_sim.ui.screens.history import HistoryScreen
from voice_sim.ui.screens.home import HomeScreen
from voice_sim.ui.screens.interview import InterviewScreen
from voice_sim.ui.services import Services, default_services

MAX_LIBRARY_LINES = 4  # notifications about scenario files; the rest are counted


class VoiceSimApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "voice-sim"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.theme = "nord"

    def get_default_screen(self) -> Screen[Any]:
        return HomeScreen()

    def on_mount(self) -> None:
        self.report_library()
        self.report_store()
        from voice_sim.config import unknown_settings

        for line in unknown_settings()[:MAX_LIBRARY_LINES]:  # stderr is hidden behind the app
            self.notify(line, title="Unknown setting", severity="warning", timeout=20)

    def report_store(self) -> None:
        """Say what opening the session store had to mend (a damaged index kept aside, rebuilt),
        or that the disk is full (the history is read-only), and anything it mends later."""
        store = self.services.store
        for line in getattr(store, "notices", []):
            self.store_notice(line)
        if hasattr(store, "on_notice"):
            store.on_notice = self.store_notice  # from any thread: notify() is thread-safe

    def store_notice(self, line: str) -> None:
        full = line.startswith("the disk is full")
        self.notify(line, title="Disk full" if full else "Session index rebuilt",
                    severity="warning", timeout=20)

    def report_library(self) -> None:
        """Say which scenario files were skipped and why, and which replaced a bundled one: the
        app opens with whatever loaded, but a file someone wrote must not vanish in silence."""
        library = self.services.library
        for line in library.errors[:MAX_LIBRARY_LINES]:
            self.notify(line, title="Scenario file skipped", severity="warning", timeout=20)
        for line in library.notices[:MAX_LIBRARY_LINES]:
            self.notify(line, title="Scenario replaced", timeout=10)
        hidden = max(0, len(library.errors) - MAX_LIBRARY_LINES) + max(
            0, len(library.notices) - MAX_LIBRARY_LINES)
        if hidden:
            self.notify(f"{hidden} more; run `voice-sim scenarios list` to see every line",
                        title="Scenario files", severity="warning", timeout=20)

    # ----- moving between screens -----------------------------------------------------------

    def start_round(self, scenario: Scenario) -> None:
        settings = self.services.settings.model_copy(deep=True)
        self.push_screen(InterviewScreen(scenario, settings))

    def open_history(self, replace: bool = False) -> None:
        (self.switch_screen if replace else self.push_screen)(HistoryScreen())

    # ----- quitting -------------------------------------------------------------------------

    async def action_quit(self) -> None:
        screen = self.screen
        if isinstance(screen, ConfirmScreen):
            if screen.quit_confirms:
                screen.action_answer(True)
            return
        if isinstance(screen, InterviewScreen) and screen.in_progress:
            def answered(yes: bool | None) -> None:
                if yes:
                    screen.quit_round()

            self.push_screen(ConfirmScreen(
                "Quit in the middle of the round?",
                "What you have said so far is saved as an incomplete round you can review later. "
                "Press ctrl+q again or y to quit.",
                yes="Quit", no="Keep going", quit_confirms=True,
            ), answered)
            return
        self.services.player.stop()
        self.exit()

    # ----- failures -------------------------------------------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.report_failure(event)

    def report_failure(self, event: Worker.StateChanged) -> None:
        """The one place a failed worker becomes something the user sees."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        what = event.worker.description or event.worker.name or "a background task"
        if isinstance(error, UserError):
            message = str(error)
        else:
            message = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        self.notify(message, title=f"Failed: {what}", severity="error", timeout=10)

    # ----- command palette ------------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The screen's own actions first (whatever its footer offers), then Textual's."""
        seen: set[str] = set()
        for binding in getattr(type(screen), "BINDINGS", []):
            if not isinstance(binding, Binding) or not binding.description or binding.action in seen:
                continue
            if screen.check_action(binding.action.split("(")[0], ()) is not True:
                continue
            seen.add(binding.action)
            yield SystemCommand(binding.description, f"key: {binding.key}",
                                partial(self._run_screen_action, screen, binding.action))
        if type(screen).__name__ == "ReportScreen":
            for fmt, label in (("md", "Markdown"), ("vtt", "WebVTT"), ("json", "JSON")):
                yield SystemCommand(f"Export as {label}", "to the export folder",
                                    partial(self._run_screen_action, screen, f"export_as('{fmt}')"))
        if not isinstance(screen, HistoryScreen):
            yield SystemCommand("History", "past rounds", partial(self.open_history, False))
        yield from super().get_system_commands(screen)

    async def _run_screen_action(self, screen: Screen[Any], action: str) -> None:
        await self.run_action(action, screen)


def make_app(
    settings: Settings | None = None,
    round_factory: RoundFactory | None = None,
    store: Any = None,
    *,
    scenario_dirs: Sequence[Path] = (),
    **services: Any,
) -> VoiceSimApp:
    """Build the app. Everything not given is the real thing, loaded lazily.

    `services` may override any field of ui.services.Services: library, checks, input_devices,
    models, player, remember, export_dir.
    """
    return VoiceSimApp(default_services(
        settings, scenario_dirs, store=store, round_factory=round_factory, **services
    ))
