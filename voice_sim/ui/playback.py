"""Play a recorded answer from a given second, for the report's and history's 'play from here'.

Lazy imports: soundfile and sounddevice load only when something is played, and every failure
(no PortAudio, no output device, a missing or unreadable file) becomes a PlaybackError whose
message says why, for a notification. Runs in a worker: reading a long answer takes a moment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol


class PlaybackError(Exception):
    """Why the audio cannot be played, in words for a notification."""


class Player(Protocol):
    def play(self, path: Path, offset_s: float = 0.0) -> float:
        """Start playing `path` from `offset_s`; return at once with the seconds that will play."""
        ...

    def stop(self) -> None: ...


class SoundDevicePlayer:
    def play(self, path: Path, offset_s: float = 0.0) -> float:
        if not path.is_file():
            raise PlaybackError(f"the recording {path.name} is not on disk any more")
        try:
            import soundfile as sf  # type: ignore[import-untyped]
        except (ImportError, OSError) as exc:
            raise PlaybackError(f"cannot read audio ({exc}); install libsndfile1") from None
        try:
            info = sf.info(str(path))
            start = max(0, min(int(offset_s * info.samplerate), info.frames))
            data, rate = sf.read(str(path), start=start, dtype="float32", always_2d=False)
        except Exception as exc:  # noqa: BLE001 - soundfile raises its own error types and RuntimeError
            raise PlaybackError(f"cannot read {path.name} ({exc})") from None
        if len(data) == 0:
            raise PlaybackError(f"nothing recorded after {offset_s:.0f} s in {path.name}")
        try:
            import sounddevice as sd  # type: ignore[import-untyped]
        except (ImportError, OSError) as exc:
            raise PlaybackError(f"no audio output ({exc}); install libportaudio2") from None
        try:
            sd.play(data, rate)
        except Exception as exc:  # noqa: BLE001 - PortAudioError: no output device, device busy...
            raise PlaybackError(f"cannot play on the output device ({exc})") from None
        return len(data) / rate

    def stop(self) -> None:
        try:
            import sounddevice as sd  # type: ignore[import-untyped]

            sd.stop()
        except Exception:
            pass
