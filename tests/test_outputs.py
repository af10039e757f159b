"""Never overwrite what is not ours (issue 12): `sessions export -o` and `transcribe -o`.

A new path or a regular file is replaced atomically and private (0600, under any umask); a
symlink is followed to its target; a character device, a FIFO or `-` is written to as a stream
and stays what it was; a folder or a socket is one clear line and exit code 2. Before the fix a
temp file was renamed over PATH, replacing the link, the FIFO or the device with a regular file.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from roundkit import HYPOTHESIS
from test_sessions import play_round

from voice_sim.cli import main
from voice_sim.core.models import Cue, Transcript
from voice_sim.core.sessions import SessionStore

CUE = Cue(start_s=0.5, end_s=2.0, text="we cache the price at the edge", speaker="candidate")


@pytest.fixture
def sid() -> str:
    return play_round(SessionStore.open(), [HYPOTHESIS]).session.id


@pytest.fixture
def fake_transcription(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """`transcribe` without the model: what is written, and where, is what these tests are about."""
    monkeypatch.setattr("voice_sim.speech.transcribe_path",
                        lambda path, settings, model=None, progress=False: Transcript(cues=[CUE]))
    audio = tmp_path / "answer.wav"
    audio.write_bytes(b"RIFF")
    return audio


def export(sid: str, out: Path | str, fmt: str = "vtt") -> list[str]:
    return ["sessions", "export", sid, "--format", fmt, "-o", str(out)]


def transcribe(audio: Path, out: Path | str) -> list[str]:
    return ["transcribe", str(audio), "-o", str(out)]


class FifoReader:
    """A FIFO in `folder` and a thread reading it to the end, as `cat fifo` would."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "pipe"
        os.mkfifo(self.path)
        self.data = b""
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        with open(self.path, "rb") as f:
            self.data = f.read()

    def text(self) -> str:
        self.thread.join(timeout=30)
        assert not self.thread.is_alive(), "the reader never saw the end of the stream"
        return self.data.decode()


@pytest.fixture
def char_device(tmp_path: Path) -> Path:
    """A private copy of /dev/null (major 1, minor 3): a device to write to that is not the
    machine's own, so a regression replaces this one, not /dev/null."""
    path = tmp_path / "null"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("mknod needs root (CAP_MKNOD)")
    return path


def one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    yield
    os.umask(old)


# ----- sessions export ---------------------------------------------------------------------------

def test_export_into_a_fifo_streams_and_leaves_the_fifo(sid: str, tmp_path: Path) -> None:
    reader = FifoReader(tmp_path)
    assert main(export(sid, reader.path)) == 0
    assert reader.text().startswith("WEBVTT")
    assert stat.S_ISFIFO(os.lstat(reader.path).st_mode)


def test_export_through_a_symlink_writes_its_target(sid: str, tmp_path: Path, umask_000: None) -> None:
    target, link = tmp_path / "real.vtt", tmp_path / "link.vtt"
    target.write_text("old")
    link.symlink_to(target.name)
    assert main(export(sid, link)) == 0
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_text().startswith("WEBVTT") and target.stat().st_mode & 0o777 == 0o600


def test_export_through_a_dangling_symlink_creates_its_target(sid: str, tmp_path: Path) -> None:
    link = tmp_path / "link.vtt"
    link.symlink_to("new.vtt")
    assert main(export(sid, link)) == 0
    assert link.is_symlink() and (tmp_path / "new.vtt").read_text().startswith("WEBVTT")


def test_export_into_a_device_stays_a_device(sid: str, char_device: Path) -> None:
    assert main(export(sid, char_device)) == 0
    assert stat.S_ISCHR(os.lstat(char_device).st_mode)


def test_export_to_dev_null(sid: str) -> None:
    assert main(export(sid, "/dev/null")) == 0
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_export_to_dash_is_stdout(sid: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(export(sid, "-")) == 0
    assert capsys.readouterr().out.startswith("WEBVTT")


def test_export_to_a_symlink_to_proc_self_fd_1_writes_the_pipe(sid: str, tmp_path: Path) -> None:
    """What /dev/stdout is: a link to /proc/self/fd/1 (here one of our own, so a regression
    replaces it and not the machine's /dev/stdout)."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    proc = subprocess.run([sys.executable, "-m", "voice_sim", *export(sid, link)],
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("WEBVTT") and link.is_symlink()


@pytest.mark.skipif(not Path("/dev/stdout").is_symlink(), reason="no /dev/stdout link here")
def test_export_to_dev_stdout_works_and_stays_a_link(sid: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "voice_sim", *export(sid, "/dev/stdout")],
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("WEBVTT") and Path("/dev/stdout").is_symlink()


def test_export_into_a_socket_is_one_line(sid: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        assert main(export(sid, path)) == 2
    assert "socket" in one_line(capsys) and stat.S_ISSOCK(os.lstat(path).st_mode)


def test_export_into_a_link_to_a_folder_is_one_line(sid: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "dir").mkdir()
    (tmp_path / "link").symlink_to("dir")
    assert main(export(sid, tmp_path / "link")) == 2
    assert "folder" in one_line(capsys) and (tmp_path / "link").is_symlink()


# ----- transcribe -o -----------------------------------------------------------------------------

def test_transcribe_into_a_fifo_streams(fake_transcription: Path, tmp_path: Path) -> None:
    reader = FifoReader(tmp_path)
    assert main(transcribe(fake_transcription, reader.path)) == 0
    assert reader.text().startswith("WEBVTT")  # no suffix on a stream: WebVTT, as on stdout
    assert stat.S_ISFIFO(os.lstat(reader.path).st_mode)


def test_transcribe_to_dash_is_stdout(fake_transcription: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(transcribe(fake_transcription, "-")) == 0
    assert capsys.readouterr().out.startswith("WEBVTT")


def test_transcribe_through_a_symlink_and_private(fake_transcription: Path, tmp_path: Path,
                                                  umask_000: None) -> None:
    target, link = tmp_path / "real.srt", tmp_path / "link.srt"
    link.symlink_to(target.name)
    assert main(transcribe(fake_transcription, link)) == 0
    assert link.is_symlink() and "-->" in target.read_text()
    assert target.stat().st_mode & 0o777 == 0o600


def test_transcribe_output_is_private_under_umask_000(fake_transcription: Path, tmp_path: Path,
                                                      umask_000: None) -> None:
    out = tmp_path / "a.json"
    assert main(transcribe(fake_transcription, out)) == 0
    assert out.stat().st_mode & 0o777 == 0o600


def test_transcribe_into_a_device_stays_a_device(fake_transcription: Path, char_device: Path) -> None:
    assert main(transcribe(fake_transcription, char_device)) == 0
    assert stat.S_ISCHR(os.lstat(char_device).st_mode)


def test_transcribe_into_a_socket_is_one_line(fake_transcription: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sock.vtt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        assert main(transcribe(fake_transcription, path)) == 2
    assert "socket" in one_line(capsys)
