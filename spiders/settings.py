"""Scrapy settings for touzi's crawls: polite by default, every value overridable.

Used by `touzi crawl` and by `scrapy crawl news -a site=NAME` run from the repository root
(scrapy.cfg points here; elsewhere set SCRAPY_SETTINGS_MODULE=touzi.spiders.settings).
Override any value with `-s NAME=VALUE` (scrapy) or `--set NAME=VALUE` (touzi crawl).

touzi's own settings:
- TOUZI_DB: the database file (default: $TOUZI_DB or ./touzi.db)
- TOUZI_SITES_DIRS: extra folders of site configs, searched before the shipped ones
- TOUZI_SINCE, TOUZI_MAX_PAGES, TOUZI_EXTRACT: defaults for the spider's since, max_pages
  and extract arguments
- TOUZI_WRITER: `process` (default) cleans and stores articles in one writer process beside
  the crawl (touzi.spiders.writer); `inline` does it on the crawl's reactor thread
- RETRY_BACKOFF_BASE, RETRY_BACKOFF_MAX, RETRY_AFTER_MAX: seconds; see middlewares.py
"""

from __future__ import annotations

import os

from touzi import __version__

BOT_NAME = "touzi"
SPIDER_MODULES = ["touzi.spiders.news"]
NEWSPIDER_MODULE = "touzi.spiders"

# Site operators who see the crawler in their logs should be able to tell what it is and who
# runs it: set TOUZI_CONTACT to your own page or address when you crawl.
# No address is invented for the project: the User-Agent names a contact only when one is set.
CONTACT = os.environ.get("TOUZI_CONTACT", "").strip()
USER_AGENT = (
    f"touzi/{__version__} (+{CONTACT}; research crawler of public news)"
    if CONTACT
    else f"touzi/{__version__} (research crawler of public news)"
)

# Politeness.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.5
DOWNLOAD_DELAY_JITTER = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 3.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Failures: retried with backoff (BackoffRetryMiddleware), then recorded.
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 2.0
RETRY_BACKOFF_MAX = 60.0
RETRY_AFTER_MAX = 300.0
RETRY_GIVE_UP_LOG_LEVEL = "INFO"
DOWNLOAD_TIMEOUT = 30
# Articles are kilobytes; anything past this is not one (touzi ingest refuses 10 MB files too).
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
REDIRECT_MAX_TIMES = 10

DOWNLOADER_MIDDLEWARES = {
    "touzi.spiders.middlewares.SkipKnownMiddleware": 50,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "touzi.spiders.middlewares.BackoffRetryMiddleware": 550,
}
ITEM_PIPELINES = {"touzi.spiders.pipelines.IngestPipeline": 300}
# Scrapy starts this many asyncio tasks for every callback's output; an article page yields
# one item, and the default 100 cost ~1 ms per page (measured with bench/bench_crawl.py).
CONCURRENT_ITEMS = 16
# A queue that survives kill -9 when JOBDIR is set (see frontier.py).
SCHEDULER = "touzi.spiders.frontier.FrontierScheduler"

TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"

TOUZI_DB = os.environ.get("TOUZI_DB", "touzi.db")
TOUZI_SITES_DIRS: list[str] = []
TOUZI_SINCE = None
TOUZI_MAX_PAGES = 0
TOUZI_EXTRACT = False
TOUZI_WRITER = "process"
