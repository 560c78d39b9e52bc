"""Rules added with extractor 0.5.0, each on sentences written for the test (made-up works,
real place names for the region lookup)."""

from __future__ import annotations

from touzi.extract.records import extract_records


def _projects(text: str, pub: str = "2025-01-20") -> dict[str, dict]:
    return {r["name"]: r for r in extract_records(text, pub_date=pub) if r["kind"] == "project"}


def _events(project: dict) -> list[str]:
    return [e["type"] for e in project["events"]]


def test_the_works_done_on_a_site_stay_in_its_name() -> None:
    found = _projects("推进安康水库扩容、瀛湖水库除险加固，开工汉江灌区现代化改造等工程。"
                      "加快温州机场三期扩建和衢州机场前期工作。")
    assert {"安康水库扩容", "瀛湖水库除险加固", "汉江灌区现代化改造", "温州机场三期扩建"} <= set(found), \
        sorted(found)


def test_a_section_of_a_line_keeps_the_works_after_it() -> None:
    found = _projects("今年将实施京广铁路武汉段电气化改造。")
    assert list(found) == ["京广铁路武汉段电气化改造"]
    assert found["京广铁路武汉段电气化改造"]["region"]["adcode"] == "420100"


def test_a_metro_line_extension_is_named_with_its_line() -> None:
    found = _projects("地铁3号线一期东段、8号线延伸线建成运营。")
    assert set(found) == {"地铁3号线一期东段", "8号线延伸线"}


def test_a_campus_named_by_its_place_and_a_new_museum_building() -> None:
    found = _projects("建成市中医院滨江院区，良渚博物馆新馆建成开放，推进西湖博物院新馆建设。")
    assert {"市中医院滨江院区", "良渚博物馆新馆", "西湖博物院新馆"} <= set(found), sorted(found)


def test_a_verb_opening_a_clause_takes_the_names_it_governs() -> None:
    found = _projects("建成甲城至乙镇高速公路、丙丁铁路，开工建设戊己机场、庚辛机场，推进壬癸水库前期工作。")
    assert _events(found["甲城至乙镇高速公路"]) == ["completed"]
    assert _events(found["丙丁铁路"]) == ["completed"]
    assert _events(found["戊己机场"]) == ["started"]
    assert _events(found["庚辛机场"]) == ["started"]


def test_names_before_the_clause_do_not_take_its_verb() -> None:
    found = _projects("推进安康水库扩容、瀛湖水库除险加固，开工汉江灌区现代化改造。")
    assert _events(found["汉江灌区现代化改造"]) == ["started"]
    assert _events(found["安康水库扩容"]) == []
    assert _events(found["瀛湖水库除险加固"]) == []


def test_a_policy_named_in_quotes_is_no_project() -> None:
    found = _projects("加快“白名单”项目贷款投放，推进“保交楼”项目交付，星河新材料项目总投资12亿元。")
    assert list(found) == ["星河新材料项目"]


def test_a_section_named_by_two_characters_before_its_works() -> None:
    found = _projects("今年将实施沪甬铁路甬舟段电气化改造，推进海塘安澜工程。")
    assert "沪甬铁路甬舟段电气化改造" in found, sorted(found)


def test_a_programme_of_manners_is_no_works_but_a_wind_farm_is() -> None:
    found = _projects("深入实施文明乡风建设工程，开工建设舟山海上风电工程。")
    assert list(found) == ["舟山海上风电工程"]


def _claims(text: str, pub: str = "2011-04-20") -> list[dict]:
    return [r for r in extract_records(text, pub_date=pub) if r["kind"] == "claim"]


def test_listed_places_take_their_growths_in_order() -> None:
    found = _claims("一季度，全省技改投资同比增长8.9%。湖州、嘉兴、绍兴三市技改投资增速分别为"
                    "1.2%、1.5%、3.2%；丽水、衢州增速仅为0.5%、0.8%。")
    got = {(c["region"]["adcode"], c["growth_pct"]) for c in found}
    assert {("330000", 8.9), ("330500", 1.2), ("330400", 1.5), ("330600", 3.2),
            ("331100", 0.5), ("330800", 0.8)} == got
    assert {c["period"] for c in found} == {"2011-Q1"}


def test_last_years_growth_beside_this_years_is_a_claim_of_last_year() -> None:
    found = _claims("1至3月份，全省到位技改资金1515.5亿元，同比增长14.1%，远低于去年同期的34.2%。")
    assert sorted((c["period"], c["growth_pct"]) for c in found) == [
        ("2010-01/2010-03", 34.2), ("2011-01/2011-03", 14.1)]
    assert all(c["indicator_text"] == found[0]["indicator_text"] for c in found)


def test_growths_an_indicator_is_compared_with_are_claims() -> None:
    found = _claims("1至3月份，全省工业完成技改投资1063.1亿元，同比增长8.9%，增速低于工业新建投资"
                    "22.5%和工业投资13.2%的增速。")
    got = sorted((c["indicator_text"] or c["indicator"], c["growth_pct"], c["period"]) for c in found)
    assert got == [("industrial_investment", 8.9, "2011-01/2011-03"),
                   ("industrial_investment", 13.2, "2011-01/2011-03"),
                   ("工业新建投资", 22.5, "2011-01/2011-03")]


def test_national_parks_are_designations() -> None:
    found = _projects("推进钱江源国家公园和大运河国家文化公园建设，开工建设杭州至丽水高速公路。")
    assert list(found) == ["杭州至丽水高速公路"]


def test_a_work_reports_labs_are_bodies_a_news_items_lab_is_works() -> None:
    report = "2025年某省政府工作报告\n一、2024年工作回顾\n建设湖山实验室，组建云岭高等研究院，开工建设杭州至丽水高速公路。"
    assert list(_projects(report)) == ["杭州至丽水高速公路"]
    news = "由星河集团投资12亿元建设的星河新能源实验室今天开工。"
    assert list(_projects(news)) == ["星河新能源实验室"]


def test_a_universitys_or_hospitals_new_campus_is_works() -> None:
    found = _projects("建成浙江理工大学桐乡校区、湖州师范学院南浔校区，市第一人民医院滨湖院区投入使用。")
    assert {"浙江理工大学桐乡校区", "湖州师范学院南浔校区", "市第一人民医院滨湖院区"} <= set(found), sorted(found)


def test_lines_named_by_their_ends_abbreviated() -> None:
    found = _projects("启动甬台高铁提速、太绥高铁建设，集大原高铁开通运营，京蔚高速建成通车。")
    assert {"太绥高铁", "集大原高铁", "京蔚高速"} <= set(found), sorted(found)
    assert not _projects("全省高速建成通车后，沿江高铁开工。")


def test_a_metro_line_named_by_words_after_its_system() -> None:
    assert "轨道交通临平线" in _projects("加快轨道交通临平线建设。")
    found = _projects("开通5号线一期、9号线等2条轨道新线。")
    assert {"5号线一期", "9号线"} <= set(found), sorted(found)
    assert not _projects("地铁沿线房价上涨。")


def test_a_count_opening_the_next_clause_is_no_tally_of_the_one_before() -> None:
    found = _claims("甲桥、乙路等410个交通水利项目进展顺利，丙厂、丁园等265个工业项目相继建成投产，"
                    "31个新兴增长点正在培育。", pub="2024-12-30")
    counts = {c["count"] for c in found if c["indicator"] == "project_count"}
    assert 265 in counts, counts


def test_the_size_of_an_economy_is_a_gdp_claim_for_each_place_listed() -> None:
    found = _claims("全省地区生产总值增长5.8%，总量达到60013亿元。湖州、嘉兴经济总量突破6000亿元。",
                    pub="2025-01-20")
    sizes = sorted((c["region"]["adcode"] or "", c["value"]) for c in found if c["value"])
    assert sizes == [("330000", 6_001_300_000_000), ("330400", 600_000_000_000),
                     ("330500", 600_000_000_000)], sizes
    assert all(c["indicator_text"] == "地区生产总值" for c in found)


def test_counts_before_words_opening_like_time_units() -> None:
    from touzi.extract.mentions import find_mentions

    got = [(m.kind, m.text) for m in find_mentions("全市265个工业项目和18个工程建成，改造37个小区，用了40个工作日。")]
    assert got == [("count", "265个"), ("count", "18个"), ("count", "37个"), ("duration", "40个工作日")]
    found = _claims("丙厂、丁园等265个工业项目相继建成投产。", pub="2024-12-30")
    assert [c["count"] for c in found] == [265]


def test_the_kind_after_a_list_of_firms_is_no_project() -> None:
    found = _projects("推动甲汽车、乙科技、丙电子等重点整车项目加快建设。")
    assert "整车项目" not in found and "重点整车项目" not in found, sorted(found)


def test_a_reports_task_section_named_by_its_thinking_dates_its_targets() -> None:
    text = ("2025年某省政府工作报告\n一、2024年工作回顾\n全年实施亿元以上项目1.2万个。\n"
            "二、2025年工作思路和重点任务\n全年实施亿元以上项目1.5万个，投资增长6%左右。\n")
    found = _claims(text, pub="2025")
    periods = {c["count"] or c["growth_pct"]: c["period"] for c in found}
    assert periods == {12000: "2024", 15000: "2025", 6.0: "2025"}, periods


def test_a_regions_bare_investment_growth_is_its_fixed_asset_investment() -> None:
    found = _claims("全年实施亿元以上项目1.5万个，投资增长6%左右。", pub="2025")
    assert [(c["indicator"], c["growth_pct"]) for c in found if c["growth_pct"]] == [
        ("fixed_asset_investment", 6.0)]


def test_a_headlines_growth_told_again_below_is_one_claim() -> None:
    text = ("投资同比增长18.2%　增速略有回落\n从投资看，1-4月份，全省固定资产投资8100亿元，"
            "同比增长18.2%。")
    found = _claims(text, pub="2013-05-14")
    assert [(c["value"], c["growth_pct"]) for c in found] == [(810_000_000_000, 18.2)]


def test_a_households_money_is_no_regional_claim() -> None:
    text = ("老李最初打算，20万元资金用来还债，再拿出10万元做房产投资。比如政府投入一元钱，"
            "回报是两元钱。全县今年完成固定资产投资85亿元。")
    found = _claims(text, pub="2018-03-01")
    assert [(c["indicator"], c["value"]) for c in found] == [("fixed_asset_investment", 8_500_000_000)]


def test_listed_works_without_a_head_are_no_firms() -> None:
    found = _projects("加快东海北作业区、沪嘉城际南段、钱江航道等项目建设。")
    assert found, found
    assert all(p["company"] is None for p in found.values()), {n: p["company"] for n, p in found.items()}


def test_built_and_in_operation_is_production_too() -> None:
    found = _projects("今年，杭绍台高铁建成运营。", pub="2024-12-30")
    assert _events(found["杭绍台高铁"]) == ["completed", "production"]
    assert not _projects("公司运营管理水平提升，运营商增加。")


def test_a_ceremony_held_every_quarter_starts_no_named_works() -> None:
    text = ("2025年某省政府工作报告\n一、2024年工作回顾\n深入开展项目攻坚活动，每季度举行集中开工，"
            "每月调度进度，甬台高铁温州至台州段、瓯江口大桥等410个重大项目加快推进。")
    found = _projects(text, pub="2025")
    assert found and all(not p["events"] for p in found.values()), {n: p["events"] for n, p in found.items()}


def test_works_prepared_are_works_and_lines_listed_after_numbered_ones() -> None:
    found = _projects("做好白沙水利枢纽、青溪灌区前期工作。推进21号线、临枫线等轨道交通线建设。")
    assert {"白沙水利枢纽", "青溪灌区", "21号线", "临枫线"} <= set(found), sorted(found)


def test_sections_of_lines_and_a_chain_of_names_sharing_one_event() -> None:
    found = _projects("温丽高铁温青段、杭甬高速浙东段、丽水至庆元高速、瓯江特大桥建成通车。")
    assert {"温丽高铁温青段", "杭甬高速浙东段", "丽水至庆元高速"} <= set(found), sorted(found)
    assert all(_events(p) == ["completed", "production"] for p in found.values()), \
        {n: _events(p) for n, p in found.items()}


def test_a_tunnel_listed_beside_a_road_is_its_peer_not_its_part() -> None:
    found = _projects("全年建成机场快线、9号线西延伸，滨海通道东段、钱塘路过江隧道等重要设施投入使用。")
    assert {"滨海通道东段", "钱塘路过江隧道"} <= set(found), sorted(found)


def test_lines_listed_with_their_extensions() -> None:
    found = _projects("6号线一期东段、杭海城际线东延伸等轨道交通线路建成运营。")
    assert {"6号线一期东段", "杭海城际线东延伸"} <= set(found), sorted(found)


def test_the_yao_of_important_is_no_plan() -> None:
    found = _projects("钱塘路过江隧道等重要基础设施投入使用。", pub="2024-12-30")
    assert _events(found["钱塘路过江隧道"]) == ["production"]


def test_a_kind_counted_among_projects_and_the_economys_growth() -> None:
    found = _claims("全年实施重点项目1.2万个，其中先进制造业项目4300个。主要预期目标是：经济增长5%左右。",
                    pub="2025")
    assert sorted(c["count"] for c in found if c["count"]) == [4300, 12000]
    gdp = [c for c in found if c["indicator_text"] == "地区生产总值"]
    assert [(c["growth_pct"], c["period"]) for c in gdp] == [(5.0, "2025")]


def test_slogan_programmes_first_deals_and_new_rounds_are_no_works() -> None:
    found = _projects("实施“八八战略”创新工程和“千村万户”工程，落地全省首单基础设施REITs项目，"
                      "推进新一轮病险水库除险加固项目，开工建设杭州至丽水高速公路。")
    assert list(found) == ["杭州至丽水高速公路"], sorted(found)


def test_a_slogan_named_works_with_its_own_budget_stays() -> None:
    found = _projects("“三路一环”工程总投资概算为52.6亿元，截至3月底累计完成投资31.2亿元。")
    assert [p["investment"][0]["amount_cny"] for p in found.values()] == [5_260_000_000], found


def test_routes_listed_by_their_ends_before_one_head() -> None:
    found = _projects("建成青田至文成、遂昌至龙泉、庆元至景宁等高速（一级）公路，开展衢州机场改扩建前期工作。")
    assert {"青田至文成", "遂昌至龙泉", "庆元至景宁", "衢州机场改扩建"} <= set(found), sorted(found)
    assert _events(found["遂昌至龙泉"]) == ["completed"]
    found = _projects("甬台温高速公路台州至温州段、瓯江特大桥建成通车。")
    assert "瓯江特大桥" in found, sorted(found)


def test_items_of_a_ranked_batch_the_report_names() -> None:
    found = _projects("加快温州乙烯一体化、台州基板玻璃新产线、宁波绿色化工产业基地等“十大产业项目”建设。")
    assert {"温州乙烯一体化", "台州基板玻璃新产线", "宁波绿色化工产业基地"} <= set(found), sorted(found)


def test_kinds_of_parks_a_region_builds_many_of() -> None:
    assert not _projects("建设一批零碳园区和绿电园区，推进2.0版零碳园区建设。")
    found = _projects("鄂尔多斯零碳产业园开工建设，总投资30亿元。")
    assert list(found) == ["鄂尔多斯零碳产业园"]


def test_numbered_road_sections_take_the_verb_of_their_clause() -> None:
    found = _projects("建成S12甬舟段、S29杭淳高速，开工建设G1523温瑞段、G25丽龙段。推动国道320浙江段提质升级。")
    assert {"S12甬舟段", "G1523温瑞段", "G25丽龙段", "国道320浙江段"} <= set(found), sorted(found)
    assert _events(found["S12甬舟段"]) == ["completed"]
    assert _events(found["G1523温瑞段"]) == ["started"] and _events(found["G25丽龙段"]) == ["started"]
    assert not _projects("G60沪昆段车流量大增。")


def test_a_count_of_projects_planned_to_start() -> None:
    found = _claims("全年230个计划新开工项目全部开工。", pub="2025")
    assert [(c["indicator"], c["count"]) for c in found] == [("project_count", 230)]


def test_an_amount_whose_clause_names_its_own_batch() -> None:
    found = _claims("三批集中开工420个重大项目，“十大工程”项目完成投资860亿元，省重点工程项目投资2100亿元。",
                    pub="2025")
    got = sorted((c["indicator"], c["count"], c["value"]) for c in found)
    assert got == [("project_count", 420, None), ("project_investment", None, 86_000_000_000),
                   ("project_investment", None, 210_000_000_000)], got


def test_an_economys_size_told_after_its_growth_but_not_a_sectors() -> None:
    found = _claims("经济发展迈上新台阶，全年增长5.1%、总量达4.2万亿元。全省数字经济总量达1.6万亿元。",
                    pub="2025")
    assert [c["value"] for c in found if c["value"]] == [4_200_000_000_000]
