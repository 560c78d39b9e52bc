"""A site that fails in every way a real one does, and pages in every Chinese encoding.

The crawl must finish, record each failure with its kind, and lose nothing else.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from crawlkit import build_news_site, corpus_pages, rows, run_crawl, write_config
from mockserver import MockSite

from touzi.corpus.clean import clean
from touzi.corpus.model import RawArticle
from touzi.corpus.normalize import simplify

pytestmark = pytest.mark.slow

# path: (route options, recorded kind, what becomes of the URL)
FAULTS = {
    "/e/2024/01/01/gone.html": ({"status": 404}, "http_404", "gone"),
    "/e/2024/01/02/broken.html": ({"status": 500}, "http_500", "error"),
    "/e/2024/01/04/slow.html": ({"kind": "slow", "delay": 4.0}, "timeout", "error"),
    "/e/2024/01/05/reset.html": ({"kind": "reset"}, "connection_lost", "error"),
    "/e/2024/01/06/loop.html": ({"kind": "redirect", "location": "/e/2024/01/06/loop-b.html"},
                                "redirect_loop", "error"),
    "/e/2024/01/07/huge.html": ({"kind": "huge", "size": 50 * 1024 * 1024}, "too_large", "skipped"),
    "/e/2024/01/08/huge-chunked.html": ({"kind": "huge", "size": 50 * 1024 * 1024, "chunked": True},
                                        "too_large", "skipped"),
    "/private/2024/01/10/hidden.html": ({"body": b"<html><body>secret</body></html>"}, "robots", "blocked"),
}


def test_every_failure_is_recorded_and_nothing_else_is_lost(
    mock_site: MockSite, corpus_dir: Path, tmp_path: Path
) -> None:
    pages = corpus_pages(corpus_dir, limit=14)
    good, busy, mislabelled = pages[:12], pages[12], pages[13]
    assert mislabelled.charset in ("gb2312", "gbk")  # GBK bytes, to be served as "utf-8"
    for path, (options, _, _) in FAULTS.items():
        mock_site.add(path, **options)
    mock_site.add("/e/2024/01/06/loop-b.html", kind="redirect", location="/e/2024/01/06/loop.html")
    mock_site.add("/e/2024/01/03/busy.html", busy.data, charset=busy.charset, kind="retry_after", times=1)
    mock_site.add("/e/2024/01/09/mislabelled.html", mislabelled.data, charset="utf-8")
    mock_site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    extra = [*FAULTS, "/e/2024/01/03/busy.html", "/e/2024/01/09/mislabelled.html"]
    urls = build_news_site(mock_site, good, per_page=6, extra_links=extra)
    sites = write_config(tmp_path / "sites", "faulty", mock_site)
    db = tmp_path / "crawl.db"

    code, reports, stderr = run_crawl(["faulty"], db, sites, timeout=180)

    assert code == 0, stderr[-3000:]
    (report,) = reports
    assert report["status"] == "finished"
    expected_kinds: dict[str, int] = {}
    for _, kind, _ in FAULTS.values():
        expected_kinds[kind] = expected_kinds.get(kind, 0) + 1
    assert report["errors_by_kind"] == expected_kinds
    recorded = {url: (kind, detail) for url, kind, detail in rows(db, "SELECT url, kind, detail FROM crawl_errors")}
    for path, (_, kind, status) in FAULTS.items():
        url = mock_site.url(path)
        assert recorded[url][0] == kind, path
        assert rows(db, "SELECT status FROM crawl_urls WHERE url = ?", (url,)) == [(status,)], path
    # Nothing else lost: every good page, the one that answered 503 + Retry-After first, and
    # the page whose header names the wrong charset are stored.
    stored = {url for (url,) in rows(db, "SELECT url FROM articles WHERE error IS NULL")}
    ok = [u for u in urls if "/news/" in u] + [mock_site.url("/e/2024/01/03/busy.html"),
                                               mock_site.url("/e/2024/01/09/mislabelled.html")]
    assert set(ok) <= stored
    assert mock_site.hits["/e/2024/01/03/busy.html"] == 2
    # Retried a transient failure once (RETRY_TIMES=1), never a 404 or a robots-blocked page.
    assert mock_site.hits["/e/2024/01/02/broken.html"] == 2
    assert mock_site.hits["/e/2024/01/01/gone.html"] == 1
    assert "/private/2024/01/10/hidden.html" not in mock_site.hits
    # The mislabelled page reads as its bytes are, not as the header says.
    (text, encoding, warnings), = rows(
        db, "SELECT text, encoding, warnings FROM articles WHERE url = ?",
        (mock_site.url("/e/2024/01/09/mislabelled.html"),))
    right = clean(RawArticle("x", mislabelled.data, "html", declared_encoding="gb18030"))
    assert encoding == "gb18030" and text == right.text
    assert "declared utf-8" in warnings

    # The next crawl stops at list page 1 (all stored) yet retries the transient failures
    # from page 3 directly, and leaves gone, blocked and oversized pages alone.
    mock_site.reset_log()
    code, (again,), _ = run_crawl(["faulty"], db, sites, timeout=180)
    assert code == 0
    assert mock_site.count(lambda p: "index" in p) == 1
    for path, (_, _, status) in FAULTS.items():
        assert (path in mock_site.hits) == (status == "error"), path
    assert again["errors_by_kind"] == {"connection_lost": 1, "http_500": 1, "redirect_loop": 1,
                                       "timeout": 1}
    assert rows(db, "SELECT attempts FROM crawl_urls WHERE url = ?",
                (mock_site.url("/e/2024/01/02/broken.html"),)) == [(2,)]


# Text written for this test; the Big5 page is in traditional characters.
SIMPLIFIED = "湖州市南太湖新区签约一个智能制造项目，总投资约四十亿元，计划明年开工建设。"
TRADITIONAL = "臺灣新竹科學園區擴建一座晶圓廠，總投資約新臺幣三千億元，預計後年量產。"
RARE = "该项目位于䶮山路旁，"  # 䶮 is in GB18030 but not in GBK


def _page(title: str, body: str, meta: str | None) -> str:
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={meta}">' if meta else ""
    paragraphs = "".join(f"<p>{body}</p>" for _ in range(3))
    return (f"<html><head>{head}<title>{title}</title></head><body><h1>{title}</h1>"
            f'<div class="content">{paragraphs}</div></body></html>')


# name: (codec, text, charset in the HTTP header, charset in a meta tag)
ENCODED = {
    "gbk-header": ("gbk", SIMPLIFIED, "gbk", None),
    "gbk-meta": ("gbk", SIMPLIFIED, None, "gbk"),
    "gbk-none": ("gbk", SIMPLIFIED, None, None),
    "gb2312-header": ("gb2312", SIMPLIFIED, "gb2312", None),
    "gb2312-meta": ("gb2312", SIMPLIFIED, None, "gb2312"),
    "gb2312-none": ("gb2312", SIMPLIFIED, None, None),
    "gb18030-header": ("gb18030", RARE + SIMPLIFIED, "gb18030", None),
    "gb18030-meta": ("gb18030", RARE + SIMPLIFIED, None, "gb18030"),
    "gb18030-none": ("gb18030", RARE + SIMPLIFIED, None, None),
    "big5-header": ("big5", TRADITIONAL, "big5", None),
    "big5-meta": ("big5", TRADITIONAL, None, "big5"),
    "big5-none": ("big5", TRADITIONAL, None, None),
    "gbk-says-big5": ("gbk", SIMPLIFIED, "big5", None),
    "big5-says-gb2312": ("big5", TRADITIONAL, None, "gb2312"),
    "utf8-says-gbk": ("utf-8", SIMPLIFIED, "gbk", "gbk"),
}


def test_chinese_encodings_declared_anywhere_or_nowhere(mock_site: MockSite, tmp_path: Path) -> None:
    paths = {}
    for i, (name, (codec, text, header, meta)) in enumerate(ENCODED.items()):
        path = f"/news/2024/02/{i + 1:02d}/{name}.html"
        body = _page(f"编码测试{i}" if codec != "big5" else f"編碼測試{i}", text, meta).encode(codec)
        mock_site.add(path, body, charset=header)
        paths[name] = path
    build_news_site(mock_site, [], extra_links=list(paths.values()), per_page=20)
    sites = write_config(tmp_path / "sites", "encodings", mock_site)
    db = tmp_path / "crawl.db"
    code, (report,), stderr = run_crawl(["encodings"], db, sites)
    assert code == 0, stderr[-2000:]
    assert report["articles_failed"] == 0 and report["errors"] == 0
    for name, path in paths.items():
        codec, text, _, _ = ENCODED[name]
        (stored, encoding), = rows(db, "SELECT text, encoding FROM articles WHERE url = ?",
                                  (mock_site.url(path),))
        phrase = simplify(text).text.split("，")[1]  # a clause, free of punctuation variants
        assert phrase in stored, (name, stored[:80])
        assert encoding == {"gbk": "gb18030", "gb2312": "gb18030"}.get(codec, codec.replace("-", "")
                                                                       if codec != "utf-8" else "utf-8"), name
        if codec == "gb18030":
            assert "䶮" in stored, name
