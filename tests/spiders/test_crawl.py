"""Whole crawls against a local site made of the real saved pages in ../shared/corpus/html.

Each crawl runs `touzi crawl` (or `scrapy crawl`) in a subprocess, as a user would, with
politeness delays and retry waits turned down (crawlkit.FAST).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from crawlkit import (
    FAST,
    REPO,
    article_path,
    build_news_site,
    corpus_pages,
    list_path,
    rows,
    run_crawl,
    write_config,
)
from mockserver import MockSite

from touzi.corpus.clean import clean
from touzi.corpus.model import RawArticle
from touzi.corpus.segment import index_words

pytestmark = pytest.mark.slow


def _is_article(path: str) -> bool:
    return path.startswith("/news/") and "index" not in path


def test_a_full_crawl_lands_every_article_exactly_once(
    mock_site: MockSite, corpus_dir: Path, tmp_path: Path
) -> None:
    pages = corpus_pages(corpus_dir)
    assert len(pages) >= 90
    urls = build_news_site(mock_site, pages, per_page=10)
    sites = write_config(tmp_path / "sites", "sample", mock_site)
    db = tmp_path / "crawl.db"

    code, reports, stderr = run_crawl(["sample"], db, sites)

    assert code == 0, stderr
    (report,) = reports
    assert report["status"] == "finished"
    assert report["list_pages"] == 10 and report["article_pages"] == len(pages)
    assert report["errors"] == 0 and report["errors_by_kind"] == {}
    assert report["articles_new"] + report["articles_known"] + report["articles_failed"] == len(pages)
    assert report["stop_reasons"] == {mock_site.url("/news/index.html"): "last_page (page 10)"}
    # Every page fetched once, every URL settled once, every new article stored once.
    assert all(n == 1 for path, n in mock_site.hits.items() if _is_article(path))
    assert mock_site.count(_is_article) == len(pages)
    settled = rows(db, "SELECT url, status, count(*) OVER (PARTITION BY url) FROM crawl_urls")
    assert sorted(url for url, _, _ in settled) == sorted(urls)
    assert all(n == 1 for _, _, n in settled)
    stored = rows(db, "SELECT url, count(*) FROM articles GROUP BY url")
    assert len(stored) == report["articles_new"] + report["articles_failed"]
    assert all(n == 1 for _, n in stored)
    assert {status for _, status, _ in settled} <= {"new", "known", "failed"}
    # The same ingestion as `touzi ingest`: the stored text is what corpus makes of the bytes.
    by_url = dict(rows(db, "SELECT url, content_hash FROM articles"))
    for page in pages[::9]:
        url = mock_site.url(article_path(page))
        if url in by_url:
            direct = clean(RawArticle(str(page.file), page.data, "html", declared_encoding=page.charset))
            assert by_url[url] == direct.content_hash, page.file.name
    run = rows(db, "SELECT status, pages_fetched, articles_new, errors, report FROM crawl_runs")
    assert run[0][:4] == ("finished", report["pages_fetched"], report["articles_new"], 0)
    assert "touzi/" in next(iter(mock_site.user_agents))


def test_a_second_crawl_fetches_no_article_again_and_stops_at_the_first_known_page(
    mock_site: MockSite, corpus_dir: Path, tmp_path: Path
) -> None:
    pages = corpus_pages(corpus_dir, limit=16)
    newest = max(pages, key=lambda p: (p.date, p.key))  # lists show newest first
    build_news_site(mock_site, [p for p in pages if p is not newest], per_page=5)
    sites = write_config(tmp_path / "sites", "sample", mock_site)
    db = tmp_path / "crawl.db"
    assert run_crawl(["sample"], db, sites)[0] == 0
    before = rows(db, "SELECT count(*) FROM articles")[0][0]

    mock_site.reset_log()
    code, (report,), _ = run_crawl(["sample"], db, sites)
    assert code == 0
    assert mock_site.count(_is_article) == 0
    assert mock_site.count(lambda p: "index" in p) == 1  # page 1 only: all its links are stored
    assert report["articles_new"] == 0 and report["article_pages"] == 0
    assert report["skipped_known"] == 5
    assert report["stop_reasons"] == {mock_site.url("/news/index.html"): "all_known (page 1)"}

    # A new article at the top of the list: the next crawl fetches it and nothing else.
    build_news_site(mock_site, pages, per_page=5)
    mock_site.reset_log()
    code, (report,), _ = run_crawl(["sample"], db, sites)
    assert code == 0
    assert [p for p in mock_site.hits if _is_article(p)] == [article_path(newest)]
    assert mock_site.count(_is_article) == 1
    assert report["articles_new"] + report["articles_known"] == 1
    assert rows(db, "SELECT count(*) FROM crawl_urls")[0][0] == len(pages)
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == before + report["articles_new"]
    statuses = [r[0] for r in rows(db, "SELECT status FROM crawl_runs ORDER BY id")]
    assert statuses == ["finished", "finished", "finished"]


def test_since_and_max_pages_bound_a_crawl(mock_site: MockSite, corpus_dir: Path, tmp_path: Path) -> None:
    pages = corpus_pages(corpus_dir, limit=30)
    build_news_site(mock_site, pages, per_page=5)
    sites = write_config(tmp_path / "sites", "sample", mock_site)
    since = "2021-01-01"
    newer = [p for p in pages if p.date >= since]
    assert 3 <= len(newer) < len(pages) - 10

    code, (report,), _ = run_crawl(["sample"], tmp_path / "a.db", sites, "--since", since)
    assert code == 0
    fetched = {p for p in mock_site.hits if _is_article(p)}
    assert fetched == {article_path(p) for p in newer}
    assert report["stop_reasons"][mock_site.url("/news/index.html")].startswith("since")
    assert report["skipped_old"] >= 1
    assert report["list_pages"] < 6  # pages of older articles were never fetched

    mock_site.reset_log()
    code, (report,), _ = run_crawl(["sample"], tmp_path / "b.db", sites, "--max-pages", "2")
    assert code == 0
    assert mock_site.count(lambda p: "index" in p) == 2
    assert report["article_pages"] == 10
    assert report["stop_reasons"][mock_site.url("/news/index.html")] == "max_pages (page 2)"


@pytest.mark.parametrize("writer", ["process", "inline"])
def test_the_writer_process_and_inline_storing_store_the_same_articles(
    writer: str, mock_site: MockSite, corpus_dir: Path, tmp_path: Path
) -> None:
    pages = corpus_pages(corpus_dir, limit=10)
    build_news_site(mock_site, pages, per_page=5)
    sites = write_config(tmp_path / "sites", "sample", mock_site)
    db = tmp_path / "crawl.db"
    code, (report,), stderr = run_crawl(["sample"], db, sites, settings={"TOUZI_WRITER": writer})
    assert code == 0, stderr[-2000:]
    assert report["article_pages"] == len(pages) and report["errors"] == 0
    stored = dict(rows(db, "SELECT url, content_hash FROM articles"))
    for page in pages:
        direct = clean(RawArticle(str(page.file), page.data, "html", declared_encoding=page.charset))
        assert stored[mock_site.url(article_path(page))] == direct.content_hash
    assert len(stored) == len(pages) == report["articles_new"] + report["articles_failed"]
    settled = dict(rows(db, "SELECT url, status FROM crawl_urls"))
    assert sorted(settled) == sorted(mock_site.url(article_path(p)) for p in pages)
    assert set(settled.values()) <= {"new", "failed"}
    # The writer writes a batch's full-text rows last, together: the same rows.
    indexed = rows(db, "SELECT a.title, a.text, f.title, f.body FROM articles a "
                       "JOIN articles_fts f ON f.rowid = a.id WHERE a.error IS NULL")
    assert len(indexed) == report["articles_new"]
    for title, text, fts_title, fts_body in indexed:
        assert (fts_title, fts_body) == (index_words(title or ""), index_words(text))


def test_two_sites_crawl_side_by_side_into_one_database(
    mock_site: MockSite, corpus_dir: Path, tmp_path: Path
) -> None:
    pages = corpus_pages(corpus_dir, limit=24)
    build_news_site(mock_site, pages[:12], per_page=5, prefix="/news")
    build_news_site(mock_site, pages[12:], per_page=5, prefix="/more")
    sites = write_config(tmp_path / "sites", "alpha", mock_site, start="/news/index.html")
    write_config(sites, "beta", mock_site, start="/more/index.html")
    db = tmp_path / "crawl.db"
    code, reports, stderr = run_crawl(["alpha", "beta"], db, sites)
    assert code == 0, stderr[-2000:]
    assert [(r["site"], r["status"], r["article_pages"]) for r in reports] == [
        ("alpha", "finished", 12), ("beta", "finished", 12)]
    assert rows(db, "SELECT site, count(*) FROM crawl_urls GROUP BY site ORDER BY site") == [
        ("alpha", 12), ("beta", 12)]
    assert rows(db, "SELECT site, status FROM crawl_runs ORDER BY site") == [
        ("alpha", "finished"), ("beta", "finished")]


def test_scrapy_crawl_news_works_from_the_repository_root(
    mock_site: MockSite, corpus_dir: Path, tmp_path: Path
) -> None:
    pages = corpus_pages(corpus_dir, limit=6)
    build_news_site(mock_site, pages, per_page=4)
    sites = write_config(tmp_path / "sites", "sample", mock_site)
    db = tmp_path / "scrapy.db"
    argv = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "site=sample",
            "-s", f"TOUZI_DB={db}", "-s", f"TOUZI_SITES_DIRS={sites}", "-s", f"JOBDIR={tmp_path / 'job'}"]
    for key, value in FAST.items():
        argv += ["-s", f"{key}={value}"]
    proc = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, TOUZI_SITES=""))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "crawl report: sample: finished" in proc.stderr
    assert rows(db, "SELECT count(*) FROM crawl_urls")[0][0] == len(pages)
    assert rows(db, "SELECT status, articles_new FROM crawl_runs")[0][0] == "finished"
    assert mock_site.count(lambda p: p == list_path("/news", 2)) == 1


def test_a_site_whose_start_page_fails_is_a_failed_crawl(mock_site: MockSite, tmp_path: Path) -> None:
    mock_site.add("/news/index.html", status=500)
    sites = write_config(tmp_path / "sites", "down", mock_site)
    code, (report,), _ = run_crawl(["down"], tmp_path / "crawl.db", sites)
    assert code == 1
    assert report["status"] == "failed" and report["errors_by_kind"] == {"http_500": 1}
    assert report["stop_reasons"] == {mock_site.url("/news/index.html"): "error http_500 (page 1)"}
    assert rows(tmp_path / "crawl.db", "SELECT status FROM crawl_runs") == [("failed",)]


def test_a_site_config_can_ask_for_a_longer_delay(mock_site: MockSite, corpus_dir: Path, tmp_path: Path) -> None:
    pages = corpus_pages(corpus_dir, limit=5)
    build_news_site(mock_site, pages, per_page=10)
    sites = write_config(tmp_path / "sites", "slow", mock_site, extra="download_delay = 0.4\nmax_concurrency = 1")
    code, _, _ = run_crawl(["slow"], tmp_path / "crawl.db", sites, settings={"DOWNLOAD_DELAY_JITTER": 0})
    assert code == 0
    # The list page and the articles share the site's download slot: one at a time, 0.4 s apart.
    times = sorted(t for t, path in mock_site.times if path.startswith("/news/"))
    assert len(times) == 6
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.35, gaps


def test_touzi_sites_and_bad_crawl_arguments(tmp_path: Path) -> None:
    def touzi(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "touzi.cli", *args], cwd=REPO,
                              capture_output=True, text=True, timeout=60,
                              env=dict(os.environ, TOUZI_SITES=""))

    listed = touzi("sites", "--format", "json")
    assert listed.returncode == 0
    names = [line.split('"name": "')[1].split('"')[0] for line in listed.stdout.splitlines()]
    assert {"zjol", "zjgov", "txnews"} <= set(names)
    unknown = touzi("crawl", "no-such-site", "--db", str(tmp_path / "x.db"))
    assert unknown.returncode == 2 and "no site config named" in unknown.stderr
    bad_since = touzi("crawl", "zjol", "--since", "yesterday", "--db", str(tmp_path / "x.db"))
    assert bad_since.returncode == 2 and "since must be a date" in bad_since.stderr
    no_folder = touzi("crawl", "zjol", "--db", str(tmp_path / "missing" / "x.db"))
    assert no_folder.returncode == 2 and "no folder" in no_folder.stderr
    (tmp_path / "broken.toml").write_text('name = "broken"\n', encoding="utf-8")
    broken = touzi("sites", "--sites-dir", str(tmp_path))
    assert broken.returncode == 1 and "broken config" in broken.stderr
