"""The item pipeline: hand each fetched article to touzi's Ingestor (touzi.runner).

Articles land through the same `corpus` cleaning and `schema` storage as `touzi ingest`;
the crawl session then settles the URL, extracts the article when `--extract` was given,
and marks the request done in the frontier.

Cleaning (trafilatura, htmldate, normalisation) is most of an article's cost. With
TOUZI_CLEAN_WORKERS=N it runs in N worker processes while the crawl process fetches and
stores (SQLite keeps one writer); the default, 0, cleans in the crawl process, which is
plenty for polite crawls of a few pages a second. bench/bench_crawl.py measures both.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

from scrapy.utils.asyncio import is_asyncio_available

from touzi.runner import clean_for_store
from touzi.spiders.frontier import request_done
from touzi.spiders.items import CrawledArticle

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class _Done:
    """Just enough of a request for the frontier's `request_done` handler."""

    def __init__(self, frontier_id: int | None) -> None:
        self.meta = {} if frontier_id is None else {"touzi_frontier_id": frontier_id}


class IngestPipeline:
    """Store CrawledArticles with the crawl session's Ingestor; other items pass through."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.workers = max(0, crawler.settings.getint("TOUZI_CLEAN_WORKERS", 0))
        self.pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IngestPipeline:
        """Build the pipeline for a crawler."""
        return cls(crawler)

    def open_spider(self) -> None:
        """Start the cleaning workers, if any were asked for."""
        if self.workers and not is_asyncio_available():
            logger.warning("TOUZI_CLEAN_WORKERS needs the asyncio reactor; cleaning in-process")
            self.workers = 0
        if self.workers:
            # spawn, not fork: the crawl process runs threads and an event loop.
            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))

    def close_spider(self) -> None:
        """Stop the cleaning workers."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    async def process_item(self, item: Any) -> Any:
        """Ingest one article (never raises for bad input: failures are stored as such)."""
        if not isinstance(item, CrawledArticle):
            return item
        session = getattr(self.crawler.spider, "session", None)
        if session is None or session.closed:
            return item
        if self.pool is None:
            session.ingest(item.raw, item.url)
        else:
            loop = asyncio.get_running_loop()
            article = await loop.run_in_executor(self.pool, clean_for_store, item.raw)
            if session.closed:
                return item
            session.store(article, item.url)
        for miss in item.selector_misses:
            session.report.selector_misses[miss] += 1
        self.crawler.signals.send_catch_log(signal=request_done, request=_Done(item.frontier_id))
        return item
