"""Project names: left edges, heads, lists, pointers and the non-names the peer baseline takes
for projects (clause fragments, generic words, batches, descriptions), on sentences written
for these tests and on the annotated dev articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from touzi.extract.gold import load_gold
from touzi.extract.projects import ITEM, NAME, REF, is_fragment, is_generic
from touzi.extract.records import analyse, extract_records

GOLD = Path(__file__).resolve().parents[1] / "gold"


def names(text: str, pub: str = "2021-06-15") -> list[str]:
    return [r["name"] for r in extract_records(text, pub_date=pub) if r["kind"] == "project"]


def mentions(text: str, pub: str = "2021-06-15") -> list[tuple[str, str]]:
    return [(m.kind, m.name) for m in analyse(text, pub_date=pub).project_mentions]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # figures joined by 的 stay outside the name; a capacity before 的 stays inside
        ("今年3月，总投资12亿元的宏达新材料项目在本县开工。", "宏达新材料项目"),
        ("投资80亿元的东湖国际会展中心正在抓紧建设。", "东湖国际会展中心"),
        ("年产30万吨的乙醇项目正在进行设备调试。", "年产30万吨的乙醇项目"),
        # a company and a capacity written before the head are part of the name
        ("浙江远航电子有限公司年产500万套智能终端项目已开工。", "浙江远航电子有限公司年产500万套智能终端项目"),
        # brackets and quotes inside a name
        ("远航(嘉兴)智造产业园项目昨天正式签约。", "远航(嘉兴)智造产业园项目"),
        ("首期投资2亿元的“渔光互补”光伏发电项目并网发电。", "“渔光互补”光伏发电项目"),
        # verbs, time words and prepositions end the text before a name
        ("县里今年开工建设甲乙高速公路项目，总投资40亿元。", "甲乙高速公路项目"),
        ("去年12月，华泰集团投资建设的华泰电池工厂项目竣工。", "华泰电池工厂项目"),
        # an apposition after a dash: the descriptor goes, the name stays
        ("国家重点工程——东岭水库工程今天开工。", "东岭水库工程"),
    ],
)
def test_name_edges(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "全市上下一切围绕项目转，紧盯项目不放松。",           # verb + 项目 (the peer's 紧盯项目)
        "比如该项目急需搬迁，因此项目须边建设边安装。",        # 因此项目
        "今年全市共有重大项目120个，这些项目进展顺利。",       # generic words and a batch
        "全省38个重大项目集中开工，总投资363.5亿元。",       # a batch is a claim
        "这是国内首座千万吨级液化天然气接收站。",             # a description, not a name
        "加快建设国际金融中心和国际航运中心。",              # a city's role
        "三是新能源、生物医药等新兴产业项目多。",             # kinds of industry
        "该路东连甲乙高速公路，西接丙丁公路。",              # what a road connects to
    ],
)
def test_not_names(text: str) -> None:
    assert names(text) == []


def test_list_items_are_projects() -> None:
    got = mentions("1至5月，甲力、乙千、丙流等5个项目已经开工。", "2019-06-01")
    assert [n for k, n in got if k == ITEM] == ["甲力", "乙千", "丙流"]


def test_list_of_named_projects_and_first_item_cut_at_verb() -> None:
    text = "今年将开工建设东环路、南山至北湖、西江扩建等3个公路项目。"
    got = [n for k, n in mentions(text) if k == ITEM]
    assert got == ["东环路", "南山至北湖", "西江扩建"]


def test_coordinated_names_split_at_the_conjunction() -> None:
    text = "年产10万辆整车项目和年产20万台电机项目也于今年投产。"
    assert names(text) == ["年产10万辆整车项目", "年产20万台电机项目"]


def test_pointers_and_phases_are_refs() -> None:
    got = mentions("华泰电池工厂项目今天开工。该项目总投资30亿元，一期工程明年投产。")
    assert (NAME, "华泰电池工厂项目") in got
    assert (REF, "该项目") in got
    assert (REF, "一期工程") in got


def test_headline_and_short_names_join_one_project() -> None:
    text = ("东岭水库开工建设\n今天，东岭水库工程在南江县开工。东岭水库建成后可灌溉农田"
            "20万亩。")
    recs = [r for r in extract_records(text, pub_date="2021-06-15") if r["kind"] == "project"]
    assert len(recs) == 1
    assert recs[0]["name"] == "东岭水库工程"


def test_abbreviation_joins_the_full_name() -> None:
    text = "东川至西岭高速公路项目今年开工。东西高速投资90亿元，全长150公里。"
    recs = [r for r in extract_records(text, pub_date="2021-06-15") if r["kind"] == "project"]
    assert [r["name"] for r in recs] == ["东川至西岭高速公路项目"]
    assert [x["amount_cny"] for x in recs[0]["investment"]] == [9_000_000_000]


@pytest.mark.parametrize("core", ["重大", "5000万元以上的投资", "各类", "这些", "一期"])
def test_generic_cores(core: str) -> None:
    assert is_generic(core)


@pytest.mark.parametrize(("core", "fragment"), [
    ("牢牢抓住", True), ("纷纷直陈", True), ("筛选全省", True),
    ("张吉怀", False), ("东岭水库", False), ("光伏并网发电", False),
])
def test_fragments(core: str, fragment: bool) -> None:
    assert is_fragment(core) is fragment


@pytest.fixture(scope="module")
def dev_docs(corpus_dir: Path):
    return load_gold([GOLD / "dev"], corpus_dir=corpus_dir)


def test_dev_names_found(dev_docs) -> None:
    """Most non-borderline dev projects are found under a matching name (the scorer's rule)."""
    from touzi.extract.evaluate import project_overlap

    found = total = 0
    for doc in dev_docs:
        preds = [r for r in extract_records(doc.text, pub_date=doc.pub_date, doc_id=doc.doc_id)
                 if r["kind"] == "project"]
        for g in doc.projects:
            if g.get("borderline"):
                continue
            total += 1
            found += any((project_overlap(g, p) or 0) >= 0.6 for p in preds)
    assert total > 100
    assert found / total >= 0.85


def test_dev_no_fragments(dev_docs) -> None:
    """No predicted name on the dev set is a verb or pointer fragment of the peer's kind."""
    bad = []
    for doc in dev_docs:
        for r in extract_records(doc.text, pub_date=doc.pub_date, doc_id=doc.doc_id):
            if r["kind"] == "project" and (r["name"].startswith(("因此", "紧盯", "该", "这"))
                                           or r["name"] in ("项目", "重大项目", "工程")):
                bad.append(r["name"])
    assert bad == []
