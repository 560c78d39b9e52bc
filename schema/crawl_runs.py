"""Storing and reading crawl reports: runs, the failures they met, and the URLs they settled.

A crawl writes its row when it starts (status `running`), refreshes the counts as it goes and
closes the row at the end. A run killed outright (SIGKILL, power loss) never closes its row;
the next crawl of the site finds it `running` with a dead pid and marks it `interrupted`.

    >>> run = start_run(db, "zjol", {"since": "2024-01-01"})
    >>> add_error(db, run, "https://example.cn/a.html", "http_404", "Not Found")
    >>> finish_run(db, run, "finished", "finished", {"pages_fetched": 12, ...})
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

# URL states that mean "never fetch this again" (see migration 0004).
SETTLED = frozenset({"new", "known", "failed", "gone", "blocked", "skipped"})
# A URL that failed this many crawls in a row with transient errors is given up on, so one dead
# link cannot keep a list page from ever counting as "all known".
GIVE_UP_AFTER = 3
_COUNT_COLUMNS = ("pages_fetched", "articles_new", "articles_known", "articles_failed", "errors")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    return True


def mark_interrupted(db: sqlite_utils.Database, site: str | None = None) -> list[int]:
    """Mark `running` rows whose process is gone as `interrupted`; return their ids."""
    sql = "SELECT id, pid FROM crawl_runs WHERE status = 'running'"
    params: list[Any] = []
    if site is not None:
        sql += " AND site = ?"
        params.append(site)
    dead = [row[0] for row in db.execute(sql, params).fetchall() if not _pid_alive(row[1])]
    if dead:
        with db.conn:
            db.conn.executemany(
                "UPDATE crawl_runs SET status = 'interrupted', close_reason = "
                "coalesce(close_reason, 'killed') WHERE id = ?",
                [(run_id,) for run_id in dead],
            )
    return dead


def start_run(
    db: sqlite_utils.Database, site: str, options: dict[str, Any] | None = None,
    pid: int | None = None,
) -> int:
    """Open a `running` row for a crawl of `site`; return its id."""
    with db.conn:
        cur = db.conn.execute(
            "INSERT INTO crawl_runs (site, status, pid, started_at, options) "
            "VALUES (?, 'running', ?, ?, ?)",
            [site, pid if pid is not None else os.getpid(), _now(),
             json.dumps(options or {}, ensure_ascii=False, sort_keys=True)],
        )
    return int(cur.lastrowid)


def update_run(db: sqlite_utils.Database, run_id: int, report: dict[str, Any]) -> None:
    """Refresh a running crawl's counts and report (so a killed run still tells how far it got)."""
    with db.conn:
        db.conn.execute(
            f"UPDATE crawl_runs SET {', '.join(c + ' = ?' for c in _COUNT_COLUMNS)}, report = ? "
            "WHERE id = ?",
            [int(report.get(c, 0) or 0) for c in _COUNT_COLUMNS]
            + [json.dumps(report, ensure_ascii=False, sort_keys=True), run_id],
        )


def finish_run(
    db: sqlite_utils.Database, run_id: int, status: str, close_reason: str | None,
    report: dict[str, Any],
) -> None:
    """Close a crawl's row with its final status and report."""
    update_run(db, run_id, report)
    with db.conn:
        db.conn.execute(
            "UPDATE crawl_runs SET status = ?, close_reason = ?, finished_at = ? WHERE id = ?",
            [status, close_reason, _now(), run_id],
        )


def add_error(
    db: sqlite_utils.Database, run_id: int, url: str, kind: str, detail: str | None = None
) -> None:
    """Record one failure a crawl met."""
    with db.conn:
        db.conn.execute(
            "INSERT INTO crawl_errors (run_id, url, kind, detail, at) VALUES (?, ?, ?, ?, ?)",
            [run_id, url, kind, (detail or "")[:1000] or None, _now()],
        )


def settle_url(
    db: sqlite_utils.Database, url: str, site: str, status: str, run_id: int | None,
    article_id: int | None = None,
) -> bool:
    """Record what became of an article URL; return whether it is now settled (never refetched).

    `status` is one of new, known, failed, gone, blocked, skipped (settled) or error (retried
    by later crawls until it has failed GIVE_UP_AFTER of them).
    """
    attempts = 1
    if status == "error":
        row = db.execute("SELECT attempts, status FROM crawl_urls WHERE url = ?", [url]).fetchone()
        # Only repeated transient failures count towards giving up.
        if row is not None and row[1] == "error":
            attempts = row[0] + 1
    settled = status in SETTLED or (status == "error" and attempts >= GIVE_UP_AFTER)
    with db.conn:
        db.conn.execute(
            "INSERT INTO crawl_urls (url, site, status, settled, article_id, attempts, first_run, "
            "last_run, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET status = excluded.status, settled = excluded.settled, "
            "article_id = coalesce(excluded.article_id, crawl_urls.article_id), "
            "attempts = excluded.attempts, last_run = excluded.last_run, "
            "updated_at = excluded.updated_at",
            [url, site, status, int(settled), article_id, attempts, run_id, run_id, _now()],
        )
    return settled


def known_urls(db: sqlite_utils.Database, urls: Iterable[str]) -> set[str]:
    """Which of these URLs need no fetching: stored as articles, or settled by an earlier crawl."""
    urls = list(dict.fromkeys(urls))
    found: set[str] = set()
    for i in range(0, len(urls), 400):
        chunk = urls[i : i + 400]
        marks = ",".join("?" * len(chunk))
        found.update(
            r[0] for r in db.execute(
                f"SELECT url FROM articles WHERE url IN ({marks}) "
                f"UNION SELECT url FROM crawl_urls WHERE settled = 1 AND url IN ({marks})",
                chunk + chunk,
            )
        )
    return found


def retry_urls(db: sqlite_utils.Database, site: str) -> list[str]:
    """A site's article URLs that failed transiently and are due another try, oldest first."""
    return [
        r[0] for r in db.execute(
            "SELECT url FROM crawl_urls WHERE site = ? AND settled = 0 ORDER BY updated_at, url",
            [site],
        )
    ]


def _run_dict(cols: list[str], row: tuple[Any, ...]) -> dict[str, Any]:
    record = dict(zip(cols, row, strict=True))
    for key in ("options", "report"):
        record[key] = json.loads(record[key]) if record.get(key) else {}
    return record


def list_runs(
    db: sqlite_utils.Database, site: str | None = None, limit: int | None = 20
) -> list[dict[str, Any]]:
    """Crawl runs, newest first (options and report decoded from JSON)."""
    sql = "SELECT * FROM crawl_runs"
    params: list[Any] = []
    if site is not None:
        sql += " WHERE site = ?"
        params.append(site)
    sql += " ORDER BY id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    cursor = db.execute(sql, params)
    cols = [d[0] for d in cursor.description]
    return [_run_dict(cols, row) for row in cursor.fetchall()]


def get_run(db: sqlite_utils.Database, run_id: int) -> dict[str, Any] | None:
    """One crawl run with its errors listed under `error_list`."""
    cursor = db.execute("SELECT * FROM crawl_runs WHERE id = ?", [run_id])
    row = cursor.fetchone()
    if row is None:
        return None
    record = _run_dict([d[0] for d in cursor.description], row)
    record["error_list"] = errors(db, run_id)
    return record


def errors(db: sqlite_utils.Database, run_id: int) -> list[dict[str, Any]]:
    """The failures one crawl met, in the order met."""
    cursor = db.execute(
        "SELECT url, kind, detail, at FROM crawl_errors WHERE run_id = ? ORDER BY id", [run_id]
    )
    cols = [d[0] for d in cursor.description]
    return [dict(zip(cols, row, strict=True)) for row in cursor.fetchall()]
