"""Downloader middlewares: skip article URLs already stored (and wait for the article writer to
keep up); retry with backoff and Retry-After.

Scrapy's RetryMiddleware re-queues a failed request at once and ignores Retry-After, which
hammers a struggling server three times in a second; `BackoffRetryMiddleware` waits
RETRY_BACKOFF_BASE × 2^(n-1) seconds (with jitter, capped at RETRY_BACKOFF_MAX) before retry n,
or what a 429/503 response's Retry-After asks (up to RETRY_AFTER_MAX; longer waits give up).
"""

from __future__ import annotations

import random
import time
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.asyncio import sleep
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.response import response_status_message

from touzi.spiders.report import AlreadyStored

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

RETRY_AT = "touzi_retry_at"


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date); None if unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class SkipKnownMiddleware:
    """Drop article requests whose URL the database already holds (before robots or download).

    List pages filter their links in bulk; this catches the rest: requests restored from a
    frontier after a kill, and links that reached the queue twice before either was stored.
    An article request also waits here while the crawl's writer process holds as many
    unstored articles as the site may download at once (CrawlSession.room): fetching runs
    ahead of storing by that much at most.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SkipKnownMiddleware:
        """Build the middleware for a crawler."""
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        """Raise AlreadyStored for a known article URL; wait for the writer to keep up."""
        if request.meta.get("touzi_kind") != "article":
            return None
        session = getattr(self.crawler.spider, "session", None)
        if session is None or session.closed:
            return None
        url = request.meta.get("touzi_url", request.url)
        if session.is_known(url):
            raise AlreadyStored(f"already stored: {url}")
        while (wait := session.room()) is not None:
            await maybe_deferred_to_future(wait)
        return None


class BackoffRetryMiddleware(RetryMiddleware):
    """RetryMiddleware that waits before each retry: exponential backoff, or Retry-After."""

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 2.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 300.0)

    def _delay(self, retry_times: int) -> float:
        delay = min(self.cap, self.base * 2 ** max(0, retry_times - 1))
        return delay * random.uniform(0.8, 1.2)

    def _retry_later(self, request: Request, reason: Any, wait: float | None) -> Request | None:
        retry = self._retry(request, reason)
        if retry is not None:
            delay = wait if wait is not None else self._delay(retry.meta.get("retry_times", 1))
            retry.meta[RETRY_AT] = time.time() + delay
        return retry

    async def process_request(self, request: Request) -> None:
        """Hold a retried request until its backoff is over (other requests go on meanwhile)."""
        retry_at = request.meta.get(RETRY_AT)
        if retry_at is not None:
            wait = retry_at - time.time()
            if wait > 0:
                await sleep(wait)
        return None

    def process_response(self, request: Request, response: Response) -> Request | Response:
        """Retry a retryable status after a wait; honour Retry-After on 429 and 503."""
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        wait = None
        if response.status in (429, 503):
            wait = retry_after_seconds(response.headers.get(b"Retry-After"))
            if wait is not None and wait > self.retry_after_max:
                return response  # the server asks for a longer pause than a crawl should take
        return self._retry_later(request, response_status_message(response.status), wait) or response

    def process_exception(self, request: Request, exception: Exception) -> Request | None:
        """Retry a transient network error after a wait."""
        if isinstance(exception, self.exceptions_to_retry) and not request.meta.get("dont_retry", False):
            return self._retry_later(request, exception, None)
        return None
