"""Regional claims: indicators, batches of projects, growth, target attainment, rank, period
and region, on sentences written for these tests and against the dev gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from touzi.extract.gold import load_gold
from touzi.extract.records import extract_records

GOLD = Path(__file__).resolve().parents[1] / "gold"


def claims(text: str, pub: str = "2021-08-10") -> list[dict]:
    return [r for r in extract_records(text, pub_date=pub) if r["kind"] == "claim"]


def test_indicator_value_growth_period_region() -> None:
    (c,) = claims("1至7月，湖州市完成固定资产投资1200亿元，同比增长8.5%，位列全省第一。")
    assert c["indicator"] == "fixed_asset_investment"
    assert c["value"] == 120_000_000_000 and c["unit"] == "CNY"
    assert c["growth_pct"] == 8.5
    assert c["period"] == "2021-01/2021-07"
    assert c["region"]["adcode"] == "330500"
    assert "第一" in c["rank"]


def test_target_attainment_and_foreign_currency() -> None:
    (c,) = claims("上半年，该区完成合同利用外资5000万美元，完成全年目标的62.5%。")
    assert c["indicator"] == "contracted_fdi"
    assert (c["value"], c["unit"]) == (50_000_000, "USD")
    assert c["target_pct"] == 62.5
    assert c["period"] == "2021-H1"


def test_batch_of_projects() -> None:
    (c,) = claims("今天，南江县42个重点项目集中开工，总投资156亿元。", "2021-03-18")
    assert (c["indicator"], c["value"], c["count"]) == ("project_investment", 15_600_000_000, 42)
    assert c["period"] == "2021-03-18"


def test_count_with_no_amount() -> None:
    (c,) = claims("今年以来，全县已有16个产业项目签约落地。")
    assert (c["indicator"], c["count"], c["value"]) == ("project_count", 16, None)


def test_national_statement() -> None:
    (c,) = claims("今年上半年全国新开工的项目投资9.2万亿元，同比增长12%。", "2012-08-06")
    assert c["region"]["adcode"] == "100000"
    assert c["growth_pct"] == 12


def test_total_after_a_breakdown_takes_the_whole_count() -> None:
    text = ("今天，东海省120个重点项目集中开工。其中包括基础设施项目40个、产业项目80个，"
            "年度计划投资300亿元。")
    got = [(c["value"], c["count"]) for c in claims(text, "2021-03-18")
           if c["value"] is not None]
    assert got == [(30_000_000_000, 120)]


def test_threshold_is_a_count() -> None:
    text = "此次开工的30个项目中有4个总投资超过10亿元，25个项目总投资超1亿元。"
    got = sorted((c["indicator"], c["count"], c["value"]) for c in claims(text))
    assert ("project_count", 4, None) in got or ("project_count", 25, None) in got
    assert not any(v == 1_000_000_000 for _, _, v in got)


@pytest.mark.parametrize(
    "text",
    [
        "项目建成后预计可实现年产值80亿元、利税12亿元。",          # the project's, not a region's
        "远航电器有限公司宣布投资50亿元建设西南产业基地。",        # a firm's
        "银行一季度投放外贸贷款超过3000亿元。",                   # lending
        "已发放稳岗资金6100万元，惠及职工10万人。",              # subsidies
        "实现税后利润1.7亿元。",                                 # profit
    ],
)
def test_not_claims(text: str) -> None:
    assert claims(text) == []


def test_headline_and_body_are_one_claim() -> None:
    text = ("东海省：300个重大项目集中开工\n"
            "今天，东海省300个重大项目集中开工，总投资1200亿元。")
    got = claims(text, "2021-03-18")
    assert len(got) == 1
    assert (got[0]["value"], got[0]["count"]) == (120_000_000_000, 300)


def test_comparison_year_is_not_the_period() -> None:
    (c,) = claims("1-10月，全县第三产业投资完成119.9亿元，占比由去年同期的48.6%提高。",
                  "2016-11-22")
    assert c["period"] == "2016-01/2016-10"


def test_dev_claims_found(corpus_dir: Path) -> None:
    """Most non-borderline dev claims are found, and few claims are made up."""
    from touzi.extract.evaluate import evaluate, run_extractor

    docs = load_gold([GOLD / "dev"], corpus_dir=corpus_dir)
    pred, errors = run_extractor(docs)
    assert errors == {}
    rep = evaluate([r for d in docs for r in (d.meta, *d.records)], pred)
    assert rep.claims.recall >= 0.8
    assert rep.claims.precision >= 0.8


# -- 0.2.0: sentences written for these tests ------------------------------------------------
def test_growth_of_a_named_category_is_a_claim() -> None:
    found = claims("上半年，全县民间投资同比增长10.7%，高新技术产业投资同比增长27.1%。", "2023-07-25")
    assert sorted((c["indicator"], c["indicator_text"], c["growth_pct"]) for c in found) == [
        ("other", "民间投资", 10.7), ("other", "高新技术产业投资", 27.1)]


def test_counts_after_a_comma_and_of_a_subclass() -> None:
    found = claims("去年全区新开工亿元以上项目37个，竣工投产26个，其中10亿元以上项目8个。",
                   "2024-03-02")
    assert sorted(c["count"] for c in found if c["indicator"] == "project_count") == [8, 26, 37]


def test_batches_count_projects_not_batches() -> None:
    found = claims("去年以来，全市已有5批38个重大项目总投资271.4亿元集中开工。", "2024-02-27")
    assert [(c["indicator"], c["count"]) for c in found] == [("project_investment", 38)]


@pytest.mark.parametrize("text", [
    "这是本省首个大型储能项目，今年7月即将投产，投产后，年产值达280亿元。",   # a project's yield
    "全部建成达产后，预计可实现年产值80亿元，年纳税4亿元以上。",
    "增资完成后，企业总投资将达到1.2亿美元。",                          # a firm's figure
    "到2025年，打造3家以上100亿元企业、8家以上50亿元企业。",             # sizes of firms
])
def test_project_and_firm_figures_are_not_claims(text: str) -> None:
    assert claims(text, "2023-06-12") == []


def test_batch_takes_the_day_of_its_event() -> None:
    text = ("　　6月6日，甲市产业投资推介会在省城举行。\n　　会上，甲市领导推介了投资环境。\n"
            "　　活动现场，全市集中签约28个项目，协议总金额96.4亿元。\n")
    (c,) = claims(text, "2021-06-09")
    assert (c["count"], c["period"]) == (28, "2021-06-06")


def test_origin_and_rank_frames_are_not_the_region() -> None:
    (c,) = claims("今年1至8月，嘉善县共引进上海投资项目46个，总投资218亿元。", "2023-09-18")
    assert c["region"]["adcode"] == "330421"
    found = claims("上半年，德清县制造业投资增长23.7%，增速居全市第一；工业投资同比增长19.5%。",
                   "2023-07-25")
    assert {c["region"]["adcode"] for c in found} == {"330521"}


def test_counts_of_lines_resumed() -> None:
    (c,) = claims("到今天，甲省在建的6条铁路已全线复工，1万多人驻守工地。", "2020-02-25")
    assert (c["indicator"], c["count"], c["period"]) == ("project_count", 6, "2020-02-25")


@pytest.mark.parametrize("text", [
    "财政部近日安排20亿元救灾资金，帮助灾区群众过冬。",
    "此前该公司在甲市有一家工厂，已经投资6亿美元。",
    "受此影响，两市的用地缺口分别达到3万亩和2万亩。",
])
def test_relief_firms_and_shortfalls_are_not_claims(text: str) -> None:
    assert claims(text, "2012-12-07") == []


def test_special_bonds_are_claimed() -> None:
    (c,) = claims("今年已提前下达的新增专项债为1.3万亿元，主要投向重大项目。", "2022-03-21")
    assert (c["indicator"], c["value"]) == ("other", 1_300_000_000_000)
