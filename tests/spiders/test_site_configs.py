"""Each shipped site config, tested against a page of its site's structure.

The live sites cannot be reached from here. Where ../shared/corpus holds a real saved page of
a site's publishing platform (Hanweb JCMS, the Zhejiang government portals), its rules are run
on that page; otherwise on pages written for these tests in the structure the config assumes
(tests/spiders/sites/NAME/). Each case goes from bytes to a cleaned Article, as a crawl does.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from touzi.corpus.clean import clean
from touzi.corpus.encoding import declared_charset, decode
from touzi.spiders.config import available, load_all, load_site
from touzi.spiders.fields import raw_article
from touzi.spiders.links import read_list

PAGES = Path(__file__).resolve().parent / "sites"
HANWEB = ("zjgov", "zjfgw", "huzhou", "haining", "deqing")

# site: (list URL, expected article links with their list dates, next page, article URL,
#        title, publication time, source, a phrase of the text)
NEWS = {
    "zjol": (
        "https://zjnews.zjol.com.cn/zjxw/index.shtml",
        [("https://zjnews.zjol.com.cn/zjxw/202401/t20240105_26010001.shtml", "2024-01-05"),
         ("https://zjnews.zjol.com.cn/zjxw/202401/t20240104_26009876.shtml", "2024-01-04"),
         ("https://zjnews.zjol.com.cn/zjxw/202401/t20240103_26001234.shtml", "2024-01-03"),
         ("https://zjnews.zjol.com.cn/system/2016/05/20/021156789.shtml", "2016-05-20")],
        "https://zjnews.zjol.com.cn/zjxw/index_1.shtml",
        "https://zjnews.zjol.com.cn/zjxw/202401/t20240105_26010001.shtml",
        "全省重大项目集中开工 总投资超两千亿元", "2024-01-05T09:12", "浙江日报", "计划总投资一百二十亿元",
    ),
    "hz66": (
        "https://www.hz66.com/hzxw/",
        [("https://www.hz66.com/2024/0105/412345.shtml", "2024-01-05"),
         ("https://www.hz66.com/2024/0104/412210.shtml", "2024-01-04"),
         ("https://www.hz66.com/2024/0103/411987.shtml", "2024-01-03")],
        "https://www.hz66.com/hzxw/index_2.shtml",
        "https://www.hz66.com/2024/0105/412345.shtml",
        "吴兴区一季度签约项目总投资破百亿", "2024-01-05T10:30", "湖州日报", "总投资一百零八亿元",
    ),
    "cnjxol": (
        "https://www.cnjxol.com/51/index.shtml",
        [("https://www.cnjxol.com/51/202401/t20240105_2345678.shtml", "2024-01-05"),
         ("https://www.cnjxol.com/51/202401/t20240104_2345001.shtml", "2024-01-04"),
         ("https://www.cnjxol.com/52/202401/t20240103_2344567.shtml", "2024-01-03")],
        "https://www.cnjxol.com/51/index_1.shtml",
        "https://www.cnjxol.com/51/202401/t20240105_2345678.shtml",
        "南湖区举行项目推进会", "2024-01-05T15:02", "嘉兴日报", "固定资产投资三百亿元以上",
    ),
    "txnews": (
        "http://www.txnews.com.cn/txxw/index.shtml",
        [("http://www.txnews.com.cn/system/2024/01/05/010234567.shtml", "2024-01-05"),
         ("http://www.txnews.com.cn/system/2024/01/04/010234001.shtml", "2024-01-04"),
         ("http://www.txnews.com.cn/system/2024/01/03/010233800.shtml", "2024-01-03")],
        "http://www.txnews.com.cn/txxw/index_1.shtml",
        "http://www.txnews.com.cn/system/2024/01/05/010234567.shtml",
        "梧桐街道一批工业项目集中签约", "2024-01-05T07:51", "嘉兴日报-桐乡新闻", "年产五万吨功能性薄膜",
    ),
    "cxnews": (
        "http://cxnews.zjol.com.cn/cxnews/system/more/11000/index.shtml",
        [("http://cxnews.zjol.com.cn/cxnews/system/2024/01/05/034567890.shtml", "2024-01-05"),
         ("http://cxnews.zjol.com.cn/cxnews/system/2024/01/04/034567001.shtml", "2024-01-04")],
        "http://cxnews.zjol.com.cn/cxnews/system/more/11000/index_1.shtml",
        "http://cxnews.zjol.com.cn/cxnews/system/2024/01/05/034567890.shtml",
        "长兴经济开发区新能源产业园开工", "2024-01-05T08:30", "长兴新闻网", "年产十吉瓦时储能电池",
    ),
    "jjnews": (
        "http://www.jjnews.gov.cn/col/jjxw/",
        [("http://www.jjnews.gov.cn/art/2024/01/05/31234.html", "2024-01-05"),
         ("http://www.jjnews.gov.cn/art/2024/01/04/31201.html", "2024-01-04")],
        "http://www.jjnews.gov.cn/col/jjxw/index_2.html",
        "http://www.jjnews.gov.cn/art/2024/01/05/31234.html",
        "椒江湾区一批医化项目竣工投产", "2024-01-05T16:20", "椒江新闻网", "合计总投资十八亿元",
    ),
}


def _text(data: bytes) -> str:
    return decode(data, declared_charset(data)).text


def test_at_least_eight_zhejiang_sites_at_three_levels() -> None:
    good, bad = load_all()
    assert not bad
    assert len(good) >= 8
    levels = [site.level for site in good]
    assert levels.count("province") >= 1
    assert levels.count("prefecture") >= 2
    assert levels.count("county") >= 3
    assert all(site.region.startswith("浙江省") for site in good)


def test_every_config_says_what_is_unverified() -> None:
    for name, path in available().items():
        text = Path(path).read_text(encoding="utf-8")
        config = tomllib.loads(text)
        assert config["verified"] is False, name
        assert re.search(r"^# (PARTLY VERIFIED|UNVERIFIED):", text, flags=re.M), name
        assert "Tested against" in text or "tested against" in text, name
        assert config["notes"], name


def test_every_config_has_a_test_case_here() -> None:
    assert set(available()) == set(NEWS) | set(HANWEB)


@pytest.mark.parametrize("name", sorted(NEWS))
def test_list_page_rules(name: str) -> None:
    list_url, links, next_url, *_ = NEWS[name]
    config = load_site(name)
    page = read_list(_text((PAGES / name / "list.html").read_bytes()), list_url, config, list_url, 1)
    assert [(link.url, link.date) for link in page.articles] == links
    assert page.next_url == next_url
    assert config.on_site(list_url) and config.start_urls


@pytest.mark.parametrize("name", sorted(NEWS))
def test_article_page_rules(name: str) -> None:
    *_, url, title, when, source, phrase = NEWS[name]
    config = load_site(name)
    raw, misses = raw_article(config, (PAGES / name / "article.html").read_bytes(), url, url)
    assert misses == []
    article = clean(raw)
    assert article.error is None
    assert article.title == title
    assert article.pub_date is not None and article.pub_date.startswith(when)
    assert article.source == source
    assert phrase in article.text
    assert article.text.startswith(title)
    # What the body rule (or trafilatura) dropped: navigation, sharing and footers.
    for furniture in ("版权所有", "分享到", "推荐阅读", "相关新闻"):
        assert furniture not in article.text


def test_hanweb_column_page_and_its_paging_service() -> None:
    config = load_site("zjgov")
    start = config.start_urls[0]
    page = read_list((PAGES / "hanweb" / "column.html").read_text(encoding="utf-8"), start, config, start, 1)
    assert [(link.url, link.date) for link in page.articles] == [
        ("https://www.zj.gov.cn/art/2024/1/5/art_1554467_60190736.html", "2024-01-05"),
        ("https://www.zj.gov.cn/art/2024/1/4/art_1554467_60190011.html", "2024-01-04"),
        ("https://www.zj.gov.cn/art/2023/12/28/art_1554467_60180002.html", "2023-12-28"),
    ]
    assert page.next_url is not None
    assert page.next_url.startswith(
        "https://www.zj.gov.cn/module/jpage/dataproxy.jsp?startrecord=46&endrecord=90&perpage=15&appid=1")
    assert "columnid=1554467&unitid=4472395" in page.next_url
    second = read_list((PAGES / "hanweb" / "dataproxy.xml").read_text(encoding="utf-8"), page.next_url,
                       config, start, 2, page.values)
    assert [link.date for link in second.articles] == ["2023-11-02", "2023-11-01"]
    assert second.next_url is not None and "startrecord=91&endrecord=135" in second.next_url


@pytest.mark.parametrize("name", HANWEB)
def test_hanweb_article_rules_on_a_real_saved_page(name: str, corpus_dir: Path) -> None:
    """gne_tests/gzggw_1.html is a real fgw.zj.gov.cn article (Hanweb JCMS)."""
    data = (corpus_dir / "html" / "gne_tests" / "gzggw_1.html").read_bytes()
    config = load_site(name)
    host = config.start_urls[0].split("/col/")[0]
    url = f"{host}/art/2016/11/22/art_1621004_30332664.html"
    assert config.is_article(url)
    assert not config.is_article(f"{host}/col/col1621004/index.html")
    raw, misses = raw_article(config, data, url, url, "utf-8")
    assert misses == []
    article = clean(raw)
    assert article.title.startswith("1-10月德清县") and article.title.endswith("趋稳趋优")
    assert article.pub_date == "2016-11-22T09:53+08:00"
    assert article.source == "省发改委"
    assert "246.79亿元" in article.text and "119.90亿元" in article.text
    # The body rule keeps the article and nothing of the portal around it.
    assert len(article.text) < 400
    for furniture in ("网站地图", "主办", "ICP", "分享到"):
        assert furniture not in article.text


def test_the_saved_page_url_matches_the_site_it_came_from(corpus_dir: Path) -> None:
    data = (corpus_dir / "html" / "gne_tests" / "gzggw_1.html").read_text(encoding="utf-8")
    url = re.search(r'<meta name="url" content="([^"]+)"', data).group(1)  # type: ignore[union-attr]
    assert load_site("zjfgw").is_article(url)
    assert not load_site("zjgov").is_article(url)  # another host
