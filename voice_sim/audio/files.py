"""Audio files in place of the microphone.

`FileSource` plays an audio file (WAV, FLAC, MP3, M4A, anything audio/reader.py decodes) into the
same interface as capture.Recorder - start(path) / stop() -> Recording, on_block / on_level /
on_silence / on_ended, silence_s, wait() - through the same AudioSink, so the file is written to
the session folder, fed to the transcriber and metered exactly like a live answer. It is what
`voice-sim run --answer FILE` and the tests use. In real time (default) a block is handed over
when it would have finished being spoken; with realtime=False as fast as the consumer takes them.
When the file runs out the segment ends by itself: on_ended("end_of_file").

The file is decoded by the same reader, with the same checks, as `transcribe` and `analyze`, and
all of it is decoded once when the source is made, so a file `analyze` would refuse is refused
before the round starts, with the same line. This module must not open audio devices.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np

from voice_sim.audio.reader import AudioReader
from voice_sim.audio.sink import (
    SILENCE_DB,
    AudioSink,
    BlockCallback,
    EndedCallback,
    LevelCallback,
    Recording,
    SilenceCallback,
    SinkSource,
)
from voice_sim.config import AudioSettings
from voice_sim.core.ports import SAMPLE_RATE
from voice_sim.errors import UserError


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
        with AudioReader(self.source) as reader:  # every check now, with its one line, not mid-round
            frames = sum(len(block) for block in reader.blocks())
        self.source_duration_s = frames / SAMPLE_RATE
        self._sink: AudioSink | None = None
        self._reader: threading.Thread | None = None
        self._halt = threading.Event()
        self.error: BaseException | None = None

    @property
    def samplerate(self) -> int:
        return SAMPLE_RATE  # what the reader delivers, whatever the microphone is set to

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
        self.error = None
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
        if isinstance(self.error, UserError):
            raise self.error
        if self.error is not None:
            raise UserError(f"{self.source}: reading failed part way ({self.error})")
        if sink.error is not None:
            raise UserError(f"the recording {sink.path} is incomplete: {sink.error}")
        return recording

    def _read(self, sink: AudioSink) -> None:
        size = self.settings.blocksize
        pending = np.zeros(0, dtype=np.float32)
        fed = 0
        t0 = time.monotonic()
        try:
            with AudioReader(self.source) as reader:
                decoded = reader.blocks()
                while not self._halt.is_set():
                    more = next(decoded, None)
                    if more is not None:
                        pending = np.concatenate([pending, more]) if len(pending) else more
                    while len(pending) >= size or (more is None and len(pending)):
                        piece, pending = pending[:size].copy(), pending[size:]
                        if self.realtime:
                            # hand the block over when it would have been spoken, as a mic does
                            due = t0 + (fed + len(piece)) / self.samplerate
                            if self._halt.wait(max(0.0, due - time.monotonic())):
                                return
                        sink.feed(piece)
                        fed += len(piece)
                    if more is None:
                        sink.end("end_of_file")
                        return
        except Exception as exc:  # noqa: BLE001 - a file that breaks mid-way: keep what was fed, say why
            self.error = exc
            sink.end("read_error")

