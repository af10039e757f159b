"""Shared test fixtures. Keep this small: fixtures that only one test module needs live there."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point every voice-sim location at tmp_path, so no test reads or writes the real home."""
    dirs = {name: tmp_path / name for name in ("data", "config", "models")}
    for name, path in dirs.items():
        path.mkdir()
        monkeypatch.setenv(f"VOICE_SIM_{name.upper()}_DIR", str(path))
    return dirs
