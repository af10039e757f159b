"""The live stream's threading, with a scripted session instead of Whisper: feed returns at once,
callbacks come from the worker thread, finish returns everything, errors reach the caller."""

import threading

import numpy as np
import pytest

from voice_sim.core.fakes import FakeTranscriber
from voice_sim.core.models import Cue, Word
from voice_sim.speech.live import MAX_PUSH_S, WhisperLiveStream


class ScriptedSession:
    """Commits one cue per second of audio pushed; previews say how much is open."""

    def __init__(self, slow: threading.Event | None = None, fail_after: int | None = None):
        self.cues: list[Cue] = []
        self.samples = 0
        self.pushes = 0
        self.sizes: list[int] = []
        self.slow = slow
        self.fail_after = fail_after

    def push(self, block):
        if self.slow is not None:
            self.slow.wait()
        self.pushes += 1
        self.sizes.append(len(block))
        if self.fail_after is not None and self.pushes > self.fail_after:
            raise RuntimeError("decoder exploded")
        before = self.samples // 16000
        self.samples += len(block)
        new = [self._cue(s) for s in range(before, self.samples // 16000)]
        self.cues += new
        return new

    def flush(self):
        cue = self._cue(self.samples / 16000)
        self.cues.append(cue)
        return [cue]

    def preview(self):
        return f"open {self.samples}"

    def open_samples(self):
        return self.samples % 16000 + 8000

    @staticmethod
    def _cue(second):
        return Cue(start_s=second, end_s=second + 0.5, text=f"second {second}",
                   words=[Word(start_s=second, end_s=second + 0.5, text="second")])


def test_feed_returns_at_once_even_when_decoding_is_slow():
    gate = threading.Event()
    stream = WhisperLiveStream(ScriptedSession(slow=gate))
    for _ in range(50):
        stream.feed(np.zeros(1600, dtype=np.float32))  # would block if feed decoded
    gate.set()
    transcript = stream.finish(timeout=10)
    assert [c.text for c in transcript.cues][-1].startswith("second")
    assert len(transcript.cues) == 6  # five whole seconds and the flushed tail


def test_a_backlog_is_handed_over_in_bounded_pushes():
    """Behind a file read faster than it is transcribed (run --fast) the queue holds minutes:
    it reaches the session a few seconds at a time, not joined into one array (and every
    segment closed in it held at once) before the first word is decoded. Nothing is lost."""
    gate = threading.Event()
    session = ScriptedSession(slow=gate)
    stream = WhisperLiveStream(session)
    for _ in range(600):  # one minute queued while the first push waits
        stream.feed(np.zeros(1600, dtype=np.float32))
    gate.set()
    stream.finish(timeout=10)
    assert max(session.sizes) <= MAX_PUSH_S * 16000
    assert sum(session.sizes) == 600 * 1600


def test_callbacks_come_from_the_worker_thread_in_order():
    seen, threads = [], set()

    def committed(cue):
        seen.append(cue.text)
        threads.add(threading.current_thread().name)

    stream = WhisperLiveStream(ScriptedSession(), committed, lambda text: None, preview_interval_s=0)
    for _ in range(30):
        stream.feed(np.zeros(1600, dtype=np.float32))
    transcript = stream.finish(timeout=10)
    assert seen == [c.text for c in transcript.cues]
    assert threads == {"voice-sim-transcribe"}


def test_previews_are_tentative_and_cleared_on_commit():
    events = []
    shown = threading.Event()

    def tentative(text):
        events.append(("tentative", text))
        if text:
            shown.set()

    stream = WhisperLiveStream(ScriptedSession(), lambda c: events.append(("cue", c.text)),
                               tentative, preview_interval_s=0)
    stream.feed(np.zeros(1600, dtype=np.float32))
    assert shown.wait(5), "no preview while the worker was idle"
    for _ in range(10):  # crosses a whole second: a cue is committed
        stream.feed(np.zeros(1600, dtype=np.float32))
    stream.finish(timeout=10)
    first_cue = next(i for i, (kind, _) in enumerate(events) if kind == "cue")
    assert events[0] == ("tentative", "open 1600")
    assert events[first_cue - 1] == ("tentative", "")  # cleared before the committed text


def test_a_worker_error_reaches_finish_and_feed_stays_quiet():
    stream = WhisperLiveStream(ScriptedSession(fail_after=0))
    stream.feed(np.zeros(1600, dtype=np.float32))
    stream._done.wait(5)
    stream.feed(np.zeros(1600, dtype=np.float32))  # the recording thread must not see it
    with pytest.raises(RuntimeError, match="decoder exploded"):
        stream.finish(timeout=5)


def test_finish_timeout_and_cancel():
    gate = threading.Event()
    stream = WhisperLiveStream(ScriptedSession(slow=gate))
    stream.feed(np.zeros(1600, dtype=np.float32))
    with pytest.raises(TimeoutError):
        stream.finish(timeout=0.05)
    with pytest.raises(RuntimeError):
        stream.feed(np.zeros(1600, dtype=np.float32))
    gate.set()
    stream.cancel()
    stream.cancel()  # twice is fine
    assert not stream.is_alive()


def test_stereo_and_int_blocks_become_mono_float():
    session = ScriptedSession()
    stream = WhisperLiveStream(session)
    stream.feed(np.zeros((1600, 2), dtype=np.float32))
    stream.feed(np.zeros(1600, dtype=np.int16))
    stream.finish(timeout=5)
    assert session.samples == 3200


def test_fake_transcriber_replays_cues_on_the_stream_clock():
    fake = FakeTranscriber.from_text("First point here. Second point follows.", wpm=120)
    committed, tentative = [], []
    stream = fake.stream(offset_s=100.0, on_committed=committed.append, on_tentative=tentative.append)
    stream.feed(np.zeros(16000 * 2, dtype=np.float32))  # 2 s: into the first cue (1.5 s long)
    assert [c.text for c in committed] == ["First point here."]
    assert committed[0].start_s == 100.0
    transcript = stream.finish()
    assert [c.text for c in transcript.cues] == ["First point here.", "Second point follows."]
    assert transcript.cues[1].start_s >= 101.5
    assert fake.streams == [stream]
