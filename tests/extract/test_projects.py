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
    # Pinned like the floors (measured − 0.02): 0.811 with extractor 0.6.0; 0.799 when val11's
    # four work reports joined dev (231 documents, extractor 0.5.0); 0.803 when the twelve reports of val8 to val10
    # joined (227 documents); 0.843 before (215 documents), 0.85 on
    # the 134 news articles before that.
    assert found / total >= 0.79


def test_dev_no_fragments(dev_docs) -> None:
    """No predicted name on the dev set is a verb or pointer fragment of the peer's kind."""
    bad = []
    for doc in dev_docs:
        for r in extract_records(doc.text, pub_date=doc.pub_date, doc_id=doc.doc_id):
            if r["kind"] == "project" and (r["name"].startswith(("因此", "紧盯", "该", "这"))
                                           or r["name"] in ("项目", "重大项目", "工程")):
                bad.append(r["name"])
    assert bad == []


# -- what makes a name (0.2.0): sentences written for these tests -----------------------------
@pytest.mark.parametrize(
    "text",
    [
        # sector and industry nouns listed as kinds, not projects
        "全县今年将实施河道清淤、土壤改良、植树造林等重点生态工程。",
        "省属国企还承接了港口、电网、供水排水等基础设施建设项目。",
        "企业产品主要用于机车、轨道交通、海洋工程等领域。",
        # a sector noun with a head, said of an industry or a plan
        "规划提出要建成西南地区重要的装备制造业基地。",
        "当地正在研究就地建设煤电基地的可能。",
        # the region speaking, a share of a class, a rank
        "我市千万千瓦电源项目正式启动。",
        "行业技改投资增幅回落。",
        "大部分电子工厂并没有内迁。",
        "这意味着全省第三大风电工程进入调试阶段。",
        # clause words before the head
        "公告称该项目投产后仍需一段时间爬坡。",
        "车间里开足马力生产线却难以停下来。",
        "除传统基建项目外，新兴产业项目也在加快。",
        # parts of a factory
        "工厂包括总装部、焊装车间和检测车间。",
    ],
)
def test_not_projects(text: str) -> None:
    assert names(text, "2023-05-06") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name starts after a verb that takes it as object, a person, a pointer word
        ("省委书记致信祝贺甲溪水电站首批机组投产发电。", "甲溪水电站"),
        ("像甲县乙湖水库加高扩建等12项工程都已开工。", "甲县乙湖水库"),
        # a brand that jieba reads as a verb stays when the name is the clause's subject
        ("远航智能装备项目落户吴兴区，总投资5亿元。", "远航智能装备项目"),
        # a works after its site: the unit is a part of it
        ("一是乙河电厂扩建工程第一台机组已获核准。", "乙河电厂扩建工程"),
        # a quoted name after a superlative descriptor
        ("本省在建的最大水利工程“丙岭水利枢纽”施工有序推进。", "丙岭水利枢纽"),
        # a described project: a pointer, a figure and 的 before a generic head phrase
        ("眼前这个占地80亩的先进制造业研发项目基地已经动工，总投资20亿元。",
         "先进制造业研发项目基地"),
        # a firm's project named by its place
        ("宏昌水泥股份有限公司就是通过收购进入本省的，安顺项目一期5月份竣工，总投资12亿元。",
         "安顺项目"),
    ],
)
def test_names_of_undertakings(text: str, name: str) -> None:
    assert name in names(text, "2023-05-06")


def test_descriptive_name_needs_support() -> None:
    """A name made of common words only stands with a figure of its own, in a list of
    projects, or built by a firm; alone it is a sector."""
    assert names("园区将重点发展智能装备产业园。", "2023-05-06") == []
    assert names("总投资10亿元的新材料产业园今天开工。", "2023-05-06") == ["新材料产业园"]
    listed = names("签约项目包括智能网联产业园、绿色算力中心等12个项目。", "2023-05-06")
    assert listed == ["智能网联产业园", "绿色算力中心"]


def test_facility_of_a_project_is_its_part() -> None:
    """这次增资主要用于新建X生产线: X is what the named project builds; its figures go there."""
    text = ("8月12日，浙江甲乙传动有限公司增资项目获批。这次增资主要用于新建精密齿轮生产线，"
            "建成后将新增年产50万套精密齿轮的生产能力。")
    recs = [r for r in extract_records(text, pub_date="2022-08-16") if r["kind"] == "project"]
    assert [r["name"] for r in recs] == ["浙江甲乙传动有限公司增资项目"]
    assert [c["quantity"] for c in recs[0]["capacity"]] == [500000]


def test_side_by_side_names_are_two_projects() -> None:
    text = ("募集资金投入两个项目：发光器件产业化项目，总投资1.2亿元；发光器件用LED芯片产业化项目，"
            "总投资1.5亿元。")
    recs = {r["name"]: r for r in extract_records(text, pub_date="2011-07-11")
            if r["kind"] == "project"}
    assert [x["amount_cny"] for x in recs["发光器件产业化项目"]["investment"]] == [120_000_000]
    assert [x["amount_cny"] for x in recs["发光器件用LED芯片产业化项目"]["investment"]] == [150_000_000]


@pytest.mark.parametrize(("core", "specific"), [
    ("娲石", True), ("拉日", True), ("碾盘山水利", True), ("GPU大算力", True),
    ("海洋", False), ("装备制造业", False), ("智能化数字", False), ("国土整治", False),
])
def test_specific_cores(core: str, specific: bool) -> None:
    from touzi.extract.name_words import specific_core

    assert specific_core(core) is specific


@pytest.mark.parametrize(("core", "kept"), [
    ("表明发展海洋", "海洋"), ("公司此次半导体照明", "半导体照明"), ("不久前", ""), ("公告称该", "该"),
])
def test_clause_breaks(core: str, kept: str) -> None:
    from touzi.extract.name_words import clause_breaks

    cut = max((b for _, b, _ in clause_breaks(core)), default=0)
    assert core[cut:] == kept


@pytest.mark.parametrize(("core", "kind"), [
    ("光伏行业垂直一体化", "inner"), ("年产30万吨煤焦油加氢深加工", "inner"), ("采用国外公司进口", "opening"),
])
def test_verb_breaks_are_qualified(core: str, kind: str) -> None:
    """A verb after a noun breaks only before a proper name; one opening the core only where
    the name is no subject (the finder decides with the text around)."""
    from touzi.extract.name_words import clause_breaks

    assert [k for _, _, k in clause_breaks(core)][:1] == [kind]


def test_segment_agrees_with_jieba() -> None:
    import jieba

    from touzi.extract.name_words import segment

    for s in ("中国石化重质基础油光亮油基地", "6200t/d新型绿色智能化熟料", "FTTx光纤分配网络(ODN)产品",
              "习近平致信祝贺金沙江白鹤滩", "远航(嘉兴)智造"):
        assert segment(s) == tuple(jieba.lcut(s, HMM=False))
