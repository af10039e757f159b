"""Rewrite a regex's source into equal patterns that `re` searches faster.

`alternatives()` splits an alternation into its alternatives, so prefilter.py can run only those
whose literals a text holds. `literal_first()` moves a leading \\b behind the letter it guards,
because `re` skips ahead to a pattern's first letter only when the pattern starts with one, and
the lexicon's patterns all start with \\b. Each rewrite is exact (the docstrings say why); the
patterns it does not recognise are left as they are. Nothing here runs a regex on text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ANCHORS = r"(?:\\[bBAZ]|\^|\$)*"  # zero-width, and each matches in one way only
_WRAPPED = re.compile(rf"({_ANCHORS})\(\?:(.*)\)({_ANCHORS})", re.DOTALL)
_LED = re.compile(r"\\b(\(\?:)?")
_LETTER = re.compile(r"[a-z0-9'](?![?*+{])")


def alternatives(source: str) -> list[str] | None:
    """The alternatives of a pattern that is an alternation, as patterns of their own, else None.

    "A|B" gives A and B. So does "P(?:A|B)S" when P and S are only anchors (\\b, ^, $): as P and
    S match in one way only, trying A then B inside them is trying PAS then PBS.
    """
    bars = _bars(source)
    if bars:
        return _cut(source, bars)
    wrapped = _WRAPPED.fullmatch(source)
    if wrapped:
        head, body, tail = wrapped.groups()
        bars = _bars(body)
        if bars:  # None also when the group closes before the end ("(?:a|b)x(?:c)")
            return [f"{head}(?:{alt}){tail}" for alt in _cut(body, bars)]
    return None


def literal_first(source: str) -> str:
    """The same pattern, written to start with a letter when it starts with \\b and a letter.

    "\\bcost" becomes "c(?<=\\bc)ost": a "c", then a look back that it began a word, which is
    what \\b said; "\\b(?:ab|cd)" becomes "(?:a(?<=\\ba)b|c(?<=\\bc)d)", since a \\b before a
    group applies to each of its alternatives. Anything else is returned as it was.
    """
    led = _LED.match(source)
    if led is None:
        return source
    if not led.group(1):
        return _lead(source[2:]) or source
    end = _group_end(source, led.end())
    if end is None:
        return source
    body = source[led.end() : end]
    leads = [_lead(alt) for alt in _cut(body, _bars(body) or [])]
    if not all(leads):
        return source
    return "(?:" + "|".join(lead for lead in leads if lead) + source[end:]


def _lead(source: str) -> str | None:
    """`source` (which follows a \\b) starting with its letter, or None if it does not start so."""
    letter = _LETTER.match(source)
    if letter is None:
        return None
    c = letter.group(0)
    return f"{c}(?<=\\b{c})" + source[1:]


def _cut(source: str, bars: list[int]) -> list[str]:
    return [source[a + 1 : b] for a, b in zip([-1, *bars], [*bars, len(source)], strict=True)]


def _skip_class(source: str, i: int) -> int:
    """The index just past the class that opens at source[i] ("[]a]" and "[^]a]" included)."""
    i += 2 if source[i + 1 : i + 2] == "^" else 1
    i += 1 if source[i : i + 1] == "]" else 0
    while i < len(source) and source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i + 1


def _structure(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each ( ) and | of `source` from `start`, outside escapes and character classes, with the
    group depth before it: the one walk _bars and _group_end share."""
    depth, i = 0, start
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _skip_class(source, i)
            continue
        if ch in "()|":
            yield i, ch, depth
            depth += {"(": 1, ")": -1}.get(ch, 0)
        i += 1


def _bars(source: str) -> list[int] | None:
    """Where the |s outside every group and class are; None if a ) closes a group opened before
    `source` (or the text is not a whole pattern)."""
    bars: list[int] = []
    after = 0  # the depth after the last bracket seen
    for i, ch, depth in _structure(source):
        if ch == ")" and depth == 0:
            return None
        if ch == "|" and depth == 0:
            bars.append(i)
        after = depth + {"(": 1, ")": -1}.get(ch, 0)
    return bars if after == 0 else None


def _group_end(source: str, start: int) -> int | None:
    """Where the ) closing the group whose body begins at `start` is."""
    return next((i for i, ch, depth in _structure(source, start) if ch == ")" and depth == 0), None)
