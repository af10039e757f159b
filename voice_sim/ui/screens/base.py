"""The base of every full screen: failed workers are reported by the app, in one place.

Worker.StateChanged does not bubble, so each screen hands it to `VoiceSimApp.report_failure`.
Textual calls this handler as well as any a subclass defines (handlers run down the MRO).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.worker import Worker

if TYPE_CHECKING:
    from voice_sim.ui.app import VoiceSimApp


class AppScreen(Screen[None]):
    app: VoiceSimApp

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.report_failure(event)
