"""The crawl report (what one site crawl fetched, stored and met) and how failures are named.

Every failure gets a short `kind` (http_404, timeout, connection_lost, redirect_loop,
too_large, robots, dns, …) so reports can be compared across crawls and sites, and a
verdict on the URL: `gone` and `blocked` URLs are never fetched again, transient ones are
retried by the next crawl.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as txerror
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

# HTTP statuses that say the page will not come back: its URL is settled as `gone`.
GONE_STATUSES = frozenset({404, 410, 451})


class AlreadyStored(IgnoreRequest):
    """Raised for an article request whose URL the database already holds."""


@dataclass(frozen=True)
class FailureKind:
    """A failure's short name, its detail, and what becomes of the URL (gone, blocked, error)."""

    kind: str
    detail: str
    url_status: str = "error"


def _camel_to_snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def classify(failure: Failure | BaseException) -> FailureKind:
    """Name a download or parse failure (never raises)."""
    exc = failure.value if isinstance(failure, Failure) else failure
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, HttpError):
        status = exc.response.status
        return FailureKind(f"http_{status}", f"HTTP {status}",
                           "gone" if status in GONE_STATUSES else "error")
    if isinstance(exc, IgnoreRequest):
        if "robots.txt" in detail:
            return FailureKind("robots", detail, "blocked")
        if "redirection" in detail:
            return FailureKind("redirect_loop", detail)
        if "offsite" in detail:
            return FailureKind("offsite", detail, "skipped")
        return FailureKind("ignored", detail)
    if isinstance(exc, DownloadCancelledError):
        # Scrapy cancels a download for one reason while a crawl runs: the body passed
        # DOWNLOAD_MAXSIZE (announced: with a message; while streaming: without one).
        if not str(exc):
            detail = "body larger than DOWNLOAD_MAXSIZE (cancelled while downloading)"
        return FailureKind("too_large", detail, "skipped")
    if isinstance(exc, DownloadTimeoutError | txerror.TimeoutError | txerror.TCPTimedOutError):
        return FailureKind("timeout", detail)
    if isinstance(exc, CannotResolveHostError | txerror.DNSLookupError):
        return FailureKind("dns", detail)
    if isinstance(exc, DownloadConnectionRefusedError | txerror.ConnectionRefusedError):
        return FailureKind("connection_refused", detail)
    if isinstance(
        exc,
        ResponseDataLossError | ResponseNeverReceived | ResponseFailed | txerror.ConnectionLost
        | txerror.ConnectionDone | DownloadFailedError | txerror.ConnectError,
    ):
        return FailureKind("connection_lost", detail)
    return FailureKind(_camel_to_snake(type(exc).__name__), detail)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class CrawlReport:
    """What one site crawl did; `to_dict()` keys are a stable interface (crawl_runs.report)."""

    site: str
    run_id: int | None = None
    status: str = "running"
    close_reason: str | None = None
    started_at: str = field(default_factory=_now)
    finished_at: str | None = None
    resumed: bool = False
    since: str | None = None
    max_pages: int | None = None
    extract: str = "off"  # off | on | pending (flag given, extractor hook not available yet)
    pages_fetched: int = 0
    list_pages: int = 0
    article_pages: int = 0
    articles_new: int = 0
    articles_known: int = 0
    articles_failed: int = 0
    skipped_known: int = 0
    skipped_old: int = 0
    extracted: int = 0
    extract_failed: int = 0
    errors_by_kind: Counter[str] = field(default_factory=Counter)
    selector_misses: Counter[str] = field(default_factory=Counter)
    stop_reasons: dict[str, str] = field(default_factory=dict)
    _t0: float = field(default_factory=time.monotonic, repr=False)

    @property
    def errors(self) -> int:
        """How many failures were recorded."""
        return sum(self.errors_by_kind.values())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready report with stable keys."""
        seconds = round(time.monotonic() - self._t0, 3)
        return {
            "run_id": self.run_id,
            "site": self.site,
            "status": self.status,
            "close_reason": self.close_reason,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "seconds": seconds,
            "resumed": self.resumed,
            "since": self.since,
            "max_pages": self.max_pages,
            "extract": self.extract,
            "pages_fetched": self.pages_fetched,
            "list_pages": self.list_pages,
            "article_pages": self.article_pages,
            "pages_per_second": round(self.pages_fetched / seconds, 2) if seconds > 0 else 0.0,
            "articles_new": self.articles_new,
            "articles_known": self.articles_known,
            "articles_failed": self.articles_failed,
            "skipped_known": self.skipped_known,
            "skipped_old": self.skipped_old,
            "extracted": self.extracted,
            "extract_failed": self.extract_failed,
            "errors": self.errors,
            "errors_by_kind": dict(sorted(self.errors_by_kind.items())),
            "selector_misses": dict(sorted(self.selector_misses.items())),
            "stop_reasons": dict(sorted(self.stop_reasons.items())),
        }

    def summary_line(self) -> str:
        """One line for logs: fetched, new/known/failed, errors by kind."""
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.errors_by_kind.items())) or "none"
        return (
            f"{self.site}: {self.status}; {self.pages_fetched} pages fetched "
            f"({self.list_pages} list, {self.article_pages} article); articles "
            f"{self.articles_new} new, {self.articles_known} known, {self.articles_failed} failed; "
            f"{self.skipped_known} links already stored; errors: {kinds}"
        )
