"""How the app gets a Round: one factory signature for the real wiring and for test fakes.

A factory takes a `RoundRequest` (scenario, settings, store, the listener for engine events and a
progress callback for model loading) and returns a ready, not yet started, Round. It may block for
seconds (loading the speech model, starting the speech engine): the app only calls it from a
worker thread, and calls `Round.close()` when the round is over.

`default_round_factory` adapts the real-hardware wiring (voice_sim.runtime.make_round, owned
elsewhere) to this signature: it loads the speech model with a progress line first.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from dataclasses import dataclass

from voice_sim.config import Settings
from voice_sim.core.engine import Round
from voice_sim.core.events import Event
from voice_sim.core.ports import Store, Transcriber
from voice_sim.core.scenario import Scenario

Progress = Callable[[str, float | None], None]
"""(what is happening, fraction done or None when unknown)."""


@dataclass
class RoundRequest:
    scenario: Scenario
    settings: Settings
    store: Store
    listener: Callable[[Event], None]
    progress: Progress


RoundFactory = Callable[[RoundRequest], Round]


_transcribers: dict[tuple[str, str, str], Transcriber] = {}
_transcribers_lock = threading.Lock()


def shared_transcriber(settings: Settings, progress: Progress | None = None) -> Transcriber:
    """The speech model the settings name, loaded once (with a progress line) and kept for the
    next round, or the next crashed round to finish transcribing, so only the first one waits."""
    s = settings
    key = (s.speech.model, s.speech.device, s.speech.compute_type)
    with _transcribers_lock:
        transcriber = _transcribers.get(key)
        if transcriber is None:
            from voice_sim.speech.transcriber import make_transcriber

            if progress is not None:
                progress(f"Loading the speech model {s.speech.model}…", None)
            transcriber = _transcribers[key] = make_transcriber(s)
    return transcriber


def default_round_factory(request: RoundRequest) -> Round:
    """A round on the real microphone, speech model and voice, built by voice_sim.runtime."""
    from voice_sim import runtime

    transcriber = shared_transcriber(request.settings, request.progress)
    s = request.settings
    request.progress("Starting the panel's voice and the microphone…", None)
    rnd = runtime.make_round(
        s, request.scenario, listener=request.listener, store=request.store,
        transcriber=transcriber,
    )
    keep_collections_short(rnd)
    return rnd


def keep_collections_short(rnd: Round) -> None:
    """Freeze what exists now (the model, the app's widgets) out of Python's full garbage
    collections until the round is closed. Those collections stop every thread while they scan
    all objects: 40-135 ms, every few seconds while the model decodes, and keys waited for them
    (scripts/bench_ui.py, 2 minutes of decoding: slowest key 267 ms before, 165 ms after)."""
    gc.collect()
    gc.freeze()
    rnd.closers.append(gc.unfreeze)
