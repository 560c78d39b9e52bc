"""Helpers for crawl tests: a mock server, a news site built from the real saved pages under
../shared/corpus/html (read at test time), site configs, and crawls run in a subprocess
(Twisted's reactor cannot be restarted inside one test process)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from mockserver import MockSite

REPO = Path(__file__).resolve().parents[2]

# Politeness and patience turned down so the suite stays fast; everything else is as shipped
# (robots.txt obeyed, retries with backoff, the durable frontier, the Ingestor).
FAST = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 8,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
    "RETRY_TIMES": 1,
    "RETRY_BACKOFF_BASE": 0.05,
    "RETRY_AFTER_MAX": 5,
    "DOWNLOAD_TIMEOUT": 1.5,
    "DOWNLOAD_MAXSIZE": 2 * 1024 * 1024,
    "DOWNLOAD_WARNSIZE": 0,
}


@dataclass(frozen=True)
class CorpusPage:
    """A real saved page and what its index says about it."""

    file: Path
    data: bytes
    charset: str | None
    date: str
    key: str


def _date(gt: str | None, i: int) -> str:
    if gt and gt[:4].isdigit():
        parts = gt.replace("/", "-").split(" ")[0].split("-")
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            y, m, d = (int(p) for p in parts)
            if 1990 <= y <= 2030 and 1 <= m <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{m:02d}-{d:02d}"
    return f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}"


def corpus_pages(corpus_dir: Path, limit: int | None = None) -> list[CorpusPage]:
    """The pages listed in ../shared/corpus/html/index.jsonl, in index order."""
    root = corpus_dir / "html"
    pages = []
    for i, line in enumerate((root / "index.jsonl").read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        path = root / row["file"]
        key = f"{i:03d}"
        pages.append(CorpusPage(path, path.read_bytes(), row.get("declared_charset"),
                                _date(row.get("gt_date"), i), key))
    return pages[:limit] if limit else pages


def article_path(page: CorpusPage, prefix: str = "/news") -> str:
    """Where the sample site serves a page: /news/YYYY/MM/DD/KEY.html."""
    y, m, d = page.date.split("-")
    return f"{prefix}/{y}/{m}/{d}/{page.key}.html"


def list_path(prefix: str, n: int) -> str:
    """List page n (1-based) of a section."""
    return f"{prefix}/index.html" if n == 1 else f"{prefix}/index_{n}.html"


def build_news_site(
    site: MockSite, pages: list[CorpusPage], per_page: int = 10, prefix: str = "/news",
    extra_links: list[str] = (),  # type: ignore[assignment]
) -> list[str]:
    """List pages with pagination (newest first) linking to the real pages; returns article URLs.

    The list pages are touzi's own markup in the style of a county news site: a list of
    `<li><a>title</a><span>date</span></li>` and a 下一页 link. Article pages are served as
    saved, with the charset their index declares in the Content-Type header (none if none).
    """
    ordered = sorted(pages, key=lambda p: (p.date, p.key), reverse=True)
    links = [(article_path(p, prefix), p.date) for p in ordered] + [(x, "2024-01-01") for x in extra_links]
    for page in ordered:
        site.add(article_path(page, prefix), page.data, charset=page.charset)
    chunks = [links[i : i + per_page] for i in range(0, len(links), per_page)] or [[]]
    for n, chunk in enumerate(chunks, start=1):
        items = "".join(
            f'<li><a href="{path}">第{j}条新闻</a><span class="date">{date}</span></li>'
            for j, (path, date) in enumerate(chunk, start=(n - 1) * per_page + 1)
        )
        nav = f'<a href="{list_path(prefix, n + 1).rsplit("/", 1)[1]}">下一页</a>' if n < len(chunks) else ""
        body = (
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>本地要闻</title></head><body>'
            '<div class="nav"><a href="/">首页</a> <a href="/about.html">关于我们</a></div>'
            f'<ul class="news-list">{items}</ul><div class="pages">{nav}</div></body></html>'
        )
        site.add(list_path(prefix, n), body, charset="utf-8")
    return [site.url(path) for path, _ in links]


def write_config(folder: Path, name: str, site: MockSite, start: str = "/news/index.html",
                 article: str = r"/\d{4}/\d{2}/\d{2}/[\w-]+\.html$", extra: str = "") -> Path:
    """A site config for the mock server in `folder`; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.toml").write_text(
        f'name = "{name}"\ntitle = "测试站"\nlevel = "county"\nregion = "测试县"\n'
        f'allowed_domains = ["127.0.0.1"]\nstart_urls = ["{site.url(start)}"]\n'
        f"{extra}\n[links]\narticle = ['{article}']\n",
        encoding="utf-8",
    )
    return folder


def crawl_command(sites: list[str], db: Path, sites_dir: Path, *extra: str,
                  settings: dict[str, object] | None = None) -> list[str]:
    """The argv of a `touzi crawl` run with the fast test settings."""
    argv = [sys.executable, "-m", "touzi.cli", "crawl", *sites, "--db", str(db),
            "--sites-dir", str(sites_dir), "--format", "json", *extra]
    for key, value in {**FAST, **(settings or {})}.items():
        argv += ["--set", f"{key}={json.dumps(value)}"]
    return argv


def run_crawl(sites: list[str], db: Path, sites_dir: Path, *extra: str,
              settings: dict[str, object] | None = None, timeout: float = 120) -> tuple[int, list[dict], str]:
    """Run a crawl to the end; returns exit code, the JSON reports and stderr."""
    env = dict(os.environ, TOUZI_SITES="")
    proc = subprocess.run(crawl_command(sites, db, sites_dir, *extra, settings=settings),
                          capture_output=True, text=True, timeout=timeout, cwd=REPO, env=env)
    reports = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    return proc.returncode, reports, proc.stderr


def rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Query the crawl database read-only."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()
