"""The real panel voice: pyttsx3 + espeak-ng synthesis, played by an `aplay` child process, behind
core/ports.py's Speaker (through speech/speaker.py's QueuedSpeaker).

Why this speaker plays the audio itself: pyttsx3 2.99's espeak driver plays a line with a blocking
`os.system("aplay ...")` inside espeak's synthesis callback, so engine.stop() from another thread
cannot cut it short, and after one save_to_file() every later say() is silently saved to that file
instead of spoken (its `_save_file` is never cleared). So `Pyttsx3Speaker` uses pyttsx3 only to
synthesize each line to a WAV (save_to_file + runAndWait on its own thread, which owns the engine),
then plays it with an `aplay` process it owns: interrupt() terminates that process and the sound
stops (measured on a real PulseAudio sink in tests/test_audio_hardware.py). aplay goes to the
default ALSA device: on a desktop, and in the tests, the PulseAudio/PipeWire default sink.

`speech_problem()` says why speech cannot work here, with the fix; make_speaker and the doctor use it.
"""

from __future__ import annotations

import logging
import queue
import shutil
import subprocess
import tempfile
import threading
import time
import wave
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voice_sim.config import PanelSettings, Persona
from voice_sim.core.ports import SpokenLine
from voice_sim.speech.speaker import Clock, Notice, QueuedSpeaker

log = logging.getLogger(__name__)

_ESPEAK_LOCK = threading.Lock()  # libespeak is one global synthesizer per process


class SpeechUnavailable(Exception):
    """No working speech output; the message says why and how to fix it, in one line."""


@dataclass
class _Item:
    text: str
    persona: Persona
    generation: int
    future: Future[SpokenLine]


class Pyttsx3Speaker(threading.Thread, QueuedSpeaker):
    """Owns the pyttsx3 engine on its own thread; see the module docstring for how it plays.

    start() the thread, then wait_ready() (raises SpeechUnavailable if the engine did not start).
    """

    def __init__(self, panel: PanelSettings | None = None, *, clock: Clock = time.monotonic,
                 on_line: Callable[[SpokenLine], None] | None = None,
                 on_notice: Notice | None = None, player: tuple[str, ...] = ("aplay", "-q")) -> None:
        super().__init__(name="voice-sim-speaker", daemon=True)
        self.panel = panel or PanelSettings()
        self.clock, self.on_line = clock, on_line
        self._notice = on_notice or log.warning
        self._player = player
        self.lines = []
        self._queue: queue.Queue[_Item | None] = queue.Queue()
        self._exit = threading.Event()
        self._ready = threading.Event()
        self._init_error: SpeechUnavailable | None = None
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._generation = 0
        self._pending = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._noticed: set[str] = set()
        self._voices: dict[str | None, str | None] = {}
        self._synthesized = threading.Event()

    # -- the interface ---------------------------------------------------------------------------

    def wait_ready(self, timeout: float = 10.0) -> None:
        if not self._ready.wait(timeout):
            raise SpeechUnavailable(f"the speech engine did not start within {timeout:g} s")
        if self._init_error is not None:
            raise self._init_error

    def enqueue(self, text: str, persona: Persona) -> Future[SpokenLine]:
        future: Future[SpokenLine] = Future()
        with self._lock:
            item = _Item(text, persona, self._generation, future)
            if self._exit.is_set():
                self._resolve_dropped(item)
                return future
            self._pending += 1
        self._queue.put(item)
        return future

    def wait(self, timeout: float | None = None) -> bool:
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def interrupt(self) -> None:
        with self._lock:
            self._generation += 1
            proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.terminate()  # aplay aborts the PCM on SIGTERM: the server drops what it buffered

    def stop(self) -> None:
        self._exit.set()
        self.interrupt()
        self._queue.put(None)
        if self.is_alive():
            self.join(10)

    # -- the engine's thread ---------------------------------------------------------------------

    def run(self) -> None:
        workdir = Path(tempfile.mkdtemp(prefix="voice-sim-tts-"))
        try:
            engine = self._init_engine()
        except SpeechUnavailable as exc:
            self._init_error = exc
            self._ready.set()
            self._drain()
            shutil.rmtree(workdir, ignore_errors=True)
            return
        self._ready.set()
        try:
            n = 0
            while not self._exit.is_set():
                item = self._queue.get()
                if item is None:
                    break
                n += 1
                try:
                    line = self._speak(engine, item, workdir / f"line-{n}.wav")
                except Exception as exc:  # one bad line must not silence the panel
                    log.exception("speaking a line failed")
                    self._notice_once("speak", f"the panel's voice failed ({exc}); lines are shown as text")
                    now = self.clock()
                    line = SpokenLine(item.text, now, now, persona_name=item.persona.name)
                self._finish(item, line)
        finally:
            self._drain()
            shutil.rmtree(workdir, ignore_errors=True)

    def _init_engine(self) -> Any:
        try:
            import pyttsx3
            import pyttsx3.drivers.espeak as espeak_driver
        except ImportError as exc:
            raise SpeechUnavailable(f"pyttsx3 is missing ({exc}); `.venv/bin/pip install pyttsx3`") from None
        except Exception as exc:  # noqa: BLE001 - pyttsx3's _espeak raises RuntimeError when the library is absent
            raise SpeechUnavailable(f"espeak-ng is missing ({exc}); apt install espeak-ng") from None
        # The driver prints "Audio saved to ..." on stdout for every line, which would scribble
        # over a terminal UI; shadow print in that one module.
        espeak_driver.print = lambda *args, **kwargs: None  # type: ignore[attr-defined]
        try:
            with _ESPEAK_LOCK:
                engine = pyttsx3.init()
                engine.connect("finished-utterance", lambda **_: self._synthesized.set())
                # pyttsx3 calls the driver's stop() at the start of every runAndWait(); when espeak
                # still looks busy it then cancels the line being synthesized, and we got lines
                # with no audio. This speaker never stops synthesis (it stops the player instead).
                engine.proxy._driver.stop = lambda: None
                self._voice_list = engine.getProperty("voices")
                self._default_voice = engine.getProperty("voice")
        except Exception as exc:  # noqa: BLE001 - espeak-ng data missing, a broken install
            raise SpeechUnavailable(f"the speech engine did not start ({exc}); "
                                    "apt install espeak-ng") from None
        return engine

    def _voice_for(self, persona: Persona) -> str | None:
        spec = persona.voice
        if spec not in self._voices:
            found = resolve_voice(self._voice_list, spec) if spec else self._default_voice
            if found is None:
                self._notice_once(f"voice:{spec}", f"no speech voice matches {spec!r} for "
                                  f"{persona.name}; using the default (see `espeak-ng --voices`)")
                found = self._default_voice
            self._voices[spec] = found
        return self._voices[spec]

    def _speak(self, engine: Any, item: _Item, wav: Path) -> SpokenLine:
        if self._dropped(item):
            return self._dropped_line(item)
        if not item.text.strip():
            now = self.clock()
            return SpokenLine(item.text, now, now, persona_name=item.persona.name)
        if not self._synthesize(engine, item, wav):
            self._notice_once("synth", "the speech engine made no audio; lines are shown as text")
            now = self.clock()
            return SpokenLine(item.text, now, now, persona_name=item.persona.name)
        with self._lock:
            if item.generation != self._generation:
                wav.unlink(missing_ok=True)
                return self._dropped_line(item)
            start = self.clock()
            proc = self._proc = subprocess.Popen(
                [*self._player, str(wav)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        _, err = proc.communicate()
        end = self.clock()
        with self._lock:
            self._proc = None
            interrupted = item.generation != self._generation
        wav.unlink(missing_ok=True)
        if proc.returncode != 0 and not interrupted:
            why = _player_error(err, proc.returncode)
            self._notice_once("play", f"cannot play speech ({why}); "
                              "check the sound output or set panel.speak = false")
            return SpokenLine(item.text, start, start, persona_name=item.persona.name)
        return SpokenLine(item.text, start, end, interrupted, persona_name=item.persona.name)

    def _synthesize(self, engine: Any, item: _Item, wav: Path) -> bool:
        """Write the line to `wav`; False if espeak made no audio (twice)."""
        from pyttsx3.drivers import _espeak

        for _attempt in range(2):
            with _ESPEAK_LOCK:
                if voice := self._voice_for(item.persona):
                    engine.setProperty("voice", voice)
                engine.setProperty("rate", item.persona.rate)
                engine.setProperty("volume", self.panel.volume)
                self._synthesized.clear()
                engine.save_to_file(item.text, str(wav))
                engine.runAndWait()
                # espeak-ng's "retrieval" mode synthesizes on its own thread: runAndWait() can
                # return before the WAV is written, and pyttsx3 reports finished-utterance from
                # inside espeak's callback. Starting the next line while espeak is still busy makes
                # pyttsx3 cancel it (its endLoop calls stop() when IsPlaying()), so also wait until
                # espeak is idle; it has no notification for that, hence the short poll.
                self._synthesized.wait(10 + len(item.text) / 20)
                deadline = time.monotonic() + 2.0
                while _espeak.IsPlaying() and time.monotonic() < deadline:
                    time.sleep(0.005)
            if _has_audio(wav):
                return True
            log.debug("espeak made no audio for %r; trying once more", item.text[:40])
        return False

    def _dropped(self, item: _Item) -> bool:
        with self._lock:
            return item.generation != self._generation or self._exit.is_set()

    def _dropped_line(self, item: _Item) -> SpokenLine:
        now = self.clock()
        return SpokenLine(item.text, now, now, interrupted=True, persona_name=item.persona.name)

    def _resolve_dropped(self, item: _Item) -> None:
        item.future.set_result(self._dropped_line(item))

    def _finish(self, item: _Item, line: SpokenLine) -> None:
        self.lines.append(line)
        if self.on_line is not None:
            try:
                self.on_line(line)
            except Exception:
                log.exception("on_line callback failed")
        item.future.set_result(line)
        with self._idle:
            self._pending -= 1
            self._idle.notify_all()

    def _drain(self) -> None:
        """Resolve whatever is still queued as dropped (shut down, or the engine never started)."""
        self._exit.set()
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if item is not None:
                self._finish(item, self._dropped_line(item))

    def _notice_once(self, key: str, message: str) -> None:
        if key not in self._noticed:
            self._noticed.add(key)
            self._notice(message)


def resolve_voice(voices: list[Any], spec: str) -> str | None:
    """A pyttsx3 voice id for a settings value: an id ('gmw/en-us'), its last part ('en-us'), a
    language ('en-gb'), a name ('English (America)') or a fragment of an id or name."""
    s = spec.strip().lower()
    tests: list[Callable[[Any], bool]] = [
        lambda v: v.id.lower() == s,
        lambda v: v.id.lower().rsplit("/", 1)[-1] == s,
        lambda v: s in [str(lang).lower() for lang in (v.languages or [])],
        lambda v: str(v.name).lower() == s,
        lambda v: s in v.id.lower() or s in str(v.name).lower(),
    ]
    for test in tests:
        for v in voices:
            if test(v):
                return str(v.id)
    return None


def _has_audio(path: Path) -> bool:
    try:
        with wave.open(str(path)) as w:
            return w.getnframes() > 0
    except (OSError, EOFError, wave.Error):
        return False


def _player_error(stderr: bytes | None, returncode: int) -> str:
    """aplay's own last word ('aplay: main:831: audio open error: ...'), not ALSA's config noise."""
    lines = (stderr or b"").decode(errors="replace").strip().splitlines()
    own = [line for line in lines if line.startswith("aplay:")]
    return (own or lines or [f"aplay exit code {returncode}"])[-1]


def _silent_wav(path: Path, seconds: float = 0.05) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(22050)
        w.writeframes(b"\0\0" * int(22050 * seconds))


def speech_problem(probe_output: bool = True) -> tuple[str, str] | None:
    """Why speech cannot work here, as (problem, fix), or None if it can: pyttsx3, espeak-ng, aplay
    and (probe_output) a 50 ms silent clip that aplay must manage to play."""
    try:
        import pyttsx3
    except ImportError as exc:
        return f"pyttsx3 is missing ({exc})", "`.venv/bin/pip install pyttsx3` (or run scripts/run)"
    try:
        import pyttsx3.drivers._espeak  # noqa: F401 - loads libespeak-ng or raises
    except Exception:  # noqa: BLE001
        return "the espeak-ng library is missing", "apt install espeak-ng"
    if shutil.which("aplay") is None:
        return "aplay is missing", "apt install alsa-utils"
    if probe_output:
        with tempfile.TemporaryDirectory(prefix="voice-sim-probe-") as tmp:
            clip = Path(tmp) / "silence.wav"
            _silent_wav(clip)
            try:
                done = subprocess.run(["aplay", "-q", str(clip)], check=False,
                                      stdin=subprocess.DEVNULL, capture_output=True, timeout=10)
            except subprocess.TimeoutExpired:
                return "the audio output hangs (aplay did not finish)", "check the sound server"
            if done.returncode != 0:
                why = _player_error(done.stderr, done.returncode)
                return (f"no audio output ({why})",
                        "start the sound server or connect speakers, or set panel.speak = false")
    return None
