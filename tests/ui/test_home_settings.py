"""Home writes its choices to the real settings file, and the environment still outranks them:
VOICE_SIM_PANEL__SPEAK=false keeps the panel silent after a visit to Home (issue 11)."""

from __future__ import annotations

import pytest
from textual.widgets import Select

from ui.conftest import Kit
from voice_sim import locations
from voice_sim.config import load_settings, read_settings_file
from voice_sim.ui.services import remember_choices

pytestmark = pytest.mark.asyncio


async def test_home_choices_do_not_silence_the_environment(
    kit: Kit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VOICE_SIM_PANEL__SPEAK", "false")
    monkeypatch.setenv("VOICE_SIM_ROUND__MODE", "exam")
    app = kit.app(load_settings(), remember=remember_choices)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("#speak", Select).value is False
        app.screen.query_one("#kind", Select).value = "drill"
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()

    written = read_settings_file(locations.config_file())
    assert written["round"]["kind"] == "drill"
    again = load_settings()
    assert (again.round.kind, again.round.mode, again.panel.speak) == ("drill", "exam", False)
    monkeypatch.delenv("VOICE_SIM_PANEL__SPEAK")
    monkeypatch.delenv("VOICE_SIM_ROUND__MODE")
    # the overrides were not copied into the file as if they had been choices
    assert (load_settings().panel.speak, load_settings().round.mode) == (True, "coach")
