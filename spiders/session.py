"""One site crawl's link to the database: the Ingestor, the run's report row, known URLs.

The spider, its middlewares and its item pipeline share one `CrawlSession`, and every
session on the same database file in a process shares one Ingestor and so one SQLite
connection: all run on Twisted's reactor thread, where two connections writing one file
could each wait, forever, for the other's open transaction to end. They also share one
article writer process (touzi.spiders.writer), which cleans and stores the fetched articles
off the reactor thread; it never waits on the crawl process while it holds a transaction.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from twisted.internet.defer import Deferred

from touzi.corpus.model import RawArticle
from touzi.runner import Ingestor, IngestResult
from touzi.schema import crawl_runs
from touzi.spiders.report import CrawlReport, FailureKind
from touzi.spiders.writer import WriterClient

logger = logging.getLogger(__name__)
# A running crawl refreshes its crawl_runs row at most this often, so a crawl that is killed
# still shows how far it got.
CHECKPOINT_SECONDS = 1.0


_SHARED: dict[str, list[Any]] = {}  # resolved db path -> [Ingestor, number of sessions, writer]


def _acquire(db_path: Path, writer: bool) -> tuple[Ingestor, WriterClient | None]:
    key = str(db_path.resolve())
    if key not in _SHARED:
        _SHARED[key] = [Ingestor(db_path), 0, None]
    entry = _SHARED[key]
    entry[1] += 1
    if writer and entry[2] is None:
        entry[2] = WriterClient(db_path)
    return entry[0], entry[2] if writer else None


def _release(db_path: Path) -> None:
    key = str(db_path.resolve())
    entry = _SHARED.get(key)
    if entry is None:
        return
    entry[1] -= 1
    if entry[1] <= 0:
        del _SHARED[key]
        if entry[2] is not None:
            entry[2].close()
        entry[0].db.conn.commit()
        entry[0].close()


def extract_hook() -> Callable[[Any, int], Any] | None:
    """touzi.runner.extract_article, or None while the extractor is not wired in."""
    try:
        from touzi import runner
    except ImportError:  # pragma: no cover - runner is part of the package
        return None
    hook = getattr(runner, "extract_article", None)
    return hook if callable(hook) else None


class CrawlSession:
    """The database side of one site crawl: store articles, record failures, keep the report."""

    def __init__(
        self,
        db_path: str | Path,
        site: str,
        *,
        since: str | None = None,
        max_pages: int | None = None,
        extract: bool = False,
        options: dict[str, Any] | None = None,
        fast_sync: bool = True,
        writer: bool = False,
    ) -> None:
        self.db_path = Path(db_path)
        self.site = site
        # writer: clean and store in the shared writer process (else on the reactor thread).
        self.ingestor, self.writer = _acquire(self.db_path, writer)
        self.db = self.ingestor.db
        if fast_sync:
            # WAL with synchronous=NORMAL syncs at checkpoints instead of every commit: a killed
            # process loses nothing committed (the WAL is in the OS's hands); only a power cut
            # can drop the last few commits, which the next crawl fetches again.
            self.db.execute("PRAGMA synchronous = NORMAL")
        self.report = CrawlReport(site=site, since=since, max_pages=max_pages)
        self.hook = extract_hook() if extract else None
        if extract:
            self.report.extract = "on" if self.hook else "pending"
        self.options = dict(options or {}, since=since, max_pages=max_pages, extract=extract)
        self._last_checkpoint = 0.0
        self.closed = False
        # Articles sent to the writer and not yet stored, and how many may be (0: no limit; the
        # spider sets the site's download concurrency). Fetching waits for room (`room`), so a
        # kill can only refetch the downloads in flight and this many articles.
        self.unanswered = 0
        self.backlog_limit = 0
        self._room: list[Deferred[None]] = []

    # -- run lifecycle -----------------------------------------------------------------
    def open(self, resumed: bool = False) -> int:
        """Start the run's row (marking this site's killed runs interrupted); return its id."""
        interrupted = crawl_runs.mark_interrupted(self.db, self.site)
        if interrupted:
            logger.info("%s: earlier crawls %s were killed; marked interrupted", self.site, interrupted)
        self.report.resumed = resumed
        self.options["resumed"] = resumed
        self.report.run_id = crawl_runs.start_run(self.db, self.site, self.options, os.getpid())
        if self.writer is not None:
            self.writer.start()  # early, so that its imports overlap the first fetches
        if self.options.get("extract") and self.hook is None:
            logger.warning("--extract: touzi.runner.extract_article is not available; articles "
                           "are stored but not extracted (run `touzi run` later)")
        return self.report.run_id

    def checkpoint(self, force: bool = False) -> None:
        """Write the report so far to the run's row (rate-limited unless forced)."""
        now = time.monotonic()
        if self.report.run_id is None or (not force and now - self._last_checkpoint < CHECKPOINT_SECONDS):
            return
        self._last_checkpoint = now
        crawl_runs.update_run(self.db, self.report.run_id, self.report.to_dict())

    def close(self, reason: str) -> dict[str, Any]:
        """Finish the run's row with its status and report; close the database."""
        if self.closed:
            return self.report.to_dict()
        report = self.report
        report.close_reason = reason
        if reason == "finished":
            # A crawl that could not read a single list page has failed, whatever Scrapy says.
            report.status = "finished" if report.list_pages else "failed"
        elif reason == "shutdown":
            report.status = "stopped"
        else:
            report.status = "failed" if "error" in reason or "exception" in reason else "stopped"
        report.finished_at = datetime.now(UTC).isoformat(timespec="seconds")
        data = report.to_dict()
        if report.run_id is not None:
            crawl_runs.finish_run(self.db, report.run_id, report.status, reason, data)
        self.db.conn.commit()
        _release(self.db_path)
        self.closed = True
        self._make_room(everyone=True)
        return data

    # -- what is known ------------------------------------------------------------------
    def known(self, urls: Iterable[str]) -> set[str]:
        """Which of these article URLs need no fetching."""
        return crawl_runs.known_urls(self.db, urls)

    def retry_urls(self) -> list[str]:
        """This site's article URLs that failed transiently in earlier crawls."""
        return crawl_runs.retry_urls(self.db, self.site)

    def is_known(self, url: str) -> bool:
        """True when one article URL needs no fetching."""
        return bool(crawl_runs.known_urls(self.db, [url]))

    # -- events -------------------------------------------------------------------------
    def page_fetched(self, kind: str) -> None:
        """Count one page that reached its callback (a list or an article page)."""
        if self.closed:
            return
        self.report.pages_fetched += 1
        if kind == "list":
            self.report.list_pages += 1
        elif kind == "article":
            self.report.article_pages += 1
        self.checkpoint()

    def failed(self, url: str, failure: FailureKind, article: bool) -> None:
        """Record a failure; for article URLs also record what becomes of the URL."""
        if self.closed:  # downloads cancelled while the crawl shuts down
            return
        self.report.errors_by_kind[failure.kind] += 1
        if self.report.run_id is not None:
            crawl_runs.add_error(self.db, self.report.run_id, url, failure.kind, failure.detail)
        if article:
            crawl_runs.settle_url(self.db, url, self.site, failure.url_status, self.report.run_id)
        self.checkpoint()

    def ingest(self, raw: RawArticle, url: str) -> IngestResult:
        """Hand one fetched article to the Ingestor, settle its URL, extract it if asked."""
        result = self.ingestor.add(raw)
        self._count(result.status)
        crawl_runs.settle_url(self.db, url, self.site, result.status, self.report.run_id,
                              result.article_id)
        if result.status == "new" and self.hook is not None and result.article_id is not None:
            self._extract(result.article_id, url)
        self.checkpoint()
        return result

    def room(self) -> Deferred[None] | None:
        """None when another article may be fetched now; else a Deferred that fires when one may."""
        if (self.writer is None or not self.writer.alive or self.closed or not self.backlog_limit
                or self.unanswered < self.backlog_limit):
            return None
        wait: Deferred[None] = Deferred()
        self._room.append(wait)
        return wait

    def _make_room(self, everyone: bool = False) -> None:
        # Every waiting request goes once there is room, each to ask room() again: releasing one
        # per answer hung crawls, because a released request that then fails (404, timeout)
        # is never stored, so no answer ever came to release the next one.
        if everyone or self.unanswered < self.backlog_limit:
            waiters, self._room = self._room, []
            for wait in waiters:
                wait.callback(None)

    def submit(self, raw: RawArticle, url: str) -> Deferred[str | None]:
        """Have one fetched article stored (by the writer process, if any); fires with its status.

        The Deferred fires once the article is stored and its URL settled (and extracted, if
        asked): only then may the request be marked done in the frontier.
        """
        done: Deferred[str | None] = Deferred()
        if self.writer is None or not self.writer.alive:
            done.callback(self.ingest(raw, url).status if not self.closed else None)
            return done
        job = {"raw": raw, "url": url, "site": self.site, "run_id": self.report.run_id,
               "extract": self.hook is not None}

        def answered(answer: dict[str, Any]) -> None:
            self.unanswered -= 1
            if self.closed:
                done.callback(None)
            elif answer["status"] == "lost":  # the writer died before storing it
                done.callback(self.ingest(raw, url).status)
            else:
                done.callback(self._answered(answer, url))
            self._make_room(everyone=self.closed or not self.writer or not self.writer.alive)

        self.unanswered += 1
        self.writer.submit(job, answered)
        return done

    def _answered(self, answer: dict[str, Any], url: str) -> str:
        status = answer["status"]
        if status == "error":
            self.failed(url, FailureKind("store_error", answer.get("error") or ""), article=True)
            return status
        self._count(status)
        if "extract" in answer:
            self._extracted(answer["extract"], url)
        self.checkpoint()
        return status

    def _count(self, status: str) -> None:
        if status == "new":
            self.report.articles_new += 1
        elif status == "known":
            self.report.articles_known += 1
        else:
            self.report.articles_failed += 1

    def _extract(self, article_id: int, url: str) -> None:
        assert self.hook is not None
        try:
            outcome = self.hook(self.db, article_id)
        except Exception as exc:  # an extractor bug must not stop the crawl
            error: str | None = f"{type(exc).__name__}: {exc}"
        else:
            error = getattr(outcome, "error", None)
        self._extracted(error, url)

    def _extracted(self, error: str | None, url: str) -> None:
        if error:
            self.report.extract_failed += 1
            self.report.errors_by_kind["extract_error"] += 1
            if self.report.run_id is not None:
                crawl_runs.add_error(self.db, self.report.run_id, url, "extract_error", str(error))
        else:
            self.report.extracted += 1
