"""Rules added with extractor 0.6.0, each on sentences written for the test (made-up works,
real place and line names for the region lookup)."""

from __future__ import annotations

import pytest

from touzi.extract.line_ends import leaves_province
from touzi.extract.records import extract_records

# A made-up provincial report: enough places of 宁夏 for the article to be the province's own.
_REPORT_HEAD = ("宁夏回族自治区2025年政府工作报告\n"
                "过去一年，银川、石嘴山、吴忠、固原、中卫五市经济稳步增长，宁东基地、贺兰县、"
                "永宁县、灵武市、青铜峡市、平罗县项目建设提速。\n")


def _regions(text: str) -> dict[str, str | None]:
    return {r["name"]: r["region"].get("adcode")
            for r in extract_records(text, pub_date="2025-01-20") if r["kind"] == "project"}


def test_a_place_of_another_province_in_a_name_is_no_location_in_a_report() -> None:
    # a report names partner provinces too (here four of fifteen place mentions are not 宁夏's)
    found = _regions(_REPORT_HEAD + "深化与福建、山东的协作。\n"
                     "引进北京星云智算数据产业基地、北塔城中村改造项目。\n")
    # 北京 is the investor's home, 北塔 a 湖南 district's namesake: both works are in 宁夏
    assert found["北京星云智算数据产业基地"][:2] == "64", found
    assert found["北塔城中村改造项目"][:2] == "64", found


def test_a_news_story_keeps_a_place_of_another_province_in_a_name() -> None:
    # a story told from 贵州 (its places are nearly all 贵州's) about a firm's project elsewhere
    story = ("贵州安顺、贵阳、遵义、六盘水、毕节、铜仁、黔南、黔东南、黔西南多地水泥需求旺盛。"
             "台泥在贵州投资建设安顺项目，同时推进台泥重庆项目。贵州凯里、都匀、兴义的市场也在扩大。")
    assert _regions(story)["台泥重庆项目"] == "500000"


def test_a_line_with_an_end_outside_the_province_has_no_region_in_its_report() -> None:
    found = _regions(_REPORT_HEAD + "开工建设包银高铁，推进吴忠至灵武高速公路建设。\n")
    assert found["包银高铁"] is None
    assert found["吴忠至灵武高速公路"] == "640300"


@pytest.mark.parametrize(("name", "province", "leaves"), [
    ("包银高铁", "64", True),          # 包头 is in 内蒙古
    ("包银高铁", "15", True),          # 银川 is in 宁夏
    ("集通铁路", "15", False),         # 集宁, 通辽
    ("渝贵高铁", "50", True),
    ("渝万高铁", "50", False),         # 万州
    ("成渝中线高铁", "50", True),
    ("西延高铁", "61", False),         # 西安, 延安
    ("甬舟铁路", "33", False),         # 甬 is 宁波
    ("秦沈高速二期", "21", True),
    ("甘电入浙工程", "62", True),      # power sent to another province
    ("闽赣灵活互济联网工程", "36", False),  # not the ends-then-line form: left alone
    ("沿黄高速公路", "41", False),     # along a river, not two ends
    ("龙头港铁路", "50", False),       # a port's railway
    ("浮临高速", "14", False),         # 浮山, 临汾
    ("某某产业园", "14", False),       # no line at all
])
def test_leaves_province(name: str, province: str, leaves: bool) -> None:
    assert leaves_province(name, province) is leaves


def _names(text: str) -> dict[str, dict]:
    return {r["name"]: r for r in extract_records(text, pub_date="2025-01-20")
            if r["kind"] == "project"}


def test_works_done_to_a_site_end_a_name() -> None:
    found = _names("乙镇220千伏变电站增容工程、东湖水资源配置工程等开工建设。")
    assert {"乙镇220千伏变电站增容工程", "东湖水资源配置工程"} <= set(found), sorted(found)


def test_a_list_closed_by_a_count_of_one_kind_of_works() -> None:
    found = _names("甲山、乙岭两座百万千瓦级水电站全面投产，建成丙溪至丁湾等5条公路。")
    assert {"甲山", "乙岭", "丙溪至丁湾"} <= set(found), sorted(found)
    # the stations are named after their sites, not after firms
    assert found["甲山"]["company"] is None


def test_a_place_names_the_station_there_in_a_counted_list() -> None:
    found = _names("加快建设同德、德令哈2座抽水蓄能电站。")
    assert {"同德", "德令哈"} <= set(found), sorted(found)


def test_a_designated_corridor_or_hub_is_no_project() -> None:
    found = _names("加快西部陆海新通道建设，推进国际陆海贸易新通道和区域航空枢纽建设，建成乙市"
                   "算力枢纽。开工甲江水利枢纽和乙湖运河新通道。")
    assert {"甲江水利枢纽", "乙湖运河新通道"} <= set(found), sorted(found)
    assert not {"西部陆海新通道", "国际陆海贸易新通道", "区域航空枢纽", "乙市算力枢纽"} & set(found), \
        sorted(found)
    # a hub whose sentence gives its budget is works
    assert "乙市算力枢纽" in _names("建成乙市算力枢纽，总投资20亿元。")


def test_two_names_joined_by_he_are_two_projects() -> None:
    found = _names("开工建设太中银铁路甘肃段扩能改造和兰张铁路，完成东湖公园二期和西山公园建设。")
    assert {"太中银铁路甘肃段扩能改造", "兰张铁路", "西山公园"} <= set(found), sorted(found)
    # 和 inside one name (a base for both) does not split it
    assert "乙市新能源汽车研发和生产基地项目" in _names("建设乙市新能源汽车研发和生产基地项目。")


def _events(project: dict) -> list[str]:
    return sorted(e["type"] for e in project["events"])


def test_works_put_in_use_or_opened_are_in_production() -> None:
    found = _names("乙市美术馆建成投用，莲花山公园开园，丙县博物馆开放运营，"
                   "丁戊城际铁路投入运行。")
    assert _events(found["乙市美术馆"]) == ["completed", "production"]
    assert _events(found["莲花山公园"]) == ["production"]
    assert _events(found["丙县博物馆"]) == ["production"]
    assert _events(found["丁戊城际铁路"]) == ["production"]


def _claims(text: str, pub: str = "2025-01-20") -> list[dict]:
    return [r for r in extract_records(text, pub_date=pub) if r["kind"] == "claim"]


def test_bare_gdp_growth_and_domestic_capital_used_are_claims() -> None:
    found = _claims("今年的预期目标：生产总值增长5%左右。去年实际使用内资增长12.5%。")
    got = {(c["indicator"], c["growth_pct"]) for c in found}
    assert ("other", 5) in got and ("domestic_capital_attracted", 12.5) in got, got
    gdp = next(c for c in found if c["growth_pct"] == 5)
    assert gdp["indicator_text"] == "地区生产总值"


def test_listed_works_are_no_firms() -> None:
    found = _names("甲乙、丙丁及戊市连接线等3个高铁项目加快推进，开工引江济湖、太浦河后续工程等工程，"
                   "推进北沿江等项目。")
    for name in ("甲乙", "丙丁", "引江济湖", "太浦河后续工程", "北沿江"):
        assert found[name]["company"] is None, (name, found[name]["company"])
    # a firm opening an integrated works is still its investor; listed firms stay firms
    found = _names("推进东明石化炼化一体化、长鑫存储等项目。")
    assert found["东明石化炼化一体化"]["company"] == "东明石化"
    assert found["长鑫存储"]["company"] == "长鑫存储"


def test_a_short_firm_name_running_into_a_line_is_no_firm() -> None:
    found = _names("开工建设宝中铁路甘肃段扩能改造工程。")
    assert found["宝中铁路甘肃段扩能改造工程"]["company"] is None


def test_an_undated_event_of_a_dated_story_is_dated_by_its_month() -> None:
    found = {r["name"]: r for r in extract_records("乙市丙丁产业园项目昨天开工。丁戊铁路建成通车。",
                                                    pub_date="2016-05-12") if r["kind"] == "project"}
    assert [(e["type"], e["date"]) for e in found["丁戊铁路"]["events"]] == \
        [("completed", "2016-05"), ("production", "2016-05")]
    # a dated event keeps its own date; a story dated to the year only dates nothing
    assert [(e["type"], e["date"]) for e in found["乙市丙丁产业园项目"]["events"]] == \
        [("started", "2016-05-11")]
    undated = [r for r in extract_records("丁戊铁路建成通车。", pub_date="2016")
               if r["kind"] == "project"]
    assert [e["date"] for e in undated[0]["events"]] == [None, None]


def _capacities(project: dict) -> list[tuple[float, str]]:
    return [(c["quantity"], c["unit"]) for c in project["capacity"]]


def test_units_of_one_size_sum_to_the_capacity() -> None:
    found = _names("甲乙2×35万千瓦热电项目开工，建设日产2×5000吨熟料新型干法水泥生产线。")
    assert _capacities(found["甲乙2×35万千瓦热电项目"]) == [(700000, "千瓦")]
    assert _capacities(found["日产2×5000吨熟料新型干法水泥生产线"]) == [(10000, "吨")]


def test_a_tonnage_class_of_a_channel_is_no_capacity() -> None:
    found = _names("开工建设乙港20万吨级航道工程和丙市年产20万吨乙烯项目。")
    assert _capacities(found["乙港20万吨级航道工程"]) == []
    assert _capacities(found["丙市年产20万吨乙烯项目"]) == [(200000, "吨")]


def test_a_kind_of_facility_a_region_builds_many_of_is_no_project() -> None:
    found = _names("建成零碳码头、零碳港区，新增卓越级智能工厂5家，建设绿电产业园；乙市零碳产业园开工建设。")
    assert set(found) == {"乙市零碳产业园"}, sorted(found)


def test_the_part_of_an_airport_built_is_in_its_name() -> None:
    found = _names("乙市机场二期东飞行区建成，丙市国际机场T3B航站楼开工，丁市机场第四跑道建成投用。")
    assert set(found) == {"乙市机场二期东飞行区", "丙市国际机场T3B航站楼", "丁市机场第四跑道"}, \
        sorted(found)


def test_the_works_kind_points_back_to_the_named_works() -> None:
    found = {r["name"]: r for r in extract_records(
        "甲乙抽水蓄能电站开工。电站计划2031年建成。丙丁铁路今天开工。该铁路预计2026年建成通车。",
        pub_date="2023-06-10") if r["kind"] == "project"}
    assert ("planned", "2031") in [(e["type"], e["date"]) for e in found["甲乙抽水蓄能电站"]["events"]]
    assert ("planned", "2026") in [(e["type"], e["date"]) for e in found["丙丁铁路"]["events"]]


def test_a_reports_claims_are_its_provinces() -> None:
    text = _REPORT_HEAD + ("全省生产总值增长6.1%，增速居全国第二位。对口协作的广东汕头签约项目38个。\n")
    regions = {(c["indicator"], c.get("growth_pct"), c.get("count")): c["region"]["adcode"]
               for c in _claims(text)}
    assert set(regions.values()) == {"640000"}, regions


def test_a_record_among_the_years_is_no_period() -> None:
    found = _claims("乙省2031年政府工作报告\n一、2030年工作回顾\n研发投入强度创10年来新高，"
                    "设备购置投资增长17.8%。", pub="2031-01-20")
    assert [(c["growth_pct"], c["period"]) for c in found] == [(17.8, "2030")], found


def test_the_section_after_the_works_stays_in_the_name() -> None:
    found = _names("开工太中银铁路扩能改造吴忠至中卫段。")
    assert list(found) == ["太中银铁路扩能改造吴忠至中卫段"], sorted(found)


def test_a_place_inside_a_known_firms_name_does_not_hide_it() -> None:
    found = _names("济宁宁德时代新能源电池项目开工。")
    assert found["济宁宁德时代新能源电池项目"]["company"] == "宁德时代"


def test_the_nations_own_report_claims_its_gdp() -> None:
    report = ("2031年国务院政府工作报告\n各位代表：\n我代表国务院作报告。\n"
              "一、2030年工作回顾\n国内生产总值增长5.1%，全国财政收入增长3.2%。\n")
    got = {(c["indicator"], c["growth_pct"], c["region"]["adcode"]) for c in _claims(report)}
    assert ("other", 5.1, "100000") in got and ("fiscal_revenue", 3.2, "100000") in got, got
    # a news item quoting the nation's GDP is read for investment only
    news = "国家统计局今天发布，全国国内生产总值增长5.1%，全国财政收入增长3.2%。"
    assert not [c for c in _claims(news, pub="2031-01-17") if c["region"]["adcode"] == "100000"]


def test_a_nuclear_plants_phase_or_units_name_a_project() -> None:
    found = _names("甲湾核电扩建一期开工，乙山核电一期获得国家批复，丙港核电2—4号机组加快建设。"
                   "积极安全有序发展核电。")
    assert set(found) == {"甲湾核电扩建一期", "乙山核电一期", "丙港核电2—4号机组"}, sorted(found)


def test_a_programme_named_by_what_it_does_is_no_project() -> None:
    found = _names("实施湖湘文化精品创作工程、江苏地域文明探源工程和乙县景区提升工程，"
                   "推进甲河乙段安澜提升工程。")
    assert set(found) == {"甲河乙段安澜提升工程"}, sorted(found)


def test_a_firm_opening_a_works_name_is_its_investor() -> None:
    found = _names("甲纬动力超级工厂投产，乙门石化特种油基地开工，丙联集成三期等项目加快建设。")
    assert found["甲纬动力超级工厂"]["company"] == "甲纬动力"
    assert found["乙门石化特种油基地"]["company"] == "乙门石化"
    assert found["丙联集成三期"]["company"] == "丙联集成"


def test_a_batchs_investment_before_named_works_is_a_claim() -> None:
    text = ("乙市2031年政府工作报告\n一、2030年工作回顾\n重大工程投资完成2383亿元、增长5.6%，建成乙丙城际铁路。\n"
            "二、2031年主要任务\n抓好重大工程，全年完成投资2400亿元。\n")
    records = extract_records(text, pub_date="2031-01-20")
    line = next(r for r in records if r["kind"] == "project" and r["name"] == "乙丙城际铁路")
    assert line["investment"] == []
    got = {(c["indicator"], c["value"], c["period"]) for c in records if c["kind"] == "claim"}
    assert ("project_investment", 238300000000, "2030") in got, got
    # last year's figure and this year's plan, 1% apart, are two claims
    assert any(v == 240000000000 and p == "2031" for _, v, p in got), got


def test_the_kind_after_a_list_with_its_budget_is_no_project() -> None:
    found = _names("开工甲乙钽粉、丙丁硅片等总投资逾300亿元的新材料项目。")
    assert "新材料项目" not in found, sorted(found)


def test_an_event_opening_its_clause_does_not_reach_back() -> None:
    found = _names("加快甲乙高铁、丙丁高速等项目推进，年内开工建设沿湖城际铁路。")
    assert _events(found["甲乙高铁"]) == [] and _events(found["丙丁高速"]) == []
    # an event after the names in their own clause still takes them
    found = _names("甲乙高铁、丙丁高速建成通车。")
    assert _events(found["丙丁高速"]) == ["completed", "production"]


def test_a_clause_with_its_own_verb_keeps_its_names_from_the_event_before() -> None:
    found = _names("建成甲乙高速、丙丁灌区等项目，加快戊己高铁、庚辛电厂扩建等项目建设，开工壬癸高铁。")
    assert _events(found["丙丁灌区"]) == ["completed"]
    assert _events(found["戊己高铁"]) == [] and _events(found["庚辛电厂扩建"]) == []
    assert _events(found["壬癸高铁"]) == ["started"]


def test_an_event_does_not_pass_the_next_events_clause() -> None:
    found = _names("建成甲岭、开工乙丙抽水蓄能电站，实施储能项目80个。")
    assert _events(found["乙丙抽水蓄能电站"]) == ["started"]


def test_an_exhortation_to_start_sooner_is_no_event() -> None:
    found = _names("推进丙丁化工项目早日投产，戊己高铁年内开工。")
    assert _events(found["丙丁化工项目"]) == []
    assert _events(found["戊己高铁"]) == ["planned"]


def test_works_being_prepared_take_no_event_told_before() -> None:
    found = _names("交通水利方面，力争一批重点工程年内开工。做好戊己水库、庚辛航道等项目前期工作。")
    assert _events(found["庚辛航道"]) == [] and _events(found["戊己水库"]) == []
    found = _names("交通水利方面，力争一批重点工程年内开工。甲乙水库、丙丁航道等重大项目加快推进。")
    assert _events(found["甲乙水库"]) == [] and _events(found["丙丁航道"]) == []
