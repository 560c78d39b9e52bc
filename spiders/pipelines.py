"""The item pipeline: hand each fetched article to touzi's ingestion (touzi.runner.Ingestor).

Articles land through the same `corpus` cleaning and `schema` storage as `touzi ingest`. By
default they are cleaned and stored by the crawl's article writer process
(touzi.spiders.writer), so Scrapy's reactor never waits on trafilatura or SQLite; with
TOUZI_WRITER=inline they are cleaned and stored on the reactor thread. Either way the item
is finished, and the request marked done in the frontier, only once the article is stored and
its URL settled (and, with `--extract`, extracted). bench/bench_crawl.py measures the cost.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.utils.defer import maybe_deferred_to_future

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
    """Store CrawledArticles through the crawl session; other items pass through."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IngestPipeline:
        """Build the pipeline for a crawler."""
        return cls(crawler)

    async def process_item(self, item: Any) -> Any:
        """Ingest one article (never raises for bad input: failures are stored as such)."""
        if not isinstance(item, CrawledArticle):
            return item
        session = getattr(self.crawler.spider, "session", None)
        if session is None or session.closed:
            return item
        status = await maybe_deferred_to_future(session.submit(item.raw, item.url))
        if status is None or session.closed:  # the crawl closed before the article landed
            return item
        for miss in item.selector_misses:
            session.report.selector_misses[miss] += 1
        self.crawler.signals.send_catch_log(signal=request_done, request=_Done(item.frontier_id))
        return item
