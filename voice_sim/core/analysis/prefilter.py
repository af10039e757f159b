"""Regexes that skip the searches that cannot match, with the answers of the plain regex.

The rules run about sixty lexicon patterns over each passage, and Python's `re` tries every
alternative of a pattern at every position of the text: a 1 MB transcript took 12 s to analyze,
most of it in searches that found nothing. A `Prefiltered` pattern answers "no match" at once
when the text lacks the literals it needs (literals.py), runs only the alternatives of an
alternation whose literals are there, each written to start with its letter (alternation.py),
and remembers its answers per text for a while, since several detectors ask about the same
passage. The answers are the plain regex's in every case; only the time changes, and
tests/test_prefilter.py compares both on texts from every labelled answer set.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from voice_sim.core.analysis.alternation import alternatives, literal_first
from voice_sim.core.analysis.literals import (
    KNOWN,
    MEMORY,
    Needs,
    lacks,
    lacks_in,
    minimal,
    needed,
    sre_parse,
)

_UNSEEN = object()


class _Branch:
    """One alternative of an alternation, compiled on first use."""

    __slots__ = ("source", "flags", "needs", "rest", "_regex")

    def __init__(self, source: str, flags: int, parsed: Any) -> None:
        self.source, self.flags = source, flags
        self._regex: re.Pattern[str] | None = None
        self.needs = needed(source, flags, parsed)
        self.rest = self.needs[1:] if self.needs else ()  # the sets after the first (indexed)
        KNOWN.add(lit for clause in self.needs or () for lit in clause)

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(literal_first(self.source), self.flags)
        return self._regex


class Prefiltered:
    """A pattern that skips the searches that cannot match. Offers the methods the analyzer uses
    (search, match, finditer, findall, sub); anything else goes to the compiled pattern.

    With `branches` (the alternatives of an alternation), it runs only the alternatives whose
    literals the text holds. That is the same search: at each position an alternation takes the
    first alternative that matches there, and an alternative that matches nowhere never decides
    anything, so the earliest match among the possible alternatives (the first of them on a tie)
    is the alternation's match.
    """

    __slots__ = ("_regex", "pattern", "flags", "needs", "branches", "_few", "_index", "_keys",
                 "_always", "_first", "_all")
    FEW = 16  # literals or fewer: ask a text not yet scanned directly rather than scan it

    def __init__(self, source: str, flags: int = 0, branches: list[str] | None = None) -> None:
        self.pattern, self.flags = source, flags
        self.branches = self._split(branches)
        # Split, the whole pattern only serves when every alternative may match: compiled then.
        self._regex: re.Pattern[str] | None = None if self.branches else re.compile(literal_first(source), flags)
        if self.branches and all(b.needs for b in self.branches):
            # One alternative matches: the union of their most selective sets is needed.
            self.needs: Needs | None = (minimal(frozenset().union(*(b.needs[0] for b in self.branches if b.needs))),)
        else:
            self.needs = needed(source, flags)
        KNOWN.add(lit for clause in self.needs or () for lit in clause)
        self._few = self.needs is not None and sum(map(len, self.needs)) <= self.FEW
        # The alternatives each literal of their most selective set may let match, so that those
        # possible in a text come from a few set operations rather than a check of each.
        self._index: dict[str, set[int]] = {}
        for i, branch in enumerate(self.branches or ()):
            for literal in branch.needs[0] if branch.needs else ("",):
                self._index.setdefault(literal, set()).add(i)
        self._always = frozenset(self._index.pop("", ()))  # alternatives that need no literal
        self._keys = frozenset(self._index)
        self._first: dict[str, re.Match[str] | None] = {}  # search(text), remembered
        self._all: dict[str, list[re.Match[str]]] = {}  # finditer(text), remembered
        _FILTERED.append(self)

    def _split(self, branches: list[str] | None) -> list[_Branch] | None:
        # Group numbers would change with the alternatives left out, and an alternative that can
        # match the empty string would make finditer's stepping subtle: keep the whole pattern then.
        if not branches or len(branches) < 2 or sre_parse is None:
            return None
        try:
            parsed = [sre_parse.parse(b, self.flags) for b in branches]
        except re.error:
            return None
        if any(p.state.groups > 1 or p.getwidth()[0] == 0 for p in parsed):
            return None
        return [_Branch(b, self.flags, p) for b, p in zip(branches, parsed, strict=True)]

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(self.pattern, self.flags)
        return self._regex

    def hopeless(self, text: str) -> bool:
        """True when the text lacks every literal of a set the pattern needs: no match in it, nor
        in any part of it."""
        needs = self.needs
        if needs is None:
            return False
        held = KNOWN.texts.get(text)  # (the analyzer's hot path: no call that can be avoided)
        if held is None:
            if self._few:
                return lacks_in(needs, text)
            held = KNOWN.present(text)
        for clause in needs:
            if clause.isdisjoint(held):
                return True
        return False

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        if args:
            return self.regex.search(text, *args)
        found = self._first.get(text, _UNSEEN)
        if found is not _UNSEEN:
            return found  # type: ignore[return-value]
        if len(self._first) >= MEMORY:
            self._first.clear()
        needs = self.needs
        if needs is not None:  # hopeless(), inlined: this is the analyzer's busiest line
            held = KNOWN.texts.get(text)
            if held is None:
                if self._few:
                    if lacks_in(needs, text):
                        self._first[text] = None
                        return None
                    held = None
                else:
                    held = KNOWN.present(text)
            if held is not None:
                for clause in needs:
                    if clause.isdisjoint(held):
                        self._first[text] = None
                        return None
        found = self._first[text] = self._search(text)
        return found

    def _possible(self, text: str) -> list[_Branch] | None:
        """The alternatives that may match, or None when all may (run the whole pattern)."""
        if self.branches is None:
            return None
        held = KNOWN.texts.get(text)
        if held is None:
            held = KNOWN.present(text)
        index, branches = self._index, self.branches
        first = set(self._always)
        for literal in held & self._keys:
            first |= index[literal]
        possible = []
        for i in sorted(first):  # in order: on a tie the first alternative wins
            branch = branches[i]
            if not branch.rest or not lacks(branch.rest, held):
                possible.append(branch)
        return None if len(possible) == len(branches) else possible

    def _search(self, text: str, pos: int = 0, possible: Any = _UNSEEN) -> re.Match[str] | None:
        if possible is _UNSEEN:
            possible = self._possible(text)
        if possible is None:
            return self.regex.search(text, pos)
        best = None
        for branch in possible:
            m = branch.regex.search(text, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        if args:
            return self.regex.match(text, *args)
        if self.hopeless(text):
            return None
        possible = self._possible(text)
        if possible is None:
            return self.regex.match(text)
        return next((m for b in possible if (m := b.regex.match(text)) is not None), None)

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        if args:
            return self.regex.finditer(text, *args)
        found = self._all.get(text)
        if found is None:
            if len(self._all) >= MEMORY:
                self._all.clear()
            found = self._all[text] = [] if self.hopeless(text) else list(self._finditer(text))
        return iter(found)

    def _finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.branches is None:
            yield from self.regex.finditer(text)
            return
        pos, possible = 0, self._possible(text)
        # No alternative matches the empty string, so each match moves past the last.
        while (m := self._search(text, pos, possible)) is not None:
            yield m
            pos = m.end()

    def findall(self, text: str, *args: int) -> list[Any]:
        return [] if self.hopeless(text) else self.regex.findall(text, *args)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return text if self.hopeless(text) else self.regex.sub(repl, text, count)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.regex, name)

    def __repr__(self) -> str:
        return f"Prefiltered({self.pattern!r}, needs={self.needs!r})"


Regex = re.Pattern[str] | Prefiltered
_FILTERED: list[Prefiltered] = []


def compile_filtered(pattern: str | list[str], flags: int = 0) -> Regex:
    """re.compile, with the prefilter when the pattern needs a literal (else the plain pattern).
    A list is compiled as the alternation of its patterns, each alternative filtered on its own;
    so is a string that is an alternation (see alternation.alternatives())."""
    branches: list[str] | None
    if isinstance(pattern, list):
        source, branches = "|".join(f"(?:{p})" for p in pattern), pattern
    else:
        source, branches = pattern, alternatives(pattern)
    filtered = Prefiltered(source, flags, branches)
    if filtered.needs or filtered.branches:
        return filtered
    _FILTERED.remove(filtered)
    return re.compile(source, flags)


def may_match(regex: Regex, text: str) -> bool:
    """False only when `regex` certainly matches nowhere in `text`, nor in any part of it."""
    return not (isinstance(regex, Prefiltered) and regex.hopeless(text))


def forget() -> None:
    """Drop every remembered text and answer (to time a cold analysis)."""
    KNOWN.forget()
    for regex in _FILTERED:
        regex._first.clear()
        regex._all.clear()
