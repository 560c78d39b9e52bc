"""Sentence, clause and paragraph boundaries of a text, found once and looked up by offset.

One regex pass per boundary kind builds sorted arrays of break offsets; every later question
("which clause holds offset 531?") is a bisect, so the assembly code never re-scans the text.
"""

from __future__ import annotations

import bisect
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache

from touzi.extract import word_hits

# A sentence ends at 。！？；; or a line break. Clauses also end at commas, colons and the
# enumeration comma 、 (list items are clauses of their own for attaching figures).
SENTENCE_BREAKS = "。！？!?；;\n"
CLAUSE_BREAKS = SENTENCE_BREAKS + "，,、：:"
_SENT_RE = re.compile(f"[{re.escape(SENTENCE_BREAKS)}]")
_CLAUSE_RE = re.compile(f"[{re.escape(CLAUSE_BREAKS)}]")
_PARA_RE = re.compile(r"\n")


def _ends(pattern: re.Pattern[str], text: str) -> list[int]:
    """Offsets just after each break character, plus the text's end."""
    ends = [m.end() for m in pattern.finditer(text)]
    if not ends or ends[-1] != len(text):
        ends.append(len(text))
    return ends


class TextIndex:
    """Boundaries of one text: `sentence(pos)`, `clause(pos)`, `paragraph(pos)` → (start, end).

    Spans include their closing punctuation. Offsets outside the text are clamped.
    """

    __slots__ = ("text", "_sent", "_clause", "_para")

    def __init__(self, text: str) -> None:
        self.text = text
        self._sent = _ends(_SENT_RE, text)
        self._clause: list[int] | None = None  # built on first use: most texts never need it
        self._para: list[int] | None = None

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence holding offset `pos` (at most 600 characters around it: text without
        full stops must not make every lookup scan the whole article)."""
        # _span_at inline: the record stages ask ~40,000 times per corpus pass
        ends = self._sent
        i = bisect_right(ends, pos)
        if i >= len(ends):
            i = len(ends) - 1
        start = ends[i - 1] if i > 0 else 0
        end = ends[i]
        if end - start <= 600:
            return start, end
        return max(start, pos - 300), min(end, pos + 300)

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause (between commas, colons, 、 or sentence breaks) holding `pos`."""
        ends = self._clause
        if ends is None:
            ends = self._clause = _ends(_CLAUSE_RE, self.text)
        # _span_at inline (half = 200): asked ~29,000 times per corpus pass
        i = bisect_right(ends, pos)
        if i >= len(ends):
            i = len(ends) - 1
        start = ends[i - 1] if i > 0 else 0
        end = ends[i]
        if end - start <= 400:
            return start, end
        return max(start, pos - 200), min(end, pos + 200)

    def paragraph(self, pos: int) -> tuple[int, int]:
        """The line (paragraph) holding `pos` (at most 2,000 characters around it)."""
        ends = self._para
        if ends is None:
            ends = self._para = _ends(_PARA_RE, self.text)
        # _span_at inline (half = 1000): asked ~15,000 times per corpus pass
        i = bisect_right(ends, pos)
        if i >= len(ends):
            i = len(ends) - 1
        start = ends[i - 1] if i > 0 else 0
        end = ends[i]
        if end - start <= 2000:
            return start, end
        return max(start, pos - 1000), min(end, pos + 1000)

    def sentence_index(self, pos: int) -> int:
        """The number of the sentence holding `pos` (0-based)."""
        return min(bisect.bisect_right(self._sent, pos), len(self._sent) - 1)

    def sentence_span(self, index: int) -> tuple[int, int]:
        """The (start, end) of sentence number `index`."""
        index = max(0, min(index, len(self._sent) - 1))
        return (self._sent[index - 1] if index > 0 else 0), self._sent[index]

    def sentences(self) -> list[tuple[int, int]]:
        """Every sentence as (start, end), in order."""
        out = []
        start = 0
        for end in self._sent:
            out.append((start, end))
            start = end
        return out

    def same_sentence(self, a: int, b: int) -> bool:
        """True when offsets a and b lie in one sentence."""
        return self.sentence_index(a) == self.sentence_index(b)

    def clauses_holding(self, words: Iterable[str]) -> list[tuple[int, int]]:
        """The whole clauses (not capped) that hold one of `words`, in order, adjacent ones
        merged. A pattern whose every match holds one of the words and no clause break, and
        whose lookaheads stop at one, finds the same matches in these spans (`finditer_in`)
        as in the whole text: the key words of a rare pattern make that a small part of it."""
        if self._clause is None:
            self._clause = _ends(_CLAUSE_RE, self.text)
        ends = self._clause
        text = self.text
        words = tuple(words)
        if word_hits.registered(words):
            # (the stages' key-word lists are found by the one automaton pass over the
            # article that word_hits makes for all its lists: every occurrence, as find_all)
            found = {bisect.bisect_right(ends, i) for _, i, _ in word_hits.hits(text, words)}
        elif len(words) > 1:
            # One regex pass instead of a str.find pass per word (16 words: 3× faster over a
            # long report). It skips only occurrences overlapping a match, which lie in that
            # match's clause (the words hold no break), so the clauses found are the same.
            found = {bisect.bisect_right(ends, m.start())
                     for m in _any_word(words).finditer(text)}
        else:
            found = {bisect.bisect_right(ends, i) for w in words for i in find_all(text, w)}
        spans: list[tuple[int, int]] = []
        for k in sorted(found):
            a = ends[k - 1] if k > 0 else 0
            if spans and spans[-1][1] == a:
                spans[-1] = (spans[-1][0], ends[k])
            else:
                spans.append((a, ends[k]))
        return spans


@lru_cache(maxsize=64)
def _any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """A regex matching any of `words` (non-empty, without clause breaks)."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def find_all(text: str, word: str) -> list[int]:
    """Every offset where `word` starts in `text` (overlapping ones too)."""
    out = []
    i = text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def finditer_in(pattern: re.Pattern[str], text: str,
                spans: Iterable[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """pattern.finditer over each (start, end) span of `text` in turn (lookbehinds still see
    the text before a span)."""
    for a, b in spans:
        yield from pattern.finditer(text, a, b)


def headline_end(text: str) -> int:
    """The end of a text's first line when it is short enough to be a headline (80
    characters), else -1."""
    return text.find("\n", 0, 80)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace and trailing break punctuation."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in CLAUSE_BREAKS):
        end -= 1
    return start, end
