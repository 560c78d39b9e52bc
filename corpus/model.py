"""The two shapes an article takes in the corpus stage: as read, and as cleaned."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

RawKind = Literal["text", "html"]


@dataclass
class RawArticle:
    """One article as it arrived: bytes or text, plus whatever metadata came with it."""

    origin: str
    raw: bytes | str
    kind: RawKind
    url: str | None = None
    title: str | None = None
    pub_date: str | None = None
    source: str | None = None
    site: str | None = None
    doc_id: str | None = None
    declared_encoding: str | None = None
    error: str | None = None


@dataclass
class Article:
    """One article after cleaning, ready to be stored."""

    doc_id: str
    origin: str
    raw: bytes
    raw_kind: RawKind
    text: str
    content_hash: str
    identity: str = ""
    url: str | None = None
    title: str | None = None
    title_original: str | None = None
    text_original: str | None = None
    encoding: str | None = None
    pub_date: str | None = None
    pub_date_precision: str | None = None
    pub_date_source: str = "none"
    source: str | None = None
    site: str | None = None
    author: str | None = None
    variant: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
