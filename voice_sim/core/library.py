"""The scenario library: which folders are searched, in which order, and looking a scenario up.

Order matters because a later folder overrides an earlier one by id: the bundled scenarios come
first, then the user's own folder, then folders from the settings file, then `--scenarios DIR`.
This module decides the order; core/scenario.py reads the files. No UI here.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

from voice_sim import locations
from voice_sim.config import Settings, load_settings
from voice_sim.core.scenario import LoadResult, Scenario, load_dirs
from voice_sim.errors import UserError


def scenario_dirs(settings: Settings, extra: Sequence[Path] = ()) -> list[Path]:
    """Every folder to load, lowest priority first.

    The user's folder is skipped when it does not exist (most people never create it); folders the
    user named explicitly are kept even if missing, so the load can say so.
    """
    dirs = [locations.bundled_scenarios_dir()]
    user_dir = locations.user_scenarios_dir()
    if user_dir.is_dir():
        dirs.append(user_dir)
    dirs.extend(Path(d).expanduser() for d in settings.scenarios.extra_dirs)
    dirs.extend(Path(d).expanduser() for d in extra)
    return _dedupe(dirs)


def _dedupe(dirs: list[Path]) -> list[Path]:
    # The same folder twice would only repeat its warnings; keep the last (highest priority) place.
    seen: dict[Path, Path] = {}
    for d in dirs:
        key = d.resolve()
        seen.pop(key, None)
        seen[key] = d
    return list(seen.values())


def load_library(settings: Settings | None = None, extra: Sequence[Path] = ()) -> LoadResult:
    """Load every scenario the user can see. Broken files end up in `errors`, one line each, and
    scenarios that replace one with the same id in `notices`.

    A `--scenarios` value that is not a folder is a typo on the command line, not a broken file,
    so it stops the command with a UserError instead of becoming a warning.
    """
    for d in extra:
        path = Path(d).expanduser()
        if path.is_file():
            raise UserError(
                f"--scenarios {d}: is a file; pass the folder that holds it "
                f"(to validate one file, run: voice-sim scenarios check {d})"
            )
        if not path.exists():
            raise UserError(f"--scenarios {d}: no such folder")
        if not path.is_dir():
            raise UserError(f"--scenarios {d}: not a folder; pass the folder that holds the .toml files")
    settings = settings if settings is not None else load_settings()
    return load_dirs(scenario_dirs(settings, extra), bundled=locations.bundled_scenarios_dir())


def get_scenario(result: LoadResult, scenario_id: str) -> Scenario:
    """The scenario with this id, or a UserError that lists the ids there are."""
    try:
        return result.scenarios[scenario_id]
    except KeyError:
        pass
    ids = sorted(result.scenarios)
    if not ids:
        raise UserError(f"unknown scenario '{scenario_id}': no scenarios are loaded")
    close = difflib.get_close_matches(scenario_id, ids, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    raise UserError(f"unknown scenario '{scenario_id}'; {hint}available: {', '.join(ids)}")
