"""`voice-sim transcribe` and `voice-sim analyze AUDIO`: outputs, and one clear line with exit code 2
for every kind of audio that cannot be transcribed (unreadable, empty, silent, truncated, enormous).
"""

import json
import os
import struct
import subprocess
import sys

import numpy as np
import pytest
from speechkit import ANSWER, say, silence, words, write_audio, write_wav
from whisperkit import shared_transcriber

from voice_sim.cli import main
from voice_sim.core.models import Transcript


@pytest.fixture(scope="module")
def answer_audio() -> np.ndarray:
    return np.concatenate([silence(0.5), say(ANSWER, wpm=140), silence(0.8)])


@pytest.fixture
def shared_model(monkeypatch):
    """In-process CLI runs reuse the session's model instead of loading their own."""
    transcriber = shared_transcriber()
    monkeypatch.setattr("voice_sim.speech.transcriber.make_transcriber",
                        lambda settings, model=None: transcriber)
    return transcriber


def run_fails(capsys, *argv: str) -> str:
    """Run the CLI, expect exit 2 and exactly one line on stderr; return that line."""
    assert main(list(argv)) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("voice-sim: "), captured.err
    assert captured.out == ""
    return lines[0]


@pytest.mark.model
def test_webvtt_on_stdout(shared_model, answer_audio, tmp_path, capsys):
    path = write_wav(tmp_path / "answer.wav", answer_audio)
    assert main(["transcribe", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("WEBVTT") and "-->" in out
    assert {"hypothesis", "latency"} <= set(words(out))


@pytest.mark.model
@pytest.mark.parametrize("suffix", [".vtt", ".srt", ".json"])
def test_output_file_format_follows_the_suffix(shared_model, answer_audio, tmp_path, capsys, suffix):
    audio = write_audio(tmp_path / "answer.mp3", answer_audio)
    out = tmp_path / f"answer{suffix}"
    assert main(["transcribe", str(audio), "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().err
    text = out.read_text()
    if suffix == ".json":
        transcript = Transcript.model_validate_json(text)
        assert transcript.cues[0].words and "hypothesis" in transcript.text.lower()
    else:
        assert ("WEBVTT" in text) == (suffix == ".vtt") and "-->" in text
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.model
def test_analyze_accepts_audio_with_the_same_json_contract(shared_model, answer_audio, tmp_path, capsys):
    audio = write_wav(tmp_path / "answer.wav", answer_audio)
    assert main(["analyze", str(audio), "--json"]) == 0
    from_audio = json.loads(capsys.readouterr().out)
    vtt = tmp_path / "answer.vtt"
    assert main(["transcribe", str(audio), "-o", str(vtt)]) == 0
    capsys.readouterr()
    assert main(["analyze", str(vtt), "--json"]) == 0
    from_text = json.loads(capsys.readouterr().out)
    assert set(from_audio) == set(from_text)
    assert from_audio["pacing"]["words"] == from_text["pacing"]["words"] > 15
    assert {k: v["present"] for k, v in from_audio["signals"].items()} == {
        k: v["present"] for k, v in from_text["signals"].items()}
    assert from_audio["delivery"]["hedges"] == from_text["delivery"]["hedges"]


def wav_header(data_bytes: int) -> bytes:
    return (b"RIFF" + struct.pack("<I", min(data_bytes + 36, 2**32 - 1)) + b"WAVEfmt "
            + struct.pack("<IHHIIHH", 16, 1, 1, 16000, 32000, 2, 16)
            + b"data" + struct.pack("<I", min(data_bytes, 2**32 - 1)))


def test_unreadable_inputs_fail_before_the_model_loads(tmp_path, capsys, monkeypatch):
    def no_model(*args, **kwargs):
        raise AssertionError("the model was loaded for a file that cannot be read")

    monkeypatch.setattr("voice_sim.speech.transcriber.make_transcriber", no_model)
    (tmp_path / "empty.wav").write_bytes(b"")
    (tmp_path / "junk.wav").write_bytes(os.urandom(4000))
    (tmp_path / "notes.mp3").write_text("these are my notes, not audio\n" * 50)
    (tmp_path / "header-only.wav").write_bytes(wav_header(0))
    (tmp_path / "cut.wav").write_bytes(wav_header(32000 * 60) + bytes(32000 * 5))
    (tmp_path / "folder.wav").mkdir()
    with open(tmp_path / "huge.wav", "wb") as f:  # sparse: costs no disk
        f.write(wav_header(3 * 1024**3))
        f.truncate(3 * 1024**3 + 44)
    with open(tmp_path / "five-hours.wav", "wb") as f:
        f.write(wav_header(5 * 3600 * 32000))
        f.truncate(5 * 3600 * 32000 + 44)
    (tmp_path / "answer.vtt").write_text("WEBVTT\n")
    expected = {
        "missing.wav": "no such file",
        "folder.wav": "is a directory",
        "empty.wav": "file is empty",
        "junk.wav": "not a readable audio file",
        "notes.mp3": "not a readable audio file",
        "cut.wav": "is truncated: the header promises 60.0 s but the file holds 5.0 s",
        "huge.wav": "too large",
        "five-hours.wav": "is 5.0 h long",
        "answer.vtt": "is a transcript, not audio",
    }
    for name, message in expected.items():
        line = run_fails(capsys, "transcribe", str(tmp_path / name))
        assert message in line and name in line, line


@pytest.mark.model
def test_audio_that_fails_while_decoding(shared_model, answer_audio, tmp_path, capsys):
    write_wav(tmp_path / "header-only.wav", np.zeros(0, dtype=np.float32))
    write_wav(tmp_path / "silent.wav", silence(6.0))
    flac = write_audio(tmp_path / "whole.flac", answer_audio).read_bytes()
    (tmp_path / "cut.flac").write_bytes(flac[: len(flac) // 2])
    mp3 = write_audio(tmp_path / "whole.mp3", answer_audio).read_bytes()
    (tmp_path / "cut.mp3").write_bytes(mp3[: len(mp3) // 2])
    expected = {
        "header-only.wav": "no audio samples",
        "silent.wav": "no speech found in 6.0 s",
        "cut.flac": "damaged or truncated",
        "cut.mp3": "is truncated",
    }
    for name, message in expected.items():
        line = run_fails(capsys, "transcribe", str(tmp_path / name))
        assert message in line, line


def test_bad_output_name_fails_first(tmp_path, capsys):
    audio = tmp_path / "a.wav"
    audio.write_bytes(b"x")
    assert "unknown output type '.txt'" in run_fails(capsys, "transcribe", str(audio), "-o", str(tmp_path / "a.txt"))
    assert "does not exist" in run_fails(capsys, "transcribe", str(audio), "-o", str(tmp_path / "no" / "a.vtt"))


def test_unknown_model_is_one_line(tmp_path, capsys):
    audio = write_wav(tmp_path / "a.wav", silence(1.0))
    assert "unknown model 'giant'" in run_fails(capsys, "transcribe", str(audio), "--model", "giant")


@pytest.mark.model
def test_real_process_exit_codes(answer_audio, tmp_path):
    """The installed command end to end: its own model load, stdout, stderr, exit codes."""
    good = write_wav(tmp_path / "answer.wav", answer_audio)
    silent = write_wav(tmp_path / "silent.wav", silence(3.0))
    ok = subprocess.run([sys.executable, "-m", "voice_sim", "transcribe", str(good)],
                        capture_output=True, text=True, timeout=120, check=False)
    assert ok.returncode == 0 and ok.stdout.startswith("WEBVTT"), ok.stderr
    assert "hypothesis" in ok.stdout.lower() and ok.stderr == ""
    bad = subprocess.run([sys.executable, "-m", "voice_sim", "transcribe", str(silent)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.strip().splitlines() == [f"voice-sim: {silent}: no speech found in 3.0 s of audio (silence?)"]


def test_missing_engine_is_actionable(monkeypatch, tmp_path, capsys):
    """No faster-whisper: the error names what to install."""
    import builtins

    real_import = builtins.__import__

    def without_whisper(name, *args, **kwargs):
        if name == "voice_sim.speech.whisper" or name.startswith("faster_whisper"):
            raise ModuleNotFoundError("No module named 'faster_whisper'", name="faster_whisper")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_whisper)
    monkeypatch.delitem(sys.modules, "voice_sim.speech.whisper", raising=False)
    audio = write_wav(tmp_path / "a.wav", silence(1.0))
    line = run_fails(capsys, "transcribe", str(audio))
    assert "pip install faster-whisper" in line

