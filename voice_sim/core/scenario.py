"""Scenario files: load, validate and list them, one bad file never hiding the others.

A scenario is a TOML file (see scenarios/ and scenarios/schema.json). This module only reads files;
it knows nothing about speaking or recording them, nor about where the folders are (core/library.py).
Every error message is one line that names the file, the field and what is wrong, because it is
shown to someone editing that file by hand.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

BUNDLED_DIR = Path(__file__).resolve().parents[2] / "scenarios"

ProbeKind = Literal["latency", "consistency", "cost", "compliance", "scale", "business"]
PROBE_KINDS: tuple[str, ...] = ProbeKind.__args__  # type: ignore[attr-defined]


class Probe(BaseModel):
    """A scripted follow-up question the panel may ask."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=5, description="What the panel says, written to be spoken aloud.")
    tests: ProbeKind = Field(
        "business",
        description="What it probes: latency, consistency, cost, compliance, scale or business.",
    )


class Scenario(BaseModel):
    """One mock interview prompt and what a strong answer to it contains."""

    model_config = ConfigDict(extra="forbid", title="voice-sim scenario")

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="Stable id used on the command line: lowercase letters, digits and dashes.",
    )
    title: str = Field(min_length=3, description="Short name shown in lists.")
    domain: str = Field(min_length=3, description="Product area, e.g. 'auction bidding'.")
    context: str = Field(min_length=3, description="One line shown in the scenario list.")
    prompt: str = Field(
        min_length=20,
        description="The question the panel speaks to open the round; written for the ear.",
    )
    round_minutes: float = Field(30, gt=0, le=120, description="Length of a full round, in minutes.")
    window_s: float = Field(
        600, gt=0, description="The signal window in seconds: when the three signals must be heard."
    )
    probes: list[Probe] = Field(min_length=1, description="Scripted follow-ups, in order of use.")
    constraints: list[str] = Field(min_length=1, description="The domain's typical hard constraints.")
    levers: list[str] = Field(min_length=1, description="Architectural levers that fit the domain.")
    metrics: list[str] = Field(min_length=1, description="Business metrics a lever should tie to.")
    strong_opening: str = Field(
        min_length=20, description="An example of a strong first minute, as it would be spoken."
    )

    @model_validator(mode="after")
    def _window_fits_round(self) -> Scenario:
        if self.window_s > self.round_minutes * 60:
            raise ValueError(
                f"window_s ({self.window_s:g} s) is longer than the round "
                f"({self.round_minutes:g} min); shorten window_s or lengthen round_minutes"
            )
        return self


class ScenarioError(Exception):
    """A scenario file that cannot be used; the message names the file, field and problem."""


@dataclass
class LoadResult:
    """What a load found: usable scenarios by id, and one warning line per file that was skipped."""

    scenarios: dict[str, Scenario]
    errors: list[str] = field(default_factory=list)
    sources: dict[str, Path] = field(default_factory=dict)


def _where(loc: tuple[Any, ...]) -> str:
    """Turn a pydantic location into words a TOML author recognises ('tests' in the 2nd [[probes]])."""
    if not loc:
        return "the file"
    parts = [str(p) for p in loc]
    if len(loc) >= 2 and isinstance(loc[1], int):
        nth = _ordinal(loc[1] + 1)
        rest = ".".join(parts[2:])
        if rest:
            return f"field '{rest}' in the {nth} [[{loc[0]}]] table"
        return f"the {nth} item of '{loc[0]}'"
    return f"field '{'.'.join(parts)}'"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _describe(err: Any) -> str:
    kind = err["type"]
    if kind == "missing":
        return "is missing (required)"
    if kind == "extra_forbidden":
        return "is not a scenario field (check the spelling)"
    msg = err["msg"].removeprefix("Value error, ")
    value = err.get("input")
    if isinstance(value, (str, int, float, bool)) and len(repr(value)) <= 40:
        msg += f", got {value!r}"
    return msg[0].lower() + msg[1:]


def load_file(path: Path) -> Scenario:
    """Read and validate one scenario file, or raise ScenarioError with a one-line message."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise ScenarioError(f"{path}: is a directory, not a scenario file") from None
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ScenarioError(
            f"{path}: not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8"
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{path}: not valid TOML ({exc})") from None
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _where(first["loc"]) if first["loc"] else "the file"
        more = exc.error_count() - 1
        tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise ScenarioError(f"{path}: {where} {_describe(first)}{tail}") from None


def load_dirs(dirs: list[Path]) -> LoadResult:
    """Load every *.toml in dirs; later directories override earlier ones by id.

    A broken file becomes one line in `errors` and the rest still load. Two files with the same id
    in one directory is a mistake (the winner would depend on file names), so it is reported too.
    """
    result = LoadResult({})
    for d in dirs:
        if not d.is_dir():
            result.errors.append(f"{d}: scenario directory not found")
            continue
        seen_here: dict[str, Path] = {}
        for path in sorted(d.glob("*.toml")):
            try:
                sc = load_file(path)
            except ScenarioError as exc:
                result.errors.append(str(exc))
                continue
            if sc.id in seen_here:
                result.errors.append(
                    f"{path}: field 'id' repeats '{sc.id}' from {seen_here[sc.id].name}; skipped"
                )
                continue
            seen_here[sc.id] = path
            result.scenarios[sc.id] = sc
            result.sources[sc.id] = path
    return result
