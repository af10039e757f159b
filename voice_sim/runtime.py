"""Wire a real round: the engine (core/engine.py) with the real speaker, microphone or answer
files, transcriber and session store, behind the engine's small interfaces (core/ports.py).

Everything heavy is imported inside `make_round`, so importing this module stays cheap, and every
adapter here is thin: it translates the audio and speech packages' calls into the engine's and
does nothing else. Used by `voice-sim run` and by the Textual app.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from voice_sim.config import Persona, Settings
from voice_sim.core import events as ev
from voice_sim.core.clock import MonotonicClock
from voice_sim.core.engine import Round, RoundConfig
from voice_sim.core.ports import AnswerSource, Recording, Speaker, SpokenLine, Store, Transcriber
from voice_sim.core.scenario import Scenario
from voice_sim.errors import UserError


class SilentSpeaker:
    """The panel's lines are only shown (the round's listener prints or displays them)."""

    def __init__(self, clock: MonotonicClock) -> None:
        self.clock = clock

    def say(self, text: str, persona: Persona) -> SpokenLine:
        now = self.clock.now()
        return SpokenLine(text, now, now)

    def interrupt(self) -> None:
        pass


class AnswerFiles:
    """Answer files standing in for the microphone: the n-th answer plays the n-th file."""

    def __init__(self, files: Sequence[Path], make_source: Callable[[Path], AnswerSource]) -> None:
        self.files = list(files)
        self._make = make_source
        self._current: AnswerSource | None = None
        self.used = 0

    @property
    def remaining(self) -> int:
        return len(self.files) - self.used

    def start(self, path: Path, on_block: Any, on_level: Any, on_end: Any) -> None:
        if self.used >= len(self.files):
            raise UserError("no answer file left for this answer")
        self._current = self._make(self.files[self.used])
        self.used += 1
        self._current.start(path, on_block, on_level, on_end)

    def stop(self) -> Recording:
        assert self._current is not None
        rec = self._current.stop()
        self._current = None
        return rec


def make_round(
    settings: Settings,
    scenario: Scenario,
    *,
    answers: Sequence[Path] | None = None,
    speak: bool | None = None,
    mode: str | None = None,
    listener: Callable[[ev.Event], None] | None = None,
    store: Store | None = None,
    transcriber: Transcriber | None = None,
    realtime_files: bool = True,
) -> Round:
    """A Round with real parts. `answers` replaces the microphone with files (one per answer);
    `speak=False` shows the panel's lines instead of speaking them."""
    clock = MonotonicClock()
    config = RoundConfig.from_settings(settings, scenario, mode=mode)
    speak = settings.panel.speak if speak is None else speak
    speaker: Speaker
    problems: list[str] = []
    if speak:
        speaker = _real_speaker(settings, clock, problems)
    else:
        speaker = SilentSpeaker(clock)
    source: AnswerSource
    if answers:
        source = AnswerFiles(answers, lambda p: _file_source(p, settings, realtime_files))
    else:
        source = _microphone(settings)
    if transcriber is None:
        from voice_sim.speech.transcriber import make_transcriber

        transcriber = make_transcriber(settings)
    if store is None:
        from voice_sim.core.sessions import SessionStore

        store = SessionStore.open()
    rnd = Round(scenario, config, speaker=speaker, source=source, transcriber=transcriber,
                store=store, clock=clock, listener=listener)
    if listener is not None:
        for message in problems:
            listener(ev.Problem(message))
    return rnd


def _real_speaker(settings: Settings, clock: MonotonicClock, problems: list[str]) -> Speaker:
    try:
        from voice_sim.speech.speaker import make_speaker  # type: ignore[import-not-found]
    except ImportError:
        problems.append("no speech engine is available; the panel's lines are shown, not spoken")
        return SilentSpeaker(clock)
    return _SpeakerAdapter(make_speaker(settings), clock)


class _SpeakerAdapter:
    """Placeholder until speech/speaker.py lands; see make_round."""

    def __init__(self, speaker: Any, clock: MonotonicClock) -> None:
        self.speaker, self.clock = speaker, clock

    def say(self, text: str, persona: Persona) -> SpokenLine:
        start = self.clock.now()
        self.speaker.say(text, persona)
        return SpokenLine(text, start, self.clock.now())

    def interrupt(self) -> None:
        self.speaker.interrupt()


def _file_source(path: Path, settings: Settings, realtime: bool) -> AnswerSource:
    return PacedFileSource(path, realtime=realtime)


def _microphone(settings: Settings) -> AnswerSource:
    return MicSource(settings)


def db_to_level(db: float) -> float:
    """dBFS (-60 quiet room .. 0 full scale) to the engine's 0..1 level."""
    return min(1.0, max(0.0, (db + 60.0) / 60.0))


class _Relay:
    """Forwards the audio package's callbacks (fixed when its object is made) to the engine's
    callbacks for the current answer (given at each start)."""

    def __init__(self) -> None:
        self.on_block: Any = None
        self.on_level: Any = None
        self.on_end: Any = None
        self.silence: Callable[[], float] = lambda: 0.0

    def set(self, on_block: Any, on_level: Any, on_end: Any) -> None:
        self.on_block, self.on_level, self.on_end = on_block, on_level, on_end

    def block(self, block: Any) -> None:
        if self.on_block is not None:
            self.on_block(block)

    def level(self, rms_db: float, peak_db: float) -> None:
        if self.on_level is not None:
            self.on_level(db_to_level(rms_db), self.silence())

    def ended(self, reason: str) -> None:
        if self.on_end is not None:
            self.on_end()


class MicSource:
    """The microphone (audio.capture.Recorder) as the engine's AnswerSource."""

    def __init__(self, settings: Settings) -> None:
        from voice_sim.audio.capture import Recorder

        self._relay = _Relay()
        self.recorder = Recorder(settings.audio, on_block=self._relay.block,
                                 on_level=self._relay.level, on_ended=self._relay.ended)
        self._relay.silence = lambda: self.recorder.silence_s

    def start(self, path: Path, on_block: Any, on_level: Any, on_end: Any) -> None:
        self._relay.set(on_block, on_level, on_end)
        self.recorder.start(path)

    def stop(self) -> Recording:
        rec = self.recorder.stop()
        return Recording(rec.path, rec.duration_s)


LEVEL_BLOCK_S = 0.1  # level reports ~10/s, as the microphone gives them


class PacedFileSource:
    """An answer file read as if it were being spoken into the microphone: decoded to 16 kHz mono,
    written to the session's WAV as it goes, fed block by block, in real time unless told not to.

    Interim: stands in until voice_sim/audio/files.py provides the audio package's FileSource.
    """

    def __init__(self, path: Path, realtime: bool = True, clock: MonotonicClock | None = None) -> None:
        self.path, self.realtime = path, realtime
        self.clock = clock or MonotonicClock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._out: Path | None = None
        self._samples = 0
        self._error: BaseException | None = None

    def start(self, out: Path, on_block: Any, on_level: Any, on_end: Any) -> None:
        from voice_sim.speech.audiofile import check_file

        check_file(self.path)
        self._out = out
        self._thread = threading.Thread(
            target=self._run, args=(out, on_block, on_level, on_end), name="voice-sim-answer-file",
            daemon=True,
        )
        self._thread.start()

    def _run(self, out: Path, on_block: Any, on_level: Any, on_end: Any) -> None:
        import numpy as np
        import soundfile as sf

        from voice_sim.speech.audiofile import SAMPLE_RATE, AudioReader

        step = int(LEVEL_BLOCK_S * SAMPLE_RATE)
        t0 = self.clock.now()
        silent = 0.0
        try:
            with sf.SoundFile(out, "w", SAMPLE_RATE, 1, "PCM_16", format="WAV") as wav, \
                    AudioReader(self.path) as reader:
                for block in reader.blocks():
                    for i in range(0, len(block), step):
                        if self._stop.is_set():
                            return
                        piece = block[i:i + step]
                        wav.write(piece)
                        wav.flush()
                        self._samples += len(piece)
                        on_block(piece)
                        level = float(np.sqrt(np.mean(piece**2))) if len(piece) else 0.0
                        silent = 0.0 if level > 0.01 else silent + len(piece) / SAMPLE_RATE
                        on_level(min(1.0, level * 4), silent)
                        if self.realtime:
                            due = t0 + self._samples / SAMPLE_RATE
                            self._stop.wait(max(0.0, due - self.clock.now()))
        except BaseException as exc:  # noqa: BLE001 - handed to stop(); the engine reports it
            self._error = exc
        if not self._stop.is_set():
            on_end()

    def stop(self) -> Recording:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        return Recording(self._out, self._samples / 16000)
