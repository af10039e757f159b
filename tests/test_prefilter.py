"""The prefilter (core/analysis/prefilter.py) changes how long the analyzer's regexes take, never
what they answer: every filtered pattern gives the plain regex's matches on texts from the
labelled answers, as passages, joined pairs, raw sentences and long unpunctuated runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from voice_sim.core.analysis import features, prefilter, statements
from voice_sim.core.analysis.alternation import alternatives, literal_first
from voice_sim.core.analysis.literals import KNOWN, needed, present
from voice_sim.core.analysis.prefilter import Prefiltered, compile_filtered
from voice_sim.core.models import Transcript
from voice_sim.core.transcripts import read_vtt

DATA = Path(__file__).parent / "data"


def _texts() -> list[str]:
    passages = []
    for path in sorted(DATA.glob("*/*.vtt"))[::15]:
        try:
            passages += features.passages_of(Transcript(cues=read_vtt(path).cues))
        except Exception:  # noqa: BLE001 - a fixture meant to be broken
            continue
    texts = [p.text for p in passages] + [p.raw for p in passages[::3]]
    texts += [f"{a.text} {b.text}" for a, b in zip(passages[::5], passages[1::5], strict=False)]
    flat = re.sub(r"[.!?]", "", " ".join(p.raw for p in passages[:1500])).split()
    texts += [" ".join(flat[i : i + 60]).lower() for i in range(0, len(flat), 60)]
    texts += ["", "we", "i'd bet the hypothesis is", "no caching, not sure, 200 ms"]
    return texts


TEXTS = _texts()


def spans(matches) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    return [(m.start(), m.end(), m.group(0)) for m in matches if m is not None]


@pytest.mark.parametrize("regex", prefilter._FILTERED, ids=lambda r: r.pattern[:40])
def test_same_answers_as_the_plain_regex(regex: Prefiltered) -> None:
    prefilter.forget()
    plain = re.compile(regex.pattern, regex.flags)
    for text in TEXTS:
        assert spans([regex.search(text)]) == spans([plain.search(text)]), text
        assert spans([regex.match(text)]) == spans([plain.match(text)]), text
        assert spans(regex.finditer(text)) == spans(plain.finditer(text)), text
        assert regex.sub("_", text) == plain.sub("_", text), text
        assert spans([regex.search(text)]) == spans([plain.search(text)]), text  # remembered


def test_the_analyzer_patterns_are_filtered() -> None:
    # So the test above covers what the analyzer runs: its big patterns go through the prefilter.
    for regex in (statements.HYPOTHESIS, statements.TRADEOFF, statements.METRIC, statements.LEVER,
                  statements.NEGATED_BEFORE, features.HEDGE):
        assert isinstance(regex, Prefiltered) and regex in prefilter._FILTERED


@pytest.mark.parametrize("pattern, flags, needs", [
    (r"\bbet\b", 0, [{"bet"}]),
    (r"\b(?:my|our)\s+(?:bet|thesis)\s*[:,]", 0, [{"bet", "thesis"}, {"my", "our"}, {":", ","}]),
    (r"caching|cach(?:e|ed)", 0, [{"cach"}, {"ing", "e"}]),  # the parser factors out "cach"
    (r"\bbet\b", re.IGNORECASE, None),  # case folding: no literal is safe
    (r"(?i:bet)", 0, None),
    (r"\d+\s*ms", 0, [{"ms"}]),
    (r"(?:\d+\s*)?ms", 0, [{"ms"}]),
    (r"\w+ing|\d", 0, None),  # an alternative with no literal
    (r"(?<!not )cache", 0, [{"cache"}]),  # a lookbehind adds nothing
    (r"x{0,3}", 0, None),
    (r"[a-z]at", 0, [{"at"}]),
])
def test_needed(pattern: str, flags: int, needs: list[set[str]] | None) -> None:
    got = needed(pattern, flags)
    assert (None if got is None else sorted(map(set, got), key=sorted)) == (
        None if needs is None else sorted(needs, key=sorted))


@pytest.mark.parametrize("source, parts", [
    (r"a|b", ["a", "b"]),
    (r"\b(?:a|b)\b", [r"\b(?:a)\b", r"\b(?:b)\b"]),
    (r"[|]a|\|b", ["[|]a", r"\|b"]),
    (r"[]|]x|c", ["[]|]x", "c"]),
    (r"\b(?:a|b)x(?:c|d)", None),  # the first group closes before the end
    (r"(a|b)", None),  # capturing
    (r"^(?:a|b)?", None),  # a quantifier after the group
    (r"abc", None),
])
def test_alternatives(source: str, parts: list[str] | None) -> None:
    assert alternatives(source) == parts


def test_an_alternative_that_matches_everywhere_keeps_the_leftmost_match() -> None:
    regex = compile_filtered([r"\bzebra\b", r"\w+"])
    assert regex.search("a zebra").group(0) == "a"
    assert [m.group(0) for m in regex.finditer("a zebra")] == ["a", "zebra"]
    first = compile_filtered([r"zeb", r"zebra"])
    assert first.search("zebra").group(0) == "zeb"  # on a tie, the first alternative


@pytest.mark.parametrize("source, written", [
    (r"\bcost\b", r"c(?<=\bc)ost\b"),
    (r"\b(?:my|our)\s+bet", r"(?:m(?<=\bm)y|o(?<=\bo)ur)\s+bet"),
    (r"\bc?at", r"\bc?at"),  # the letter is optional: left alone
    (r"\b(?:a|[b]c)x", r"\b(?:a|[b]c)x"),  # an alternative not led by a letter: left alone
    (r"\b\d+", r"\b\d+"),
])
def test_literal_first(source: str, written: str) -> None:
    assert literal_first(source) == written
    for text in ("cost", "a cost", "acost", "my bet", "army bet", "cat", "at", "ax", "bcx", "12"):
        a, b = re.search(source, text), re.search(written, text)
        assert (a and a.span()) == (b and b.span())


def test_present_finds_every_known_literal_a_text_holds() -> None:
    for text in TEXTS[::10] + ["you know, as long as it  works", "\tx y"]:
        assert present(text) >= {lit for lit in KNOWN.literals if lit in text}, text
