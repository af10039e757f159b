"""The panel's voice and the microphone on a real (null-sink) PulseAudio server: what is played is
recorded back and measured by its energy, never assumed from timings."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
import wave
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from audiokit import RATE, MonitorTap, voiced_seconds, voiced_span, window_db

from voice_sim.config import AudioSettings, Settings
from voice_sim.core.ports import level_from_db
from voice_sim.speech.pyttsx3_speaker import Pyttsx3Speaker
from voice_sim.speech.speaker import make_speaker

pytestmark = [pytest.mark.audio, pytest.mark.usefixtures("pulse_server")]

LONG = "Walk me through how you would design a ride sharing service for a small city."
OFFSET = 5000.0  # the speaker reports times on the clock it is given, not on time.monotonic
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def panel_tap():
    """What reaches the panel sink. Open before the speaker: a null sink with no low-latency
    client works in 2 s chunks, and every aplay would wait that long to drain."""
    with MonitorTap("panel.monitor") as tap:
        yield tap


@pytest.fixture
def speaker(panel_tap):
    notes: list[str] = []
    sp = make_speaker(Settings(), notes.append, clock=lambda: time.monotonic() + OFFSET)
    assert isinstance(sp, Pyttsx3Speaker), f"fell back to text-only: {notes}"
    yield sp
    sp.stop()
    assert not sp.is_alive()
    assert notes == []


def test_speaker_plays_into_the_default_sink_and_interrupt_cuts_it_short(speaker, panel_tap):
    persona = Settings().panel.personas[0]
    tap = panel_tap
    # The whole line: real sound arrives, about as long as the speaker says it spoke.
    mark = tap.frames
    before = time.monotonic() + OFFSET
    line = speaker.say(LONG, persona, timeout=60)
    assert not line.interrupted and line.persona_name == persona.name
    assert before <= line.start < line.end <= time.monotonic() + OFFSET
    assert tap.wait_frames(mark + int((line.duration_s + 0.5) * RATE))
    full = tap.voiced_s(mark)
    span = voiced_span(tap.samples(mark))
    assert span is not None and full > 2.0, f"only {full:.1f} s of speech reached the sink"
    assert abs((span[1] - span[0]) - line.duration_s) < 1.0

    # Interrupted once speech is audible: the sound stops, the queued line is dropped.
    mark = tap.frames
    first = speaker.enqueue(LONG, persona)
    queued = speaker.enqueue("This line must never be heard.", persona)
    assert tap.wait_for(lambda: tap.voiced_s(mark) >= 0.5, 20), "speech never started"
    cut_at = tap.frames
    speaker.interrupt()
    cut = first.result(10)
    dropped = queued.result(10)
    assert speaker.wait(5)
    assert tap.wait_frames(tap.frames + RATE)  # one more second of what the sink carries
    heard = tap.voiced_s(mark)
    after_cut = tap.voiced_s(cut_at)

    assert cut.interrupted and cut.duration_s < line.duration_s / 2
    assert dropped.interrupted and dropped.start == dropped.end
    assert heard < full / 2, f"{heard:.1f} s heard of a {full:.1f} s line after interrupt()"
    assert after_cut <= 0.5, f"{after_cut:.1f} s of speech still played after interrupt()"
    assert [x.text for x in speaker.lines][-2:] == [LONG, "This line must never be heard."]


def _espeak_wav(path: Path, text: str) -> float:
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(path), text], check=True, timeout=30)
    return sf.info(str(path)).duration


def test_recorder_records_what_the_candidate_says(pulse_server, tmp_path):
    from voice_sim.audio.capture import Recorder

    answer = tmp_path / "answer.wav"
    spoken_s = _espeak_wav(answer, "I would start with riders and drivers.")
    levels: list[tuple[float, float]] = []
    first_level = threading.Event()
    quiet_after_speech = threading.Event()
    heard = [False]

    def on_level(level: float, silent_s: float) -> None:
        levels.append((level, silent_s))
        first_level.set()
        heard[0] = heard[0] or level > level_from_db(-40)
        if heard[0] and silent_s >= 0.5:
            quiet_after_speech.set()

    rec = Recorder(AudioSettings())
    out = tmp_path / "session" / "answer-1.wav"
    rec.start(out, on_level=on_level)
    try:
        assert first_level.wait(5), "the input delivered no audio"
        played_at = rec.duration_s
        pulse_server.play(answer, "candidate")
        assert quiet_after_speech.wait(10), "the answer was not heard"
    finally:
        recording = rec.stop()

    audio, rate = sf.read(str(out), dtype="float32")
    assert rate == RATE
    assert abs(recording.duration_s - len(audio) / RATE) < 0.11
    span = voiced_span(audio)
    assert span is not None
    assert played_at - 0.2 <= span[0] <= played_at + 1.0, (span, played_at)
    assert abs((span[1] - span[0]) - spoken_s) < 0.8, (span, spoken_s)
    # about ten level reports per second of audio
    assert abs(len(levels) - recording.duration_s * 10) <= 2
    assert level_from_db(-30) < max(lv for lv, _ in levels) <= 1.0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.parent.stat().st_mode) == 0o700


def test_stopping_right_after_the_last_word_keeps_the_last_word(pulse_server, tmp_path):
    """The key is pressed the moment the speaker stops, while the end of what they said may
    still be in the audio server's buffers: the recorder keeps listening for stop_tail_s."""
    from voice_sim.audio.capture import Recorder

    tone = tmp_path / "tone.wav"
    t = np.arange(RATE) / RATE  # one second, loud from the first to the last sample
    sf.write(str(tone), 0.3 * np.sin(2 * np.pi * 440 * t), RATE)
    rec = Recorder(AudioSettings(stop_tail_s=0.3))
    rec.start(tmp_path / "answer.wav")
    try:
        pulse_server.play(tone)  # returns when the server has played the last sample
    finally:
        recording = rec.stop()
    audio, _ = sf.read(str(recording.path), dtype="float32")
    loud = np.flatnonzero(np.abs(audio) > 0.1)
    kept_s = (loud[-1] - loud[0]) / RATE if len(loud) else 0.0
    assert kept_s > 0.98, kept_s
    tail = recording.duration_s - loud[-1] / RATE
    assert 0.25 <= tail < 1.0, tail


CHILD = """
import sys
from pathlib import Path
from voice_sim.audio.capture import Recorder
rec = Recorder()
rec.start(Path(sys.argv[1]), on_level=lambda level, silent_s: print(rec.duration_s, flush=True))
sys.stdin.read()  # until killed
"""


def test_a_sigkilled_recorder_leaves_a_readable_file(pulse_server, tmp_path):
    tone = tmp_path / "tone.wav"
    t = np.arange(8 * RATE) / RATE
    sf.write(str(tone), 0.3 * np.sin(2 * np.pi * 440 * t), RATE)
    out = tmp_path / "killed" / "answer.wav"
    player = subprocess.Popen(["paplay", "--latency-msec=30", "-d", "candidate", str(tone)])
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(out)], cwd=REPO,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        reported = 0.0
        assert child.stdout is not None
        for text in child.stdout:  # the child reports its length ~10 times a second
            reported = float(text)
            if reported >= 1.5:
                break
        os.kill(child.pid, signal.SIGKILL)
        child.wait(5)
    finally:
        if child.poll() is None:
            child.kill()
        player.terminate()
        player.wait(5)
    assert child.returncode == -signal.SIGKILL and reported >= 1.5

    with wave.open(str(out)) as w:  # the header is valid for a strict reader too
        header_frames = w.getnframes()
    audio, rate = sf.read(str(out), dtype="float32")
    assert rate == RATE and len(audio) == header_frames
    duration = len(audio) / RATE
    assert reported - 0.15 <= duration <= reported + 0.5, (duration, reported)
    levels = window_db(audio)
    assert (levels > -20).mean() > 0.5, "the tone played into the sink is not in the file"


def test_level_silence_and_auto_stop_on_a_quiet_input(pulse_server, tmp_path):
    from voice_sim.audio.capture import Recorder

    silences: list[float] = []
    ended = threading.Event()
    rec = Recorder(AudioSettings(auto_stop_silence_s=0.8))
    rec.start(tmp_path / "quiet.wav", on_level=lambda level, silent_s: silences.append(silent_s),
              on_end=ended.set)
    try:
        assert rec.wait(10), "auto-stop never fired on a silent input"
    finally:
        recording = rec.stop()
    assert ended.is_set() and rec.end_reason == "silence"
    assert silences == sorted(silences) and 0.7 <= silences[-1] <= 0.9  # counted up to the stop
    assert 0.7 <= recording.duration_s <= 2.0
    assert voiced_seconds(sf.read(str(recording.path), dtype="float32")[0]) == 0
