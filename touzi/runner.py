"""The runner: the one place that joins the stages (corpus → extract → schema).

`Ingestor` takes RawArticles from files or a crawl, cleans them (corpus), links
near-duplicates and stores them (schema). Bad input never stops a run: each failed item is
stored with its error and reported, and the rest go on.
"""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from touzi.corpus import dedup, segment
from touzi.corpus.clean import clean
from touzi.corpus.model import Article, RawArticle
from touzi.schema import articles as store
from touzi.schema.db import connect


@dataclass
class IngestResult:
    """The outcome for one item: new, known (already stored) or failed (stored with its error)."""

    origin: str
    status: str
    article_id: int | None = None
    doc_id: str | None = None
    title: str | None = None
    pub_date: str | None = None
    source: str | None = None
    encoding: str | None = None
    near_dup_of: int | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with stable keys."""
        return asdict(self)


def _row(article: Article) -> dict[str, Any]:
    return {
        "doc_id": article.doc_id,
        "origin": article.origin,
        "url": article.url,
        "title": article.title,
        "title_original": article.title_original,
        "text": article.text,
        "text_original": article.text_original,
        "raw": article.raw,
        "raw_kind": article.raw_kind,
        "encoding": article.encoding,
        "pub_date": article.pub_date,
        "pub_date_precision": article.pub_date_precision,
        "pub_date_source": article.pub_date_source,
        "source": article.source,
        "site": article.site,
        "author": article.author,
        "variant": article.variant,
        "content_hash": article.content_hash,
        "error": article.error,
        "warnings": article.warnings,
    }


class Ingestor:
    """Clean and store articles in one database; use as a context manager or call close()."""

    def __init__(self, db: sqlite_utils.Database | str | Path) -> None:
        self.db = db if isinstance(db, sqlite_utils.Database) else connect(db)
        self.counts: Counter[str] = Counter()

    def __enter__(self) -> Ingestor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self.db.conn.close()

    def add(self, raw: RawArticle) -> IngestResult:
        """Clean and store one article; never raises for bad input."""
        try:
            article = clean(raw)
        except Exception as exc:  # a cleaner bug must not lose the item or stop the run
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            article = clean(RawArticle(raw.origin, raw.raw, raw.kind, url=raw.url,
                                       doc_id=raw.doc_id, error=f"internal error while cleaning: {detail}"))
        result = self._store(article)
        self.counts[result.status] += 1
        return result

    def add_all(self, raws: Iterable[RawArticle]) -> Iterator[IngestResult]:
        """Store many articles, yielding each result as it is stored."""
        for raw in raws:
            yield self.add(raw)

    def _store(self, article: Article) -> IngestResult:
        result = IngestResult(
            origin=article.origin,
            status="failed" if article.error else "new",
            doc_id=article.doc_id,
            title=article.title,
            pub_date=article.pub_date,
            source=article.source,
            encoding=article.encoding,
            error=article.error,
            warnings=list(article.warnings),
        )
        known = store.find_by_hash(self.db, article.content_hash)
        if known is not None:
            result.article_id = known
            if not article.error:
                result.status = "known"
            return result
        fingerprint = None if article.error else dedup.fingerprint(article.text)
        near, score = None, None
        if fingerprint is not None:
            best = 0.0
            for cand_id, blob in store.candidates(self.db, fingerprint.buckets):
                sim = dedup.similarity(fingerprint.signature, dedup.signature_from_bytes(blob))
                if sim >= dedup.THRESHOLD and sim > best:
                    best, near = sim, cand_id
            if near is not None:
                near, score = store.root_of(self.db, near), round(best, 3)
        stored = store.insert(
            self.db,
            _row(article),
            signature=fingerprint.to_bytes() if fingerprint else None,
            buckets=fingerprint.buckets if fingerprint else (),
            near_dup_of=near,
            near_dup_score=score,
            fts_title=segment.index_words(article.title or "") if not article.error else "",
            fts_body=segment.index_words(article.text) if not article.error else "",
        )
        result.article_id = stored.id
        result.near_dup_of = near
        return result


def search_articles(
    db: sqlite_utils.Database, query: str | None = None, **filters: Any
) -> list[dict[str, Any]]:
    """Articles matching a full-text query and filters (see schema.articles.ArticleFilter).

    Words separated by spaces must all occur; a query without spaces must occur as written.
    """
    flt = store.ArticleFilter(**filters)
    if query and query.strip():
        query = query.strip()
        flt.fts = segment.fts_query(query) or None
        if not any(ch.isspace() for ch in query):
            flt.contains = query
    return list(store.list_articles(db, flt))
