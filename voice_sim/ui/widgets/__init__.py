"""Widgets the screens are built from: the signal window bar, the level meter, the Three-Lens
checklist, the live transcript and the pace chart. Each only draws what it is given."""

from voice_sim.ui.widgets.checklist import LensChecklist
from voice_sim.ui.widgets.level_meter import LevelMeter
from voice_sim.ui.widgets.transcript import LiveTranscript
from voice_sim.ui.widgets.window_bar import WindowBar
from voice_sim.ui.widgets.wpm_chart import WpmChart

__all__ = ["LensChecklist", "LevelMeter", "LiveTranscript", "WindowBar", "WpmChart"]
