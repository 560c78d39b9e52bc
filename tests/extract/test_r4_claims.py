"""Claims on sentences written for these tests: who speaks (the nation, a ministry, a place
named as excluded or as a route's end), when (N年来, 全年, a report's section year) and what
(indicator words, figures that are not totals)."""

from __future__ import annotations

from touzi.extract.records import extract_records


def claims(text: str, pub: str = "2021-08-10") -> list[dict]:
    return [r for r in extract_records(text, pub_date=pub) if r["kind"] == "claim"]


def test_the_state_as_subject_speaks_for_the_nation() -> None:
    text = ("据介绍，东川市的棚改项目进展顺利。\n"
            "截至今年6月底，国家对农村公路建设投资了2100亿元。")
    (c,) = claims(text)
    assert c["value"] == 210_000_000_000
    assert c["region"]["adcode"] == "100000"


def test_a_ministry_as_subject_speaks_for_the_nation() -> None:
    text = "天津的改造工作走在前面。\n交通运输部公布的数字是完成投资1800亿元。"
    (c,) = claims(text)
    assert c["region"]["adcode"] == "100000"


def test_state_bonds_a_province_wins_for_are_the_province_s() -> None:
    (c,) = claims("今年，山西争取国家专项债券规模98亿元，用于重点项目建设。")
    assert c["region"]["adcode"] == "140000"


def test_a_place_the_sentence_excludes_is_not_the_speaker() -> None:
    text = ("2020年我国除台湾省外新增装机3000万千瓦。\n"
            "规划期内累计将直接增加投资2万亿元。")
    (c,) = claims(text)
    assert c["region"]["adcode"] != "710000"


def test_the_ends_of_a_route_are_not_the_speaker() -> None:
    text = ("全国铁路建设进展顺利，我国铁路网不断完善，全国客运量持续增长。\n"
            "同时，西安到成都的铁路开工建设。今年1～3月，铁路建设投资完成500亿元，同比增长9%。")
    (c,) = claims(text, "2014-04-10")
    assert c["value"] == 50_000_000_000
    assert c["region"]["adcode"] == "100000"


def test_a_national_digest_speaks_for_the_nation_where_no_place_is_named() -> None:
    text = ("全国重大项目建设加快\n全国各地加快推进重大项目。我国投资结构持续优化，"
            "国家发展改革委表示，全国投资增长平稳。在贵州，一条高速公路通车。\n"
            "目前，全年新开工数据中心项目超过50个，项目总投资超过3000亿元。")
    got = [c for c in claims(text, "2022-12-29") if c["count"] == 50]
    assert got and got[0]["region"]["adcode"] == "100000"
