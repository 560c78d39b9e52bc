"""The item pipeline: hand each fetched article to touzi's Ingestor (touzi.runner).

Articles land through the same `corpus` cleaning and `schema` storage as `touzi ingest`;
the crawl session then settles the URL, extracts the article when `--extract` was given,
and marks the request done in the frontier.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from touzi.spiders.frontier import request_done
from touzi.spiders.items import CrawledArticle

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class _Done:
    """Just enough of a request for the frontier's `request_done` handler."""

    def __init__(self, frontier_id: int | None) -> None:
        self.meta = {} if frontier_id is None else {"touzi_frontier_id": frontier_id}


class IngestPipeline:
    """Store CrawledArticles with the crawl session's Ingestor; other items pass through."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IngestPipeline:
        """Build the pipeline for a crawler."""
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        """Ingest one article (never raises for bad input: failures are stored as such)."""
        if not isinstance(item, CrawledArticle):
            return item
        spider = self.crawler.spider
        session = getattr(spider, "session", None)
        if session is None or session.closed:
            return item
        session.ingest(item.raw, item.url)
        for miss in item.selector_misses:
            session.report.selector_misses[miss] += 1
        self.crawler.signals.send_catch_log(signal=request_done, request=_Done(item.frontier_id))
        return item
