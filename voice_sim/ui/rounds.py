"""How the app gets a Round: one factory signature for the real wiring and for test fakes.

A factory takes a `RoundRequest` (scenario, settings, store, the listener for engine events, a
progress callback for model loading, and `announce`, called just before each panel line is spoken
so the screen can show it while it is heard) and returns a ready, not yet started, Round. It may
block for seconds (loading the speech model): the app only calls it from a worker thread.

`default_round_factory` adapts the real-hardware wiring (voice_sim.runtime.make_round, owned
elsewhere) to this signature: it loads the speech model with a progress line first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from voice_sim.config import Persona, Settings
from voice_sim.core.engine import Round
from voice_sim.core.events import Event
from voice_sim.core.ports import Speaker, SpokenLine, Store
from voice_sim.core.scenario import Scenario

Progress = Callable[[str, float | None], None]
"""(what is happening, fraction done or None when unknown)."""
Announce = Callable[[str, str], None]
"""(text, persona name): the panel is about to say this."""


@dataclass
class RoundRequest:
    scenario: Scenario
    settings: Settings
    store: Store
    listener: Callable[[Event], None]
    progress: Progress
    announce: Announce


RoundFactory = Callable[[RoundRequest], Round]


class AnnouncingSpeaker:
    """Wraps a Speaker so the screen shows each panel line as it starts, not after it is spoken."""

    def __init__(self, speaker: Speaker, announce: Announce) -> None:
        self.speaker, self.announce = speaker, announce

    def say(self, text: str, persona: Persona) -> SpokenLine:
        self.announce(text, persona.name)
        return self.speaker.say(text, persona)

    def interrupt(self) -> None:
        self.speaker.interrupt()


_transcribers: dict[tuple[str, str, str], Any] = {}
_transcribers_lock = threading.Lock()


def default_round_factory(request: RoundRequest) -> Round:
    """A round on the real microphone, speech model and voice, built by voice_sim.runtime.

    The speech model is loaded here (with a progress line) and kept for the next round, so only
    the first round of a session waits for it.
    """
    from voice_sim import runtime

    s = request.settings
    key = (s.speech.model, s.speech.device, s.speech.compute_type)
    with _transcribers_lock:
        transcriber = _transcribers.get(key)
        if transcriber is None:
            from voice_sim.speech.transcriber import make_transcriber

            request.progress(f"Loading the speech model {s.speech.model}…", None)
            transcriber = _transcribers[key] = make_transcriber(s)
    request.progress("Opening the microphone…", None)
    rnd = runtime.make_round(
        s, request.scenario, listener=request.listener, store=request.store,
        transcriber=transcriber,
    )
    _wrap_speaker(rnd, request.announce)
    return rnd


def _wrap_speaker(rnd: Round, announce: Announce) -> None:
    # The engine reports a panel line only after it has been spoken (PanelSpoke). To show a line
    # while it is heard, wrap the speaker the runtime gave the round. A workaround in the UI's own
    # adapter until the engine has an "about to speak" event; harmless if the attribute moves.
    speaker = getattr(rnd, "_speaker", None)
    if speaker is not None and not isinstance(speaker, AnnouncingSpeaker):
        rnd._speaker = AnnouncingSpeaker(speaker, announce)
