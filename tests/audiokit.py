"""A real PulseAudio server for the audio tests (see docs/audio-testing.md), and a tap that
records one of its monitors with `parec` so a test can measure what was really played.

The server is private to the test session: its own runtime folder, socket and cookie, reached
through PULSE_SERVER, so it neither needs nor disturbs a desktop's sound server or another test
run on the same machine. Null sinks `panel` (the default sink: what the app speaks) and `candidate`
(whose monitor is the default source: what the app hears).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Self

import numpy as np

RATE = 16000
SPEECH_DB = -40.0  # a 100 ms window louder than this is speech (espeak peaks near -10 dBFS RMS)


class PulseUnavailable(Exception):
    pass


def _wait_until(predicate: Callable[[], bool], timeout: float, step: float = 0.02) -> bool:
    """Poll a condition of an outside process (no event to wait on), up to `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(step)
    return True


class PulseServer:
    def __init__(self) -> None:
        # A short path: unix socket paths are limited to 108 bytes.
        self.runtime = Path(tempfile.mkdtemp(prefix="vs-pulse-"))
        self.socket = self.runtime / "native"
        self.env = {
            "PULSE_RUNTIME_PATH": str(self.runtime),
            "PULSE_STATE_PATH": str(self.runtime),
            "PULSE_COOKIE": str(self.runtime / "cookie"),
            "PULSE_SERVER": f"unix:{self.socket}",
        }
        self._saved = {k: os.environ.get(k) for k in self.env}
        self.pid: int | None = None
        self._keepers: list[subprocess.Popen[bytes]] = []

    def start(self) -> None:
        for tool in ("pulseaudio", "pactl", "paplay", "parec"):
            if shutil.which(tool) is None:
                raise PulseUnavailable(f"{tool} is not installed (apt install pulseaudio pulseaudio-utils)")
        os.environ.update(self.env)
        log = self.runtime / "server.log"
        cmd = [
            "pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "-n", f"--log-target=file:{log}",
            "--load=module-null-sink sink_name=panel",
            "--load=module-null-sink sink_name=candidate",
            f"--load=module-native-protocol-unix socket={self.socket} auth-anonymous=1",
        ]
        done = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=30)
        if done.returncode != 0:
            raise PulseUnavailable(f"pulseaudio exited {done.returncode}: {self._why(done.stderr, log)}")
        pid_file = self.runtime / "pid"
        if _wait_until(pid_file.exists, 5):
            self.pid = int(pid_file.read_text().split()[0])
        if not _wait_until(lambda: self.pactl("info").returncode == 0, 10):
            raise PulseUnavailable(f"pactl info never answered: {self._why('', log)}")
        for args in (("set-default-sink", "panel"), ("set-default-source", "candidate.monitor")):
            r = self.pactl(*args)
            if r.returncode != 0:
                raise PulseUnavailable(f"pactl {' '.join(args)}: {r.stderr.strip()}")
        # A null sink nobody asks for low latency works in 2 s chunks: every new stream on it waits
        # ~2 s for its first audio and every player ~2 s to drain. One low-latency reader per sink,
        # for the whole session, keeps both sinks ticking every 20 ms, as a sound card would.
        ticking = []
        for sink in ("panel", "candidate"):
            keeper = subprocess.Popen(
                ["parec", "-d", f"{sink}.monitor", "--latency-msec=20", "--raw"],
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            )
            self._keepers.append(keeper)
            ticking.append(threading.Event())
            threading.Thread(target=_discard, args=(keeper, ticking[-1]), daemon=True).start()
        if not all(event.wait(10) for event in ticking):
            raise PulseUnavailable("the null sinks never delivered audio to a monitor reader")
        if "sounddevice" in sys.modules:  # PortAudio scanned before the server existed: look again
            from voice_sim.audio.devices import rescan

            rescan()

    def pactl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["pactl", *args], check=False, capture_output=True, text=True, timeout=10)

    def play(self, path: Path, sink: str = "candidate") -> None:
        """Play a file into a sink and return when it has been played. A low latency, because a
        null sink otherwise works in 2 s chunks and paplay's drain waits for them."""
        subprocess.run(["paplay", "--latency-msec=30", "-d", sink, str(path)], check=True, timeout=60)

    def stop(self) -> None:
        for keeper in self._keepers:
            keeper.terminate()
            keeper.wait(5)
        if self.pid is not None:
            try:
                os.kill(self.pid, signal.SIGTERM)
                if not _wait_until(lambda: not _alive(self.pid), 5):
                    os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for key, value in self._saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(self.runtime, ignore_errors=True)

    @staticmethod
    def _why(stderr: str, log: Path) -> str:
        text = stderr.strip()
        if log.exists():
            text += " " + " / ".join(log.read_text(errors="replace").strip().splitlines()[-3:])
        return text.strip() or "no message"


def _discard(proc: subprocess.Popen[bytes], first_data: threading.Event) -> None:
    assert proc.stdout is not None
    try:
        while proc.stdout.read1(65536):
            first_data.set()
    except (OSError, ValueError):  # the pipe was closed when the server stopped
        return


def _alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


class MonitorTap:
    """Records a PulseAudio source (e.g. 'panel.monitor') at 16 kHz mono float32 with parec, so a
    test can ask how much sound arrived and wait for conditions on it."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._chunks: list[np.ndarray] = []
        self._frames = 0
        self._cond = threading.Condition()
        self._proc: subprocess.Popen[bytes] | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Self:
        self._proc = subprocess.Popen(
            ["parec", "-d", self.source, f"--rate={RATE}", "--channels=1", "--format=float32le",
             "--raw", "--latency-msec=20"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()
        assert self.wait_for(lambda: self._frames >= RATE // 10, 10), f"parec {self.source} sent nothing"
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._proc is not None
        self._proc.terminate()
        self._proc.wait(5)

    def _read(self) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        carry = b""
        while True:
            try:
                data = self._proc.stdout.read1(6400)
            except (OSError, ValueError):  # closed at __exit__
                break
            if not data:
                break
            data = carry + data
            usable = len(data) - len(data) % 4
            carry = data[usable:]
            samples = np.frombuffer(data[:usable], dtype="<f4")
            with self._cond:
                self._chunks.append(samples)
                self._frames += len(samples)
                self._cond.notify_all()

    @property
    def frames(self) -> int:
        return self._frames

    def samples(self, start: int = 0) -> np.ndarray:
        with self._cond:
            audio = np.concatenate(self._chunks) if self._chunks else np.zeros(0, np.float32)
        return audio[start:]

    def wait_for(self, predicate: Callable[[], bool], timeout: float) -> bool:
        with self._cond:
            return self._cond.wait_for(predicate, timeout)

    def wait_frames(self, count: int, timeout: float = 30) -> bool:
        return self.wait_for(lambda: self._frames >= count, timeout)

    def voiced_s(self, start: int = 0, end: int | None = None) -> float:
        return voiced_seconds(self.samples(start)[: None if end is None else end - start])


def window_db(audio: np.ndarray, window: int = RATE // 10) -> np.ndarray:
    """RMS dBFS of consecutive 100 ms windows."""
    n = len(audio) // window
    if n == 0:
        return np.zeros(0)
    rms = np.sqrt((audio[: n * window].reshape(n, window).astype(np.float64) ** 2).mean(axis=1))
    return 20 * np.log10(np.maximum(rms, 1e-10))


def voiced_seconds(audio: np.ndarray) -> float:
    return float((window_db(audio) > SPEECH_DB).sum()) * 0.1


def voiced_span(audio: np.ndarray) -> tuple[float, float] | None:
    """(first, last) voiced window start, in seconds, or None if nothing is voiced."""
    voiced = np.flatnonzero(window_db(audio) > SPEECH_DB)
    if len(voiced) == 0:
        return None
    return voiced[0] * 0.1, (voiced[-1] + 1) * 0.1
