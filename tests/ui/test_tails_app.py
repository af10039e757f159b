"""A round that died mid-answer, opened from History: the end of the answer that only its audio
holds is transcribed in the background, with progress under the title, and the report is shown
again with it (core/sessions/tails.py does the work; the transcriber is the fake)."""

from __future__ import annotations

import asyncio
import threading

import pytest
from tailkit import WORDS, TailTranscriber, crashed_round, the_rest
from textual.widgets import Static, TabbedContent

from ui.conftest import Kit
from ui.test_flows import SIZE, plain, wait
from voice_sim.ui.screens.history import HistoryScreen

pytestmark = pytest.mark.asyncio


async def open_newest_round(pilot, fake: TailTranscriber) -> None:  # type: ignore[no-untyped-def]
    """Home -> History -> the newest round's report, until the background transcription starts."""
    await wait(pilot)
    await pilot.press("h")
    await wait(pilot)
    await pilot.press("enter")
    assert await asyncio.to_thread(fake.started.wait, 10)


async def test_an_incomplete_round_gets_its_last_words_in_the_background(kit: Kit) -> None:
    sid = crashed_round(kit.store.store)
    release = threading.Event()
    fake = TailTranscriber(the_rest(), hold=release)
    loads: list[str] = []

    def model(settings, progress):  # type: ignore[no-untyped-def]
        loads.append(settings.speech.model)
        progress("Loading the speech model tiny.en…", None)
        return fake

    app = kit.app(transcriber=model)
    async with app.run_test(size=SIZE) as pilot:
        await open_newest_round(pilot, fake)
        await pilot.pause()
        report = app.screen
        assert report.record.id == sid and report.record.segments[1].recovered is None
        shown = plain(report.query_one("#recovered", Static))
        assert "Transcribing the last 7.0 s of answer 1" in shown
        assert report.query_one("#recovered").display
        await pilot.press("4")  # reading the transcript meanwhile
        release.set()
        await wait(pilot)

        assert app.screen is report and report.record.segments[1].recovered is not None
        assert report.query_one(TabbedContent).active == "transcript"  # kept where the reader was
        assert "The last 7.0 s of answer 1 were transcribed after the round stopped" in plain(
            report.query_one("#recovered", Static))
        assert report.analysis is not None and report.analysis.signals["metric_tie"].present
        assert any("bid conversion" in line.cue.text for line in report.lines if line.cue)
        assert any("Now heard: Lever, Metric tie" in n.message for n in app._notifications)

        await pilot.press("escape")
        await wait(pilot)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        assert history.rows[0].words == kit.store.get(sid).headline.words > 10

        # Opened again: nothing left to transcribe, the model is not asked for.
        await pilot.press("enter")
        await wait(pilot)
        assert app.screen.record.segments[1].recovered.words == WORDS
    assert loads == ["tiny.en"] and len(fake.seconds) == 1


async def test_leaving_the_report_stops_the_work_and_writes_nothing(kit: Kit) -> None:
    sid = crashed_round(kit.store.store)
    release = threading.Event()
    fake = TailTranscriber(the_rest(), hold=release)
    ended = threading.Event()
    real = kit.store.store.transcribe_tails

    def transcribe_tails(*args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return real(*args, **kwargs)
        finally:
            ended.set()  # returned or gave up: either way nothing more will be written

    kit.store.transcribe_tails = transcribe_tails  # type: ignore[method-assign]
    app = kit.app(transcriber=lambda settings, progress: fake)
    async with app.run_test(size=SIZE) as pilot:
        await open_newest_round(pilot, fake)
        await pilot.press("escape")
        release.set()
        assert await asyncio.to_thread(ended.wait, 10)
        await wait(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert not [n for n in app._notifications if n.severity == "error"]
    assert kit.store.get(sid).segments[1].recovered is None
    assert kit.store.tails(sid)  # left for the next opening
