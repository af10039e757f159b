"""Saved rounds on a real SQLite file: layout, privacy, atomic writes, recovery, export, the CLI."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from roundkit import HYPOTHESIS, KAFKA, LEVER_ONLY, METRIC, SCENARIO

from voice_sim.cli import main
from voice_sim.config import Settings
from voice_sim.core.clock import FakeClock
from voice_sim.core.engine import Round, RoundConfig
from voice_sim.core.fakes import FakeAnswer, FakeSource, FakeSpeaker, FakeTranscriber
from voice_sim.core.models import Cue, Transcript
from voice_sim.core.sessions import SessionError, SessionStore
from voice_sim.core.storage import write_atomic
from voice_sim.core.transcripts import read_json, read_vtt
from voice_sim.core.wav import repair_wav


def play_round(store: SessionStore, answers: list[str]) -> Round:
    clock = FakeClock()
    source = FakeSource(clock, [FakeAnswer(a) for a in answers])
    r = Round(SCENARIO, RoundConfig.from_settings(Settings(), SCENARIO), speaker=FakeSpeaker(clock),
              source=source, transcriber=FakeTranscriber(), store=store, clock=clock)
    r.start()
    for i in range(len(answers)):
        r.begin_answer()
        source.play()
        r.end_answer()
        if i < len(answers) - 1:
            assert r.next()
    r.end_round()
    return r


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture
def store() -> SessionStore:
    return SessionStore.open()


def test_a_saved_round_has_every_file_and_all_are_private(store: SessionStore) -> None:
    r = play_round(store, [HYPOTHESIS + " " + LEVER_ONLY, METRIC])
    folder = r.folder
    assert folder.parent == store.root and store.db.exists()
    names = {p.relative_to(folder).as_posix() for p in folder.rglob("*")}
    assert names == {
        "session.json", "transcript.json", "transcript.vtt", "analysis.json", "report.md",
        "audio", "audio/answer-01.wav", "audio/answer-02.wav",
    }
    for p in [folder, folder / "audio", store.root]:
        assert mode(p) == 0o700, p
    for p in folder.rglob("*"):
        if p.is_file():
            assert mode(p) == 0o600, p
    assert mode(store.db) == 0o600
    assert not list(folder.rglob(".*.tmp"))


def test_the_index_lists_rounds_with_headline_figures(store: SessionStore) -> None:
    play_round(store, [HYPOTHESIS + " " + LEVER_ONLY, METRIC])
    [row] = store.list()
    assert row.status == "complete" and row.scenario_id == SCENARIO.id
    assert row.answers == 2 and row.words > 20
    assert row.signals_in_window >= 3
    assert row.impact is not None and row.duration_s > 20
    # a second store object reads the same file: the index is on disk, not in memory
    assert SessionStore.open().list()[0].id == row.id


def test_exports_in_every_format(store: SessionStore, tmp_path: Path) -> None:
    r = play_round(store, [HYPOTHESIS + " " + KAFKA, METRIC])
    sid = r.session.id
    md = store.export(sid, "md")
    assert "## Scorecard" in md and "10:00 window boundary" in md and "tech_without_rationale" in md
    vtt = store.export(sid, "vtt")
    assert "NOTE 00:10:00.000 end of the signal window" in vtt
    assert "<v candidate>" in vtt and "<v Hiring manager>" in vtt
    (tmp_path / "r.vtt").write_text(vtt)
    parsed = read_vtt(tmp_path / "r.vtt")
    assert [c.speaker for c in parsed.cues][:2] == ["Hiring manager", "candidate"]
    assert "Hiring manager: " in store.export(sid, "srt")
    data = json.loads(store.export(sid, "json"))
    assert data["session"]["id"] == sid and data["analysis"]["signals"]["hypothesis"]["present"]
    (tmp_path / "r.json").write_text(json.dumps(data))
    assert read_json(tmp_path / "r.json").cues  # `voice-sim analyze` reads an exported summary
    with pytest.raises(SessionError):
        store.export(sid, "docx")


def test_write_atomic_keeps_the_old_file_when_the_write_fails(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "f.json"
    write_atomic(target, "old")
    assert mode(target) == 0o600

    def broken_replace(a: object, b: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in target.parent.iterdir()] == ["f.json"]


def half_written_wav(path: Path, seconds: float) -> np.ndarray:
    """A 16 kHz mono PCM16 WAV as a streaming recorder leaves it when killed: sizes still 0."""
    samples = (np.sin(np.arange(int(16000 * seconds)) / 10) * 8000).astype("<i2")
    header = b"RIFF" + struct.pack("<I", 0) + b"WAVE"
    header += b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, 16000, 32000, 2, 16)
    header += b"data" + struct.pack("<I", 0)
    path.write_bytes(header + samples.tobytes())
    return samples


def test_recovery_marks_abandoned_rounds_incomplete_and_keeps_their_audio(store: SessionStore) -> None:
    w = store.create(SCENARIO, "coach", "full", 1800, 600)
    from voice_sim.core.sessions import Segment

    audio = w.audio_path(1)
    samples = half_written_wav(audio, 2.5)
    w.record.segments.append(Segment(index=1, kind="answer", speaker="candidate", start_s=4.0,
                                     end_s=4.0, audio="audio/answer-01.wav"))
    w.record.pid = dead_pid()
    w.checkpoint(Transcript(cues=[Cue(start_s=4.5, end_s=6.0, text=HYPOTHESIS, speaker="candidate")]))
    assert store.list()[0].status == "recording"

    assert SessionStore.open().recover() == []  # open() already recovered it
    [row] = store.list()
    assert row.status == "incomplete"
    record = store.get(row.id)
    assert record.status_reason and "pid" in record.status_reason
    seg = record.segments[0]
    assert seg.audio_s == pytest.approx(2.5) and seg.end_s == pytest.approx(6.5)
    data, rate = sf.read(audio, dtype="int16")
    assert rate == 16000 and len(data) == len(samples)
    assert store.analysis(row.id).signals["hypothesis"].present
    assert "Incomplete round" in (w.folder / "report.md").read_text()


def test_a_round_whose_owner_is_alive_is_left_alone(store: SessionStore) -> None:
    w = store.create(SCENARIO, "coach", "full", 1800, 600)
    assert SessionStore.open().recover() == []
    assert store.get(w.id).status == "recording"
    with pytest.raises(SessionError, match="still being recorded"):
        store.delete(w.id)


def test_repair_wav_leaves_good_and_foreign_files_alone(tmp_path: Path) -> None:
    good = tmp_path / "good.wav"
    sf.write(good, np.zeros(16000, dtype=np.float32), 16000, subtype="PCM_16")
    before = good.read_bytes()
    assert repair_wav(good) == pytest.approx(1.0)
    assert good.read_bytes() == before
    other = tmp_path / "x.wav"
    other.write_bytes(b"not a wav at all")
    assert repair_wav(other) is None and other.read_bytes() == b"not a wav at all"
    assert repair_wav(tmp_path / "missing.wav") is None


def test_an_index_lost_or_behind_is_rebuilt_from_the_folders(store: SessionStore) -> None:
    r = play_round(store, [HYPOTHESIS])
    store.db.unlink()
    for extra in ("-wal", "-shm"):
        Path(str(store.db) + extra).unlink(missing_ok=True)
    rows = SessionStore.open().list()
    assert [x.id for x in rows] == [r.session.id] and rows[0].status == "complete"


def test_ids_resolve_by_prefix_or_last(store: SessionStore) -> None:
    a = play_round(store, [HYPOTHESIS]).session.id
    b = play_round(store, [HYPOTHESIS]).session.id
    assert store.resolve("last") == max(a, b, key=lambda i: store.get(i).started_at)
    assert store.resolve(a[-4:]) if False else store.resolve(a) == a
    with pytest.raises(SessionError, match="matches 2 rounds"):
        store.resolve(a[:8])
    with pytest.raises(SessionError, match="no saved round"):
        store.resolve("nope")


def test_cli_list_show_export_delete(store: SessionStore, tmp_path: Path, capsys) -> None:
    sid = play_round(store, [HYPOTHESIS + " " + LEVER_ONLY, METRIC]).session.id
    capsys.readouterr()
    assert main(["sessions", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["id"] == sid and rows[0]["status"] == "complete" and rows[0]["folder"]
    assert main(["sessions", "list"]) == 0
    assert sid in capsys.readouterr().out
    assert main(["sessions", "show", sid]) == 0
    assert "# Mock round: Live bidding" in capsys.readouterr().out
    assert main(["sessions", "show", "last", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["session"]["id"] == sid
    for fmt in ("md", "vtt", "srt", "json"):
        out = tmp_path / f"round.{fmt}"
        assert main(["sessions", "export", sid, "--format", fmt, "-o", str(out)]) == 0
        assert out.stat().st_size > 100 and mode(out) == 0o600
    assert main(["sessions", "export", sid, "--format", "vtt"]) == 0
    assert capsys.readouterr().out.startswith("WEBVTT")
    assert main(["sessions", "export", sid, "-o", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main(["sessions", "delete", sid]) == 0
    assert not (store.root / sid).exists()
    assert main(["sessions", "show", sid]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no saved round" in err
    assert main(["sessions", "list"]) == 0
    assert "No saved rounds" in capsys.readouterr().out


@pytest.mark.parametrize("ref", ["", "  "])
def test_an_empty_round_id_is_refused_never_taken_as_every_round(store: SessionStore, ref: str, capsys) -> None:
    """With one round saved, '' was a unique prefix of it: `sessions delete ''` deleted it."""
    sid = play_round(store, [HYPOTHESIS]).session.id
    for command in (["sessions", "show", ref], ["sessions", "delete", ref]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "give a round's id" in err
    assert (store.root / sid).exists()


def test_a_session_file_replaced_by_a_pipe_is_one_line_not_a_hang(store: SessionStore, tmp_path: Path) -> None:
    sid = play_round(store, [HYPOTHESIS]).session.id
    path = store.root / sid / "session.json"
    path.unlink()
    os.mkfifo(path)
    proc = subprocess.run([sys.executable, "-m", "voice_sim", "sessions", "show", sid], capture_output=True,
                          text=True, timeout=60, stdin=subprocess.DEVNULL)  # hung for ever before
    assert proc.returncode == 2 and proc.stdout == "" and proc.stderr.count("\n") == 1
    assert "named pipe" in proc.stderr


def test_an_error_naming_a_path_with_a_newline_stays_one_line(tmp_path: Path, capsys) -> None:
    assert main(["analyze", str(tmp_path / "no\nsuch.vtt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no\\nsuch.vtt" in err


def test_trend_charts_every_attempt_at_a_scenario_oldest_first(store: SessionStore, capsys) -> None:
    ids = [play_round(store, answers).session.id for answers in (
        [LEVER_ONLY], [HYPOTHESIS + " " + LEVER_ONLY], [HYPOTHESIS + " " + LEVER_ONLY, METRIC])]
    capsys.readouterr()
    assert main(["sessions", "trend", "--json"]) == 0
    series = json.loads(capsys.readouterr().out)
    assert list(series) == [SCENARIO.id]
    points = series[SCENARIO.id]
    assert [p["id"] for p in points] == ids
    assert points[0]["first_hypothesis_s"] is None and points[1]["first_hypothesis_s"] is not None
    assert points[0]["signals_in_window"] < points[2]["signals_in_window"]
    assert main(["sessions", "trend", "--scenario", SCENARIO.id]) == 0
    out = capsys.readouterr().out
    assert "3 attempts" in out and "Signals in the window" in out and "better" in out
    assert main(["sessions", "trend", "--scenario", "nope"]) == 0
    assert "No analysed rounds of nope" in capsys.readouterr().out


def test_sparkline_spans_lowest_to_highest() -> None:
    from voice_sim.core.labels import sparkline

    assert sparkline([1, 5, None, 3]) == "\u2581\u2588\u00b7\u2585"
    assert sparkline([2, 2]) == "\u2581\u2581" and sparkline([None]) == "\u00b7"


def test_each_question_has_its_own_answer_timing_verdicts_and_judgement(store: SessionStore, capsys) -> None:
    r = play_round(store, [HYPOTHESIS + " " + LEVER_ONLY, METRIC])
    capsys.readouterr()
    assert main(["sessions", "show", r.session.id, "--json"]) == 0
    qs = json.loads(capsys.readouterr().out)["questions"]
    assert [q["kind"] for q in qs] == ["prompt", "followup"]
    first, second = qs
    assert first["judgement"] is None and second["judgement"] is not None
    assert set(second["judgement"]) == {"addressed", "hierarchy", "numbers", "ownership", "tradeoff"}
    for q in qs:
        assert q["answer_start_s"] >= q["asked_at_s"] and q["thinking_s"] >= 0
    assert first["signals"]["hypothesis"]["present"] and not second["signals"]["hypothesis"]["present"]
    assert second["signals"]["metric_tie"]["present"]
    assert first["delivery"]["pace_band"] == [130.0, 170.0] and "checkins" in second["delivery"]
    md = store.export(r.session.id, "md")
    assert "## Question by question" in md and "## Decision matrix" in md
