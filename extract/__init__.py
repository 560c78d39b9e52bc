"""touzi.extract: turn clean article text into figures, places, projects and claims.

    from touzi.extract import extract_records, load
    records = extract_records(text, pub_date="2020-04-05")   # list of records.md dicts
    nlp = load()                                             # the same as a spaCy pipeline

Both names load lazily: importing touzi.extract (as `touzi --help` does) pulls in neither
spaCy nor the gazetteer.
"""

from __future__ import annotations

from typing import Any

__all__ = ["extract_records", "load"]


def __getattr__(name: str) -> Any:
    if name == "extract_records":
        from touzi.extract.records import extract_records

        return extract_records
    if name == "load":
        from touzi.extract.pipeline import load

        return load
    raise AttributeError(f"module 'touzi.extract' has no attribute {name!r}")
