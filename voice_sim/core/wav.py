"""The WAV header, read and repaired without decoding a sample.

Why this module exists: two kinds of broken WAV reach the program. A recorder killed mid-answer
leaves a header whose sizes say 0, 'unknown', or lag a block behind the samples on disk; the
session store repairs those when it recovers a round (`repair_wav`). A copy cut off leaves a header
that promises more than the file holds, which FFmpeg would quietly shorten; the audio reader
refuses those with one line (audio/reader.py). Both read the header with `read_header`, the one
RIFF parser in the program. After a crash, the end of an answer that was never transcribed is
copied out into a file of its own (`cut_wav`) for the transcriber.

Pure Python (struct only) so the core can use it: it must not import numpy or an audio library,
and it never changes a sample of a recording, only the two size fields.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

UNKNOWN_SIZES = (0, 0xFFFFFFFF)  # what a streaming writer puts in a size it does not know yet
_MAX = 0xFFFFFFFF


@dataclass(frozen=True)
class WavHeader:
    """What a WAV file's header says, next to what the file holds."""

    channels: int
    samplerate: int
    block_align: int  # bytes per frame (one sample of every channel)
    byte_rate: int
    data_offset: int  # where the samples start
    declared_bytes: int  # the data chunk's size field
    file_bytes: int

    @property
    def size_known(self) -> bool:
        return self.declared_bytes not in UNKNOWN_SIZES

    @property
    def bytes_on_disk(self) -> int:
        """Bytes after the data chunk's header (a partial last frame included)."""
        return max(self.file_bytes - self.data_offset, 0)

    @property
    def frames_on_disk(self) -> int:
        return self.bytes_on_disk // self.block_align

    def seconds(self, frames: int) -> float:
        return frames / self.samplerate


def read_header(path: Path) -> WavHeader | None:
    """The header of a RIFF/WAVE file, or None if `path` is not one (or its format chunk is
    missing or says nothing usable). Raises OSError if the file cannot be read."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        head = f.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            return None
        fmt = b""
        pos = 12
        while pos + 8 <= size:
            f.seek(pos)
            cid, clen = struct.unpack("<4sI", f.read(8))
            if cid == b"fmt ":
                fmt = f.read(min(clen, 16))
            elif cid == b"data":
                if len(fmt) < 16:
                    return None
                channels, rate, byte_rate, align = struct.unpack("<HIIH", fmt[2:14])
                if not (channels and rate and align):
                    return None
                return WavHeader(channels, rate, align, byte_rate, pos + 8, clen, size)
            pos += 8 + clen + (clen & 1)
    return None


def _chunk_follows(path: Path, header: WavHeader) -> bool:
    """Does a whole chunk start right after the declared data? Then the file was finished and
    carries metadata after its samples (a LIST chunk, say), which must not be read as audio."""
    pos = header.data_offset + header.declared_bytes + (header.declared_bytes & 1)
    if pos + 8 > header.file_bytes:
        return False
    with open(path, "rb") as f:
        f.seek(pos)
        cid, clen = struct.unpack("<4sI", f.read(8))
    return all(32 <= c < 127 for c in cid) and pos + 8 + clen <= header.file_bytes


def repair_wav(path: Path) -> float | None:
    """Make a WAV's header sizes match the whole frames on disk, in place; return its seconds.

    One behaviour for every header a writer left behind: sizes of 0 or 'unknown', sizes that lag
    behind the last blocks written, and sizes that promise more than the file holds all become
    the size of the whole frames on disk (a partial last frame is left out; no sample is touched).
    A finished file is left as it is. Returns None, and touches nothing, for a missing file or one
    that is not a WAV.
    """
    try:
        header = read_header(path)
        if header is None:
            return None
        actual = header.frames_on_disk * header.block_align
        if actual == header.declared_bytes:
            return header.seconds(header.frames_on_disk)
        if header.size_known and actual > header.declared_bytes and _chunk_follows(path, header):
            return header.seconds(header.declared_bytes // header.block_align)
        with open(path, "r+b") as f:
            f.seek(header.data_offset - 4)
            f.write(struct.pack("<I", min(actual, _MAX)))
            f.seek(4)
            f.write(struct.pack("<I", min(header.data_offset - 8 + actual, _MAX)))
            f.flush()
            os.fsync(f.fileno())
        return header.seconds(header.frames_on_disk)
    except (OSError, struct.error):
        return None


def cut_wav(path: Path, start_s: float, out: Path) -> float | None:
    """Copy the frames of `path` from `start_s` to its end into a new WAV at `out`, every chunk
    before the samples (format, metadata) as it is. Returns where the copy begins in `path`, in
    seconds (on a whole frame), or None for a file that is not a WAV or has no frames after
    `start_s`. `path` is only read. Used to transcribe the part of an answer no one heard yet."""
    header = read_header(path)
    if header is None:
        return None
    frames = header.frames_on_disk
    if header.size_known:
        frames = min(frames, header.declared_bytes // header.block_align)
    first = min(max(int(start_s * header.samplerate), 0), frames)
    size = (frames - first) * header.block_align
    if size == 0:
        return None
    with open(path, "rb") as src, open(out, "wb") as dst:
        head = bytearray(src.read(header.data_offset - 8))
        pad = size & 1  # a chunk of odd size is followed by one pad byte
        head[4:8] = struct.pack("<I", min(len(head) + size + pad, _MAX))  # all after these 8 bytes
        dst.write(head + b"data" + struct.pack("<I", min(size, _MAX)))
        src.seek(header.data_offset + first * header.block_align)
        left = size
        while left:
            block = src.read(min(left, 1 << 20))
            if not block:
                break
            dst.write(block)
            left -= len(block)
        dst.write(b"\0" * pad)
    return header.seconds(first)
