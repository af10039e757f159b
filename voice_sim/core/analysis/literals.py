"""Which literals a regex needs to match at all, and which of them a text holds.

The lexicon's patterns are long alternations, and Python's `re` tries every alternative at every
position of a text; but almost every alternative needs some literal ("bet", "hypothes", "problem")
that most passages lack. `needed()` reads those literals off the parsed pattern; `present()` finds
which of the known literals a text holds, for all patterns at once. prefilter.py uses both to skip
searches that cannot match. This module must never guess: a construct it does not fully
understand (IGNORECASE, a class with ranges, a category such as \\d) requires no literal, so a
pattern made only of such things is always searched.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

try:  # the parser behind re.compile; private, so a Python that moves it just loses the speed-up
    _c: Any = importlib.import_module("re._constants")
    sre_parse: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    sre_parse = None

Literals = frozenset[str]
Needs = tuple[Literals, ...]  # every match contains one literal of each of these sets
MAX_CLAUSES = 4  # the most selective sets are kept; checking more costs more than it saves
MEMORY = 2048  # texts remembered; forgotten all at once when full
WORDS = 50_000  # words remembered; likewise


class _Unsupported(Exception):
    """A construct whose literals cannot be read safely."""


# --- what a pattern needs --------------------------------------------------------------------------


def needed(pattern: str, flags: int = 0, parsed: Any = None) -> Needs | None:
    """Sets of strings such that every match of `pattern` contains one string of each set, or None
    when none can be named. `parsed` (from sre_parse.parse) saves parsing the pattern again."""
    if sre_parse is None or flags & (re.IGNORECASE | re.LOCALE):
        return None
    try:
        parsed = parsed if parsed is not None else sre_parse.parse(pattern, flags)
        if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
            return None
        clauses = _sequence(list(parsed))
    except (_Unsupported, re.error, RecursionError):
        return None
    unique = sorted(set(map(minimal, clauses)), key=_selectivity, reverse=True)
    return tuple(unique[:MAX_CLAUSES]) or None


def minimal(found: Literals) -> Literals:
    """Without the literals that contain another of the set: the shorter one is found anyway."""
    return frozenset(s for s in found if not any(o != s and o in s for o in found))


def _selectivity(found: Literals) -> tuple[int, int]:
    return min(map(len, found)), -len(found)


def _sequence(items: list[tuple[Any, Any]]) -> list[Literals]:
    """Every part of a sequence is in each match, so each part's literals are needed."""
    clauses: list[Literals] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # takes no characters: the letters on either side are next to each other
        if run:
            clauses.append(frozenset(["".join(run)]))
            run = []
        clauses += _item(op, av)
    if run:
        clauses.append(frozenset(["".join(run)]))
    return clauses


def _item(op: Any, av: Any) -> list[Literals]:
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, body = av
        if add_flags & (re.IGNORECASE | re.LOCALE):
            raise _Unsupported
        return _sequence(list(body))
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, body = av
        return _sequence(list(body)) if low >= 1 else []
    if op is _c.BRANCH:
        # One alternative matches, so its most selective set will do; the union covers them all.
        union: set[str] = set()
        for branch in av[1]:
            clauses = _sequence(list(branch))
            if not clauses:
                return []  # this alternative can match without any literal
            union |= max(clauses, key=lambda found: _selectivity(frozenset(found)))
        return [frozenset(union)]
    if op is _c.IN and all(kind is _c.LITERAL for kind, _ in av):
        return [frozenset(chr(v) for _, v in av)]
    return []  # \s, ., classes with ranges or categories, back-references: nothing required


def lacks(needs: Needs | None, held: Literals) -> bool:
    """True when `held` misses every literal of one of the needed sets: no match is possible."""
    if needs is not None:
        for clause in needs:  # a loop, not any(): this runs hundreds of thousands of times
            if clause.isdisjoint(held):
                return True
    return False


def lacks_in(needs: Needs, text: str) -> bool:
    """lacks(), asking the text itself: cheaper than present() for a few literals and a text
    looked at once."""
    for clause in needs:
        for literal in clause:
            if literal in text:
                break
        else:
            return True
    return False


# --- what a text holds -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scanner:
    """What present() reads, built in one piece so another thread never sees half of it."""

    regex: re.Pattern[str]  # a trie of the literals without white space, tried at every position
    prefixes: dict[str, Literals]  # each such literal, and those it starts with
    spaced: dict[str, list[str]]  # literals with white space, by their longest word
    pieces: Literals  # those longest words
    blank: tuple[str, ...]  # literals of white space alone


class Known:
    """Every literal some filtered pattern needs, and which of them a text holds.

    A literal without white space lies inside one word of the text (a run between white space),
    and a transcript uses a few thousand distinct words, so the literals in each word are found
    once and remembered: a text holds the literals of its words, plus the literals with a space
    ("you know", "as long as") that are in it, looked for only when the text holds their longest
    word. Within a word, one regex shaped as a trie of the literals, tried at every position
    through a lookahead, reports the longest literal starting there; any other literal starting
    there is a prefix of that one, so prefixes are added back.
    """

    def __init__(self) -> None:
        self.literals: set[str] = set()
        self._scanner: _Scanner | None = None
        self.texts: dict[str, Literals] = {}
        self._words: dict[str, Literals] = {}

    def add(self, literals: Iterable[str]) -> None:
        new = set(literals) - self.literals
        if new:
            self.literals |= new
            self._scanner = None
            self.forget()

    def forget(self) -> None:
        self.texts, self._words = {}, {}

    def present(self, text: str) -> Literals:
        found = self.texts.get(text)
        if found is not None:
            return found
        scanner = self._scanner or self._build()
        if len(self._words) >= WORDS:
            self._words = {}
        words = self._words
        found = frozenset().union(
            *[words[w] if w in words else self._word(scanner, w) for w in set(text.split())]
        )
        if not found.isdisjoint(scanner.pieces):
            spaced = {s for piece in found & scanner.pieces for s in scanner.spaced[piece]}
            found = found.union(s for s in spaced if s in text)
        if scanner.blank:
            found = found.union(s for s in scanner.blank if s in text)
        if len(self.texts) >= MEMORY:
            self.texts = {}
        self.texts[text] = found
        return found

    def _word(self, scanner: _Scanner, word: str) -> Literals:
        found = frozenset().union(*(scanner.prefixes[m] for m in set(scanner.regex.findall(word))))
        self._words[word] = found
        return found

    def _build(self) -> _Scanner:
        plain = {w for w in self.literals if w.split() == [w]}
        spaced: dict[str, list[str]] = {}
        for literal in self.literals - plain:
            if literal.split():
                piece = max(literal.split(), key=len)
                spaced.setdefault(piece, []).append(literal)
                plain.add(piece)
        trie: dict[str, Any] = {}
        for word in plain:
            node = trie
            for ch in word:
                node = node.setdefault(ch, {})
            node[""] = {}
        prefixes = {}
        for word in plain:  # the literals met on the way down to `word` are its prefixes
            node, ends = trie, []
            for i, ch in enumerate(word, 1):
                node = node[ch]
                if "" in node:
                    ends.append(word[:i])
            prefixes[word] = frozenset(ends)
        self._scanner = _Scanner(
            re.compile(f"(?=({_trie(trie)}))"), prefixes, spaced, frozenset(spaced),
            tuple(w for w in self.literals if not w.split()),
        )
        return self._scanner


def _trie(node: dict[str, Any]) -> str:
    alternatives = [re.escape(ch) + _trie(sub) for ch, sub in sorted(node.items()) if ch]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return f"(?:{body})?" if "" in node else body  # greedy: the longer literal first


KNOWN = Known()


def present(text: str) -> Literals:
    """The known literals `text` holds."""
    return KNOWN.present(text)
