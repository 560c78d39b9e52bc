"""From a RawArticle to a clean Article: decode, read header or page, normalise, strip furniture."""

from __future__ import annotations

import hashlib
import re

from touzi.corpus.encoding import declared_charset, decode, looks_binary
from touzi.corpus.furniture import remove_furniture
from touzi.corpus.header import PubTime, parse_pub_date, read_header
from touzi.corpus.html import read_html
from touzi.corpus.model import Article, RawArticle
from touzi.corpus.normalize import normalise, simplify

# More replacement characters than this share of the text means the bytes were not text in any
# encoding we know, so the article is kept with an error rather than cleaned.
_BROKEN_AT = 0.02
_BLANKS = re.compile(r"\n{2,}")


def content_hash(text: str) -> str:
    """The fingerprint of an article's content: sha1 of its clean text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def identity(raw: RawArticle, data: bytes, text: str) -> str:
    """What makes two inputs the same stored item.

    The same bytes read again are the same item, so re-ingesting files changes nothing. A page
    with a URL is the same item while its clean text is, whatever its furniture does. A copy on
    another site or in another file is a new item, stored and linked as a near-duplicate.
    """
    if raw.url:
        return "url:" + hashlib.sha1(f"{raw.url}\0{text}".encode()).hexdigest()
    return "raw:" + hashlib.sha1(data).hexdigest()


def _raw_bytes(raw: RawArticle) -> bytes:
    return raw.raw if isinstance(raw.raw, bytes) else raw.raw.encode("utf-8")


def _failed(raw: RawArticle, data: bytes, error: str, encoding: str | None = None) -> Article:
    return Article(
        doc_id=raw.doc_id or hashlib.sha1(data).hexdigest()[:16],
        origin=raw.origin,
        raw=data,
        raw_kind=raw.kind,
        text="",
        content_hash="raw:" + hashlib.sha1(data).hexdigest(),
        identity="failed:" + hashlib.sha1(raw.origin.encode() + b"\0" + data).hexdigest(),
        url=raw.url,
        title=raw.title,
        encoding=encoding,
        source=raw.source,
        site=raw.site,
        error=error,
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in _BLANKS.sub("\n", text).split("\n")]


def clean(raw: RawArticle) -> Article:
    """Clean one article; problems become `error` (nothing usable) or `warnings` (kept)."""
    data = _raw_bytes(raw)
    if raw.error:
        return _failed(raw, data, raw.error)
    if not data.strip():
        return _failed(raw, data, "empty file" if raw.kind else "empty article")
    if looks_binary(data):
        return _failed(raw, data, "binary data, not text (is this an article file?)")
    declared = raw.declared_encoding
    if raw.kind == "html" and not declared:
        declared = declared_charset(data)
    decoded = decode(data, declared) if isinstance(raw.raw, bytes) else None
    text_in = decoded.text if decoded else raw.raw  # type: ignore[assignment]
    encoding = decoded.encoding if decoded else "utf-8"
    warnings = list(decoded.warnings) if decoded else []
    if decoded and decoded.broken:
        bad = text_in.count("\ufffd") / max(len(text_in), 1)
        if bad > _BROKEN_AT:
            return _failed(raw, data, f"broken encoding: {warnings[-1]}", encoding)

    title = raw.title
    pub: PubTime | None = None
    pub_source = "none"
    source = raw.source
    author = None
    site = raw.site
    head_drop: tuple[int, ...] = ()
    given = parse_pub_date(raw.pub_date) if raw.pub_date else None
    if raw.kind == "html":
        page = read_html(text_in, need_date=given is None)
        original = _lines(normalise(page.text))
        title = title or page.title
        pub, pub_source = page.pub, page.pub_source
        source = source or page.source
        site = site or page.site
    else:
        original = _lines(normalise(text_in))
    # Traditional paragraphs become simplified before anything is read from them, so that the
    # header (來源) and furniture (責任編輯, 相關閱讀) rules see the words they know. t2s maps
    # character for character, so the original of every kept line stays at hand.
    simple = simplify("\n".join(original))
    lines = simple.text.split("\n")
    if raw.kind != "html":
        head = read_header(lines)
        if head.pub:
            pub, pub_source = head.pub, "header"
        source = source or head.source
        author = head.author
        site = site or head.site
        title = title or head.title
        head_drop = head.drop
    keep = [i for i in range(len(lines)) if i not in head_drop]
    furniture = remove_furniture([lines[i] for i in keep])
    kept = [keep[k] for k in furniture.kept if lines[keep[k]]]

    if raw.pub_date:
        if given:
            pub, pub_source = given, "metadata"
        else:
            warnings.append(f"could not read the given pub_date {raw.pub_date!r}")
    if furniture.truncated:
        warnings.append("article is cut short (excerpt or paywall)")
    if title:
        title = normalise(title).strip()
    title_simple = simplify(title).text if title else None
    body_lines = [lines[i] for i in kept]
    original_lines = [original[i] for i in kept]
    if raw.kind == "html" and title_simple and (not body_lines or body_lines[0] != title_simple):
        body_lines = [title_simple, *body_lines]
        original_lines = [title or "", *original_lines]
    body = "\n".join(body_lines)
    if not body.strip():
        return _failed(raw, data, "no article text found", encoding)
    return Article(
        doc_id=raw.doc_id or content_hash(body)[:16],
        origin=raw.origin,
        raw=data,
        raw_kind=raw.kind,
        text=body,
        content_hash=content_hash(body),
        identity=identity(raw, data, body),
        url=raw.url,
        title=title_simple,
        title_original=title if title_simple != title else None,
        text_original="\n".join(original_lines) if simple.changed else None,
        encoding=encoding,
        pub_date=pub.iso if pub else None,
        pub_date_precision=pub.precision if pub else None,
        pub_date_source=pub_source,
        source=source,
        site=site,
        author=author,
        variant=simple.variant,
        warnings=warnings,
    )
