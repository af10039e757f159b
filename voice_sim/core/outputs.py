"""Writing where the user said (`-o PATH`, the app's exports) without replacing what is not ours.

An atomic replace (a temp file renamed over PATH) keeps a regular file whole if the write fails,
but renamed over a symlink it replaces the link, and over /dev/stdout, a FIFO or a device it
swaps the node for a regular file (as root, `-o /dev/full` did). So the kind of thing at PATH
decides: a new path or a regular file is replaced atomically and kept private (0600, as the
recordings are); a symlink is followed to its target, which is judged the same way; a character
device, a FIFO or `-` is written to as a stream and stays what it was; anything else (a folder, a
socket, a block device) is refused with one line. It must never create or replace a device.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from voice_sim.core.storage import write_atomic

STDOUT = "-"


class OutputError(ValueError):
    """PATH is not something we may write to; the message says what it is and what to give."""


@dataclass(frozen=True)
class Destination:
    """Where to write: `path` is the file to replace, or the stream to write into."""

    path: Path
    stream: bool

    def write(self, text: str) -> None:
        """Replace the file atomically, or write the text into the stream (OSError passes up)."""
        if not self.stream:
            write_atomic(self.path, text)
        elif str(self.path) == STDOUT:
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            # No O_CREAT, no O_TRUNC: a stream that vanished since is an error, never a new file.
            fd = os.open(self.path, os.O_WRONLY)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)


def destination(path: Path | str) -> Destination:
    """What writing to `path` means, decided before any work is done; OutputError if refused."""
    if str(path) == STDOUT:
        return Destination(Path(STDOUT), stream=True)
    path = Path(path).expanduser()
    try:
        mode = os.stat(path).st_mode  # follows links, /dev/stdout's to /proc/self/fd/1 too
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OutputError(f"cannot look at it ({exc.strerror or exc})") from None
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        return Destination(path, stream=True)
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputError(f"is {_kind(mode)}, not a file; give a file name, a FIFO, a device or -")
    # A new path or a regular file: the link's target (a dangling link's too) is what we replace.
    target = Path(os.path.realpath(path))
    if not target.parent.is_dir():
        raise OutputError(f"folder {target.parent} does not exist")
    return Destination(target, stream=False)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"
