"""The speaker's contract without a sound server: the real pyttsx3/espeak-ng synthesis with a stand-in
player process, the text-only fallback, voices. What reaches a real sink is in test_audio_hardware.py."""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest

from voice_sim.config import Persona, Settings
from voice_sim.speech import pyttsx3_speaker
from voice_sim.speech.pyttsx3_speaker import Pyttsx3Speaker, resolve_voice, speech_problem
from voice_sim.speech.speaker import TextOnlySpeaker, make_speaker

HM = Persona(name="Hiring manager", voice="en-us", rate=165)


def engine_works() -> bool:
    return speech_problem(probe_output=False) is None


needs_engine = pytest.mark.skipif(not engine_works(), reason="pyttsx3 or espeak-ng is not installed")


class Counter:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        self.t += 1.0
        return self.t


def test_text_only_when_speech_is_off():
    notes: list[str] = []
    printed: list[str] = []
    settings = Settings(panel={"speak": False})
    sp = make_speaker(settings, notes.append, clock=Counter(), write=printed.append)
    assert isinstance(sp, TextOnlySpeaker) and notes == []
    line = sp.say("Tell me about the users.", HM)
    assert (line.text, line.persona_name, line.start, line.end) == (
        "Tell me about the users.", "Hiring manager", 101.0, 101.0)
    assert printed == ["Hiring manager: Tell me about the users."]
    assert sp.wait() and sp.lines == [line]


def test_falls_back_to_text_with_one_notice(monkeypatch):
    monkeypatch.setattr(pyttsx3_speaker, "speech_problem",
                        lambda probe_output: ("no audio output (aplay: audio open error)",
                                              "start the sound server"))
    notes: list[str] = []
    sp = make_speaker(Settings(), notes.append)
    assert isinstance(sp, TextOnlySpeaker)
    assert notes == [("the panel is text-only: no audio output (aplay: audio open error); "
                      "fix: start the sound server")]
    sp.say("First.", HM)
    sp.say("Second.", HM)
    assert len(notes) == 1


def test_resolve_voice_by_id_language_name_or_fragment():
    voices = [
        SimpleNamespace(id="gmw/en", name="English (Great Britain)", languages=["en-gb"]),
        SimpleNamespace(id="gmw/en-us", name="English (America)", languages=["en-us"]),
        SimpleNamespace(id="roa/fr", name="French", languages=["fr-fr"]),
    ]
    assert resolve_voice(voices, "gmw/en-us") == "gmw/en-us"
    assert resolve_voice(voices, "en-us") == "gmw/en-us"
    assert resolve_voice(voices, "en-gb") == "gmw/en"
    assert resolve_voice(voices, "French") == "roa/fr"
    assert resolve_voice(voices, "america") == "gmw/en-us"
    assert resolve_voice(voices, "klingon") is None


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "playing"
    os.mkfifo(path)
    return path


def player_that_signals(fifo) -> tuple[str, ...]:
    """A stand-in for aplay: says it started (through a FIFO the test reads), then 'plays' for 30 s."""
    return ("sh", "-c", f"echo started > {fifo}; exec sleep 30", "player")


@needs_engine
def test_interrupt_cuts_the_playing_line_and_drops_the_queue(fifo):
    notes: list[str] = []
    sp = Pyttsx3Speaker(clock=Counter(), on_notice=notes.append, player=player_that_signals(fifo))
    sp.start()
    sp.wait_ready()
    try:
        playing = sp.enqueue("A long question about a ride sharing app.", HM)
        queued = sp.enqueue("A follow-up.", HM)
        with open(fifo) as f:  # blocks until the player process runs
            assert f.read().strip() == "started"
        sp.interrupt()
        cut = playing.result(5)
        dropped = queued.result(5)
        assert sp.wait(5)
    finally:
        sp.stop()
    assert cut.interrupted and cut.end > cut.start
    assert dropped.interrupted and dropped.start == dropped.end
    assert [line.text for line in sp.lines] == [cut.text, dropped.text]
    assert notes == [] and not sp.is_alive()


@needs_engine
def test_a_player_that_fails_is_noticed_once_and_the_round_goes_on():
    notes: list[str] = []
    sp = Pyttsx3Speaker(clock=Counter(), on_notice=notes.append, player=("false",))
    sp.start()
    sp.wait_ready()
    try:
        first = sp.say("One.", HM, timeout=30)
        second = sp.say("Two.", Persona(name="Senior PM", voice="xx-nowhere"), timeout=30)
    finally:
        sp.stop()
    assert first.start == first.end and not first.interrupted
    assert second.persona_name == "Senior PM"
    assert [n.split(" (")[0] for n in notes] == [
        "cannot play speech", "no speech voice matches 'xx-nowhere' for Senior PM; using the default"]


@needs_engine
def test_stop_resolves_everything_queued(fifo):
    sp = Pyttsx3Speaker(player=player_that_signals(fifo))
    sp.start()
    sp.wait_ready()
    futures = [sp.enqueue(f"Line {i}.", HM) for i in range(3)]
    with open(fifo) as f:
        f.read()
    sp.stop()
    lines = [f.result(5) for f in futures]
    assert all(line.interrupted for line in lines)
    assert not sp.is_alive()
    assert sp.enqueue("After stop.", HM).result(1).interrupted
