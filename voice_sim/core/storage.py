"""Private, crash-safe files for saved rounds: atomic writes, 0600/0700 permissions, and whether
the process that owns a recording is still alive.

Recordings of someone's voice are private, so every file is created 0600 and every folder 0700
whatever the umask. A round must survive the process being killed at any moment: files are
replaced atomically (write a temp file, fsync, rename, fsync the folder); a WAV a killed recorder
left with a provisional header is repaired by core/wav.py. Nothing here knows what a session is.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: Path) -> Path:
    """Create `path` (and parents) and make it 0700 whatever the umask."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    os.chmod(path, DIR_MODE)
    return path


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write, fsync, rename: a reader sees the old file or the new one, never half of one."""
    raw = memoryview(data.encode("utf-8") if isinstance(data, str) else data)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        # Straight to the descriptor, no buffered file: on a full disk a buffered file fails in
        # flush() and again in close(), and the error arrives twice, chained.
        try:
            while raw:
                raw = raw[os.write(fd, raw):]
            os.fsync(fd)
            os.fchmod(fd, FILE_MODE)  # O_CREAT's mode does not apply to a leftover temp file
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _proc_stat(pid: int) -> list[str]:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode(errors="replace")
    except OSError:
        return []
    return stat.rsplit(")", 1)[-1].split()  # the command name may contain spaces and ')'


def process_started(pid: int) -> str | None:
    """The process's start time (Linux /proc), so a reused pid is not taken for the owner."""
    fields = _proc_stat(pid)
    return fields[19] if len(fields) > 19 else None


def owner_alive(pid: int | None, started: str | None) -> bool:
    """Is the process that wrote `started` for `pid` still running (not a zombie)?"""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    fields = _proc_stat(pid)
    if fields and fields[0] in ("Z", "X"):
        return False
    now_started = fields[19] if len(fields) > 19 else None
    return not (started and now_started and started != now_started)
