"""A broken scenario file in the user's folder never keeps the app from opening (issue 12): the
bundled scenarios are listed, and a notification names each file skipped or bundled id replaced.
Before the fix, a TOML file nested 5,000 levels deep stopped make_app() with a RecursionError."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from ui.conftest import Kit
from voice_sim import locations

pytestmark = pytest.mark.asyncio


async def test_the_app_opens_and_says_which_scenario_files_were_skipped(kit: Kit) -> None:
    bundled = sorted(locations.bundled_scenarios_dir().glob("*.toml"))
    folder = locations.user_scenarios_dir()
    folder.mkdir(parents=True)
    (folder / "deep.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    text = bundled[0].read_text(encoding="utf-8").replace('title = "', 'title = "My ', 1)
    (folder / "mine.toml").write_text(text)

    app = kit.app(library=None)  # the real library: the bundled folder, then the user's
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("#scenario-list", OptionList).option_count == len(bundled)
        notes = {n.title: n.message for n in app._notifications}
        assert "deep.toml" in notes["Scenario file skipped"] and "nested" in notes["Scenario file skipped"]
        assert "mine.toml" in notes["Scenario replaced"] and "bundled" in notes["Scenario replaced"]
