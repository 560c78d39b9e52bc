"""Claims on sentences written for these tests: who speaks (the nation, a ministry, a place
named as excluded or as a route's end), when (N年来, 全年, a report's section year) and what
(indicator words, figures that are not totals)."""

from __future__ import annotations

from touzi.extract.records import extract_records


def claims(text: str, pub: str = "2021-08-10") -> list[dict]:
    return [r for r in extract_records(text, pub_date=pub) if r["kind"] == "claim"]


def test_the_state_as_subject_speaks_for_the_nation() -> None:
    text = ("据介绍，东川市的棚改项目进展顺利。\n"
            "截至今年6月底，国家对农村公路建设投资了2100亿元。")
    (c,) = claims(text)
    assert c["value"] == 210_000_000_000
    assert c["region"]["adcode"] == "100000"


def test_a_ministry_as_subject_speaks_for_the_nation() -> None:
    text = "天津的改造工作走在前面。\n交通运输部公布的数字是完成投资1800亿元。"
    (c,) = claims(text)
    assert c["region"]["adcode"] == "100000"


def test_state_bonds_a_province_wins_for_are_the_province_s() -> None:
    (c,) = claims("今年，山西争取国家专项债券规模98亿元，用于重点项目建设。")
    assert c["region"]["adcode"] == "140000"


def test_a_place_the_sentence_excludes_is_not_the_speaker() -> None:
    text = ("2020年我国除台湾省外新增装机3000万千瓦。\n"
            "规划期内累计将直接增加投资2万亿元。")
    (c,) = claims(text)
    assert c["region"]["adcode"] != "710000"


def test_the_ends_of_a_route_are_not_the_speaker() -> None:
    text = ("全国铁路建设进展顺利，我国铁路网不断完善，全国客运量持续增长。\n"
            "同时，西安到成都的铁路开工建设。今年1～3月，铁路建设投资完成500亿元，同比增长9%。")
    (c,) = claims(text, "2014-04-10")
    assert c["value"] == 50_000_000_000
    assert c["region"]["adcode"] == "100000"


def test_a_national_digest_speaks_for_the_nation_where_no_place_is_named() -> None:
    text = ("全国重大项目建设加快\n全国各地加快推进重大项目。我国投资结构持续优化，"
            "国家发展改革委表示，全国投资增长平稳。在贵州，一条高速公路通车。\n"
            "目前，全年新开工数据中心项目超过50个，项目总投资超过3000亿元。")
    got = [c for c in claims(text, "2022-12-29") if c["count"] == 50]
    assert got and got[0]["region"]["adcode"] == "100000"


def test_years_back_is_a_span_of_years() -> None:
    (c,) = claims("五年来，东川市累计引进省外资金860亿元。", "2016-06-02")
    assert c["period"] == "2011/2016"


def test_a_span_told_before_in_the_paragraph() -> None:
    text = "三年来，东川市累计安排援建资金40亿元;带动企业落地合作项目300个，到位资金900亿元。"
    got = {c["value"]: c for c in claims(text, "2016-06-02")}
    assert got[90_000_000_000]["period"] == "2013/2016"
    assert got[90_000_000_000]["indicator"] == "domestic_capital_attracted"


def test_a_month_and_more_back() -> None:
    (c,) = claims("一个多月以来，东川市共有60个重点项目陆续开工，项目总投资超500亿元。", "2022-07-24")
    assert c["period"] == "2022-06/2022-07"


def test_the_past_year_in_a_report_of_january() -> None:
    (c,) = claims("过去一年，全省实际使用外资120亿美元。", "2025-01-20")
    assert c["period"] == "2024"


def test_the_whole_year_after_a_month_s_figures() -> None:
    text = "6月，东川市工业投资同比增长20%。东川市计划全年力争完成固定资产投资900亿元。"
    got = {c["value"]: c for c in claims(text, "2022-07-24")}
    assert got[90_000_000_000]["period"] == "2022"


def test_a_report_section_headed_by_last_year() -> None:
    text = ("东川省政府工作报告\n一、2024年工作回顾\n全省经济平稳运行。"
            "全年完成固定资产投资5000亿元，地方一般公共预算收入达到800亿元。\n"
            "二、2025年工作安排\n今年的预期目标是：地方一般公共预算收入增长3%。")
    got = {(c["value"], c["growth_pct"]): c["period"] for c in claims(text, "2025")}
    assert got[(500_000_000_000, None)] == "2024"
    assert got[(80_000_000_000, None)] == "2024"
    assert got[(None, 3)] == "2025"


def test_a_conversion_is_not_a_second_claim() -> None:
    (c,) = claims("全市实际使用外资20亿美元、约合142亿元人民币。")
    assert (c["value"], c["unit"]) == (2_000_000_000, "USD")


def test_the_cost_of_one_plant_and_a_difference_are_not_claims() -> None:
    assert claims("建一条年产50万吨的水泥生产线，需要投资2亿元。") == []
    assert claims("仅一个月时间，国家投入保障房的建设资金就增加了900亿元。") == []


def test_a_change_keeps_the_new_figure() -> None:
    got = claims("今年，全国铁路固定资产投资由6000亿元增加到6300亿元。", "2014-04-10")
    assert [c["value"] for c in got] == [630_000_000_000]
    assert got[0]["indicator"] == "fixed_asset_investment"


def test_one_project_s_total_after_a_count_of_firms() -> None:
    text = "四家企业正在争购乙集团旗下一座铜矿的股份，该项目总投资约15亿美元。"
    assert claims(text) == []


def test_financing_is_not_investment() -> None:
    assert claims("全省共有12家企业实现海外上市，融资总额超过30亿美元。") == []


def test_manufacturing_fixed_asset_investment() -> None:
    (c,) = claims("6月，东川市制造业固定资产投资同比增长16%。")
    assert c["indicator"] == "manufacturing_investment"


def test_railway_construction_investment_is_fixed_asset_investment() -> None:
    (c,) = claims("今年1～5月，全国铁路建设投资完成900亿元，同比增长7%。", "2014-06-10")
    assert c["indicator"] == "fixed_asset_investment"


def test_a_changed_count_keeps_the_new_count() -> None:
    got = claims("今年，全国铁路新开工项目由30项增加到36项。", "2014-04-10")
    assert [(c["indicator"], c["count"]) for c in got] == [("project_count", 36)]


def test_approved_counts_and_the_remainder() -> None:
    got = claims("今年计划新开工的50个项目已批复31个，剩余19个项目近期即可批复。", "2014-09-10")
    assert [c["count"] for c in got] == [31]


def test_approved_projects_are_counted() -> None:
    (c,) = claims("截至2009年底，我国已核准12个风电项目。", "2011-02-23")
    assert (c["indicator"], c["count"]) == ("project_count", 12)


def test_funds_in_place_of_a_count_of_projects() -> None:
    (c,) = claims("截至去年，在东川市投产项目120个，到位资金95亿元。", "2014-06-02")
    assert (c["indicator"], c["count"], c["value"]) == (
        "domestic_capital_attracted", 120, 9_500_000_000)


def test_the_total_of_one_named_project_is_not_a_claim() -> None:
    text = "在东川，总投资超过50亿元的云谷数据中心配套项目，刚刚开工建设。"
    assert claims(text, "2022-12-29") == []


def test_a_batch_total_after_its_key_projects() -> None:
    text = "在东川省，一季度重点项目今天开工，涵盖数字经济、现代农业等，总投资超900亿元。"
    (c,) = claims(text, "2023-01-28")
    assert c["indicator"] == "project_investment"


def test_funds_left_unused_are_not_investment() -> None:
    assert claims("审计发现，某县专项资金盘活不到位，3.2亿元财政资金结余在部门。") == []


def test_a_rank_or_honour_against_the_nation_is_not_the_nation_speaking() -> None:
    text = ("东川省政府工作报告\n过去一年，全省经济平稳运行。\n"
            "重大项目投资突破900亿元，保持全国第2位，一条公路获评全国最美农村路。")
    (c,) = claims(text, "2025-01-20")
    assert c["region"]["adcode"] != "100000"


def test_state_bonds_a_region_obtains_are_its_own() -> None:
    text = "北京市政府工作报告\n过去一年，全市努力争取超长期特别国债和其他中央资金共700亿元。"
    (c,) = claims(text, "2025-01-20")
    assert c["region"]["adcode"] == "110000"


def test_tax_relief_and_income_gains_are_not_investment() -> None:
    assert claims("全区为企业减税降费及退税120亿元，带动群众增收3亿元。") == []


def test_a_plan_s_name_is_not_the_period() -> None:
    text = ("东川省政府工作报告\n二、2025年工作安排\n"
            "启动“十五五”规划编制，推动一批工程列入规划。全年确保基础设施投资超过900亿元。")
    (c,) = claims(text, "2025")
    assert c["period"] == "2025"


def test_a_programme_named_with_a_number_is_not_a_count() -> None:
    assert claims("全省有3部作品获得“五个一工程”奖，开工建设顺利。", "2025") == []


def test_the_nation_inside_a_phrase_does_not_speak() -> None:
    text = ("东川省政府工作报告\n过去一年，全省经济平稳运行。\n"
            "甲公司成为全国工业互联网首个千亿品牌。健康中国行动考核获优秀等次。"
            "入选重点专科建设项目17个。")
    got = [c for c in claims(text, "2025-01-20") if c["count"] == 17]
    assert got and got[0]["region"]["adcode"] != "100000"


def test_the_day_of_a_meeting_does_not_date_the_figures_after_it() -> None:
    text = ("东川省政府工作报告\n一、2024年工作回顾\n"
            "落实去年9月26日中央会议部署，出台一揽子措施。实施设备更新项目700个、完成投资400亿元。")
    (c,) = claims(text, "2025-01-20")
    assert c["period"] == "2024"


def test_the_day_of_a_batch_told_after_its_quarter() -> None:
    (c,) = claims("东川2022年一季度300个重大项目今天（2月19日）集中开工，总投资900亿元。",
                  "2022-02-19")
    assert c["period"] == "2022-02-19"


def test_a_few_days_ago_in_a_month_s_first_week() -> None:
    (c,) = claims("几天前，东川新区32个招商项目集中开工。", "2020-04-04")
    assert c["period"] == "2020-03/2020-04"


def test_the_whole_year_in_the_figure_s_clause() -> None:
    text = ("2022年，东川省900个重大项目近日陆续开工，总投资5000亿元，"
            "将带动东川实现全年总投资2万亿元左右。")
    got = {c["value"]: c["period"] for c in claims(text, "2022-02-19")}
    assert got[2_000_000_000_000] == "2022"


def test_the_whole_province_is_the_province_named_before() -> None:
    text = ("西安多个项目开工建设。陕西今年的目标是稳增长。\n"
            "当春风还带着寒意，经济大省浙江已是一片繁忙景象。目前，全省有600个大项目集中开工建设，"
            "总投资7000多亿元。\n陕西省今年继续推进脱贫攻坚，全省扶贫工作扎实推进。")
    got = [c for c in claims(text, "2017-02-04") if c["count"] == 600]
    assert got and got[0]["region"]["adcode"] == "330000"


def test_a_section_on_the_past_year_without_its_number() -> None:
    text = ("东川省政府工作报告\n一、过去一年工作回顾\n全省经济平稳运行。"
            "开展专项行动攻坚四季度，争取政府专项债券等用于投资的资金超900亿元。\n"
            "二、今年工作安排\n全省统筹推进重大项目2000个以上，完成投资4000亿元以上。")
    got = {c["value"]: c["period"] for c in claims(text, "2025-01-20")}
    assert got[90_000_000_000] == "2024-Q4"
    assert got[400_000_000_000].startswith("2025")


def test_a_news_headline_with_last_year_is_no_section() -> None:
    text = ("东川新闻\n2021年东川铁路完成固定资产投资700亿元\n今年全省铁路建设继续推进。\n"
            "2022年首季东川重点工程今天（1月4日）一起开工。"
            "此次集中开工共组织重大项目100个，总投资达2000亿元。")
    got = [c for c in claims(text, "2022-01-04") if c["count"] == 100]
    assert got and got[0]["period"] == "2022-01-04"


def test_the_total_of_one_named_base_is_not_a_claim() -> None:
    assert claims("投资超过500亿元的晋北新能源基地开工建设，全省新能源装机持续增长。") == []


def test_the_nation_s_fiscal_revenue_is_not_read() -> None:
    text = "全国财政收入同比增长9%\n今年10月份，全国财政收入9000亿元，同比增长9%。"
    assert claims(text, "2013-11-11") == []
    (c,) = claims("今年10月份，东川市财政收入90亿元，同比增长9%。", "2013-11-11")
    assert c["indicator"] == "fiscal_revenue"


def test_a_tally_of_a_count_s_progress_is_the_claim() -> None:
    text = ("东川80项骨干水利工程在建规模近千亿\n"
            "到本月为止，东川80项骨干水利工程，已累计开工建设55项，在建投资规模逾900亿元。")
    got = sorted((c["indicator"], c["count"], c["value"]) for c in claims(text, "2019-12-28"))
    assert got == [("project_count", 55, None), ("project_investment", None, 90_000_000_000)]
    assert all(c["period"] == "2019-12" for c in claims(text, "2019-12-28"))


def test_as_of_now_is_the_publication_month() -> None:
    text = ("11月24号，随着某灌区工程开工建设，今年再开工20项工程的任务全面完成。\n"
            "截至目前，150项重大水利工程已开工建设100项。")
    got = {c["count"]: c["period"] for c in claims(text, "2016-12-21")}
    assert got[100] == "2016-12"


def test_an_allocation_is_a_claim_of_its_own() -> None:
    (c,) = claims("四年来，19个对口支援省市累计安排40亿元，推动受援地产业发展。", "2014-06-02")
    assert (c["indicator"], c["value"], c["period"]) == ("other", 4_000_000_000, "2010/2014")


def test_this_year_in_next_year_s_section_is_not_re_dated() -> None:
    text = ("东川省政府工作报告\n一、2024年工作回顾\n全省固定资产投资增长6.9%。\n"
            "二、2025年重点工作\n今年全省发展的预期目标为：经济总量增长5.5%左右；"
            "固定资产投资增长8%左右；财政一般公共预算收入增长4%左右。")
    got = {c["growth_pct"]: c["period"] for c in claims(text, "2025")}
    assert got[6.9] == "2024"
    assert got[8] == "2025" and got[4] == "2025"


def test_targets_under_a_general_requirements_heading() -> None:
    text = ("东川省政府工作报告\n一、2024 年工作回顾\n全省固定资产投资增长6.5%。\n"
            "二、2025年总体要求与目标任务\n今年要为“十四五”规划画上句号。\n"
            "预期目标为:规上工业增加值增长6%上下，固定资产投资增长8%上下，"
            "确保完成“十四五”考核目标。")
    got = {c["growth_pct"]: c["period"] for c in claims(text, "2025")}
    assert got[6.5] == "2024"
    assert got[8] == "2025"


def test_a_deadline_after_the_figure_is_not_its_period() -> None:
    (c,) = claims("震后重建工程共计240项，计划总投资120亿元，2026年将全部建成交付。",
                  "2024-03-16")
    assert c["period"] != "2026"


def test_a_category_s_words_leave_the_region_out() -> None:
    (c,) = claims("今年1至10月，江西全省高新技术产业增加值增长11.8%。", "2014-12-27")
    assert c["indicator_text"] == "高新技术产业增加值"


def test_industrial_fixed_asset_investment() -> None:
    (c,) = claims("东川市工业固定资产投资预期实现300亿元，增长20%以上。", "2011-03-16")
    assert c["indicator"] == "industrial_investment"


def test_an_other_indicator_s_words_leave_place_and_time_out() -> None:
    (c,) = claims("今年西藏将完成公路建设投资60亿元，加快推进农村公路建设。", "2011-03-24")
    assert c["indicator_text"] == "公路建设投资"
