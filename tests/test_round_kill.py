"""A round killed with SIGKILL mid-answer: the audio so far is on disk and readable, and the next
start lists the round as incomplete. The round runs in a child process with the real session
store and the real paced file source (the transcriber is a stand-in, so no model is needed)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from childkit import sigkill_when, wait_for

from voice_sim.cli import main

CHILD = r"""
import sys
from pathlib import Path
from voice_sim.config import Settings
from voice_sim.core.library import get_scenario, load_library
from voice_sim.runtime import make_round

from voice_sim.core.models import Transcript


class Deaf:  # hears nothing: this test is about the audio and the session files
    def stream(self, offset_s, on_committed, on_tentative):
        return self

    def feed(self, block):
        pass

    def finish(self):
        return Transcript()

    def cancel(self):
        pass


settings = Settings()
scenario = get_scenario(load_library(settings), "auction-bidding")
rnd = make_round(settings, scenario, answers=[Path(sys.argv[1])], speak=False,
                 transcriber=Deaf())
rnd.start()
print(rnd.begin_answer(), flush=True)
sys.stdin.read()  # never returns: the test kills us mid-answer
"""


def tone(path: Path, seconds: float) -> None:
    t = np.arange(int(16000 * seconds)) / 16000
    sf.write(path, (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), 16000)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_mid_answer_keeps_the_audio_and_marks_the_round_incomplete(tmp_path: Path, capsys) -> None:
    answer = tmp_path / "long-answer.wav"
    tone(answer, 60)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(answer)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True, env=os.environ.copy(),
    )
    audio = Path(child.stdout.readline().strip())
    sigkill_when(child, lambda: audio.stat().st_size > 2 * 32000, timeout=30)  # two seconds of PCM16 on disk
    assert audio.name == "answer-01.wav"

    assert main(["sessions", "list", "--json"]) == 0  # "the next start"
    [row] = json.loads(capsys.readouterr().out)
    assert row["status"] == "incomplete"
    data, rate = sf.read(audio)
    assert rate == 16000 and 2.0 <= len(data) / rate < 30
    assert np.abs(data).max() > 0.2  # the tone, not zeros
    assert main(["sessions", "show", row["id"], "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    answer_seg = summary["session"]["segments"][-1]
    assert answer_seg["audio"] == "audio/answer-01.wav"
    assert answer_seg["audio_s"] == pytest.approx(len(data) / rate, abs=0.01)
    assert "pid" in summary["session"]["status_reason"]


@pytest.mark.model
@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT")
def test_ctrl_c_during_run_saves_the_round_as_incomplete(tmp_path: Path, capsys) -> None:
    answer = tmp_path / "long-answer.wav"
    tone(answer, 60)
    child = subprocess.Popen(
        [sys.executable, "-m", "voice_sim", "run", "--scenario", "auction-bidding", "--no-speak",
         "--answer", str(answer)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy(),
        # A test run started in the background (`cmd &`) inherits SIGINT ignored, and so would the
        # child: Python then installs no Ctrl-C handler. A terminal's Ctrl-C is what is tested here.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        for line in child.stdout:
            if "answer 1: listening" in line:
                break
        data = Path(os.environ["VOICE_SIM_DATA_DIR"]) / "sessions"
        wait_for(lambda: any(p.stat().st_size > 32000 for p in data.glob("*/audio/answer-01.wav")))
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 130, err
    assert err.strip().splitlines()[-1] == "voice-sim: interrupted"
    assert main(["sessions", "list", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["status"] == "incomplete" and row["answers"] == 1
