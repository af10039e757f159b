"""Home: choose a scenario, set up the round, see whether microphone, speech engine and model work.

The choices are written to the settings file as they change (remembered between runs); the doctor
checks, the microphone list and the model list come from workers, so the screen opens at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from voice_sim.core.followups import whatifs
from voice_sim.ui.messages import ChecksDone, ChoicesFound
from voice_sim.ui.screens.base import AppScreen

if TYPE_CHECKING:
    from voice_sim.config import PanelSettings
    from voice_sim.core.scenario import Scenario
    from voice_sim.ui.services import Check

LENGTHS = (15, 20, 30, 45, 60)
FIELDS = {
    "kind": ("round", "kind"), "minutes": ("round", "minutes"), "mode": ("round", "mode"),
    "speak": ("panel", "speak"), "model": ("speech", "model"), "device": ("audio", "input_device"),
}
VOICES = {  # the panel's voices on Home: (espeak-ng voice, words per minute) for the two panelists
    "us-gb": ("US and British", (("en-us", 165), ("en-gb", 175))),
    "us-gb-slow": ("US and British, slower", (("en-us", 140), ("en-gb", 145))),
    "gb-scotland": ("British and Scottish", (("en-gb-x-rp", 165), ("en-gb-scotland", 170))),
}
CUSTOM_VOICES = "custom"
MAX_FIX_LINES = 3
DEFAULT_DEVICE = "System default"


class ScenarioList(OptionList):
    """The scenario list; says in the footer what enter does."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Start round")]


class HomeScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "start", "Start round", show=False),
        Binding("h", "history", "History"),
        Binding("c", "check", "Check again"),
        Binding("d", "details", "Check details"),
        Binding("q", "app.quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        s = self.app.services.settings
        scenarios = self.scenarios
        yield Static("voice-sim  ·  mock system-design round", id="title", classes="title-bar")
        with Horizontal(id="home-body"):
            with Vertical(id="scenario-pane", classes="pane") as pane:
                pane.border_title = f"Scenarios ({len(scenarios)})"
                options: list[Option | None] = []
                for sc in scenarios:
                    options += [self._option(sc), None]  # None: a faint rule between scenarios
                yield ScenarioList(*options[:-1], id="scenario-list")
            with Vertical(id="round-pane", classes="pane") as pane:
                pane.border_title = "Round"
                yield from self._field("Round", Select(
                    [("Full round", "full"), ("10-min opening drill", "drill"), ("What-if drill", "whatif")],
                    value=s.round.kind, allow_blank=False, compact=True, id="kind"))
                custom = {s.round.minutes} if s.round.minutes is not None else set()
                lengths = sorted({float(m) for m in LENGTHS} | custom)
                yield from self._field("Length", Select(
                    [("Scenario's length", None)] + [(f"{m:g} minutes", m) for m in lengths],
                    value=s.round.minutes, allow_blank=False, compact=True, id="minutes"))
                yield from self._field("Mode", Select(
                    [("Coach (cues while you talk)", "coach"), ("Exam (silent until the end)", "exam")],
                    value=s.round.mode, allow_blank=False, compact=True, id="mode"))
                yield from self._field("Panel", Select(
                    [("Spoken aloud", True), ("Text only", False)],
                    value=s.panel.speak, allow_blank=False, compact=True, id="speak"))
                voices = voices_of(s.panel)
                yield from self._field("Voices", Select(
                    [(label, key) for key, (label, _) in VOICES.items()]
                    + ([("As in the settings file", CUSTOM_VOICES)] if voices == CUSTOM_VOICES else []),
                    value=voices, allow_blank=False, compact=True, id="voices",
                    disabled=not s.panel.speak))
                yield from self._field("Model", Select(
                    [(s.speech.model, s.speech.model)], value=s.speech.model,
                    allow_blank=False, compact=True, id="model"))
                device = str(s.audio.input_device) if s.audio.input_device is not None else None
                yield from self._field("Mic", Select(
                    [(DEFAULT_DEVICE, None)] + ([(device, device)] if device else []),
                    value=device, allow_blank=False, compact=True, id="device"))
                yield Static(id="scenario-detail")
        yield Static(Text("Checking microphone, speech engine and model…"), id="checks")
        yield Footer()

    @staticmethod
    def _field(label: str, widget: Select[Any]) -> ComposeResult:
        with Horizontal(classes="field"):
            yield Label(label, classes="field-label")
            yield widget

    @staticmethod
    def _option(sc: Scenario) -> Option:
        return Option(Text.assemble((sc.title, "bold"), "\n", (f"{sc.domain} · {sc.context}", "dim")),
                      id=sc.id)

    @property
    def scenarios(self) -> list[Scenario]:
        return sorted(self.app.services.library.scenarios.values(), key=lambda s: s.title.lower())

    def on_mount(self) -> None:
        self.checks: list[Check] = []
        self.query_one("#scenario-list", OptionList).focus()
        if self.scenarios:
            self.query_one("#scenario-list", OptionList).highlighted = 0  # separators are skipped
        self._update_length()
        self.run_checks()
        self.find_choices()

    # ----- workers --------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="checks", exit_on_error=False,
          description="checking microphone, speech engine and model")
    def run_checks(self) -> None:
        self.post_message(ChecksDone(self.app.services.checks(self.app.services.settings)))

    @work(thread=True, exclusive=True, group="choices", exit_on_error=False,
          description="listing microphones and models")
    def find_choices(self) -> None:
        services = self.app.services
        self.post_message(ChoicesFound(services.input_devices(), services.models(services.settings)))

    @work(thread=True, exclusive=True, group="settings", exit_on_error=False,
          description="saving your choices")
    def save_choices(self) -> None:
        self.app.services.remember(self.app.services.settings)

    # ----- messages -------------------------------------------------------------------------

    def on_checks_done(self, message: ChecksDone) -> None:
        self.checks = message.checks
        self.query_one("#checks", Static).update(checks_text(message.checks))

    def on_choices_found(self, message: ChoicesFound) -> None:
        s = self.app.services.settings
        models = self.query_one("#model", Select)
        with models.prevent(Select.Changed):
            models.set_options(message.models)
            models.value = s.speech.model
        devices = self.query_one("#device", Select)
        current = str(s.audio.input_device) if s.audio.input_device is not None else None
        names = list(message.devices)
        if current and current not in names:
            names.insert(0, current)
        with devices.prevent(Select.Changed):
            devices.set_options([(DEFAULT_DEVICE, None)] + [(n, n) for n in names])
            devices.value = current

    @on(Select.Changed)
    def choice_changed(self, event: Select.Changed) -> None:
        s = self.app.services.settings
        value = event.value
        if event.select.id == "voices":
            if value in VOICES and voices_of(s.panel) != value:
                for persona, (voice, rate) in zip(s.panel.personas, VOICES[str(value)][1], strict=False):
                    persona.voice, persona.rate = voice, rate
                self.save_choices()
            return
        field = FIELDS.get(event.select.id or "")
        if field is None or getattr(getattr(s, field[0]), field[1]) == value:
            return  # a select announcing the value it was given: nothing to remember
        match event.select.id:
            case "kind":
                s.round.kind = value  # type: ignore[assignment]
                self._update_length()
            case "minutes":
                s.round.minutes = value  # type: ignore[assignment]
            case "mode":
                s.round.mode = value  # type: ignore[assignment]
            case "speak":
                s.panel.speak = bool(value)
                self.query_one("#voices", Select).disabled = not s.panel.speak
            case "model":
                s.speech.model = str(value)
            case "device":
                s.audio.input_device = value  # type: ignore[assignment]
        self._show_detail()
        self.save_choices()

    @on(OptionList.OptionHighlighted, "#scenario-list")
    def _highlighted(self) -> None:
        self._show_detail()

    @on(OptionList.OptionSelected, "#scenario-list")
    def _selected(self) -> None:
        self.action_start()

    def _update_length(self) -> None:
        self.query_one("#minutes", Select).disabled = self.app.services.settings.round.kind in ("drill", "whatif")
        self._show_detail()

    def _show_detail(self) -> None:
        sc = self.selected
        detail = self.query_one("#scenario-detail", Static)
        if sc is None:
            detail.update(Text("No scenarios found: add .toml files to the scenarios folder.",
                               style="italic"))
            return
        r = self.app.services.settings.round
        if r.kind == "whatif":
            drill = whatifs(sc)
            detail.update(Text.assemble(
                (f"a what-if drill: {len(drill)} what-ifs, 90 seconds each, each answer judged\n\n", "dim"),
                ("\n".join(f"{i}. {q}" for i, q in enumerate(drill, 1)), ""),
            ))
            return
        if r.kind == "drill":
            length = f"a {sc.window_s / 60:g}-minute opening drill"
        else:
            length = f"{(r.minutes or sc.round_minutes):g} minutes"
        detail.update(Text.assemble(
            (f"{length}, signal window {sc.window_s / 60:g} min, "
             f"up to {r.max_followups} follow-ups\n\n", "dim"),
            (sc.prompt, ""),
        ))

    @property
    def selected(self) -> Scenario | None:
        options = self.query_one("#scenario-list", OptionList)
        if options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return self.app.services.library.scenarios.get(option_id or "")

    # ----- actions --------------------------------------------------------------------------

    def action_start(self) -> None:
        sc = self.selected
        if sc is None:
            self.notify("Pick a scenario first.", severity="warning")
            return
        self.app.start_round(sc)

    def action_history(self) -> None:
        self.app.open_history()

    def action_details(self) -> None:
        from voice_sim.ui.screens.dialogs import ChecksScreen

        self.app.push_screen(ChecksScreen(self.checks))

    def action_check(self) -> None:
        self.query_one("#checks", Static).update(Text("Checking again…"))
        self.run_checks()
        self.find_choices()


def checks_text(checks: list[Check]) -> Text:
    """A tick per check, then one line per failed check saying what to do (d shows the detail)."""
    if not checks:
        return Text("No checks ran.", style="dim")
    line = Text()
    for c in checks:
        line.append("✓ " if c.ok else "✗ ", style="green" if c.ok else "bold red")
        line.append(c.name + "   ", style="" if c.ok else "bold")
    failed = [c for c in checks if not c.ok]
    for c in failed[:MAX_FIX_LINES]:
        line.append(f"\n{c.name}: ", style="bold")
        line.append(c.fix or c.detail or "failed", style="yellow" if c.fix else "")
    if len(failed) > MAX_FIX_LINES:
        line.append(f"\n… {len(failed) - MAX_FIX_LINES} more: press d for details", style="dim")
    elif failed:
        line.append("   d: details", style="dim")
    return line


def voices_of(panel: PanelSettings) -> str:
    """Which of VOICES the panel's first two personas have, or CUSTOM_VOICES."""
    pairs = tuple((p.voice, p.rate) for p in panel.personas[:2])
    return next((key for key, (_, preset) in VOICES.items() if preset == pairs), CUSTOM_VOICES)
