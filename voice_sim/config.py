"""Settings: nested pydantic models, an optional TOML file, VOICE_SIM_ environment overrides.

Precedence: command-line flags > environment (VOICE_SIM_SECTION__FIELD, e.g.
VOICE_SIM_ROUND__MODE=exam) > the settings file (locations.config_file()) > defaults.
`Settings()` applies all of them; the file is a settings source ranked below the environment, so
what the app writes to it (Home's choices) never outranks an environment override.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError, model_validator
from pydantic_settings import (
    BaseSettings,
    InitSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
)

from voice_sim import locations
from voice_sim.errors import UserError


class ScenarioSettings(BaseModel):
    extra_dirs: list[Path] = Field(default_factory=list, description="More scenario folders to load.")


class SpeechSettings(BaseModel):
    model: str = Field("tiny.en", description="Catalogue name or path of a CTranslate2 Whisper model.")
    device: Literal["cpu", "cuda", "auto"] = Field("cpu", description="Where the model runs.")
    compute_type: str = Field("int8", description="CTranslate2 compute type (int8 on CPU).")
    keep_fillers: bool = Field(True, description="Prompt Whisper to keep 'um', 'uh' in the text.")


class AudioSettings(BaseModel):
    input_device: str | int | None = Field(None, description="Microphone name or index; None = default.")
    samplerate: int = Field(16000, description="Capture rate in Hz (Whisper wants 16 kHz).")
    blocksize: int = Field(1600, description="Samples per capture block (1600 = 100 ms).")
    silence_notice_s: float = Field(20, description="Say 'you have been silent for N s' after this.")
    auto_stop_silence_s: float | None = Field(None, description="End an answer after this much silence; None = never.")
    stop_tail_s: float = Field(
        0.3, ge=0, le=2,
        description="Keep recording this long after an answer is stopped: the last word may still be "
        "on its way from the audio server.",
    )


class Persona(BaseModel):
    name: str = Field(description="Shown before each line the persona speaks.")
    voice: str | None = Field(None, description="pyttsx3 voice id or name fragment; None = default.")
    rate: int = Field(165, description="Speaking rate in words per minute.")


class PanelSettings(BaseModel):
    speak: bool = Field(True, description="Speak the panel's lines aloud (False = text only).")
    volume: float = Field(1.0, ge=0, le=1, description="Speech volume, 0-1.")
    personas: list[Persona] = Field(
        default_factory=lambda: [
            Persona(name="Hiring manager", voice="en-us", rate=165),
            Persona(name="Senior PM", voice="en-gb", rate=175),
        ],
        description="Who sits on the panel; the first opens the round.",
    )


class RoundSettings(BaseModel):
    mode: Literal["coach", "exam"] = Field("coach", description="coach: cues while answering; exam: none.")
    kind: Literal["full", "drill", "whatif"] = Field(
        "full", description="full round, a ten-minute opening drill, or a what-if drill (4-6 what-ifs, 90 s each)."
    )
    minutes: float | None = Field(None, gt=0, description="Round length; None = the scenario's.")
    max_followups: int = Field(3, ge=0, le=10, description="How many follow-up questions at most.")
    pushiness: Literal["gentle", "firm"] = Field("firm", description="firm adds adaptive probes.")


class CoachingSettings(BaseModel):
    pace_band: tuple[float, float] = Field(
        (130.0, 170.0), description="Words a minute a spoken answer should stay within: [low, high]."
    )

    @model_validator(mode="after")
    def _band(self) -> CoachingSettings:
        lo, hi = self.pace_band
        if not 40 <= lo < hi <= 400:
            raise ValueError(f"pace_band must be [low, high] words a minute with 40 <= low < high <= 400, "
                             f"not [{lo:g}, {hi:g}]")
        return self


class Settings(BaseSettings):
    """Everything a user can set. See README 'Settings'."""

    model_config = SettingsConfigDict(env_prefix="VOICE_SIM_", env_nested_delimiter="__", extra="ignore")

    scenarios: ScenarioSettings = Field(default_factory=ScenarioSettings)
    speech: SpeechSettings = Field(default_factory=SpeechSettings)
    audio: AudioSettings = Field(default_factory=AudioSettings)
    panel: PanelSettings = Field(default_factory=PanelSettings)
    round: RoundSettings = Field(default_factory=RoundSettings)
    coaching: CoachingSettings = Field(default_factory=CoachingSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Earlier sources win: arguments, then the environment, then the file, then defaults.
        return (init_settings, env_settings, SettingsFile(settings_cls, locations.config_file()))


class SettingsFile(InitSettingsSource):
    """The settings file as a source of its own, so it can rank below the environment."""

    def __init__(self, settings_cls: type[BaseSettings], path: Path) -> None:
        super().__init__(settings_cls, read_settings_file(path))


def read_settings_file(path: Path) -> dict:
    """The settings file's tables as a dict ({} without a file); a one-line UserError if broken."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"settings file {path} is not valid TOML ({exc}); fix or delete it") from None
    except OSError as exc:
        raise UserError(f"settings file {path} cannot be read ({exc.strerror or exc})") from None


def load_settings() -> Settings:
    """The settings: environment over the settings file over defaults; one line when invalid."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        path = locations.config_file()
        raise UserError(f"settings: '{field}': {first['msg']} (in {path} or VOICE_SIM_ env)") from None
    except SettingsError as exc:  # an environment value that is not valid JSON for a list or table
        raise UserError(f"settings: {exc} (VOICE_SIM_ env)") from None


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings file (used by the app to remember choices)."""
    path = path or locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = settings.model_dump(mode="json", exclude_none=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(_to_toml(data), encoding="utf-8")
    tmp.replace(path)


def _to_toml(data: dict, prefix: str = "") -> str:
    """A small TOML writer for the settings' shape (scalars, lists, tables, arrays of tables)."""
    lines, nested = [], []
    for key, value in data.items():
        if isinstance(value, dict):
            nested.append(f"\n[{prefix}{key}]\n" + _to_toml(value, f"{prefix}{key}."))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for item in value:
                nested.append(f"\n[[{prefix}{key}]]\n" + _to_toml(item, f"{prefix}{key}."))
        else:
            lines.append(f"{key} = {json.dumps(value)}")
    return "\n".join(lines) + "\n" + "".join(nested)
