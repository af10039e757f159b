"""Waiting on, and killing, a child process the test started (a round that writes audio and
session files while it runs)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable


def wait_for(predicate: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)  # polling files another process writes: there is no message to wait on


def sigkill_when(child: subprocess.Popen, *conditions: Callable[[], bool], timeout: float = 60.0) -> None:
    """Wait until every condition holds, then SIGKILL the child; never leave it running."""
    try:
        for condition in conditions:
            wait_for(condition, timeout)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
