"""Finding place mentions: what is a place, what only looks like one, and exact offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from touzi.extract.regions import RegionResolver


@pytest.fixture(scope="module")
def resolver() -> RegionResolver:
    return RegionResolver.default()


def locations(resolver: RegionResolver, text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.region.adcode if m.region else None)
            for m in resolver.find(text) if m.role == "location"]


# The peers' false positives (peers.md): none of these names a county.
@pytest.mark.parametrize("text", [
    "比如世仓项目因急需搬迁",      # 比如县 (西藏)
    "第二天镇政府多部门联合验收",  # 天镇县 (山西)
    "集中查看各县区新建项目",      # 新建区 (江西)
    "县领导带队赴省级部门对接",    # 重庆 (cpca: 县 -> 500200)
    "迎着朝阳出发，华灯初上而归",  # 朝阳市 (辽宁)
    "吉利新能源汽车项目签约",      # 吉利区 (洛阳)
    "云南非常重视",                # 南非 inside 云南非常
])
def test_peer_false_positives(resolver: RegionResolver, text: str) -> None:
    locs = locations(resolver, text)
    bad = {"540622", "542423", "140222", "360112", "360122", "500200", "211300", "211321",
           "410306"}
    assert not any(code in bad for _, code in locs), locs
    assert all(m.kind != "foreign" for m in resolver.find(text)), text


@pytest.mark.parametrize("text, expected", [
    ("椒江", [("椒江", "331002")]),
    ("长兴", [("长兴", "330522")]),
    ("海宁黄湾镇", [("海宁", "330481"), ("黄湾镇", "330481")]),
    ("嘉兴港区", [("嘉兴港区", "330482")]),
    ("浙江省湖州市吴兴区东林镇", [("浙江省", "330000"), ("湖州市", "330500"),
                                 ("吴兴区", "330502"), ("东林镇", "330502")]),
    ("湖州市场监管局", [("湖州", "330500")]),   # 湖州|市场, not 湖州市|场
    ("长兴县长表示", [("长兴", "330522")]),     # 长兴|县长
    ("浙江湖州实践", [("浙江", "330000"), ("湖州", "330500")]),  # 江湖 is no boundary here
    ("北京朝阳", [("北京", "110000"), ("朝阳", "110105")]),  # supported by 北京
    ("辽宁朝阳", [("辽宁", "210000"), ("朝阳", "211300")]),
])
def test_places_found(resolver: RegionResolver, text: str, expected: list) -> None:
    assert locations(resolver, text) == expected


def test_town_short_name_needs_its_county(resolver: RegionResolver) -> None:
    assert locations(resolver, "崇福传统产业") == []
    found = locations(resolver, "桐乡市崇福镇签约。崇福传统产业转型")
    assert ("崇福", "330483") in found


def test_foreign_and_deictic_kinds(resolver: RegionResolver) -> None:
    kinds = {m.text: (m.kind, m.role) for m in resolver.find("产品远销德国、法国，我市全区")}
    assert kinds["德国"] == ("foreign", "foreign")
    assert kinds["法国"] == ("foreign", "foreign")
    assert kinds["我市"][0] == "deictic"
    assert kinds["全区"][0] == "deictic"


@pytest.mark.parametrize(("text", "foreign"), [
    ("某集团在几内亚开发铁矿", ["几内亚"]),
    ("钾肥项目位于刚果", ["刚果"]),
    ("合作开发美国内华达州一处矿山", ["美国", "内华达州"]),
    ("在澳大利亚昆士兰州建厂", ["澳大利亚", "昆士兰州"]),
    ("在加拿大安大略省设厂", ["加拿大", "安大略省"]),
    ("中欧班列开往努尔苏丹", ["努尔苏丹"]),
])
def test_countries_and_states_abroad(resolver: RegionResolver, text: str,
                                     foreign: list[str]) -> None:
    ms = resolver.find(text)
    assert [m.foreign for m in ms if m.kind == "foreign"] == foreign
    assert all(m.role == "foreign" for m in ms if m.kind == "foreign")


@pytest.mark.parametrize("text", ["沿海地区加快发展", "增加纳税大户", "蒙古族群众", "德州新建厂房"])
def test_short_country_names_inside_words_are_no_places_abroad(resolver: RegionResolver,
                                                               text: str) -> None:
    assert [m.text for m in resolver.find(text) if m.kind == "foreign"] == []


def test_offsets_with_mixed_scripts(resolver: RegionResolver) -> None:
    text = "ABC 1.5万吨，①“长兴”县城 and 😀 湖州市吴兴区 x桐乡市经济开发区！"
    ms = resolver.find(text)
    assert [m.text for m in ms if m.kind != "deictic"] == ["长兴", "湖州市", "吴兴区",
                                                          "桐乡市经济开发区"]
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_candidates_listed(resolver: RegionResolver) -> None:
    (m,) = resolver.find("鼓楼区")
    assert {c.adcode for c in m.candidates} >= {"320106", "320302", "350102", "410204"}


def test_corpus_offsets_and_no_crash(resolver: RegionResolver, corpus_dir) -> None:
    for path in sorted((corpus_dir / "seeds").glob("*.txt")) + sorted(
            (corpus_dir / "text" / "xwlb_cctv").glob("*.txt"))[:40]:
        text = path.read_text(encoding="utf-8")
        for m in resolver.find(text):
            assert text[m.start:m.end] == m.text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("湖州市长兴县我全区镇新建朝阳比如第二天开发区\n，。、A1😀\x00"))
               | st.characters(), max_size=80))
def test_bad_input_never_raises(text: str) -> None:
    resolver = RegionResolver.default()
    for m in resolver.find(text):
        assert text[m.start:m.end] == m.text
    ctx = resolver.article_context(text, pub_date="not a date")
    ctx.region_at(0, len(text))
    ctx.region_at(-5, 10_000)


@pytest.mark.parametrize("text, expected", [
    # A name straddling a conjunction before a place (和龙 in 衢江区和龙游县) is not found,
    # and the place after the conjunction is.
    ("衢江区和龙游县", [("衢江区", "330803"), ("龙游县", "330825")]),
    ("衢江和龙游两地", [("衢江", "330803"), ("龙游", "330825")]),
    ("延边州和龙市", [("延边州", "222400"), ("和龙市", "222406")]),  # 和龙 itself
])
def test_conjunction_is_no_place(resolver: RegionResolver, text: str, expected: list) -> None:
    assert locations(resolver, text) == expected
