"""Audio devices through PortAudio (sounddevice): list them, resolve the configured microphone, and
check that it really opens and delivers audio.

Every failure a user can meet here (PortAudio not installed, no such device, a busy or silent device)
becomes one UserError line that says what to do; nothing here lets a PortAudioError escape.
sounddevice is imported lazily (`import_sounddevice()`): PortAudio scans the devices once, when it is
first imported, so a sound server started later is only seen after `rescan()`.

    list_devices() -> list[Device]          input_devices() -> list[Device]
    resolve_input(spec) -> Device           spec: None (default), an index, or a name fragment
    check_input(spec, samplerate, blocksize, timeout_s) -> Device   opens, waits for one block
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import asdict, dataclass
from types import ModuleType
from typing import Any

from voice_sim.errors import UserError

PORTAUDIO_FIX = "apt install libportaudio2"


@dataclass(frozen=True)
class Device:
    index: int
    name: str
    hostapi: str
    max_input_channels: int
    max_output_channels: int
    default_samplerate: float
    is_default_input: bool = False
    is_default_output: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def label(self) -> str:
        return f"{self.index} {self.name!r}"


def _load() -> ModuleType:
    return importlib.import_module("sounddevice")


def import_sounddevice() -> ModuleType:
    """sounddevice, or a UserError saying how to install PortAudio."""
    try:
        sounddevice = _load()
    except OSError as exc:  # sounddevice raises OSError('PortAudio library not found')
        raise UserError(f"PortAudio is missing ({exc}); install it: {PORTAUDIO_FIX}") from None
    except ImportError:
        raise UserError("the sounddevice package is missing; run scripts/run or "
                        "`.venv/bin/pip install sounddevice`") from None
    return sounddevice


def rescan() -> None:
    """Make PortAudio look at the devices again (after a sound server started or a mic was plugged)."""
    sd = import_sounddevice()
    sd._terminate()  # no public API for this; sounddevice's own docs suggest it
    sd._initialize()


def _defaults(sd: ModuleType) -> tuple[int, int]:
    try:
        default_in, default_out = sd.default.device
    except (TypeError, ValueError):
        default_in = default_out = sd.default.device
    out = []
    for value, kind in ((default_in, "input"), (default_out, "output")):
        if value is None or (isinstance(value, int) and value < 0):
            try:
                value = sd.query_devices(kind=kind)["index"]
            except Exception:  # noqa: BLE001 - PortAudio has no default of this kind
                value = -1
        out.append(int(value) if isinstance(value, int) else -1)
    return out[0], out[1]


def list_devices() -> list[Device]:
    sd = import_sounddevice()
    try:
        raw = sd.query_devices()
        apis = sd.query_hostapis()
    except sd.PortAudioError as exc:
        raise UserError(f"PortAudio cannot list devices ({exc}); check `voice-sim doctor`") from None
    default_in, default_out = _defaults(sd)
    devices = []
    for i, d in enumerate(raw):
        devices.append(Device(
            index=i, name=str(d["name"]), hostapi=str(apis[d["hostapi"]]["name"]),
            max_input_channels=int(d["max_input_channels"]),
            max_output_channels=int(d["max_output_channels"]),
            default_samplerate=float(d["default_samplerate"]),
            is_default_input=i == default_in, is_default_output=i == default_out,
        ))
    return devices


def input_devices() -> list[Device]:
    return [d for d in list_devices() if d.max_input_channels > 0]


def _available(inputs: list[Device]) -> str:
    if not inputs:
        return "no input devices at all (is a microphone connected and the sound server running?)"
    return "available inputs: " + ", ".join(d.label() for d in inputs)


def resolve_input(spec: str | int | None) -> Device:
    """The input device for a setting: None = the default, an int (or digits) = that index, anything
    else = the one input whose name contains it (case-insensitive; an exact name wins)."""
    inputs = input_devices()
    if spec is None or (isinstance(spec, str) and spec.strip() in ("", "default")):
        if isinstance(spec, str) and spec.strip() == "default":
            exact = [d for d in inputs if d.name == "default"]
            if exact:
                return exact[0]
        for d in inputs:
            if d.is_default_input:
                return d
        if inputs:
            return inputs[0]
        raise UserError(f"no default input device; {_available(inputs)}")
    if isinstance(spec, int) or str(spec).strip().isdigit():
        index = int(spec)
        for d in inputs:
            if d.index == index:
                return d
        raise UserError(f"no input device with index {index}; {_available(inputs)}; "
                        "set audio.input_device to one of them")
    fragment = str(spec).strip().lower()
    exact = [d for d in inputs if d.name.lower() == fragment]
    if exact:
        return exact[0]
    matches = [d for d in inputs if fragment in d.name.lower()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UserError(f"no input device matches {spec!r}; {_available(inputs)}; "
                        "set audio.input_device to a name fragment or index")
    raise UserError(f"{spec!r} matches several inputs: {', '.join(d.label() for d in matches)}; "
                    "use the index or a longer name")


def check_input(
    spec: str | int | None, samplerate: int = 16000, blocksize: int = 1600, timeout_s: float = 3.0
) -> Device:
    """Open the input, wait for its first block of audio, close it. UserError when it cannot."""
    sd = import_sounddevice()
    device = resolve_input(spec)
    got_audio = threading.Event()

    def callback(indata: Any, frames: int, time: Any, status: Any) -> None:
        got_audio.set()

    try:
        with sd.InputStream(device=device.index, samplerate=samplerate, channels=1,
                            blocksize=blocksize, dtype="float32", callback=callback):
            arrived = got_audio.wait(timeout_s)
    except sd.PortAudioError as exc:
        raise UserError(open_error(device, exc)) from None
    if not arrived:
        raise UserError(f"input {device.label()} opened but sent no audio in {timeout_s:g} s; "
                        "is it muted, or held by another program?")
    return device


def open_error(device: Device, exc: Exception) -> str:
    """One line for a PortAudio error while opening `device`."""
    text = str(exc)
    hint = "is another program using it? pick another with audio.input_device"
    if "Invalid sample rate" in text:
        hint = "it does not support 16 kHz; pick another input (e.g. 'pulse' or 'default')"
    elif "Invalid number of channels" in text:
        hint = "it has no mono input; pick another input"
    elif "Unanticipated host error" in text or "Device unavailable" in text:
        hint = "it is busy or was unplugged; close other recording programs or pick another input"
    return f"cannot open input {device.label()} ({text}); {hint}"
