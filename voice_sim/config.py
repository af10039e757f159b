"""Settings: nested pydantic models, an optional TOML file, VOICE_SIM_ environment overrides.

Precedence: command-line flags > environment (VOICE_SIM_SECTION__FIELD, e.g.
VOICE_SIM_ROUND__MODE=exam) > the settings file (locations.config_file()) > defaults.
`Settings()` applies all of them; the file is a settings source ranked below the environment, so
what the app writes to it (Home's choices) never outranks an environment override. Every bad
value is one line naming the file or variable, the field and the fix; an unknown key is a warning
naming the nearest valid one (a typo must not be ignored in silence). The file and its folder are
private (0600 / 0700), like the recordings.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
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
from voice_sim.core.safe_read import FileTooLarge, NotARegularFile, read_regular_file
from voice_sim.core.storage import private_dir, write_atomic
from voice_sim.errors import UserError

ENV_PREFIX = "VOICE_SIM_"
# What a list- or table-valued variable looks like, for the line that says a value is not JSON.
ENV_EXAMPLES = {
    "scenarios.extra_dirs": '\'["~/my-scenarios"]\'',
    "panel.personas": '\'[{"name": "Hiring manager", "voice": "en-us", "rate": 165}]\'',
    "coaching.pace_band": "'[130, 170]'",
}


class ScenarioSettings(BaseModel):
    extra_dirs: list[Path] = Field(default_factory=list, description="More scenario folders to load.")


class SpeechSettings(BaseModel):
    model: str = Field("tiny.en", description="Catalogue name or path of a CTranslate2 Whisper model.")
    device: Literal["cpu", "cuda", "auto"] = Field("cpu", description="Where the model runs.")
    compute_type: str = Field("int8", description="CTranslate2 compute type (int8 on CPU).")
    keep_fillers: bool = Field(True, description="Prompt Whisper to keep 'um', 'uh' in the text.")


class AudioSettings(BaseModel):
    input_device: str | int | None = Field(None, description="Microphone name or index; None = default.")
    samplerate: int = Field(16000, ge=8000, le=192000, description="Capture rate in Hz (Whisper wants 16 kHz).")
    blocksize: int = Field(1600, ge=16, le=192000, description="Samples per capture block (1600 = 100 ms).")
    silence_notice_s: float = Field(20, gt=0, le=3600,
                                    description="Say 'you have been silent for N s' after this.")
    auto_stop_silence_s: float | None = Field(None, gt=0, le=3600,
                                              description="End an answer after this much silence; None = never.")
    stop_tail_s: float = Field(
        0.3, ge=0, le=2,
        description="Keep recording this long after an answer is stopped: the last word may still be "
        "on its way from the audio server.",
    )


class Persona(BaseModel):
    name: str = Field(description="Shown before each line the persona speaks.")
    voice: str | None = Field(None, description="pyttsx3 voice id or name fragment; None = default.")
    rate: int = Field(165, ge=40, le=600, description="Speaking rate in words per minute.")


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
    minutes: float | None = Field(None, gt=0, le=180, allow_inf_nan=False,
                                  description="Round length in minutes, up to 180; None = the scenario's.")
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


SETTINGS_LIMIT = 2**20


def read_settings_file(path: Path) -> dict:
    """The settings file's tables as a dict ({} without a file); a one-line UserError if broken."""
    try:
        return tomllib.loads(read_regular_file(path, SETTINGS_LIMIT).decode("utf-8"))
    except FileNotFoundError:
        return {}
    except (IsADirectoryError, NotARegularFile) as exc:
        what = "is a folder" if isinstance(exc, IsADirectoryError) or "directory" in str(exc) else str(exc)
        raise UserError(f"settings file {path} {what}; move it away (the settings file is "
                        "one TOML file, made when you change a setting on Home)") from None
    except FileTooLarge:
        raise UserError(f"settings file {path} is over 1 MiB, too large for settings; fix or delete it") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"settings file {path} is not valid TOML ({exc}); fix or delete it") from None
    except RecursionError:
        raise UserError(f"settings file {path} is nested too deeply to be settings; fix or delete it") from None
    except OSError as exc:
        raise UserError(f"settings file {path} cannot be read ({exc.strerror or exc})") from None


def load_settings() -> Settings:
    """The settings: environment over the settings file over defaults; one line when invalid.
    Unknown keys in the file or the environment are warned about on stderr, once a process."""
    try:
        settings = Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        path = locations.config_file()
        raise UserError(f"settings: '{field}': {first['msg']} (in {path} or VOICE_SIM_ env)") from None
    except SettingsError as exc:  # an environment value that is not valid JSON for a list or table
        raise UserError(_env_error(exc)) from None
    for line in unknown_settings():
        if line not in _warned:
            _warned.add(line)
            print(f"voice-sim: warning: {line}", file=sys.stderr)
    return settings


_warned: set[str] = set()


def _env_error(exc: SettingsError) -> str:
    """Which variable holds a value that is not JSON, for which field, and what one looks like."""
    for name, value in sorted(os.environ.items()):
        key = name.upper()
        if not key.startswith(ENV_PREFIX) or "__" not in key:
            continue
        field = key[len(ENV_PREFIX):].lower().replace("__", ".")
        if _is_complex(field):
            try:
                json.loads(value)
            except ValueError:
                example = ENV_EXAMPLES.get(field, "a JSON list or table")
                return (f"settings: {name}={value[:40]!r} is not JSON, which {field} needs; "
                        f"e.g. {name}={example}")
    return f"settings: {exc} (VOICE_SIM_ env)"


def _is_complex(field: str) -> bool:
    section, _, name = field.partition(".")
    model = Settings.model_fields.get(section)
    if model is None or not isinstance(model.annotation, type) or not issubclass(model.annotation, BaseModel):
        return False
    if not name:
        return True
    inner = model.annotation.model_fields.get(name)
    return inner is not None and str(inner.annotation).startswith(("list", "tuple", "dict"))


def unknown_settings() -> list[str]:
    """One line per key in the settings file or a VOICE_SIM_ variable that no setting has, with
    the nearest valid one: pydantic ignores them, so a typo would otherwise change nothing, silently."""
    path = locations.config_file()
    try:
        data = read_settings_file(path)
    except UserError:
        return []  # said by load_settings already
    lines = [f"{path}: unknown setting '{key}'{_did_you_mean(near)}" for key, near in _unknown(data, Settings)]
    known = set(_env_names(Settings))
    for name in sorted(os.environ):
        key = name.upper()
        if key.startswith(ENV_PREFIX) and "__" in key and key not in known:
            near = difflib.get_close_matches(key, known, n=1)
            lines.append(f"unknown variable {name}{_did_you_mean(near[0] if near else None)}")
    return lines


def _did_you_mean(near: str | None) -> str:
    return f"; did you mean '{near}'?" if near else "; it is ignored"


def _unknown(data: dict, model: type[BaseModel], prefix: str = "") -> list[tuple[str, str | None]]:
    found: list[tuple[str, str | None]] = []
    fields = model.model_fields
    for key, value in data.items():
        if key not in fields:
            near = difflib.get_close_matches(key, list(fields), n=1)
            found.append((prefix + key, prefix + near[0] if near else None))
            continue
        inner = _model_of(fields[key].annotation)
        items = value if isinstance(value, list) else [value]
        for item in items:
            if inner is not None and isinstance(item, dict):
                for hit in _unknown(item, inner, f"{prefix}{key}."):
                    if hit not in found:
                        found.append(hit)
    return found


def _model_of(annotation: object) -> type[BaseModel] | None:
    """The model a field holds, itself or in a list: where the key check goes on down."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def _env_names(model: type[BaseModel]) -> list[str]:
    return [f"{ENV_PREFIX}{section.upper()}__{name.upper()}"
            for section, field in model.model_fields.items()
            if (inner := _model_of(field.annotation)) is not None
            for name in inner.model_fields] + [f"{ENV_PREFIX}{s.upper()}" for s in model.model_fields]


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings file (used by the app to remember choices): atomic, and private (0600
    in a 0700 folder) whatever the umask."""
    path = path or locations.config_file()
    private_dir(path.parent)
    data = settings.model_dump(mode="json", exclude_none=True)
    write_atomic(path, _to_toml(data))


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
