"""Read an audio file (WAV, FLAC, MP3, M4A, anything FFmpeg decodes) as 16 kHz mono float32 blocks.

The one decoder behind every command that takes audio: `transcribe` and `analyze AUDIO` (through
speech/whisper.py) and `run --answer` (through audio/files.py), so a file accepted or refused on one
path is accepted or refused, with the same one-line UserError, on every other.

Why not faster_whisper.decode_audio: that returns the whole file at once (a 15-minute answer is
58 MB of samples before any work starts, and a three-hour file much more), cannot report
progress, and says nothing useful about broken files. This reader decodes incrementally (PyAV,
which faster-whisper brings) and turns every way a file can be wrong into one line that says what
to do. Channels are averaged, as a mixing desk would, so a loud stereo file cannot clip.
It must not transcribe, play, or know where its blocks go.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

import numpy as np

from voice_sim.core.ports import SAMPLE_RATE
from voice_sim.core.wav import read_header
from voice_sim.errors import UserError

MAX_BYTES = 2 * 1024**3  # 2 GiB: far beyond any interview recording
MAX_DURATION_S = 4 * 3600.0  # four hours is not one answer, nor one round
BLOCK_S = 1.0
NO_SAMPLES = "holds no audio samples (empty recording)"
TRANSCRIPT_SUFFIXES = {".vtt", ".srt", ".json", ".txt"}
AUDIO_SUFFIXES = {".wav", ".flac", ".mp3", ".m4a", ".ogg", ".opus", ".aac", ".webm", ".mp4"}
"""What `analyze` treats as audio rather than a transcript (the reader itself takes any name)."""


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


def _import_av() -> Any:
    try:
        import av
    except ImportError as exc:
        raise UserError(
            f"audio decoding is not installed ({exc.name or exc}): "
            "run `.venv/bin/pip install av` (faster-whisper brings it; or scripts/run)"
        ) from None
    return av


class AudioReader:
    """`with AudioReader(path) as r:` then iterate `r.blocks()`; `r.info.duration_s` for progress.

    Entering runs every check that needs no decoding (missing, empty, too large, not audio,
    no audio track, a WAV that is cut off or holds no samples, too long); `blocks()` raises for
    what only decoding finds (damage, truncation of compressed audio, no samples at all)."""

    def __init__(self, path: Path):
        self.path = path
        self._container: Any = None  # av.container.InputContainer once open
        self.info = AudioInfo(path, None)

    def __enter__(self) -> Self:
        check_file(self.path)
        _check_wav_header(self.path)
        av = _import_av()
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
        av = _import_av()
        assert self._container is not None, "use AudioReader as a context manager"
        stream = self._container.streams.audio[0]
        # planar float at 16 kHz in the file's own channel layout: averaged below
        resampler = av.AudioResampler(format="fltp", rate=SAMPLE_RATE)
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
                parts.append(_mono(out))
                have += out.samples
            if have >= target:
                block = np.concatenate(parts)
                parts, have = [], 0
                total += len(block)
                if total > MAX_DURATION_S * SAMPLE_RATE:
                    raise _fail(self.path, f"is longer than {_minutes(MAX_DURATION_S)}; split the file")
                yield block
        for out in resampler.resample(None):
            parts.append(_mono(out))
        if parts:
            block = np.concatenate(parts)
            total += len(block)
            if len(block):
                yield block
        seconds = total / SAMPLE_RATE
        if total == 0:
            raise _fail(self.path, NO_SAMPLES)
        declared = self.info.duration_s
        if declared is not None and seconds < declared * 0.97 - 0.5:
            raise _fail(
                self.path,
                f"is truncated: the header promises {declared:.1f} s but only {seconds:.1f} s "
                "could be read; re-export or re-copy the recording",
            )

    def _decode(self, stream: Any) -> Iterator[Any]:
        av = _import_av()
        assert self._container is not None
        where = 0.0
        try:
            for packet in self._container.demux(stream):
                if packet.pts is not None and stream.time_base is not None:
                    where = float(packet.pts * stream.time_base)
                yield from packet.decode()
        except (av.error.FFmpegError, ValueError) as exc:
            raise _fail(self.path, f"is damaged or truncated at {where:.1f} s ({_reason(exc)})") from None


def _mono(frame: Any) -> np.ndarray:
    planes = frame.to_ndarray()  # (channels, samples) for planar audio
    return (planes[0] if planes.shape[0] == 1 else planes.mean(axis=0)).astype(np.float32, copy=False)


def _check_wav_header(path: Path) -> None:
    """FFmpeg quietly shortens a WAV whose data chunk promises more than the file holds (a copy
    cut off, a recorder killed mid-write), and reads a header-only WAV as nothing at all, so
    compare the header with the file size here, before anything is decoded."""
    try:
        header = read_header(path)
    except OSError as exc:
        raise _fail(path, f"cannot read ({exc.strerror or exc})") from None
    if header is None:
        return  # not a WAV (or not one this parser understands): FFmpeg decides
    available, rate = header.bytes_on_disk, header.byte_rate
    if header.size_known and rate and header.declared_bytes > available + rate // 2:
        raise _fail(
            path,
            f"is truncated: the header promises {header.declared_bytes / rate:.1f} s but the file "
            f"holds {available / rate:.1f} s; re-export or re-copy the recording",
        )
    if header.frames_on_disk == 0:
        raise _fail(path, NO_SAMPLES)


def _declared_duration(container: Any) -> float | None:
    stream = container.streams.audio[0]
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return float(container.duration) / 1_000_000  # av.time_base
    return None


def _reason(exc: Exception) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or exc.__class__.__name__
    return str(text).strip().splitlines()[0]


def read_all(path: Path) -> np.ndarray:
    """The whole file as one array (tests and benchmarks; the app streams with AudioReader)."""
    with AudioReader(path) as reader:
        blocks = list(reader.blocks())
    return np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.float32)
