"""No network, truly (issue 12): a real transcription (the bundled tiny.en model and faster-whisper's
Silero VAD through onnxruntime) makes no connection and no name lookup, and onnxruntime's
telemetry is switched off before its first session is made.

It runs in a fresh process: the VAD session is cached per process, so only a new one shows the
order of "telemetry off" and "session made". socket.connect, getaddrinfo and create_connection
fail the run if called; where `unshare -n` works, the process also has no network namespace.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from speechkit import ANSWER, say, silence, write_wav

SCRIPT = r"""
import json, socket, sys
from pathlib import Path
import onnxruntime

calls = []
disable = onnxruntime.disable_telemetry_events
onnxruntime.disable_telemetry_events = lambda: (calls.append("telemetry off"), disable())[1]

class Session(onnxruntime.InferenceSession):
    def __init__(self, *args, **kwargs):
        calls.append("session")
        super().__init__(*args, **kwargs)

onnxruntime.InferenceSession = Session

def refuse(*args, **kwargs):
    calls.append(f"network: {args[1:] or args}")
    raise OSError("no network in this test")

socket.socket.connect = socket.socket.connect_ex = refuse
socket.getaddrinfo = socket.create_connection = refuse

from voice_sim.config import Settings
from voice_sim.speech import transcribe_path

transcript = transcribe_path(Path(sys.argv[1]), Settings())
print(json.dumps({"calls": calls, "text": transcript.text}))
"""


def unshare_prefix() -> list[str]:
    """`unshare -n` if this machine lets us drop the network namespace, else nothing."""
    if shutil.which("unshare") is None:
        return []
    ok = subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0
    return ["unshare", "-n"] if ok else []


@pytest.mark.model
def test_a_real_transcription_makes_no_lookup_and_turns_telemetry_off(tmp_path: Path) -> None:
    wav = write_wav(tmp_path / "answer.wav", np.concatenate([silence(0.5), say(ANSWER, wpm=150), silence(0.8)]))
    proc = subprocess.run([*unshare_prefix(), sys.executable, "-c", SCRIPT, str(wav)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert not [c for c in result["calls"] if c.startswith("network")], result["calls"]
    assert "session" in result["calls"], "the VAD never ran: this test would prove nothing"
    assert result["calls"].index("telemetry off") < result["calls"].index("session")
    assert "cache" in result["text"].lower() or "latency" in result["text"].lower()
