"""Rules added with extractor 0.7.0, each on sentences written for the test (made-up works and
firms, real place names for the region lookup)."""

from __future__ import annotations

from touzi.extract.records import extract_records


def _events(text: str, pub: str = "2019-05-10") -> dict[str, list[tuple[str, str | None]]]:
    return {r["name"]: [(e["type"], e["date"]) for e in r["events"]]
            for r in extract_records(text, pub_date=pub) if r["kind"] == "project"}


def test_production_in_the_words_firms_use() -> None:
    found = _events("长兴县年产5万吨新型铝材项目已于今年3月投入生产。"
                    "德清县智能家居产业园将于2021年开始生产。"
                    "安吉县人民医院迁建工程去年底交付使用。")
    assert found["长兴县年产5万吨新型铝材项目"] == [("production", "2019-03")], found
    assert found["德清县智能家居产业园"] == [("planned", "2021")], found
    assert found["安吉县人民医院迁建工程"] == [("production", "2018-12")], found
