"""Reading a list page: its article links (each with the date shown beside it), further list
pages, and the next page.

Scrapy's LinkExtractor gives URLs only; touzi also needs the date printed in each link's list
item (to bound a crawl by `--since` without fetching the article) and the links inside
`<![CDATA[…]]>` records, where Hanweb JCMS, the platform of most Zhejiang government portals,
puts its lists for JavaScript to render. So this module walks the anchors itself with lxml.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin

import parsel
from w3lib.url import safe_url_string

from touzi.spiders.config import SiteConfig

# Full dates as list items and URLs print them: 2024-01-05, 2024/1/5, 2024.01.05, 2024年1月5日.
_TEXT_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)"
)
# Dates inside article URLs, most specific first:
#   /art/2024/1/5/  /2024/01/05/  /2024-01-05/   (year, month, day as path parts)
#   /202401/t20240105_123.shtml (TRS)  /202401/05/  /2024/0105/  _20240105_
_URL_DATES = (
    re.compile(r"[/_]t((?:19|20)\d{2})(\d{2})(\d{2})[_./]"),
    re.compile(r"/((?:19|20)\d{2})[-/_](\d{1,2})[-/_](\d{1,2})(?=[/_.])"),
    re.compile(r"/((?:19|20)\d{2})(\d{2})/(\d{2})(?=[/_.])"),
    re.compile(r"/((?:19|20)\d{2})/(\d{2})(\d{2})(?=[/_.])"),
    re.compile(r"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-])"),
)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
_ITEM = "ancestor-or-self::*[self::li or self::tr or self::dd or self::dt or self::p][1]"
# Anchor texts that mean "next page" on Chinese sites (brackets and spaces removed first).
NEXT_WORDS = frozenset({"下一页", "下页", "后页", "下一頁", "下頁", "next", "nextpage", ">", "›", "»", ">>"})
_STRIP = re.compile(r"[\s\[\]【】()（）<>《》]+")


@dataclass(frozen=True)
class Link:
    """An article link found on a list page, with the date its list item shows (if any)."""

    url: str
    text: str
    date: str | None


@dataclass
class ListPage:
    """What a list page offers: article links, further list pages, and the next page."""

    articles: list[Link] = field(default_factory=list)
    follow: list[str] = field(default_factory=list)
    next_url: str | None = None
    values: dict[str, str] = field(default_factory=dict)  # pagination template values


def _valid(y: str, m: str, d: str) -> str | None:
    year, month, day = int(y), int(m), int(d)
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def text_date(text: str) -> str | None:
    """The first full date written in a piece of text, as YYYY-MM-DD."""
    for match in _TEXT_DATE.finditer(text):
        found = _valid(*match.groups())
        if found:
            return found
    return None


def url_date(url: str) -> str | None:
    """The publication date an article URL spells out, as YYYY-MM-DD."""
    path = urldefrag(url)[0]
    for pattern in _URL_DATES:
        for match in pattern.finditer(path):
            found = _valid(*match.groups())
            if found:
                return found
    return None


def absolute(base: str, href: str) -> str | None:
    """An http(s) URL for a link, fragment removed; None for javascript:, mailto: and the like."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None
    try:
        url = urldefrag(urljoin(base, href))[0]
    except ValueError:  # malformed IPv6 hosts and the like
        return None
    if not url.startswith(("http://", "https://")):
        return None
    return safe_url_string(url)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _anchors(scope: parsel.Selector, base: str) -> list[tuple[str, str, str]]:
    """(url, anchor text, text of the enclosing list item) of every link in scope."""
    out = []
    for a in scope.xpath(".//a[@href]"):
        url = absolute(base, a.attrib.get("href", ""))
        if url is None:
            continue
        text = _clean(a.xpath("string()").get() or "") or _clean(a.attrib.get("title", ""))
        item = a.xpath(_ITEM)
        context = _clean(item[0].xpath("string()").get() or "") if item else text
        out.append((url, text, context))
    return out


def _base(sel: parsel.Selector, url: str) -> str:
    base = sel.xpath("//base/@href").get()
    return urljoin(url, base.strip()) if base else url


def _next_link(sel: parsel.Selector, base: str, config: SiteConfig) -> str | None:
    if config.next_page is not None:
        for found in config.next_page.apply(sel):
            value = found.attrib.get("href") if hasattr(found, "attrib") and found.attrib else None
            value = value or found.get()
            url = absolute(base, value or "")
            if url:
                return url
        return None
    for a in sel.xpath("//a[@href]"):
        words = _STRIP.sub("", a.xpath("string()").get() or "").lower()
        if words in NEXT_WORDS or _STRIP.sub("", a.attrib.get("title", "")) in NEXT_WORDS:
            url = absolute(base, a.attrib["href"])
            if url:
                return url
    return None


def read_list(
    html: str, url: str, config: SiteConfig, section: str | None = None, page: int = 1,
    values: dict[str, str] | None = None,
) -> ListPage:
    """Article links, further list pages and the next page of one list page (never raises).

    `values` are the pagination template's values found so far (from the section's first
    page); what `page_pattern` finds on this page is added and returned in `ListPage.values`.
    """
    result = ListPage(values=dict(values or {}))
    if config.page_pattern is not None and html:
        match = config.page_pattern.search(html)
        if match:
            result.values.update(
                {k: html_lib.unescape(v) for k, v in match.groupdict().items() if v is not None})
    try:
        sel = parsel.Selector(text=html or "<html></html>", base_url=url)
    except Exception:  # lxml refuses some byte soup outright; an unreadable page has no links
        return result
    base = _base(sel, url)
    scopes = list(config.restrict.apply(sel)) if config.restrict is not None else [sel]
    found = [anchor for scope in scopes for anchor in _anchors(scope, base)]
    for chunk in _CDATA.findall(html or ""):
        if "<a" in chunk:
            try:
                frag = parsel.Selector(text=chunk, base_url=url)
            except Exception:
                continue
            for link_url, text, _ in _anchors(frag, base):
                # A CDATA record is one list item: its whole text is the item's context.
                found.append((link_url, text, _clean(frag.xpath("string()").get() or "")))
    seen: set[str] = set()
    for link_url, text, context in found:
        if link_url in seen or link_url == url:
            continue
        seen.add(link_url)
        if config.is_article(link_url):
            date = text_date(context) or url_date(link_url)
            result.articles.append(Link(link_url, text, date))
        elif config.is_list(link_url):
            result.follow.append(link_url)
    next_url = _next_link(sel, base, config) if config.template is None else None
    if config.template is not None:
        next_url = config.page_url(section or url, page + 1, result.values)
    if next_url and next_url != url and config.on_site(next_url):
        result.next_url = next_url
    return result
