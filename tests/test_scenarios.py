"""The scenario library: bundled files, loading, messages, the schema, `voice-sim scenarios`."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from voice_sim import locations
from voice_sim.cli import main
from voice_sim.config import Settings
from voice_sim.core.library import get_scenario, load_library, scenario_dirs
from voice_sim.core.scenario import PROBE_KINDS, Scenario, ScenarioError, load_dirs, load_file
from voice_sim.errors import UserError

BUNDLED = locations.bundled_scenarios_dir()
BUNDLED_FILES = sorted(BUNDLED.glob("*.toml"))
TEMPLATE = BUNDLED / "watch-party.toml"


def scenario_text(new_id: str, title: str | None = None) -> str:
    """A valid scenario file: a bundled one under another id (and optionally another title)."""
    text = TEMPLATE.read_text(encoding="utf-8").replace('id = "watch-party"', f'id = "{new_id}"')
    if title is not None:
        text = text.replace('title = "Watch-party backend"', f'title = "{title}"')
    return text


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # Rich wraps at 80 columns when output is captured; wide output keeps substrings intact.
    monkeypatch.setenv("COLUMNS", "400")


# --- the bundled library -------------------------------------------------------------------------


def test_every_bundled_scenario_loads() -> None:
    result = load_dirs([BUNDLED])
    assert result.errors == []
    assert len(result.scenarios) >= 8
    assert len(result.scenarios) == len(BUNDLED_FILES)


def test_bundled_ids_are_unique_and_match_file_names() -> None:
    ids = [load_file(path).id for path in BUNDLED_FILES]
    assert len(ids) == len(set(ids))
    assert ids == [path.stem for path in BUNDLED_FILES]


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=lambda p: p.stem)
def test_bundled_scenario_content(path: Path) -> None:
    s = load_file(path)
    assert 4 <= len(s.probes) <= 8
    kinds = {p.tests for p in s.probes}
    classics = {"latency", "cost", "compliance", "business", "prioritisation"}
    assert classics <= kinds, f"{path.name} lacks a classic probe: {classics - kinds}"
    for n, p in enumerate(s.probes, 1):
        assert p.changes and 1 <= len(p.numbers) <= 3, f"{path.name} probe {n}: fill in changes and numbers"
    assert s.window_s == 600
    assert "\n" not in s.context
    words = len(s.strong_opening.split())
    assert 140 <= words <= 240, f"strong_opening is {words} words; aim for 60-90 seconds spoken"
    assert re.search(r"\d", s.strong_opening), "a strong opening puts numbers on its metrics"


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=lambda p: p.stem)
def test_spoken_text_is_written_for_the_ear(path: Path) -> None:
    # The prompt and probes go through a TTS engine: symbols and abbreviations come out as noise.
    s = load_file(path)
    for text in [s.prompt, *(p.text for p in s.probes), s.strong_opening]:
        assert not re.search(r"[<>~%$&/*#@|=+_\[\]{}]", text), text
        assert not re.search(r"\bms\b|\bp\d\d\b", text), text
    for text in [s.prompt, *(p.text for p in s.probes)]:
        assert not re.search(r"\d", text), f"spell numbers out in spoken lines: {text}"


def test_probe_kinds_are_the_documented_seven() -> None:
    assert PROBE_KINDS == ("latency", "consistency", "cost", "compliance", "scale", "business", "prioritisation")


def test_schema_file_is_not_stale() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_schema", locations.PROJECT_ROOT / "scripts" / "make_schema.py"
    )
    assert spec and spec.loader
    make_schema = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_schema)
    on_disk = (BUNDLED / "schema.json").read_text(encoding="utf-8")
    assert on_disk == make_schema.render(), (
        "scenarios/schema.json is stale: run .venv/bin/python scripts/make_schema.py"
    )


def test_core_imports_no_ui_or_hardware() -> None:
    code = (
        "import sys, voice_sim.core.library, voice_sim.core.scenario\n"
        "bad = {'textual', 'sounddevice', 'pyttsx3', 'faster_whisper', 'rich'} & set(sys.modules)\n"
        "print(sorted(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- broken files ---------------------------------------------------------------------------------

BROKEN = {
    "bad-toml": ('id = "x"\ntitle = \n', ["not valid TOML", "line 2"]),
    "missing-field": (
        scenario_text("missing-field").replace('title = "Watch-party backend"\n', ""),
        ["field 'title'", "missing"],
    ),
    "wrong-type": (
        scenario_text("wrong-type").replace("round_minutes = 30", 'round_minutes = "thirty"'),
        ["field 'round_minutes'", "number", "'thirty'"],
    ),
    "bad-probe-kind": (
        scenario_text("bad-probe-kind").replace('tests = "scale"', 'tests = "speed"'),
        ["[[probes]] #3", "field 'tests'", "'speed'"],
    ),
    "unknown-field": (
        scenario_text("unknown-field").replace("window_s = 600", 'window_s = 600\nvoice = "x"'),
        ["field 'voice'", "not a scenario field"],
    ),
    "window-too-long": (
        scenario_text("window-too-long").replace("round_minutes = 30", "round_minutes = 5"),
        ["field 'window_s'", "round"],
    ),
    "not-utf8": (
        scenario_text("not-utf8").encode("utf-8") + "# caf\xe9\n".encode("latin-1"),
        ["not UTF-8", "line"],
    ),
}


@pytest.mark.parametrize("name", BROKEN)
def test_broken_file_names_file_and_field_and_the_rest_load(tmp_path: Path, name: str) -> None:
    content, expected = BROKEN[name]
    folder = tmp_path / "extra"
    bad = write(folder / f"{name}.toml", content)
    write(folder / "fine.toml", scenario_text("fine"))

    with pytest.raises(ScenarioError) as info:
        load_file(bad)
    message = str(info.value)
    assert message.startswith(f"{bad}: ")
    assert "\n" not in message
    for fragment in expected:
        assert fragment in message

    result = load_dirs([BUNDLED, folder])
    assert result.errors == [message]
    assert "fine" in result.scenarios
    assert len(result.scenarios) == len(BUNDLED_FILES) + 1


def test_several_missing_fields_are_named_together(tmp_path: Path) -> None:
    bad = write(tmp_path / "half.toml", 'id = "half"\ntitle = "Half a scenario"\n')
    expected = r"required fields missing: 'domain', 'context', 'prompt'"
    with pytest.raises(ScenarioError, match=expected):
        load_file(bad)


def test_same_id_twice_in_one_folder_keeps_the_first_and_warns(tmp_path: Path) -> None:
    write(tmp_path / "a.toml", scenario_text("twin", title="First twin"))
    write(tmp_path / "b.toml", scenario_text("twin", title="Second twin"))
    result = load_dirs([tmp_path])
    assert result.scenarios["twin"].title == "First twin"
    assert len(result.errors) == 1
    assert "b.toml" in result.errors[0] and "'twin'" in result.errors[0]


# --- where scenarios come from --------------------------------------------------------------------


def test_scenario_dirs_order(tmp_path: Path, isolated_dirs: dict[str, Path]) -> None:
    settings_dir, cli_dir = tmp_path / "from-settings", tmp_path / "from-cli"
    user_dir = locations.user_scenarios_dir()
    assert scenario_dirs(Settings()) == [BUNDLED]  # no user folder yet: skipped quietly

    user_dir.mkdir(parents=True)
    settings = Settings(scenarios={"extra_dirs": [settings_dir]})
    assert scenario_dirs(settings, [cli_dir]) == [BUNDLED, user_dir, settings_dir, cli_dir]


def test_later_folders_override_by_id(tmp_path: Path) -> None:
    mine = scenario_text("watch-party", title="My party")
    write(locations.user_scenarios_dir() / "mine.toml", mine)
    write(tmp_path / "cli" / "x.toml", scenario_text("auction-bidding", title="CLI auction"))
    result = load_library(Settings(), [tmp_path / "cli"])
    assert result.errors == []
    assert result.scenarios["watch-party"].title == "My party"
    assert result.scenarios["auction-bidding"].title == "CLI auction"


def test_settings_file_extra_dirs_are_loaded(tmp_path: Path) -> None:
    extra = tmp_path / "team-scenarios"
    write(extra / "team.toml", scenario_text("team-drill"))
    write(locations.config_file(), f"[scenarios]\nextra_dirs = [{json.dumps(str(extra))}]\n")
    assert "team-drill" in load_library().scenarios


def test_missing_cli_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such folder"):
        load_library(Settings(), [tmp_path / "nope"])


def test_get_scenario_lists_available_ids() -> None:
    result = load_dirs([BUNDLED])
    assert get_scenario(result, "auction-bidding").id == "auction-bidding"
    with pytest.raises(UserError) as info:
        get_scenario(result, "auction")
    message = str(info.value)
    assert "did you mean 'auction-bidding'" in message
    assert all(sid in message for sid in result.scenarios)


# --- the command line -----------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "scenarios", "list")
    assert code == 0 and err == ""
    for path in BUNDLED_FILES:
        s = load_file(path)
        assert s.id in out and s.title in out and s.context in out


def test_cli_list_narrow_terminal_still_shows_everything(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "scenarios", "list")
    assert code == 0
    assert all(len(line) <= 80 for line in out.splitlines())
    assert all(path.stem in out for path in BUNDLED_FILES)


def test_cli_shows_brackets_literally(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "b.toml", scenario_text("brackets", title="Design [bold]this[/bold]"))
    for width in ("400", "60"):
        monkeypatch.setenv("COLUMNS", width)
        code, out, _ = run(capsys, "--scenarios", str(tmp_path), "scenarios", "list")
        assert code == 0 and "[bold]this[/bold]" in out
    code, out, _ = run(capsys, "--scenarios", str(tmp_path), "scenarios", "show", "brackets")
    assert "[bold]this[/bold]" in out


def test_cli_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "scenarios", "list", "--json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert [r["id"] for r in rows] == sorted(p.stem for p in BUNDLED_FILES)
    assert set(rows[0]) == {"id", "title", "domain", "context", "source"}


def test_cli_without_action_lists(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "scenarios")
    assert code == 0 and "auction-bidding" in out


def test_cli_show(capsys: pytest.CaptureFixture[str]) -> None:
    s = load_file(BUNDLED / "auction-bidding.toml")
    code, out, err = run(capsys, "scenarios", "show", "auction-bidding")
    assert code == 0 and err == ""
    for text in [s.title, s.prompt, s.probes[0].text, s.constraints[0], s.levers[0], s.metrics[-1]]:
        assert text in out
    assert s.strong_opening[:60] in out


def test_cli_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "scenarios", "show", "checkout-latency", "--json")
    assert code == 0
    assert Scenario.model_validate(json.loads(out)) == load_file(BUNDLED / "checkout-latency.toml")


def test_cli_show_unknown_id_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "scenarios", "show", "no-such-thing")
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert err.startswith("voice-sim: unknown scenario 'no-such-thing'")
    assert "watch-party" in err


def test_cli_check_good_files(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "scenarios", "check", *map(str, BUNDLED_FILES))
    assert code == 0
    assert out.splitlines() == [f"ok {p}" for p in BUNDLED_FILES]


def test_cli_check_bad_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = write(tmp_path / "good.toml", scenario_text("good-one"))
    bad = write(tmp_path / "bad.toml", BROKEN["wrong-type"][0])
    missing = tmp_path / "missing.toml"
    code, out, err = run(capsys, "scenarios", "check", str(good), str(bad), str(missing))
    assert code == 2
    lines = out.splitlines()
    assert lines[0] == f"ok {good}"
    assert lines[1].startswith(f"{bad}: field 'round_minutes'")
    assert lines[2].startswith(f"{missing}: cannot read")
    assert "Traceback" not in out + err


def test_cli_check_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "scenarios", "check", str(BUNDLED))
    assert code == 0 and len(out.splitlines()) == len(BUNDLED_FILES)


def test_cli_extra_folder_with_a_broken_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "extra.toml", scenario_text("extra-drill", title="Extra drill"))
    write(tmp_path / "broken.toml", "this is not toml")
    code, out, err = run(capsys, "--scenarios", str(tmp_path), "scenarios", "list", "--json")
    assert code == 0
    assert "extra-drill" in [r["id"] for r in json.loads(out)]
    [warning] = err.splitlines()
    assert warning.startswith(f"voice-sim: warning: {tmp_path / 'broken.toml'}: not valid TOML")

    # The flag also works after the action, where people tend to type it.
    code, out, _ = run(capsys, "scenarios", "show", "extra-drill", "--scenarios", str(tmp_path))
    assert code == 0 and "Extra drill" in out


def test_cli_missing_extra_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "--scenarios", str(tmp_path / "nope"), "scenarios", "list")
    assert code == 2 and out == ""
    assert err == f"voice-sim: --scenarios {tmp_path / 'nope'}: no such folder\n"


# --- the examples, heard by the analyzer --------------------------------------------------------


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=lambda p: p.stem)
def test_strong_opening_is_heard_as_strong(path: Path) -> None:
    # The example is shown to users as the thing to imitate, so the analyzer must agree with it.
    # If this fails after an analyzer change, either the detector or the example needs a look.
    from voice_sim.core.analysis import analyze
    from voice_sim.core.models import Cue, Transcript

    s = load_file(path)
    seconds = len(s.strong_opening.split()) / 2.5  # about 150 words per minute
    transcript = Transcript(cues=[Cue(start_s=0, end_s=seconds, text=s.strong_opening)])
    analysis = analyze(transcript, s)
    missing = [name for name, sig in analysis.signals.items() if not sig.present]
    assert missing == [], f"{path.name}: strong_opening lacks {missing}"
    assert [f.code for f in analysis.flags] == []
