"""Shared test fixtures. Keep this small: fixtures that only one test module needs live there."""

from __future__ import annotations

import subprocess
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


@pytest.fixture(scope="session")
def pulse_server():
    """A private PulseAudio server with null sinks `panel` (default sink) and `candidate` (its
    monitor is the default source), for tests marked `audio`. Skips, with the reason, when it
    cannot start. See tests/audiokit.py and docs/audio-testing.md."""
    from audiokit import PulseServer, PulseUnavailable

    server = PulseServer()
    try:
        server.start()
    except (PulseUnavailable, OSError, subprocess.SubprocessError) as exc:
        server.stop()
        pytest.skip(f"no PulseAudio server for the audio tests: {exc}")
    yield server
    server.stop()
