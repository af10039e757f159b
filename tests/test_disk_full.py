"""A full disk (issue 12), on a real small filesystem: a tmpfs of 24 MB (tests/smalldisk.py).

A round the disk fills up under ends with one line that says the disk is full and where the
recording is, exit code 2 and no traceback, and the audio written so far is on disk and readable.
The session commands still work on the full disk, read-only; a write to the index mid-command is
one line and sets nothing aside; `run` refuses a round when the disk is too full to be worth
starting. These skip, with the reason, only where no tmpfs can be mounted (no root and no user
namespaces). tests/test_disk_full_unit.py has the same paths with the error injected.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from childkit import wait_for
from smalldisk import SmallDisk, Unmountable

from voice_sim.audio.sink import AudioSink

# Two saved rounds on the disk, made inside its namespace (the index is SQLite: see smalldisk.py).
SAVE_TWO_ROUNDS = r"""
import json
from roundkit import SCENARIO
from voice_sim.core.models import Cue, Transcript
from voice_sim.core.sessions import SessionStore

store = SessionStore.open()
ids = {}
for text in ("we cache the bids", "we shard by auction"):
    writer = store.create(SCENARIO, "coach", "full", 1800, 600)
    writer.finish(Transcript(cues=[Cue(start_s=1, end_s=4, text=text, speaker="candidate")]),
                  None, "complete", None)
    ids[text] = writer.id
print(json.dumps({"ids": ids, "root": str(store.root)}))
"""

# One store object: a round saved, then (after the test fills the disk) a new round and an index
# write, each answered with the one line it raised.
INDEX_WRITES_ON_A_FULL_DISK = r"""
import json, sys
from roundkit import SCENARIO
from voice_sim.core.sessions import SessionStore
from voice_sim.errors import UserError

store = SessionStore.open()
writer = store.create(SCENARIO, "coach", "full", 1800, 600)
print(json.dumps({"id": writer.id}), flush=True)
sys.stdin.readline()  # the test fills the disk
said = []
for attempt in (lambda: store.create(SCENARIO, "coach", "full", 1800, 600),
                lambda: store.index.put(writer.record.model_copy(update={"id": "another"}))):
    try:
        attempt()
        said.append(None)
    except UserError as exc:
        said.append(f"{type(exc).__name__}: {exc}")
print(json.dumps({"said": said, "db": str(store.db), "root": str(store.root)}), flush=True)
"""


@pytest.fixture
def disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SmallDisk]:
    """A 24 MB tmpfs (room for a ten-minute drill: a round needs 20 MB to start) holding the
    user data folder of every command the test runs inside it."""
    try:
        small = SmallDisk(tmp_path / "mnt", 24 * 1024)
    except Unmountable as exc:
        pytest.skip(f"no small filesystem to fill: {exc}")
    monkeypatch.setenv("VOICE_SIM_DATA_DIR", str(small.inner / "data"))
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).parent))  # roundkit, for the scripts
    yield small
    small.close()


def tone(path: Path, seconds: float) -> None:
    t = np.arange(int(16000 * seconds)) / 16000
    sf.write(path, (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), 16000)


@pytest.mark.model
def test_a_round_the_disk_fills_under_is_one_line_and_keeps_the_audio(
    tmp_path: Path, disk: SmallDisk
) -> None:
    answer = tmp_path / "answer.wav"  # on the big disk: only what the round writes is squeezed
    tone(answer, 60)
    child = disk.popen(sys.executable, "-m", "voice_sim", "run", "--scenario", "auction-bidding",
                       "--kind", "drill", "--no-speak", "--answer", str(answer),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if "answer 1: listening" in line:
                break
        found: list[Path] = []
        wait_for(lambda: bool(found.extend(disk.path.glob("data/sessions/*/audio/answer-01.wav")) or found))
        wav = found[0]
        wait_for(lambda: wav.stat().st_size > 32000)  # a second of PCM16 on disk
        disk.fill()  # another program takes the rest of the disk, mid-answer
        _, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()

    assert child.returncode == 2, err
    assert "Traceback" not in err
    [line] = err.splitlines()
    folder = disk.inner / "data" / "sessions" / wav.parent.parent.name
    assert line.startswith("voice-sim: the disk is full")
    assert f"kept in {folder}" in line and str(folder / "audio" / "answer-01.wav") in line
    data, rate = sf.read(wav)  # the audio so far: a readable WAV, the tone and not zeros
    assert rate == 16000 and 1.0 <= len(data) / rate < 30
    assert np.abs(data).max() > 0.2

    listed = disk.voice_sim("sessions", "list", "--json")  # the disk is still full
    assert listed.returncode == 0 and "Traceback" not in listed.stderr
    [row] = json.loads(listed.stdout)
    assert row["id"] == folder.name and row["folder"] == str(folder)
    [notice] = listed.stderr.splitlines()
    assert "the disk is full" in notice and "read-only" in notice

    disk.unfill()  # with room again, the round is recovered as incomplete, audio and all
    listed = disk.voice_sim("sessions", "list", "--json")
    assert listed.returncode == 0 and listed.stderr == ""
    [row] = json.loads(listed.stdout)
    assert row["status"] == "incomplete" and row["answers"] == 1
    shown = json.loads(disk.voice_sim("sessions", "show", row["id"], "--json").stdout)
    assert shown["session"]["segments"][-1]["audio_s"] == pytest.approx(len(data) / rate, abs=0.01)


def test_the_sink_keeps_a_readable_wav_when_the_disk_fills(disk: SmallDisk) -> None:
    """The recorder's side alone, without a model: blocks keep coming after the disk is full."""
    path = disk.path / "answer.wav"  # plain file writes work from outside
    ended: list[str] = []
    sink = AudioSink(path, 16000, on_end=lambda: ended.append("ended"))
    sink.start()
    block = (0.3 * np.sin(np.arange(1600) / 5)).astype(np.float32)
    for _ in range(20):  # two seconds
        sink.feed(block.copy())
    wait_for(lambda: sink.frames >= 20 * 1600)
    disk.fill()
    for _ in range(200):  # another 20 s, onto a full disk: the sink ends itself
        sink.feed(block.copy())
    assert sink.ended.wait(30)
    recording = sink.finish()
    assert sink.end_reason == "write_error" and ended == ["ended"]
    assert recording.disk_full and sink.disk_full
    data, rate = sf.read(path)
    assert len(data) / rate == pytest.approx(recording.duration_s, abs=1e-6)
    assert 2.0 <= recording.duration_s < 22.0 and np.abs(data).max() > 0.2


def test_session_commands_work_read_only_on_a_full_disk(tmp_path: Path, disk: SmallDisk) -> None:
    answer = tmp_path / "answer.wav"
    tone(answer, 1)
    made = disk.run(sys.executable, "-c", SAVE_TWO_ROUNDS)
    assert made.returncode == 0, made.stderr
    saved = json.loads(made.stdout)
    cache, shard = saved["ids"]["we cache the bids"], saved["ids"]["we shard by auction"]
    disk.fill()

    listed = disk.voice_sim("sessions", "list", "--json")
    assert listed.returncode == 0 and "Traceback" not in listed.stderr
    assert sorted(r["id"] for r in json.loads(listed.stdout)) == sorted([cache, shard])
    [notice] = listed.stderr.splitlines()
    assert "the disk is full" in notice and "read-only" in notice and saved["root"] in notice

    shown = disk.voice_sim("sessions", "show", cache, "--json")
    assert shown.returncode == 0 and json.loads(shown.stdout)["session"]["id"] == cache
    exported = disk.voice_sim("sessions", "export", shard, "--format", "vtt")
    assert exported.returncode == 0 and "we shard by auction" in exported.stdout

    onto_the_full_disk = disk.voice_sim("sessions", "export", "last", "-o", str(disk.inner / "r.md"))
    assert onto_the_full_disk.returncode == 2 and "Traceback" not in onto_the_full_disk.stderr
    assert onto_the_full_disk.stderr.splitlines()[-1].endswith("cannot write (the disk is full)")

    before = sorted(p.name for p in (disk.path / "data").iterdir())
    recording = disk.voice_sim("run", "--scenario", "auction-bidding", "--no-speak", "--answer", str(answer))
    assert recording.returncode == 2 and "Traceback" not in recording.stderr
    [line] = recording.stderr.splitlines()
    assert line.startswith("voice-sim: the disk is full")
    assert sorted(p.name for p in (disk.path / "data").iterdir()) == before  # nothing set aside


def test_index_writes_on_a_full_disk_are_one_line_mid_command(disk: SmallDisk) -> None:
    """Full after the store opened: a new round and an index write are each one line (DiskFull),
    and the index is kept as it is: a full disk is not damage, so nothing is set aside."""
    child = disk.popen(sys.executable, "-c", INDEX_WRITES_ON_A_FULL_DISK,
                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stdin is not None
    sid = json.loads(child.stdout.readline())["id"]
    disk.fill()
    out, err = child.communicate("go\n", timeout=60)
    assert child.returncode == 0, err
    result = json.loads(out)
    new_round, index_write = result["said"]
    assert new_round.startswith("DiskFull: the disk is full: no room for a new round")
    assert index_write.startswith("DiskFull: the disk is full") and result["db"] in index_write
    data = disk.path / "data"
    assert not [p for p in data.iterdir() if ".damaged-" in p.name]
    assert [p.name for p in (data / "sessions").iterdir()] == [sid]  # no empty round left behind
    disk.unfill()
    listed = disk.voice_sim("sessions", "list", "--json")
    assert [r["id"] for r in json.loads(listed.stdout)] == [sid] and listed.stderr == ""


def test_run_refuses_a_round_on_a_disk_too_full_to_start(tmp_path: Path, disk: SmallDisk) -> None:
    answer = tmp_path / "answer.wav"
    tone(answer, 1)
    with open(disk.path / "taken", "wb") as f:  # leave about 8 MB: under the 20 MB a round needs
        f.write(bytes(disk.free() - 8 * 1024**2))
    proc = disk.voice_sim("run", "--scenario", "auction-bidding", "--no-speak", "--answer", str(answer))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    [line] = proc.stderr.splitlines()
    assert line.startswith("voice-sim: the disk is full") and "a round needs at least" in line
    assert str(disk.inner / "data") in line
    assert not list((disk.path / "data" / "sessions").iterdir())  # refused before a round was made


def test_a_damaged_index_on_a_full_disk_is_kept_aside_and_the_listing_read_only(disk: SmallDisk) -> None:
    """Setting the damaged file aside needs no room (a rename), rebuilding it does: the file is
    kept, the listing comes from the folders, and one line says both."""
    made = disk.run(sys.executable, "-c", SAVE_TWO_ROUNDS)
    assert made.returncode == 0, made.stderr
    ids = sorted(json.loads(made.stdout)["ids"].values())
    data = disk.path / "data"
    db = data / "sessions.db"
    for extra in ("-wal", "-shm"):
        Path(f"{db}{extra}").unlink(missing_ok=True)
    damaged = bytes(range(256)) * (db.stat().st_size // 256)
    db.write_bytes(damaged)
    disk.fill()

    listed = disk.voice_sim("sessions", "list", "--json")
    assert listed.returncode == 0 and "Traceback" not in listed.stderr
    assert sorted(r["id"] for r in json.loads(listed.stdout)) == ids
    [line] = listed.stderr.splitlines()
    [aside] = [p for p in data.iterdir() if p.name.startswith("sessions.db.damaged-")
               and not p.name.endswith(("-wal", "-shm"))]
    assert aside.read_bytes() == damaged
    assert line.startswith("voice-sim: the disk is full") and "was damaged" in line
    assert f"kept as {disk.inner / 'data' / aside.name}" in line and "read-only" in line
