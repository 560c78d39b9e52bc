"""The durable frontier on its own: order, duplicate filtering, and what survives a kill."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import scrapy
from scrapy.settings import Settings
from scrapy.signalmanager import SignalManager
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.request import RequestFingerprinter

from touzi.spiders.frontier import FILE_NAME, FRONTIER_ID, FrontierScheduler, request_done


class _Spider(scrapy.Spider):
    name = "t"

    def parse_list(self, response: Any) -> None:
        """A callback the frontier must serialise by name."""

    def parse_article(self, response: Any) -> None:
        """Another callback."""


class _Crawler:
    """The parts of a Crawler the scheduler uses."""

    def __init__(self) -> None:
        self.settings = Settings()
        self.signals = SignalManager(self)
        self.stats = MemoryStatsCollector(self)
        self.request_fingerprinter = RequestFingerprinter()
        self.spider = None


def _open(jobdir: Path | None) -> tuple[FrontierScheduler, _Crawler, _Spider]:
    crawler = _Crawler()
    spider = _Spider()
    scheduler = FrontierScheduler(crawler, str(jobdir) if jobdir else None)  # type: ignore[arg-type]
    scheduler.open(spider)
    return scheduler, crawler, spider


def _req(spider: _Spider, url: str, priority: int = 0, **kw: Any) -> scrapy.Request:
    return scrapy.Request(url, callback=spider.parse_article, priority=priority, **kw)


def test_priority_then_first_in_first_out_and_duplicates_filtered() -> None:
    sched, _, spider = _open(None)
    assert sched.enqueue_request(_req(spider, "https://x.cn/list", 0))
    assert sched.enqueue_request(_req(spider, "https://x.cn/a1", 10))
    assert sched.enqueue_request(_req(spider, "https://x.cn/a2", 10))
    assert not sched.enqueue_request(_req(spider, "https://x.cn/a1", 10))
    assert sched.enqueue_request(_req(spider, "https://x.cn/a1", 10, dont_filter=True))
    assert len(sched) == 4
    urls = [sched.next_request().url for _ in range(4)]  # type: ignore[union-attr]
    assert urls == ["https://x.cn/a1", "https://x.cn/a2", "https://x.cn/a1", "https://x.cn/list"]
    assert sched.next_request() is None and not sched.has_pending_requests()


def test_requests_round_trip_with_callback_and_meta() -> None:
    sched, _, spider = _open(None)
    sched.enqueue_request(scrapy.Request("https://x.cn/l", callback=spider.parse_list,
                                         meta={"touzi_kind": "list", "touzi_page": 3}))
    got = sched.next_request()
    assert got is not None and got.callback == spider.parse_list
    assert got.meta["touzi_page"] == 3 and FRONTIER_ID in got.meta


def test_a_killed_crawl_resumes_with_queued_and_in_flight_requests(tmp_path: Path) -> None:
    sched, crawler, spider = _open(tmp_path)
    for i in range(5):
        sched.enqueue_request(_req(spider, f"https://x.cn/a{i}"))
    first = sched.next_request()
    second = sched.next_request()
    assert first is not None and second is not None
    crawler.signals.send_catch_log(request_done, request=first)  # finished before the kill
    sched.flush()  # (writes are committed every COMMIT_SECONDS)
    # SIGKILL: nothing is closed; copy the files as the dead process left them.
    shutil.copytree(tmp_path, tmp_path.parent / "after-kill")
    resumed, _, spider2 = _open(tmp_path.parent / "after-kill")
    assert resumed.resumed == 4
    urls = []
    while (request := resumed.next_request()) is not None:
        urls.append(request.url)
    assert sorted(urls) == ["https://x.cn/a1", "https://x.cn/a2", "https://x.cn/a3", "https://x.cn/a4"]
    # What was queued before the kill is still filtered as seen.
    assert not resumed.enqueue_request(_req(spider2, "https://x.cn/a0"))


def test_a_kill_loses_only_the_latest_writes_and_those_are_redone(tmp_path: Path) -> None:
    sched, crawler, spider = _open(tmp_path)
    sched.enqueue_request(scrapy.Request("https://x.cn/list", callback=spider.parse_list))
    sched.flush()
    page = sched.next_request()
    assert page is not None
    # The list page's links are queued and the page marked done, but no commit follows.
    for i in range(3):
        sched.enqueue_request(_req(spider, f"https://x.cn/a{i}", 10))
    crawler.signals.send_catch_log(request_done, request=page)
    shutil.copytree(tmp_path, tmp_path.parent / f"{tmp_path.name}-killed")
    resumed, _, spider2 = _open(tmp_path.parent / f"{tmp_path.name}-killed")
    # Either all of those writes survive or none: here none, so the list page comes again
    # (and queues its links again); no link is lost without its page.
    assert resumed.resumed == 1
    got = resumed.next_request()
    assert got is not None and got.url == "https://x.cn/list" and got.callback == spider2.parse_list


def test_a_retry_replaces_its_original_row(tmp_path: Path) -> None:
    sched, _, spider = _open(tmp_path)
    sched.enqueue_request(_req(spider, "https://x.cn/a"))
    got = sched.next_request()
    assert got is not None
    retry = got.copy()
    retry.dont_filter = True
    assert sched.enqueue_request(retry)
    sched.close("shutdown")
    resumed, _, _ = _open(tmp_path)
    assert resumed.resumed == 1  # the retry, not the original as well


def test_a_finished_crawl_leaves_no_state(tmp_path: Path) -> None:
    sched, _, spider = _open(tmp_path)
    sched.enqueue_request(_req(spider, "https://x.cn/a"))
    sched.next_request()
    sched.close("finished")
    assert not (tmp_path / FILE_NAME).exists()
    again, _, spider = _open(tmp_path)
    assert again.resumed == 0
    assert again.enqueue_request(_req(spider, "https://x.cn/a"))
