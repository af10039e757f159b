"""Snapshots of every screen at 100x30, and the main ones at 80x24 and 120x40
(pytest-textual-snapshot). Scripted rounds on a fake clock, fixed dates and test-owned scenarios
keep them still; `pytest --snapshot-update` refreshes them after a deliberate change (look at
snapshot_report.html first)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ui.conftest import Kit
from ui.test_flows import answer, open_from_history, start_round, wait

SIZE = (100, 30)


def still(pilot: Any) -> None:
    """Freeze what the snapshot shows: no toasts, and the round clock as of now. The interview
    screen refreshes its clock on a 0.25 s wall-clock interval, which a loaded machine can miss
    between the last step and the snapshot (CI once showed 0:15 for 0:45)."""
    pilot.app.clear_notifications()
    refresh = getattr(pilot.app.screen, "_refresh_clock", None)
    if refresh is not None:
        refresh()


def test_home(kit: Kit, snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await wait(pilot)
        still(pilot)

    assert snap_compare(kit.app(), terminal_size=SIZE, run_before=run_before)


def test_interview_coach_mid_answer(kit: Kit, snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await start_round(pilot)
        await answer(pilot, kit, end=False)
        still(pilot)

    assert snap_compare(kit.app(), terminal_size=SIZE, run_before=run_before)


def test_interview_exam_after_a_follow_up(kit: Kit, snap_compare: Any) -> None:
    app = kit.app()
    app.services.settings.round.mode = "exam"

    async def run_before(pilot: Any) -> None:
        await start_round(pilot)
        await answer(pilot, kit)
        await pilot.press("n")
        await wait(pilot)
        still(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_end_round_dialog(kit: Kit, snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await start_round(pilot)
        await pilot.press("e")
        await pilot.pause()

    assert snap_compare(kit.app(), terminal_size=SIZE, run_before=run_before)


def _report(kit: Kit, snap_compare: Any, *keys: str, size: tuple[int, int] = SIZE) -> bool:
    kit.record_round()

    async def run_before(pilot: Any) -> None:
        await open_from_history(pilot)
        await pilot.app.workers.wait_for_complete()  # the Questions section is read in a worker
        await pilot.press(*keys)
        await pilot.pause()
        still(pilot)

    return snap_compare(kit.app(), terminal_size=size, run_before=run_before)


def test_report_scorecard(kit: Kit, snap_compare: Any) -> None:
    assert _report(kit, snap_compare, "1")


def test_report_flags(kit: Kit, snap_compare: Any) -> None:
    assert _report(kit, snap_compare, "2", "down")


def test_report_delivery(kit: Kit, snap_compare: Any) -> None:
    assert _report(kit, snap_compare, "3")


def test_report_transcript(kit: Kit, snap_compare: Any) -> None:
    assert _report(kit, snap_compare, "4", "down", "down")


# Delivery and the marked transcript must read on a small monochrome-friendly terminal and a large one.
def test_report_delivery_at_80x24(kit: Kit, snap_compare: Any) -> None:
    assert _report(kit, snap_compare, "3", size=(80, 24))


def test_report_delivery_at_120x40(kit: Kit, snap_compare: Any) -> None:
    assert _report(kit, snap_compare, "3", size=(120, 40))


def test_report_transcript_at_80x24(kit: Kit, snap_compare: Any) -> None:
    assert _report(kit, snap_compare, "4", "down", size=(80, 24))


def test_report_questions_at_80x24(kit: Kit, snap_compare: Any) -> None:
    assert _report(kit, snap_compare, "5", size=(80, 24))


def test_report_questions_at_120x40(kit: Kit, snap_compare: Any) -> None:
    assert _report(kit, snap_compare, "5", size=(120, 40))


def test_report_transcript_at_120x40(kit: Kit, snap_compare: Any) -> None:
    assert _report(kit, snap_compare, "4", "down", size=(120, 40))


def test_export_dialog(kit: Kit, snap_compare: Any) -> None:
    kit.record_round()

    async def run_before(pilot: Any) -> None:
        pilot.app.services.export_dir = Path("~/voice-sim-exports")
        await open_from_history(pilot)
        await pilot.press("x")
        await pilot.pause()
        still(pilot)

    assert snap_compare(kit.app(), terminal_size=SIZE, run_before=run_before)


def test_history(kit: Kit, snap_compare: Any) -> None:
    kit.record_round()
    kit.record_round(["My bet is that bidders bid more when the close is fair. "
                      "We will add a sequencer per auction."])

    async def run_before(pilot: Any) -> None:
        await wait(pilot)
        await pilot.press("h")
        await wait(pilot)
        still(pilot)

    assert snap_compare(kit.app(), terminal_size=SIZE, run_before=run_before)


def test_check_details_dialog(kit: Kit, snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await wait(pilot)
        await pilot.press("d")
        await pilot.pause()

    assert snap_compare(kit.app(), terminal_size=SIZE, run_before=run_before)


# The smallest terminal the app promises to work in.

def test_home_at_80x24(kit: Kit, snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await wait(pilot)
        still(pilot)

    assert snap_compare(kit.app(), terminal_size=(80, 24), run_before=run_before)


def test_interview_at_80x24(kit: Kit, snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await start_round(pilot)
        await answer(pilot, kit, end=False)
        still(pilot)

    assert snap_compare(kit.app(), terminal_size=(80, 24), run_before=run_before)
