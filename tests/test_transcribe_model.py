"""Transcription with the real bundled model on real (espeak-ng) speech: the words that matter, the
four file formats, word timings, fillers, and the live stream agreeing with the whole file.

The model is loaded once per session (about a second); every clip is a few seconds long, so the
module runs in well under a minute on two cores.
"""

import difflib
import threading
from pathlib import Path

import numpy as np
import pytest
from speechkit import ANSWER, FILLERS, RATE, say, silence, words, write_audio, write_wav
from whisperkit import shared_transcriber

from voice_sim.errors import UserError

pytestmark = pytest.mark.model


@pytest.fixture(scope="session")
def transcriber():
    return shared_transcriber()


@pytest.fixture(scope="session")
def answer_audio() -> np.ndarray:
    return np.concatenate([silence(0.5), say(ANSWER, wpm=140), silence(0.8)])


def assert_key_words(text: str) -> None:
    found = set(words(text))
    assert {"hypothesis", "latency", "200", "10", "million", "daily", "users"} <= found, text


@pytest.mark.parametrize("suffix", [".wav", ".flac", ".mp3", ".m4a"])
def test_file_formats_give_the_words_that_matter(transcriber, answer_audio, tmp_path, suffix):
    path = write_audio(tmp_path / f"answer{suffix}", answer_audio)
    transcript = transcriber.transcribe_file(path)
    assert_key_words(transcript.text)
    assert transcript.source == str(path) and transcript.timing == "measured"


def test_word_timings_are_ordered_and_inside_the_audio(transcriber, answer_audio, tmp_path):
    path = write_wav(tmp_path / "answer.wav", answer_audio)
    progress = []
    transcript = transcriber.transcribe_file(path, progress=lambda done, total: progress.append((done, total)))
    all_words = [w for cue in transcript.cues for w in cue.words]
    assert len(all_words) >= 20
    starts = [w.start_s for w in all_words]
    assert starts == sorted(starts)
    assert all(w.end_s >= w.start_s for w in all_words)
    duration = len(answer_audio) / RATE
    assert 0.2 <= starts[0] <= 1.2  # speech starts after 0.5 s of silence
    assert all_words[-1].end_s <= duration + 0.05
    for cue in transcript.cues:
        assert cue.start_s == cue.words[0].start_s and cue.end_s == cue.words[-1].end_s
    assert progress[-1][0] == pytest.approx(duration, abs=0.05)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)


def test_fillers_are_kept_where_they_were_said(transcriber, tmp_path):
    path = write_wav(tmp_path / "fillers.wav", np.concatenate([say(FILLERS, wpm=140), silence(0.5)]))
    text = transcriber.transcribe_file(path).text
    found = words(text)  # said: "So, um, I think, uh, the main risk is latency."
    fillers = {"um", "umm", "uh", "uhh"}
    think, main = found.index("think"), found.index("main")
    assert fillers & set(found[:think]) and fillers & set(found[think:main]), text


def feed_blocks(stream, audio: np.ndarray, block: int = 1600) -> None:
    for start in range(0, len(audio), block):
        stream.feed(audio[start : start + block])


def test_the_live_stream_agrees_with_the_whole_file(transcriber, answer_audio, tmp_path):
    long = np.concatenate([answer_audio, silence(6.0), answer_audio])  # a thinking pause inside
    whole = transcriber.transcribe_file(write_wav(tmp_path / "a.wav", long))
    committed, threads = [], set()

    def on_committed(cue):
        committed.append(cue)
        threads.add(threading.current_thread().name)

    stream = transcriber.stream(offset_s=0.0, on_committed=on_committed)
    feed_blocks(stream, long)
    live = stream.finish(timeout=60)
    assert_key_words(live.text)
    assert words(live.text).count("hypothesis") == 2  # the pause did not end the answer
    similarity = difflib.SequenceMatcher(a=words(whole.text), b=words(live.text)).ratio()
    assert similarity >= 0.9, (whole.text, live.text)
    assert [c.text for c in committed] == [c.text for c in live.cues]
    assert threads == {"voice-sim-transcribe"}


def test_live_times_are_on_the_callers_clock(transcriber, answer_audio):
    stream = transcriber.stream(offset_s=100.0)
    feed_blocks(stream, answer_audio, block=480)
    transcript = stream.finish(timeout=60)
    assert_key_words(transcript.text)
    first = transcript.cues[0].words[0]
    assert 100.2 <= first.start_s <= 101.2
    assert transcript.cues[-1].end_s <= 100.0 + len(answer_audio) / RATE + 0.05


def test_tentative_text_shows_while_speaking(transcriber, answer_audio):
    """Fed at twice real time: previews of the open segment arrive before it is committed."""
    import time

    events = []
    stream = transcriber.stream(on_committed=lambda c: events.append(("cue", c.text)),
                                on_tentative=lambda t: events.append(("tentative", t)))
    start = time.monotonic()
    for i, at in enumerate(range(0, len(answer_audio), 1600)):
        stream.feed(answer_audio[at : at + 1600])
        delay = start + (i + 1) * 0.05 - time.monotonic()  # pacing the audio, not waiting on it
        if delay > 0:
            time.sleep(delay)
    stream.finish(timeout=60)
    shown = [t for kind, t in events if kind == "tentative" and t]
    first_cue = next(i for i, (kind, _) in enumerate(events) if kind == "cue")
    assert shown and any(kind == "tentative" and t for kind, t in events[:first_cue]), events
    assert any("hypothesis" in t.lower() for t in shown), shown


def test_silence_is_an_empty_live_transcript_but_a_file_error(transcriber, tmp_path):
    stream = transcriber.stream()
    feed_blocks(stream, silence(5.0))
    assert stream.finish(timeout=30).cues == []
    with pytest.raises(UserError, match="no speech found in 5.0 s"):
        transcriber.transcribe_file(write_wav(tmp_path / "quiet.wav", silence(5.0)))


def test_cancel_stops_without_waiting_for_the_transcript(transcriber, answer_audio):
    stream = transcriber.stream()
    feed_blocks(stream, answer_audio)
    stream.cancel()
    assert not stream.is_alive()
    with pytest.raises(RuntimeError):
        stream.feed(answer_audio[:1600])


def test_a_model_directory_path_works(answer_audio, tmp_path):
    """`--model PATH`: any local CTranslate2 Whisper directory (here a copy of the bundled one)."""
    import shutil

    from voice_sim.config import Settings
    from voice_sim.speech import make_transcriber
    from voice_sim.speech.catalogue import bundled_path

    copy = Path(shutil.copytree(bundled_path(), tmp_path / "my-model"))
    transcript = make_transcriber(Settings(), str(copy)).transcribe_file(
        write_wav(tmp_path / "a.wav", answer_audio)
    )
    assert_key_words(transcript.text)


def test_sentences_said_again_are_kept_every_time(transcriber, tmp_path):
    """Real repetition compresses like a Whisper loop; it must not be thrown away or garbled
    (before the fix, temperature fallback turned four copies into noise)."""
    once = say("My hypothesis is that latency hurts conversion. We have about ten million daily users.")
    audio = np.concatenate([once, silence(0.3)] * 4)
    found = words(transcriber.transcribe_file(write_wav(tmp_path / "again.wav", audio)).text)
    assert found.count("million") == 4, found
    stream = transcriber.stream()
    feed_blocks(stream, audio)
    assert words(stream.finish(timeout=60).text).count("million") == 4


def test_device_auto_falls_back_to_the_cpu_and_cuda_without_a_gpu_is_explained():
    import ctranslate2

    from voice_sim.config import Settings
    from voice_sim.speech import make_transcriber

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("this machine has a CUDA GPU")
    auto = make_transcriber(Settings(speech={"device": "auto"}))
    assert auto.device == "cpu"
    with pytest.raises(UserError, match="no usable CUDA GPU"):
        make_transcriber(Settings(speech={"device": "cuda"}))
