"""core/wav.py: the one WAV header reader, and `repair_wav`'s single behaviour on every header a
writer can leave behind. No audio libraries needed to make the files: the header is built here."""

from __future__ import annotations

import struct
import wave
from pathlib import Path

import pytest

from voice_sim.core.wav import cut_wav, read_header, repair_wav

RATE = 16000
FRAMES = int(1.2 * RATE)  # 1.2 s of 16-bit mono


def wav_bytes(frames: int = FRAMES, declared: int | None = None, riff: int | None = None) -> bytes:
    """A 16-bit mono 16 kHz WAV holding `frames` frames whose header says `declared` data bytes."""
    data = bytes(range(256)) * (2 * frames // 256) + bytes(2 * frames % 256)
    declared = len(data) if declared is None else declared
    riff = 36 + declared if riff is None else riff
    return (b"RIFF" + struct.pack("<I", riff) + b"WAVEfmt "
            + struct.pack("<IHHIIHH", 16, 1, 1, RATE, 2 * RATE, 2, 16)
            + b"data" + struct.pack("<I", declared) + data)


def frames_by_wave(path: Path) -> int:
    with wave.open(str(path)) as w:
        return w.getnframes()


def test_read_header_reports_the_header_next_to_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    path.write_bytes(wav_bytes(declared=0))
    h = read_header(path)
    assert h is not None
    assert (h.channels, h.samplerate, h.block_align, h.byte_rate) == (1, RATE, 2, 2 * RATE)
    assert (h.data_offset, h.declared_bytes, h.frames_on_disk) == (44, 0, FRAMES)
    assert not h.size_known


@pytest.mark.parametrize("content", [
    pytest.param(wav_bytes(declared=0, riff=8), id="killed before the first header update"),
    pytest.param(wav_bytes(declared=0xFFFFFFFF, riff=0xFFFFFFFF), id="streaming writer's unknown sizes"),
    pytest.param(wav_bytes(declared=2 * (FRAMES - 1600)), id="header one block behind the data"),
    pytest.param(wav_bytes(declared=2 * 3 * RATE), id="header promising more than the file holds"),
    pytest.param(wav_bytes() + b"\x01", id="a partial last frame"),
])
def test_repair_makes_the_header_say_what_is_on_disk(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "answer-01.wav"
    path.write_bytes(content)
    assert repair_wav(path) == pytest.approx(1.2)
    assert frames_by_wave(path) == FRAMES
    repaired = path.read_bytes()
    assert repaired[44:] == content[44:], "no sample may change"
    assert repair_wav(path) == pytest.approx(1.2)  # a second call finds nothing to do
    assert path.read_bytes() == repaired


def test_repair_leaves_a_finished_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "good.wav"
    path.write_bytes(wav_bytes())
    assert repair_wav(path) == pytest.approx(1.2)
    assert path.read_bytes() == wav_bytes()


def test_repair_leaves_metadata_after_the_samples_alone(tmp_path: Path) -> None:
    content = wav_bytes() + b"LIST" + struct.pack("<I", 4) + b"INFO"
    path = tmp_path / "tagged.wav"
    path.write_bytes(content)
    assert repair_wav(path) == pytest.approx(1.2)
    assert path.read_bytes() == content


@pytest.mark.parametrize("content", [b"not a wav at all", b"", b"RIFF\x04\x00\x00\x00WAVE"],
                         ids=["text", "empty", "no chunks"])
def test_repair_touches_nothing_that_is_not_a_wav(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "other.wav"
    path.write_bytes(content)
    assert repair_wav(path) is None
    assert path.read_bytes() == content
    assert repair_wav(tmp_path / "missing.wav") is None


def test_cut_wav_copies_the_frames_from_a_time_on_and_leaves_the_source_alone(tmp_path: Path) -> None:
    src, out = tmp_path / "answer.wav", tmp_path / "tail.wav"
    content = wav_bytes() + b"LIST" + struct.pack("<I", 4) + b"INFO"  # metadata after the samples
    src.write_bytes(content)
    begins = cut_wav(src, 0.90003, out)  # not on a frame: the cut starts at the frame before
    assert begins == 14400 / RATE
    assert src.read_bytes() == content
    with wave.open(str(out)) as w:
        assert (w.getnchannels(), w.getframerate(), w.getnframes()) == (1, RATE, FRAMES - 14400)
        assert w.readframes(w.getnframes()) == content[44 + 2 * 14400 : 44 + 2 * FRAMES]
    h = read_header(out)
    assert h is not None and h.declared_bytes == h.bytes_on_disk  # the LIST chunk was not copied
    assert struct.unpack("<I", out.read_bytes()[4:8])[0] == out.stat().st_size - 8


def test_cut_wav_past_the_end_or_of_a_foreign_file_writes_nothing(tmp_path: Path) -> None:
    src, out = tmp_path / "answer.wav", tmp_path / "tail.wav"
    src.write_bytes(wav_bytes())
    assert cut_wav(src, 5.0, out) is None and not out.exists()
    (tmp_path / "notes.txt").write_text("not audio")
    assert cut_wav(tmp_path / "notes.txt", 0.0, out) is None and not out.exists()
