"""Word-list regexes that `re` can search fast: `by_first_char(alternatives)` writes
`(?:a1|a2|…)` grouped by the alternatives' first character.

Why: `re` searches quickly only when every branch of a pattern opens with a literal
character (it then knows the set of characters a match can start with and skips every other
position in C). A branch that opens with a character class (`[的在是]`), a lookbehind
(`(?<!成)立项`) or an optional group loses that skip for the whole pattern, which is then tried
at every position: the stop words of name_edges.py cost 0.6 µs per character that way.
Grouping also means a position tries only the branches of its own character.

The grouped pattern matches exactly what the plain alternation matches: at any position only
the branches opening with that position's character can match, and within a group they keep
their order, so the branch `re` picks (the first that matches, then what follows) is the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

# An alternative opens with one literal character (maybe escaped: \( but not \d) or a class
# of plain characters ([东西南北]), not repeated; anything else (a lookbehind, a group, a
# range, x?) is refused.
_OPENING = re.compile(r"(?:\[([^\]\\^-]+)\]|\\(\W)|([^\\\[\](){}|?*+.^$]))(?![?*+{])")


def by_first_char(alternatives: Iterable[str], after: str = "") -> str:
    """`(?:a1|a2|…)` + `after`, written as one group per first character, each followed by
    `after` (a lookahead or the pattern's tail): c1(?:rest|rest)after|c2(?:rest)after|…

    Each alternative must open with a literal character or a class of literal characters
    (ValueError otherwise: put a lookbehind after the first character, 立(?<!成立)项)."""
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        m = _OPENING.match(alt)
        if m is None:
            raise ValueError(f"alternative does not open with a literal character: {alt!r}")
        chars = m.group(1) or m.group(2) or m.group(3)
        for c in chars:
            groups.setdefault(c, []).append(alt[m.end():])
    tail = f"(?:{after})" if after else ""
    parts = []
    for c, rests in groups.items():
        body = "(?:" + "|".join(rests) + ")" if len(rests) > 1 or "|" in rests[0] else rests[0]
        parts.append(re.escape(c) + body + tail)
    return "|".join(parts)


# -- an opening guard for patterns that cannot be grouped ------------------------------------
# A pattern whose branches open with groups, optional words or lookbehinds (the cue lists of
# roles.py and claims.py, with a capturing group per cue) is tried branch by branch at every
# position of the text it searches. `opening_guard` puts a lookahead on the characters a match
# can open with in front of it: a position that cannot open a match costs one class test.
# The characters are read from the parsed pattern, so a cue added to a list is covered.

try:  # (the parser of the re module: private, present in every version this package runs on)
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover
    _C = _P = None  # type: ignore[assignment]


def _class_char(code: int) -> str:
    c = chr(code)
    return "\\" + c if c in "\\]^-[" else c


def _first_of_seq(items: Any) -> tuple[set[str] | None, bool]:
    """The class items a match of the sequence can open with, and whether it can be empty
    (None: not known)."""
    acc: set[str] = set()
    for op, av in items:
        first, nullable = _first_of_item(op, av)
        if first is None:
            return None, False
        acc |= first
        if not nullable:
            return acc, False
    return acc, True


def _first_of_item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    if op is _C.LITERAL:
        return {_class_char(av)}, False
    if op is _C.IN:
        out = set()
        for o, a in av:
            if o is _C.LITERAL:
                out.add(_class_char(a))
            elif o is _C.RANGE:
                out.add(f"{_class_char(a[0])}-{_class_char(a[1])}")
            elif o is _C.CATEGORY and a in _CATEGORIES:
                out.add(_CATEGORIES[a])
            else:
                return None, False  # a negated class, \W…: anything may open the match
        return out, False
    if op is _C.BRANCH:
        acc: set[str] = set()
        nullable = False
        for alt in av[1]:
            first, empty = _first_of_seq(alt)
            if first is None:
                return None, False
            acc |= first
            nullable = nullable or empty
        return acc, nullable
    if op is _C.SUBPATTERN:
        if av[1] & re.IGNORECASE:
            return None, False  # (?i:…): the letters' other cases too
        return _first_of_seq(av[-1])
    if op is _C.MAX_REPEAT or op is _C.MIN_REPEAT:
        first, empty = _first_of_seq(av[2])
        return first, empty or av[0] == 0
    if op is _C.ASSERT or op is _C.ASSERT_NOT:
        return set(), True  # a lookaround consumes nothing: what follows opens the match
    return None, False  # ., anchors, back references…


_CATEGORIES = {} if _C is None else {
    _C.CATEGORY_DIGIT: r"\d", _C.CATEGORY_SPACE: r"\s", _C.CATEGORY_WORD: r"\w"}


def opening_chars(src: str) -> str | None:
    """The body of a character class ([…]) holding every character a match of `src` can open
    with; None when they are not known (a negated class or a dot first, a pattern that can
    match the empty string, a case-blind one)."""
    if _P is None:
        return None
    try:
        parsed = _P.parse(src)
        if parsed.state.flags & re.IGNORECASE:
            return None
        first, nullable = _first_of_seq(parsed.data)
    except Exception:  # noqa: BLE001 (an unexpected parse tree: no guard, same matches)
        return None
    if first is None or nullable or not first:
        return None
    return "".join(sorted(first))


def opening_guard(src: str) -> str:
    """`src` behind a lookahead on the characters its matches open with: (?=[…])(?:src). It
    matches exactly what `src` matches (flags aside: for patterns compiled without any), and
    `src` itself comes back when those characters are not known (see `opening_chars`)."""
    chars = opening_chars(src)
    return src if chars is None else f"(?=[{chars}])(?:{src})"


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` compiled again behind its opening guard (see `opening_guard`). Worth it only
    for a pattern searched in many short windows whose branches do not all open with a
    literal (measured: 1.5-2.5× faster there); a pattern `re` already scans by its first
    characters gets slower."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return pattern  # (opening_guard reads the pattern as written, without these flags)
    return re.compile(opening_guard(pattern.pattern), pattern.flags)


def finditer_by_mark(pattern: re.Pattern[str], text: str, mark: re.Pattern[str],
                     near: tuple[int, int], pos: int = 0,
                     endpos: int | None = None) -> Iterator[re.Match[str]]:
    """pattern.finditer(text, pos, endpos) for a pattern each of whose matches consumes a
    match of `mark` (a rare character: a bracket, 、) that starts near[0] to near[1]
    characters after the match's own start, and never matches empty.

    Only the starts that distance before a mark are tried, left to right, skipping those an
    earlier match covers: no other start can match, so the matches are the same, in order.
    Worth it for a pattern that opens with a character class or a lookbehind (`re` then
    tries it at every position of the text) and a mark that is rare in it."""
    if endpos is None:
        endpos = len(text)
    match = pattern.match
    lo, hi = near
    last = pos  # the end of the last match: finditer resumes there
    tried = pos  # every start before this one was tried already (windows may overlap)
    for b in mark.finditer(text, pos, endpos):
        j = b.start()
        for s in range(max(last, tried, j - hi), j - lo + 1):
            m = match(text, s, endpos)  # (^ and lookbehinds read as in finditer)
            if m is not None:
                yield m
                last = m.end()  # (past the mark: the rest of this window is covered)
                break
        tried = max(tried, j - lo + 1)
