"""Terms for the full-text index: overlapping two-character pieces of Chinese text.

SQLite's unicode61 tokenizer treats a run of Chinese characters as one token, and its trigram
tokenizer cannot match two-character words (吉利, 年产). An index of jieba words was tried
first and measured on the corpus: word boundaries depend on context (的年产能 → 年|产能), so
a search for 年产 missed 10 of 85 articles and 开发区 4 of 40. Overlapping bigrams, as
Lucene's CJKAnalyzer does, find every article that contains the query; the query is then
checked as an exact phrase, so precision is kept. Latin words and numbers stay whole.
"""

from __future__ import annotations

import re

_TERM = re.compile(r"[\u3400-\u9fff]+|[0-9]+(?:[.,][0-9]+)*|[A-Za-z]+")


def _terms(text: str) -> list[str]:
    terms: list[str] = []
    for match in _TERM.finditer(text):
        run = match.group(0)
        if "\u3400" <= run[0] <= "\u9fff":
            if len(run) == 1:
                terms.append(run)
            else:
                terms.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            terms.append(run.lower())
    return terms


def index_words(text: str) -> str:
    """The text as space-separated index terms for the FTS5 table."""
    return " ".join(_terms(text))


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression requiring every term of the query ('' when it has none).

    A one-character Chinese query has no bigram to look up; it returns '' and the caller
    scans the text instead.
    """
    terms = _terms(query)
    if any(len(t) == 1 and "\u3400" <= t <= "\u9fff" for t in terms):
        return ""
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in dict.fromkeys(terms))
