"""After a crash, the end of an answer that was recorded but never transcribed is transcribed from
its audio (core/sessions/tails.py): only that end, at the right times, once. The transcriber here is
the project's fake; tests/test_tails_model.py does the same with the real model on real speech."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from roundkit import HYPOTHESIS, LEVER_ONLY, METRIC, SCENARIO
from tailkit import (
    AUDIO_S,
    HEARD_TO_S,
    START_S,
    WORDS,
    TailTranscriber,
    crashed_round,
    spoken,
    the_rest,
)

from voice_sim.cli import main
from voice_sim.core.fakes import FakeTranscriber
from voice_sim.core.models import Transcript
from voice_sim.core.sessions import Recovered, Segment, SessionStore
from voice_sim.core.sessions.tails import OVERLAP_S
from voice_sim.errors import UserError


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store() -> SessionStore:
    return SessionStore.open()


def test_the_untranscribed_end_is_transcribed_once_at_its_times_and_reanalyzed(store: SessionStore) -> None:
    sid = crashed_round(store)
    folder = store.folder(sid)
    audio = folder / "audio" / "answer-01.wav"
    before_audio = digest(audio)
    assert store.get(sid).status == "incomplete"
    assert not store.analysis(sid).signals["metric_tie"].present

    [tail] = store.tails(sid)
    assert (tail.answer, tail.from_s, tail.to_s) == (1, HEARD_TO_S, AUDIO_S)
    cut = HEARD_TO_S - OVERLAP_S
    fake = TailTranscriber(the_rest())
    seen: list[float] = []
    result = store.transcribe_tails(sid, fake, progress=lambda t, done: seen.append(done))

    assert fake.seconds == [pytest.approx(AUDIO_S - cut)]  # only the tail, with the overlap
    assert seen[0] == 0.0 and seen[-1] == pytest.approx(tail.seconds)
    words = WORDS
    assert result.tails == [(tail, words)]
    assert result.heard_now == ["lever", "metric_tie"]

    cues = [c for c in store.transcript(sid).cues if c.speaker == "candidate"]
    assert [c.text for c in cues] == [HYPOTHESIS, LEVER_ONLY, METRIC]  # "late." not twice
    assert cues[1].start_s == pytest.approx(START_S + cut + 1.9)
    assert cues[2].end_s == pytest.approx(START_S + cut + 6.8)
    assert cues[2].words[-1].end_s == cues[2].end_s

    record = store.get(sid)
    assert record.status == "incomplete"
    seg = record.segments[1]
    assert seg.recovered == Recovered(from_s=HEARD_TO_S, to_s=AUDIO_S, words=words)
    assert seg.text.endswith(METRIC) and seg.text.startswith(HYPOTHESIS)
    assert seg.end_s == pytest.approx(START_S + AUDIO_S)  # the audio's end, as before
    analysis = store.analysis(sid)
    assert analysis.signals["lever"].present and analysis.signals["metric_tie"].present
    [row] = store.list()
    assert row.status == "incomplete" and row.words == len(seg.text.split())
    report = (folder / "report.md").read_text()
    assert "Incomplete round" in report
    assert f"The last 7.0 s of answer 1 were transcribed after the round stopped ({words} words)" in report
    assert "bid conversion" in (folder / "transcript.vtt").read_text()

    # Idempotent: nothing is left, and the model is not asked again.
    assert store.tails(sid) == []
    assert store.transcribe_tails(sid, fake).tails == []
    assert len(fake.seconds) == 1
    assert digest(audio) == before_audio  # the recording is only ever read
    assert sorted(p.name for p in (folder / "audio").iterdir()) == ["answer-01.wav"]


def test_a_silent_end_is_noted_once_and_not_reported_as_words(store: SessionStore) -> None:
    sid = crashed_round(store)
    fake = TailTranscriber(silent=True)
    result = store.transcribe_tails(sid, fake)
    [(tail, words)] = result.tails
    assert words == 0 and result.heard_now == []
    assert store.get(sid).segments[1].recovered == Recovered(from_s=HEARD_TO_S, to_s=AUDIO_S, words=0)
    assert "transcribed after the round stopped" not in (store.folder(sid) / "report.md").read_text()
    assert store.transcribe_tails(sid, fake).tails == [] and len(fake.seconds) == 1


def test_an_answer_heard_to_its_end_has_no_tail(store: SessionStore) -> None:
    sid = crashed_round(store)
    transcript = store.transcript(sid)
    transcript.cues.append(spoken(METRIC, START_S + 6.0, START_S + AUDIO_S - 0.2).model_copy(
        update={"speaker": "candidate"}))
    from voice_sim.core.sessions.folder import write_transcript

    write_transcript(store.folder(sid), store.get(sid), transcript)
    assert store.tails(sid) == []  # 0.2 s of breath after the last word is not a tail


def test_rounds_that_are_not_incomplete_are_left_alone(store: SessionStore) -> None:
    w = store.create(SCENARIO, "coach", "full", 1800, 600)  # still recording, by this process
    audio = w.audio_path(1)
    sf.write(audio, np.zeros(16000 * 3, dtype=np.float32), 16000, subtype="PCM_16")
    w.record.segments.append(Segment(index=1, kind="answer", speaker="candidate", start_s=0.0,
                                     end_s=0.0, audio="audio/answer-01.wav"))
    w.checkpoint(Transcript())
    assert store.tails(w.id) == []
    fake = TailTranscriber()
    assert store.transcribe_tails(w.id, fake).tails == [] and fake.seconds == []
    w.finish(Transcript(), None, "complete", None)
    assert store.tails(w.id) == []


def test_cli_recover_transcribes_every_incomplete_round_once(store: SessionStore, capsys, monkeypatch) -> None:
    sid = crashed_round(store)
    loads: list[object] = []

    def fake_model(settings: object, model: object = None) -> FakeTranscriber:
        loads.append(settings)
        return TailTranscriber([spoken(LEVER_ONLY, 1.9, 4.0), spoken(METRIC, 4.2, 6.8)])

    monkeypatch.setattr("voice_sim.speech.transcriber.make_transcriber", fake_model)
    assert main(["sessions", "recover"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{sid}: The last 7.0 s of answer 1 were transcribed after the round stopped ({WORDS} words).",
        f"{sid}: analyzed again; now heard: Lever, Metric tie",
    ]
    assert "transcribing the last 7.0 s of answer 1" in err and "100%" in err
    assert main(["sessions", "recover", sid[:8]]) == 0
    assert capsys.readouterr().out.startswith("Nothing to recover")
    assert len(loads) == 1  # the model is loaded only when there is something to transcribe


def test_cli_show_without_a_model_says_so_in_one_line_and_shows_the_round(
        store: SessionStore, capsys, monkeypatch) -> None:
    sid = crashed_round(store)

    def no_model(settings: object, model: object = None) -> FakeTranscriber:
        raise UserError("model tiny.en is not downloaded; run: voice-sim models pull tiny.en")

    monkeypatch.setattr("voice_sim.speech.transcriber.make_transcriber", no_model)
    assert main(["sessions", "show", sid]) == 0
    out, err = capsys.readouterr()
    assert "Incomplete round" in out
    [line] = [x for x in err.splitlines() if "not downloaded" in x]
    assert line.endswith("the last 7.0 s this round recorded stay untranscribed")
    assert "Traceback" not in err and store.tails(sid)  # still there for the next time
    assert main(["sessions", "recover", "no-such-round"]) == 2
    assert capsys.readouterr().err.strip() == "voice-sim: no saved round 'no-such-round'; see: voice-sim sessions list"
