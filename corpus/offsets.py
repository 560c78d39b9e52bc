"""Offsets in an article's clean text carried back to the text it was cleaned from.

`touzi extract FILE` reads a file, cleans it (header line, furniture, width, script) and
extracts from the clean text, so its evidence offsets index text the user never sees.
Annotators, and users checking a record, count in the file as read (../shared/gold does).
Cleaning drops whole lines and a few characters and otherwise maps character for
character, so the clean text's runs of non-space characters are found again, in order, in the
source compared the way cleaning compares it (full-width as half-width, traditional as
simplified); a position inside a run moves with its run. difflib's SequenceMatcher would do
the same alignment in quadratic time, too slow for the 1 MB articles the extractor accepts.
"""

from __future__ import annotations

import bisect
import re

from touzi.corpus.normalize import fold_width, simplify

_RUN = re.compile(r"\S+")
# A run this short may occur anywhere (a figure, 元); it anchors only close to the last one.
_SHORT = 4
_SHORT_REACH = 200


class OffsetMap:
    """Maps offsets of a clean text to offsets of its source text (see the module docstring)."""

    def __init__(self, source: str, clean: str) -> None:
        # Compared as cleaning compares: both steps keep the length of the text.
        compared = simplify(fold_width(source.replace("\r", " "))).text
        self._compared = compared
        self._clean = clean
        self._clean_starts: list[int] = []
        self._source_starts: list[int] = []
        self._lengths: list[int] = []
        cursor = 0
        for m in _RUN.finditer(clean):
            run = m.group()
            at = compared.find(run, cursor)
            if at < 0 or (len(run) < _SHORT and at - cursor > _SHORT_REACH):
                continue
            self._clean_starts.append(m.start())
            self._source_starts.append(at)
            self._lengths.append(len(run))
            cursor = at + len(run)

    def position(self, offset: int, end: bool = False) -> int | None:
        """The source offset of a clean-text offset (an end offset with end=True), or None
        when it falls in a part of the clean text that could not be found in the source."""
        probe = offset - 1 if end else offset
        i = bisect.bisect_right(self._clean_starts, probe) - 1
        if i < 0 or probe >= self._clean_starts[i] + self._lengths[i]:
            return None
        moved = self._source_starts[i] + probe - self._clean_starts[i]
        return moved + 1 if end else moved

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """A clean-text span [start, end) in the source, or None when an end is not found."""
        if end <= start:
            s = self.position(start)
            return (s, s) if s is not None else None
        s, e = self.position(start), self.position(end, end=True)
        if s is not None and e is not None and e >= s:
            return s, e
        # A run changed inside (a gloss or a zero-width character dropped): the span's own
        # text, where it occurs once in the source, is still where it came from.
        text = self._clean[start:end]
        at = self._compared.find(text) if len(text) >= _SHORT else -1
        if at >= 0 and self._compared.find(text, at + 1) < 0:
            return at, at + len(text)
        return None


def map_evidence(records: list[dict], source: str, clean: str) -> int:
    """Rewrite the `evidence` offsets of records from the clean text to the source text, in
    place; spans that cannot be found keep their clean offsets and are counted (returned)."""
    if source == clean:
        return 0
    mapping = OffsetMap(source, clean)
    lost = 0
    for rec in records:
        for ev in rec.get("evidence") or []:
            if not isinstance(ev, dict) or not isinstance(ev.get("start"), int) \
                    or not isinstance(ev.get("end"), int):
                continue
            moved = mapping.span(ev["start"], ev["end"])
            if moved is None:
                lost += 1
                continue
            ev["start"], ev["end"] = moved
    return lost
