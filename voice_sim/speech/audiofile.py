"""Read an audio file (WAV, FLAC, MP3, M4A, anything FFmpeg decodes) as 16 kHz mono float32 blocks.

Why not faster_whisper.decode_audio: that returns the whole file at once (a 15-minute answer is
58 MB of samples before any work starts, and a three-hour file much more), cannot report
progress, and says nothing useful about broken files. This reader decodes incrementally and turns
every way a file can be wrong into one UserError line that says what to do.
It must not transcribe or know about Whisper.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

import numpy as np

from voice_sim.core.wav import read_header
from voice_sim.errors import UserError

SAMPLE_RATE = 16_000
MAX_BYTES = 2 * 1024**3  # 2 GiB: far beyond any interview recording
MAX_DURATION_S = 4 * 3600.0  # four hours is not one answer, nor one round
BLOCK_S = 1.0
TRANSCRIPT_SUFFIXES = {".vtt", ".srt", ".json", ".txt"}


@dataclass(frozen=True)
class AudioInfo:
    path: Path
    duration_s: float | None  # what the header says; None when the container does not say


def _fail(path: Path, message: str) -> UserError:
    return UserError(f"{path}: {message}")


def _minutes(seconds: float) -> str:
    return f"{seconds / 3600:.1f} h" if seconds >= 3600 else f"{seconds / 60:.1f} min"


def check_file(path: Path) -> None:
    """Cheap checks before any decoding."""
    if not path.exists():
        raise _fail(path, "no such file")
    if path.is_dir():
        raise _fail(path, "is a directory; give an audio file")
    if path.suffix.lower() in TRANSCRIPT_SUFFIXES:
        raise _fail(path, "is a transcript, not audio; `voice-sim analyze` reads it directly")
    size = path.stat().st_size
    if size == 0:
        raise _fail(path, "file is empty (0 bytes)")
    if size > MAX_BYTES:
        raise _fail(path, f"{size / 1024**3:.1f} GiB is too large (limit 2 GiB); trim or split it")


class AudioReader:
    """`with AudioReader(path) as r:` then iterate `r.blocks()`; `r.info.duration_s` for progress."""

    def __init__(self, path: Path):
        self.path = path
        self._container: Any = None  # av.container.InputContainer once open
        self.info = AudioInfo(path, None)

    def __enter__(self) -> Self:
        check_file(self.path)
        import av

        try:
            self._container = av.open(str(self.path), mode="r", metadata_errors="ignore")
        except (av.error.FFmpegError, UnicodeDecodeError, ValueError) as exc:
            raise _fail(
                self.path, f"not a readable audio file: damaged, cut off, or not audio ({_reason(exc)})"
            ) from None
        except OSError as exc:
            raise _fail(self.path, f"cannot read ({exc.strerror or exc})") from None
        if not self._container.streams.audio:
            self.close()
            raise _fail(self.path, "has no audio track")
        _check_wav_length(self.path)
        duration = _declared_duration(self._container)
        if duration is not None and duration > MAX_DURATION_S:
            self.close()
            raise _fail(
                self.path,
                f"is {_minutes(duration)} long; voice-sim transcribes up to "
                f"{_minutes(MAX_DURATION_S)} (split the file)",
            )
        self.info = AudioInfo(self.path, duration)
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._container is not None:
            self._container.close()
            self._container = None

    def blocks(self) -> Iterator[np.ndarray]:
        """16 kHz mono float32 blocks of about BLOCK_S seconds. Raises UserError for damaged,
        truncated, empty or over-long audio (after yielding what could be read)."""
        import av

        assert self._container is not None, "use AudioReader as a context manager"
        stream = self._container.streams.audio[0]
        resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
        target = int(BLOCK_S * SAMPLE_RATE)
        parts: list[np.ndarray] = []
        have = total = 0
        frames = self._decode(stream)
        while True:
            try:
                frame = next(frames)
            except StopIteration:
                break
            for out in resampler.resample(frame):
                parts.append(out.to_ndarray().reshape(-1))
                have += out.samples
            if have >= target:
                block = np.concatenate(parts)
                parts, have = [], 0
                total += len(block)
                if total > MAX_DURATION_S * SAMPLE_RATE:
                    raise _fail(self.path, f"is longer than {_minutes(MAX_DURATION_S)}; split the file")
                yield block
        for out in resampler.resample(None):
            parts.append(out.to_ndarray().reshape(-1))
        if parts:
            block = np.concatenate(parts)
            total += len(block)
            if len(block):
                yield block
        seconds = total / SAMPLE_RATE
        if total == 0:
            raise _fail(self.path, "holds no audio samples (empty recording)")
        declared = self.info.duration_s
        if declared is not None and seconds < declared * 0.97 - 0.5:
            raise _fail(
                self.path,
                f"is truncated: the header promises {declared:.1f} s but only {seconds:.1f} s "
                "could be read; re-export or re-copy the recording",
            )

    def _decode(self, stream) -> Iterator:  # type: ignore[no-untyped-def]
        import av

        assert self._container is not None
        where = 0.0
        try:
            for packet in self._container.demux(stream):
                if packet.pts is not None and stream.time_base is not None:
                    where = float(packet.pts * stream.time_base)
                yield from packet.decode()
        except (av.error.FFmpegError, ValueError) as exc:
            raise _fail(self.path, f"is damaged or truncated at {where:.1f} s ({_reason(exc)})") from None


def _check_wav_length(path: Path) -> None:
    """FFmpeg quietly shortens a WAV whose data chunk promises more than the file holds (a copy
    cut off, a recorder killed mid-write), so compare the header with the file size ourselves."""
    header = read_header(path)
    if header is None or not header.size_known or header.byte_rate == 0:
        return  # not a WAV, or its length is unknown (a streaming writer): decode what is there
    available, rate = header.bytes_on_disk, header.byte_rate
    if header.declared_bytes > available + rate // 2:
        raise _fail(
            path,
            f"is truncated: the header promises {header.declared_bytes / rate:.1f} s but the file "
            f"holds {available / rate:.1f} s; re-export or re-copy the recording",
        )


def _declared_duration(container) -> float | None:  # type: ignore[no-untyped-def]
    stream = container.streams.audio[0]
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / 1_000_000  # av.time_base
    return None


def _reason(exc: Exception) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or exc.__class__.__name__
    return text.strip().splitlines()[0]


def read_all(path: Path) -> np.ndarray:
    """The whole file as one array (tests and benchmarks; the app streams with AudioReader)."""
    with AudioReader(path) as reader:
        blocks = list(reader.blocks())
    return np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.float32)
