"""Settings precedence, one layer at a time: defaults, then the settings file over them, then the
environment over the file (nested keys too), and what the app writes to the file never outranks
the environment. Every path points into tmp_path (conftest's isolated_dirs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice_sim import locations
from voice_sim.cli import main
from voice_sim.config import Settings, load_settings, read_settings_file
from voice_sim.errors import UserError
from voice_sim.ui.services import remember_choices


def write_settings(text: str) -> Path:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_alone() -> None:
    assert not locations.config_file().exists()
    s = load_settings()
    assert (s.round.mode, s.round.minutes, s.round.pushiness) == ("coach", None, "firm")
    assert s.panel.speak is True and s.speech.model == "tiny.en"
    assert s == Settings()


def test_the_file_overrides_the_defaults() -> None:
    write_settings('[round]\nmode = "exam"\nminutes = 20\n\n[panel]\nspeak = false\n')
    s = load_settings()
    assert (s.round.mode, s.round.minutes, s.panel.speak) == ("exam", 20, False)
    assert s.round.pushiness == "firm" and s.speech.model == "tiny.en"  # not in the file: defaults


def test_the_environment_overrides_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    write_settings(
        '[round]\nmode = "coach"\nminutes = 20\n\n[panel]\nspeak = true\n\n'
        '[[panel.personas]]\nname = "Staff PM"\nvoice = "en-gb"\nrate = 150\n'
    )
    monkeypatch.setenv("VOICE_SIM_ROUND__MODE", "exam")
    monkeypatch.setenv("VOICE_SIM_PANEL__SPEAK", "false")
    s = load_settings()
    assert (s.round.mode, s.panel.speak) == ("exam", False)
    # the rest of each table still comes from the file: the layers merge key by key
    assert s.round.minutes == 20
    assert [(p.name, p.rate) for p in s.panel.personas] == [("Staff PM", 150)]


def test_arguments_override_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    write_settings('[round]\nmode = "coach"\n')
    monkeypatch.setenv("VOICE_SIM_ROUND__MODE", "exam")
    assert Settings(round={"mode": "coach"}).round.mode == "coach"


def test_what_home_writes_does_not_silence_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's VOICE_SIM_PANEL__SPEAK=false keeps working after choices are made on Home,
    and is not copied into the file (it is an override, not a choice)."""
    monkeypatch.setenv("VOICE_SIM_PANEL__SPEAK", "false")
    settings = load_settings()
    assert settings.panel.speak is False
    settings.round.mode = "exam"  # a choice made on Home
    remember_choices(settings)
    assert read_settings_file(locations.config_file())["round"]["mode"] == "exam"

    again = load_settings()
    assert (again.round.mode, again.panel.speak) == ("exam", False)
    monkeypatch.delenv("VOICE_SIM_PANEL__SPEAK")
    assert load_settings().panel.speak is True  # the file did not keep the override


def test_a_choice_on_home_is_written_but_the_environment_still_wins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VOICE_SIM_PANEL__SPEAK", "false")
    settings = load_settings()
    settings.panel.speak = True  # "Panel: Spoken" chosen on Home while the override is set
    remember_choices(settings)
    assert read_settings_file(locations.config_file())["panel"]["speak"] is True
    assert load_settings().panel.speak is False
    monkeypatch.delenv("VOICE_SIM_PANEL__SPEAK")
    assert load_settings().panel.speak is True


def test_a_broken_settings_file_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    path = write_settings("[round\nmode = coach\n")
    with pytest.raises(UserError, match="is not valid TOML"):
        load_settings()
    assert main(["scenarios", "list"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(path) in err[0]


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("VOICE_SIM_ROUND__MODE", "loud", "'round.mode'"),
        ("VOICE_SIM_PANEL__PERSONAS", "[oops", "panel"),
    ],
)
def test_a_bad_environment_value_is_one_line(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, words: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(UserError, match=words) as info:
        load_settings()
    assert "\n" not in str(info.value)
