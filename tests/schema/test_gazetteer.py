"""The shipped gazetteer: complete against official counts, versioned, loadable into the DB."""

from __future__ import annotations

import time
from collections import Counter

from touzi.schema.db import connect
from touzi.schema.gazetteer import CURRENT_YEAR, load
from touzi.schema.regions import load_regions

# Official counts at the end of 2011: 国家统计局《中国统计年鉴2012》表1-1 全国行政区划
# (2011年底), https://www.stats.gov.cn/sj/ndsj/2012/html/B0101C.HTM — (地级区划数, 县级区划数).
OFFICIAL_2011 = {
    "北京市": (0, 16), "天津市": (0, 16), "河北省": (11, 172), "山西省": (11, 119),
    "内蒙古自治区": (12, 101), "辽宁省": (14, 100), "吉林省": (9, 60), "黑龙江省": (13, 128),
    "上海市": (0, 17), "江苏省": (13, 104), "浙江省": (11, 90), "安徽省": (16, 105),
    "福建省": (9, 85), "江西省": (11, 100), "山东省": (17, 140), "河南省": (17, 159),
    "湖北省": (13, 103), "湖南省": (14, 122), "广东省": (21, 121), "广西壮族自治区": (14, 109),
    "海南省": (2, 20),
}
# Same table, national row: 332 地级, 2853 县级, of which 857 市辖区, 369 县级市, 1456 县,
# 117 自治县 (the other ten provinces are checked through these totals).
OFFICIAL_2011_NATION = {"prefecture": 332, "county": 2853, "district": 857,
                        "county_city": 369, "county_kind": 1456, "autonomous_county": 117}


def test_counts_per_province_match_the_2011_yearbook() -> None:
    counts = load().counts(2011)
    for province, expected in OFFICIAL_2011.items():
        assert counts[province] == expected, province


def test_national_totals_2011() -> None:
    g = load()
    counts = g.counts(2011)
    assert sum(p for p, _ in counts.values()) == OFFICIAL_2011_NATION["prefecture"]
    assert sum(c for _, c in counts.values()) == OFFICIAL_2011_NATION["county"]
    kinds = Counter(d.kind for d in g.at(2011) if d.level == 3)
    assert kinds["district"] == OFFICIAL_2011_NATION["district"]
    assert kinds["county_city"] == OFFICIAL_2011_NATION["county_city"]
    assert kinds["county"] == OFFICIAL_2011_NATION["county_kind"]
    assert kinds["autonomous_county"] == OFFICIAL_2011_NATION["autonomous_county"]


def test_current_zhejiang_composition() -> None:
    # 民政部 行政区划统计 2019–2024 (unchanged since 龙港市 was set up in 2019): 浙江省 has
    # 11 地级市 and 90 县级 units: 37 市辖区, 20 县级市, 32 县, 1 自治县.
    g = load()
    assert g.counts(CURRENT_YEAR)["浙江省"] == (11, 90)
    kinds = Counter(d.kind for d in g.at(CURRENT_YEAR) if d.level == 3 and d.adcode[:2] == "33")
    assert kinds == Counter({"district": 37, "county_city": 20, "county": 32,
                             "autonomous_county": 1})


def test_every_year_since_2010_is_complete() -> None:
    # Each year-end list from 2010 on has 31 provinces with counties and 332-334 prefectures.
    g = load()
    for year in range(2010, CURRENT_YEAR + 1):
        counts = g.counts(year)
        assert sum(1 for _, c in counts.values() if c) == 31, year
        assert 330 <= sum(p for p, _ in counts.values()) <= 334, year
        assert 2840 <= sum(c for _, c in counts.values()) <= 2860, year


def test_renamed_and_merged_units_keep_their_years() -> None:
    g = load()
    fuyang_city = next(d for d in g.versions("330183") if d.name == "富阳市")
    assert (fuyang_city.valid_from, fuyang_city.valid_to) == (1995, 2013)
    fuyang_district = g.division("330111", 2016)
    assert fuyang_district is not None and fuyang_district.name == "富阳区"
    assert fuyang_district.valid_from == 2014 and fuyang_district.valid_to is None
    xiacheng = g.division("330103", 2019)
    assert xiacheng is not None and xiacheng.name == "下城区" and xiacheng.valid_to == 2020
    assert g.division("330383", 2020).name == "龙港市"
    assert not g.division("330383", 2018).in_force(2018)


def test_names_short_names_and_parents() -> None:
    g = load()
    changxing = g.division("330522")
    assert (changxing.name, changxing.short, changxing.parent) == ("长兴县", "长兴", "330500")
    assert [d.name for d in g.chain(changxing)] == ["浙江省", "湖州市", "长兴县"]
    assert g.division("331002").short == "椒江"
    assert g.division("330500").short == "湖州"
    assert g.division("331127").short == "景宁"  # 景宁畲族自治县
    assert g.division("441803").short == "清新"  # 清新区: not 清 + 新区
    assert g.division("429004").parent == "420000"  # 仙桃市: province-administered
    assert g.division("110105").parent == "110000"  # 朝阳区 (北京): no 市辖区 level


def test_towns_of_zhejiang_with_their_county() -> None:
    g = load()
    zj = [t for t in g.towns if t.code.startswith("33")]
    assert len(zj) > 1300
    counties = {d.adcode for d in g.at(2023) if d.level == 3 and d.adcode[:2] == "33"}
    assert {t.county for t in zj} == counties  # every Zhejiang county has its towns
    by_name = {(t.name, t.county) for t in zj}
    for name, county in [("崇福镇", "330483"), ("河山镇", "330483"), ("梧桐街道", "330483"),
                         ("东林镇", "330502"), ("八里店镇", "330502"), ("黄湾镇", "330481")]:
        assert (name, county) in by_name
    assert len(g.towns) > 40000  # nationwide


def test_zones_point_at_current_units() -> None:
    g = load()
    current = {d.adcode for d in g.at(CURRENT_YEAR)}
    assert all(z.adcode in current for z in g.zones)
    zones = {z.name: z for z in g.zones}
    assert zones["桐乡经济开发区"].adcode == "330483"
    assert "桐乡市经济开发区" in zones["桐乡经济开发区"].aliases
    assert zones["吴兴高新区"].adcode == "330502"
    assert zones["嘉兴港区"].adcode == "330482"  # lies in 平湖市 (see zones.tsv note)
    assert zones["振东新区"].adcode == "330483"
    assert zones["石家庄高新技术产业开发区"].adcode == "130100"  # from the NBS codes


def test_load_is_fast_and_cached() -> None:
    load.cache_clear()
    t = time.perf_counter()
    g = load()
    assert time.perf_counter() - t < 2.0
    assert load() is g


def test_regions_table(db_path) -> None:
    db = connect(db_path)
    n = load_regions(db)
    assert n > 45000
    assert load_regions(db) == 0  # already filled
    rows = db.execute(
        "SELECT name, adcode, province, city, county, valid_from, valid_to FROM regions "
        "WHERE short = '富阳' AND level = 'county' ORDER BY valid_from").fetchall()
    assert rows == [("富阳市", "330183", "浙江省", "杭州市", "富阳市", 1995, 2013),
                    ("富阳区", "330111", "浙江省", "杭州市", "富阳区", 2014, None)]
    town = db.execute("SELECT adcode, county FROM regions WHERE level='town' AND name='崇福镇'"
                      ).fetchall()
    assert town == [("330483", "桐乡市")]
    bj = db.execute("SELECT province, city FROM regions WHERE name='朝阳区' AND adcode='110105'"
                    ).fetchone()
    assert bj == ("北京市", "北京市")
    assert load_regions(db, replace=True) == n
