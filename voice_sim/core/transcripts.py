"""Read and write transcripts: WebVTT, SubRip, JSON, and plain text with estimated timings.

Readers raise TranscriptError with one line saying what is wrong and where; they never return a
half-read transcript silently.
"""

from __future__ import annotations

import json
import math
import re
from itertools import pairwise
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from voice_sim.core.models import MAX_TIME_S, Cue, Transcript, Word
from voice_sim.core.safe_read import FileTooLarge, NotARegularFile, read_regular_file

MAX_BYTES = 64 * 1024 * 1024
MAX_CUES = 50_000  # about 40 hours of speech; more is not one interview
DEFAULT_WPM = 150.0
WPM_RANGE = (20.0, 1000.0)  # slower or faster than any speaker: a typo, not a speaking rate
TEXT_SUFFIXES = {".vtt", ".srt", ".json", ".txt"}
OVERLAP_TOLERANCE_S = 0.05  # rounding in subtitle tools; larger overlaps are an error

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})"
_ARROW = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_TAG = re.compile(r"<[^>]*>")
_VOICE = re.compile(r"^<v(?:\.[^ >]*)?\s+([^>]+)>")


class TranscriptError(Exception):
    """A transcript file that cannot be read; the message says what to fix."""


def _seconds(h: str | None, m: str, s: str, frac: str) -> float:
    if h and len(h) > 6:  # past any interview; int() of thousands of digits is slow or refused
        return math.inf
    return int(h or 0) * 3600 + int(m) * 60 + int(s) + int(frac.ljust(3, "0")) / 1000


def _decode(path: Path) -> str:
    try:
        raw = read_regular_file(path, MAX_BYTES)
    except FileNotFoundError:
        raise TranscriptError(f"{path}: no such file") from None
    except NotARegularFile as exc:
        raise TranscriptError(f"{path}: {exc}; give a saved transcript file") from None
    except FileTooLarge:
        size = path.stat().st_size
        raise TranscriptError(f"{path}: {size // 2**20} MiB is too large for a transcript (limit 64 MiB)") from None
    if b"\x00" in raw[:4096]:
        raise TranscriptError(f"{path}: looks binary, not a text transcript")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TranscriptError(
            f"{path}: not UTF-8 text (bad byte at offset {exc.start}); re-save it as UTF-8"
        ) from None
    if not text.strip():
        raise TranscriptError(f"{path}: file is empty")
    return text


def _timed_blocks(text: str, path: Path, kind: str) -> Transcript:
    cues: list[Cue] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    i = 0
    while i < len(lines):
        match = _ARROW.match(lines[i])
        if not match:
            i += 1
            continue
        g = match.groups()
        start, end = _seconds(*g[:4]), _seconds(*g[4:])
        lineno = i + 1
        i += 1
        body: list[str] = []
        while i < len(lines) and lines[i].strip() and not _ARROW.match(lines[i]):
            body.append(lines[i].strip())
            i += 1
        if max(start, end) > MAX_TIME_S:
            raise TranscriptError(
                f"{path}:{lineno}: cue time is past 24 hours, longer than any interview; "
                "times count hours:minutes:seconds from the start of the answer"
            )
        if end < start:
            raise TranscriptError(f"{path}:{lineno}: cue ends before it starts ({lines[lineno - 1].strip()})")
        if cues and start < cues[-1].end_s - OVERLAP_TOLERANCE_S:
            prev = cues[-1]
            order = "before the previous one starts" if start < prev.start_s else "inside the previous one"
            raise TranscriptError(
                f"{path}:{lineno}: cue starts at {start:.3f}s, {order} "
                f"({prev.start_s:.3f}-{prev.end_s:.3f}s); cue times must not go backwards or overlap"
            )
        raw = " ".join(body)
        speaker = None
        voice = _VOICE.match(raw)
        if voice:
            speaker = voice.group(1).strip()
        cue_text = _TAG.sub("", raw).strip()
        if cue_text:
            cues.append(Cue(start_s=start, end_s=end, text=cue_text, speaker=speaker))
        if len(cues) > MAX_CUES:
            raise TranscriptError(f"{path}: more than {MAX_CUES} cues; split the file")
    if not cues:
        raise TranscriptError(f"{path}: no timed cues found; is this a valid {kind} file?")
    return Transcript(cues=_trim_overlaps(cues), source=str(path))


def _trim_overlaps(cues: list[Cue]) -> list[Cue]:
    """Overlaps within the tolerance are clipped so time only moves forward."""
    for prev, cue in pairwise(cues):
        if prev.end_s > cue.start_s:
            prev.end_s = max(prev.start_s, cue.start_s)
    return cues


def read_vtt(path: Path) -> Transcript:
    text = _decode(path)
    if not text.lstrip().startswith("WEBVTT"):
        raise TranscriptError(f"{path}: WebVTT files must start with 'WEBVTT'")
    return _timed_blocks(text, path, "WebVTT")


def read_srt(path: Path) -> Transcript:
    return _timed_blocks(_decode(path), path, "SubRip")


def read_json(path: Path) -> Transcript:
    text = _decode(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TranscriptError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise TranscriptError(
            f"{path}: JSON nested too deeply (arrays or objects hundreds of levels deep); "
            "a transcript is a list of cues"
        ) from None
    if isinstance(data, list):
        data = {"cues": data}
    if isinstance(data, dict) and "transcript" in data and "cues" not in data:
        data = data["transcript"]
    try:
        transcript = Transcript.model_validate(data)
    except ValidationError as exc:
        raise TranscriptError(f"{path}: {_json_problem(exc.errors()[0])}") from None
    if not transcript.cues:
        raise TranscriptError(f"{path}: the transcript has no cues")
    if len(transcript.cues) > MAX_CUES:
        raise TranscriptError(f"{path}: more than {MAX_CUES} cues; split the file")
    for i, (a, b) in enumerate(pairwise(transcript.cues), start=1):
        if b.start_s < a.end_s - OVERLAP_TOLERANCE_S:
            raise TranscriptError(
                f"{path}: cue {i} starts at {b.start_s:.3f}s, before cue {i - 1} ends "
                f"({a.end_s:.3f}s); cue times must not go backwards or overlap"
            )
    transcript.cues = _trim_overlaps(transcript.cues)
    transcript.source = str(path)
    return transcript


def _json_where(loc: tuple[Any, ...]) -> str:
    """("cues", 0, "words", 2, "end_s") -> "cue 1, word 3, 'end_s'", counting from 1 as people do."""
    parts, rest = [], list(loc)
    while len(rest) >= 2 and rest[0] in ("cues", "words") and isinstance(rest[1], int):
        parts.append(f"{'cue' if rest[0] == 'cues' else 'word'} {rest[1] + 1}")
        rest = rest[2:]
    if rest:
        parts.append("'" + ".".join(str(p) for p in rest) + "'")
    return ", ".join(parts)


def _json_problem(err: Any) -> str:
    where, value = _json_where(tuple(err["loc"])), err.get("input")
    fix = "times are seconds from the start of the answer"
    if err["type"] == "finite_number":
        return f"{where} is {value}, not a finite number; {fix}"
    if err["type"] == "less_than_equal" and isinstance(value, (int, float)):
        return f"{where} is {value:g} s, past 24 hours ({MAX_TIME_S:g} s); {fix}"
    if err["type"] == "greater_than_equal" and isinstance(value, (int, float)):
        return f"{where} is {value:g}, a negative time; {fix}, from 0"
    if err["type"] == "value_error":  # our own validators say what they got
        return f"{where}: {err['msg'].removeprefix('Value error, ')}"
    return f"{where}: {err['msg']}" if where else err["msg"]


_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


def read_text(path: Path, wpm: float = DEFAULT_WPM) -> Transcript:
    """Plain text has no timings: estimate them at `wpm`, one cue per sentence."""
    text = _decode(path)
    return estimate_timings(text, wpm, source=str(path))


def estimate_timings(text: str, wpm: float = DEFAULT_WPM, source: str | None = None) -> Transcript:
    if not (math.isfinite(wpm) and wpm > 0):
        raise TranscriptError(f"{source}: {wpm:g} is not a speaking rate; give words per minute, about 150")
    cues: list[Cue] = []
    t = 0.0
    for sentence in _SENTENCE.split(text):
        sentence = " ".join(sentence.split())
        if not sentence:
            continue
        dur = len(sentence.split()) * 60.0 / wpm
        if t + dur > MAX_TIME_S:
            words = len(text.split())
            raise TranscriptError(
                f"{source}: {words} words at {wpm:g} words per minute would take past 24 hours to say, "
                "longer than any interview; split the file, or give the real speaking rate"
            )
        cues.append(Cue(start_s=round(t, 3), end_s=round(t + dur, 3), text=sentence))
        t += dur
    if not cues:
        raise TranscriptError(f"{source}: no words found")
    return Transcript(cues=cues, timing="estimated", source=source)


READERS = {".vtt": read_vtt, ".srt": read_srt, ".json": read_json, ".txt": read_text}


def read_transcript(path: Path, wpm: float = DEFAULT_WPM) -> Transcript:
    suffix = path.suffix.lower()
    if path.is_dir():
        raise TranscriptError(f"{path}: is a directory; give a transcript file")
    if suffix not in READERS:
        raise TranscriptError(f"{path}: unknown transcript type '{suffix}'; use .vtt, .srt, .json or .txt")
    if suffix == ".txt":
        return read_text(path, wpm)
    return READERS[suffix](path)


def _stamp(seconds: float, sep: str) -> str:
    ms = int(round(seconds * 1000))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def to_vtt(transcript: Transcript, notes: list[tuple[float, str]] | None = None) -> str:
    """WebVTT with a `<v Speaker>` tag where the speaker is known; `notes` become NOTE blocks
    placed in time order (timing markers such as the end of the signal window)."""
    out = ["WEBVTT", ""]
    pending = sorted(notes or [])
    for cue in transcript.cues:
        while pending and pending[0][0] <= cue.start_s:
            out += [f"NOTE {_stamp(pending[0][0], '.')} {pending.pop(0)[1]}", ""]
        text = cue.text.replace("-->", "->")
        if cue.speaker:
            text = f"<v {cue.speaker}>{text}"
        out += [f"{_stamp(cue.start_s, '.')} --> {_stamp(cue.end_s, '.')}", text, ""]
    for at, note in pending:
        out += [f"NOTE {_stamp(at, '.')} {note}", ""]
    return "\n".join(out)


def to_srt(transcript: Transcript) -> str:
    out = []
    for i, cue in enumerate(transcript.cues, start=1):
        text = f"{cue.speaker}: {cue.text}" if cue.speaker else cue.text
        out += [str(i), f"{_stamp(cue.start_s, ',')} --> {_stamp(cue.end_s, ',')}", text, ""]
    return "\n".join(out)


def to_json(transcript: Transcript) -> str:
    return transcript.model_dump_json(indent=2)


def words_of(cue: Cue) -> list[Word]:
    """The cue's words with times: measured where present, else spread evenly over the cue."""
    if cue.words:
        return cue.words
    tokens = cue.text.split()
    if not tokens:
        return []
    step = (cue.end_s - cue.start_s) / len(tokens)
    return [
        Word(start_s=cue.start_s + i * step, end_s=cue.start_s + (i + 1) * step, text=tok)
        for i, tok in enumerate(tokens)
    ]


def word_starts(cue: Cue) -> list[float]:
    """When each word of the cue starts: `[w.start_s for w in words_of(cue)]`, without building
    a Word for each (the per-minute rate of a long transcript made hundreds of thousands)."""
    if cue.words:
        return [w.start_s for w in cue.words]
    count = len(cue.text.split())
    step = (cue.end_s - cue.start_s) / count if count else 0.0
    return [cue.start_s + i * step for i in range(count)]
