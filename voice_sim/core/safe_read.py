"""Read a small file the user named, refusing anything that is not a regular file.

A path typed on the command line or found in a scenario folder may be a named pipe (reading it
waits for a writer forever), a device (/dev/zero never ends) or a folder. Checking the path first
and opening it after leaves a gap in which it can change, so the file is opened without blocking
(a FIFO opens at once then) and the open descriptor is what gets checked and read. Reading stops
one byte past the limit, so a file that grows while it is read still cannot fill the memory.
This module only reads bytes; what they mean is for the caller (core/transcripts.py,
core/scenario.py).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # not on Windows, where a FIFO cannot be named this way


class NotARegularFile(OSError):
    """The path exists but is a folder, pipe, device or socket; str() says which."""


class FileTooLarge(OSError):
    """The file holds more than the caller's limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"larger than {limit // 2**20 or 1} MiB")
        self.limit = limit


def kind_of(mode: int) -> str:
    return next((name for test, name in KINDS if test(mode)), "not a regular file")


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path` (a symlink is followed), at most `limit` of them.

    Raises FileNotFoundError, PermissionError and the like as the OS reports them, NotARegularFile
    for a folder, pipe, device or socket, FileTooLarge past `limit`.
    """
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(f"is {kind_of(mode)}, not a regular file")
        if _NONBLOCK:
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileTooLarge(limit)
        return b"".join(chunks)
    finally:
        os.close(fd)
