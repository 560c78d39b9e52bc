"""Assembly: which project a figure, an event, a company and a place belong to; pointers,
batches, coordinated names, 分别; and the dev-set accuracy of amounts and places on the
projects the scorer matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from touzi.extract.assemble import same_project
from touzi.extract.gold import load_gold
from touzi.extract.records import extract_records

GOLD = Path(__file__).resolve().parents[1] / "gold"


def projects(text: str, pub: str = "2021-06-15") -> dict[str, dict]:
    return {r["name"]: r for r in extract_records(text, pub_date=pub) if r["kind"] == "project"}


def amounts(rec: dict) -> list[int | float]:
    return [x["amount"] for x in rec["investment"]]


def test_figure_joined_by_de_goes_to_the_next_name() -> None:
    p = projects("去年12月，总投资50亿元的华泰新能源汽车项目签约落户南江县。")
    rec = p["华泰新能源汽车项目"]
    assert amounts(rec) == [5_000_000_000]
    assert rec["investment"][0]["type"] == "total"
    assert rec["investment"][0]["text"] == "总投资50亿元"
    assert rec["events"][0]["type"] == "signed"
    assert rec["events"][0]["date"] == "2020-12"


def test_pointer_sentences_continue_the_project() -> None:
    text = ("东岭化工园项目今天开工。该项目总投资80亿元，一期投资30亿元，"
            "占地1200亩，计划2023年建成投产。")
    rec = projects(text)["东岭化工园项目"]
    assert sorted(amounts(rec)) == [3_000_000_000, 8_000_000_000]
    assert {x["type"] for x in rec["investment"]} == {"total", "phase"}
    assert [x["quantity"] for x in rec["land"]] == [1200]
    types = {(e["type"], e["date"]) for e in rec["events"]}
    assert ("started", "2021-06-15") in types
    assert ("planned", "2023") in types


def test_batch_figure_is_a_claim_not_a_projects() -> None:
    text = "今天，东岭化工园项目等38个重大项目集中开工，总投资363.5亿元。"
    recs = extract_records(text, pub_date="2021-06-15")
    proj = [r for r in recs if r["kind"] == "project"]
    assert proj and all(not r["investment"] for r in proj)
    claims = [r for r in recs if r["kind"] == "claim"]
    assert [(c["indicator"], c["value"], c["count"]) for c in claims] == [
        ("project_investment", 36_350_000_000, 38)]


def test_coordinated_names_share_no_figure() -> None:
    text = "东湖河道改造工程和污水管网工程总投资3亿元，已完成投资1亿元。"
    for rec in projects(text).values():
        assert rec["investment"] == []


def test_respective_amounts_follow_the_list() -> None:
    text = ("资金投向甲城一期、乙城二期、丙城三期三个项目，总投资9亿元，"
            "分别使用资金4亿元、3亿元和2亿元。")
    p = projects(text)
    assert amounts(p["甲城一期"]) == [400_000_000]
    assert amounts(p["乙城二期"]) == [300_000_000]
    assert amounts(p["丙城三期"]) == [200_000_000]


def test_wages_and_advances_are_not_investment() -> None:
    text = "在东川西岭高速公路建设现场，相关部门已支付预付款13亿元，支付工资1500万元。"
    rec = next(iter(projects(text).values()))
    assert rec["investment"] == []


def test_investors_home_is_not_the_projects_region() -> None:
    """A place that names where an investor comes from (商会, 援建, a firm's name) is not where
    the project is."""
    text = ("今年，吴兴区高新区拜访上海温州商会，远航智能装备项目落户吴兴区，"
            "该项目总投资5亿元。")
    rec = projects(text, "2019-03-01")["远航智能装备项目"]
    assert rec["region"]["adcode"] == "330502"
    assert amounts(rec) == [500_000_000]


def test_place_written_in_the_name_wins() -> None:
    rec = projects("今天，东岭水库工程在四川大邑开工建设。")["东岭水库工程"]
    assert rec["region"]["adcode"] == "510129"


def test_county_before_a_firm_names_the_region() -> None:
    text = "湖州市考察名单：南浔区浙江远航电子有限公司年产500万套智能终端项目。"
    rec = next(iter(projects(text, "2020-04-05").values()))
    assert rec["company"] == "浙江远航电子有限公司"
    assert rec["region"]["adcode"] == "330503"


@pytest.mark.parametrize(("a", "b", "same"), [
    ("锦屏二级水电站", "雅砻江锦屏二级水电站", True),
    ("抚吉高速", "抚州至吉安高速公路", True),
    ("乐西高速公路", "乐山至西昌高速公路", True),
    ("年产1000吨芳纶产业化项目", "1000吨/年芳纶产业化项目", True),
    ("哈密光伏发电项目", "和田光伏发电项目", False),
    ("年产180万片抛光片生产线", "年产540万片抛光片生产线", False),
    ("南水北调中线工程", "南水北调中线穿黄隧洞主体工程", False),
])
def test_same_project(a: str, b: str, same: bool) -> None:
    assert same_project(a, b) is same


@pytest.fixture(scope="module")
def dev_pairs(corpus_dir: Path):
    """(gold, prediction) pairs the scorer matches on the dev set (non-borderline gold)."""
    from touzi.extract.evaluate import _pairs

    out = []
    for doc in load_gold([GOLD / "dev"], corpus_dir=corpus_dir):
        preds = [r for r in extract_records(doc.text, pub_date=doc.pub_date, doc_id=doc.doc_id)
                 if r["kind"] == "project"]
        golds = doc.projects
        for gi, pi in _pairs("project", golds, preds):
            if not golds[gi].get("borderline"):
                out.append((golds[gi], preds[pi]))
    return out


def test_dev_investment_on_matched(dev_pairs) -> None:
    from touzi.extract.evaluate import money_agrees

    n = ok = 0
    for g, p in dev_pairs:
        for x in g.get("investment", []):
            if x.get("amount") is None:
                continue
            n += 1
            ok += any(money_agrees(x, y) for y in p["investment"])
    assert n >= 40
    # Pinned like the floors (measured − 0.02): 0.89 when dev grew to 134 articles (0.3.0),
    # 0.882 at 211 articles (0.4.0, with the work reports and their short list items).
    assert ok / n >= 0.86


def test_dev_region_on_matched(dev_pairs) -> None:
    from touzi.extract.evaluate import region_agrees

    n = ok = 0
    for g, p in dev_pairs:
        code = (g.get("region") or {}).get("adcode")
        if code:
            n += 1
            ok += region_agrees(code, (p.get("region") or {}).get("adcode") or "")
    assert n >= 100
    # Pinned like the floors (measured − 0.02): 0.879 when dev grew to 134 articles (0.3.0),
    # 0.878 at 211 articles (0.4.0), 0.893 at 231 documents (0.6.0: a province's report places
    # its works at home).
    assert ok / n >= 0.87


def test_capacity_and_sales() -> None:
    text = ("东岭石化年产80万吨乙烯项目今天开工，项目建成后年销售收入可达120亿元。"
            "该项目配套建设30万吨聚丙烯装置，将安装单机容量为1500千瓦的机组。")
    rec = projects(text)["东岭石化年产80万吨乙烯项目"]
    caps = {(c["quantity"], c["unit"], c["product"], c["per"]) for c in rec["capacity"]}
    assert (800_000, "吨", "乙烯", "year") in caps
    assert not any(c["quantity"] == 1500 for c in rec["capacity"])
    assert [(o["type"], o["amount_cny"]) for o in rec["output_value"]] == [
        ("annual_sales", 12_000_000_000)]


# -- 0.2.0: sentences written for these tests ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "adcode"),
    [
        # a line through two provinces (or abroad) has no region; through two cities of one,
        # the province's
        ("昌莆铁路全长600公里，跨越江西、福建两省，今天开通运营。", None),
        ("中缅油气管道国内段也已开工建设。", None),
        ("青藏联网工程已投入试运行。", None),
        ("拉萨至贡嘎机场高速公路今年建成通车，总投资100亿元。", "540000"),
    ],
)
def test_route_regions(text: str, adcode: str | None) -> None:
    (rec,) = projects(text, "2012-07-20").values()
    assert rec["region"]["adcode"] == adcode


def test_conversion_in_brackets_is_one_amount() -> None:
    rec = projects("据悉，远航重庆工厂一期投资为2.97亿美元(约合20亿元人民币)，主要生产电路板。",
                   "2011-06-17")["远航重庆工厂"]
    assert [(x["amount"], x["currency"], x["amount_cny"]) for x in rec["investment"]] == [
        (297_000_000, "USD", 2_000_000_000)]


def test_value_before_a_change_is_not_taken() -> None:
    text = ("8月12日，盛骐(桐乡)传动系统有限公司增资项目获批。来自德国的盛骐精密机械集团对这家"
            "子公司增资4500万美元，注册资本由2000万美元增至3500万美元。")
    rec = projects(text, "2022-08-16")["盛骐(桐乡)传动系统有限公司增资项目"]
    assert sorted(x["amount"] for x in rec["investment"]) == [35_000_000, 45_000_000]


def test_pointer_to_the_site_continues_the_project() -> None:
    text = ("位于湖畔的龙岭文旅项目施工正忙。这里总投资150亿元，落成后会是全省又一处度假胜地。"
            "这座总投资约60亿元的加工基地从动工到完工只用了一年。")
    rec = projects(text, "2017-02-04")["龙岭文旅项目"]
    assert 15_000_000_000 in amounts(rec)


def test_members_of_a_dated_batch_take_its_event() -> None:
    text = ("　　2月26日上午，甲市一季度重大项目集中开工活动在新区主会场举行。\n"
            "　　主会场的浙江甲乙光电科技有限公司年产100万套光学模组项目总投资12亿元。\n"
            "　　此外，长安镇冷链物流中心、许村镇智能经编产业园等项目也在当天同步开工。\n")
    p = projects(text, "2024-02-27")
    for name in ("浙江甲乙光电科技有限公司年产100万套光学模组项目", "长安镇冷链物流中心"):
        assert {(e["type"], e["date"]) for e in p[name]["events"]} == {("started", "2024-02-26")}


def test_listed_works_share_the_lists_event() -> None:
    text = "去年，昌莆铁路、旁溪水利枢纽、墨岭公路等一批省重点工程先后开工。"
    p = projects(text, "2012-07-20")
    assert {n: [(e["type"], e["date"]) for e in r["events"]] for n, r in p.items()} == {
        n: [("started", "2011")] for n in ("昌莆铁路", "旁溪水利枢纽", "墨岭公路")}


def test_past_start_after_a_purpose_is_no_plan() -> None:
    text = "为了尽早实现这一目标，远航汽车在2010年初开工建设了远航新能源重卡工厂，项目投资26亿元。"
    (rec,) = projects(text, "2011-04-14").values()
    assert ("started", "2010-01") in {(e["type"], e["date"]) for e in rec["events"]}
