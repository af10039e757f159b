"""Settings that say what is wrong (issue 12): an unknown key warns with the nearest valid one, an
out-of-range value is rejected by the model in one line, a settings file that is a folder or an
environment value that is not JSON names the file or variable, the field and the fix (exit 2),
and the settings file and its folder are private (0600 / 0700) under any umask.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from voice_sim import locations
from voice_sim.config import Settings, load_settings, save_settings


def cli(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "voice_sim", *argv], capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL, env=os.environ | (env or {}))


def write_settings(text: str) -> Path:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def one_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2 and proc.stdout == "", proc
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    return proc.stderr


def test_an_unknown_key_warns_with_the_nearest_valid_one() -> None:
    path = write_settings('[round]\nmdoe = "exam"\n')
    proc = cli("scenarios", "list", "--json")
    assert proc.returncode == 0
    [line] = proc.stderr.splitlines()
    assert "round.mdoe" in line and "round.mode" in line and str(path) in line


def test_an_unknown_section_and_an_unknown_variable_warn() -> None:
    write_settings('[rund]\nmode = "exam"\n[[panel.personas]]\nname = "A"\nrat = 150\n')
    proc = cli("scenarios", "list", "--json", env={"VOICE_SIM_AUDIO__SAMPLERTE": "8000"})
    assert proc.returncode == 0
    err = proc.stderr
    assert "'rund'" in err and "'round'" in err
    assert "panel.personas.rat" in err and "panel.personas.rate" in err
    assert "VOICE_SIM_AUDIO__SAMPLERTE" in err and "VOICE_SIM_AUDIO__SAMPLERATE" in err


@pytest.mark.parametrize(("text", "field"), [
    ("[audio]\nsamplerate = -5\n", "audio.samplerate"),
    ("[audio]\nblocksize = 0\n", "audio.blocksize"),
    ("[audio]\nsilence_notice_s = -1\n", "audio.silence_notice_s"),
    ("[[panel.personas]]\nname = \"A\"\nrate = -100\n", "panel.personas.0.rate"),
    ("[round]\nminutes = inf\n", "round.minutes"),  # accepted before; then OverflowError in run
    ("[round]\nminutes = 100000\n", "round.minutes"),
])
def test_an_out_of_range_value_is_rejected_in_one_line(text: str, field: str) -> None:
    path = write_settings(text)
    err = one_line(cli("scenarios", "list"))
    assert field in err and str(path) in err


def test_a_settings_file_that_is_a_folder_says_the_fix() -> None:
    path = locations.config_file()
    path.mkdir(parents=True)
    err = one_line(cli("scenarios", "list"))
    assert str(path) in err and "folder" in err and "move it" in err


@pytest.mark.parametrize(("make", "says"), [
    (os.mkfifo, "named pipe"),  # hung for ever before
    (lambda path: path.symlink_to("/dev/zero"), "device"),  # hung, reading /dev/zero
    (lambda path: path.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n"), "nested"),  # RecursionError
])
def test_a_settings_file_that_is_a_pipe_a_device_or_absurdly_nested_is_one_line(make, says: str) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    make(path)
    err = one_line(cli("scenarios", "list"))
    assert str(path) in err and says in err


def test_an_infinite_round_length_from_the_environment_is_one_line() -> None:
    err = one_line(cli("scenarios", "list", env={"VOICE_SIM_ROUND__MINUTES": "inf"}))
    assert "round.minutes" in err


@pytest.mark.parametrize(("name", "value", "field"), [
    ("VOICE_SIM_PANEL__PERSONAS", "[{", "panel.personas"),
    ("VOICE_SIM_SCENARIOS__EXTRA_DIRS", "notjson", "scenarios.extra_dirs"),
])
def test_an_environment_value_that_is_not_json_names_the_variable_and_the_fix(
        name: str, value: str, field: str) -> None:
    err = one_line(cli("scenarios", "list", env={name: value}))
    assert name in err and field in err and "JSON" in err and "e.g." in err


def test_the_settings_file_and_folder_are_private_under_umask_000(isolated_dirs: dict[str, Path]) -> None:
    folder = isolated_dirs["config"] / "nested"
    old = os.umask(0)
    try:
        save_settings(Settings(), folder / "config.toml")
    finally:
        os.umask(old)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / "config.toml").stat().st_mode & 0o777 == 0o600
    assert load_settings() == Settings()
