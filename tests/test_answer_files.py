"""`run --answer FILE` reads audio through the same reader as `analyze` and `transcribe`: what one
accepts (M4A, MP3, ...) the other accepts, and what one refuses it refuses with the same line and
exit code 2, before the round starts. The real file source and session store; the transcriber is
the scripted fake (no model), so this checks decoding and the checks, not recognition."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from speechkit import say, silence, write_audio, write_wav

from voice_sim.cli import main
from voice_sim.core.fakes import FakeTranscriber

TEXT = "My hypothesis is that latency hurts conversion."


@pytest.fixture(scope="module")
def speech() -> np.ndarray:
    return np.concatenate([say(TEXT), silence(0.3)])  # espeak-ng, 16 kHz mono


@pytest.fixture
def fake_transcriber(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("voice_sim.speech.transcriber.make_transcriber",
                        lambda settings, model=None: FakeTranscriber.from_text(TEXT))


def one_line_exit_2(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("voice-sim: "), captured.err
    assert "Traceback" not in captured.err and captured.out == ""
    return lines[0]


def run_answer(path: Path) -> list[str]:
    return ["run", "--scenario", "auction-bidding", "--no-speak", "--fast", "--json",
            "--answer", str(path)]


@pytest.mark.parametrize("suffix", [".m4a", ".mp3"])
def test_run_plays_compressed_answer_files(tmp_path: Path, speech: np.ndarray, fake_transcriber: None,
                                           capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    answer = write_audio(tmp_path / f"answer{suffix}", speech)
    assert main(run_answer(answer)) == 0
    data = json.loads(capsys.readouterr().out)
    seg = next(s for s in data["session"]["segments"] if s["kind"] == "answer")
    assert seg["audio_s"] == pytest.approx(len(speech) / 16000, abs=0.1)
    assert "latency hurts conversion" in seg["text"]
    recorded, rate = sf.read(Path(data["folder"]) / seg["audio"], dtype="float32")
    assert rate == 16000 and np.sqrt(np.mean(recorded**2)) > 0.01  # the speech, not silence


def wav_header(data_bytes: int) -> bytes:
    return (b"RIFF" + struct.pack("<I", data_bytes + 36) + b"WAVEfmt "
            + struct.pack("<IHHIIHH", 16, 1, 1, 16000, 32000, 2, 16)
            + b"data" + struct.pack("<I", data_bytes))


@pytest.mark.parametrize(("name", "message"), [
    ("truncated.wav", "is truncated: the header promises 3.0 s but the file holds 1.0 s"),
    ("header-only.wav", "holds no audio samples"),
    ("notes.mp3", "not a readable audio file"),
])
def test_run_refuses_what_analyze_refuses_with_the_same_line(
        tmp_path: Path, speech: np.ndarray, fake_transcriber: None,
        capsys: pytest.CaptureFixture[str], name: str, message: str) -> None:
    path = tmp_path / name
    if name == "truncated.wav":
        path.write_bytes(wav_header(3 * 32000) + bytes(32000))
    elif name == "header-only.wav":
        write_wav(path, np.zeros(0, dtype=np.float32))
    else:
        path.write_text("these are my notes, not audio\n" * 50)
    from_run = one_line_exit_2(capsys, *run_answer(path))
    assert message in from_run and name in from_run, from_run
    assert one_line_exit_2(capsys, "analyze", str(path)) == from_run
    assert main(["sessions", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # refused before a round was started
