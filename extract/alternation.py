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
from collections.abc import Iterable

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
