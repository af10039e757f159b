"""Where captured audio goes: one `AudioSink` thread per answer segment, shared by the microphone
(capture.Recorder) and answer files (files.FileSource).

A source only hands blocks to `AudioSink.feed()` (a queue put; safe from a PortAudio callback).
The sink's own thread then, for every block, in this order:
  1. appends it to the segment's WAV file (16-bit PCM, mono) - the disk comes first, so a callback
     that is slow or raises never costs audio;
  2. passes it to `on_block(block)` (the transcriber's feed);
  3. meters it: `on_level(level, silence_s)` every `level_interval_s` of audio (0.1 s = ~10/s),
     with the level on core/ports.py's 0..1 meter scale, and the optional auto-stop after
     `auto_stop_silence_s` of silence, which ends the segment (`on_end()`, end_reason "silence").
The callbacks are core/ports.py's: the sink is how both sources implement the AnswerSource port.

Crash safety: libsndfile writes straight to the file descriptor (no user-space buffer), and the sink
asks it to rewrite the WAV header after every write (SFC_SET_UPDATE_HEADER_AUTO; a plain
`flush()` does not touch the header). So after a crash, Ctrl+C or SIGKILL the file on disk is a valid
WAV holding everything up to the last block, and it is fsync'ed about once a second against power
loss. core/wav.py's `repair_wav()` fixes a header that lags behind (the session store calls it).
When a write fails (the disk filled up, the folder went away) the segment ends there: the sink
repairs the header at once, so the file is a readable WAV of what fit, and says whether the disk
was full (`disk_full`, and `Recording.disk_full`), which the engine reports in one line.

Blocks are float32 numpy arrays of shape (n,), 16 kHz mono, range -1..1. Silence is measured in
dBFS RMS of the raw samples (a full-scale sine reads -3 dB), floored at FLOOR_DB.
This module must not open devices or know where its audio comes from.
"""

from __future__ import annotations

import logging
import math
import os
import queue
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

from voice_sim.config import AudioSettings
from voice_sim.core.disk import DiskFull, is_full
from voice_sim.core.ports import (
    AnswerSource,
    BlockCallback,
    EndCallback,
    LevelCallback,
    Recording,
    level_from_db,
)
from voice_sim.core.wav import repair_wav

log = logging.getLogger(__name__)

FLOOR_DB = -100.0
SILENCE_DB = -45.0  # RMS below this over a level window counts as silence
FSYNC_EVERY_S = 1.0
_SFC_SET_UPDATE_HEADER_AUTO = 0x1061  # libsndfile's sndfile.h; python-soundfile does not name it

def to_db(value: float) -> float:
    """Amplitude (0..1) to dBFS, floored so silence is a number, not -inf."""
    return max(FLOOR_DB, 20.0 * math.log10(value)) if value > 0 else FLOOR_DB


def make_private_dir(folder: Path) -> None:
    """Create `folder` and any missing parents with mode 0700 (answers are personal)."""
    missing = []
    for p in [folder, *folder.parents]:
        if p.exists():
            break
        missing.append(p)
    for p in reversed(missing):
        p.mkdir(mode=0o700, exist_ok=True)
        os.chmod(p, 0o700)  # mkdir's mode is reduced by the umask


def open_wav(path: Path, samplerate: int):  # -> soundfile.SoundFile
    """A new 0600 mono 16-bit WAV whose header libsndfile rewrites on every write."""
    import soundfile as sf

    make_private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an existing file keeps its old mode through O_CREAT
    try:
        wav = sf.SoundFile(fd, "w", samplerate, 1, "PCM_16", format="WAV", closefd=True)
    except Exception:
        os.close(fd)
        raise
    sf._snd.sf_command(wav._file, _SFC_SET_UPDATE_HEADER_AUTO, sf._ffi.NULL, 1)
    return wav


def _open(path: Path, samplerate: int):  # -> soundfile.SoundFile
    """open_wav, with a full disk said in one line (the header is written at once)."""
    try:
        return open_wav(path, samplerate)
    except Exception as exc:
        if is_full(exc, path):
            raise DiskFull(f"the disk is full: cannot start recording {path}") from None
        raise


class _End:
    def __init__(self, reason: str) -> None:
        self.reason = reason


class AudioSink(threading.Thread):
    """Consumes blocks on its own thread: disk, on_block, levels, silence. See the module docstring.

    `feed(block)` from any thread; `finish(reason)` ends the segment and joins. `ended` is set
    when the segment is over, whoever ended it; `end_reason` says why ("stopped", "silence",
    "end_of_file", "device_lost", "write_error", "read_error"); `on_end()` is called for all but
    "stopped" (the owner stopped it and knows).
    """

    def __init__(
        self,
        path: Path | None,
        samplerate: int = 16000,
        *,
        on_block: BlockCallback | None = None,
        on_level: LevelCallback | None = None,
        on_end: EndCallback | None = None,
        auto_stop_silence_s: float | None = None,
        silence_db: float = SILENCE_DB,
        level_interval_s: float = 0.1,
    ) -> None:
        super().__init__(name="voice-sim-audio-sink", daemon=True)
        self.path = path
        self.samplerate = samplerate
        self._on_block, self._on_level, self._on_end = on_block, on_level, on_end
        self._auto_stop_s = auto_stop_silence_s if auto_stop_silence_s and auto_stop_silence_s > 0 else None
        self._silence_db = silence_db
        self._window = max(1, round(level_interval_s * samplerate))
        self._queue: queue.Queue[np.ndarray | _End] = queue.Queue()
        self.ended = threading.Event()
        self.end_reason: str | None = None
        self.error: BaseException | None = None
        self.disk_full = False  # the write that failed met a full disk
        self.frames = 0  # written (or, without a file, accepted) so far
        self._silent_frames = 0
        self._acc_sq = 0.0
        self._acc_n = 0
        self._since_sync = 0
        self._failed_callbacks: set[str] = set()
        self._wav = _open(path, samplerate) if path is not None else None

    # -- producer side ---------------------------------------------------------------------------

    def feed(self, block: np.ndarray) -> None:
        """Queue one block (the caller must not reuse the array). Never blocks."""
        self._queue.put_nowait(block)

    def end(self, reason: str) -> None:
        """Ask the sink to end after the blocks already queued (from any thread)."""
        self._queue.put_nowait(_End(reason))

    def finish(self, reason: str = "stopped", timeout: float | None = 10.0) -> Recording:
        """End the segment, wait for the queue to drain, close the file."""
        self.end(reason)
        if self.is_alive():
            self.join(timeout)
        self._close()
        return Recording(self.path, self.frames / self.samplerate, self.disk_full)

    @property
    def duration_s(self) -> float:
        return self.frames / self.samplerate

    @property
    def silence_s(self) -> float:
        """How long the input has been silent, in audio seconds (0 while someone speaks)."""
        return self._silent_frames / self.samplerate

    # -- consumer thread -------------------------------------------------------------------------

    def run(self) -> None:
        while True:
            item = self._queue.get()
            if isinstance(item, _End):
                self._mark_ended(item.reason)
                return
            if self.ended.is_set():
                continue  # auto-stopped or failed: drain until the source is stopped
            self._consume(np.asarray(item, dtype=np.float32).reshape(-1))

    def _consume(self, block: np.ndarray) -> None:
        if self._wav is not None:
            try:
                self._wav.write(block)
                self._since_sync += len(block)
                if self._since_sync >= FSYNC_EVERY_S * self.samplerate:
                    self._since_sync = 0
                    self._wav.flush()  # fsync: survives a power cut, not only a killed process
            except Exception as exc:  # noqa: BLE001 - disk full, folder removed: stop, keep what is there
                self.error = exc
                self.disk_full = self.path is not None and is_full(exc, self.path)
                # A full disk is the round's to report, in one line; anything else is a surprise.
                (log.info if self.disk_full else log.error)("could not write %s: %s", self.path, exc)
                self._close()
                self._keep_what_fit()  # before anyone is told the segment ended
                self._mark_ended("write_error")
                return
        self.frames += len(block)
        self._call("on_block", self._on_block, block)
        self._meter(block)

    def _meter(self, block: np.ndarray) -> None:
        pos = 0
        while pos < len(block):
            take = min(self._window - self._acc_n, len(block) - pos)
            part = block[pos:pos + take]
            pos += take
            if take:
                self._acc_sq += float(np.dot(part, part))
                self._acc_n += take
            if self._acc_n >= self._window:
                self._window_done()
                if self.ended.is_set():
                    return

    def _window_done(self) -> None:
        rms_db = to_db(math.sqrt(self._acc_sq / self._acc_n))
        if rms_db < self._silence_db:
            self._silent_frames += self._acc_n
        else:
            self._silent_frames = 0
        self._acc_sq, self._acc_n = 0.0, 0
        silent = self.silence_s
        self._call("on_level", self._on_level, level_from_db(rms_db), silent)
        if self._auto_stop_s is not None and silent >= self._auto_stop_s:
            self._mark_ended("silence")

    def _mark_ended(self, reason: str) -> None:
        if self.ended.is_set():
            return
        self.end_reason = reason
        self._close()
        self.ended.set()
        if reason != "stopped":  # the owner stopped it and knows; tell it about everything else
            self._call("on_end", self._on_end)

    def _keep_what_fit(self) -> None:
        """After a failed write: make the header match the whole frames on disk (a write cut
        short may have left part of a block), so the file plays now, not only after recovery."""
        seconds = repair_wav(self.path) if self.path is not None else None
        if seconds is not None:
            self.frames = round(seconds * self.samplerate)

    def _close(self) -> None:
        wav, self._wav = self._wav, None
        if wav is not None:
            try:
                wav.close()
            except Exception as exc:  # noqa: BLE001 - kept for stop() to report
                self.error = self.error or exc

    def _call(self, name: str, func: Callable | None, *args: object) -> None:
        if func is None:
            return
        try:
            func(*args)
        except Exception:  # a consumer's bug must not stop the recording; say so once
            if name not in self._failed_callbacks:
                self._failed_callbacks.add(name)
                log.exception("audio %s callback failed (further failures not logged)", name)


class SinkSource(AnswerSource):
    """What the microphone and an answer file share: the state of the segment being written.
    Both implement core/ports.py's AnswerSource (start(path, on_block, on_level, on_end) / stop())."""

    settings: AudioSettings
    _sink: AudioSink | None
    _ended_sink: AudioSink | None = None  # the last segment's, after stop()

    @property
    def samplerate(self) -> int:
        return self.settings.samplerate

    @property
    def running(self) -> bool:
        return self._sink is not None and not self._sink.ended.is_set()

    @property
    def silence_s(self) -> float:
        return self._sink.silence_s if self._sink is not None else 0.0

    @property
    def duration_s(self) -> float:
        return self._sink.duration_s if self._sink is not None else 0.0

    @property
    def end_reason(self) -> str | None:
        """Why the last segment ended: "end_of_file", "silence", "device_lost", "write_error",
        "read_error", or "stopped" (stop() came first); None while it runs or before the first."""
        sink = self._sink or self._ended_sink
        return sink.end_reason if sink is not None else None
