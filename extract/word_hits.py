"""One automaton pass over an article for the word lists of several stages.

The gazetteer's place names (places.py), the firms' well-known short names (companies.py), the
project head words (projects.py), the key words whose clauses a pattern is searched in
(TextIndex.clauses_holding) and a few more are looked for in the same text, one stage after the
other. Each list is registered here under a key; the first `hits(text, key)` of a text runs one
automaton over every list and keeps the occurrences of all of them, so the other asks cost
nothing (nine passes over each article became one).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Hashable, Iterator

import ahocorasick_rs

Hit = tuple[int, int, int]  # (index of the word in its list, start, end)

_LISTS: dict[Hashable, Callable[[], list[str]]] = {}
# the automaton, and for each of its words: the number of its list (in _LISTS' order) and its
# index there
_automaton: tuple[ahocorasick_rs.AhoCorasick, list[tuple[int, int]]] | None = None
# The last texts asked about, newest last: (text, its hits by list, sorted starts by list). A
# stage may ask about a title or a name between two asks about the article.
_recent: list[tuple[str, dict[Hashable, list[Hit]], dict[Hashable, list[int]]]] = []
_KEEP = 4
_SURROGATE = re.compile("[\ud800-\udfff]")
# Past this many words a DFA takes long to build and much memory (the gazetteer's ~40,000
# names): a contiguous NFA then.
_DFA_WORDS = 5000


def register(key: Hashable, words: Callable[[], list[str]]) -> None:
    """Add a word list (given by a function: read when the automaton is next built)."""
    global _automaton
    _LISTS[key] = words
    _automaton = None
    _recent.clear()


def prepare() -> None:
    """Build the automaton now (else on the first ask)."""
    global _automaton
    if _automaton is None:
        _automaton = _build()


def registered(key: Hashable) -> bool:
    """Whether a word list is registered under `key`."""
    return key in _LISTS


def _build() -> tuple[ahocorasick_rs.AhoCorasick, list[tuple[int, int]]]:
    words: list[str] = []
    owner: list[tuple[int, int]] = []
    for n, get in enumerate(_LISTS.values()):
        for k, w in enumerate(get()):
            words.append(w)
            owner.append((n, k))
    # ahocorasick_rs (Rust) over str gives character offsets
    kind = ahocorasick_rs.Implementation.DFA if len(words) <= _DFA_WORDS \
        else ahocorasick_rs.Implementation.ContiguousNFA
    auto = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard,
                                      implementation=kind)
    return auto, owner


def _entry(text: str) -> tuple[str, dict[Hashable, list[Hit]], dict[Hashable, list[int]]]:
    """The hits of every list in `text` (one automaton pass, kept for the last few texts)."""
    global _automaton
    for entry in reversed(_recent):
        if entry[0] is text:
            return entry
    if _automaton is None:
        _automaton = _build()
    auto, owner = _automaton
    try:
        found = auto.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:
        # lone surrogates: one stand-in character each keeps every offset
        found = auto.find_matches_as_indexes(_SURROGATE.sub("\ufffd", text), overlapping=True)
    lists: list[list[Hit]] = [[] for _ in _LISTS]
    for i, start, end in found:
        n, k = owner[i]
        lists[n].append((k, start, end))  # (by number: a list's key may be a long tuple)
    entry = (text, dict(zip(_LISTS, lists, strict=True)), {})
    _recent.append(entry)
    if len(_recent) > _KEEP:
        del _recent[0]
    return entry


def hits(text: str, key: Hashable) -> list[Hit]:
    """Every occurrence (overlapping) of the words of list `key` in `text`, as (index in the
    list, start, end), in the automaton's order."""
    return _entry(text)[1][key]


def matches(pattern: re.Pattern[str], text: str, key: Hashable,
            lo: int = 0, hi: int | None = None) -> Iterator[re.Match[str]]:
    """pattern.finditer(text, lo, hi), for a pattern whose every match opens with a word of
    list `key`: pattern.match is tried only where such a word starts, left to right, unless an
    earlier match covers the place (the same matches: finditer resumes after each one)."""
    if hi is None:
        hi = len(text)
    starts = _starts(text, key)
    last = lo
    match = pattern.match
    for k in range(bisect.bisect_left(starts, lo), len(starts)):
        start = starts[k]
        if start >= hi:
            break
        if start >= last:
            m = match(text, start, hi)
            if m is not None:
                yield m
                last = m.end()


def _starts(text: str, key: Hashable) -> list[int]:
    """The sorted distinct starts of list `key`'s words in `text` (kept with its hits)."""
    _, found, starts_of = _entry(text)
    got = starts_of.get(key)
    if got is None:
        got = starts_of[key] = sorted({h[1] for h in found[key]})
    return got
