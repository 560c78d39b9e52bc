"""The crawl's parts on their own: config checks, link and date reading, Retry-After, failure
names, the crawl report store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError, IgnoreRequest
from scrapy.http import HtmlResponse, Request
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionLost
from twisted.python.failure import Failure

from touzi.schema import crawl_runs
from touzi.schema.db import connect
from touzi.spiders.config import ConfigError, SiteConfig, load_site, parse_text
from touzi.spiders.links import read_list, text_date, url_date
from touzi.spiders.middlewares import retry_after_seconds
from touzi.spiders.news import header_charset, since_date
from touzi.spiders.report import classify

BASE = """
name = "demo"
title = "演示站"
level = "county"
region = "浙江省"
allowed_domains = ["example.cn"]
start_urls = ["https://www.example.cn/news/"]
"""


def _config(links: str = r"article = ['/art/\d+\.html$']") -> SiteConfig:
    return parse_text(BASE + "\n[links]\n" + links + "\n", "demo")


@pytest.mark.parametrize(
    ("extra", "links", "message"),
    [
        ("colour = 1", "article = ['x']", "unknown keys: colour"),
        ("", "article = ['(']", "bad regular expression"),
        ("", "", "article"),
        ("[fields]\ntitle = 'h1[['", "article = ['x']", "bad CSS selector"),
        ("[fields]\ndate = '//meta[@name='", "article = ['x']", "bad XPath"),
        ("[fields]\nauthor = 'h1'", "article = ['x']", "unknown keys in [fields]: author"),
        ("[pagination]\ntemplate = 'index_{n}.html'", "article = ['x']", "unknown fields ['n']"),
        ("download_delay = 'slow'", "article = ['x']", "download_delay"),
    ],
)
def test_broken_configs_are_refused_with_the_reason(extra: str, links: str, message: str) -> None:
    text = BASE + extra + "\n[links]\n" + links + "\n"
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_text(text, "demo")


def test_name_domain_and_start_urls_are_checked() -> None:
    with pytest.raises(ConfigError, match="differs from the file name"):
        parse_text(BASE + "\n[links]\narticle = ['x']\n", "other")
    with pytest.raises(ConfigError, match="bare host names"):
        parse_text(BASE.replace('["example.cn"]', '["https://example.cn/"]') + "[links]\narticle = ['x']\n", "demo")
    with pytest.raises(ConfigError, match="not an http"):
        parse_text(BASE.replace("www.example.cn", "www.other.cn") + "[links]\narticle = ['x']\n", "demo")
    with pytest.raises(ConfigError, match="not valid TOML"):
        parse_text("name = ", "demo")


def test_unknown_site_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="zjol"):
        load_site("no-such-site")


def test_a_user_folder_shadows_a_shipped_config(tmp_path: Path) -> None:
    (tmp_path / "zjol.toml").write_text(BASE.replace('"demo"', '"zjol"') + "[links]\narticle = ['x']\n",
                                        encoding="utf-8")
    assert load_site("zjol", [tmp_path]).title == "演示站"
    assert load_site("zjol").title == "浙江在线"
    assert load_site(tmp_path / "zjol.toml").title == "演示站"


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://www.zj.gov.cn/art/2024/1/5/art_1554467_60190736.html", "2024-01-05"),
        ("https://zjnews.zjol.com.cn/zjxw/202401/t20240105_26010001.shtml", "2024-01-05"),
        ("http://cxnews.zjol.com.cn/cxnews/system/2015/08/11/020784513.shtml", "2015-08-11"),
        ("https://www.hz66.com/2024/0105/412345.shtml", "2024-01-05"),
        ("https://example.cn/news/202312/31/9.html", "2023-12-31"),
        ("https://example.cn/content_20231231_77.html", "2023-12-31"),
        ("https://example.cn/art/2024/13/40/1.html", None),
        ("https://example.cn/news/12345678.html", None),
    ],
)
def test_dates_in_article_urls(url: str, date: str | None) -> None:
    assert url_date(url) == date


def test_dates_beside_list_links() -> None:
    assert text_date("新项目开工 [2024-01-05]") == "2024-01-05"
    assert text_date("2024年1月5日 来源") == "2024-01-05"
    assert text_date("2024.01.05") == "2024-01-05"
    assert text_date("01-05") is None
    assert text_date("编号 20240105") is None


def test_list_reading_never_raises_and_ignores_junk_links() -> None:
    config = _config()
    assert read_list("", "https://www.example.cn/news/", config).articles == []
    assert read_list("\x00\x01<<<>>>", "https://www.example.cn/news/", config).articles == []
    html = (
        '<a href="javascript:void(0)">x</a><a href="mailto:a@b.cn">m</a><a href="#top">t</a>'
        '<a href="http://[::1">bad</a><a href="/art/1.html#c">one</a><a href="/art/1.html">dup</a>'
        '<a href="https://evil.cn/art/2.html">offsite</a><a href="/art/3.html">three</a>'
    )
    page = read_list(html, "https://www.example.cn/news/", config)
    assert [link.url for link in page.articles] == [
        "https://www.example.cn/art/1.html", "https://www.example.cn/art/3.html"]


def test_base_href_and_next_page_link() -> None:
    config = _config()
    html = ('<base href="https://www.example.cn/x/"><a href="../art/7.html">a</a>'
            '<div class="pages"><a href="p2.html">[下一页]</a></div>')
    page = read_list(html, "https://www.example.cn/news/", config)
    assert page.articles[0].url == "https://www.example.cn/art/7.html"
    assert page.next_url == "https://www.example.cn/x/p2.html"


def test_since_dates() -> None:
    assert since_date("2024-01") == "2024-01-01"
    assert since_date("2024-01-31") == "2024-01-31"
    assert since_date(None) is None
    with pytest.raises(ValueError, match="since"):
        since_date("last week")


def test_retry_after_header() -> None:
    assert retry_after_seconds(b"120") == 120.0
    later = datetime.now(UTC) + timedelta(seconds=30)
    assert 25 <= (retry_after_seconds(format_datetime(later, usegmt=True)) or 0) <= 31
    assert retry_after_seconds(b"soon") is None
    assert retry_after_seconds(None) is None


def test_header_charset() -> None:
    def response(ctype: bytes) -> HtmlResponse:
        return HtmlResponse("https://x.cn/", body=b"<html></html>", headers={"Content-Type": ctype})

    assert header_charset(response(b"text/html; charset=GBK")) == "GBK"
    assert header_charset(response(b'text/html;charset="gb2312"')) == "gb2312"
    assert header_charset(response(b"text/html")) is None


def _http_error(status: int) -> Failure:
    response = HtmlResponse("https://x.cn/a.html", status=status, request=Request("https://x.cn/a.html"))
    return Failure(HttpError(response, "bad"))


@pytest.mark.parametrize(
    ("failure", "kind", "url_status"),
    [
        (_http_error(404), "http_404", "gone"),
        (_http_error(500), "http_500", "error"),
        (Failure(IgnoreRequest("Forbidden by robots.txt")), "robots", "blocked"),
        (Failure(IgnoreRequest("max redirections reached")), "redirect_loop", "error"),
        (Failure(DownloadTimeoutError("took longer")), "timeout", "error"),
        (Failure(ConnectionLost()), "connection_lost", "error"),
        (Failure(DownloadCancelledError()), "too_large", "skipped"),
        (Failure(KeyError("x")), "key_error", "error"),
    ],
)
def test_failure_kinds(failure: Failure, kind: str, url_status: str) -> None:
    found = classify(failure)
    assert (found.kind, found.url_status) == (kind, url_status)


def test_crawl_run_store(db_path: Path) -> None:
    db = connect(db_path)
    run = crawl_runs.start_run(db, "zjol", {"since": "2024-01-01"}, pid=2**22 + 12345)
    crawl_runs.add_error(db, run, "https://x.cn/a.html", "http_404", "HTTP 404")
    crawl_runs.update_run(db, run, {"pages_fetched": 3, "articles_new": 2})
    assert crawl_runs.get_run(db, run)["pages_fetched"] == 3
    # The pid above is not a live process: the next crawl of the site marks the row.
    assert crawl_runs.mark_interrupted(db, "zjol") == [run]
    second = crawl_runs.start_run(db, "zjol")
    crawl_runs.finish_run(db, second, "finished", "finished", {"pages_fetched": 1, "errors": 0})
    runs = crawl_runs.list_runs(db, "zjol")
    assert [(r["id"], r["status"]) for r in runs] == [(second, "finished"), (run, "interrupted")]
    assert runs[1]["options"] == {"since": "2024-01-01"}
    assert crawl_runs.get_run(db, run)["error_list"][0]["kind"] == "http_404"


def test_urls_settle_and_transient_errors_give_up(db_path: Path) -> None:
    db = connect(db_path)
    assert crawl_runs.settle_url(db, "https://x.cn/gone", "s", "gone", None)
    for attempt in range(1, crawl_runs.GIVE_UP_AFTER + 1):
        settled = crawl_runs.settle_url(db, "https://x.cn/flaky", "s", "error", None)
        assert settled == (attempt == crawl_runs.GIVE_UP_AFTER)
    assert not crawl_runs.settle_url(db, "https://x.cn/once", "s", "error", None)
    assert crawl_runs.known_urls(db, ["https://x.cn/gone", "https://x.cn/flaky", "https://x.cn/once"]) == {
        "https://x.cn/gone", "https://x.cn/flaky"}


def test_extract_flag_without_the_extractor_hook_says_pending(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from touzi import runner
    from touzi.spiders.session import CrawlSession

    monkeypatch.delattr(runner, "extract_article")
    session = CrawlSession(db_path, "demo", extract=True)
    session.open()
    assert session.report.extract == "pending"
    report = session.close("finished")
    assert report["extract"] == "pending"
    plain = CrawlSession(db_path, "demo")
    assert plain.report.extract == "off"
    plain.close("finished")


def test_polite_defaults() -> None:
    from touzi.spiders import settings

    assert settings.ROBOTSTXT_OBEY is True
    assert settings.AUTOTHROTTLE_ENABLED is True
    assert settings.CONCURRENT_REQUESTS_PER_DOMAIN <= 2
    assert settings.DOWNLOAD_DELAY >= 1
    assert settings.RETRY_TIMES >= 2 and settings.RETRY_BACKOFF_BASE >= 1
    assert settings.USER_AGENT.startswith("touzi/") and "research crawler" in settings.USER_AGENT
    assert settings.DOWNLOADER_MIDDLEWARES["scrapy.downloadermiddlewares.retry.RetryMiddleware"] is None


_PAGE_WITH_RULES = BASE + """
[links]
article = ['/art/\\d+\\.html$']
[fields]
title = "h1"
date = "span.time"
body = "div.text"
"""

_ARTICLE = (
    "<html><head><meta charset='utf-8'><title>新区项目集中开工_演示站</title></head><body>"
    "<div class='nav'><a href='/'>首页</a> <a href='/news/'>要闻</a></div>"
    "<h1>新区项目集中开工</h1><span class='time'>2024-03-05 10:20</span> <span>来源：演示日报</span>"
    "<div class='text'><p>新区今天有12个项目开工，总投资58亿元。</p>"
    "<table><tr><td>项目</td><td>总投资</td></tr><tr><td>乙智能装备项目</td><td>20亿元</td></tr></table>"
    "<p>其中乙智能装备项目由乙公司投资建设，计划2025年投产。</p></div>"
    "<div class='foot'>版权所有 演示站</div></body></html>"
)


def test_a_body_rule_block_is_the_text_without_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a config's body rule chose is read as it stands; trafilatura and htmldate are not asked.

    They are a crawled page's main cleaning cost (bench/bench_crawl.py), and the rule already
    says where the article is."""
    from touzi.corpus import html as html_reader
    from touzi.corpus.clean import clean
    from touzi.spiders.fields import raw_article

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("not needed for a page read with a body rule")

    monkeypatch.setattr(html_reader.trafilatura, "extract", refuse)
    monkeypatch.setattr(html_reader.htmldate, "find_date", refuse)
    config = parse_text(_PAGE_WITH_RULES, "demo")
    url = "https://www.example.cn/art/1.html"
    raw, misses = raw_article(config, _ARTICLE.encode(), url, url, "utf-8")
    assert misses == []
    article = clean(raw)
    assert article.error is None
    assert article.text.split("\n") == [
        "新区项目集中开工",
        "新区今天有12个项目开工,总投资58亿元。",
        "项目", "总投资", "乙智能装备项目", "20亿元",
        "其中乙智能装备项目由乙公司投资建设,计划2025年投产。",
    ]
    assert article.pub_date == "2024-03-05T10:20+08:00"
    # Cleaning the stored bytes again gives the same text (what `touzi ingest` would read).
    assert clean(raw).text == article.text


def test_a_page_without_rules_is_still_read_by_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    from touzi.corpus import html as html_reader
    from touzi.corpus.clean import clean
    from touzi.corpus.model import RawArticle

    calls: list[int] = []
    real = html_reader.trafilatura.extract

    def counted(*args: object, **kwargs: object) -> str | None:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(html_reader.trafilatura, "extract", counted)
    article = clean(RawArticle("x.html", _ARTICLE.encode(), "html", declared_encoding="utf-8"))
    assert calls == [1]
    assert "乙公司投资建设" in article.text
    assert "版权所有" not in article.text
    assert article.pub_date == "2024-03-05T10:20+08:00"
    assert article.source == "演示日报"
