"""One automaton pass over an article for the word lists of several stages.

The firms' well-known short names (companies.py), the project head words (projects.py) and the
key words whose clauses a pattern is searched in (TextIndex.clauses_holding) are looked for in
the same text, one stage after the other. Each list is registered here under a key; the first
`hits(text, key)` of a text runs one automaton over every list and keeps the occurrences of all
of them, so the other asks cost nothing (six passes over each article became one).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Hashable, Iterator

import ahocorasick_rs

Hit = tuple[int, int, int]  # (index of the word in its list, start, end)

_LISTS: dict[Hashable, Callable[[], list[str]]] = {}
_automaton: tuple[ahocorasick_rs.AhoCorasick, list[tuple[Hashable, int]]] | None = None
_last: tuple[str, dict[Hashable, list[Hit]]] | None = None  # the last text asked about, its hits
_starts_of: dict[Hashable, list[int]] = {}  # the last text's sorted starts of a list's words
_SURROGATE = re.compile("[\ud800-\udfff]")


def register(key: Hashable, words: Callable[[], list[str]]) -> None:
    """Add a word list (given by a function: read when the automaton is first built)."""
    global _automaton, _last
    _LISTS[key] = words
    _automaton = _last = None


def registered(key: Hashable) -> bool:
    """Whether a word list is registered under `key`."""
    return key in _LISTS


def _build() -> tuple[ahocorasick_rs.AhoCorasick, list[tuple[Hashable, int]]]:
    words: list[str] = []
    owner: list[tuple[Hashable, int]] = []  # for each word of the automaton: (list, index)
    for key, get in _LISTS.items():
        for k, w in enumerate(get()):
            words.append(w)
            owner.append((key, k))
    # ahocorasick_rs (Rust, DFA) over str gives character offsets
    auto = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard,
                                      implementation=ahocorasick_rs.Implementation.DFA)
    return auto, owner


def hits(text: str, key: Hashable) -> list[Hit]:
    """Every occurrence (overlapping) of the words of list `key` in `text`, as (index in the
    list, start, end), in the automaton's order."""
    global _automaton, _last
    last = _last
    if last is not None and last[0] is text:
        return last[1][key]
    if _automaton is None:
        _automaton = _build()
    auto, owner = _automaton
    try:
        found = auto.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:
        # lone surrogates: one stand-in character each keeps every offset
        found = auto.find_matches_as_indexes(_SURROGATE.sub("\ufffd", text), overlapping=True)
    out: dict[Hashable, list[Hit]] = {n: [] for n in _LISTS}
    for i, start, end in found:
        n, k = owner[i]
        out[n].append((k, start, end))
    _last = (text, out)
    _starts_of.clear()
    return out[key]


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
    found = hits(text, key)
    last = _last
    cache = _starts_of if last is not None and last[0] is text else {}
    got = cache.get(key)
    if got is None:
        got = cache[key] = sorted({h[1] for h in found})
    return got
