"""FileSource and the shared AudioSink. No audio devices: these run everywhere."""

from __future__ import annotations

import stat
import threading
import time
import wave

import numpy as np
import pytest
import soundfile as sf

from voice_sim.audio.files import AnswerFiles, FileSource
from voice_sim.audio.sink import AudioSink
from voice_sim.config import AudioSettings
from voice_sim.core.ports import level_from_db
from voice_sim.errors import UserError

RATE = 16000


def tone(seconds: float, rate: int = RATE, freq: float = 1000.0, amp: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def dominant_hz(x: np.ndarray, rate: int = RATE) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.argmax(spectrum) * rate / len(x))


def test_file_source_plays_a_stereo_44k_file_as_16k_mono_fast(tmp_path):
    x = tone(2.0, 44100)
    src = tmp_path / "answer.wav"
    sf.write(str(src), np.stack([x, x], axis=1), 44100)
    blocks: list[np.ndarray] = []
    levels: list[tuple[float, float]] = []
    ended: list[str] = []
    fs = FileSource(src, realtime=False)
    out = tmp_path / "s" / "answer-1.wav"
    fs.start(out, on_block=blocks.append, on_level=lambda lv, silent: levels.append((lv, silent)),
             on_end=lambda: ended.append(fs.end_reason or "?"))
    assert fs.wait(10)
    rec = fs.stop()
    assert ended == ["end_of_file"] and fs.end_reason == "end_of_file"
    assert rec.duration_s == pytest.approx(2.0, abs=1e-3)
    assert all(b.dtype == np.float32 and b.ndim == 1 for b in blocks)
    assert {len(b) for b in blocks[:-1]} == {1600}
    fed = np.concatenate(blocks)
    written, rate = sf.read(str(out), dtype="float32")
    assert rate == RATE and len(written) == len(fed) == pytest.approx(2 * RATE, abs=16)
    assert np.abs(written - fed).max() < 1e-4  # 16-bit rounding only
    assert dominant_hz(written) == pytest.approx(1000, abs=2)
    assert len(levels) == 20  # one per 100 ms of audio
    level, silent = levels[5]
    # the channels are averaged, so the level is the tone's: RMS 0.5/sqrt(2), about -9 dBFS
    assert level == pytest.approx(level_from_db(20 * np.log10(0.5 / np.sqrt(2))), abs=0.01)
    assert 0.8 < level < 0.9 and silent == 0.0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.parent.stat().st_mode) == 0o700


def test_file_source_in_real_time_takes_as_long_as_the_audio(tmp_path):
    src = tmp_path / "short.wav"
    sf.write(str(src), tone(0.6), RATE)
    fs = FileSource(src, realtime=True)
    started = time.monotonic()
    fs.start(None)
    assert fs.wait(5)
    took = time.monotonic() - started
    rec = fs.stop()
    assert rec.path is None and rec.duration_s == pytest.approx(0.6)
    assert 0.55 <= took < 1.5


def test_stop_mid_file_keeps_what_was_played(tmp_path):
    src = tmp_path / "long.wav"
    sf.write(str(src), tone(30.0), RATE)
    halfway = threading.Event()

    def on_level(level: float, silent_s: float) -> None:
        if fs.duration_s >= 0.5:
            halfway.set()

    fs = FileSource(src, realtime=True)
    fs.start(tmp_path / "part.wav", on_level=on_level)
    assert halfway.wait(5)
    rec = fs.stop()
    assert fs.end_reason == "stopped"
    assert 0.5 <= rec.duration_s < 2.0
    assert len(sf.read(str(rec.path))[0]) == round(rec.duration_s * RATE)


def test_silence_is_counted_in_the_level_reports_and_auto_stop_ends_the_answer(tmp_path):
    src = tmp_path / "pause.wav"
    sf.write(str(src), np.concatenate([tone(1.0), np.zeros(4 * RATE, np.float32)]), RATE)
    levels: list[tuple[float, float]] = []
    ended = threading.Event()
    fs = FileSource(src, AudioSettings(auto_stop_silence_s=2.5), realtime=False)
    fs.start(tmp_path / "out.wav", on_level=lambda lv, silent: levels.append((lv, silent)),
             on_end=ended.set)
    assert fs.wait(5) and ended.is_set()
    assert fs.silence_s == pytest.approx(2.5)
    rec = fs.stop()
    assert fs.end_reason == "silence"
    assert rec.duration_s == pytest.approx(3.5)  # one second of tone, then 2.5 s of silence
    assert all(silent == 0.0 and level > 0.8 for level, silent in levels[:10])
    assert [round(silent, 1) for _, silent in levels[10:]] == [round(0.1 * i, 1) for i in range(1, 26)]
    assert all(level == 0.0 for level, _ in levels[10:])


def test_a_pause_alone_never_ends_the_answer(tmp_path):
    src = tmp_path / "pause.wav"
    sf.write(str(src), np.concatenate([tone(0.5), np.zeros(3 * RATE, np.float32), tone(0.5)]), RATE)
    fs = FileSource(src, AudioSettings(silence_notice_s=1.0), realtime=False)
    fs.start(tmp_path / "out.wav")
    assert fs.wait(5)
    assert fs.stop().duration_s == pytest.approx(4.0)
    assert fs.end_reason == "end_of_file"


def test_a_failing_consumer_does_not_cost_audio(tmp_path, caplog):
    src = tmp_path / "a.wav"
    sf.write(str(src), tone(1.0), RATE)

    def broken(block: np.ndarray) -> None:
        raise ValueError("transcriber bug")

    fs = FileSource(src, realtime=False)
    fs.start(tmp_path / "out.wav", on_block=broken)
    assert fs.wait(5)
    assert fs.stop().duration_s == pytest.approx(1.0)
    assert caplog.text.count("on_block callback failed") == 1


def test_each_segment_has_its_own_callbacks(tmp_path):
    src = tmp_path / "a.wav"
    sf.write(str(src), tone(0.3), RATE)
    fs = FileSource(src, realtime=False)
    first: list[int] = []
    second: list[int] = []
    for got in (first, second):
        fs.start(None, on_block=lambda b, got=got: got.append(len(b)))
        assert fs.wait(5)
        fs.stop()
    assert sum(first) == sum(second) == int(0.3 * RATE)


def test_answer_files_play_one_file_per_answer_in_order(tmp_path):
    sources = []
    for i, seconds in enumerate((0.3, 0.5)):
        sf.write(str(tmp_path / f"{i}.wav"), tone(seconds), RATE)
        sources.append(FileSource(tmp_path / f"{i}.wav", realtime=False))
    files = AnswerFiles(sources)
    lengths = []
    for n in (1, 2):
        files.start(tmp_path / f"answer-{n}.wav")
        assert sources[n - 1].wait(5)
        lengths.append(files.stop().duration_s)
    assert lengths == pytest.approx([0.3, 0.5])
    with pytest.raises(UserError, match="no answer file left"):
        files.start(tmp_path / "answer-3.wav")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.wav", None, "no such file"),
    ("notes.wav", b"this is not audio", "not a readable audio file"),
])
def test_file_source_refuses_what_it_cannot_read(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        FileSource(path)


def test_file_source_refuses_a_directory(tmp_path):
    with pytest.raises(UserError, match="is a directory"):
        FileSource(tmp_path)


def test_sink_header_is_current_while_still_recording(tmp_path):
    """What makes a killed recorder's file readable: the header follows every write."""
    path = tmp_path / "live.wav"
    written = threading.Event()
    sink = AudioSink(path, RATE, on_block=lambda b: written.set())
    sink.start()
    for _ in range(5):
        sink.feed(tone(0.1))
    sink.feed(tone(0.1))
    assert written.wait(5)
    deadline = time.monotonic() + 5
    while sink.frames < 6 * 1600 and time.monotonic() < deadline:
        written.clear()
        written.wait(0.5)
    with wave.open(str(path)) as w:  # opened while the sink still holds the file
        frames = w.getnframes()
    sink.finish()
    assert frames == 6 * 1600


def test_file_source_reads_flac_at_16k_unchanged(tmp_path):
    src = tmp_path / "answer.flac"
    x = tone(1.5)
    sf.write(str(src), x, RATE, format="FLAC", subtype="PCM_16")
    fs = FileSource(src, realtime=False)
    out = tmp_path / "out.wav"
    fs.start(out)
    assert fs.wait(5)
    assert fs.stop().duration_s == pytest.approx(1.5)
    written, _ = sf.read(str(out), dtype="float32")
    assert np.abs(written - x).max() < 1e-3
