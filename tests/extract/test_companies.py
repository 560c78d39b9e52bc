"""Company names: legal forms, short forms, declared aliases, well-known investors, what is not
a company, and the companies of the seed articles' gold projects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from touzi.extract.companies import find_companies, known_names, short_forms
from touzi.extract.name_edges import Protected
from touzi.extract.records import analyse, extract_records


def companies(text: str) -> list[str]:
    return [c.name for c in find_companies(text) if c.full]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("由杭州远航电子有限公司投资建设的智能终端项目", "杭州远航电子有限公司"),
        ("宏达化纤股份有限公司宣布扩产", "宏达化纤股份有限公司"),
        ("新疆远山建材（集团）股份有限公司宣布", "新疆远山建材（集团）股份有限公司"),
        ("华泰(重庆)有限公司当年投产", "华泰(重庆)有限公司"),
        ("远航集团和东岭实业集团合资", "东岭实业集团"),
        ("与远航燃气有限公司签订协议", "远航燃气有限公司"),
    ],
)
def test_legal_names(text: str, name: str) -> None:
    assert name in companies(text)


@pytest.mark.parametrize(
    "text",
    [
        "该公司计划明年投产。",
        "合资公司将设立研发中心。",
        "全国60家企业集团参加。",
        "而根据4家公司的计划。",
        "第二大钢铁公司。",
        "2011年4月1日公司收购集团资产。",
        # generic firms and a verb before them (0.2.0)
        "涂装车间也采用国外公司进口的设备。",
        "另一合资公司的产能也将扩大。",
        "这批外资企业中已有三家境外公司增资。",
    ],
)
def test_not_companies(text: str) -> None:
    ends = sorted(m.end for m in analyse(text).mentions)
    assert [c.name for c in find_companies(text, None, ends) if c.full] == []


def test_declared_alias_and_short_forms() -> None:
    text = "远航钢铁公司(下称“远钢”)今年扩建，远钢产能将翻番。"
    found = find_companies(text)
    assert found[0].name == "远航钢铁公司"
    assert "远钢" in found[0].short
    # the alias right after the name and its later use are both mentions of the firm
    assert {c.name for c in found if not c.full} == {"远钢"}


def test_short_forms_drop_legal_form_and_place() -> None:
    assert short_forms("烟台远航股份有限公司") == ["烟台远航"] or "远航" in short_forms(
        "烟台远航股份有限公司")
    assert "远航科技" in short_forms("远航科技（苏州）有限公司")
    # an industry word alone names no one
    assert "钢铁" not in short_forms("山东钢铁集团", 2)


def test_known_investors_without_legal_form() -> None:
    text = "吉利在长兴投资，三一重工的履带吊扩产项目开工，华能也来了。"
    got = {c.name for c in find_companies(text) if not c.full}
    assert {"吉利", "三一重工", "华能"} <= got
    # words that are also ordinary words are not on the list
    assert not {"美的", "小米", "大众", "绿地"} & known_names()


def test_county_before_a_firm_is_its_location() -> None:
    text = "南湖区浙江远航电子有限公司年产500万套智能终端项目"
    from touzi.extract.regions import RegionResolver

    ctx = RegionResolver.default().article_context(text)
    places = Protected([(m.start, m.end) for m in ctx.mentions])
    names = [c.name for c in find_companies(text, places) if c.full]
    assert names == ["浙江远航电子有限公司"]


def test_project_takes_the_linked_company() -> None:
    recs = extract_records("由远航集团投资建设的东岭风电场项目今天开工。", pub_date="2021-06-01")
    assert recs[0]["company"] == "远航集团"
    recs = extract_records("宏达新能源有限公司年产5万吨电解液项目开工。", pub_date="2021-06-01")
    assert recs[0]["company"] == "宏达新能源有限公司"


def test_listed_firm_names_are_their_own_company() -> None:
    recs = extract_records("丰源制药、凯达电梯等重大工业项目将投产。", pub_date="2015-08-11")
    assert {(r["name"], r["company"]) for r in recs if r["kind"] == "project"} == {
        ("丰源制药", "丰源制药"), ("凯达电梯", "凯达电梯")}


def test_seed_gold_project_companies(corpus_dir: Path, gold_dir: Path) -> None:
    """The seed gold projects that name a company get that company (the scorer's rule)."""
    from touzi.extract.evaluate import _pairs, company_agrees

    gold = [json.loads(x) for x in (gold_dir / "seeds.jsonl").read_text("utf-8").splitlines()
            if x.strip()]
    right = total = 0
    for doc in [g for g in gold if g["kind"] == "doc"]:
        golds = [g for g in gold if g["doc_id"] == doc["doc_id"] and g["kind"] == "project"]
        text = (corpus_dir / "seeds" / f"{doc['doc_id']}.txt").read_text("utf-8")
        preds = [r for r in extract_records(text, pub_date=doc["pub_date"])
                 if r["kind"] == "project"]
        for gi, pi in _pairs("project", golds, preds):
            g = golds[gi]
            if g.get("company") and not g.get("borderline"):
                total += 1
                right += bool(preds[pi]["company"]) and company_agrees(g["company"],
                                                                        preds[pi]["company"])
    assert total >= 15
    assert right / total >= 0.75


def test_a_country_alone_names_no_firm() -> None:
    from touzi.extract.companies import find_companies

    text = "在南部某地区，有一座中国公司投资建设的纺织产业园，美国公司也有参与。"
    assert not any(c.name in ("中国公司", "美国公司") for c in find_companies(text))
