"""A damaged session index is rebuilt when the app opens, and the app says so in one notification
(issue 12). Before the fix, SessionStore.open() raised sqlite3.DatabaseError and the app never opened."""

from __future__ import annotations

import pytest
from test_index_damage import damaged_store, random_bytes

from ui.conftest import DatedStore, Kit
from voice_sim.core.sessions import SessionStore

pytestmark = pytest.mark.asyncio


async def test_the_app_says_the_index_was_rebuilt(kit: Kit) -> None:
    _, ids, _ = damaged_store(random_bytes)
    kit.store = DatedStore(SessionStore.open())
    app = kit.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notes = [n for n in app._notifications if "rebuilt" in n.message]
        assert len(notes) == 1 and notes[0].severity == "warning"
        assert sorted(r.id for r in app.services.store.list()) == ids
