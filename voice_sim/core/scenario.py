"""Scenario files: load, validate and list them, one bad file never hiding the others.

A scenario is a TOML file (see scenarios/ and scenarios/schema.json). This module only reads files;
it knows nothing about speaking or recording them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

BUNDLED_DIR = Path(__file__).resolve().parents[2] / "scenarios"


class Probe(BaseModel):
    """A scripted follow-up question the panel may ask."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=5, description="What the panel says, as spoken.")
    tests: str = Field(
        "business",
        description="What it probes: latency, consistency, cost, compliance, scale or business.",
    )


class Scenario(BaseModel):
    """One mock interview prompt and what a strong answer to it contains."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Stable id, used on the command line.")
    title: str = Field(min_length=3)
    domain: str = Field(min_length=3, description="Product area, e.g. 'auction bidding'.")
    context: str = Field(min_length=3, description="One line shown in the scenario list.")
    prompt: str = Field(min_length=20, description="The question the panel speaks to open the round.")
    round_minutes: float = Field(30, gt=0, le=120, description="Length of a full round.")
    window_s: float = Field(600, gt=0, description="The signal window: when the three signals must be heard.")
    probes: list[Probe] = Field(min_length=1, description="Scripted follow-ups, in order of use.")
    constraints: list[str] = Field(min_length=1, description="The domain's typical hard constraints.")
    levers: list[str] = Field(min_length=1, description="Architectural levers that fit the domain.")
    metrics: list[str] = Field(min_length=1, description="Business metrics a lever should tie to.")
    strong_opening: str = Field(min_length=20, description="An example of a strong first minute.")


class ScenarioError(Exception):
    """A scenario file that cannot be used; the message names the file, field and problem."""


@dataclass
class LoadResult:
    scenarios: dict[str, Scenario]
    errors: list[str]


def load_file(path: Path) -> Scenario:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ScenarioError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{path}: not valid TOML ({exc})") from None
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(top level)"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise ScenarioError(f"{path}: field '{field}': {first['msg']}{more}") from None


def load_dirs(dirs: list[Path]) -> LoadResult:
    """Load every *.toml in dirs; later directories override earlier ones by id."""
    scenarios: dict[str, Scenario] = {}
    errors: list[str] = []
    for d in dirs:
        if not d.is_dir():
            errors.append(f"{d}: scenario directory not found")
            continue
        for path in sorted(d.glob("*.toml")):
            try:
                sc = load_file(path)
            except ScenarioError as exc:
                errors.append(str(exc))
                continue
            scenarios[sc.id] = sc
    return LoadResult(scenarios, errors)
