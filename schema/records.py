"""Storing extracted records: projects with their facts, claims, and per-article extraction status.

Records are written per article, replacing what an earlier extraction of the same article
stored, in one transaction, so a run killed halfway leaves every article either extracted or
not. The record as exported (records.md) is kept whole in `record`; the columns beside it are
for querying.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

_REGION_KEYS = ("province", "city", "county", "town", "zone", "adcode")


def _region(record: dict[str, Any]) -> list[Any]:
    region = record.get("region") or {}
    return [region.get(k) for k in _REGION_KEYS]


def _total_cny(record: dict[str, Any]) -> float | None:
    for item in record.get("investment") or []:
        if item.get("type") == "total" and item.get("amount_cny") is not None:
            return float(item["amount_cny"])
    return None


def _facts(record: dict[str, Any]) -> Iterator[list[Any]]:
    for kind in ("investment", "capacity", "output_value", "land"):
        for item in record.get(kind) or []:
            amount = item.get("amount", item.get("quantity"))
            yield [kind, item.get("type"), amount, item.get("amount_cny"), item.get("unit"),
                   item.get("currency"), item.get("qualifier"), item.get("product"), item.get("per"),
                   None, None, item.get("text")]
    for event in record.get("events") or []:
        yield ["event", event.get("type"), None, None, None, None, None, None, None,
               event.get("date"), event.get("precision"), event.get("text")]


def _cluster(db: sqlite_utils.Database, key: str | None, name: str, adcode: str | None) -> int | None:
    if not key:
        return None
    row = db.execute("SELECT id, name FROM project_clusters WHERE key = ?", [key]).fetchone()
    if row:
        longer = name if len(name) > len(row[1]) else row[1]
        db.conn.execute("UPDATE project_clusters SET mentions = mentions + 1, name = ? WHERE id = ?",
                        [longer, row[0]])
        return int(row[0])
    cur = db.conn.execute(
        "INSERT INTO project_clusters (key, name, adcode, mentions) VALUES (?, ?, ?, 1)",
        [key, name, adcode],
    )
    return int(cur.lastrowid)


def _forget(db: sqlite_utils.Database, article_id: int) -> None:
    db.conn.execute(
        "UPDATE project_clusters SET mentions = mentions - 1 WHERE id IN "
        "(SELECT cluster_id FROM projects WHERE article_id = ? AND cluster_id IS NOT NULL)",
        [article_id],
    )
    db.conn.execute("DELETE FROM project_facts WHERE project_id IN (SELECT id FROM projects WHERE article_id = ?)",
                    [article_id])
    db.conn.execute("DELETE FROM projects WHERE article_id = ?", [article_id])
    db.conn.execute("DELETE FROM claims WHERE article_id = ?", [article_id])
    db.conn.execute("DELETE FROM project_clusters WHERE mentions <= 0")


def save(
    db: sqlite_utils.Database,
    article_id: int,
    records: Sequence[dict[str, Any]],
    *,
    extractor: str,
    cluster_keys: Sequence[str | None] = (),
    error: str | None = None,
) -> tuple[int, int]:
    """Replace an article's records with these; return (projects, claims) stored.

    `cluster_keys` gives, per project record in order, the key that joins mentions of one
    project across articles (None: not clustered). `error` marks the extraction failed or
    partial; the records that were found are kept either way.
    """
    doc = db.execute("SELECT doc_id FROM articles WHERE id = ?", [article_id]).fetchone()
    doc_id = doc[0] if doc else None
    projects = [r for r in records if r.get("kind") == "project"]
    claims = [r for r in records if r.get("kind") == "claim"]
    keys = list(cluster_keys) + [None] * (len(projects) - len(cluster_keys))
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with db.conn:
        _forget(db, article_id)
        for record, key in zip(projects, keys, strict=False):
            region = _region(record)
            cluster = _cluster(db, key, record.get("name") or "", region[5])
            cur = db.conn.execute(
                "INSERT INTO projects (article_id, doc_id, name, company, province, city, county, "
                "town, zone, adcode, total_cny, confidence, extractor, evidence, record, cluster_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article_id, doc_id, record.get("name") or "", record.get("company"), *region,
                 _total_cny(record), record.get("confidence"), record.get("extractor") or extractor,
                 json.dumps(record.get("evidence") or []), json.dumps(record, ensure_ascii=False),
                 cluster],
            )
            project_id = int(cur.lastrowid)
            db.conn.executemany(
                "INSERT INTO project_facts (project_id, kind, type, amount, amount_cny, unit, "
                "currency, qualifier, product, per, date, precision, text) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [[project_id, *fact] for fact in _facts(record)],
            )
        for record in claims:
            db.conn.execute(
                "INSERT INTO claims (article_id, doc_id, province, city, county, town, zone, adcode, "
                "indicator, indicator_text, period, value, unit, count, growth_pct, target_pct, rank, "
                "is_target, text, confidence, extractor, evidence, record) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article_id, doc_id, *_region(record), record.get("indicator") or "other",
                 record.get("indicator_text"), record.get("period"), record.get("value"),
                 record.get("unit"), record.get("count"), record.get("growth_pct"),
                 record.get("target_pct"), record.get("rank"), int(bool(record.get("is_target"))),
                 record.get("text"), record.get("confidence"), record.get("extractor") or extractor,
                 json.dumps(record.get("evidence") or []), json.dumps(record, ensure_ascii=False)],
            )
        db.conn.execute(
            "INSERT OR REPLACE INTO extractions (article_id, extractor, extracted_at, status, error, "
            "n_projects, n_claims) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [article_id, extractor, now, "failed" if error and not records else "ok", error,
             len(projects), len(claims)],
        )
    return len(projects), len(claims)


def pending(db: sqlite_utils.Database, extractor: str, *, redo: bool = False,
            limit: int | None = None) -> list[int]:
    """Ids of good articles not yet extracted by this extractor version (all of them with redo)."""
    sql = "SELECT a.id FROM articles a LEFT JOIN extractions e ON e.article_id = a.id WHERE a.error IS NULL"
    params: list[Any] = []
    if not redo:
        sql += " AND (e.article_id IS NULL OR e.extractor != ?)"
        params.append(extractor)
    sql += " ORDER BY a.id"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [int(r[0]) for r in db.execute(sql, params)]


def export(db: sqlite_utils.Database, kind: str | None = None, *,
           canonical: bool = False) -> Iterator[dict[str, Any]]:
    """Every stored record in the records.md format, with its article id and publication date."""
    tables = [t for t in ("projects", "claims") if kind in (None, t.rstrip("s"))]
    for table in tables:
        sql = (f"SELECT r.record, r.article_id, a.pub_date, a.url, r.cluster_id FROM {table} r "
               if table == "projects" else
               f"SELECT r.record, r.article_id, a.pub_date, a.url, NULL FROM {table} r ")
        sql += "JOIN articles a ON a.id = r.article_id"
        if canonical:
            sql += " WHERE a.near_dup_of IS NULL"
        sql += " ORDER BY r.article_id, r.id"
        for record, article_id, pub_date, url, cluster in db.execute(sql):
            out = json.loads(record)
            out["article_id"] = article_id
            out["pub_date"] = pub_date
            out["url"] = url
            if table == "projects":
                out["cluster_id"] = cluster
            yield out


def status(db: sqlite_utils.Database) -> dict[str, int]:
    """Counts of extracted, failed and pending articles and of stored records."""
    row = db.execute(
        "SELECT (SELECT count(*) FROM articles WHERE error IS NULL), "
        "(SELECT count(*) FROM extractions WHERE status = 'ok'), "
        "(SELECT count(*) FROM extractions WHERE status = 'failed'), "
        "(SELECT count(*) FROM projects), (SELECT count(*) FROM claims), "
        "(SELECT count(*) FROM project_clusters)"
    ).fetchone()
    return {"articles": row[0], "extracted": row[1], "failed": row[2], "projects": row[3],
            "claims": row[4], "clusters": row[5]}
