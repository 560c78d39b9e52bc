"""Rules added with extractor 0.4.0, each on sentences written for the test (made-up firms,
places and figures)."""

from __future__ import annotations

from touzi.extract.records import extract_records


def _projects(text: str, pub: str = "2021-09-20") -> list[dict]:
    return [r for r in extract_records(text, pub_date=pub) if r["kind"] == "project"]


def _claims(text: str, pub: str = "2021-09-20") -> list[dict]:
    return [r for r in extract_records(text, pub_date=pub) if r["kind"] == "claim"]


def test_a_panel_line_named_with_and_without_its_site_is_one_project() -> None:
    text = ("9月上旬，华辰光显第6代AMOLED柔性生产线在合肥点亮投产。总投资465亿元的华辰光显"
            "合肥6代线是该公司首条柔性产线，设计产能为每月4.8万片基板。")
    found = _projects(text)
    assert len(found) == 1, [p["name"] for p in found]
    line = found[0]
    assert "华辰光显" in line["name"] and "6代" in line["name"]
    assert [i["amount_cny"] for i in line["investment"]] == [46_500_000_000]
    assert [c["quantity"] for c in line["capacity"]] == [48_000]
    assert [(e["type"], e["date"]) for e in line["events"]] == [("production", "2021-09")]


def test_the_site_of_a_panel_line_told_only_in_the_long_name_still_joins() -> None:
    text = ("星瀚集团旗下苏州星瀚光电10.5代显示面板项目于5月18日投产。星瀚光电10.5代线总投资"
            "额310亿元，设计产能为每月9万张。")
    found = _projects(text)
    assert len(found) == 1, [p["name"] for p in found]
    assert [i["amount_cny"] for i in found[0]["investment"]] == [31_000_000_000]


def test_one_owners_lines_at_two_sites_stay_two() -> None:
    text = ("华辰光显合肥6代线于3月投产，总投资465亿元；华辰光显成都6代线于6月开工，"
            "总投资480亿元。")
    found = _projects(text)
    assert len(found) == 2, [p["name"] for p in found]
    assert sorted(i["amount_cny"] for p in found for i in p["investment"]) == [
        46_500_000_000, 48_000_000_000]


def test_what_counted_firms_buy_is_no_investment_claim() -> None:
    text = ("今年上半年，全省6家主要家电企业向海外采购压缩机芯片约900万颗，"
            "金额达9亿美元。")
    assert _claims(text) == []
    # the same firms' investment is a claim
    kept = _claims("今年上半年，全省6家主要家电企业完成技改投资9亿元。")
    assert [c["value"] for c in kept] == [900_000_000]


def test_capacity_with_its_period_before_the_figure() -> None:
    from touzi.extract.mentions import find_mentions

    found = {m.text: (m.kind, m.per) for m in find_mentions(
        "新线设计产能为每月6万片基板，二期产能每年12万吨，污水厂处理能力为每天800吨。", None)}
    assert found == {"6万片": ("capacity", None), "12万吨": ("capacity", "year"),
                     "800吨": ("capacity", "day")}
