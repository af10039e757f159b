"""`voice-sim run` end to end with stand-in parts: the driver loop, output, JSON, errors.

The speaker, answer files and transcriber are replaced through voice_sim.runtime's factory hooks
with the core fakes, so this runs in milliseconds with no audio hardware or model; the real parts
are covered by test_round_audio.py.
"""

from __future__ import annotations

import json
import queue
from pathlib import Path

import pytest
from roundkit import HYPOTHESIS, KAFKA, LEVER_ONLY, METRIC, Harness

from voice_sim import runtime
from voice_sim.cli import main
from voice_sim.commands.run import drive
from voice_sim.core.clock import FakeClock
from voice_sim.core.engine import State
from voice_sim.core.fakes import FakeAnswer, FakeSource, FakeTranscriber
from voice_sim.core.ports import Recording


class ScriptedFile:
    """A 'file source' that plays the text in the answer file (one sentence a block), then ends."""

    def __init__(self, path: Path) -> None:
        self.text = path.read_text()

    def start(self, out: Path, on_block, on_level, on_end) -> None:  # type: ignore[no-untyped-def]
        clock = FakeClock()
        self.source = FakeSource(clock, [FakeAnswer(self.text)])
        self.source.start(out, on_block, on_level, on_end)
        self.source.play()

    def stop(self) -> Recording:
        return self.source.stop()


@pytest.fixture
def fake_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runtime, "_file_source", lambda path, settings, realtime: ScriptedFile(path))
    monkeypatch.setattr("voice_sim.speech.transcriber.make_transcriber",
                        lambda settings, model=None: FakeTranscriber())


def answer_files(tmp_path: Path, *texts: str) -> list[str]:
    out = []
    for i, text in enumerate(texts, 1):
        p = tmp_path / f"a{i}.wav"
        p.write_text(text)
        out += ["--answer", str(p)]
    return out


def test_drive_plays_one_answer_per_file_then_wraps_up(tmp_path: Path) -> None:
    h = Harness(tmp_path, [FakeAnswer(HYPOTHESIS), FakeAnswer(METRIC)])
    inbox: queue.Queue[str] = queue.Queue()
    h.round._listener = lambda e: inbox.put("ended") if type(e).__name__ == "SourceEnded" else None

    real_begin = h.round.begin_answer

    def begin() -> Path:
        path = real_begin()
        h.source.play()
        return path

    h.round.begin_answer = begin  # type: ignore[method-assign]
    drive(h.round, 2, inbox)
    assert h.round.state == State.DONE
    kinds = [s.kind for s in h.round.session.segments]
    assert kinds == ["prompt", "answer", "followup", "answer", "wrapup"]


def test_run_prints_the_panel_answers_and_report(tmp_path: Path, fake_parts: None, capsys) -> None:
    files = answer_files(tmp_path, HYPOTHESIS + " " + LEVER_ONLY, METRIC + " " + KAFKA)
    assert main(["run", "--scenario", "auction-bidding", "--no-speak", *files]) == 0
    out = capsys.readouterr().out
    assert "[0:00] Hiring manager:" in out
    assert "What does that achieve for the business?" in out
    assert "You: The user problem is" in out
    assert "# Mock round:" in out and "## Scorecard" in out
    assert "heard: hypothesis" in out  # coach mode names signals as they come


def test_run_json_is_the_session_summary(tmp_path: Path, fake_parts: None, capsys) -> None:
    files = answer_files(tmp_path, HYPOTHESIS + " " + LEVER_ONLY)
    assert main(["run", "--scenario", "auction-bidding", "--no-speak", "--mode", "exam",
                 "--json", *files]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["id"] == data["session"]["id"] and Path(data["folder"]).is_dir()
    segs = data["session"]["segments"]
    assert [s["kind"] for s in segs] == ["prompt", "answer", "wrapup"]
    assert segs[1]["start_s"] >= segs[0]["end_s"] and segs[1]["audio"] == "audio/answer-01.wav"
    assert data["analysis"]["signals"]["hypothesis"]["present"]
    assert data["session"]["mode"] == "exam" and "coach:" not in captured.err
    assert "Hiring manager:" in captured.err  # progress on stderr, JSON alone on stdout
    assert main(["sessions", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["id"] == data["id"]


def test_run_user_errors_are_one_line(tmp_path: Path, fake_parts: None, capsys) -> None:
    assert main(["run", "--scenario", "nope", "--no-speak"]) == 2
    assert "unknown scenario 'nope'" in capsys.readouterr().err
    assert main(["run", "--scenario", "auction-bidding", "--answer", str(tmp_path / "x.wav")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file" in err


def test_a_full_disk_mid_answer_is_one_line_and_exit_2(tmp_path: Path, monkeypatch, capsys) -> None:
    """The recorder says the disk filled up (tests/test_disk_full.py fills a real one): the round
    stops after that answer, saved as incomplete, and stderr has one line naming the WAV."""

    class FillingFile(ScriptedFile):
        def stop(self) -> Recording:
            rec = super().stop()
            return Recording(rec.path, rec.duration_s, disk_full=True)

    monkeypatch.setattr(runtime, "_file_source", lambda path, settings, realtime: FillingFile(path))
    monkeypatch.setattr("voice_sim.speech.transcriber.make_transcriber",
                        lambda settings, model=None: FakeTranscriber())
    files = answer_files(tmp_path, HYPOTHESIS, METRIC)
    assert main(["run", "--scenario", "auction-bidding", "--no-speak", *files]) == 2
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert line.startswith("voice-sim: the disk is full: the round stopped")
    assert "audio/answer-01.wav" in line
    assert "answer 2" not in captured.out  # no second answer recorded onto a full disk
    assert main(["sessions", "list", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["status"] == "incomplete" and row["answers"] == 1
