#!/usr/bin/env python
"""Peak resident memory of a whole headless round with a long spoken answer, and where it goes.

Renders about `--minutes` of interview speech with espeak-ng (scripts/asr_speech.py: a known
script, fillers, thinking pauses), split into `--answers` WAV files, kept in a cache folder under
the system temp dir (never in the repository) and reused by later runs. Then runs a real round in
a fresh process:

    .venv/bin/voice-sim run --scenario auction-bidding --answer A.wav [...] --no-speak --fast --json

with its data folder in a temporary directory, samples the child's /proc/PID/status (VmRSS,
VmHWM) every 20 ms, and cuts the samples into stages at the progress lines the round prints:

    startup      imports, settings, scenario library, session store, speech model  (until the
                 prompt is printed)
    answer N     the Silero VAD session, decoding the file, live transcription of answer N
    wrap-up      the last words, the analysis of the whole round, the saved report (after the
                 last answer ended, until the process exits)

A second fresh process loads the same parts one at a time (imports, speech model, VAD) and
prints the resident size after each, so the startup stage can be split. The peak is VmHWM read
while the child runs (not getrusage's ru_maxrss, which Linux carries across fork and exec).
The transcript of the round is scored against the script (word error rate), so a change that
saves memory can be checked for accuracy too. Prints figures; asserts nothing about time.

Usage: .venv/bin/python scripts/bench_round_memory.py [--minutes 15] [--answers 1]
       [--scenario auction-bidding] [--realtime] [--keep] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from asr_speech import build_answer, wer, write_wav  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "voice-sim-bench-audio"
SAMPLE_S = 0.02


def render(minutes: float, answers: int, seed: int = 11) -> tuple[list[Path], str]:
    """`answers` WAV files of `minutes / answers` each, and the script they say. Cached."""
    CACHE.mkdir(parents=True, exist_ok=True)
    each = minutes / answers
    paths, scripts = [], []
    for i in range(answers):
        stem = f"answer-{each:g}min-seed{seed + i}"
        wav, txt = CACHE / f"{stem}.wav", CACHE / f"{stem}.txt"
        if not (wav.is_file() and txt.is_file()):
            print(f"rendering {each:g} min of speech with espeak-ng -> {wav}", flush=True)
            answer = build_answer(each * 60, seed=seed + i)
            write_wav(wav.with_suffix(".tmp"), answer.audio)
            wav.with_suffix(".tmp").replace(wav)
            txt.write_text(answer.script)
        paths.append(wav)
        scripts.append(txt.read_text())
    return paths, " ".join(scripts)


def status(pid: int) -> tuple[float, float] | None:
    """(VmRSS, VmHWM) of `pid` in MB, or None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    values = {}
    for line in text.splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            key, kb = line.split()[:2]
            values[key] = int(kb) / 1024
    if "VmRSS:" not in values:
        return None  # a zombie: no memory left to read
    return values["VmRSS:"], values["VmHWM:"]


@dataclass
class Stage:
    name: str
    start_s: float
    end_s: float = 0.0
    rss_start: float = 0.0
    rss_peak: float = 0.0
    hwm_end: float = 0.0


@dataclass
class Run:
    seconds: float
    peak_mb: float
    stages: list[Stage]
    transcript: str
    audio_s: float
    timeline: list[tuple[float, float]] = field(default_factory=list)  # (s, VmRSS MB), ~1/s


def run_round(wavs: list[Path], scenario: str, realtime: bool, keep: Path | None) -> Run:
    exe = ROOT / ".venv" / "bin" / "voice-sim"
    cmd = [str(exe), "run", "--scenario", scenario, "--no-speak", "--json"]
    for wav in wavs:
        cmd += ["--answer", str(wav)]
    if not realtime:
        cmd.append("--fast")
    data = Path(tempfile.mkdtemp(prefix="voice-sim-bench-data-")) if keep is None else keep
    env = {**os.environ, "VOICE_SIM_DATA_DIR": str(data),
           "VOICE_SIM_CONFIG_DIR": str(data / "config")}
    samples: list[tuple[float, float, float]] = []  # (t, rss, hwm)
    marks: list[tuple[float, str]] = []
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)

    def read_progress() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            marks.append((time.monotonic() - t0, line.rstrip()))

    reader = threading.Thread(target=read_progress, daemon=True)
    reader.start()
    out_parts: list[str] = []
    out_reader = threading.Thread(target=lambda: out_parts.append(proc.stdout.read()), daemon=True)
    out_reader.start()
    while proc.poll() is None:
        s = status(proc.pid)
        if s is not None:
            samples.append((time.monotonic() - t0, *s))
        time.sleep(SAMPLE_S)
    reader.join()
    out_reader.join()
    elapsed = time.monotonic() - t0
    if proc.returncode != 0:
        tail = "\n".join(m for _, m in marks[-10:])
        raise SystemExit(f"voice-sim run failed ({proc.returncode}):\n{tail}")
    summary = json.loads("".join(out_parts))
    if keep is None:
        subprocess.run(["rm", "-rf", str(data)], check=False)
    stages = cut_stages(samples, marks, elapsed)
    words = [c["text"] for c in summary["transcript"]["cues"] if c.get("speaker") == "candidate"]
    audio_s = sum(seg.get("audio_s") or 0.0 for seg in summary["session"]["segments"])
    peak = max((h for _, _, h in samples), default=0.0)
    timeline, last = [], -1.0
    for t, rss, _ in samples:
        if t - last >= 1.0:
            timeline.append((round(t, 1), round(rss, 1)))
            last = t
    return Run(elapsed, peak, stages, " ".join(words), audio_s, timeline)


def cut_stages(samples: list[tuple[float, float, float]], marks: list[tuple[float, str]],
               end: float) -> list[Stage]:
    """Stage boundaries at the progress lines: the first line (the prompt), each
    'answer N: listening', and the last answer's 'You:' line."""
    bounds: list[tuple[float, str]] = [(0.0, "startup (imports, store, speech model)")]
    answer = 0
    for t, line in marks:
        if ": listening" in line and "answer " in line:
            answer += 1
            bounds.append((t, f"answer {answer} (VAD, decoding, live transcription)"))
        elif "] You:" in line:
            bounds.append((t, "after the answer (waiting for the next)"))
    if answer:
        # the last 'after the answer' stage is the wrap-up: the analysis and the report
        last = max(i for i, (_, n) in enumerate(bounds) if n.startswith("after the answer"))
        bounds[last] = (bounds[last][0], "wrap-up (analysis, report, exit)")
    stages = []
    for i, (start, name) in enumerate(bounds):
        stop = bounds[i + 1][0] if i + 1 < len(bounds) else end
        inside = [s for s in samples if start <= s[0] < stop]
        if not inside:
            continue
        stages.append(Stage(name, start, stop, inside[0][1], max(s[1] for s in inside), inside[-1][2]))
    return stages


PROBE = r"""
import sys, time
from pathlib import Path

def rss():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

print("python", rss(), flush=True)
import voice_sim.cli, voice_sim.runtime, voice_sim.commands.run  # noqa
from voice_sim.config import load_settings
settings = load_settings()
print("voice-sim modules", rss(), flush=True)
import faster_whisper, ctranslate2, onnxruntime, av, soundfile  # noqa
print("speech libraries (faster-whisper, ctranslate2, onnxruntime, av)", rss(), flush=True)
from voice_sim.speech.transcriber import make_transcriber
transcriber = make_transcriber(settings)
print("speech model loaded", rss(), flush=True)
from voice_sim.speech.vad import StreamingVad
vad = StreamingVad()
print("VAD session", rss(), flush=True)
"""


def probe() -> list[tuple[str, float]]:
    """Resident size after each part is loaded, in a fresh process."""
    proc = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-c", PROBE],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    out = []
    for line in proc.stdout.splitlines():
        name, _, mb = line.rpartition(" ")
        out.append((name, float(mb)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=15.0, help="total answer length")
    parser.add_argument("--answers", type=int, default=1, help="split it into this many answer files")
    parser.add_argument("--scenario", default="auction-bidding")
    parser.add_argument("--realtime", action="store_true",
                        help="play the files in real time (default --fast: as fast as they decode)")
    parser.add_argument("--keep", type=Path, help="keep the round's data folder here")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    wavs, script = render(args.minutes, args.answers)
    print(f"load average before: {os.getloadavg()[0]:.2f} (should be near 0)", flush=True)
    steps = probe()
    run = run_round(wavs, args.scenario, args.realtime, args.keep)
    error = wer(script, run.transcript)

    print("\nLoading the parts one by one (fresh process, VmRSS):")
    prev = 0.0
    for name, mb in steps:
        print(f"  {name:<64} {mb:6.0f} MB  (+{mb - prev:.0f})")
        prev = mb
    print(f"\nRound: {len(wavs)} answer file(s), {run.audio_s / 60:.1f} min of answer audio, "
          f"{'real time' if args.realtime else '--fast'}, {run.seconds:.0f} s wall, "
          f"{os.cpu_count()} cores")
    print(f"  {'stage':<52} {'from':>6} {'RSS at start':>13} {'peak RSS':>9} {'VmHWM at end':>13}")
    for s in run.stages:
        print(f"  {s.name:<52} {s.start_s:5.0f}s {s.rss_start:10.0f} MB {s.rss_peak:6.0f} MB "
              f"{s.hwm_end:10.0f} MB")
    print(f"\nPeak resident memory (VmHWM): {run.peak_mb:.0f} MB")
    print(f"Transcript: {len(run.transcript.split())} words, WER against the script {100 * error:.1f}%")
    if args.json:
        args.json.write_text(json.dumps({
            "minutes": args.minutes, "answers": args.answers, "realtime": args.realtime,
            "peak_mb": run.peak_mb, "wall_s": run.seconds, "wer": error,
            "load_steps": steps, "stages": [s.__dict__ for s in run.stages],
            "transcript": run.transcript, "rss_timeline": run.timeline,
        }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
