"""The runner: the one place that joins the stages (corpus → extract → schema).

`Ingestor` takes RawArticles from files or a crawl, cleans them (corpus), links
near-duplicates and stores them (schema). Bad input never stops a run: each failed item is
stored with its error and reported, and the rest go on.
"""

from __future__ import annotations

import json
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
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
        "identity": article.identity,
        "error": article.error,
        "warnings": article.warnings,
    }


class Ingestor:
    """Clean and store articles in one database; use as a context manager or call close()."""

    def __init__(self, db: sqlite_utils.Database | str | Path) -> None:
        self.db = db if isinstance(db, sqlite_utils.Database) else connect(db)
        self.counts: Counter[str] = Counter()
        # A list: full-text rows wait here for schema.articles.insert_fts (batched writers).
        self.fts_later: list[tuple[int, str, str]] | None = None

    def __enter__(self) -> Ingestor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self.db.conn.close()

    def add(self, raw: RawArticle) -> IngestResult:
        """Clean and store one article; never raises for bad input."""
        return store_cleaned(self, clean_for_store(raw))

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
        known = store.find_by_identity(self.db, article.identity)
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
            fts_later=self.fts_later,
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


# ---------------------------------------------------------------- extraction


@dataclass
class ExtractOutcome:
    """What extracting one stored article gave."""

    article_id: int
    projects: int = 0
    claims: int = 0
    error: str | None = None


def _article_input(db: sqlite_utils.Database, article_id: int) -> dict[str, Any] | None:
    row = db.execute(
        "SELECT id, text, pub_date, source, title, url, doc_id FROM articles WHERE id = ? AND error IS NULL",
        [article_id],
    ).fetchone()
    if row is None:
        return None
    keys = ("article_id", "text", "pub_date", "source", "title", "url", "doc_id")
    return dict(zip(keys, row, strict=True))


def _extract_one(item: dict[str, Any]) -> tuple[int, list[dict[str, Any]], str | None]:
    """Run the extractor on one article (in a worker process or in-process); never raises."""
    from touzi.extract.records import extract_records

    try:
        records = extract_records(
            item["text"] or "",
            pub_date=(item["pub_date"] or "")[:10] or None,
            source=item["source"],
            title=item["title"],
            url=item["url"],
            doc_id=item["doc_id"],
        )
    except Exception as exc:  # an extractor bug must not stop the run or lose the article
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return item["article_id"], [], f"extractor failed: {detail}"
    errors = [r for r in records if r.get("kind") == "error"]
    message = "; ".join(f"{e.get('component')}: {e.get('message')}" for e in errors) or None
    return item["article_id"], [r for r in records if r.get("kind") != "error"], message


def extractor_version() -> str:
    """The label stored with every record, e.g. touzi.extract/0.3."""
    from touzi.extract.records import EXTRACTOR_VERSION

    return f"touzi.extract/{EXTRACTOR_VERSION}"


def _cluster_key(record: dict[str, Any]) -> str | None:
    from touzi.extract.evaluate import name_core, normalise_name

    name = record.get("name") or ""
    core = name_core(name, [record["company"]] if record.get("company") else []) or normalise_name(name)
    if not core:
        return None
    adcode = ((record.get("region") or {}).get("adcode") or "")[:6]
    return f"{core}|{adcode}"


def _save(db: sqlite_utils.Database, article_id: int, records: list[dict[str, Any]],
          error: str | None, version: str) -> ExtractOutcome:
    from touzi.schema import records as record_store

    keys = [_cluster_key(r) for r in records if r.get("kind") == "project"]
    projects, claims = record_store.save(db, article_id, records, extractor=version,
                                         cluster_keys=keys, error=error)
    return ExtractOutcome(article_id, projects, claims, error)


def extract_article(db: sqlite_utils.Database, article_id: int) -> ExtractOutcome:
    """Extract one stored article now and store its records (used on arrival by crawls)."""
    item = _article_input(db, article_id)
    if item is None:
        return ExtractOutcome(article_id, error="no such article, or it failed to ingest")
    _, records, error = _extract_one(item)
    return _save(db, article_id, records, error, extractor_version())


def run_extraction(
    db: sqlite_utils.Database,
    *,
    workers: int = 1,
    redo: bool = False,
    limit: int | None = None,
    on_progress: Callable[[ExtractOutcome, int], None] | None = None,
) -> Counter[str]:
    """Extract every stored article not yet extracted by this extractor; resumable.

    Records are written by this process, one article per transaction, so a run that is
    stopped keeps what it finished and the next run takes up the rest. `on_progress` is
    called with each outcome and the number of articles in the run.
    """
    from touzi.schema import records as record_store

    version = extractor_version()
    ids = record_store.pending(db, version, redo=redo, limit=limit)
    totals: Counter[str] = Counter()

    def inputs() -> Iterator[dict[str, Any]]:
        for article_id in ids:
            item = _article_input(db, article_id)
            if item is not None:
                yield item

    if workers > 1:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(workers) as pool:
            results = pool.imap_unordered(_extract_one, inputs(), chunksize=4)
            for article_id, records, error in results:
                _account(db, article_id, records, error, version, totals, on_progress, len(ids))
    else:
        for item in inputs():
            article_id, records, error = _extract_one(item)
            _account(db, article_id, records, error, version, totals, on_progress, len(ids))
    return totals


def _account(db: sqlite_utils.Database, article_id: int, records: list[dict[str, Any]],
             error: str | None, version: str, totals: Counter[str],
             on_progress: Callable[[ExtractOutcome, int], None] | None, total: int) -> None:
    outcome = _save(db, article_id, records, error, version)
    totals["articles"] += 1
    totals["projects"] += outcome.projects
    totals["claims"] += outcome.claims
    if error:
        totals["errors"] += 1
    if on_progress:
        on_progress(outcome, total)


# ---------------------------------------------------------------- demo


def sample_dir() -> Path:
    """The bundled sample articles (made up for touzi, labelled as such)."""
    from importlib import resources

    return Path(str(resources.files("touzi.sample").joinpath("articles")))


@dataclass
class DemoResult:
    """What the demo did: per-item ingest results and extraction totals."""

    db: sqlite_utils.Database
    ingested: list[IngestResult]
    extracted: Counter[str]


def run_demo(path: Path, *, on_item: Callable[[IngestResult], None] | None = None) -> DemoResult:
    """Ingest the bundled sample into a fresh database at `path`, then extract it."""
    from touzi.corpus.readers import read_paths

    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    ingestor = Ingestor(path)
    ingested = []
    for result in ingestor.add_all(read_paths([sample_dir()])):
        ingested.append(result)
        if on_item:
            on_item(result)
    extracted = run_extraction(ingestor.db)
    return DemoResult(ingestor.db, ingested, extracted)


# ---------------------------------------------------------------- cleaning apart from storing


def clean_for_store(raw: RawArticle) -> Article:
    """Clean one article as Ingestor.add does (a cleaner bug becomes the article's error).

    A plain function of the RawArticle: a crawl's writer process (touzi.spiders.writer)
    cleans a batch with it before storing the batch with `store_cleaned` in one transaction.
    """
    try:
        return clean(raw)
    except Exception as exc:  # a cleaner bug must not lose the item or stop the run
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return clean(RawArticle(raw.origin, raw.raw, raw.kind, url=raw.url, doc_id=raw.doc_id,
                                error=f"internal error while cleaning: {detail}"))


def store_cleaned(ingestor: Ingestor, article: Article) -> IngestResult:
    """Store an article cleaned elsewhere, counted as Ingestor.add counts it."""
    result = ingestor._store(article)
    ingestor.counts[result.status] += 1
    return result


# ---------------------------------------------------------------- explain


def explain_html(db: sqlite_utils.Database, article_id: int) -> str | None:
    """An HTML page showing what the extractor found in one stored article (displaCy spans)."""
    import html

    from spacy import displacy

    from touzi.extract.pipeline import SPANS_KEY, load

    item = _article_input(db, article_id)
    if item is None:
        return None
    nlp = load()
    doc = nlp.make_doc(item["text"] or "")
    for key in ("source", "title", "url", "doc_id"):
        setattr(doc._, key, item[key])
    doc._.pub_date = (item["pub_date"] or "")[:10] or None
    doc = nlp(doc)
    spans = displacy.render(doc, style="span", page=False, options={"spans_key": SPANS_KEY})
    rows = []
    for record in (doc._.projects or []) + (doc._.claims or []):
        region = record.get("region") or {}
        what = record.get("name") or record.get("indicator_text") or record.get("indicator")
        rows.append(f"<tr><td>{html.escape(record['kind'])}</td><td>{html.escape(str(what))}</td>"
                    f"<td>{html.escape(str(region.get('adcode') or ''))}</td>"
                    f"<td>{html.escape(json.dumps(record, ensure_ascii=False)[:400])}</td></tr>")
    title = html.escape(item["title"] or f"article {article_id}")
    return (
        "<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'>"
        f"<title>touzi explain: {title}</title>"
        "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto}"
        "td{vertical-align:top;border-bottom:1px solid #ddd;padding:2px 6px;font-size:90%}</style>"
        f"</head><body><h1>{title}</h1><p>article {article_id} · {html.escape(item['pub_date'] or '')}"
        f" · {html.escape(item['source'] or '')} · {html.escape(extractor_version())}</p>"
        f"{spans}<h2>Records</h2><table><tr><th>kind</th><th>name / indicator</th><th>adcode</th>"
        f"<th>record</th></tr>{''.join(rows)}</table></body></html>"
    )
