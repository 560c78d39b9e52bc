"""Flow control between fetching and the writer process (CrawlSession.room)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from touzi.corpus.model import RawArticle
from touzi.spiders.session import CrawlSession


class FakeWriter:
    """Stands in for the writer process: keeps each job's answer callback."""

    alive = True

    def __init__(self) -> None:
        self.callbacks: list[Any] = []

    def submit(self, job: dict[str, Any], on_answer: Any) -> None:
        self.callbacks.append((job, on_answer))


def test_every_waiting_request_goes_when_the_writer_catches_up(tmp_path: Path) -> None:
    """A released request may fail before it is stored (404, timeout) and then never answers;
    were requests released one per answer, the others would wait forever (a hung crawl)."""
    session = CrawlSession(tmp_path / "crawl.db", "site")
    writer = FakeWriter()
    session.writer = writer  # type: ignore[assignment]
    session.backlog_limit = 1
    try:
        session.submit(RawArticle(origin="a", raw="正文", kind="text"), "http://x/a.html")
        first, second = session.room(), session.room()
        assert first is not None and second is not None  # the writer's backlog is full
        assert not first.called and not second.called
        job, answer = writer.callbacks[0]
        answer({"status": "known", "url": job["url"]})
        assert first.called and second.called
        assert session.room() is None  # room again: nobody waits
    finally:
        session.writer = None
        session.ingestor.close()
