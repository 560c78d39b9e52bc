"""Loader and checker for the phrase tables in tests/extract/tables/*.tsv.

Each row gives a short phrase (drawn from ../shared/corpus when `origin` is `corpus`), the
publication date to resolve it against, the exact text of the mention expected in it, and every
field of that mention: an empty cell means the field must be None.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from touzi.extract.mentions import Mention, find_mentions

TABLES = Path(__file__).parent / "tables"
NUMERIC = ("value", "value_max")
CHECKED = ("kind", "value", "value_max", "unit", "currency", "qualifier", "role", "per",
           "product", "date", "date_end", "precision")


def load(name: str) -> list[dict[str, str]]:
    """Rows of tables/NAME.tsv as dicts keyed by the header (comment lines skipped)."""
    lines = [
        line.rstrip("\n")
        for line in (TABLES / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        assert len(cells) == len(header), f"{name}: wrong cell count in {line!r}"
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def params(name: str) -> list[Any]:
    """pytest parameters, one per row, with the phrase and mention text as id."""
    return [pytest.param(row, id=f"{row['phrase']}|{row['text']}") for row in load(name)]


def expected(row: dict[str, str], field: str) -> Any:
    """The expected value of a field: None for an empty cell, a number for value fields."""
    cell = row[field]
    if cell == "":
        return None
    if field in NUMERIC:
        return float(cell)
    return cell


def mention_for(row: dict[str, str]) -> Mention:
    """The mention whose text is the row's `text`, found in the row's phrase."""
    found = find_mentions(row["phrase"], row["pub_date"] or None)
    matches = [m for m in found if m.text == row["text"]]
    assert matches, f"no mention {row['text']!r} in {row['phrase']!r}; got {[m.text for m in found]}"
    return matches[0]


def field_errors(row: dict[str, str]) -> list[str]:
    """The fields where the extractor disagrees with the row (empty when it is right)."""
    found = find_mentions(row["phrase"], row["pub_date"] or None)
    if row["text"] == "":
        return ["text"] if found else []
    matches = [m for m in found if m.text == row["text"]]
    if not matches:
        return ["text"]
    m = matches[0]
    errors = []
    for field in CHECKED:
        want = expected(row, field)
        got = getattr(m, field)
        if field in NUMERIC:
            if (want is None) != (got is None) or (want is not None and float(got) != want):
                errors.append(field)
        elif got != want:
            errors.append(field)
    return errors


def check(row: dict[str, str]) -> None:
    """Assert that the extractor finds the row's mention with exactly the row's fields.

    A row with an empty `text` says that nothing in its phrase is a figure.
    """
    if row["text"] == "":
        assert find_mentions(row["phrase"], row["pub_date"] or None) == []
        return
    m = mention_for(row)
    got = {f: getattr(m, f) for f in CHECKED}
    want = {f: expected(row, f) for f in CHECKED}
    for f in NUMERIC:
        if got[f] is not None:
            got[f] = float(got[f])
    assert got == want, f"{row['phrase']!r}"
    assert row["phrase"][m.start:m.end] == m.text
