"""A full disk: how much room there is where rounds are saved, and whether an error means the disk
filled up, so the program says so in one line instead of a traceback.

A round records about 32 KB of audio a second (16 kHz, 16-bit, mono), so a disk can fill during
one. Here:

    free_bytes(path)        room on the filesystem that holds `path` (or its nearest existing parent)
    is_full(exc, path)      was this failed write or SQLite call the disk filling up?
    DiskFull                the one-line error, a UserError (exit code 2 on the command line)
    room_for_round(...)     before a round: refuse when there is too little room to be worth
                            starting, warn when the round could outgrow the room there is

ENOSPC and EDQUOT say "full" plainly, and so does SQLite's SQLITE_FULL. Some writers name no cause:
libsndfile says "System error.", and SQLite says "disk I/O error" when it cannot grow its shared
memory file; those count as a full disk when less than NEARLY_FULL is left where they wrote.
Nothing here deletes or frees anything: what to remove is the user's call.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from voice_sim.errors import UserError

FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
NEARLY_FULL = 1024**2  # an unexplained write error with less than this left is the disk filling
MIN_ROUND_S = 600  # refuse a round when not even ten minutes of answers would fit
MARGIN = 1024**2  # the session files and the index, over and above the audio
FIX = "free some space, or set VOICE_SIM_DATA_DIR to a folder on a larger disk"


class DiskFull(UserError):
    """The disk filled up (or is too full to start); the message says where what was saved is."""


def free_bytes(path: Path) -> int | None:
    """Bytes an ordinary user may still write where `path` is (or would be); None if unknown."""
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free
    except OSError:
        return None


def is_full(exc: BaseException, path: Path) -> bool:
    """Was `exc`, met while writing at `path`, the disk filling up?"""
    code = getattr(exc, "errno", None)
    if isinstance(code, int) and code:
        return code in FULL_ERRNOS
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str):
        if name == "SQLITE_FULL":
            return True
        if not name.startswith("SQLITE_IOERR"):
            return False
    free = free_bytes(path)
    return free is not None and free < NEARLY_FULL


def megabytes(n: int) -> str:
    return f"{n / 1024**2:.0f} MB" if n >= 10 * 1024**2 else f"{n / 1024**2:.1f} MB"


def round_stopped(folder: Path, audio: Path | None) -> DiskFull:
    """The line for a round the disk filled up under: where what it recorded is kept."""
    kept = f"what was recorded is kept in {folder}"
    if audio is not None:
        kept += f", the last answer in {audio}"
    return DiskFull(f"the disk is full: the round stopped and {kept}; free some space, then "
                    "`voice-sim sessions list` shows it")


def room_for_round(folder: Path, round_s: float, bytes_per_s: int) -> str | None:
    """Check the room for a round of `round_s` seconds recording `bytes_per_s` into `folder`.

    Raises DiskFull when not even MIN_ROUND_S of answers would fit; returns a warning line when
    the whole round would not (it can still go well: nobody talks for the whole round); None
    when there is room, or when the free space cannot be read (the doctor reports that).
    """
    free = free_bytes(folder)
    if free is None:
        return None
    least = MIN_ROUND_S * bytes_per_s + MARGIN
    if free < least:
        raise DiskFull(f"the disk is full: {megabytes(free)} free for {folder}, and a round needs "
                       f"at least {megabytes(least)} (ten minutes of answers); {FIX}")
    need = int(round_s * bytes_per_s) + MARGIN
    if free < need:
        return (f"only {megabytes(free)} free for {folder}: this {round_s / 60:.0f}-minute round "
                f"can record up to {megabytes(need)}, so the recording may stop early")
    return None
