"""Scenario files: load, validate and list them, one bad file never hiding the others.

A scenario is a TOML file (see scenarios/ and scenarios/schema.json). This module only reads files;
it knows nothing about speaking or recording them, nor where the folders are (core/library.py).
Every error message is one line that names the file, the field and what is wrong, because it is
shown to someone editing that file by hand.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from voice_sim.core.safe_read import FileTooLarge, NotARegularFile, read_regular_file

MAX_BYTES = 2**20  # a scenario is a few KB of prose; a bigger file is not one
BUNDLED_DIR = Path(__file__).resolve().parents[2] / "scenarios"

ProbeKind = Literal["latency", "consistency", "cost", "compliance", "scale", "business", "prioritisation"]
PROBE_KINDS: tuple[str, ...] = get_args(ProbeKind)
NumberKind = Literal[
    "latency", "cost", "revenue_at_risk", "orders_at_risk", "time_to_recover", "share_of_users", "timeline",
    "business_metric",
]
"""The kinds of number a strong answer to a follow-up gives (core/analysis/judge.py checks them)."""


class Probe(BaseModel):
    """A scripted follow-up question the panel may ask."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=5, description="What the panel says, written to be spoken aloud.")
    tests: ProbeKind = Field(
        "business",
        description="What it probes: latency, consistency, cost, compliance, scale, business or prioritisation.",
    )
    changes: str = Field(
        "", description="What the question changes (the new bound, failure or requirement), as a panel notes it."
    )
    numbers: list[NumberKind] = Field(
        default_factory=list, description="The kinds of number a strong answer gives (latency, cost, ...)."
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
    round_minutes: float = Field(30, gt=0, le=120, description="Length of a full round in minutes.")
    window_s: float = Field(
        600, gt=0, description="The signal window in seconds: when the three signals must be heard."
    )
    probes: list[Probe] = Field(min_length=1, description="Scripted follow-ups, in order of use.")
    constraints: list[str] = Field(min_length=1, description="The domain's hard constraints.")
    levers: list[str] = Field(min_length=1, description="Architectural levers that fit the domain.")
    metrics: list[str] = Field(min_length=1, description="Business metrics a lever should tie to.")
    strong_opening: str = Field(
        min_length=20, description="An example of a strong first minute, as it would be spoken."
    )

    @field_validator("window_s")
    @classmethod
    def _window_fits_round(cls, value: float, info: ValidationInfo) -> float:
        # Declared after round_minutes, so that field is already in info.data when it was valid.
        minutes = info.data.get("round_minutes")
        if minutes is not None and value > minutes * 60:
            raise ValueError(
                f"{value:g} s is longer than the {minutes:g}-minute round; "
                "shorten window_s or lengthen round_minutes"
            )
        return value


class ScenarioError(Exception):
    """A scenario file that cannot be used; the message names the file, field and problem."""


@dataclass
class LoadResult:
    """What a load found: usable scenarios by id, one warning line per file that was skipped, and
    one notice line per scenario that replaced another with the same id."""

    scenarios: dict[str, Scenario]
    errors: list[str] = field(default_factory=list)
    sources: dict[str, Path] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def _where(loc: tuple[Any, ...]) -> str:
    """Turn a pydantic location into words a TOML author recognises, counting from 1.

    ("probes", 1, "tests") -> "[[probes]] #2, field 'tests'"
    ("levers", 0)          -> "field 'levers', item 1"
    """
    if len(loc) >= 2 and isinstance(loc[1], int):
        rest = ".".join(str(p) for p in loc[2:])
        if rest:
            return f"[[{loc[0]}]] #{loc[1] + 1}, field '{rest}'"
        return f"field '{loc[0]}', item {loc[1] + 1}"
    return f"field '{'.'.join(str(p) for p in loc)}'"


def _describe(err: Any) -> str:
    kind = err["type"]
    if kind == "missing":
        return "missing (it is required)"
    if kind == "extra_forbidden":
        return "not a scenario field (check the spelling)"
    if kind == "string_pattern_mismatch" and tuple(err["loc"]) == ("id",):
        return f"use only lowercase letters, digits and dashes, got {err['input']!r}"
    if kind == "value_error":  # our own validators already say what they got
        return str(err["msg"]).removeprefix("Value error, ")
    msg = str(err["msg"]).replace("Input should be", "should be", 1)
    value = err.get("input")
    if isinstance(value, (str, int, float, bool)) and len(repr(value)) <= 40:
        msg += f", got {value!r}"
    return msg[0].lower() + msg[1:]


def load_file(path: Path) -> Scenario:
    """Read and validate one scenario file, or raise ScenarioError with a one-line message."""
    try:
        raw = read_regular_file(path, MAX_BYTES)
    except NotARegularFile as exc:
        raise ScenarioError(f"{path}: {exc}; a scenario is a .toml file") from None
    except FileTooLarge:
        raise ScenarioError(f"{path}: larger than 1 MiB, too large for a scenario file") from None
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ScenarioError(f"{path}: not UTF-8 text (line {line}); save it as UTF-8") from None
    try:
        return _parse(text, path)
    except RecursionError:
        # tomllib recurses once per level of [ ] or { }; a scenario needs two levels at most.
        raise ScenarioError(
            f"{path}: arrays or tables nested too deeply (hundreds of levels); "
            "a scenario's fields are strings, numbers and lists of them"
        ) from None


def _parse(text: str, path: Path) -> Scenario:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{path}: not valid TOML ({exc})") from None
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(f"{path}: {_summarize(exc)}") from None


def _summarize(exc: ValidationError) -> str:
    """One line for all of a file's problems: the first in full, the rest as a count.

    Missing top-level fields are named together, since a half-written file lacks several at once.
    """
    errors = exc.errors()
    missing = [e for e in errors if e["type"] == "missing" and len(e["loc"]) == 1]
    if len(missing) > 1:
        names = ", ".join(f"'{e['loc'][0]}'" for e in missing)
        head, more = f"required fields missing: {names}", len(errors) - len(missing)
    else:
        first = errors[0]
        where = f"{_where(first['loc'])}: " if first["loc"] else ""
        head, more = f"{where}{_describe(first)}", len(errors) - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return head + tail


def load_dirs(dirs: list[Path], bundled: Path | None = None) -> LoadResult:
    """Load every *.toml in dirs; later directories override earlier ones by id.

    A broken file becomes one line in `errors` and the rest still load. Two files with the same id
    in one directory is a mistake (the winner would depend on file names), so it is reported too.
    A file that overrides an earlier one is meant to, but says so in `notices`: otherwise editing
    the bundled file, or a colleague's, would silently change nothing. `bundled` is the folder
    whose scenarios are called "bundled" in that line.
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
            if sc.id in result.sources:
                result.notices.append(_replaces(path, sc.id, result.sources[sc.id], bundled))
            result.scenarios[sc.id] = sc
            result.sources[sc.id] = path
    return result


def _replaces(path: Path, scenario_id: str, earlier: Path, bundled: Path | None) -> str:
    if bundled is not None and earlier.parent.resolve() == bundled.resolve():
        what = f"the bundled scenario '{scenario_id}'"
    else:
        what = f"scenario '{scenario_id}' from {earlier}"
    return f"{path}: replaces {what} (give it another id to keep both)"
