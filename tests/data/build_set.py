"""Turn a labelled set's answers.json into WebVTT answers and labels.json.

    python3 tests/data/build_set.py tests/data/holdout5 [more set folders ...]

answers.json is what the set's author wrote: per answer, cues of text with tags (H, C, L, M, T,
ap:<code>), hedge phrases, an optional speaker ("interviewer") and pause. Timings are made here,
deterministically (seeded by the answer id), at the answer's words per minute; panel lines are
spoken at 165 wpm and carry a `<v Interviewer>` voice tag. In half the answers with a panel line
(chosen by the seed) the candidate's lines carry `<v Candidate>`, in the other half no tag, as
imported transcripts come both ways.

labels.json per file: domain, window_s, duration_s, signals.<name>.{present, first_at_s},
anti_patterns [{code, at_s}], hedges [{text, at_s}], tagged [{at_s, tags}] (every candidate cue
that makes a statement, for sentence-level scoring and training), level, persona, notes; delivery
sets (answers with `fillers`) add fillers and checkins [{text, at_s}], repeats [{phrase, count}] and
first_substantive_at_s. A cue may carry its own `wpm`.
The script only reads answers.json and rewrites the same bytes on every run.
"""

from __future__ import annotations

import json
import random
import sys
import zlib
from pathlib import Path

WINDOW_S = 600.0
SHORT = {"H": "hypothesis", "C": "constraint", "L": "lever", "M": "metric_tie", "T": "tradeoff"}
AP_CODES = ("tech_without_rationale", "defers_to_engineering", "dismisses_latency",
            "scale_without_business_tie")
PANEL_WPM = 165.0
DELIVERY_KEYS = {"fillers", "checkins", "repeats"}


def stamp(t: float) -> str:
    ms = int(round(t * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def build_answer(answer: dict) -> tuple[str, dict]:
    rng = random.Random(zlib.crc32(answer["id"].encode()))
    wpm = float(answer.get("wpm") or 150)
    has_panel = any(c.get("speaker") == "interviewer" for c in answer["cues"])
    tag_candidate = has_panel and rng.random() < 0.5
    t = 0.5 + rng.random()
    lines = ["WEBVTT", ""]
    signals = {s: {"present": False, "first_at_s": None} for s in SHORT.values()}
    anti, hedges, tagged, fillers, checkins = [], [], [], [], []
    substantive = None
    for cue in answer["cues"]:
        text = " ".join(cue["text"].split())
        if not text:
            continue
        pause = cue.get("pause")
        t += float(pause) if pause is not None else rng.uniform(0.15, 0.9)
        panel = cue.get("speaker") == "interviewer"
        words = len(text.split())
        rate = float(cue.get("wpm") or wpm)  # a cue may override the answer's rate
        dur = max(0.6, words / (PANEL_WPM if panel else rate * rng.uniform(0.92, 1.08)) * 60)
        start, end = round(t, 3), round(t + dur, 3)
        voice = "<v Interviewer>" if panel else ("<v Candidate>" if tag_candidate else "")
        lines += [f"{stamp(start)} --> {stamp(end)}", voice + text, ""]
        t = end
        if panel:
            continue
        tags = [g for g in cue.get("tags", []) if g]
        for g in tags:
            if g in SHORT and not signals[SHORT[g]]["present"]:
                signals[SHORT[g]] = {"present": True, "first_at_s": start}
            elif g.startswith("ap:"):
                anti.append({"code": g[3:], "at_s": start})
        for h in cue.get("hedges", []) or []:
            hedges.append({"text": h, "at_s": start})
        fillers += [{"text": f, "at_s": start} for f in cue.get("fillers", []) or []]
        checkins += [{"text": k, "at_s": start} for k in cue.get("checkins", []) or []]
        if substantive is None and set(tags) & {"H", "C", "L"}:
            substantive = start
        if tags or cue.get("hedges"):
            tagged.append({"at_s": start, "tags": sorted(tags + (["hedge"] if cue.get("hedges") else []))})
    label = {
        "domain": answer.get("domain", ""),
        "window_s": WINDOW_S,
        "duration_s": round(t, 3),
        "signals": signals,
        "anti_patterns": anti,
        "hedges": hedges,
        "tagged": tagged,
        **({"fillers": fillers, "checkins": checkins, "repeats": answer.get("repeats", []),
            "first_substantive_at_s": substantive} if DELIVERY_KEYS & {k for c in answer["cues"] for k in c}
           | set(answer) else {}),
        "level": answer.get("level"),
        "persona": answer.get("persona"),
        "notes": answer.get("notes", ""),
    }
    return "\n".join(lines), label


def check(answer: dict) -> list[str]:
    problems = []
    for n, cue in enumerate(answer.get("cues", [])):
        for g in cue.get("tags", []) or []:
            if g not in SHORT and not (g.startswith("ap:") and g[3:] in AP_CODES):
                problems.append(f"{answer['id']} cue {n}: unknown tag {g!r}")
        if cue.get("speaker") == "interviewer" and cue.get("tags"):
            problems.append(f"{answer['id']} cue {n}: a panel line carries tags")
        for h in cue.get("hedges", []) or []:
            if h.lower() not in cue["text"].lower():
                problems.append(f"{answer['id']} cue {n}: hedge {h!r} is not in the text")
    return problems


def build(folder: Path) -> None:
    answers = json.loads((folder / "answers.json").read_text())
    labels, problems = {}, []
    for answer in answers:
        problems += check(answer)
        vtt, label = build_answer(answer)
        name = f"{answer['id']}.vtt"
        (folder / name).write_text(vtt)
        labels[name] = label
    (folder / "labels.json").write_text(json.dumps(labels, indent=2) + "\n")
    print(f"{folder}: {len(answers)} answers, {len(problems)} problems")
    for p in problems:
        print("  " + p)


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        build(Path(arg))
