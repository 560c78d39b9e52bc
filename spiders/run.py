"""Running crawls from Python (what `touzi crawl` calls): settings, one crawler per site.

    >>> reports = crawl(["zjol", "zjgov"], db="touzi.db", since="2024-01-01")
    >>> reports[0]["articles_new"]

Twisted's reactor runs once per process, so `crawl` can be called once per process; run
several sites in one call (they crawl side by side, each with its own report). Articles are
cleaned and stored by one writer process per database (`python -m touzi.spiders.writer`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings

from touzi.spiders.config import load_site
from touzi.spiders.news import NewsSpider, since_date


def default_jobdir(db: str | Path) -> Path:
    """Where `touzi crawl` keeps resumable crawl state for a database: beside it."""
    db = Path(db)
    return db.with_name(db.stem + ".crawl")


def crawl_settings(
    db: str | Path,
    *,
    sites_dirs: Sequence[str | Path] = (),
    overrides: Mapping[str, Any] | None = None,
    log_level: str = "WARNING",
) -> Settings:
    """touzi's Scrapy settings for a database, with `overrides` on top (as from the command line)."""
    settings = Settings()
    settings.setmodule("touzi.spiders.settings", priority="project")
    settings.set("TOUZI_DB", str(db), priority="cmdline")
    settings.set("TOUZI_SITES_DIRS", [str(d) for d in sites_dirs], priority="cmdline")
    settings.set("LOG_LEVEL", log_level, priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def crawl(
    sites: Sequence[str],
    *,
    db: str | Path,
    since: str | None = None,
    max_pages: int | None = None,
    extract: bool = False,
    jobdir: str | Path | None = None,
    sites_dirs: Sequence[str | Path] = (),
    overrides: Mapping[str, Any] | None = None,
    log_level: str = "WARNING",
) -> list[dict[str, Any]]:
    """Crawl the sites (side by side) into `db`; return one crawl report per site.

    Raises ConfigError for an unknown or broken site config and ValueError for a bad `since`,
    before anything is fetched. `jobdir` keeps each site's resumable state in jobdir/SITE
    (default: beside the database); a crawl that was killed resumes from there.
    """
    since = since_date(since)
    if not Path(db).parent.is_dir():
        raise ValueError(f"no folder {Path(db).parent} for the database {db}")
    configs = [load_site(site, sites_dirs) for site in sites]
    settings = crawl_settings(db, sites_dirs=sites_dirs, overrides=overrides, log_level=log_level)
    root = Path(jobdir) if jobdir is not None else default_jobdir(db)
    process = CrawlerProcess(settings)
    crawlers: list[Crawler] = []
    for i, (config, site) in enumerate(zip(configs, sites, strict=True)):
        own = settings.copy()
        own.set("JOBDIR", str(root / config.name), priority="cmdline")
        # Each site keeps its own JOBDIR, so each gets its own Crawler; the first installs
        # the reactor (what CrawlerProcess.create_crawler would do).
        crawler = Crawler(NewsSpider, own, init_reactor=i == 0)
        crawlers.append(crawler)
        process.crawl(
            crawler,
            site=site,
            since=since,
            max_pages=max_pages,
            extract="1" if extract else "0",
            db=str(db),
        )
    process.start()
    reports = []
    for config, crawler in zip(configs, crawlers, strict=True):
        spider = crawler.spider
        report = getattr(spider, "final_report", None) if spider is not None else None
        reports.append(report or {"site": config.name, "status": "failed",
                                  "close_reason": "the crawl did not start"})
    return reports
