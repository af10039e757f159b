"""A real small filesystem for the full-disk tests: a tmpfs of a few MB that the tests fill up.

Mounting needs privilege, so the tmpfs lives in a mount namespace of its own, made by `unshare`:
`unshare -m` as root, `unshare -Urm` (a user namespace, where we are root) otherwise. A holder
process keeps the namespace for as long as the test needs it; when it ends (the test closes its
stdin, or the test process dies) the namespace and the mount go with it, so nothing is ever left
mounted. Where neither works (no root and no user namespaces, as in some containers and CI
runners), `SmallDisk` raises Unmountable with the reason, and the tests skip with it.

Two ways in: the commands under test run inside the namespace (`run`, `popen`: nsenter), where
the disk is at `inner`, the mountpoint; the test itself reads and fills it from outside, through
the holder's root: `outside(inner path)`, `/proc/PID/root/...`. SQLite cannot take the outside
way (it resolves symlinks in a path itself, and /proc/PID/root reads as `/`), which is why
everything that opens the session index runs inside.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

MOUNT = 'mount -t tmpfs -o size="$1" voice-sim-test "$2" && echo mounted && exec cat'


class Unmountable(Exception):
    """No small filesystem can be mounted here; the message says why."""


class SmallDisk:
    """A tmpfs of `size_kb` KB mounted at `inner` (an empty folder) in a namespace of its own."""

    def __init__(self, inner: Path, size_kb: int) -> None:
        for tool in ("unshare", "nsenter"):
            if shutil.which(tool) is None:
                raise Unmountable(f"{tool} (util-linux) is not installed")
        inner.mkdir(parents=True, exist_ok=True)
        root = os.geteuid() == 0
        how = ["unshare", "-m"] if root else ["unshare", "-Urm"]
        self._holder = subprocess.Popen(
            [*how, "sh", "-c", MOUNT, "sh", f"{size_kb}k", str(inner)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        assert self._holder.stdout is not None
        if self._holder.stdout.readline().strip() != "mounted":
            _, err = self._holder.communicate(timeout=10)
            raise Unmountable(f"`{' '.join(how)}` cannot mount a tmpfs here: "
                              f"{err.strip() or 'no reason given'}")
        self.inner = inner
        self.path = self.outside(inner)
        pid = str(self._holder.pid)
        self.enter = (["nsenter", "-t", pid, "-m"] if root
                      else ["nsenter", "-t", pid, "-U", "-m", "--preserve-credentials"])
        self.enter.append(f"--wd={Path.cwd()}")
        self._filler = self.path / "filler"

    def outside(self, inner: Path | str) -> Path:
        """Where the test process finds a path of the disk (given as the commands see it)."""
        return Path(f"/proc/{self._holder.pid}/root{inner}")

    def run(self, *argv: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        """A command inside the namespace, output captured as text, stdin closed."""
        kwargs.setdefault("timeout", 120)
        return subprocess.run([*self.enter, *argv], capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, **kwargs)

    def popen(self, *argv: str, **kwargs: Any) -> subprocess.Popen[str]:
        return subprocess.Popen([*self.enter, *argv], text=True, **kwargs)

    def voice_sim(self, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        return self.run(sys.executable, "-m", "voice_sim", *args, **kwargs)

    def free(self) -> int:
        return shutil.disk_usage(self.path).free

    def fill(self) -> None:
        """Write zeros until the disk says it is full (ENOSPC), to the last byte."""
        fd = os.open(self._filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        block = bytes(64 * 1024)
        try:
            while True:
                try:
                    os.write(fd, block)
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
                    if len(block) == 1:
                        return
                    block = block[: len(block) // 2]
        finally:
            os.close(fd)

    def unfill(self) -> None:
        self._filler.unlink(missing_ok=True)

    def close(self) -> None:
        if self._holder.poll() is None:
            self._holder.communicate(timeout=10)  # closes stdin: cat ends, and the mount with it
