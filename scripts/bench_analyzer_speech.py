#!/usr/bin/env python3
"""The analyzer through speech: answers from the untouched sets spoken by espeak-ng, transcribed by
the bundled Whisper model, analyzed, and scored against their labels beside the same answers' text.

    .venv/bin/python scripts/bench_analyzer_speech.py [--answers 12] [--max-minutes 6]

Each candidate cue is spoken at its labelled start (later if the previous cue's speech runs over;
label times move with it), so first_at_s stays comparable. Panel lines are left out: the app
records only the candidate. Needs espeak-ng and sox (scripts/_setup.sh installs them).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import labelled  # noqa: E402
from asr_speech import SAMPLE_RATE, espeak  # noqa: E402
from bench_analyzer import accumulate, macro_f1, new_result, summary_row  # noqa: E402

from voice_sim.config import Settings  # noqa: E402
from voice_sim.core.analysis import analyze  # noqa: E402
from voice_sim.core.analysis.features import candidate_cues  # noqa: E402
from voice_sim.core.transcripts import read_vtt  # noqa: E402
from voice_sim.speech.files import transcribe_path  # noqa: E402

VOICES = ("en-us", "en-gb", "en-us+m3", "en-gb-scotland")


def speak(cues, voice: str, wpm: int) -> tuple[np.ndarray, dict[float, float]]:
    """The answer's audio and where each cue's speech starts in it (old start -> new start)."""
    parts, moved, t = [], {}, 0.0
    for cue in cues:
        start = max(cue.start_s, t + 0.3)
        audio = espeak(cue.text, voice, wpm)
        parts.append(np.zeros(int((start - t) * SAMPLE_RATE), np.float32))
        parts.append(audio)
        moved[round(cue.start_s, 3)] = start
        t = start + len(audio) / SAMPLE_RATE
    return np.concatenate(parts), moved


def shift(label: dict, moved: dict[float, float]) -> dict:
    def at(x: float) -> float:
        return moved.get(round(x, 3), x)

    out = {**label, "signals": {s: {**v, "first_at_s": at(v["first_at_s"]) if v["present"] else None}
                                for s, v in label["signals"].items()}}
    out["anti_patterns"] = [{**a, "at_s": at(a["at_s"])} for a in label.get("anti_patterns", [])]
    out.pop("hedges", None)  # hedge matching is by exact cue start, which the recognizer moves
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=12)
    parser.add_argument("--max-minutes", type=float, default=6.0)
    args = parser.parse_args()
    picked = []
    for folder in labelled.sets("untouched"):
        for name, label in sorted(labelled.labels_of(folder).items()):
            if label["duration_s"] <= args.max_minutes * 60:
                picked.append((folder, name, label))
    step = max(1, len(picked) // args.answers)
    picked = picked[::step][: args.answers]
    text_r, speech_r = new_result(), new_result()
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        for n, (folder, name, label) in enumerate(picked):
            t0 = time.perf_counter()
            written = read_vtt(folder / name)
            audio, moved = speak(candidate_cues(written), VOICES[n % len(VOICES)], 165)
            wav = Path(tmp) / f"{folder.name}-{name}.wav"
            with wave.open(str(wav), "wb") as w:
                w.setnchannels(1)
                w.setsampwidth(2)
                w.setframerate(SAMPLE_RATE)
                w.writeframes((np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes())
            heard = transcribe_path(wav, settings)
            spoken_label = shift(label, moved)
            accumulate(text_r, name, analyze(written, window_s=600), label)
            accumulate(speech_r, name, analyze(heard, window_s=600), spoken_label)
            print(f"{folder.name}/{name}: {len(audio) / SAMPLE_RATE:.0f} s of speech, "
                  f"{time.perf_counter() - t0:.0f} s to speak and transcribe", flush=True)
    print(f"\n{len(picked)} answers from the untouched sets, statement model")
    print("| input | role | answers | detector | macro F1 | H / C / M F1 | first_at_s err (s) | late acc "
          "| anti-pattern F1 | hedge F1 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(summary_row("written text", "untouched", "model", text_r))
    print(summary_row("espeak-ng -> tiny.en", "untouched", "model", speech_r))
    print(f"\nmacro F1 through speech minus text: {macro_f1(speech_r) - macro_f1(text_r):+.3f}")


if __name__ == "__main__":
    main()
