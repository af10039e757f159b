"""A real round killed with SIGKILL mid-sentence, with the real model: its last words are only in
the audio until `sessions show` transcribes them (issue 12). The answer is real speech (espeak-ng):
the hypothesis and the constraint, a pause, then the lever and the metric tie in one breath. The
pause closes the first segment, which the live transcriber commits and the round saves; the second
is still open when the process dies, so the saved transcript stops at the pause."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest
from childkit import sigkill_when
from speechkit import say, silence, write_wav
from whisperkit import shared_transcriber

from voice_sim.cli import main

pytestmark = [pytest.mark.model, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]

HEARD = ("The user problem is that buyers lose auctions because their bids arrive late. "
         "We have a hard budget of two hundred milliseconds for every bid.")
UNHEARD = ("So we will add a queue in front of the bid service, "
           "which should lift bid conversion by about two percent.")

CHILD = r"""
import sys
from pathlib import Path
from voice_sim.config import Settings
from voice_sim.core.library import get_scenario, load_library
from voice_sim.runtime import make_round

settings = Settings()
scenario = get_scenario(load_library(settings), "auction-bidding")
rnd = make_round(settings, scenario, answers=[Path(sys.argv[1])], speak=False, realtime_files=False)
rnd.start()
print(rnd.begin_answer(), flush=True)
sys.stdin.read()  # never returns: the test kills us mid-answer
"""


def candidate_words(folder: Path) -> list[dict]:
    path = folder / "transcript.json"
    try:
        cues = json.loads(path.read_text())["cues"]
    except (OSError, ValueError):
        return []
    return [w for c in cues if c.get("speaker") == "candidate" for w in c["words"]]


def bare(word: dict) -> str:
    return word["text"].strip(" .,").lower()


def seconds_of(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


def test_words_said_as_the_round_was_killed_are_transcribed_and_analyzed(tmp_path: Path, capsys) -> None:
    heard, unheard = say(HEARD), say(UNHEARD)
    answer = write_wav(tmp_path / "answer.wav", np.concatenate([heard, silence(1.2), unheard]))
    total_s = seconds_of(answer)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(answer)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    audio = Path(child.stdout.readline().strip())
    folder = audio.parent.parent
    # Everything is on disk and the first segment's words are saved: the moment to die.
    sigkill_when(child, lambda: audio.stat().st_size >= 44 + 2 * int(16000 * total_s),
                 lambda: "every bid" in " ".join(w["text"] for w in candidate_words(folder)).lower(), timeout=120)

    sid = folder.name
    saved = candidate_words(folder)
    saved_to_s = max(w["end_s"] for w in saved)

    assert main(["sessions", "show", sid, "--json"]) == 0  # the next start; transcribes the end
    out, err = capsys.readouterr()
    summary = json.loads(out)
    [seg] = [s for s in summary["session"]["segments"] if s["kind"] == "answer"]
    start_s = seg["start_s"]
    assert summary["session"]["status"] == "incomplete"
    words = [w for c in summary["transcript"]["cues"] if c["speaker"] == "candidate" for w in c["words"]]
    text = " ".join(w["text"] for w in words).lower()
    # The second segment was never transcribed before (it was open when the process died) ...
    assert saved_to_s - start_s < len(heard) / 16000 + 1.2
    assert "queue" not in " ".join(w["text"] for w in saved).lower()
    # ... and now it is, after the words already saved, and up to the end of the audio.
    assert "queue" in text and "conversion" in text
    assert [w["start_s"] for w in words] == sorted(w["start_s"] for w in words)
    assert words[: len(saved)] == saved
    assert bare(words[len(saved)]) != bare(saved[-1])  # the last saved word is not heard twice
    assert words[-1]["end_s"] - start_s > total_s - 1.0
    signals = summary["analysis"]["signals"]
    assert signals["lever"]["present"] and signals["metric_tie"]["present"]
    assert signals["metric_tie"]["first_at_s"] > saved_to_s
    rec = seg["recovered"]
    assert rec["from_s"] == pytest.approx(saved_to_s - start_s, abs=0.01)
    assert rec["to_s"] == pytest.approx(total_s, abs=0.01) and rec["words"] == len(words) - len(saved)
    assert "transcribing the last" in err and "now heard: Lever, Metric tie" in err
    assert seconds_of(audio) == pytest.approx(total_s, abs=0.01)  # the recording is as it was

    # As many words as the whole answer transcribed in one go (what a round that ends well keeps).
    whole = sum(len(c.text.split()) for c in shared_transcriber().transcribe_file(answer).cues)
    assert abs(len(words) - whole) <= 2, (len(words), whole)

    assert main(["sessions", "recover", sid]) == 0  # nothing left: the model is not even loaded
    out, err = capsys.readouterr()
    assert out.startswith("Nothing to recover") and "loading" not in err
    print(f"\nsaved before: {len(saved)} words to {saved_to_s - start_s:.1f} of {total_s:.1f} s; "
          f"after: {len(words)} words to {words[-1]['end_s'] - start_s:.1f} s; the whole file: {whole} words")
