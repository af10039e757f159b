"""What the app needs from the world, gathered in one place so tests can replace any of it.

`Services` holds the settings, the scenario library, the session store, the round factory, the
doctor checks, the microphone list, the model list, the audio player and the speech model. `default_services()`
wires the real ones with lazy imports: nothing here touches hardware or loads a model until a
worker calls it. Adapters for modules other people own (voice_sim.doctor, the model catalogue)
live here, so the screens do not care whether those modules exist yet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic_settings import BaseSettings, PydanticBaseSettingsSource

from voice_sim import locations
from voice_sim.config import Settings, load_settings, read_settings_file, save_settings
from voice_sim.core.library import load_library
from voice_sim.core.ports import Transcriber
from voice_sim.core.scenario import LoadResult
from voice_sim.ui.playback import Player, SoundDevicePlayer
from voice_sim.ui.rounds import Progress, RoundFactory, default_round_factory, shared_transcriber

FALLBACK_MODELS = ("tiny.en", "base.en", "small.en")


@dataclass(frozen=True)
class Check:
    """One line of the doctor's status: microphone, speech engine, model."""

    name: str
    ok: bool
    detail: str = ""
    fix: str = ""


@dataclass
class Services:
    settings: Settings
    library: LoadResult
    store: Any  # core.sessions.SessionStore (or anything with its reading and export methods)
    round_factory: RoundFactory
    checks: Callable[[Settings], list[Check]]
    input_devices: Callable[[], list[str]]
    models: Callable[[Settings], list[tuple[str, str]]]
    player: Player
    remember: Callable[[Settings], None]
    transcriber: Callable[[Settings, Progress | None], Transcriber] = shared_transcriber
    """The loaded speech model, for what a crashed round left untranscribed (ui/rounds.py)."""
    export_dir: Path = field(default_factory=Path.cwd)


def run_doctor(settings: Settings) -> list[Check]:
    """The doctor's checks (voice_sim/doctor.py), normalized; one 'unknown' line if it is absent."""
    try:
        from voice_sim.doctor import run_checks
    except ImportError:
        return [Check("checks", False, "the doctor is not part of this build",
                      "run `voice-sim --help` to see what is installed")]
    out = []
    for c in run_checks(settings):
        out.append(Check(
            name=str(getattr(c, "name", "check")), ok=bool(getattr(c, "ok", False)),
            detail=str(getattr(c, "detail", "") or ""), fix=str(getattr(c, "fix", "") or ""),
        ))
    return out


def list_input_devices() -> list[str]:
    """Names of the microphones PortAudio sees; [] when it cannot be asked."""
    try:
        from voice_sim.audio.devices import input_devices

        devices = input_devices()
    except Exception:  # noqa: BLE001 - no PortAudio, no sound server: the default is still offered
        return []
    return list(dict.fromkeys(d.name for d in devices))


def list_models(settings: Settings) -> list[tuple[str, str]]:
    """(label, name) for each catalogue model, saying which are not on disk yet."""
    try:
        from voice_sim.speech.catalogue import list_models as rows

        found = [(r.name if r.installed else f"{r.name} (not downloaded)", r.name) for r in rows()]
    except Exception:  # noqa: BLE001 - a broken catalogue must not keep the app from opening
        found = [(name, name) for name in FALLBACK_MODELS]
    if settings.speech.model not in [name for _, name in found]:
        found.insert(0, (settings.speech.model, settings.speech.model))
    return found


class _FileSettings(Settings):
    """The settings file alone: the environment's overrides must not be written back to it."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)


REMEMBERED = (
    ("round", "kind"), ("round", "minutes"), ("round", "mode"),
    ("panel", "speak"), ("panel", "personas"), ("speech", "model"), ("audio", "input_device"),
)


def remember_choices(settings: Settings) -> None:
    """Write the Home screen's choices into the settings file, leaving everything else as it was.

    Only choices made here are written: one still equal to what the environment and the file give
    is left alone, so a VOICE_SIM_ override stays an override and is not copied into the file.
    """
    path = locations.config_file()
    given = load_settings()
    file_settings = _FileSettings(**read_settings_file(path))
    for section, name in REMEMBERED:
        value = getattr(getattr(settings, section), name)
        if value != getattr(getattr(given, section), name):
            setattr(getattr(file_settings, section), name, value)
    save_settings(file_settings, path)


def default_services(
    settings: Settings | None = None, scenario_dirs: Sequence[Path] = (), **overrides: Any
) -> Services:
    settings = settings if settings is not None else load_settings()
    store = overrides.pop("store", None)
    if store is None:
        from voice_sim.core.sessions import SessionStore

        store = SessionStore.open()
    services = Services(
        settings=settings,
        library=overrides.pop("library", None) or load_library(settings, scenario_dirs),
        store=store,
        round_factory=overrides.pop("round_factory", None) or default_round_factory,
        checks=overrides.pop("checks", None) or run_doctor,
        input_devices=overrides.pop("input_devices", None) or list_input_devices,
        models=overrides.pop("models", None) or list_models,
        player=overrides.pop("player", None) or SoundDevicePlayer(),
        remember=overrides.pop("remember", None) or remember_choices,
    )
    for key, value in overrides.items():
        if value is not None:
            setattr(services, key, value)
    return services
