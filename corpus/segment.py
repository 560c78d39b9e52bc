"""Words for the full-text index: jieba's search-mode segmentation, joined by spaces.

SQLite's unicode61 tokenizer treats a run of Chinese characters as one token and the trigram
tokenizer cannot match two-character words (吉利, 年产), so the index holds jieba words; the
search mode also emits the short words inside long ones (长兴县 → 长兴, 长兴县).
"""

from __future__ import annotations

import logging
import re

import jieba

jieba.setLogLevel(logging.WARNING)
_SPLIT = re.compile(r"[\s\"'()*:^]+")


def index_words(text: str) -> str:
    """The text as space-separated words for the FTS5 index."""
    return " ".join(w for w in jieba.cut_for_search(text) if w.strip())


def query_words(query: str) -> list[str]:
    """The words of a search query, segmented the way the index was."""
    words: list[str] = []
    for part in _SPLIT.split(query):
        if part:
            words.extend(w for w in jieba.cut(part) if w.strip())
    return words


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression requiring every word of the query (each quoted)."""
    words = query_words(query)
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
