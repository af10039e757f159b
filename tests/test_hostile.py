"""Hostile values and sizes (issue 12): each bad input gets one line on stderr and exit code 2.

Every case runs the real command in a fresh process (`python -m voice_sim ...`) with a timeout,
because what this guards against were tracebacks, a MemoryError and hangs (a FIFO read forever):
things an in-process call would turn into a stuck or crashed test run instead of a failure.
Cases marked `already=True` gave one clean line before the fix too; they stay so they keep doing so.
The other cases failed before the fix (traceback, hang, or accepted in silence), as noted on each.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from voice_sim import locations

BUNDLED = sorted(p.stem for p in locations.bundled_scenarios_dir().glob("*.toml"))
ANSWER = "My bet is that bidders drop out when their bid lands late. We will cache the price at the edge.\n"
NESTED = "x = " + "[" * 5000 + "]" * 5000 + "\n"  # RecursionError in tomllib before the fix


def cli(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run([sys.executable, "-m", "voice_sim", *argv], capture_output=True,
                              text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        pytest.fail(f"voice-sim {' '.join(argv)} hung for {timeout:.0f} s")


def vtt(start: str, end: str) -> str:
    return f"WEBVTT\n\n{start} --> {end}\nwe cache the price at the edge\n"


def json_cue(**fields: object) -> str:
    cue = {"start_s": 0, "end_s": 1, "text": "we cache the price at the edge", **fields}
    return json.dumps([cue])  # json.dumps writes Infinity and NaN as JavaScript does


def fifo(path: Path) -> None:
    os.mkfifo(path)


def link_to(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


@dataclass
class Bad:
    """One bad input: the file to write as `name` (text, or a function that makes it), the
    command's arguments after the path, and words the one line must contain."""

    id: str
    name: str
    content: str | Callable[[Path], None]
    args: tuple[str, ...] = ()
    says: tuple[str, ...] = ()
    already: bool = False  # one clean line before the fix too
    command: str = "analyze"


TRANSCRIPTS = [
    # Cue times beyond a plausible interview: MemoryError / OverflowError before, or accepted.
    Bad("vtt-cue-at-99999999h", "a.vtt", vtt("99999999:00:00.000", "99999999:00:01.000"),
        says=("a.vtt:3", "24 hours")),  # MemoryError
    Bad("vtt-hours-of-5000-digits", "a.vtt", vtt("9" * 5000 + ":00:00.000", "9" * 5000 + ":00:01.000"),
        says=("a.vtt:3", "24 hours")),  # ValueError: int too large to convert from a string
    Bad("vtt-cue-at-25h", "a.vtt", vtt("25:00:00.000", "25:00:05.000"),
        says=("a.vtt:3", "24 hours")),  # accepted: a 25-hour report
    Bad("srt-cue-at-99999999h", "a.srt", "1\n99999999:00:00,000 --> 99999999:00:01,000\nhello\n",
        says=("a.srt:2", "24 hours")),  # MemoryError
    Bad("json-end-infinity", "a.json", json_cue(end_s=float("inf")),
        says=("a.json", "cue 1", "end_s", "finite")),  # ValueError: cannot convert float NaN
    Bad("json-end-1e300", "a.json", json_cue(end_s=1e300),
        says=("a.json", "cue 1", "end_s", "24 hours")),  # OverflowError
    Bad("json-end-1e12", "a.json", json_cue(end_s=1e12),
        says=("a.json", "cue 1", "end_s", "24 hours")),  # MemoryError
    Bad("json-start-and-end-1e12", "a.json", json_cue(start_s=1e12, end_s=1e12 + 1),
        says=("a.json", "cue 1", "start_s", "24 hours")),  # MemoryError
    Bad("json-word-at-1e12", "a.json",
        json_cue(words=[{"start_s": 0, "end_s": 1e12, "text": "we"}]),
        says=("a.json", "cue 1", "word 1", "end_s", "24 hours")),  # accepted in silence
    # These three were one line already, but said "'cues.0.end_s': Input should be greater than or
    # equal to 0" (for NaN too); they now name the cue as people count and what the value is.
    Bad("json-end-nan", "a.json", json_cue(end_s=float("nan")),
        says=("a.json", "cue 1", "'end_s' is nan", "finite"), already=True),
    Bad("json-start-negative", "a.json", json_cue(start_s=-3),
        says=("a.json", "cue 1", "'start_s' is -3", "negative"), already=True),
    Bad("json-end-negative", "a.json", json_cue(end_s=-5),
        says=("a.json", "cue 1", "'end_s' is -5", "negative"), already=True),
    # One line already ("cannot read (RecursionError: ...)"); now it says what a transcript is.
    Bad("json-nested-100000-levels", "a.json", "[" * 100_000 + "]" * 100_000,
        says=("a.json", "nested too deeply"), already=True),
    # Plain text whose estimated timings run past 24 hours: accepted before (a 25-hour report).
    Bad("txt-that-would-take-25h-to-say", "a.txt", "word " * 30_000, args=("--wpm", "20"),
        says=("a.txt", "30000 words", "24 hours")),
    # Speaking rates that are not one.
    Bad("wpm-nan", "a.txt", ANSWER, args=("--wpm", "nan"), says=("--wpm", "nan")),  # ValidationError
    Bad("wpm-1e-300", "a.txt", ANSWER, args=("--wpm", "1e-300"), says=("--wpm",)),  # OverflowError
    Bad("wpm-inf", "a.txt", ANSWER, args=("--wpm", "inf"), says=("--wpm", "inf")),  # accepted: 0 s
    Bad("wpm-1e308", "a.txt", ANSWER, args=("--wpm", "1e308"), says=("--wpm",)),  # accepted
    Bad("wpm-negative", "a.txt", ANSWER, args=("--wpm", "-1"), says=("--wpm",), already=True),
    Bad("wpm-zero", "a.txt", ANSWER, args=("--wpm", "0"), says=("--wpm",), already=True),
    # What is not a regular file: hangs (FIFO, /dev/zero) before the fix.
    Bad("fifo-vtt", "a.vtt", fifo, says=("a.vtt", "named pipe")),  # hangs
    Bad("fifo-txt", "a.txt", fifo, says=("a.txt", "named pipe")),  # hangs
    Bad("fifo-json", "a.json", fifo, says=("a.json", "named pipe")),  # hangs
    Bad("dev-zero-vtt", "a.vtt", link_to("/dev/zero"), says=("a.vtt", "device")),  # hangs
    Bad("dev-null-srt", "a.srt", link_to("/dev/null"), says=("a.srt",), already=True),
    Bad("directory-vtt", "a.vtt", lambda p: p.mkdir(), says=("a.vtt", "directory"), already=True),
    # sessions list --limit: a count of rounds.
    Bad("limit-zero", "", "", args=("--limit", "0"), says=("--limit",), command="sessions list"),  # accepted
    Bad("limit-negative", "", "", args=("--limit", "-1"), says=("--limit",), command="sessions list"),  # accepted
]


def _make(bad: Bad, tmp_path: Path) -> list[str]:
    argv = bad.command.split()
    if bad.name:
        path = tmp_path / bad.name
        if callable(bad.content):
            bad.content(path)
        else:
            path.write_text(bad.content, encoding="utf-8")
        argv.append(str(path))
    return [*argv, *bad.args]


@pytest.mark.parametrize("bad", TRANSCRIPTS, ids=[b.id for b in TRANSCRIPTS])
def test_bad_value_is_one_line_and_exit_2(bad: Bad, tmp_path: Path) -> None:
    proc = cli(*_make(bad, tmp_path), "--json")
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("voice-sim: ")
    assert proc.returncode == 2
    for words in bad.says:
        assert words in lines[0], lines[0]


def test_huge_limit_means_all_rounds() -> None:
    proc = cli("sessions", "list", "--limit", "9" * 30, "--json")  # OverflowError before the fix
    assert proc.returncode == 0 and proc.stderr == ""
    assert json.loads(proc.stdout) == []


# --- broken scenario files are skipped with one line each, the bundled ones still load ------------


def user_scenario(name: str, content: str | Callable[[Path], None]) -> Path:
    folder = locations.user_scenarios_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if callable(content):
        content(path)
    else:
        path.write_text(content, encoding="utf-8")
    return path


BROKEN_SCENARIOS = [
    ("nested-5000-levels", NESTED, "nested"),  # RecursionError: nothing listed
    ("fifo", fifo, "named pipe"),  # hangs
    ("dev-zero", link_to("/dev/zero"), "device"),  # MemoryError
    ("folder", lambda p: p.mkdir(), "directory"),  # already one line
]


@pytest.mark.parametrize("name, content, says", BROKEN_SCENARIOS, ids=[c[0] for c in BROKEN_SCENARIOS])
def test_scenarios_list_skips_a_broken_user_file(
    name: str, content: Callable[[Path], None] | str, says: str
) -> None:
    user_scenario("broken.toml", content)
    proc = cli("scenarios", "list", "--json")
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode == 0
    assert sorted(row["id"] for row in json.loads(proc.stdout)) == BUNDLED
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("voice-sim: warning: "), proc.stderr
    assert "broken.toml" in lines[0] and says in lines[0]


def test_analyze_with_a_scenario_survives_a_broken_user_file(tmp_path: Path) -> None:
    user_scenario("deep.toml", NESTED)
    answer = tmp_path / "a.txt"
    answer.write_text(ANSWER)
    proc = cli("analyze", str(answer), "--json", "--scenario", "auction-bidding")  # RecursionError before
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["window_s"] > 0
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and "deep.toml" in lines[0] and "nested" in lines[0]


def test_a_user_scenario_that_reuses_a_bundled_id_says_so() -> None:
    bundled = locations.bundled_scenarios_dir() / "auction-bidding.toml"
    text = bundled.read_text(encoding="utf-8").replace(
        'title = "', 'title = "My own ', 1)
    mine = user_scenario("mine.toml", text)
    proc = cli("scenarios", "list", "--json")  # silent before the fix
    assert proc.returncode == 0
    rows = {row["id"]: row for row in json.loads(proc.stdout)}
    assert rows["auction-bidding"]["title"].startswith("My own ") and rows["auction-bidding"]["source"] == str(mine)
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("voice-sim: note: "), proc.stderr
    assert "mine.toml" in lines[0] and "'auction-bidding'" in lines[0] and "bundled" in lines[0]


@pytest.mark.parametrize("name, content, says", BROKEN_SCENARIOS[:3], ids=[c[0] for c in BROKEN_SCENARIOS[:3]])
def test_scenarios_check_reports_a_broken_file_in_one_line(
    tmp_path: Path, name: str, content: Callable[[Path], None] | str, says: str
) -> None:
    path = tmp_path / "broken.toml"
    if callable(content):
        content(path)
    else:
        path.write_text(content, encoding="utf-8")
    proc = cli("scenarios", "check", str(path))
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode == 2 and proc.stderr == ""
    lines = proc.stdout.splitlines()  # check's report goes to stdout, one line per file
    assert len(lines) == 1 and str(path) in lines[0] and says in lines[0], proc.stdout


def test_run_with_a_broken_user_scenario_says_so_and_still_finds_the_bundled_ones() -> None:
    user_scenario("deep.toml", NESTED)
    proc = cli("run", "--scenario", "no-such-scenario", "--no-speak")  # RecursionError before
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    warning, error = proc.stderr.splitlines()
    assert warning.startswith("voice-sim: warning: ") and "deep.toml" in warning
    assert "no-such-scenario" in error and "auction-bidding" in error  # the bundled ones are there


def test_scenarios_folder_that_is_a_fifo_is_one_line(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    proc = cli("--scenarios", str(tmp_path / "pipe"), "scenarios", "list")  # already one line
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    assert len(proc.stderr.splitlines()) == 1 and "pipe" in proc.stderr


# --- long runs without a full stop ------------------------------------------------------------------


def test_a_sentence_without_a_full_stop_is_read_in_pieces() -> None:
    # The speech model can write minutes of speech without a full stop; the rules used to read
    # such a run at once, in time that grew with the square of its length (issue 12).
    from voice_sim.core.analysis.statements import MAX_SENTENCE_WORDS, sentences

    words = [f"w{i}" for i in range(1000)]
    pieces = sentences("Short one. " + " ".join(words) + ". Last.")
    assert pieces[0] == "Short one." and pieces[-1] == "Last."
    middle = [p.split() for p in pieces[1:-1]]
    assert all(len(p) <= MAX_SENTENCE_WORDS for p in middle)
    assert max(map(len, middle)) - min(map(len, middle)) <= 1  # even pieces, no stub at the end
    assert [w for piece in middle for w in piece] == [*words[:-1], words[-1] + "."]
    assert sentences("a b c. d e") == ["a b c.", "d e"]  # short sentences as they were


def test_evidence_from_an_unpunctuated_answer_is_a_passage_not_the_whole_answer() -> None:
    from voice_sim.core.analysis import analyze
    from voice_sim.core.transcripts import estimate_timings

    run = "my bet is that bidders drop out when their bid lands late so we cache the price " * 400
    analysis = analyze(estimate_timings(run))
    evidence = [e for s in analysis.signals.values() for e in s.evidence]
    assert evidence and all(len(e.text.split()) <= 60 for e in evidence)
