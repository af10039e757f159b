"""Test speech for the transcription benchmark: a spoken interview answer with a known script.

Builds answers from the sentences below with espeak-ng (several voices and speeds), with
thinking pauses and fillers where a person would put them, and a noisy copy made with sox. Also
the text normalization and word error rate used to score transcripts against the script.
Used by scripts/bench_asr.py; needs espeak-ng and sox on PATH.
"""

from __future__ import annotations

import random
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

SAMPLE_RATE = 16_000

SENTENCES = [
    "My hypothesis is that latency above two hundred milliseconds is what hurts conversion on checkout.",
    "Before we pick a design, I want to pin down the constraints: we have about ten million daily users.",
    "The read path matters most, so I would put a cache in front of the catalogue service.",
    "The tradeoff is freshness against cost, and for prices we cannot show stale data.",
    "I would measure the p95 latency for ten percent of users first, then roll out.",
    "If the error rate goes above one percent, we roll back automatically.",
    "The lever we control is the number of calls the page makes before it renders.",
    "That ties back to the business metric, which is orders per session.",
    "A queue between the order service and the email service lets us absorb spikes.",
    "We should ask engineering what the current bottleneck is rather than guess.",
    "For the first version I would keep one database and add read replicas later.",
    "Search has to return results within three hundred milliseconds or people leave.",
    "The risk is that personalization makes the cache hit rate drop sharply.",
    "I would run an experiment with two arms for two weeks and compare retention.",
    "Mobile users on slow networks are the segment where this matters most.",
    "We can precompute the recommendations every night instead of at request time.",
    "The cost of storage is small compared with the revenue we lose to slow pages.",
    "Success for me is a five percent lift in conversion without hurting reliability.",
    "Let me summarize the plan before we go deeper into the data model.",
    "The hypothesis would be wrong if faster pages do not change what people buy.",
    "Notifications should be batched so that nobody gets more than three a day.",
    "The feed ranks posts by predicted engagement, and that costs a lot of compute.",
    "I would start with the riders who wait longest for a driver at night.",
    "Our constraint is that the payment provider only allows fifty requests per second.",
    "We could shard the user table by region to keep writes close to people.",
    "Uploads fail more often on older phones, so retries need to be cheap.",
    "A content delivery network would cut image load time for most visitors.",
    "I am assuming about one thousand orders a minute at the evening peak.",
    "The metric I care about is weekly active sellers, not page views.",
    "If we show prices in the local currency, checkout completion should go up.",
    "Video calls need end to end latency under one hundred and fifty milliseconds.",
    "Fraud checks add delay, so we run the slow ones after the order is placed.",
    "The search index can be rebuilt every hour without anyone noticing.",
    "Teachers told us that grading takes them about six hours every week.",
    "A simple rule based system is enough for launch; machine learning can come later.",
    "We lose about twenty percent of sign ups at the phone verification step.",
    "Offline mode matters for drivers who lose signal in tunnels and car parks.",
    "Storing every location ping forever would cost more than the feature earns.",
    "I would cap the free tier at three projects to protect our margins.",
    "The bottleneck today is the database, which runs at ninety percent at noon.",
    "Let me check my assumptions about traffic before I size the cluster.",
    "Recommendations should explain themselves, otherwise trust drops quickly.",
    "Doctors need the record to load in under two seconds during a visit.",
    "A write ahead log lets us recover orders if a server crashes mid request.",
    "We could trade a little accuracy for a much faster first response.",
    "Most tickets are about passwords, so self service reset is the first lever.",
    "The partner API is unreliable, so we cache the last good answer for an hour.",
    "Growth comes from referrals, and referrals depend on a fast first session.",
    "I would measure time to first message rather than total messages sent.",
    "Batching the emails overnight cuts the cost by roughly two thirds.",
    "Security reviews take two weeks, so we should start them in parallel.",
    "Latency matters less for reports, which people read the next morning.",
    "Think of the queue as a buffer that protects the warehouse system.",
    "Our hypothesis is that shoppers abandon carts when delivery dates are vague.",
    "Each region gets its own replica, and failover takes about thirty seconds.",
    "Personal data must stay in the country, which rules out one global store.",
    "We can sample one percent of requests for tracing without hurting speed.",
    "A waitlist lets us control load while we learn how people use it.",
    "The main tradeoff is consistency against availability during an outage.",
]
FILLERS = ["um", "uh", "you know"]


@dataclass
class Answer:
    """A synthesized answer: audio, the script as spoken, and where each sentence ended."""

    audio: np.ndarray
    script: str
    sentence_ends_s: list[float] = field(default_factory=list)
    fillers_said: int = 0

    @property
    def seconds(self) -> float:
        return len(self.audio) / SAMPLE_RATE


def espeak(text: str, voice: str = "en-us", wpm: int = 160) -> np.ndarray:
    """One utterance as 16 kHz float32 (espeak-ng writes 22.05 kHz; sox resamples)."""
    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp) / "raw.wav", Path(tmp) / "out.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(wpm), "-w", str(raw), text], check=True)
        subprocess.run(["sox", "-R", "-V1", "-G", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(out)], check=True)
        pcm = np.frombuffer(out.read_bytes()[44:], dtype="<i2")
    return pcm.astype(np.float32) / 32768.0


def build_answer(
    seconds: float, voice: str = "en-us", wpm: int = 160, seed: int = 1, fillers: bool = True,
    thinking_pauses: bool = True,
) -> Answer:
    """About `seconds` of answer: sentences in a seeded order, a filler in some, short gaps, and
    a thinking pause of 3-8 s every few sentences (these must not end or break the answer)."""
    rng = random.Random(seed)
    cache: dict[str, np.ndarray] = {}
    parts: list[np.ndarray] = []
    words: list[str] = []
    ends: list[float] = []
    said = 0
    total = 0
    order: list[str] = []
    while total < seconds * SAMPLE_RATE:
        if not order:
            order = SENTENCES[:]
            rng.shuffle(order)
        sentence = order.pop()
        if fillers and rng.random() < 0.5:
            tokens = sentence.split()
            at = rng.randrange(0, max(1, len(tokens) // 2))
            filler = rng.choice(FILLERS)
            tokens.insert(at, filler + ",")
            sentence = " ".join(tokens)
            said += 1
        if sentence not in cache:
            cache[sentence] = espeak(sentence, voice, wpm)
        clip = cache[sentence]
        gap = rng.uniform(3.0, 8.0) if thinking_pauses and rng.random() < 0.15 else rng.uniform(0.2, 0.7)
        silence = np.zeros(int(gap * SAMPLE_RATE), dtype=np.float32)
        parts += [clip, silence]
        total += len(clip)
        ends.append(total / SAMPLE_RATE)
        total += len(silence)
        words.append(sentence)
    audio = np.concatenate(parts)
    return Answer(audio=audio, script=" ".join(words), sentence_ends_s=ends, fillers_said=said)


def add_noise(audio: np.ndarray, snr_db: float = 10.0) -> np.ndarray:
    """Pink noise from sox at the given speech-to-noise ratio (measured over voiced samples)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "noise.wav"
        seconds = len(audio) / SAMPLE_RATE + 1
        subprocess.run(  # -R: repeatable noise, so every run scores the same audio
            ["sox", "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", str(out), "synth",
             f"{seconds:.2f}", "pinknoise", "vol", "0.5"],
            check=True,
        )
        noise = np.frombuffer(out.read_bytes()[44:], dtype="<i2").astype(np.float32) / 32768.0
    noise = noise[: len(audio)]
    voiced = np.abs(audio) > 0.01
    speech_power = float(np.mean(audio[voiced] ** 2)) if voiced.any() else 1e-6
    noise_power = float(np.mean(noise**2)) or 1e-9
    noise *= np.sqrt(speech_power / noise_power / 10 ** (snr_db / 10))
    return np.clip(audio + noise, -1.0, 1.0).astype(np.float32)


def write_wav(path: Path, audio: np.ndarray) -> None:
    import wave

    pcm = (np.clip(audio, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(pcm.tobytes())


# ----- scoring --------------------------------------------------------------------------------

_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# spellings and splits that are not recognition errors (as Whisper's English normalizer does)
_SPELLINGS = {
    "catalogue": "catalog", "tradeoff": "trade off", "tradeoffs": "trade offs",
    "precompute": "pre compute", "summarise": "summarize", "personalisation": "personalization",
    "okay": "ok", "email": "e mail", "emails": "e mails", "signups": "sign ups",
    "setup": "set up", "hundred and": "hundred",
}
FILLER_WORDS = {"um", "umm", "uh", "uhh", "hmm", "mm", "er", "erm", "ah"}


def number_words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " " + number_words(rest))
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= size:
            rest = n % size
            return number_words(n // size) + f" {name}" + ("" if rest == 0 else " " + number_words(rest))
    return str(n)


def normalize(text: str, keep_fillers: bool = False) -> list[str]:
    """Lowercase words, digits spelled out, punctuation gone; fillers dropped unless asked
    (the usual Whisper scoring convention)."""
    text = text.lower().replace("%", " percent").replace("-", " ")
    text = re.sub(r"(\d),(\d)", r"\1\2", text)
    text = re.sub(r"\b(\d+)(st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"\d+", lambda m: " " + number_words(int(m.group())) + " ", text)
    text = re.sub(r"\bp ?(ninety five)\b", r"p \1", text)
    text = re.sub(r"[^a-z' ]+", " ", text).replace("'", "")
    for british, american in _SPELLINGS.items():
        text = re.sub(rf"\b{british}\b", american, text)
    words = text.split()
    if not keep_fillers:
        words = [w for w in words if w not in FILLER_WORDS]
    return words


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate (substitutions + deletions + insertions) / reference words."""
    ref, hyp = normalize(reference), normalize(hypothesis)
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1] / max(len(ref), 1)


def count_fillers(text: str) -> dict[str, int]:
    t = " " + " ".join(normalize(text, keep_fillers=True)) + " "
    return {
        "um": len(re.findall(r" (um|umm|mm|hmm) ", t)),
        "uh": len(re.findall(r" (uh|uhh|ah|er|erm) ", t)),
        "you know": t.count(" you know "),
    }
