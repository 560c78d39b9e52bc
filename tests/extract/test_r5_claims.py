"""Claims on sentences written for these tests (round 5): counts of projects of a size read as
amounts, relief money, a region's railway investment, figures of one facility or one project's
prospects, and the periods of batches and spans."""

from __future__ import annotations

from touzi.extract.records import extract_records


def claims(text: str, pub: str = "2021-08-10") -> list[dict]:
    return [r for r in extract_records(text, pub_date=pub) if r["kind"] == "claim"]


def test_a_count_of_projects_of_a_size_is_a_count_not_an_amount() -> None:
    (c,) = claims("今年，宁远市计划推进350个亿元项目。")
    assert c["indicator"] == "project_count"
    assert c["count"] == 350
    assert c["value"] is None


def test_a_count_of_projects_above_a_size_started_together() -> None:
    (c,) = claims("上周，宁远市有86个亿元以上项目集中开工。")
    assert c["indicator"] == "project_count"
    assert c["count"] == 86


def test_relief_for_firms_is_no_investment() -> None:
    assert claims("宁远市简化企业投资项目审批，今年为企业降本减负30亿元。") == []


def test_a_region_s_railway_investment_is_fixed_asset_investment() -> None:
    (c,) = claims("今年全省铁路投资将保持在600亿元以上，其中新线建设占一半。")
    assert c["indicator"] == "fixed_asset_investment"
    assert c["value"] == 60_000_000_000


def test_one_facility_s_total_is_no_claim() -> None:
    assert claims("新建的宁远东站总投资18.5亿元，设有8个站台。") == []


def test_a_project_s_prospects_are_no_claim() -> None:
    assert claims("按照协议，未来十年，项目可以获得6亿元的运营投入。") == []


def test_one_undertaking_described_by_its_figure_is_no_claim() -> None:
    (c,) = claims("开工首日，宁远市确定了120个重点项目。在开发区，一个年产值30亿元的智能装备"
                  "产业园正加紧施工。")
    assert c["count"] == 120
