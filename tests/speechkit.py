"""Real test speech for the transcription tests: espeak-ng utterances as 16 kHz float32, and the
same audio written as WAV, FLAC (sox), MP3 or M4A (PyAV's encoders)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import wave
from pathlib import Path

import numpy as np
import pytest

RATE = 16_000

ANSWER = (
    "My hypothesis is that latency hurts conversion. If a page takes more than two hundred "
    "milliseconds, people leave. We have about ten million daily users."
)
FILLERS = "So, um, I think, uh, the main risk is latency."


def need_tools() -> None:
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (apt install espeak-ng sox; scripts/_setup.sh does)")


def say(text: str, voice: str = "en-us", wpm: int = 150) -> np.ndarray:
    need_tools()
    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp) / "raw.wav", Path(tmp) / "out.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(wpm), "-w", str(raw), text], check=True)
        subprocess.run(["sox", "-R", "-V1", "-G", str(raw), "-r", "16000", "-c", "1", "-b", "16",
                        str(out)], check=True)
        with wave.open(str(out)) as w:
            pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    return pcm.astype(np.float32) / 32768.0


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), dtype=np.float32)


def write_wav(path: Path, audio: np.ndarray) -> Path:
    pcm = (np.clip(audio, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())
    return path


def write_audio(path: Path, audio: np.ndarray) -> Path:
    """`audio` in the format named by path's suffix: .wav, .flac, .mp3 or .m4a."""
    suffix = path.suffix.lower()
    if suffix == ".wav":
        return write_wav(path, audio)
    if suffix == ".flac":
        wav = write_wav(path.with_suffix(".tmp.wav"), audio)
        subprocess.run(["sox", "-V1", str(wav), str(path)], check=True)
        wav.unlink()
        return path
    import av

    codec, fmt = {".mp3": ("libmp3lame", "mp3"), ".m4a": ("aac", "mp4")}[suffix]
    with av.open(str(path), "w", format=fmt) as out:
        stream = out.add_stream(codec, rate=RATE, layout="mono")
        pcm = (np.clip(audio, -1, 1) * 32767).astype(np.int16)
        frame_size = 1152 if codec == "libmp3lame" else 1024
        for start in range(0, len(pcm), frame_size):
            chunk = pcm[start : start + frame_size]
            frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1), format="s16", layout="mono")
            frame.rate = RATE
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def words(text: str) -> list[str]:
    return [w.strip(".,!?;:").lower() for w in text.split() if w.strip(".,!?;:")]
