"""A crawl killed with SIGKILL and started again resumes: nothing lost, nothing duplicated.
And articles go through the extractor as they land when asked (--extract)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from crawlkit import (
    REPO,
    build_news_site,
    corpus_pages,
    crawl_command,
    rows,
    run_crawl,
    write_config,
)
from mockserver import MockSite

pytestmark = pytest.mark.slow


def _count(db: Path, sql: str) -> int:
    try:
        return int(rows(db, sql)[0][0])
    except (sqlite3.OperationalError, IndexError):  # not created yet
        return 0


def test_kill_minus_nine_then_resume(mock_site: MockSite, corpus_dir: Path, tmp_path: Path) -> None:
    pages = corpus_pages(corpus_dir, limit=40)
    urls = build_news_site(mock_site, pages, per_page=10)
    sites = write_config(tmp_path / "sites", "sample", mock_site)
    db = tmp_path / "crawl.db"
    jobdir = tmp_path / "jobs"
    settings = {"CONCURRENT_REQUESTS_PER_DOMAIN": 2}
    mock_site.delay_all = 0.1  # slow enough to kill mid-crawl

    proc = subprocess.Popen(crawl_command(["sample"], db, sites, "--jobdir", str(jobdir),
                                          settings=settings),
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while _count(db, "SELECT count(*) FROM crawl_urls") < 12 and time.monotonic() < deadline:
        assert proc.poll() is None, "the crawl ended before it could be killed"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    landed = _count(db, "SELECT count(*) FROM crawl_urls")
    assert 12 <= landed < len(pages)
    frontier = jobdir / "sample" / "frontier.sqlite"
    assert frontier.exists()
    fetched_before = {p for p in mock_site.hits if "/news/2" in p or "/news/1" in p}

    mock_site.delay_all = 0
    code, (report,), stderr = run_crawl(["sample"], db, sites, "--jobdir", str(jobdir), settings=settings)

    assert code == 0, stderr[-2000:]
    assert report["resumed"] is True and report["status"] == "finished"
    # Nothing lost: every article is settled; nothing duplicated: one row per URL and content.
    assert sorted(u for (u,) in rows(db, "SELECT url FROM crawl_urls")) == sorted(urls)
    # (Copies of one text at two URLs are two stored items, linked; one URL is one item.)
    counts = rows(db, "SELECT count(*), count(DISTINCT url) FROM articles")[0]
    assert counts[0] == counts[1]
    assert counts[0] + _count(db, "SELECT count(*) FROM crawl_urls WHERE status = 'known'") == len(urls)
    # Only what was in flight at the kill is fetched twice: downloads (at most the downloader's
    # capacity) and articles the writer had not stored (as many again at most; the writer
    # stores what it was sent even after the crawl process is gone).
    twice = [p for p, n in mock_site.hits.items() if n > 1 and "/news/" in p and "index" not in p]
    assert len(twice) <= 8
    assert set(twice) <= fetched_before
    # The killed run is recorded as interrupted, the resumed one as finished; the frontier
    # of a finished crawl is gone, so the next crawl starts from the list pages again.
    assert [r[0] for r in rows(db, "SELECT status FROM crawl_runs ORDER BY id")] == ["interrupted", "finished"]
    assert not frontier.exists()


def test_extract_on_arrival(mock_site: MockSite, corpus_dir: Path, tmp_path: Path) -> None:
    pages = [p for p in corpus_pages(corpus_dir) if "gne_tests" in str(p.file)][:3]
    build_news_site(mock_site, pages, per_page=5)
    sites = write_config(tmp_path / "sites", "sample", mock_site)
    db = tmp_path / "crawl.db"
    code, (report,), stderr = run_crawl(["sample"], db, sites, "--extract", timeout=240)
    assert code == 0, stderr[-2000:]
    assert report["extract"] == "on"
    assert report["articles_new"] == 3
    assert report["extracted"] + report["extract_failed"] == 3
    extracted = rows(db, "SELECT count(DISTINCT article_id) FROM extractions")[0][0]
    assert extracted == 3
