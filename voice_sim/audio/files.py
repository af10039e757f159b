"""Audio files in place of the microphone.

`FileSource` plays an audio file (WAV, FLAC, MP3, M4A, anything audio/reader.py decodes) as
core/ports.py's AnswerSource, like capture.Recorder - start(path, on_block, on_level, on_end) /
stop() -> Recording, silence_s, wait(), end_reason - through the same AudioSink, so the file is
written to the session folder, fed to the transcriber and metered exactly like a live answer.
In real time (default) a block is handed over when it would have finished being spoken; with
realtime=False as fast as the consumer takes them. When the file runs out the segment ends by
itself: on_end(), end_reason "end_of_file". `AnswerFiles` plays one source per answer, in
order: what `voice-sim run --answer A --answer B` gets instead of the microphone.

The file is decoded by the same reader, with the same checks, as `transcribe` and `analyze`, and
all of it is decoded once when the source is made, so a file `analyze` would refuse is refused
before the round starts, with the same line. This module must not open audio devices.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from voice_sim.audio.reader import AudioReader
from voice_sim.audio.sink import SILENCE_DB, AudioSink, SinkSource
from voice_sim.config import AudioSettings
from voice_sim.core.ports import (
    SAMPLE_RATE,
    AnswerSource,
    BlockCallback,
    EndCallback,
    LevelCallback,
    Recording,
)
from voice_sim.errors import UserError


class FileSource(SinkSource):
    """An audio file standing in for the microphone. See the module docstring."""

    def __init__(
        self,
        source: Path,
        settings: AudioSettings | None = None,
        *,
        realtime: bool = True,
        silence_db: float = SILENCE_DB,
    ) -> None:
        self.source = Path(source)
        self.settings = settings or AudioSettings()
        self.realtime = realtime
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

    def start(
        self,
        path: Path | None,
        on_block: BlockCallback | None = None,
        on_level: LevelCallback | None = None,
        on_end: EndCallback | None = None,
    ) -> None:
        """Begin playing the file into a segment written to `path` (None = not written)."""
        if self._sink is not None:
            raise RuntimeError("FileSource.start() while a segment is running; stop() it first")
        try:
            self._sink = AudioSink(
                path, self.samplerate, on_block=on_block, on_level=on_level, on_end=on_end,
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
        self._ended_sink = sink
        recording = sink.finish("stopped")
        if isinstance(self.error, UserError):
            raise self.error
        if self.error is not None:
            raise UserError(f"{self.source}: reading failed part way ({self.error})")
        if sink.error is not None and not sink.disk_full:  # a full disk: the engine says so
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


class AnswerFiles(AnswerSource):
    """One source per answer, in order: the n-th answer plays the n-th file. Make the sources
    first (each checks its whole file), so a bad file fails before the round starts."""

    def __init__(self, sources: Sequence[AnswerSource]) -> None:
        self.sources = list(sources)
        self.used = 0
        self._current: AnswerSource | None = None

    def start(
        self,
        path: Path,
        on_block: BlockCallback | None = None,
        on_level: LevelCallback | None = None,
        on_end: EndCallback | None = None,
    ) -> None:
        if self.used >= len(self.sources):
            raise UserError("no answer file left for this answer")
        self._current = self.sources[self.used]
        self.used += 1
        self._current.start(path, on_block, on_level, on_end)

    def stop(self) -> Recording:
        if self._current is None:
            raise RuntimeError("AnswerFiles.stop() without start()")
        current, self._current = self._current, None
        return current.stop()
