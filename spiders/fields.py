"""Reading an article page with a site's rules: title, date, source and body, as a RawArticle.

Where a config gives a rule, its result overrides what touzi.corpus would find by itself
(trafilatura for the body, htmldate and the header line for the date); where it gives none,
or the rule finds nothing on a page (a "selector miss", counted in the crawl report so that a
site's changed layout shows), the cleaner reads the page on its own.
"""

from __future__ import annotations

import html
import re
from typing import Any

import parsel

from touzi.corpus.encoding import declared_charset, decode
from touzi.corpus.header import parse_pub_date
from touzi.corpus.html import SELECTED_BODY
from touzi.corpus.model import RawArticle
from touzi.spiders.config import SiteConfig

_SOURCE_LABEL = re.compile(r"(?:来源|稿源|信息来源|文章来源|出处|来自)\s*[:：]\s*([^\s|丨:：]{2,40})")


def _first_text(found: Any) -> str | None:
    for item in found:
        root = item.root
        text = item.xpath("string()").get() if hasattr(root, "tag") else item.get()
        text = " ".join(html.unescape(text or "").split())
        if text:
            return text
    return None


def reduced_page(title: str | None, pub_date: str | None, body_html: str) -> bytes:
    """A small UTF-8 page holding only the part a config's body rule chose (and its metadata).

    Stored as the article's raw input when a site's body rule is used, so that cleaning the
    stored bytes again gives the same text. The body goes in a <div>, not an <article>:
    trafilatura's fallback joins an <article>'s paragraphs into one line.
    """
    head = ['<meta charset="utf-8">']
    if title:
        head.append(f"<title>{html.escape(title)}</title>")
    if pub_date:
        head.append(f'<meta property="article:published_time" content="{html.escape(pub_date)}">')
    return (
        "<!DOCTYPE html><html><head>" + "".join(head) + f"</head><body><div class=\"{SELECTED_BODY}\">"
        + (f"<h1>{html.escape(title)}</h1>" if title else "") + body_html
        + "</div></body></html>"
    ).encode("utf-8")


def read_fields(
    config: SiteConfig, text: str, url: str
) -> tuple[dict[str, str], list[str]]:
    """What the config's rules find on a page (title, date as ISO, source, body HTML) and which missed."""
    rules = config.fields
    found: dict[str, str] = {}
    misses: list[str] = []
    if not rules:
        return found, misses
    try:
        sel = parsel.Selector(text=text or "<html></html>", base_url=url)
    except Exception:  # lxml refuses some byte soup outright: every rule misses
        return found, sorted(rules)
    if "title" in rules:
        title = _first_text(rules["title"].apply(sel))
        if title:
            found["title"] = title
    if "date" in rules:
        value = _first_text(rules["date"].apply(sel))
        parsed = parse_pub_date(value[:80]) if value else None
        if parsed:
            found["date"] = parsed.iso
    if "source" in rules:
        value = _first_text(rules["source"].apply(sel))
        if value:
            match = _SOURCE_LABEL.search(value)
            source = match.group(1) if match else (value if len(value) <= 40 else None)
            if source:
                found["source"] = source
    if "body" in rules:
        parts = [part for part in rules["body"].apply(sel).getall() if part and part.strip()]
        if parts:
            found["body"] = "\n".join(parts)
    misses = [name for name in sorted(rules) if name not in found]
    return found, misses


def raw_article(
    config: SiteConfig, body: bytes, url: str, final_url: str | None = None,
    charset: str | None = None,
) -> tuple[RawArticle, list[str]]:
    """The RawArticle to ingest for a fetched page, and the rules that missed.

    `charset` is what the HTTP Content-Type declared; the bytes are decoded as touzi.corpus
    decodes them (the declaration is a hint; GB2312/GBK read as GB18030).
    """
    found: dict[str, str] = {}
    misses: list[str] = []
    if config.fields:
        text = decode(body, charset or declared_charset(body)).text
        found, misses = read_fields(config, text, final_url or url)
    raw_bytes, declared = body, charset
    if "body" in found:
        raw_bytes = reduced_page(found.get("title"), found.get("date"), found["body"])
        declared = "utf-8"
    raw = RawArticle(
        origin=final_url or url,
        raw=raw_bytes,
        kind="html",
        url=url,
        title=found.get("title"),
        pub_date=found.get("date"),
        source=found.get("source"),
        site=config.title,
        declared_encoding=declared,
    )
    return raw, misses
