"""Rules added with extractor 0.9.0 from the misses of the development half of the real pages
collected outside the corpus (each tested on sentences written for the test: made-up works and
firms, real place names for the region lookup)."""

from __future__ import annotations

from touzi.extract.records import extract_records
from touzi.extract.scanner import scan


def _records(text: str, pub: str = "2024-05-10") -> list[dict]:
    return extract_records(text, pub_date=pub)


def _investment(text: str, pub: str = "2024-05-10") -> dict[str, list[int | None]]:
    return {r["name"]: [i["amount_cny"] for i in r["investment"]]
            for r in _records(text, pub) if r["kind"] == "project"}


def test_a_member_singled_out_by_a_superlative_keeps_its_own_investment() -> None:
    text = ("5月8日上午，湘南承接产业转移推介会在长沙举行，我市签约的8个项目中，最大的是由城关镇政府"
            "与江苏华纶纺织有限公司签订的总投资3.2亿元、年产5000万米坯布生产线项目。")
    assert _investment(text)["年产5000万米坯布生产线项目"] == [320000000]
    claims = [r for r in _records(text) if r["kind"] == "claim"]
    assert not any(r["value"] == 320000000 for r in claims), claims
    # without the superlative the amount after the count is the batch's
    batch = _records("我市签约的8个项目总投资3.2亿元。")
    assert [(r["indicator"], r["value"], r["count"]) for r in batch if r["kind"] == "claim"] \
        == [("project_investment", 320000000, 8)]


def test_a_figure_listed_before_a_name_after_qizhong_describes_that_name() -> None:
    found = _investment("全县新签约项目6个。其中，投资最多的是宁波凯顺电器有限公司投资的总投资2.6亿元、"
                        "年产80万台小家电生产线项目。")
    assert found["年产80万台小家电生产线项目"] == [260000000], found


def test_ji_joining_a_meeting_and_a_ceremony_names_no_project() -> None:
    records = _records("张建国出席了说明会暨项目签约仪式并讲话，现场签约总投资20亿元。")
    assert not any(r["kind"] == "project" for r in records), records


def test_a_range_with_the_unit_on_both_bounds_is_one_figure() -> None:
    (rec,) = [r for r in _records("昨日，长宁县与蓝峰数据科技有限公司签约，合作打造总投资30亿元至45亿元的"
                                  "蓝峰西南总部基地项目。") if r["kind"] == "project"]
    assert [(i["amount_cny"], i["amount_max"]) for i in rec["investment"]] == [(3000000000, 4500000000)]
    found = [(m.kind, m.value, m.value_max) for m in scan(
        "规划年产5万吨至8万吨，占地300亩到500亩，投资5000万元—1亿元，投资5亿元至3亿元", None)]
    assert found[:3] == [("capacity", 50000, 80000), ("land", 300, 500), ("money", 50000000, 100000000)]
    # falling bounds are two figures, not a range
    assert [(k, v) for k, v, _ in found[3:]] == [("money", 500000000), ("money", 300000000)]


def _projects(text: str, pub: str = "2024-05-10") -> dict[str, tuple[str | None, list[int | None]]]:
    return {r["name"]: (r["company"], [i["amount_cny"] for i in r["investment"]])
            for r in _records(text, pub) if r["kind"] == "project"}


def test_the_name_after_a_ranked_label_is_a_project() -> None:
    found = _projects("本批外资项目中，总投资5亿元以上的有12个。最大外资项目是嘉兴的顺丰华东物流总部项目，"
                      "总投资为40.2亿元(6亿美元)，投资方是香港顺丰投资有限公司。")
    # the bracketed dollars restate the yuan; the investor is the firm the sentence states
    assert found == {"顺丰华东物流总部项目": ("香港顺丰投资有限公司", [4020000000])}, found
    found = _projects("投资最大的项目为溧阳时代储能电池生产基地项目，总投资68亿元。")
    assert found["溧阳时代储能电池生产基地项目"][1] == [6800000000], found
    # a superlative inside the name's own words still describes (no name)
    assert _projects("该公司将建设全省最大的储能电池生产基地。") == {}


def test_avenue_works_are_physical_works() -> None:
    found = _projects("其中，福州仓山螺洲大道工程已完成路基施工，总投资18亿元。")
    assert found["福州仓山螺洲大道工程"][1] == [1800000000], found


def test_a_member_of_a_counted_national_list_is_named_and_the_count_is_no_claim() -> None:
    records = _records("纳入国家“十四五”规划的86项重大水利工程项目的桂林抽水蓄能电站主体工程于7月全面开工。",
                       "2022-08-01")
    names = [r["name"] for r in records if r["kind"] == "project"]
    assert names == ["桂林抽水蓄能电站主体工程"], records
    assert not any(r["kind"] == "claim" for r in records), records
    # a region's own count of started projects is still a claim
    own = _records("全市列入省重点的项目15个已开工。", "2022-08-01")
    assert [(r["indicator"], r["count"]) for r in own if r["kind"] == "claim"] == [("project_count", 15)]


def _claims(text: str, pub: str) -> list[tuple[str, int | None, int | None, str | None]]:
    return [(r["indicator"], r["value"], r["count"], r["region"].get("adcode"))
            for r in _records(text, pub) if r["kind"] == "claim"]


def test_the_homes_of_invited_guests_are_no_region_of_the_claims() -> None:
    found = _claims("9月9日，投资环境说明会在宿州召开，签约42个合作项目，项目总投资120.5亿元。会议邀请了"
                    "来自全国20多个省市，以及台湾、香港地区的96家企业参加。共签约42个合作项目，"
                    "其中工业项目30个，签约金额80亿元。", "2015-09-10")
    assert ("project_investment", 8000000000, 30, "341300") in found, found
    assert not any(rg == "810000" for *_, rg in found), found


def test_one_sub_count_after_qizhong_takes_the_amount_after_it() -> None:
    found = _claims("共签约42个合作项目，其中工业项目30个，签约金额80亿元。", "2015-09-10")
    assert ("project_investment", 8000000000, 30, None) in found, found
    found = _claims("全市开工项目50个，其中包括工业项目40个、服务业项目10个，计划投资30亿元。", "2015-09-10")
    assert ("project_investment", 3000000000, 50, None) in found, found


def test_a_stop_word_before_shi_stays_in_the_name() -> None:
    found = _projects("华电酒泉200兆瓦集中式光伏发电项目是今年省列重大项目，总投资约9亿元。")
    assert found == {"华电酒泉200兆瓦集中式光伏发电项目": ("华电", [900000000])}, found


def test_an_inspectors_praise_opens_no_name() -> None:
    found = _projects("李向东察看了长丰再生资源产业园，充分肯定项目建设进度，该产业园总投资6亿元。")
    assert "充分肯定项目" not in found, found


def test_a_park_opening_a_counted_lists_first_item_is_where_the_item_is() -> None:
    records = _records("其中，德令哈工业园恒泰50MW/100MWh储能、青海汇源硼酸精制等3个项目已开工，"
                       "完成到位资金0.6亿元。", "2022-04-18")
    names = {r["name"]: r["region"]["adcode"] for r in records if r["kind"] == "project"}
    assert names == {"恒泰50MW/100MWh储能": "632802", "青海汇源硼酸精制": "632802"}, names
    # a park's own phase is the park's works
    found = _projects("长宁县页岩气压裂砂加工基地、屏山县纺织产业园三期标准厂房等项目同步开工。", "2022-03-28")
    assert "屏山县纺织产业园" in found or "屏山县纺织产业园三期标准厂房" in found, found


def test_contracted_capital_by_origin_is_contracted_fdi_of_the_batch() -> None:
    found = _claims("其中，盐都区签约项目4个，总投资3.1亿美元，协议台资1.2亿美元；亭湖区签约项目2个，"
                    "总投资1.5亿美元，协议港资6000万美元。", "2019-08-23")
    assert ("contracted_fdi", 120000000, 4, "320903") in found, found
    assert ("contracted_fdi", 60000000, 2, "320902") in found, found
    assert ("project_investment", 310000000, 4, "320903") in found, found


def test_a_batchs_contracted_foreign_capital_is_dated_as_the_batch() -> None:
    records = _records("23日上午，第九届台商峰会在盐城开幕，现场举行签约仪式。峰会期间，全市签约台资项目20个，"
                       "总投资15亿美元。\n从区县看，盐都区签约项目4个，总投资3.1亿美元，协议台资1.2亿美元。",
                       "2019-08-23")
    found = {(r["indicator"], r["value"], r["period"]) for r in records if r["kind"] == "claim"}
    assert ("project_investment", 310000000, "2019-08-23") in found, found
    assert ("contracted_fdi", 120000000, "2019-08-23") in found, found


def test_a_breakdown_of_the_days_batch_after_its_annual_plan_takes_the_day() -> None:
    records = _records("10月28日上午，贵州省第四季度重大项目集中开工仪式举行。当日集中开工项目共820个，"
                       "总投资3100亿元，今年计划完成投资420亿元。其中，产业项目300个，总投资1200亿元。",
                       "2016-10-29")
    found = {(r["value"], r["count"], r["period"]) for r in records if r["kind"] == "claim"}
    assert (120000000000, 300, "2016-10-28") in found, found


def test_the_parts_of_a_sentence_after_a_semicolon_share_its_batch_day_and_place() -> None:
    records = _records("3月22日，沙坪坝区第一批重点项目集中开工活动举行，这次集中开工项目共38个，总投资约410亿元。\n"
                       "本次集中开工项目中，政府投资类项目18个，总投资150亿元；社会投资类项目20个，总投资260亿元。",
                       "2021-03-25")
    found = {(r["value"], r["count"], r["period"], r["region"]["adcode"])
             for r in records if r["kind"] == "claim"}
    assert (15000000000, 18, "2021-03-22", "500106") in found, found
    assert (26000000000, 20, "2021-03-22", "500106") in found, found


def test_items_opened_by_their_amount_and_de_keep_their_own_amounts() -> None:
    found = _projects("截至目前，投资2791万元的红崖沟防洪工程(三期)、投资1323万元的米粮湾灌区节水改造工程"
                      "等5个项目已完工，投资9333万元的湟水河川口段防洪治理工程、投资1746万元的龙泉学校、"
                      "投资58亿元的东部铝业年产30万吨铝合金扁锭、投资13.37亿元的大河口水电站等87个项目"
                      "正在建设。", "2013-05-29")
    assert found["红崖沟防洪工程"][1] == [27910000], found
    assert found["米粮湾灌区节水改造工程"][1] == [13230000], found
    assert found["湟水河川口段防洪治理工程"][1] == [93330000], found
    assert found["龙泉学校"][1] == [17460000], found
    assert found["东部铝业年产30万吨铝合金扁锭"][1] == [5800000000], found
    assert found["大河口水电站"][1] == [1337000000], found


def test_items_of_a_sector_tail_are_kinds_of_industry_unless_they_name_firms_or_places() -> None:
    assert _projects("会议期间，漳州对接项目40个，涵盖芯片封测、数控机床等先进制造业项目。") == {}
    found = _projects("本次签约的比亚迪动力电池、海尔智能家电等先进制造业项目总投资80亿元。")
    assert set(found) == {"比亚迪动力电池", "海尔智能家电"}, found


def test_a_new_investors_amount_after_a_listed_name_goes_to_what_it_builds() -> None:
    found = _projects("一批项目成功落户，如宏达电子股份有限公司在赣州经开区投资60亿元的宏达智能制造项目、"
                      "华瑞科技有限公司在抚州高新区投资80亿元建设10GWh储能电池项目等。", "2022-02-18")
    assert found["宏达智能制造项目"] == ("宏达电子股份有限公司", [6000000000]), found
    assert found["10GWh储能电池项目"] == ("华瑞科技有限公司", [8000000000]), found


def test_a_list_after_a_counted_list_and_a_conjunction_is_a_list_of_its_own() -> None:
    found = _projects("新区项目中，全民健身中心、格桑花幼儿园2个援建项目以及企业投资的雪域国际总部城、"
                      "高原之窗、金泰大厦等项目进展顺利。", "2013-03-20")
    assert {"雪域国际总部城", "高原之窗", "金泰大厦"} <= set(found), found


def test_a_bracket_before_the_head_and_xiandai_stay_inside_the_name() -> None:
    found = _projects("桂南丰农农业有限公司现代农业产业建设(横县)项目总投资5亿元。", "2016-09-19")
    assert list(found) == ["桂南丰农农业有限公司现代农业产业建设(横县)项目"], found
    found = _projects("粤海集团现代海洋牧场及水产加工项目在文昌开工，总投资10亿元。", "2021-07-14")
    assert list(found) == ["粤海集团现代海洋牧场及水产加工项目"], found


def test_the_signing_parties_before_a_name_are_not_part_of_it() -> None:
    found = _projects("吉林省农安县人民政府与北京粮丰生物科技集团有限公司D乳酸生产加工项目正式签约，"
                      "总投资15亿元。", "2021-03-02")
    assert list(found) == ["北京粮丰生物科技集团有限公司D乳酸生产加工项目"], found


def test_products_listed_before_a_much_larger_count_are_no_projects() -> None:
    found = _projects("园区重点推进玉米深加工，开发建设玉米淀粉、玉米蛋白粉、胚芽油、玉米压片等项目26个，"
                      "2021年重点推进玉米现代物流园项目，预计总投资6亿元。", "2021-03-02")
    assert list(found) == ["玉米现代物流园项目"], found
    found = _projects("开工建设龙凤淀粉、鑫源油脂等项目2个。", "2021-03-02")
    assert set(found) == {"龙凤淀粉", "鑫源油脂"}, found


def test_the_body_that_runs_a_park_is_no_project() -> None:
    assert _projects("10月23日，金寨现代产业园区管委会主任李明与安徽集源液压技术有限公司签订投资协议。",
                     "2012-10-24") == {}


def test_yesterdays_ceremony_dates_the_batch_and_the_members_named_below() -> None:
    records = _records("在昨日下午举行的全省项目集中签约活动上，我市共有6个项目现场签约，投资总额88.6亿元。\n"
                       "6个集中签约项目中，外资项目3个，分别是晋江恒鑫鞋业扩建项目、南安光华石材加工项目；"
                       "民营项目3个，为惠安海韵食品产业园项目。", "2024-09-09")
    claims = {(r["value"], r["period"]) for r in records if r["kind"] == "claim"}
    assert (8860000000, "2024-09-08") in claims, claims
    events = {r["name"]: [(e["type"], e["date"]) for e in r["events"]]
              for r in records if r["kind"] == "project"}
    assert events["晋江恒鑫鞋业扩建项目"] == [("signed", "2024-09-08")], events
    assert events["惠安海韵食品产业园项目"] == [("signed", "2024-09-08")], events


def test_a_projects_own_fixed_assets_and_prospects_are_no_claims() -> None:
    records = _records("该项目由县招商局引进，计划用地50亩，总投资1.8亿，其中固定资产投资1.45亿元。\n"
                       "项目投产后，每年将生产大豆油5万吨。预计可实现产值9亿元，税收800万元。", "2020-05-01")
    assert not any(r["kind"] == "claim" for r in records), records
    # a region's own breakdown is still a claim
    found = _claims("全县完成投资15亿元，其中固定资产投资12亿元，同比增长8%。", "2020-05-01")
    assert any(ind == "fixed_asset_investment" and v == 1200000000 for ind, v, *_ in found), found


def test_the_expressway_to_an_airport_is_the_works() -> None:
    found = _projects("天河机场高速二期、汉江大桥等交通项目386个开工，其中天河机场高速二期总投资60亿元。", "2022-05-01")
    assert "天河机场高速二期" in found and "天河机场" not in found, found


def test_research_listed_before_a_count_is_no_project() -> None:
    assert _projects("实施高效钙钛矿电池等创新攻关项目20个以上，拓展应用场景。", "2025-01-20") == {}


def test_a_breakdown_paragraph_takes_the_place_of_the_batch_told_before() -> None:
    text = ("重庆各区县招商引资你追我赶。\n\n沙坪坝区\n\n3月22日，2021年沙坪坝区第一批重点项目集中开工活动举行。"
            "这次集中开工重点项目共38个，总投资约410亿元。\n\n"
            "本次集中开工重点项目中，政府投资类项目18个，总投资150亿元；社会投资类项目20个，总投资260亿元。\n\n"
            "从建设项目类别上看，产业项目12个，总投资180亿元；民生项目9个，总投资40亿元。")
    found = {(r["value"], r["period"], r["region"]["adcode"])
             for r in _records(text, "2021-03-25") if r["kind"] == "claim"}
    for value in (15000000000, 26000000000, 18000000000, 4000000000):
        assert (value, "2021-03-22", "500106") in found, (value, found)


def test_as_of_a_months_end_against_the_years_plan_is_the_year_so_far() -> None:
    records = _records("截至9月底，全县累计完成固定资产投资42.6亿元，完成年度计划的81.3%，同比增长12.4%。\n"
                       "截至3月底，上述工程已累计完成投资88.2亿元。", "2018-10-15")
    periods = {r["value"]: r["period"] for r in records if r["kind"] == "claim"}
    assert periods[4260000000] == "2018-01/2018-09", periods
    assert periods[8820000000] == "2018-03-31", periods


def test_an_item_with_its_own_head_in_a_counted_list_is_a_project() -> None:
    found = _projects("2023年无锡市重大招商项目签约活动6日举行，中电建华东区域总部、一帆科技总部项目等45个重大项目"
                      "集中签约，总投资超600亿元。", "2023-02-07")
    assert {"中电建华东区域总部", "一帆科技总部项目"} <= set(found), found


def test_a_place_and_a_designation_or_class_of_industry_name_no_project() -> None:
    assert _projects("海南自由贸易港建设项目集中开工，总投资50亿元。") == {}
    assert _projects("前三季度，自治区重点产业项目累计投资215.6亿元。") == {}
    assert _projects("石家庄高端装备制造项目总投资10亿元。") == {}
    found = _projects("中车石家庄高端装备制造产业园项目总投资10亿元。")
    assert list(found) == ["中车石家庄高端装备制造产业园项目"], found


def test_a_park_opening_a_name_before_a_firm_is_where_the_firms_project_is() -> None:
    records = _records("银川奶产业园伊利液态奶智能制造项目总投资20亿元。", "2024-10-18")
    found = [(r["name"], r["company"], r["region"]["adcode"]) for r in records if r["kind"] == "project"]
    assert found == [("伊利液态奶智能制造项目", "伊利", "640100")], found


def test_plain_investment_words_of_projects_are_project_investment() -> None:
    found = _claims("2023年市级重点项目共410项，总投资2100亿元，年度计划投资380亿元，1-6月累计完成投资215亿元，"
                    "占年计划投资的56.6%。", "2023-07-20")
    assert ("project_investment", 21500000000, None, None) in found, found
    found = _claims("社会事业类项目加快建设\n1—9月实际完成投资18.6亿元，完成年度计划投资的82.5%。", "2023-10-26")
    assert [ind for ind, *_ in found] == ["project_investment"], found
    # without projects in the sentence or a heading about them, the words stay the indicator's
    found = _claims("五年来，全省棚户区改造开工建设房屋80万套，惠及群众200多万人，累计完成投资1200亿元。",
                    "2017-10-10")
    assert [ind for ind, *_ in found] == ["other"], found
