#!/usr/bin/env python
"""Speed, lag, memory and accuracy of transcription with the default model, one row per setting.

Builds its own test speech (scripts/asr_speech.py: espeak-ng voices and speeds, thinking pauses,
fillers, a noisy copy made with sox), then for each setting measures:
  - file RTF: voice-sim's transcribe_file, processing s / audio s
  - live lag: the answer fed block by block in real time; from a word being spoken (its end on
    the answer clock, as aligned by Whisper) to it being on screen as tentative text, and to it
    being committed: median and 95th percentile
  - CPU while listening: process CPU time / wall time / cores, over the real-time feed
  - end-of-answer latency: from the last block of a 10-minute answer to the final transcript,
    live (finish()) and the whole-file way (faster-whisper's transcribe() started at that moment)
  - peak RSS for a 15-minute answer (separate processes: live, voice-sim file, faster-whisper)
  - WER against the script (fillers excluded, numbers spelled out), live, file and faster-whisper

Usage: .venv/bin/python scripts/bench_asr.py [--minutes 10] [--rss-minutes 15] [--rows ...]
       [--quick] [--json OUT]. The full run takes about 45 minutes on 2 cores (real-time feeds);
--quick runs 2-minute answers and a 3-minute RSS check. Run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from asr_speech import SAMPLE_RATE, add_noise, build_answer, normalize, wer, write_wav

ROWS = {
    "us-160": {"voice": "en-us", "wpm": 160, "noise": None},
    "gb-185": {"voice": "en-gb", "wpm": 185, "noise": None},
    "us-f-145": {"voice": "en-us+f3", "wpm": 145, "noise": None},
    "us-160-noisy": {"voice": "en-us", "wpm": 160, "noise": 15.0},
}
BLOCK_S = 0.1


@dataclass
class Row:
    setting: str
    audio_s: float
    file_rtf: float = 0.0
    fw_rtf: float = 0.0
    tentative_lag_median: float = 0.0
    tentative_lag_p95: float = 0.0
    committed_lag_median: float = 0.0
    committed_lag_p95: float = 0.0
    cpu_listening_pct: float = 0.0
    end_latency_live_s: float = 0.0
    end_latency_whole_file_s: float = 0.0
    wer_live: float = 0.0
    wer_file: float = 0.0
    wer_fw: float = 0.0
    previews_per_s: float = 0.0
    notes: list[str] = field(default_factory=list)


def p95(values: list[float]) -> float:
    return float(np.percentile(values, 95)) if values else float("nan")


def load_transcriber():
    from voice_sim.speech.catalogue import bundled_path
    from voice_sim.speech.whisper import WhisperTranscriber

    return WhisperTranscriber(bundled_path())


def fw_transcribe(model, audio: np.ndarray) -> str:
    """faster-whisper's own whole-file transcribe() with its defaults (beam 5, 30 s windows)."""
    segments, _ = model.transcribe(audio, language="en")
    return " ".join(s.text.strip() for s in segments)


class LiveRecorder:
    """Collects the stream's callbacks with wall-clock times relative to the first block."""

    def __init__(self) -> None:
        self.t0 = 0.0
        self.events: list[tuple[float, str, object]] = []
        self.lock = threading.Lock()

    def committed(self, cue) -> None:
        with self.lock:
            self.events.append((time.monotonic() - self.t0, "cue", cue))

    def tentative(self, text: str) -> None:
        with self.lock:
            self.events.append((time.monotonic() - self.t0, "tentative", text))


def run_live(transcriber, audio: np.ndarray) -> dict:
    """Feed `audio` in real time in 100 ms blocks, as a microphone would, then finish()."""
    rec = LiveRecorder()
    stream = transcriber.stream(0.0, rec.committed, rec.tentative)
    block = int(BLOCK_S * SAMPLE_RATE)
    rec.t0 = t0 = time.monotonic()
    cpu0 = time.process_time()
    for i, start in enumerate(range(0, len(audio), block)):
        due = t0 + (i + 1) * BLOCK_S  # a block is available once it has been spoken
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        stream.feed(audio[start : start + block])
    t_end = time.monotonic()
    cpu_listening = (time.process_time() - cpu0) / (t_end - t0) / (os.cpu_count() or 1)
    transcript = stream.finish()
    latency = time.monotonic() - t_end
    lags = word_lags(rec.events)
    return {
        "transcript": transcript, "latency": latency, "cpu": cpu_listening,
        "committed": lags[0], "display": lags[1],
        "previews": stream.stats["previews"], "seconds": t_end - t0,
    }


def word_lags(events: list[tuple[float, str, object]]) -> tuple[list[float], list[float]]:
    """Per committed word: (commit time - spoken end) and (first time on screen - spoken end).

    A word counts as on screen early if a tentative text shown before its commit contained it at
    the matching place (difflib alignment of the tentative words with the committed ones)."""
    committed_lags: list[float] = []
    display_lags: list[float] = []
    tentatives: list[tuple[float, list[str]]] = []
    batch_open = False  # cues arriving after a tentative text belong to the segment it previewed
    for t, kind, value in events:
        if kind == "tentative":
            if value and batch_open:
                tentatives, batch_open = [], False
            if value:
                tentatives.append((t, normalize(str(value), keep_fillers=True)))
            continue
        batch_open = True
        cue = value
        words = [(w, normalize(w.text, keep_fillers=True)) for w in cue.words]
        keys = [k[0] if k else "" for _, k in words]
        first_seen = [t] * len(words)
        for tt, shown in tentatives:
            matcher = difflib.SequenceMatcher(a=keys, b=shown, autojunk=False)
            for block in matcher.get_matching_blocks():
                for k in range(block.a, block.a + block.size):
                    first_seen[k] = min(first_seen[k], tt)
        for (w, _), seen in zip(words, first_seen, strict=True):
            committed_lags.append(t - w.end_s)
            display_lags.append(seen - w.end_s)
    return committed_lags, display_lags


def rss_child(kind: str, wav: str) -> None:
    """Run one way of transcribing in this (fresh) process and print its peak RSS in MB."""
    if kind == "fw":
        from faster_whisper import WhisperModel, decode_audio

        from voice_sim.speech.catalogue import bundled_path

        model = WhisperModel(str(bundled_path()), device="cpu", compute_type="int8")
        fw_transcribe(model, decode_audio(wav))
    elif kind == "file":
        load_transcriber().transcribe_file(Path(wav))
    elif kind == "live":
        import soundfile as sf

        transcriber = load_transcriber()
        stream = transcriber.stream(0.0, lambda cue: None, lambda text: None)
        # block by block from the file, as a microphone delivers it (the whole answer is never
        # in memory); 4x real time: memory does not depend on the pace (only the open segment
        # is kept), and the worker keeps up (live RTF ~0.1), so the queue stays short
        t0 = time.monotonic()
        blocks = sf.blocks(wav, blocksize=int(BLOCK_S * SAMPLE_RATE), dtype="float32")
        for i, block in enumerate(blocks):
            delay = t0 + (i + 1) * BLOCK_S / 4 - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            stream.feed(block)
        stream.finish()
    print(peak_rss_mb())


def peak_rss_mb() -> float:
    """This process's peak RSS since it started. Not getrusage's ru_maxrss: Linux carries that
    over from the parent through fork and exec, so every child reported the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_rss(minutes: float, tmp: Path) -> dict[str, float]:
    answer = build_answer(minutes * 60, seed=11)
    wav = tmp / "rss.wav"
    write_wav(wav, answer.audio)
    out = {}
    for kind in ("live", "file", "fw"):
        proc = subprocess.run(
            [sys.executable, __file__, "--rss-child", kind, str(wav)],
            capture_output=True, text=True, check=True,
        )
        out[kind] = float(proc.stdout.strip().splitlines()[-1])
        print(f"  peak RSS {kind}: {out[kind]:.0f} MB", flush=True)
    return out


def bench_row(name: str, minutes: float, transcriber, tmp: Path) -> Row:
    cfg = ROWS[name]
    answer = build_answer(minutes * 60, voice=cfg["voice"], wpm=cfg["wpm"], seed=5)
    audio = answer.audio if cfg["noise"] is None else add_noise(answer.audio, cfg["noise"])
    wav = tmp / f"{name}.wav"
    write_wav(wav, audio)
    row = Row(setting=f"{name} ({cfg['voice']}, {cfg['wpm']} wpm"
              + (f", {cfg['noise']:.0f} dB SNR)" if cfg["noise"] else ", clean)"),
              audio_s=round(answer.seconds, 1))
    print(f"{name}: {answer.seconds:.0f} s of audio, {len(normalize(answer.script))} words", flush=True)

    t = time.monotonic()
    file_t = transcriber.transcribe_file(wav)
    row.file_rtf = (time.monotonic() - t) / answer.seconds
    row.wer_file = wer(answer.script, file_t.text)
    print(f"  file: RTF {row.file_rtf:.3f}, WER {row.wer_file:.3f}", flush=True)

    from faster_whisper import decode_audio

    t = time.monotonic()  # the whole-file way: starts when the answer ends
    fw_text = fw_transcribe(transcriber.model, decode_audio(str(wav)))
    row.end_latency_whole_file_s = time.monotonic() - t
    row.fw_rtf = row.end_latency_whole_file_s / answer.seconds
    row.wer_fw = wer(answer.script, fw_text)
    print(f"  faster-whisper transcribe(): {row.end_latency_whole_file_s:.1f} s, WER {row.wer_fw:.3f}",
          flush=True)

    live = run_live(transcriber, audio)
    row.end_latency_live_s = live["latency"]
    row.cpu_listening_pct = 100 * live["cpu"]
    row.committed_lag_median = statistics.median(live["committed"])
    row.committed_lag_p95 = p95(live["committed"])
    row.tentative_lag_median = statistics.median(live["display"])
    row.tentative_lag_p95 = p95(live["display"])
    row.wer_live = wer(answer.script, live["transcript"].text)
    row.previews_per_s = live["previews"] / live["seconds"]
    print(f"  live: end latency {row.end_latency_live_s:.2f} s, CPU {row.cpu_listening_pct:.0f}%, "
          f"committed lag {row.committed_lag_median:.2f}/{row.committed_lag_p95:.2f} s, "
          f"on screen {row.tentative_lag_median:.2f}/{row.tentative_lag_p95:.2f} s, "
          f"WER {row.wer_live:.3f}", flush=True)
    return row


def bench_fillers(transcriber, minutes: float) -> list[dict]:
    """Fillers kept with and without the disfluent prompt: the same answers, said with fillers
    ("um", "uh", "you know" in half the sentences) and without, through the live segmenter."""
    from asr_speech import count_fillers

    from voice_sim.speech.whisper import LIVE_SEGMENTS

    def text_of(audio: np.ndarray) -> str:
        session = transcriber.session(0.0, LIVE_SEGMENTS)
        for start in range(0, len(audio), 16000):
            session.push(audio[start : start + 16000])
        session.flush()
        return " ".join(c.text for c in session.cues)

    out = []
    keep = transcriber.keep_fillers
    try:
        for voice, wpm in (("en-us", 150), ("en-gb", 175)):
            said = build_answer(minutes * 60, voice=voice, wpm=wpm, seed=31, thinking_pauses=False)
            clean = build_answer(minutes * 60, voice=voice, wpm=wpm, seed=31, fillers=False,
                                 thinking_pauses=False)
            truth = count_fillers(said.script)
            row = {"voice": f"{voice} {wpm} wpm", "said": truth}
            for prompt in (True, False):
                transcriber.keep_fillers = prompt
                heard = count_fillers(text_of(said.audio))
                invented = count_fillers(text_of(clean.audio))
                wer_fillers = wer(said.script, text_of(said.audio))
                row["prompt" if prompt else "no_prompt"] = {
                    "heard": heard, "invented": invented, "wer": wer_fillers,
                }
            out.append(row)
            print(f"  fillers {row}", flush=True)
    finally:
        transcriber.keep_fillers = keep
    return out


def filler_table(rows: list[dict]) -> str:
    head = ("| voice | said um / uh / you know | kept, disfluent prompt | kept, no prompt "
            "| invented in a filler-free answer (prompt / none) | WER (prompt / none) |")
    lines = [head, "|" + "---|" * 6]
    for r in rows:
        def fmt(c):
            return f"{c['um']} / {c['uh']} / {c['you know']}"
        p, n = r["prompt"], r["no_prompt"]
        inv = f"{sum(p['invented'].values())} / {sum(n['invented'].values())}"
        lines.append(f"| {r['voice']} | {fmt(r['said'])} | {fmt(p['heard'])} | {fmt(n['heard'])} "
                     f"| {inv} | {100 * p['wer']:.1f}% / {100 * n['wer']:.1f}% |")
    return "\n".join(lines)


def table(rows: list[Row], rss: dict[str, float] | None, minutes: float, rss_minutes: float) -> str:
    head = ("| setting | file RTF | on screen lag, median / p95 | committed lag, median / p95 "
            "| CPU listening (of 2 cores) | end-of-answer: live / whole file | WER live / file / faster-whisper |")
    lines = [head, "|" + "---|" * 7]
    for r in rows:
        lines.append(
            f"| {r.setting} | {r.file_rtf:.3f} | {r.tentative_lag_median:.1f} / {r.tentative_lag_p95:.1f} s "
            f"| {r.committed_lag_median:.1f} / {r.committed_lag_p95:.1f} s | {r.cpu_listening_pct:.0f}% "
            f"| {r.end_latency_live_s:.2f} s / {r.end_latency_whole_file_s:.1f} s "
            f"| {100 * r.wer_live:.1f}% / {100 * r.wer_file:.1f}% / {100 * r.wer_fw:.1f}% |"
        )
    out = "\n".join(lines)
    out += f"\n\nAnswers of {minutes:g} min fed in real time in 100 ms blocks; tiny.en int8 on {os.cpu_count()} cores."
    if rss:
        out += (f"\nPeak RSS, {rss_minutes:g}-minute answer: live {rss['live']:.0f} MB, "
                f"voice-sim file {rss['file']:.0f} MB, faster-whisper transcribe() {rss['fw']:.0f} MB.")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="answer length per row")
    parser.add_argument("--rss-minutes", type=float, default=15.0, help="answer length for peak RSS")
    parser.add_argument("--rows", default="us-160,gb-185,us-160-noisy",
                        help=f"comma-separated settings from: {', '.join(ROWS)}")
    parser.add_argument("--quick", action="store_true", help="2-minute answers, 3-minute RSS check")
    parser.add_argument("--no-rss", action="store_true", help="skip the peak RSS processes")
    parser.add_argument("--fillers", action="store_true",
                        help="only measure fillers kept with and without the disfluent prompt")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--rss-child", nargs=2, metavar=("KIND", "WAV"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        rss_child(*args.rss_child)
        return 0
    if args.quick:
        args.minutes, args.rss_minutes = 2.0, 3.0
    print(f"load average before: {os.getloadavg()[0]:.2f} (should be near 0)", flush=True)
    transcriber = load_transcriber()
    if args.fillers:
        text = filler_table(bench_fillers(transcriber, 3.0 if not args.quick else 1.0))
        print("\n" + text)
        return 0
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.rows.split(","):
            rows.append(bench_row(name.strip(), args.minutes, transcriber, Path(tmp)))
        rss = None if args.no_rss else measure_rss(args.rss_minutes, Path(tmp))
    text = table(rows, rss, args.minutes, args.rss_minutes)
    print("\n" + text)
    if args.json:
        args.json.write_text(json.dumps({"rows": [asdict(r) for r in rows], "rss_mb": rss}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
