"""Every file location voice-sim uses, and nothing else.

Tests and users redirect them with environment variables (never by writing into the real home):
VOICE_SIM_DATA_DIR (sessions, recordings), VOICE_SIM_CONFIG_DIR (settings file),
VOICE_SIM_MODELS_DIR (downloaded models).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

PROJECT_ROOT = Path(__file__).resolve().parents[1]
APP = "voice-sim"


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else default


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
    return PROJECT_ROOT / "scenarios"


def user_scenarios_dir() -> Path:
    return config_dir() / "scenarios"


def models_dir() -> Path:
    """Where downloaded or converted models live (git-ignored `models/` in a checkout)."""
    return _env_path("VOICE_SIM_MODELS_DIR", PROJECT_ROOT / "models")


def model_catalogue() -> Path:
    return PROJECT_ROOT / "models" / "catalogue.toml"
