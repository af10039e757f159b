"""Every file location voice-sim uses, and nothing else.

Tests and users redirect them with environment variables (never by writing into the real home):
VOICE_SIM_DATA_DIR (sessions, recordings, downloaded models), VOICE_SIM_CONFIG_DIR (settings
file, your own scenarios), VOICE_SIM_MODELS_DIR (downloaded models alone).

What ships with voice-sim (the top-level `scenarios/` and `models/catalogue.toml`) is read from
the package when it was installed from a wheel (pyproject's force-include puts them in
voice_sim/_bundled/) and from the repository in a checkout or an editable install. Nothing here
writes next to the code: downloads go to the user data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

PROJECT_ROOT = Path(__file__).resolve().parents[1]  # the checkout (meaningless in a wheel install)
PACKAGED = Path(__file__).resolve().with_name("_bundled")  # only in an installed wheel
APP = "voice-sim"


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else default


def shipped_dir() -> Path:
    """The folder holding `scenarios/` and `models/catalogue.toml`: the package's copy when
    installed from a wheel, else the checkout's top level. Real folders either way (pip
    installs wheels unpacked), because scenarios are read by globbing a directory."""
    return PACKAGED if PACKAGED.is_dir() else PROJECT_ROOT


def data_dir() -> Path:
    return _env_path("VOICE_SIM_DATA_DIR", Path(user_data_dir(APP)))


def sessions_dir() -> Path:
    return data_dir() / "sessions"


def sessions_db() -> Path:
    return data_dir() / "sessions.db"


def config_dir() -> Path:
    return _env_path("VOICE_SIM_CONFIG_DIR", Path(user_config_dir(APP)))


def config_file() -> Path:
    return config_dir() / "config.toml"


def bundled_scenarios_dir() -> Path:
    return shipped_dir() / "scenarios"


def user_scenarios_dir() -> Path:
    return config_dir() / "scenarios"


def models_dir() -> Path:
    """Where `models pull` downloads models: the user data folder's `models/`."""
    return _env_path("VOICE_SIM_MODELS_DIR", data_dir() / "models")


def model_dirs() -> list[Path]:
    """Where installed models are looked for: models_dir(), then, in a checkout and unless
    VOICE_SIM_MODELS_DIR is set, the checkout's `models/` folder (pulls went there before they
    moved to the data folder, and converted models may sit there)."""
    dirs = [models_dir()]
    checkout_models = PROJECT_ROOT / "models"
    in_checkout = not PACKAGED.is_dir() and (checkout_models / "catalogue.toml").is_file()
    if in_checkout and not os.environ.get("VOICE_SIM_MODELS_DIR") and checkout_models not in dirs:
        dirs.append(checkout_models)
    return dirs


def model_catalogue() -> Path:
    return shipped_dir() / "models" / "catalogue.toml"
