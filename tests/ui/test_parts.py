"""The app's parts on their own: comparison, report lines, widgets, messages, playback errors,
the command palette, and the interview's handling of engine events a round rarely produces."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import Label, Select, Static

from ui.conftest import Kit
from ui.scenarios import STRONG
from ui.test_flows import SIZE, answer, open_from_history, plain, start_round, wait
from voice_sim.core import events as ev
from voice_sim.core.analysis import analyze
from voice_sim.core.engine import State
from voice_sim.core.models import Cue, Transcript
from voice_sim.ui.compare import comparison
from voice_sim.ui.messages import LevelMeasured
from voice_sim.ui.playback import PlaybackError, SoundDevicePlayer
from voice_sim.ui.report_views import transcript_lines
from voice_sim.ui.screens.dialogs import ChecksScreen
from voice_sim.ui.screens.home import HomeScreen
from voice_sim.ui.screens.interview import InterviewScreen
from voice_sim.ui.screens.report import ReportScreen
from voice_sim.ui.widgets import WindowBar


def cues(*lines: tuple[float, float, str, str]) -> Transcript:
    return Transcript(cues=[Cue(start_s=a, end_s=b, text=t, speaker=who) for a, b, t, who in lines])


def test_comparison_says_sooner_later_new_and_missing() -> None:
    line = "My bet is that first-time bidders give up after one outbid notice that arrives too late."
    now = analyze(cues((5, 15, line, "candidate")))
    before = analyze(cues((70, 80, line, "candidate")))
    from rich.console import Console

    console = Console(width=120, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(comparison(now, before, "Before"))
    text = console.export_text()
    assert "1:05 sooner" in text
    assert "still missing" in text  # the metric tie, in neither


def test_transcript_lines_mark_the_window_and_real_pauses_only() -> None:
    from voice_sim.core.sessions import SessionRecord

    t = cues(
        (0, 10, "Design the bid path.", "Hiring manager"),
        (12, 20, "We start with the user.", "candidate"),
        (30, 40, "Then the sequencer.", "candidate"),     # a 10 s pause of the candidate's own
        (41, 45, "What about cost?", "Senior PM"),
        (52, 60, "Cost comes from memory.", "candidate"),  # the silence spans the panel's question
        (700, 705, "And that is it.", "candidate"),
    )
    record = SessionRecord(id="x", scenario_id="s", scenario_title="S", mode="coach", kind="full",
                           started_at="2026-03-02T14:05:00Z", round_s=1800, window_s=600)
    lines = transcript_lines(record, t, analyze(t.by_speaker("candidate"), window_s=600))
    text = [line.prompt.plain if hasattr(line.prompt, "plain") else "cue" for line in lines]
    markers = [s for s in text if "────" in s]
    assert markers[0].startswith("──── 10 s pause")
    assert any("end of the signal window" in m for m in markers)
    assert not any("12 s pause" in m for m in markers)
    window = next(i for i, s in enumerate(text) if "end of the signal window" in s)
    assert lines[window + 1].cue is not None and lines[window + 1].cue.start_s == 700


def test_level_messages_replace_each_other() -> None:
    assert LevelMeasured(0.1, 0).can_replace(LevelMeasured(0.2, 0))


def test_player_says_why_it_cannot_play(tmp_path: Path) -> None:
    import numpy as np
    import soundfile as sf

    player = SoundDevicePlayer()
    with pytest.raises(PlaybackError, match="not on disk"):
        player.play(tmp_path / "gone.wav")
    wav = tmp_path / "answer-01.wav"
    sf.write(wav, np.zeros(16000, dtype="float32"), 16000)
    with pytest.raises(PlaybackError, match="nothing recorded after 5 s"):
        player.play(wav, 5.0)


@pytest.mark.asyncio
async def test_window_bar_marks_and_legend(kit: Kit) -> None:
    from textual.app import App

    class Bar(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield WindowBar(600, id="bar")

    app = Bar()
    async with app.run_test(size=(100, 4)) as pilot:
        bar = app.query_one(WindowBar)
        bar.now_s = 300
        bar.mark("hypothesis", 30)
        bar.mark("metric_tie", 700)  # late: drawn at the end of the bar
        bar.mark("lever", 40)  # not one of the three marked signals
        await pilot.pause()
        top, marks = str(bar.render()).split("\n")
        assert "5:00 / 10:00" in top
        assert "H" in marks and marks.rstrip().endswith("M")
        assert "legend" not in marks and "C constraint" not in marks  # no room after a late mark


@pytest.mark.asyncio
async def test_model_loading_shows_progress_and_going_back_starts_nothing(kit: Kit) -> None:
    release = threading.Event()

    def slow(request):  # type: ignore[no-untyped-def]
        request.progress("Loading the speech model tiny.en…", None)
        release.wait(10)
        return kit.rounds(request)

    app = kit.app(round_factory=slow)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.01)
            screen = app.screen
            if isinstance(screen, InterviewScreen) and "tiny.en" in str(
                    screen.query_one("#loading-text", Label).render()):
                break
        else:
            raise AssertionError("the loading line never showed the model")
        await pilot.press("escape")  # keys work while the model loads
        assert isinstance(app.screen, HomeScreen)
        release.set()
        await wait(pilot)
    assert kit.store.list() == []  # the round that finished loading after we left never started


@pytest.mark.asyncio
async def test_time_up_wraps_the_round_up(kit: Kit) -> None:
    app = kit.app()
    app.services.settings.round.minutes = 0.5  # 30 s: the answer runs past it
    async with app.run_test(size=SIZE) as pilot:
        await start_round(pilot)
        await answer(pilot, kit)
        await wait(pilot)
        assert isinstance(app.screen, ReportScreen)
        assert any("Time is up" in n.message for n in app._notifications)
        assert not any(n.severity == "error" for n in app._notifications)
    assert kit.store.list()[0].status == "complete"


@pytest.mark.asyncio
async def test_coach_cues_show_in_coach_mode_only(kit: Kit) -> None:
    for mode, shown in (("coach", True), ("exam", False)):
        app = kit.app()
        app.services.settings.round.mode = mode
        async with app.run_test(size=SIZE) as pilot:
            screen = await start_round(pilot)
            from voice_sim.ui.messages import RoundReported

            screen.post_message(RoundReported(ev.CoachCue("window_2min", "Two minutes left", 480)))
            await pilot.pause()
            assert ("Two minutes left" in plain(screen.query_one("#cue", Static))) is shown
            assert screen.query_one("#coach").display is shown


@pytest.mark.asyncio
async def test_drill_disables_length_and_check_details_open(kit: Kit) -> None:
    app = kit.app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        app.screen.query_one("#kind", Select).value = "drill"
        await pilot.pause()
        assert app.screen.query_one("#minutes", Select).disabled
        assert "opening drill" in plain(app.screen.query_one("#scenario-detail", Static))
        await pilot.press("d")
        assert isinstance(app.screen, ChecksScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.asyncio
async def test_the_command_palette_lists_the_screens_actions(kit: Kit) -> None:
    kit.record_round([STRONG])
    app = kit.app()
    async with app.run_test(size=SIZE) as pilot:
        report = await open_from_history(pilot)
        titles = [c.title for c in app.get_system_commands(report)]
        for title in ("Play from line", "Export", "Export as Markdown", "Export as WebVTT",
                      "Export as JSON", "History", "Quit"):
            assert title in titles
        await pilot.press("escape", "escape")
        await start_round(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Answer" in titles and "End round" in titles and "Done" not in titles
        assert app.screen.state == State.WAITING
