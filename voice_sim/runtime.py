"""Wire a real round: the engine (core/engine.py) with the real speaker, microphone or answer
files, transcriber and session store, behind the engine's small interfaces (core/ports.py).

Everything heavy is imported inside `make_round`, so importing this module stays cheap, and every
adapter here is thin: it translates the audio and speech packages' calls into the engine's and
does nothing else. Used by `voice-sim run` and by the Textual app.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from voice_sim.config import Persona, Settings
from voice_sim.core import events as ev
from voice_sim.core.clock import MonotonicClock
from voice_sim.core.engine import Round, RoundConfig
from voice_sim.core.ports import AnswerSource, Recording, SpokenLine, Store, Transcriber
from voice_sim.core.scenario import Scenario
from voice_sim.errors import UserError

Listener = Callable[[ev.Event], None]


class SpeakerAdapter:
    """speech.speaker's Speaker (queue + Future, own thread) as the engine's blocking Speaker.
    Both read time.monotonic, the engine's MonotonicClock, so the times carry over as they are."""

    def __init__(self, speaker: Any) -> None:
        self.speaker = speaker

    def say(self, text: str, persona: Persona) -> SpokenLine:
        line = self.speaker.speak(text, persona)
        return SpokenLine(line.text, line.start_s, line.end_s, line.interrupted)

    def interrupt(self) -> None:
        self.speaker.interrupt()


def db_to_level(db: float) -> float:
    """dBFS (-60 quiet room .. 0 full scale) to the engine's 0..1 level."""
    return min(1.0, max(0.0, (db + 60.0) / 60.0))


class AudioSource:
    """The microphone (audio.capture.Recorder) or an answer file (audio.files.FileSource) as the
    engine's AnswerSource. Both take their callbacks as attributes; this points them at the
    engine's callbacks for the current answer."""

    def __init__(self, part: Any) -> None:
        self.part = part
        self._on_block: Any = None
        self._on_level: Any = None
        self._on_end: Any = None
        part.on_block, part.on_level, part.on_ended = self._block, self._level, self._ended

    def start(self, path: Path, on_block: Any, on_level: Any, on_end: Any) -> None:
        self._on_block, self._on_level, self._on_end = on_block, on_level, on_end
        self.part.start(path)

    def stop(self) -> Recording:
        rec = self.part.stop()
        return Recording(rec.path, rec.duration_s)

    def _block(self, block: Any) -> None:
        if self._on_block is not None:
            self._on_block(block)

    def _level(self, rms_db: float, peak_db: float) -> None:
        if self._on_level is not None:
            self._on_level(db_to_level(rms_db), self.part.silence_s)

    def _ended(self, reason: str) -> None:  # the audio package calls this only when it ended itself
        if self._on_end is not None:
            self._on_end()


class AnswerFiles:
    """Answer files standing in for the microphone: the n-th answer plays the n-th file."""

    def __init__(self, files: Sequence[Path], make_source: Callable[[Path], AnswerSource]) -> None:
        self.files = list(files)
        self._make = make_source
        self._current: AnswerSource | None = None
        self.used = 0

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
    listener: Listener | None = None,
    store: Store | None = None,
    transcriber: Transcriber | None = None,
    realtime_files: bool = True,
) -> Round:
    """A Round with real parts. `answers` replaces the microphone with files (one per answer, in
    order); `speak=False` leaves the panel's lines to the listener to show. Slow (loads the speech
    model and starts the speech engine): a UI calls it from a worker thread."""
    config = RoundConfig.from_settings(settings, scenario, mode=mode)

    def notice(message: str) -> None:
        if listener is not None:
            listener(ev.Problem(message))

    if answers:
        for path in answers:
            _file_source(path, settings, realtime_files)  # a bad file fails now, not mid-round
        source: AnswerSource = AnswerFiles(
            answers, lambda p: _file_source(p, settings, realtime_files)
        )
    else:
        source = _microphone(settings)
    if transcriber is None:
        from voice_sim.speech.transcriber import make_transcriber

        transcriber = make_transcriber(settings)
    if store is None:
        from voice_sim.core.sessions import SessionStore

        store = SessionStore.open()
    from voice_sim.speech.speaker import TextOnlySpeaker, make_speaker

    speak = settings.panel.speak if speak is None else speak
    real = make_speaker(settings, notice, clock=time.monotonic) if speak else TextOnlySpeaker()
    rnd = Round(scenario, config, speaker=SpeakerAdapter(real), source=source,
                transcriber=transcriber, store=store, clock=MonotonicClock(), listener=listener)
    rnd.closers.append(real.stop)
    return rnd


def _file_source(path: Path, settings: Settings, realtime: bool) -> AnswerSource:
    from voice_sim.audio.files import FileSource

    return AudioSource(FileSource(path, settings.audio, realtime=realtime))


def _microphone(settings: Settings) -> AnswerSource:
    from voice_sim.audio.capture import Recorder

    return AudioSource(Recorder(settings.audio))
