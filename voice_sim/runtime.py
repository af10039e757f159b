"""Wire a real round: the engine (core/engine.py) with the real speaker, microphone or answer
files, transcriber and session store. Each part implements its port (core/ports.py) itself, so
this module only chooses and builds them; it translates nothing.

Everything heavy is imported inside the factories, so importing this module stays cheap. Used by
`voice-sim run` and by the Textual app.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from voice_sim import locations
from voice_sim.config import Settings
from voice_sim.core import events as ev
from voice_sim.core.clock import MonotonicClock
from voice_sim.core.disk import room_for_round
from voice_sim.core.engine import Round, RoundConfig
from voice_sim.core.ports import SAMPLE_RATE, AnswerSource, Store, Transcriber
from voice_sim.core.scenario import Scenario

Listener = Callable[[ev.Event], None]


def make_round(
    settings: Settings,
    scenario: Scenario,
    *,
    answers: Sequence[Path] | None = None,
    speak: bool | None = None,
    mode: str | None = None,
    kind: str | None = None,
    listener: Listener | None = None,
    store: Store | None = None,
    transcriber: Transcriber | None = None,
    realtime_files: bool = True,
) -> Round:
    """A Round with real parts. `answers` replaces the microphone with files (one per answer, in
    order; a bad file fails here, before the round); `speak=False` leaves the panel's lines to the
    listener to show. A disk with too little room for a round fails here too (DiskFull), and one
    that the whole round could outgrow is a warning. Slow (loads the speech model and starts the
    speech engine): a UI calls it from a worker thread."""
    config = RoundConfig.from_settings(settings, scenario, mode=mode, kind=kind)

    def notice(message: str) -> None:
        if listener is not None:
            listener(ev.Problem(message))

    rate = SAMPLE_RATE if answers else settings.audio.samplerate  # what the recording is written at
    room = room_for_round(getattr(store, "root", None) or locations.sessions_dir(), config.round_s,
                          rate * 2)  # 16-bit mono
    if room is not None:
        notice(room)

    if answers:
        source = _answer_files([_file_source(p, settings, realtime_files) for p in answers])
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
    speaker = make_speaker(settings, notice, clock=time.monotonic) if speak else TextOnlySpeaker()
    rnd = Round(scenario, config, speaker=speaker, source=source, transcriber=transcriber,
                store=store, clock=MonotonicClock(), listener=listener)
    rnd.closers.append(speaker.stop)
    return rnd


def _file_source(path: Path, settings: Settings, realtime: bool) -> AnswerSource:
    from voice_sim.audio.files import FileSource

    return FileSource(path, settings.audio, realtime=realtime)


def _answer_files(sources: Sequence[AnswerSource]) -> AnswerSource:
    from voice_sim.audio.files import AnswerFiles

    return AnswerFiles(sources)


def _microphone(settings: Settings) -> AnswerSource:
    from voice_sim.audio.capture import Recorder

    return Recorder(settings.audio)
