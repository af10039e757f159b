"""A round that died mid-answer, 5 s of its 12 s transcribed, and a fake transcriber for the rest:
shared by the tail-recovery tests of the store, the CLI and the app."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import soundfile as sf
from roundkit import HYPOTHESIS, LEVER_ONLY, METRIC, SCENARIO

from voice_sim.core.fakes import FakeTranscriber
from voice_sim.core.models import Cue, Transcript, Word
from voice_sim.core.ports import ProgressCallback
from voice_sim.core.sessions import Segment, SessionStore
from voice_sim.errors import UserError

START_S = 4.0  # the answer begins here on the round clock
AUDIO_S = 12.0  # seconds recorded
HEARD_TO_S = 5.0  # the live transcript's last word ends here, seconds into the audio
WORDS = len(LEVER_ONLY.split()) + len(METRIC.split())  # what the fake hears after it


def spoken(text: str, start_s: float, end_s: float) -> Cue:
    """A cue with evenly spread word timings."""
    words = text.split()
    step = (end_s - start_s) / len(words)
    return Cue(start_s=start_s, end_s=end_s, text=text, words=[
        Word(start_s=round(start_s + i * step, 3), end_s=round(start_s + (i + 1) * step, 3), text=w)
        for i, w in enumerate(words)])


class TailTranscriber(FakeTranscriber):
    """The fake, also noting how long each file it was given is (the file is gone afterwards).
    With `hold`, it sets `started` and waits for `hold` before it answers."""

    def __init__(self, cues: list[Cue] | None = None, silent: bool = False,
                 hold: threading.Event | None = None) -> None:
        super().__init__(cues)
        self.seconds: list[float] = []
        self.silent, self.hold = silent, hold
        self.started = threading.Event()

    def transcribe_file(self, path: Path, progress: ProgressCallback | None = None) -> Transcript:
        self.seconds.append(sf.info(str(path)).duration)
        self.started.set()
        if self.hold is not None and not self.hold.wait(30):
            raise TimeoutError("the test never let the transcriber answer")
        if self.silent:
            raise UserError(f"{path}: no speech found in 7.0 s of audio (silence?)")
        return super().transcribe_file(path, progress)


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def crashed_round(store: SessionStore) -> str:
    """A round whose process died 12 s into its first answer, 5 s of it transcribed: what a
    SIGKILL leaves. Opening the store marks it incomplete."""
    w = store.create(SCENARIO, "coach", "full", 1800, 600)
    audio = w.audio_path(1)
    t = np.arange(int(16000 * AUDIO_S)) / 16000
    sf.write(audio, (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), 16000, subtype="PCM_16")
    w.record.segments.append(Segment(index=1, kind="prompt", speaker="Hiring manager", start_s=0.0,
                                     end_s=3.5, text=SCENARIO.prompt))
    w.record.segments.append(Segment(index=2, kind="answer", speaker="candidate", start_s=START_S,
                                     end_s=START_S, audio="audio/answer-01.wav"))
    w.record.pid = dead_pid()
    w.checkpoint(Transcript(cues=[
        Cue(start_s=0.0, end_s=3.5, text=SCENARIO.prompt, speaker="Hiring manager"),
        spoken(HYPOTHESIS, START_S + 0.5, START_S + HEARD_TO_S).model_copy(update={"speaker": "candidate"}),
    ]))
    SessionStore.open()  # the next start: marked incomplete, with the words heard so far
    return w.id


def the_rest() -> list[Cue]:
    """What the fake hears in the tail (0 = 1 s before the last heard word ended): the last word
    again, then the lever and the metric tie."""
    # The model stretches the word heard again well past where it ended (as tiny.en does).
    return [spoken("late.", 0.6, 1.7), spoken(LEVER_ONLY, 1.9, 4.0), spoken(METRIC, 4.2, 6.8)]
