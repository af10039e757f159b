"""Audio files in place of the microphone, and reading back what the recorder wrote.

`FileSource` plays a WAV/FLAC/OGG file (anything libsndfile reads) into the same interface as
capture.Recorder - start(path) / stop() -> Recording, on_block / on_level / on_silence / on_ended,
silence_s, wait() - through the same AudioSink, so the file is written to the session folder, fed to
the transcriber and metered exactly like a live answer. It is what `voice-sim run --answer FILE` and
the tests use. In real time (default) a block is handed over when it would have finished being
spoken; with realtime=False as fast as the consumer takes them. Multi-channel files are mixed down;
other sample rates are resampled to 16 kHz with a windowed-sinc filter (numpy, streaming).
When the file runs out the segment ends by itself: on_ended("end_of_file").
This module must not open audio devices; core/wav.py repairs what the recorder left unfinished.
"""

from __future__ import annotations

import math
import threading
import time
from pathlib import Path

import numpy as np

from voice_sim.audio.sink import (
    SILENCE_DB,
    AudioSink,
    SinkSource,
    BlockCallback,
    EndedCallback,
    LevelCallback,
    Recording,
    SilenceCallback,
)
from voice_sim.config import AudioSettings
from voice_sim.errors import UserError


class Resampler:
    """Streaming band-limited resampling (windowed sinc, Blackman window) of a mono float signal.

    Feed any chunk sizes to `process()`, then call it once with final=True; the concatenated output is
    the whole signal at `out_rate`, ceil(n_in * out_rate / in_rate) samples.
    """

    def __init__(self, in_rate: int, out_rate: int, zero_crossings: int = 16) -> None:
        self.step = in_rate / out_rate  # input samples per output sample
        self.cutoff = min(1.0, out_rate / in_rate) * 0.95  # a little below Nyquist: less aliasing
        self.half = math.ceil(zero_crossings / self.cutoff)  # half the kernel, in input samples
        self._buf = np.zeros(self.half, dtype=np.float64)  # zeros before the first sample
        self._buf_start = -self.half  # input index of _buf[0]
        self._next_out = 0
        self._n_in = 0

    def process(self, x: np.ndarray, final: bool = False) -> np.ndarray:
        self._n_in += len(x)
        parts = [self._buf, np.asarray(x, dtype=np.float64)]
        if final:
            parts.append(np.zeros(self.half + 1))
        self._buf = np.concatenate(parts)
        if final:
            last = math.ceil(self._n_in / self.step) - 1
        else:
            available_end = self._buf_start + len(self._buf)  # one past the last input sample
            last = math.floor((available_end - 1 - self.half) / self.step)
        if last < self._next_out:
            return np.zeros(0, dtype=np.float32)
        n = np.arange(self._next_out, last + 1)
        t = n * self.step
        base = np.floor(t).astype(np.int64)
        taps = np.arange(-self.half + 1, self.half + 1)
        idx = base[:, None] + taps[None, :]
        dist = t[:, None] - idx
        window = 0.42 + 0.5 * np.cos(np.pi * dist / self.half) + 0.08 * np.cos(2 * np.pi * dist / self.half)
        kernel = self.cutoff * np.sinc(self.cutoff * dist) * window
        out = (self._buf[idx - self._buf_start] * kernel).sum(axis=1)
        self._next_out = last + 1
        keep_from = math.floor(self._next_out * self.step) - self.half + 1
        drop = max(0, keep_from - self._buf_start)
        self._buf = self._buf[drop:]
        self._buf_start += drop
        return out.astype(np.float32)


def _open(path: Path):  # -> soundfile.SoundFile
    import soundfile as sf

    if not path.exists():
        raise UserError(f"{path}: no such file")
    if path.is_dir():
        raise UserError(f"{path}: is a directory; give an audio file (WAV or FLAC)")
    try:
        return sf.SoundFile(path)
    except (sf.LibsndfileError, RuntimeError) as exc:
        raise UserError(f"{path}: not an audio file this can read ({exc}); "
                        "use WAV or FLAC (e.g. `sox in.mp3 out.wav`)") from None


class FileSource(SinkSource):
    """An audio file standing in for the microphone. See the module docstring."""

    def __init__(
        self,
        source: Path,
        settings: AudioSettings | None = None,
        *,
        realtime: bool = True,
        on_block: BlockCallback | None = None,
        on_level: LevelCallback | None = None,
        on_silence: SilenceCallback | None = None,
        on_ended: EndedCallback | None = None,
        silence_db: float = SILENCE_DB,
    ) -> None:
        self.source = Path(source)
        self.settings = settings or AudioSettings()
        self.realtime = realtime
        self.on_block, self.on_level = on_block, on_level
        self.on_silence, self.on_ended = on_silence, on_ended
        self.silence_db = silence_db
        with _open(self.source) as f:  # fail now, with a clear message, not mid-round
            self.source_rate, self.source_channels, frames = f.samplerate, f.channels, f.frames
        self.source_duration_s = frames / self.source_rate if frames > 0 else 0.0
        self._sink: AudioSink | None = None
        self._reader: threading.Thread | None = None
        self._halt = threading.Event()
        self.error: BaseException | None = None

    def start(self, path: Path | None) -> None:
        """Begin playing the file into a segment written to `path` (None = not written)."""
        if self._sink is not None:
            raise RuntimeError("FileSource.start() while a segment is running; stop() it first")
        try:
            self._sink = AudioSink(
                path, self.samplerate, on_block=self.on_block, on_level=self.on_level,
                on_silence=self.on_silence, on_ended=self.on_ended,
                silence_notice_s=self.settings.silence_notice_s,
                auto_stop_silence_s=self.settings.auto_stop_silence_s, silence_db=self.silence_db,
            )
        except OSError as exc:
            raise UserError(f"cannot write the recording {path} ({exc.strerror or exc})") from None
        self._halt.clear()
        self._sink.start()
        self._reader = threading.Thread(target=self._read, args=(self._sink,),
                                        name="voice-sim-file-source", daemon=True)
        self._reader.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the segment ends by itself (end of file, auto-stop); True if it has."""
        sink = self._sink
        return True if sink is None else sink.ended.wait(timeout)

    def stop(self) -> Recording:
        sink, reader = self._sink, self._reader
        if sink is None or reader is None:
            raise RuntimeError("FileSource.stop() without start()")
        self._halt.set()
        reader.join()
        self._sink = self._reader = None
        recording = sink.finish("stopped")
        if self.error is not None:
            raise UserError(f"{self.source}: reading failed part way ({self.error})")
        if sink.error is not None:
            raise UserError(f"the recording {sink.path} is incomplete: {sink.error}")
        return recording

    def _read(self, sink: AudioSink) -> None:
        block = self.settings.blocksize
        resampler = Resampler(self.source_rate, self.samplerate) if self.source_rate != self.samplerate else None
        chunk = max(1, round(block * self.source_rate / self.samplerate))
        pending = np.zeros(0, dtype=np.float32)
        fed = 0
        t0 = time.monotonic()
        try:
            with _open(self.source) as f:
                while not self._halt.is_set():
                    data = f.read(chunk, dtype="float32", always_2d=True)
                    final = len(data) < chunk
                    mono = data.mean(axis=1) if data.shape[1] > 1 else data[:, 0]
                    if resampler is not None:
                        mono = resampler.process(mono, final=final)
                    pending = np.concatenate([pending, mono]) if len(pending) else mono
                    while len(pending) >= block or (final and len(pending)):
                        piece, pending = pending[:block].copy(), pending[block:]
                        if self.realtime:
                            # hand the block over when it would have been spoken, as a mic does
                            due = t0 + (fed + len(piece)) / self.samplerate
                            if self._halt.wait(max(0.0, due - time.monotonic())):
                                return
                        sink.feed(piece)
                        fed += len(piece)
                    if final:
                        sink.end("end_of_file")
                        return
        except Exception as exc:  # noqa: BLE001 - a file that breaks mid-way: keep what was fed, say why
            self.error = exc
            sink.end("read_error")
