"""`voice-sim analyze`: the JSON contract and one clear line for every kind of bad input."""

import json
import subprocess
import sys

import pytest

from voice_sim.cli import main

ANSWER = """WEBVTT

00:00:02.000 --> 00:00:07.000
Um, so my bet is that bidders drop out when their bid lands late.

00:00:08.000 --> 00:00:12.500
It has to come back in under a hundred and fifty millis or people bail.

00:00:13.000 --> 00:00:17.000
We'll cache the current price at the edge,

00:00:17.200 --> 00:00:20.000
which should move GMV a couple of points.

00:00:24.000 --> 00:00:26.000
And we'll use Kafka.
"""


def test_json_contract(tmp_path, capsys):
    path = tmp_path / "answer.vtt"
    path.write_text(ANSWER)
    assert main(["analyze", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"duration_s", "signals", "flags", "pacing", "scorecard"}
    assert out["duration_s"] == 26.0
    assert set(out["signals"]) == {"hypothesis", "constraint", "lever", "metric_tie", "tradeoff"}
    hyp = out["signals"]["hypothesis"]
    assert hyp["present"] and hyp["first_at_s"] == 2.0 and hyp["evidence"][0]["start_s"] == 2.0
    assert out["signals"]["metric_tie"]["first_at_s"] == 17.2
    assert not out["signals"]["tradeoff"]["present"]
    codes = {f["code"]: f for f in out["flags"]}
    assert codes["tech_without_rationale"]["at_s"] == 24.0
    assert "missing_hypothesis" not in codes


def test_readable_report(tmp_path, capsys):
    path = tmp_path / "answer.vtt"
    path.write_text(ANSWER)
    assert main(["analyze", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Hypothesis" in out and "tech_without_rationale" in out and "0:02" in out


def test_plain_text_says_timings_are_estimated(tmp_path, capsys):
    path = tmp_path / "answer.txt"
    path.write_text("My bet is that bidders drop out when their bid lands late. We need three nines.")
    assert main(["analyze", str(path)]) == 0
    assert "estimated" in capsys.readouterr().out


def _many_cues(n: int) -> str:
    lines = ["WEBVTT", ""]
    for i in range(n):
        stamp = f"{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}"
        lines += [f"{stamp}.000 --> {stamp}.900", "word", ""]
    return "\n".join(lines)


@pytest.mark.parametrize("name, content", [
    ("empty.vtt", b""),
    ("junk.vtt", bytes(range(256)) * 40),
    ("latin1.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\ncaf\xe9\n".encode("latin-1")),
    ("malformed.vtt", b"WEBVTT\n\n00:00:01.000 --> banana\nhello\n"),
    ("overlap.vtt", b"WEBVTT\n\n00:00:01.000 --> 00:00:06.000\na\n\n00:00:03.000 --> 00:00:08.000\nb\n"),
    ("backwards.vtt", b"WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nhi\n"),
    ("huge.vtt", _many_cues(200_000).encode()),
    ("answer.pdf", b"%PDF-1.4"),
])
def test_bad_input_one_line_exit_2(tmp_path, capsys, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["analyze", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("voice-sim: ") and str(path) in lines[0]


def test_missing_path_and_directory(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "nope.vtt"), "--json"]) == 2
    assert main(["analyze", str(tmp_path), "--json"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert "no such file" in err[0] and "directory" in err[1]


def test_no_traceback_from_the_real_command(tmp_path):
    bad = tmp_path / "bad.vtt"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    proc = subprocess.run([sys.executable, "-m", "voice_sim", "analyze", str(bad), "--json"],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_scenario_window_and_broken_scenario_warning(tmp_path, capsys):
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "broken.toml").write_text('id = "x"\n')
    path = tmp_path / "answer.vtt"
    path.write_text(ANSWER)
    assert main(["--scenarios", str(extra), "analyze", str(path), "--json", "--scenario", "auction-bidding"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["window_s"] == 600
    assert "broken.toml" in captured.err and "warning" in captured.err
    assert main(["analyze", str(path), "--json", "--scenario", "no-such-scenario"]) == 2
    assert "no-such-scenario" in capsys.readouterr().err
