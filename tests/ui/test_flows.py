"""The app's flows, driven with the Pilot: choose a scenario, run a round, read the report, open it
from history, export it, replay a line; and the ways a round ends early."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from textual.widgets import OptionList, Select, Static, TabbedContent

from ui.conftest import Kit
from ui.scenarios import CHECKOUT, STRONG
from voice_sim.config import Settings
from voice_sim.core.engine import State
from voice_sim.errors import UserError
from voice_sim.ui.screens.dialogs import ConfirmScreen, ExportScreen
from voice_sim.ui.screens.history import HistoryScreen
from voice_sim.ui.screens.home import HomeScreen
from voice_sim.ui.screens.interview import InterviewScreen
from voice_sim.ui.screens.report import ReportScreen
from voice_sim.ui.widgets import LensChecklist, LiveTranscript, WindowBar

pytestmark = pytest.mark.asyncio
SIZE = (100, 30)


def plain(widget: Static, width: int = 100) -> str:
    """What a Static shows, as plain text (its content may be any Rich renderable)."""
    from rich.console import Console

    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(widget.content)
    return console.export_text()


async def choose(pilot, scenario_id: str) -> None:  # type: ignore[no-untyped-def]
    await wait(pilot)  # under snap_compare, run_before starts before Home has mounted
    options = pilot.app.screen.query_one("#scenario-list", OptionList)
    options.highlighted = options.get_option_index(scenario_id)
    await pilot.pause()


async def wait(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def start_round(pilot, scenario_id: str = "live-auction") -> InterviewScreen:  # type: ignore[no-untyped-def]
    await choose(pilot, scenario_id)
    await pilot.press("enter")
    await wait(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen)
    return screen


async def answer(pilot, kit: Kit, until_s: float | None = None, end: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Start an answer and play it. end=True: to its end, where the source stops by itself and
    the screen ends the answer (SourceEnded); end=False: stop short and keep recording."""
    await pilot.press("space")
    await wait(pilot)
    source = kit.rounds.source
    assert source is not None and source.current is not None
    kit.rounds.play(None if end else (until_s or source.current.duration_s))
    await wait(pilot)


async def open_from_history(pilot, row: int = 0) -> ReportScreen:  # type: ignore[no-untyped-def]
    """Home -> History -> the row-th round (newest first) -> its report."""
    await wait(pilot)
    await pilot.press("h")
    await wait(pilot)
    await pilot.press(*["down"] * row, "enter")
    await wait(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReportScreen)
    return screen


async def run_whole_round(pilot, kit: Kit) -> ReportScreen:  # type: ignore[no-untyped-def]
    await start_round(pilot)
    await answer(pilot, kit)
    await pilot.press("n")
    await wait(pilot)
    await answer(pilot, kit)
    await pilot.press("e")
    await pilot.pause()
    await pilot.press("y")
    await wait(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReportScreen)
    return screen


async def test_home_lists_scenarios_checks_and_choices(kit: Kit) -> None:
    app = kit.app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        options = screen.query_one("#scenario-list", OptionList)
        assert options.option_count == 3
        checks = plain(screen.query_one("#checks", Static))
        assert "✓ microphone" in checks and "✗ model" in checks
        assert "voice-sim models pull tiny.en" in checks
        devices = screen.query_one("#device", Select)
        assert ("USB mic", "USB mic") in [(str(p), v) for p, v in devices._options]


async def test_choices_are_remembered(kit: Kit) -> None:
    app = kit.app()
    app.services.settings.round.minutes = 25  # from the settings file: not one of the offered
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert kit.remembered == []  # opening the screen changes nothing
        assert app.screen.query_one("#minutes", Select).value == 25
        app.screen.query_one("#mode", Select).value = "exam"
        app.screen.query_one("#kind", Select).value = "drill"
        await wait(pilot)
        assert kit.remembered[-1].round.mode == "exam"
        assert kit.remembered[-1].round.kind == "drill"
        assert app.screen.query_one("#minutes", Select).disabled

        voices = app.screen.query_one("#voices", Select)
        assert voices.value == "us-gb"  # the default panel
        voices.value = "gb-scotland"
        await wait(pilot)
        panel = kit.remembered[-1].panel
        assert [(p.name, p.voice, p.rate) for p in panel.personas] == [
            ("Hiring manager", "en-gb-x-rp", 165), ("Senior PM", "en-gb-scotland", 170)]
        app.screen.query_one("#speak", Select).value = False
        await wait(pilot)
        assert voices.disabled  # text only: no voice to choose


async def test_a_panel_from_the_settings_file_is_shown_as_such(kit: Kit) -> None:
    app = kit.app()
    app.services.settings.panel.personas[1].rate = 200
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert app.screen.query_one("#voices", Select).value == "custom"
        assert kit.remembered == []


async def test_remember_choices_writes_only_the_choices_to_the_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from voice_sim.config import Settings, load_settings
    from voice_sim.ui.services import remember_choices

    monkeypatch.setenv("VOICE_SIM_ROUND__PUSHINESS", "gentle")  # an override, not a choice
    settings = Settings()
    settings.round.mode = "exam"
    settings.speech.model = "base.en"
    settings.panel.personas[0].voice, settings.panel.personas[0].rate = "en-gb-x-rp", 140
    remember_choices(settings)
    monkeypatch.delenv("VOICE_SIM_ROUND__PUSHINESS")
    again = load_settings()
    assert (again.round.mode, again.speech.model, again.round.pushiness) == ("exam", "base.en", "firm")
    assert [(p.voice, p.rate) for p in again.panel.personas] == [("en-gb-x-rp", 140), ("en-gb", 175)]


async def test_a_whole_round_from_home_to_report(kit: Kit) -> None:
    app = kit.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_round(pilot)
        assert screen.state == State.WAITING
        question = screen.query_one("#question", Static)
        assert "bidding system" in plain(question)

        await answer(pilot, kit, end=False)
        assert screen.state == State.ANSWERING
        transcript = screen.query_one(LiveTranscript)
        assert any("bidders bid more" in line for line in transcript.lines)
        checklist = screen.query_one(LensChecklist)
        assert {"hypothesis", "constraint", "metric_tie"} <= set(checklist.heard)
        assert set(screen.query_one(WindowBar).marks) == {"hypothesis", "constraint", "metric_tie"}

        await pilot.press("space")
        await wait(pilot)
        assert screen.state == State.ANSWERED
        await pilot.press("n")
        await wait(pilot)
        assert screen.state == State.WAITING
        assert "acknowledged" in plain(question)

        await answer(pilot, kit)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await wait(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert report.analysis is not None
        codes = {f.code for f in report.flags}
        assert "defers_to_engineering" in codes
    rows = kit.store.list()
    assert len(rows) == 1 and rows[0].status == "complete" and rows[0].answers == 2


async def test_keys_that_do_not_fit_the_moment_are_greyed_out(kit: Kit) -> None:
    app = kit.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_round(pilot)
        assert screen.check_action("next", ()) is True
        await answer(pilot, kit, end=False)
        assert screen.check_action("next", ()) is None  # shown, disabled
        assert screen.check_action("begin_answer", ()) is False  # space means "done" now
        await pilot.press("n")  # ignored, not an error
        await wait(pilot)
        assert screen.state == State.ANSWERING
        assert not [n for n in app._notifications if n.severity == "error"]


async def test_pause_stops_the_clock(kit: Kit) -> None:
    app = kit.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_round(pilot)
        await pilot.press("p")
        await wait(pilot)
        assert screen.state == State.PAUSED
        before = screen.round.now()
        kit.rounds.clock.advance(60)
        assert screen.round.now() == pytest.approx(before)
        await pilot.press("p")
        await wait(pilot)
        assert screen.state == State.WAITING


async def test_report_flag_jumps_to_the_transcript_and_plays_from_that_line(kit: Kit) -> None:
    kit.record_round()
    app = kit.app()
    async with app.run_test(size=SIZE) as pilot:
        report = await open_from_history(pilot)
        await pilot.press("2")
        flags = report.query_one("#flag-list", OptionList)
        index = next(i for i, f in enumerate(report.flags) if f.code == "defers_to_engineering")
        flags.highlighted = index
        await pilot.pause()
        detail = plain(report.query_one("#flag-detail", Static))
        assert "engineering" in detail and "Stronger" in detail
        await pilot.press("enter")
        await pilot.pause()
        assert report.query_one(TabbedContent).active == "transcript"
        line = report.highlighted_line
        assert line is not None and line.cue is not None and "engineering" in line.cue.text

        await pilot.press("p")
        await wait(pilot)
        (path, offset), = kit.player.played
        answer2 = [s for s in report.record.segments if s.kind == "answer"][1]
        assert path == Path(report.folder) / answer2.audio
        assert offset == pytest.approx(line.cue.start_s - answer2.start_s)


async def test_playing_a_panel_line_or_without_a_device_says_why(kit: Kit) -> None:
    kit.record_round()
    app = kit.app()
    async with app.run_test(size=SIZE) as pilot:
        report = await open_from_history(pilot)
        await pilot.press("4")
        report.query_one("#lines", OptionList).highlighted = 1  # the panel's prompt, under the legend
        await pilot.press("p")
        await wait(pilot)
        assert kit.player.played == []
        assert any("Only your answers" in n.message for n in app._notifications)

        kit.player.fail = "no output device"
        first_words = next(c for c in report.transcript.cues if c.speaker == "candidate")
        report.jump_to(first_words.start_s)
        await pilot.press("p")
        await wait(pilot)
        assert any("no output device" in n.message for n in app._notifications)


async def test_export_in_every_format(kit: Kit) -> None:
    kit.record_round()
    app = kit.app()
    async with app.run_test(size=SIZE) as pilot:
        report = await open_from_history(pilot)
        for fmt, key, check in (("md", "m", "# Mock round"), ("vtt", "v", "WEBVTT"),
                                ("json", "j", '"session"')):
            await pilot.press("x")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            if fmt == "md":
                await pilot.click("#md")
            else:
                await pilot.press(key)
            await wait(pilot)
            path = kit.export_dir / f"{report.stem}.{fmt}"
            assert check in path.read_text(encoding="utf-8")
        assert report.stem == "voice-sim-live-auction-20260302-140500"
        data = json.loads((kit.export_dir / f"{report.stem}.json").read_text())
        assert data["session"]["scenario_id"] == "live-auction"


async def open_history(app, pilot) -> HistoryScreen:  # type: ignore[no-untyped-def]
    await wait(pilot)
    await pilot.press("h")
    await wait(pilot)
    assert isinstance(app.screen, HistoryScreen)
    return app.screen


async def test_history_opens_a_round_and_compares_with_the_attempt_before(kit: Kit) -> None:
    first = kit.record_round()
    kit.record_round(["My bet is that bidders bid more when the close is fair. "
                      "We will add a sequencer per auction."])
    kit.record_round([STRONG], scenario=CHECKOUT)
    app = kit.app()
    async with app.run_test(size=SIZE) as pilot:
        history = await open_history(app, pilot)
        assert [r.scenario_id for r in history.rows] == ["checkout-latency", "live-auction", "live-auction"]
        compare = plain(history.query_one("#compare-body", Static))
        assert "first attempt" in compare

        await pilot.press("down")
        await wait(pilot)
        compare = plain(history.query_one("#compare-body", Static))
        assert "Time to hypothesis" in compare and "Before (2 Mar 14:05)" in compare
        assert "missing this time" in compare  # the metric tie, said in the first attempt only

        await pilot.press("c")  # the comparison can be hidden, for a longer list
        assert not history.query_one("#compare").display
        await pilot.press("c")

        await pilot.press("down", "enter")
        await wait(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen) and report.back_to == "history"
        assert report.record.id == first
        await pilot.press("escape")
        assert app.screen is history
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_history_deletes_a_round_after_asking(kit: Kit) -> None:
    kit.record_round()
    newest = kit.record_round(scenario=CHECKOUT)
    app = kit.app()
    async with app.run_test(size=SIZE) as pilot:
        history = await open_history(app, pilot)
        assert len(history.rows) == 2
        folder = kit.store.folder(newest)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("n")  # keep it
        await wait(pilot)
        assert len(history.rows) == 2 and folder.exists()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await wait(pilot)
        assert [r.id for r in history.rows] == [r.id for r in kit.store.list()]
        assert newest not in [r.id for r in history.rows] and len(history.rows) == 1
        assert not folder.exists()
        assert "1 past round" in plain(history.query_one("#title", Static))


async def test_ending_early_asks_once_and_keeps_going_on_no(kit: Kit) -> None:
    app = kit.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_round(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("n")
        await wait(pilot)
        assert app.screen is screen and screen.state == State.WAITING


async def test_quitting_mid_answer_asks_once_and_keeps_what_was_said(kit: Kit) -> None:
    app = kit.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_round(pilot)
        await answer(pilot, kit, until_s=12, end=False)
        assert screen.state == State.ANSWERING
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("ctrl+q")  # the same key again means yes
        await wait(pilot)
    assert app.return_code == 0
    (row,) = kit.store.list()
    assert row.status == "incomplete"
    record = kit.store.get(row.id)
    assert "bidders bid more" in record.segments[1].text


async def test_a_round_that_cannot_start_says_why_and_goes_back(kit: Kit) -> None:
    def broken(request):  # type: ignore[no-untyped-def]
        request.progress("Loading the speech model tiny.en…", None)
        raise UserError("model tiny.en is not downloaded; run: voice-sim models pull tiny.en")

    app = kit.app(round_factory=broken)
    async with app.run_test(size=SIZE) as pilot:
        await start_round(pilot)
        assert any("not downloaded" in n.message for n in app._notifications)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_keys_answer_while_the_model_decodes(kit: Kit) -> None:
    """end_answer blocks in a worker while the last words are transcribed; the screen does not."""
    import threading

    release = threading.Event()
    rounds = kit.rounds

    def slow_factory(request):  # type: ignore[no-untyped-def]
        rnd = rounds(request)
        stream_of = rnd._transcriber.stream

        def stream(*args):  # type: ignore[no-untyped-def]
            s = stream_of(*args)
            finish = s.finish
            s.finish = lambda: (release.wait(10), finish())[1]
            return s

        rnd._transcriber.stream = stream
        return rnd

    app = kit.app(round_factory=slow_factory)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_round(pilot)
        await answer(pilot, kit, end=False)
        await pilot.press("space")
        for _ in range(50):
            await pilot.pause(0.01)
            if screen.state == State.TRANSCRIBING:
                break
        assert screen.state == State.TRANSCRIBING
        took = []
        for _ in range(3):  # the quickest of three: a busy test machine must not fail it
            started = time.perf_counter()
            await pilot.press("tab")
            took.append(time.perf_counter() - started)
        assert min(took) < 0.1, f"keys took {[round(t * 1000) for t in took]} ms while transcribing"
        assert screen.state == State.TRANSCRIBING  # still decoding: the keys did not wait for it
        release.set()
        await wait(pilot)
        assert screen.state == State.ANSWERED


async def test_a_round_keeps_the_app_out_of_full_collections_until_it_closes(kit: Kit) -> None:
    import gc

    from ui.scenarios import AUCTION
    from voice_sim.config import Settings
    from voice_sim.ui.rounds import RoundRequest, keep_collections_short

    rnd = kit.rounds(RoundRequest(AUCTION, Settings(), kit.store, lambda e: None, lambda t, f: None))
    keep_collections_short(rnd)
    try:
        assert gc.get_freeze_count() > 1000  # the objects alive now are not scanned again
    finally:
        rnd.close()
    assert gc.get_freeze_count() == 0


async def test_history_charts_every_attempt_from_the_third_on(kit: Kit) -> None:
    kit.record_round(["We will add a sequencer per auction."])
    kit.record_round()
    kit.record_round()
    app = kit.app()
    async with app.run_test(size=SIZE) as pilot:
        history = await open_history(app, pilot)
        await wait(pilot)
        compare = plain(history.query_one("#compare-body", Static))
        assert "All 3 attempts, oldest to newest" in compare
        assert "Time to hypothesis" in compare and "Signals in the window" in compare and "better" in compare


async def test_section_keys_work_from_any_section(kit: Kit) -> None:
    """1-4 switch sections even when a list in the current one has focus (the flag list used to
    hand focus to its neighbour, and the tabs followed it back)."""
    kit.record_round()
    app = kit.app()
    async with app.run_test(size=SIZE) as pilot:
        report = await open_from_history(pilot)
        tabs = report.query_one(TabbedContent)
        for key, section in (("2", "flags"), ("3", "delivery"), ("2", "flags"), ("1", "score"),
                             ("4", "transcript"), ("3", "delivery")):
            await pilot.press(key, "down")
            await pilot.pause()
            assert tabs.active == section, (key, tabs.active)


async def test_the_questions_section_reads_each_answer_on_its_own(kit: Kit) -> None:
    kit.record_round()
    app = kit.app()
    async with app.run_test(size=SIZE) as pilot:
        report = await open_from_history(pilot)
        await app.workers.wait_for_complete()
        await pilot.press("5")
        await pilot.pause()
        assert report.query_one(TabbedContent).active == "questions"
        assert [q.kind for q in report.questions] == ["prompt", "followup"]
        assert report.questions[1].judgement is not None
        text = plain(report.query_one("#questions-body", Static))
        assert "Question by question" in text and "Decision matrix" in text


async def test_a_whatif_drill_from_home_to_a_judged_report(kit: Kit) -> None:
    settings = Settings()
    settings.panel.speak = False
    settings.round.kind = "whatif"
    app = kit.app(settings)
    async with app.run_test(size=SIZE) as pilot:
        await choose(pilot, "live-auction")
        detail = plain(app.screen.query_one("#scenario-detail", Static))
        assert "a what-if drill: 2 what-ifs, 90 seconds each" in detail
        interview = await start_round(pilot)
        assert "what-if drill" in plain(interview.query_one("#title", Static))
        await answer(pilot, kit)
        await pilot.press("n")
        await wait(pilot)
        await answer(pilot, kit)
        await pilot.press("n")  # nothing left: the panel wraps up and the report opens
        await wait(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen)
        await wait(pilot)
        assert [q.kind for q in report.questions] == ["drill", "drill"]
        assert all(q.judgement is not None for q in report.questions)


async def test_a_full_disk_mid_answer_is_a_notification_and_the_round_stops(kit: Kit) -> None:
    """The recorder says the disk filled up (tests/test_disk_full.py fills a real one): one
    notification that says so and where the answer is, the round stops as incomplete, no crash."""
    from voice_sim.core.ports import Recording

    def filling(request):  # type: ignore[no-untyped-def]
        rnd = kit.rounds(request)
        source = kit.rounds.source
        assert source is not None
        stop = source.stop
        source.stop = lambda: Recording((rec := stop()).path, rec.duration_s, disk_full=True)  # type: ignore[method-assign]
        return rnd

    app = kit.app(round_factory=filling)
    async with app.run_test(size=SIZE) as pilot:
        await start_round(pilot)
        await answer(pilot, kit)  # to its end: the screen ends the answer, the disk is full
        await wait(pilot)
        assert isinstance(app.screen, ReportScreen)
        [note] = [n for n in app._notifications if n.title == "Disk full"]
        assert note.severity == "error" and note.message.startswith("the disk is full")
        assert "answer-01.wav" in note.message
        assert not [n for n in app._notifications if n.title.startswith("Failed")]
    (row,) = kit.store.list()
    assert row.status == "incomplete" and row.answers == 1
