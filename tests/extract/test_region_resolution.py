"""Resolving places with the article as context: the seed articles against their gold
records, same-name counties, renamed units, deictic forms and roles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from touzi.extract.regions import Region, RegionResolver

SEED_META = {  # pub_date and source as the seed headers state them (gold doc records)
    "000_70a04c5ec55497ca": ("2020-04-05", "新华报业网"),
    "002_b18fd097ccaf0094": ("2015-08-11", "桐乡新闻网"),
    "004_1bfe85adb412da90": ("2019-03", None),
}


@pytest.fixture(scope="module")
def resolver() -> RegionResolver:
    return RegionResolver.default()


@pytest.fixture(scope="module")
def seeds(corpus_dir, gold_dir, resolver):
    gold = [json.loads(line) for line in
            (gold_dir / "seeds.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    out = {}
    for doc_id, (pub, source) in SEED_META.items():
        text = (corpus_dir / "seeds" / f"{doc_id}.txt").read_text(encoding="utf-8")
        ctx = resolver.article_context(text, pub_date=pub, source=source)
        out[doc_id] = (text, ctx, [g for g in gold if g["doc_id"] == doc_id])
    return out


def resolved_at(text: str, ctx, phrase: str, nth: int = 0) -> Region | None:
    """The region of the first mention that starts where `phrase` occurs (nth time)."""
    starts = [m.start() for m in re.finditer(re.escape(phrase), text)]
    start = starts[nth]
    for m in ctx.mentions:
        if m.start == start:
            return m.region
    raise AssertionError(f"no mention at {phrase}")


# Every place the seeds name, as a reader resolves it: (phrase, nth, adcode, town, zone, role).
SEED_PLACES = {
    "000_70a04c5ec55497ca": [
        ("浙江湖州", 0, "330000", None, None, "location"),
        ("湖州实践", 0, "330500", None, None, "location"),
        ("杭州", 0, "330100", None, None, "other"),          # dateline 新华社杭州…电
        ("吴兴区东林镇", 0, "330502", None, None, "location"),
        ("东林镇", 0, "330502", "东林镇", None, "location"),
        ("东林镇", 1, "330502", "东林镇", None, "location"),
        ("长兴县", 0, "330522", None, None, "location"),
        ("长兴项目", 0, "330522", None, None, "location"),
        ("南浔区", 0, "330503", None, None, "location"),
        ("浙江鼎旭", 0, "330000", None, None, "origin"),      # company name after 南浔区
        ("吴兴区湖州市", 0, "330502", None, None, "location"),
        ("湖州市中跃", 0, "330500", None, None, "origin"),    # company name after 吴兴区
        ("德清县启航", 0, "330521", None, None, "location"),
        ("安吉护童", 0, "330523", None, None, "location"),
        ("德清县县长", 0, "330521", None, None, "location"),
        ("该市", 0, "330500", None, None, "location"),
        ("全市", 0, "330500", None, None, "location"),
    ],
    "002_b18fd097ccaf0094": [
        ("我市", 0, "330483", None, None, "location"),
        ("屠甸镇", 0, "330483", "屠甸镇", None, None),
        ("大麻镇", 0, "330483", "大麻镇", None, None),
        ("洲泉镇", 0, "330483", "洲泉镇", None, None),
        ("梧桐街道", 0, "330483", "梧桐街道", None, None),
        ("桐乡市经济开发区", 0, "330483", None, "桐乡经济开发区", "location"),
        ("开发区围绕", 0, "330483", None, "桐乡经济开发区", "location"),
        ("该区", 0, "330483", None, "桐乡经济开发区", "location"),
        ("振东新区", 0, "330483", None, "振东新区", "location"),
        ("香港卓盛", 0, "810000", None, None, "origin"),
        ("凤鸣街道", 0, "330483", "凤鸣街道", None, "location"),
        ("崇福镇", 0, "330483", "崇福镇", None, "location"),
        ("河山镇", 0, "330483", "河山镇", None, "location"),
        ("全省", 0, "330000", None, None, "location"),
        ("经济开发区,今年4月", 0, "330483", None, "桐乡经济开发区", "location"),
        ("桐乡经济开发区欧美产业园", 0, "330483", None, "桐乡经济开发区欧美产业园",
         "location"),
        ("北京、上海", 0, "110000", None, None, None),
    ],
    "004_1bfe85adb412da90": [
        ("湖州市第一次", 0, "330500", None, None, "location"),
        ("高新区紧紧", 0, "330502", None, "吴兴高新区", "location"),
        ("全区", 0, "330502", None, None, "location"),
        ("上海温州商会", 0, "310000", None, None, "origin"),
        ("温州商会", 0, "330300", None, None, "origin"),
        ("苏州独墅", 0, "320500", None, None, "origin"),
        ("高新区召开", 0, "330502", None, "吴兴高新区", "location"),
    ],
}


@pytest.mark.parametrize("doc_id", sorted(SEED_PLACES))
def test_seed_places(seeds, doc_id: str) -> None:
    text, ctx, _gold = seeds[doc_id]
    for phrase, nth, adcode, town, zone, role in SEED_PLACES[doc_id]:
        region = resolved_at(text, ctx, phrase, nth)
        assert region is not None, phrase
        assert region.adcode == adcode, (phrase, region)
        assert region.town == town, (phrase, region)
        if zone is not None:
            assert region.zone == zone, (phrase, region)
        if role is not None:
            m = next(m for m in ctx.mentions if m.start == text.index(phrase))
            assert m.role == role, (phrase, m.role)


def test_seed_false_positives_absent(seeds) -> None:
    for _text, ctx, _ in seeds.values():
        names = {m.text for m in ctx.mentions}
        assert not names & {"比如", "天镇", "新建", "朝阳", "吉利", "新兴", "建设", "滨湖"}
        assert all(not (m.region and m.region.province == "西藏自治区") for m in ctx.mentions)


@pytest.mark.parametrize("doc_id", sorted(SEED_META))
def test_seed_focus_matches_gold(seeds, doc_id: str) -> None:
    _text, ctx, gold = seeds[doc_id]
    want = next(g for g in gold if g["kind"] == "doc")["region_focus"]
    got = ctx.focus
    assert got is not None
    assert (got.province, got.city, got.county, got.adcode) == (
        want["province"], want["city"], want["county"], want["adcode"])
    assert got.zone == want["zone"]


@pytest.mark.parametrize("doc_id", sorted(SEED_META))
def test_seed_project_regions(seeds, doc_id: str) -> None:
    """region_at() on each gold project's name gives the gold adcode."""
    text, ctx, gold = seeds[doc_id]
    checked = 0
    for rec in gold:
        if rec["kind"] != "project" or rec["name"] not in text:
            continue
        start = text.index(rec["name"])
        region = ctx.region_at(start, start + len(rec["name"]))
        assert region is not None and region.adcode == rec["region"]["adcode"], (rec["name"], region)
        checked += 1
    assert checked >= 5


@pytest.mark.parametrize("context, adcode", [
    ("江苏省南京市召开推进会，", "320106"),
    ("福建省福州市召开推进会，", "350102"),
    ("河南开封的企业家说，", "410204"),
])
def test_same_name_counties_by_context(resolver: RegionResolver, context: str, adcode: str) -> None:
    ctx = resolver.article_context(context + "鼓楼区新签约项目12个。")
    region = resolved_at(ctx.text, ctx, "鼓楼区")
    assert region is not None and region.adcode == adcode


@pytest.mark.parametrize("context, adcode", [
    ("舟山群岛新区建设提速，舟山市", "330903"),
    ("上海市重大工程推进，上海", "310107"),
])
def test_putuo_both_ways(resolver: RegionResolver, context: str, adcode: str) -> None:
    ctx = resolver.article_context(context + "普陀区今年新开工项目8个。")
    region = resolved_at(ctx.text, ctx, "普陀区")
    assert region is not None and region.adcode == adcode
    assert region.confidence >= 0.6


def test_ambiguous_name_alone_is_not_guessed_silently(resolver: RegionResolver) -> None:
    (m,) = resolver.find("鼓楼区")
    assert m.region is not None and m.region.confidence < 0.6
    assert len(m.region.alternatives) >= 3


@pytest.mark.parametrize("text, pub, adcode, county", [
    ("杭州富阳新签约项目", "2013-06-01", "330183", "富阳市"),
    ("杭州富阳新签约项目", "2016-06-01", "330111", "富阳区"),
    ("南昌市新建县工业园", "2013-06-01", "360122", "新建县"),
    ("南昌市新建区工业园", "2018-06-01", "360112", "新建区"),
    ("杭州市下城区招商", "2019-06-01", "330103", "下城区"),
    ("温州龙港", "2020-06-01", "330383", "龙港市"),
])
def test_renamed_unit_by_date(resolver: RegionResolver, text: str, pub: str, adcode: str,
                              county: str) -> None:
    ctx = resolver.article_context(text, pub_date=pub)
    region = ctx.region_at(0, len(text))
    assert region is not None and (region.adcode, region.county) == (adcode, county)


def test_outlet_decides_deictic(resolver: RegionResolver) -> None:
    ctx = resolver.article_context("今年我市新开工项目38个，全市固定资产投资增长9%。",
                                   source="桐乡新闻网")
    assert ctx.focus is not None and ctx.focus.adcode == "330483"
    assert all(m.region and m.region.adcode == "330483" for m in ctx.mentions)


def test_region_at_prefers_inside_then_sentence(resolver: RegionResolver) -> None:
    text = "湖州市召开大会。吴兴区湖州市远帆纺织有限公司年产8万吨项目开工，德清县另有项目签约。"
    ctx = resolver.article_context(text)
    start = text.index("吴兴区")
    assert ctx.region_at(start, text.index("开工")).adcode == "330502"
    start = text.index("另有项目")
    assert ctx.region_at(start, start + 4).adcode == "330521"


def test_region_at_never_origin_or_foreign(resolver: RegionResolver) -> None:
    text = "温州商会会员投资的项目落户长兴，产品远销德国。"
    ctx = resolver.article_context(text)
    roles = {m.text: m.role for m in ctx.mentions}
    assert roles["温州"] == "origin" and roles["德国"] == "foreign"
    start = text.index("项目")
    assert ctx.region_at(start, start + 2).adcode == "330522"


def test_region_to_dict_keys(resolver: RegionResolver) -> None:
    (m,) = resolver.find("椒江")
    assert list(m.region.to_dict()) == ["province", "city", "county", "town", "zone", "adcode",
                                        "confidence", "alternatives"]
    assert m.region.to_dict()["city"] == "台州市"


def test_municipality_city_is_itself(resolver: RegionResolver) -> None:
    (m,) = resolver.find("浦东新区")
    assert (m.region.province, m.region.city, m.region.county) == ("上海市", "上海市", "浦东新区")


def test_cli_region() -> None:
    from touzi.cli import build

    app = build()
    result = CliRunner().invoke(app, ["region", "海宁黄湾镇", "--pub-date", "2020-01-01"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows[0]["adcode"] == "330481" and rows[0]["town"] == "黄湾镇"
    assert set(rows[0]) >= {"province", "city", "county", "town", "zone", "adcode", "confidence"}
    result = CliRunner().invoke(app, ["region", "鼓楼区", "--context", "福建福州市召开会议"])
    assert json.loads(result.output)[0]["adcode"] == "350102"


def test_organisation_origin_is_only_the_place_before_it(resolver: RegionResolver) -> None:
    ctx = resolver.article_context("今年，吴兴区高新区拜访上海温州商会。")
    roles = {m.text: m.role for m in ctx.mentions}
    assert roles == {"吴兴区": "location", "高新区": "location", "上海": "origin",
                     "温州": "origin"}
    ctx = resolver.article_context("长兴县与温州服装商会签约。")
    roles = {m.text: m.role for m in ctx.mentions}
    assert roles == {"长兴县": "location", "温州": "origin"}


def test_county_inside_a_word_loses_to_its_context(resolver: RegionResolver) -> None:
    """连江 (福建) inside a levee's name after 湖北荆州 is no place; beside 福建 it is."""
    ctx = resolver.article_context("湖北荆州：长江连江支堤加固工程开工。")
    assert [m.text for m in ctx.mentions] == ["湖北", "荆州"]
    ctx = resolver.article_context("福建福州：长江连江支堤加固工程开工。")
    assert "350122" in {m.region.adcode for m in ctx.mentions if m.region}
    # between two places it stays a place of its own (铜仁至吉首铁路)
    ctx = resolver.article_context("贵州开工建设铜仁至吉首铁路。")
    assert "433101" in {m.region.adcode for m in ctx.mentions if m.region}


@pytest.mark.parametrize("text, pub, adcode, county, zone", [
    # 招商局漳州开发区 lies in 龙海: 龙海市 until 2020, 龙海区 from 2021
    ("漳州开发区新签约项目", "2011-04-14", "350681", "龙海市", "漳州开发区"),
    ("漳州开发区新签约项目", "2022-04-14", "350604", "龙海区", "漳州开发区"),
    # <city>开发区: the city's zone held by one of its counties
    ("长沙开发区新签约项目", "2020-06-01", "430121", "长沙县", "长沙经济技术开发区"),
])
def test_city_zone_resolves_to_its_county(resolver: RegionResolver, text: str, pub: str,
                                          adcode: str, county: str, zone: str) -> None:
    ctx = resolver.article_context(text, pub_date=pub)
    region = ctx.region_at(0, text.index("新签约"))
    assert region is not None
    assert (region.adcode, region.county, region.zone) == (adcode, county, zone)


# --------------------------------------------------------------------------- government work reports

def test_a_report_to_a_peoples_congress_speaks_for_its_unit() -> None:
    """Made-up opening: the report names its cities far more often than its province."""
    text = ("2024年某省政府工作报告\n——2024年1月20日在吉林省第九届人民代表大会第七次会议上\n"
            "各位代表：\n吉林市新开工项目120个。吉林市化工园区扩建。吉林市机场改造完成。"
            "吉林市固定资产投资增长8%。全省地区生产总值增长6%。")
    ctx = RegionResolver.default().article_context(text, pub_date="2024-01-20")
    assert ctx.focus is not None and ctx.focus.adcode == "220000"


def test_the_national_peoples_congress_gives_no_regional_focus() -> None:
    text = ("政府工作报告\n——2013年3月5日在第九届全国人民代表大会第八次会议上\n"
            "各位代表：\n保持香港、澳门长期繁荣稳定。澳门、香港同胞……京沪高速铁路建成通车。")
    ctx = RegionResolver.default().article_context(text, pub_date="2013-03-05")
    assert ctx.focus is None


def test_every_provincial_report_speaks_for_its_province(corpus_dir: Path) -> None:
    """The 31 real 2025 provincial reports: the focus is the province of the title, never a
    city the report names often (吉林 the city, 成都, 乌兰浩特)."""
    folder = corpus_dir / "text" / "gov_reports_2025_provinces"
    resolver = RegionResolver.default()
    rows = [json.loads(x) for x in (folder / "index.jsonl").read_text(encoding="utf-8").splitlines()
            if x.strip()]
    assert len(rows) == 31
    wrong = []
    for row in rows:
        text = (folder / row["file"]).read_text(encoding="utf-8")
        focus = resolver.article_context(text, pub_date="2025-01-20", title=row["title"]).focus
        name = row["title"].removeprefix("2025年").removesuffix("政府工作报告")
        if focus is None or not focus.adcode.endswith("0000") \
                or not (focus.province or "").startswith(name.rstrip("省市")[:2]):
            wrong.append((row["file"], name, focus and focus.adcode))
    assert wrong == []



@pytest.mark.parametrize(("text", "want"), [
    # a provincial report: the bare short name is the province, the city keeps its unit word
    ("在吉林省第九届人民代表大会第二次会议上。吉林加快振兴，吉林市新建厂房。",
     ["220000", "220000", "220200"]),
    # a place of the province right after it: the province, whatever the focus
    ("吉林长春：新厂投产", ["220000", "220100"]),
])
def test_a_province_s_short_name_in_its_own_text(resolver: RegionResolver, text: str,
                                                  want: list[str]) -> None:
    ctx = resolver.article_context(text, "2025")
    assert [m.region.adcode for m in ctx.mentions if m.region is not None] == want


@pytest.mark.parametrize("text", [
    "宁夏回族自治区：宝丰集团签约新项目。", "宁夏回族自治区：宝丰能源股份扩产。",
    "河南省：宝丰能源（600989）公告。",
])
def test_a_county_s_short_name_in_a_firm_s_name_is_no_location(resolver: RegionResolver,
                                                               text: str) -> None:
    ctx = resolver.article_context(text, "2025")
    (bf,) = [m for m in ctx.mentions if m.text == "宝丰"]
    assert bf.role == "origin"
    assert bf not in ctx.locations()


def test_a_county_named_in_full_before_a_firm_word_stays_a_location(
        resolver: RegionResolver) -> None:
    ctx = resolver.article_context("河南平顶山宝丰县化工园区开工。宝丰科技园开园。", "2025")
    assert [m.role for m in ctx.mentions if m.text.startswith("宝丰")] == ["location"] * 2


def test_a_transliterated_name_that_ends_in_a_place_is_a_person(
        resolver: RegionResolver) -> None:
    ctx = resolver.article_context(
        "某矿业公司总经理约翰·宁德表示，合作将扩大产能。据宁德透露，矿山明年投产。", "2025")
    assert [m.role for m in ctx.mentions if m.text == "宁德"] == ["other", "other"]
    # a slogan with a dot is no name: 上海 stays a place, and so does 宁德 named with 福建
    ctx = resolver.article_context("开展“乐·上海”消费活动，福建宁德新建电池厂。", "2025")
    assert {m.text: m.role for m in ctx.mentions}["上海"] == "location"
    assert {m.text: m.role for m in ctx.mentions}["宁德"] == "location"


def test_prefectures_named_with_a_bare_nation_have_their_customary_forms(resolver) -> None:
    def codes(text: str, pub: str = "2021-03-11") -> list[tuple[str, str | None]]:
        ctx = resolver.article_context(text, pub_date=pub)
        return [(m.text, m.region.adcode if m.region else None) for m in ctx.mentions
                if m.role == "location"]

    assert codes("伊犁州今年新开工项目120个。") == [("伊犁州", "654000")]
    assert codes("巴音郭楞州和博尔塔拉州的重点项目。") == [("巴音郭楞州", "652800"), ("博尔塔拉州", "652700")]
    assert codes("克孜勒苏州阿图什市的项目。")[0] == ("克孜勒苏州", "653000")  # not 苏州
    # 巴州 is 巴音郭楞 beside its county, 巴中's 巴州区 beside its city, nothing alone
    assert ("巴州", "652800") in codes("新疆巴州尉犁县招商引资项目签约。")
    assert ("巴州", "511902") in codes("巴中市巴州区今年开工项目45个，巴州重点项目全部开工。")
    assert not any(c in ("511902", "652800") for _, c in codes("青海湟水河沿线，巴州沟防洪工程完工。"))


def test_a_unit_recoded_within_the_year_lends_its_short_name_support(resolver) -> None:
    # 民和 (an ordinary word too) was coded under 海东地区 and then 海东市 in 2013
    ctx = resolver.article_context("青海民和一季度完成投资5亿元。青海民和回族土族自治县实施项目60项。",
                                   pub_date="2013")
    assert [(m.text, m.region.adcode) for m in ctx.mentions if m.text == "民和"] == [("民和", "630222")]
    assert ctx.focus is not None and ctx.focus.adcode == "630222"


def test_an_ordinary_word_name_in_the_title_is_the_outlet_when_the_body_names_it_in_full(
        resolver) -> None:
    text = "今年以来，民和回族土族自治县实施项目60项。全县完成投资5亿元。"
    ctx = resolver.article_context(text, pub_date="2013", title="青海民和一季度完成投资5亿元")
    assert ctx.focus is not None and ctx.focus.adcode == "630222"
    # not when the body never names it
    ctx = resolver.article_context("今年以来，全县实施项目60项。", pub_date="2013",
                                   title="青海民和一季度完成投资5亿元")
    assert ctx.focus is not None and ctx.focus.adcode == "630000"


def test_a_countys_short_name_that_is_a_provinces_needs_its_own_support(resolver) -> None:
    # 河北 beside 天津 as a peer is the province, not 天津's 河北区
    ctx = resolver.article_context("北京、天津、河北三地协同发展，河北今年承接项目500个。", pub_date="2017")
    assert {m.region.adcode for m in ctx.mentions if m.text == "河北"} == {"130000"}
    ctx = resolver.article_context("天津河北区今年开工项目20个，河北区新开工项目8个。", pub_date="2017")
    assert {m.region.adcode for m in ctx.mentions if m.text == "河北区"} == {"120105"}
