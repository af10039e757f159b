"""Keep glibc's allocator from holding on to the speech model's freed working memory.

Why: decoding one 30 s Whisper window allocates and frees buffers from a few MB to tens of MB
(log-mel features, encoder activations, attention scores). glibc hands big requests out with
mmap and gives them back on free, but by default it raises that cut-off to the size of the largest
mapped buffer freed so far (up to 32 MB), and the trim threshold to twice that. So after the first
decode nearly every buffer is carved from a heap instead, and each thread's heap (the
transcriber's, CTranslate2's workers', the main one) keeps up to 64 MB of free memory it never
returns. Live transcription of 6 minutes of speech peaked at 405 MB that way and at 349 MB with
both thresholds pinned at 4 MB (a lower cut-off maps too often and costs speed: 128 KB made
decoding about a third slower). Setting them turns glibc's adjustment off: buffers of 4 MB and
more are mapped and unmapped, smaller ones are reused from the heap as before.

Only on glibc (Linux). Elsewhere, or when the user set MALLOC_MMAP_THRESHOLD_ or
MALLOC_TRIM_THRESHOLD_ (glibc reads them at start-up), nothing is changed. It must not fail: a
libc without mallopt only loses the saving.
"""

from __future__ import annotations

import ctypes
import os
import platform

M_TRIM_THRESHOLD = -1  # glibc's malloc.h
M_MMAP_THRESHOLD = -3
THRESHOLD = 4 * 1024 * 1024
USER_SETTINGS = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_")

_pinned = False


def pin_malloc_thresholds() -> bool:
    """Pin glibc's mmap and trim thresholds at THRESHOLD, once per process. True if they are
    pinned (now or before); False where this does not apply (not glibc, or the user chose)."""
    global _pinned
    if _pinned:
        return True
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    if any(name in os.environ for name in USER_SETTINGS):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    _pinned = bool(mallopt(M_MMAP_THRESHOLD, THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, THRESHOLD))
    return _pinned
