"""The generic news spider: one spider for every site, driven by a site config.

    scrapy crawl news -a site=zjol [-a since=2024-01-01] [-a max_pages=5] [-a extract=1]
    touzi crawl zjol --since 2024-01-01

From each start URL (a section's first list page) it follows the site's pagination one page
at a time, fetches the article links it has not stored yet, and hands the pages to touzi's
Ingestor. A list page whose article links are all stored (or older than `since`) ends that
section: the crawl is incremental. Article pages are not searched for further links.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy import signals
from scrapy.http import Response
from twisted.python.failure import Failure

from touzi.corpus.encoding import declared_charset, decode
from touzi.spiders.config import SiteConfig, load_site
from touzi.spiders.fields import raw_article
from touzi.spiders.frontier import FRONTIER_ID, request_done
from touzi.spiders.items import CrawledArticle
from touzi.spiders.links import Link, read_list, url_date
from touzi.spiders.report import AlreadyStored, FailureKind, classify
from touzi.spiders.session import CrawlSession

logger = logging.getLogger(__name__)

LIST_PRIORITY = 0
# Articles go before the next list page, so a section is finished page by page and the
# frontier stays small.
ARTICLE_PRIORITY = 10
_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.I)
_HTML_TYPES = ("html", "xml", "text/plain")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


def header_charset(response: Response) -> str | None:
    """The charset the HTTP Content-Type header declares, if any."""
    value = response.headers.get(b"Content-Type") or b""
    match = _CHARSET.search(value.decode("latin-1"))
    return match.group(1) if match else None


def page_text(response: Response) -> str:
    """A response's text, decoded the way touzi.corpus decodes articles."""
    charset = header_charset(response)
    return decode(response.body, charset or declared_charset(response.body)).text


def since_date(value: str | None) -> str | None:
    """`--since` as YYYY-MM-DD (YYYY-MM means the first of the month); ValueError if unreadable."""
    if not value:
        return None
    value = value.strip()
    if not _DATE_ONLY.match(value):
        raise ValueError(f"since must be a date like 2024-01-31 or 2024-01, not {value!r}")
    return value if len(value) == 10 else value + "-01"


class NewsSpider(scrapy.Spider):
    """Crawl one configured site's lists and store its new articles."""

    name = "news"

    def __init__(
        self,
        site: str | None = None,
        since: str | None = None,
        max_pages: str | int | None = None,
        extract: str | bool | None = None,
        sites_dir: str | None = None,
        db: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if not site:
            raise ValueError("name a site: scrapy crawl news -a site=NAME (`touzi sites` lists them)")
        self.site_arg = site
        self.since_arg = since
        self.max_pages_arg = max_pages
        self.extract_arg = extract
        self.sites_dir_arg = sites_dir
        self.db_arg = db
        self.config: SiteConfig
        self.session: CrawlSession
        self.since: str | None = None
        self.max_pages = 0
        self.list_requested = 0
        self.final_report: dict[str, Any] | None = None

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> NewsSpider:
        """Build the spider, read its site config and open its crawl session."""
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider._configure(crawler.settings)
        crawler.signals.connect(spider._opened, signal=signals.spider_opened)
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        crawler.signals.connect(spider._spider_error, signal=signals.spider_error)
        return spider

    def _configure(self, settings: Any) -> None:
        dirs = list(settings.getlist("TOUZI_SITES_DIRS"))
        if self.sites_dir_arg:
            dirs.insert(0, self.sites_dir_arg)
        self.config = load_site(self.site_arg, dirs)
        self.allowed_domains = list(self.config.allowed_domains)
        self.since = since_date(self.since_arg or settings.get("TOUZI_SINCE"))
        max_pages = self.max_pages_arg or settings.getint("TOUZI_MAX_PAGES") or self.config.max_pages
        self.max_pages = int(max_pages)
        extract = self.extract_arg if self.extract_arg is not None else settings.getbool("TOUZI_EXTRACT")
        extract = str(extract).lower() in ("1", "true", "yes", "on")
        db_path = self.db_arg or settings.get("TOUZI_DB") or "touzi.db"
        self.session = CrawlSession(
            db_path,
            self.config.name,
            since=self.since,
            max_pages=self.max_pages,
            extract=extract,
            options={"jobdir": settings.get("JOBDIR")},
            writer=str(settings.get("TOUZI_WRITER") or "process").lower() != "inline",
        )

    # -- lifecycle ----------------------------------------------------------------------
    def _opened(self, spider: scrapy.Spider) -> None:
        if spider is not self:
            return
        resumed = int(self.crawler.stats.get_value("frontier/resumed", 0) or 0)
        run_id = self.session.open(resumed=resumed > 0)
        # One download slot per site, so politeness limits hold across the site's hosts (and
        # for every config of one domain); a config may ask for a longer delay or fewer
        # parallel requests.
        slot: dict[str, Any] = {}
        if self.config.download_delay is not None:
            slot["delay"] = self.config.download_delay
        if self.config.max_concurrency is not None:
            slot["concurrency"] = self.config.max_concurrency
        if slot:
            self.crawler.engine.downloader.per_slot_settings.setdefault(self.slot_key, slot)
        self.session.backlog_limit = max(1, self.config.max_concurrency or self.crawler.settings.getint(
            "CONCURRENT_REQUESTS_PER_DOMAIN", 1))
        logger.info("crawl %s of %s started (%s)", run_id, self.config.name,
                    f"resuming {resumed} pending requests" if resumed else "fresh")

    def _closed(self, spider: scrapy.Spider, reason: str) -> None:
        if spider is not self:
            return
        self.final_report = self.session.close(reason)
        logger.info("crawl report: %s", self.session.report.summary_line())

    def _spider_error(self, failure: Failure, response: Response, spider: scrapy.Spider) -> None:
        if spider is not self or self.session.closed:
            return
        kind = "article" if response.meta.get("touzi_kind") == "article" else "list"
        url = response.meta.get("touzi_url", response.url)
        self.session.failed(url, FailureKind("spider_error", f"{type(failure.value).__name__}: "
                                             f"{failure.value}"), article=kind == "article")
        self._done(response.request)

    @property
    def slot_key(self) -> str:
        """The download slot all of this site's requests share (and any site on its domain)."""
        return f"touzi:{self.config.allowed_domains[0]}"

    def _done(self, request: scrapy.Request | None) -> None:
        if request is not None:
            self.crawler.signals.send_catch_log(signal=request_done, request=request)

    # -- requests -----------------------------------------------------------------------
    def _list_request(
        self, url: str, section: str, page: int, values: dict[str, str] | None = None,
        dont_filter: bool = False,
    ) -> scrapy.Request:
        self.list_requested += 1
        meta: dict[str, Any] = {"touzi_kind": "list", "touzi_section": section, "touzi_page": page,
                                "download_slot": self.slot_key}
        if values:
            meta["touzi_values"] = values
        return scrapy.Request(
            url,
            callback=self.parse_list,
            errback=self.on_error,
            priority=LIST_PRIORITY,
            dont_filter=dont_filter,
            meta=meta,
        )

    def _article_request(self, link: Link, list_url: str | None) -> scrapy.Request:
        return scrapy.Request(
            link.url,
            callback=self.parse_article,
            errback=self.on_error,
            priority=ARTICLE_PRIORITY,
            meta={"touzi_kind": "article", "touzi_url": link.url, "touzi_list": list_url,
                  "touzi_date": link.date, "download_slot": self.slot_key},
        )

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """One request per start URL (each begins a section), then earlier transient failures.

        Start pages are fetched even on resume. Articles that failed with a transient error
        in an earlier crawl are asked for again directly: the list page that linked them may
        lie past where an incremental crawl stops.
        """
        for url in self.config.start_urls:
            yield self._list_request(url, section=url, page=1, dont_filter=True)
        for url in self.session.retry_urls():
            date = url_date(url)
            if self.config.is_article(url) and not (self.since and date and date < self.since):
                yield self._article_request(Link(url, "", date), None)

    # -- callbacks ----------------------------------------------------------------------
    def parse_list(self, response: Response) -> Iterator[scrapy.Request]:
        """Queue the unseen articles of a list page, and its next page unless the page is done."""
        self.session.page_fetched("list")
        section = response.meta.get("touzi_section", response.url)
        page_no = int(response.meta.get("touzi_page", 1))
        page = read_list(page_text(response), response.url, self.config, section, page_no,
                         response.meta.get("touzi_values"))
        report = self.session.report
        known = self.session.known(link.url for link in page.articles)
        fresh: list[Link] = []
        old = 0
        for link in page.articles:
            if link.url in known:
                report.skipped_known += 1
            elif self.since and link.date and link.date < self.since:
                old += 1
            else:
                fresh.append(link)
        report.skipped_old += old
        if not page.articles:
            reason = "no_articles"
        elif not fresh:
            reason = "since" if old else "all_known"
        elif self.list_requested >= self.max_pages:
            reason = "max_pages"
        elif not page.next_url:
            reason = "last_page"
        else:
            reason = None
            # Queued before the articles, so a crash while they are queued cannot lose it.
            yield self._list_request(page.next_url, section, page_no + 1, page.values)
        if reason is not None:
            report.stop_reasons[section] = f"{reason} (page {page_no})"
        for url in page.follow:
            if self.list_requested < self.max_pages:
                yield self._list_request(url, section=url, page=1)
        for link in fresh:
            yield self._article_request(link, response.url)
        self._done(response.request)

    def parse_article(self, response: Response) -> Iterator[CrawledArticle]:
        """Yield the fetched page as a CrawledArticle (fields from the config's rules, if any)."""
        url = response.meta.get("touzi_url", response.url)
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
        if content_type and not any(t in content_type for t in _HTML_TYPES):
            self.session.failed(url, FailureKind("not_html", f"Content-Type {content_type}", "skipped"),
                                article=True)
            self._done(response.request)
            return
        self.session.page_fetched("article")
        raw, misses = raw_article(self.config, response.body, url, response.url,
                                  header_charset(response))
        yield CrawledArticle(
            raw=raw,
            url=url,
            site=self.config.name,
            list_url=response.meta.get("touzi_list"),
            frontier_id=response.meta.get(FRONTIER_ID),
            selector_misses=misses,
        )

    def on_error(self, failure: Failure) -> None:
        """Record a failed request (after its retries) in the crawl report and the database."""
        request = getattr(failure, "request", None)
        if request is None and hasattr(failure.value, "response"):
            request = failure.value.response.request
        meta = request.meta if request is not None else {}
        if isinstance(failure.value, AlreadyStored):
            self.session.report.skipped_known += 1
            self._done(request)
            return
        kind = meta.get("touzi_kind", "list")
        url = meta.get("touzi_url") or (request.url if request is not None else "?")
        found = classify(failure)
        if kind == "list" and found.kind == "http_404" and self.config.template and meta.get("touzi_page", 1) > 1:
            # A page number past the last one: the normal end of a templated section.
            self.session.report.stop_reasons[meta.get("touzi_section", url)] = (
                f"last_page (page {meta['touzi_page']} is 404)")
            self._done(request)
            return
        self.session.failed(url, found, article=kind == "article")
        if kind == "list":
            section = meta.get("touzi_section", url)
            self.session.report.stop_reasons.setdefault(
                section, f"error {found.kind} (page {meta.get('touzi_page', 1)})")
        logger.info("%s %s: %s", found.kind, url, found.detail)
        self._done(request)
