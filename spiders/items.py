"""The item the news spider yields: one fetched article page, ready for the Ingestor."""

from __future__ import annotations

from dataclasses import dataclass, field

from touzi.corpus.model import RawArticle


@dataclass
class CrawledArticle:
    """A fetched article: the RawArticle to ingest, the URL it was linked as, and its request."""

    raw: RawArticle
    url: str  # the URL as linked from the list page (what "already stored" is checked against)
    site: str
    list_url: str | None = None
    frontier_id: int | None = None
    selector_misses: list[str] = field(default_factory=list)
