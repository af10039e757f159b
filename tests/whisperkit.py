"""The real transcriber, loaded once per test session and shared by the modules that need it
(a module-level cache rather than a conftest fixture, so only those modules pay for it)."""

from __future__ import annotations

import functools


@functools.cache
def shared_transcriber():
    from voice_sim.config import Settings
    from voice_sim.speech import make_transcriber

    return make_transcriber(Settings())
