"""The microphone: `Recorder` captures 16 kHz mono through PortAudio (sounddevice), one answer
segment at a time, and hands every block to an `AudioSink` (sink.py) that writes it to disk as it
arrives, feeds the transcriber and reports levels and silence. It implements core/ports.py's
AnswerSource:

    rec = Recorder(settings.audio)
    rec.start(path, on_block=stream.feed, on_level=show, on_end=ended)
                               # path None = listen without writing (a level check)
    rec.silence_s              # seconds of silence so far, in audio time
    rec.wait(timeout)          # True once the segment ended by itself (auto-stop, device lost)
    recording = rec.stop()     # Recording(path, duration_s); the file is complete
    rec.end_reason             # "stopped", "silence", "device_lost", "write_error"

Callbacks run on the sink's thread (never PortAudio's) and must return quickly; core/ports.py says
what they receive. A pause never ends an answer: only stop(), or `auto_stop_silence_s` when set.
The PortAudio callback does one thing, copy the block into the sink's queue (sounddevice's
examples/rec_unlimited.py); everything else happens on the sink's thread.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from voice_sim.audio.devices import Device, import_sounddevice, open_error, resolve_input
from voice_sim.audio.sink import SILENCE_DB, AudioSink, SinkSource
from voice_sim.config import AudioSettings
from voice_sim.core.ports import BlockCallback, EndCallback, LevelCallback, Recording
from voice_sim.errors import UserError

log = logging.getLogger(__name__)


class Recorder(SinkSource):
    def __init__(
        self,
        settings: AudioSettings | None = None,
        *,
        device: str | int | None = None,
        silence_db: float = SILENCE_DB,
    ) -> None:
        self.settings = settings or AudioSettings()
        self._device_spec = device if device is not None else self.settings.input_device
        self.silence_db = silence_db
        self.device: Device | None = None
        self.overflows = 0  # blocks PortAudio reported as overflowed (audio lost before us)
        self._sink: AudioSink | None = None
        self._stream: Any = None
        self._stopping = False
        self._lock = threading.Lock()
        self._captured = 0  # frames PortAudio delivered in this segment
        self._tail_until: int | None = None
        self._tail_done = threading.Event()

    def start(
        self,
        path: Path | None,
        on_block: BlockCallback | None = None,
        on_level: LevelCallback | None = None,
        on_end: EndCallback | None = None,
    ) -> None:
        """Open the input and begin a segment written to `path` (WAV). UserError if it cannot."""
        with self._lock:
            if self._sink is not None:
                raise RuntimeError("Recorder.start() while a segment is running; stop() it first")
            sd = import_sounddevice()
            self.device = resolve_input(self._device_spec)
            try:
                sink = AudioSink(
                    path, self.samplerate, on_block=on_block, on_level=on_level, on_end=on_end,
                    auto_stop_silence_s=self.settings.auto_stop_silence_s, silence_db=self.silence_db,
                )
            except OSError as exc:
                raise UserError(f"cannot write the recording {path} ({exc.strerror or exc})") from None
            self.overflows = 0
            self._stopping = False
            self._captured, self._tail_until = 0, None
            self._tail_done.clear()

            def callback(indata: Any, frames: int, time: Any, status: Any) -> None:
                if status.input_overflow:
                    self.overflows += 1
                sink.feed(indata.copy())
                self._captured += frames
                if self._tail_until is not None and self._captured >= self._tail_until:
                    self._tail_done.set()

            def finished() -> None:  # PortAudio ended the stream: stop() or the device went away
                if not self._stopping:
                    sink.end("device_lost")

            try:
                stream = sd.InputStream(
                    device=self.device.index, samplerate=self.samplerate, channels=1,
                    blocksize=self.settings.blocksize, dtype="float32", callback=callback,
                    finished_callback=finished,
                )
                stream.start()
            except sd.PortAudioError as exc:
                sink.finish()
                if path is not None:
                    path.unlink(missing_ok=True)
                raise UserError(open_error(self.device, exc)) from None
            sink.start()  # after the stream opened, so a failed open leaves no thread behind
            self._sink, self._stream = sink, stream

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the segment ends by itself; True if it has (or was never started)."""
        sink = self._sink
        return True if sink is None else sink.ended.wait(timeout)

    def stop(self) -> Recording:
        """End the segment: record `stop_tail_s` more (audio time), close the input, write the
        last blocks, close the file. The tail keeps the end of the last word, which is still in
        the audio server's buffers when the key is pressed."""
        with self._lock:
            sink, stream = self._sink, self._stream
            if sink is None:
                raise RuntimeError("Recorder.stop() without start()")
            tail = round(self.settings.stop_tail_s * self.samplerate)
            if tail and not sink.ended.is_set():
                self._tail_until = self._captured + tail
                self._tail_done.wait(self.settings.stop_tail_s + 1.0)  # a stalled device: give up
            self._stopping = True
            try:
                stream.stop()  # returns once PortAudio's callback has run for the last time
                stream.close()
            except Exception as exc:  # noqa: BLE001 - a vanished device must not lose the file
                log.warning("closing the input stream failed: %s", exc)
            self._sink = self._stream = None
            self._ended_sink = sink
            recording = sink.finish("stopped")
            if sink.error is not None and not sink.disk_full:  # a full disk: the engine says so
                raise UserError(f"the recording {sink.path} is incomplete: {sink.error}")
            return recording
