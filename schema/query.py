"""Querying stored project records by region, company, name, money and events."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils


@dataclass
class ProjectFilter:
    """What `projects` selects; every field is optional."""

    region: str | None = None  # a name (长兴, 长兴县, 湖州市) or an adcode prefix (3305)
    company: str | None = None  # company contains this
    name: str | None = None  # project name contains this
    min_total_cny: float | None = None  # total investment at least this many yuan
    event: str | None = None  # has an event of this type (signed, started, production, …)
    since: str | None = None  # published on or after
    until: str | None = None  # published on or before
    canonical: bool = True  # leave out records of near-duplicate copies
    limit: int | None = 100


def projects(db: sqlite_utils.Database, flt: ProjectFilter) -> Iterator[dict[str, Any]]:
    """Project records matching a filter, largest total investment first."""
    where: list[str] = []
    params: list[Any] = []
    if flt.region:
        if flt.region.isdigit():
            where.append("p.adcode LIKE ?")
            params.append(flt.region.rstrip("0") + "%")
        else:
            where.append("(p.province LIKE ? OR p.city LIKE ? OR p.county LIKE ? OR p.town LIKE ? "
                         "OR p.zone LIKE ?)")
            params += [flt.region + "%"] * 5
    if flt.company:
        where.append("instr(p.company, ?) > 0")
        params.append(flt.company)
    if flt.name:
        where.append("instr(p.name, ?) > 0")
        params.append(flt.name)
    if flt.min_total_cny is not None:
        where.append("p.total_cny >= ?")
        params.append(flt.min_total_cny)
    if flt.event:
        where.append("EXISTS (SELECT 1 FROM project_facts f WHERE f.project_id = p.id "
                     "AND f.kind = 'event' AND f.type = ?)")
        params.append(flt.event)
    if flt.since:
        where.append("a.pub_date >= ?")
        params.append(flt.since)
    if flt.until:
        where.append("substr(a.pub_date, 1, length(?)) <= ?")
        params += [flt.until, flt.until]
    if flt.canonical:
        where.append("a.near_dup_of IS NULL")
    sql = ("SELECT p.id, p.article_id, p.record, p.cluster_id, a.pub_date, a.url, a.title "
           "FROM projects p JOIN articles a ON a.id = p.article_id")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY p.total_cny IS NULL, p.total_cny DESC, a.pub_date DESC, p.id"
    if flt.limit:
        sql += " LIMIT ?"
        params.append(flt.limit)
    for pid, article_id, record, cluster, pub_date, url, title in db.execute(sql, params):
        out = json.loads(record)
        out.update({"project_id": pid, "article_id": article_id, "cluster_id": cluster,
                    "pub_date": pub_date, "url": url, "article_title": title})
        yield out
