"""The streaming voice activity segmenter: same cuts however the audio arrives, pauses never end
anything, long speech is split, silence gives nothing. Real speech (espeak-ng), no Whisper."""

import numpy as np
import pytest
from speechkit import RATE, say, silence

from voice_sim.speech.vad import MAX_BATCH, WINDOW, Segmenter, SegmenterOptions, StreamingVad


@pytest.fixture(scope="module")
def two_sentences() -> np.ndarray:
    a = say("The read path matters most, so I would put a cache in front of it.")
    b = say("Then I would measure the latency for ten percent of users.")
    return np.concatenate([silence(1.0), a, silence(1.5), b, silence(1.0)])


def cut(audio: np.ndarray, block: int, options: SegmenterOptions | None = None):
    seg = Segmenter(options)
    out = []
    for start in range(0, len(audio), block):
        out += seg.push(audio[start : start + block])
    return out + seg.flush()


def test_streaming_vad_matches_a_whole_file_pass(two_sentences):
    from faster_whisper.vad import get_vad_model

    n = len(two_sentences) // WINDOW * WINDOW
    whole = get_vad_model()(two_sentences[:n]).reshape(-1)
    vad = StreamingVad()
    audio = two_sentences[:n]
    parts = [vad(audio[i : i + 7 * WINDOW].reshape(-1, WINDOW)) for i in range(0, n, 7 * WINDOW)]
    assert np.array_equal(np.concatenate(parts), whole)


def test_cuts_do_not_depend_on_block_size(two_sentences):
    runs = [cut(two_sentences, block) for block in (160, 1600, 16000, len(two_sentences))]
    first = [(s.start, len(s.audio), s.speech_end) for s in runs[0]]
    for other in runs[1:]:
        assert [(s.start, len(s.audio), s.speech_end) for s in other] == first
        for a, b in zip(runs[0], other, strict=True):
            assert np.array_equal(a.audio, b.audio)


def test_a_pause_between_sentences_closes_a_segment(two_sentences):
    segments = cut(two_sentences, 1600)
    assert len(segments) == 2
    first, second = segments
    assert 0.6 < first.start_s < 1.0  # speech starts at 1.0 s; 0.2 s of padding before it
    assert first.start_s + first.duration_s < second.start_s  # never overlapping
    assert second.start_s + second.duration_s <= len(two_sentences) / RATE


def test_long_thinking_pauses_never_end_the_stream(two_sentences):
    """Eight seconds of silence in the middle: both sides are still transcribed, in order."""
    audio = np.concatenate([two_sentences, silence(8.0), two_sentences])
    segments = cut(audio, 1600)
    assert len(segments) == 4
    assert segments[2].start_s > len(two_sentences) / RATE + 7.5


def test_min_segment_keeps_short_pauses_inside(two_sentences):
    segments = cut(two_sentences, 1600, SegmenterOptions(min_segment_s=20.0, long_silence_s=2.0))
    assert len(segments) == 1


def test_speech_without_pauses_is_split_below_the_limit():
    text = " ".join(["the cache sits in front of the catalogue service and absorbs the load"] * 4)
    audio = say(text, wpm=200)
    options = SegmenterOptions(max_segment_s=6.0)
    segments = cut(audio, 1600, options)
    assert len(segments) >= 2
    assert all(s.duration_s <= options.max_segment_s + 0.05 for s in segments)
    covered = sum(s.duration_s for s in segments)
    assert covered > 0.9 * len(audio) / RATE  # the split loses no speech


def test_silence_and_noise_floor_give_no_segments():
    rng = np.random.default_rng(0)
    quiet = (rng.standard_normal(10 * RATE) * 1e-4).astype(np.float32)
    assert cut(silence(10.0), 1600) == []
    assert cut(quiet, 1600) == []


def test_memory_stays_flat_over_a_long_silence():
    seg = Segmenter()
    for _ in range(600):  # ten minutes of silence
        seg.push(silence(1.0))
    assert len(seg._buf) <= RATE  # only the pre-roll is kept


class SpySession:
    """The real VAD session, recording each call's batch size and the segmenter's buffer."""

    def __init__(self, session) -> None:
        self.session = session
        self.segmenter: Segmenter | None = None
        self.batches: list[int] = []
        self.buffered: list[int] = []

    def run(self, names, feeds):
        self.batches.append(len(feeds["input"]))
        if self.segmenter is not None:
            self.buffered.append(len(self.segmenter._buf))
        return self.session.run(names, feeds)


def test_a_long_block_at_once_is_held_one_segment_at_a_time(two_sentences):
    """A backlog or a whole file pushed in one call goes through the model in bounded batches and
    the buffer stays about one segment long: the model's working memory grew with the batch (a
    15-minute answer in one call peaked 420 MB higher), and the cuts are the same."""
    audio = np.concatenate([two_sentences] * 12)  # over two minutes
    vad = StreamingVad()
    spy = SpySession(vad._session)
    vad._session = spy
    seg = Segmenter(vad=vad)
    spy.segmenter = seg
    at_once = seg.push(audio) + seg.flush()
    assert max(spy.batches) <= MAX_BATCH
    longest = SegmenterOptions().max_segment_s * RATE + 2 * MAX_BATCH * WINDOW
    assert max(spy.buffered) <= longest < len(audio) / 4
    blocks = cut(audio, 1600)
    assert [(s.start, len(s.audio)) for s in at_once] == [(s.start, len(s.audio)) for s in blocks]


def test_the_vad_session_keeps_no_memory_arena():
    """onnxruntime's CPU arena would keep the largest batch's memory for good. faster-whisper's
    session turns it off and runs on one thread; checked here because voice-sim relies on it."""
    options = StreamingVad()._session.get_session_options()
    assert options.enable_cpu_mem_arena is False
    assert options.intra_op_num_threads == 1
