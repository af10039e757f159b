"""Smoke test: the real `voice-sim` app in a real terminal (tmux), driven by keys, read back with
capture-pane. Starts from one saved round so History and the report have something to show."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ui.conftest import Kit

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
ROOT = Path(__file__).resolve().parents[2]


class Tmux:
    """One tmux server of our own (-L), so the test never touches anyone else's sessions."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              check=check, timeout=10)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "app", check=False).stdout

    def wait_for(self, text: str, timeout: float = 60.0) -> str:  # a loaded CI machine is slow
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if text in shown:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} did not appear within {timeout:.0f} s; screen:\n{shown}")
            time.sleep(0.1)

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "app", *keys)

    def alive(self) -> bool:
        return self.run("has-session", "-t", "app", check=False).returncode == 0


@pytest.fixture
def tmux(isolated_dirs: dict[str, Path], tmp_path: Path) -> Iterator[Tmux]:
    t = Tmux(f"voice-sim-smoke-{os.getpid()}")
    env = {k: v for k, v in os.environ.items() if not k.startswith("VOICE_SIM_")}
    env.update({f"VOICE_SIM_{n.upper()}_DIR": str(p) for n, p in isolated_dirs.items()})
    env.update(VOICE_SIM_PANEL__SPEAK="false", TERM="xterm-256color", TZ="UTC")
    command = " ".join([
        "env", *[f"{k}='{v}'" for k, v in env.items() if k.startswith(("VOICE_SIM_", "TZ"))],
        sys.executable, "-m", "voice_sim",
    ])
    t.run("-f", "/dev/null", "new-session", "-d", "-s", "app", "-x", "100", "-y", "30",
          "-c", str(tmp_path), command)
    try:
        yield t
    finally:
        t.run("kill-server", check=False)


def test_the_real_app_opens_shows_history_and_a_report_and_quits(kit: Kit, tmux: Tmux) -> None:
    kit.record_round()
    tmux.wait_for("Scenarios (")
    tmux.wait_for("portaudio")  # the doctor's checks came back
    tmux.wait_for("Start round")

    tmux.keys("h")
    tmux.wait_for("1 past round")
    tmux.wait_for("Live auction bidding")

    tmux.keys("Enter")
    tmux.wait_for("Impact awareness")
    tmux.wait_for("Transcript")
    tmux.keys("4")
    tmux.wait_for("You:")

    tmux.keys("Escape")
    tmux.wait_for("1 past round")
    tmux.keys("Escape")
    tmux.wait_for("Scenarios (")

    tmux.keys("q")
    deadline = time.monotonic() + 10
    while tmux.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not tmux.alive(), "the app did not quit on q"
