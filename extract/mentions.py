"""Public API of the figure extractor: `find_mentions(text, pub_date)` → list of `Mention`.

    from touzi.extract.mentions import Mention, find_mentions
    find_mentions("总投资326亿元", "2020-04-05")[0].amount_cny  # 32600000000

Mentions are sorted by start offset and never overlap (the number inside a money figure is not
emitted again). Relative dates (今年, 去年, 4月2日, 1至2月份) resolve against `pub_date`.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable

from touzi.extract.dates import PubDate, parse_pub_date
from touzi.extract.mention_type import FIELDS, KINDS, Mention
from touzi.extract.scanner import scan

__all__ = ["FIELDS", "KINDS", "Mention", "find_mentions", "mentions_to_jsonl"]


def find_mentions(text: str, pub_date: _dt.date | str | PubDate | None = None) -> list[Mention]:
    """Every figure in `text` (money, capacity, land, counts, rates, dates…), with offsets."""
    if not isinstance(text, str) or not text:
        return []
    return scan(text, parse_pub_date(pub_date))


def mentions_to_jsonl(mentions: Iterable[Mention]) -> str:
    """One JSON object per line (keys as in FIELDS), UTF-8 text, for `touzi mentions`."""
    return "".join(json.dumps(m.to_dict(), ensure_ascii=False) + "\n" for m in mentions)
