"""Where things are: what ships with voice-sim is read from the package when installed from a
wheel and from the repository in a checkout; downloads go to the user data folder, movable by
environment variable. (tests/test_wheel.py checks the same from a real installed wheel.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from voice_sim import locations
from voice_sim.speech.catalogue import REQUIRED_FILES, installed_path, list_models, load_catalogue


def fake_model(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name in REQUIRED_FILES:
        (folder / name).write_text("{}")
    return folder


def test_a_checkout_reads_the_top_level_folders() -> None:
    assert not locations.PACKAGED.exists()  # hatchling only creates it inside a built wheel
    assert locations.bundled_scenarios_dir() == locations.PROJECT_ROOT / "scenarios"
    assert locations.model_catalogue() == locations.PROJECT_ROOT / "models" / "catalogue.toml"


def test_an_installed_wheel_reads_its_own_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packaged = tmp_path / "site-packages" / "voice_sim" / "_bundled"
    (packaged / "scenarios").mkdir(parents=True)
    (packaged / "models").mkdir()
    catalogue = locations.PROJECT_ROOT / "models" / "catalogue.toml"
    (packaged / "models" / "catalogue.toml").write_text(catalogue.read_text())
    monkeypatch.setattr(locations, "PACKAGED", packaged)
    assert locations.bundled_scenarios_dir() == packaged / "scenarios"
    assert locations.model_catalogue() == packaged / "models" / "catalogue.toml"
    assert load_catalogue()[0].name == "tiny.en"


def test_downloads_go_to_the_user_data_folder(
    isolated_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert locations.models_dir() == isolated_dirs["models"]  # VOICE_SIM_MODELS_DIR, as before
    monkeypatch.delenv("VOICE_SIM_MODELS_DIR")
    assert locations.models_dir() == isolated_dirs["data"] / "models"  # follows VOICE_SIM_DATA_DIR
    monkeypatch.delenv("VOICE_SIM_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(isolated_dirs["data"] / "xdg"))
    assert locations.models_dir() == isolated_dirs["data"] / "xdg" / "voice-sim" / "models"


def test_models_pulled_into_a_checkout_before_are_still_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checkout = tmp_path / "checkout"
    (checkout / "models").mkdir(parents=True)
    (checkout / "models" / "catalogue.toml").write_text(
        (locations.PROJECT_ROOT / "models" / "catalogue.toml").read_text())
    old_pull = fake_model(checkout / "models" / "base.en")
    converted = fake_model(checkout / "models" / "my-base.en")
    monkeypatch.setattr(locations, "PROJECT_ROOT", checkout)

    assert installed_path("base.en") is None  # VOICE_SIM_MODELS_DIR set: only that folder
    monkeypatch.delenv("VOICE_SIM_MODELS_DIR")
    assert locations.model_dirs() == [locations.models_dir(), checkout / "models"]
    assert installed_path("base.en") == old_pull
    rows = {r.name: r for r in list_models()}
    assert rows["base.en"].installed == old_pull and rows["my-base.en"].installed == converted
