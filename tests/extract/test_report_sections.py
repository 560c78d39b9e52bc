"""Undated events of a government work report take the year of the section they stand in."""

from __future__ import annotations

from touzi.extract.records import extract_records
from touzi.extract.report_sections import report_sections

# A made-up report with the layout of the real ones: a review of the year before, then tasks.
REPORT = (
    "2031年青川省政府工作报告\n"
    "一、2030年工作回顾\n"
    "过去一年，我们稳住了经济大盘。青川至白河高速公路建成通车，东湖储能电站并网发电。\n"
    "二、2031年工作安排\n"
    "今年要抓好重大项目建设。开工建设西岭水库，推动北港物流枢纽二期工程竣工投用。\n"
)


def _events(text: str, pub: str) -> dict[str, list[tuple[str, str | None]]]:
    return {r["name"]: [(e["type"], e["date"]) for e in r["events"]]
            for r in extract_records(text, pub_date=pub) if r["kind"] == "project"}


def test_review_and_task_sections() -> None:
    sections = report_sections(REPORT, 2031)
    assert [(s.year, s.planned) for s in sections] == [(2030, False), (2031, True)]
    assert REPORT[sections[1].start:].startswith("二、2031年工作安排")


def test_undated_events_take_their_sections_year() -> None:
    found = _events(REPORT, "2031")
    assert found["青川至白河高速公路"] == [("completed", "2030"), ("production", "2030")]
    assert found["东湖储能电站"] == [("production", "2030")]
    assert found["西岭水库"] == [("planned", "2031")]
    assert ("planned", "2031") in found["北港物流枢纽二期工程"]


def test_not_a_report_or_several_years() -> None:
    assert report_sections(REPORT.replace("政府工作报告", "发展情况"), 2031) == []
    five = REPORT.replace("一、2030年工作回顾\n过去一年", "一、过去五年工作回顾\n过去五年")
    assert [(s.year, s.planned) for s in report_sections(five, 2031)] == [(2031, True)]
    # an ordinary article has no sections: its undated events take the story's month (the
    # news it reports), not a report section's year
    news = "青川至白河高速公路建成通车，东湖储能电站并网发电。"
    assert _events(news, "2031-03-01")["东湖储能电站"] == [("production", "2031-03")]
