"""Rules added with extractor 0.8.0 from the misses of real pages collected outside the corpus
(each tested on sentences written for the test: made-up works and firms, real place names for
the region lookup)."""

from __future__ import annotations

from touzi.extract.records import extract_records


def _claims(text: str, pub: str = "2021-07-02") -> list[tuple[str, int | None, int | None, str | None]]:
    return [(r["indicator"], r["value"], r["count"], r["period"])
            for r in extract_records(text, pub_date=pub) if r["kind"] == "claim"]


def test_a_batch_plan_after_its_total_shares_the_batch_count_and_date() -> None:
    found = _claims("6月30日，楚雄州举行项目集中开工仪式。牟定县集中开工项目共12项，总投资30.5亿元，"
                    "2021年计划完成投资8.6亿元。大姚县重点项目10项，总投资5.6亿元，"
                    "1-6月累计完成投资3.4亿元。")
    assert ("project_investment", 3050000000, 12, "2021-06-30") in found, found
    assert ("project_investment", 860000000, 12, "2021") in found, found
    assert ("project_investment", 340000000, 10, "2021-01/2021-06") in found, found


def test_a_new_subject_after_a_batch_total_keeps_its_own_figure() -> None:
    found = _claims("全省两类项目25个、总投资280亿元，省属某某国企完成年度投资290亿元。")
    assert ("project_investment", 28000000000, 25, "2021-07") in found, found
    assert not any(v == 29000000000 and n == 25 for _, v, n, _ in found), found


def _projects(text: str, pub: str = "2017-09-19") -> dict[str, tuple[str | None, str | None]]:
    return {r["name"]: (r["company"], r["region"].get("adcode"))
            for r in extract_records(text, pub_date=pub) if r["kind"] == "project"}


def test_a_bracketed_place_after_a_firm_is_its_branch_site() -> None:
    found = _projects("投资100亿元的西藏某控集团(成都)中韩发动机研发制造项目、投资90亿元的上海某康(成都)"
                      "生命健康产业园项目、投资70亿元的深圳某示（自贡）电子信息产品制造项目等一批项目成功签约。")
    assert found["西藏某控集团(成都)中韩发动机研发制造项目"] == ("西藏某控集团", "510100"), found
    assert found["上海某康(成都)生命健康产业园项目"] == ("上海某康", "510100"), found
    assert found["深圳某示（自贡）电子信息产品制造项目"] == ("深圳某示", "510300"), found


def _events(text: str, pub: str) -> dict[str, list[tuple[str, str | None]]]:
    return {r["name"]: [(e["type"], e["date"]) for e in r["events"]]
            for r in extract_records(text, pub_date=pub) if r["kind"] == "project"}


def test_a_day_opening_the_lead_after_a_dateline_dates_the_occasion() -> None:
    found = _events("本报南昌3月12日电（记者 某某）11日，江西省2023年一季度全省重点项目集中开工活动在"
                    "赣江新区举行。与此同时，各地项目同步开工。在樟树市，总投资12亿元的樟树某药物流园"
                    "项目正式开工。", "2023-03-13")
    assert found["樟树某药物流园项目"] == [("started", "2023-03-11")], found
    found = _events("本报周口电（记者 某某）9月18日上午，“2012年某省产业转移洽谈会暨项目签约仪式”在"
                    "郑州举行。我市签约的项目有年产3000万米纱线生产线项目、年产50万套家具项目等。",
                    "2012-09-19")
    assert found["年产3000万米纱线生产线项目"] == [("signed", "2012-09-18")], found


def _investment(text: str, pub: str = "2021-05-27") -> dict[str, list[int | None]]:
    return {r["name"]: [i["amount_cny"] for i in r["investment"]]
            for r in extract_records(text, pub_date=pub) if r["kind"] == "project"}


def test_an_amount_before_a_count_of_projects_is_the_batch_total() -> None:
    text = "上午9时，集中开工仪式在禹城市某味食品馅料项目现场举行，总投资约86亿元的19个项目集中开工。"
    assert _investment(text) == {"禹城市某味食品馅料项目": []}
    assert ("project_investment", 8600000000, 19, "2021-05") in _claims(text, "2021-05-27")


def test_spending_words_and_a_described_name_two_clauses_on() -> None:
    found = _investment("开工的楚雄某湖文旅小镇项目占地约300亩，耗资近15亿元。"
                        "另外，投资6亿元，预计年产8万个车厢的某鼎车厢厂生产项目正在加快建设。")
    assert found["楚雄某湖文旅小镇项目"] == [1500000000], found
    assert found["某鼎车厢厂生产项目"] == [600000000], found


def test_engineering_firms_and_a_projects_building_works() -> None:
    recs = extract_records("近日，中国某学东华工程科技股份有限公司承建的新疆某光生物科技有限公司年产8万吨"
                           "BDO项目建筑工程竣工验收顺利通过。", pub_date="2025-06-27")
    projects = {r["name"]: r for r in recs if r["kind"] == "project"}
    assert list(projects) == ["新疆某光生物科技有限公司年产8万吨BDO项目"], projects
    rec = projects["新疆某光生物科技有限公司年产8万吨BDO项目"]
    assert rec["company"] == "新疆某光生物科技有限公司"
    assert [(c["quantity"], c["unit"]) for c in rec["capacity"]] == [(80000, "吨")]
    assert [e["type"] for e in rec["events"]] == ["completed"]


def test_kilolitres_are_a_capacity_and_score_as_litres() -> None:
    from touzi.extract.evaluate import quantity_agrees
    recs = extract_records("同安区某花啤酒新建年产能30万千升啤酒工厂项目正式开工。", pub_date="2024-10-26")
    caps = [(c["quantity"], c["unit"]) for r in recs if r["kind"] == "project" for c in r["capacity"]]
    assert caps == [(300000, "千升")], caps
    assert quantity_agrees({"quantity": 3000, "unit": "千升"}, {"quantity": 3000000, "unit": "升"})
    assert not quantity_agrees({"quantity": 3000, "unit": "千升"}, {"quantity": 3000, "unit": "升"})


def test_the_parts_of_one_plant_and_its_site_are_no_projects() -> None:
    names = [r["name"] for r in extract_records(
        "某光生物科技有限公司年产8万吨BDO项目通过竣工验收。项目位于新疆生产建设兵团第一师阿拉尔市幸福"
        "工业园，以天然气为原料。项目涵盖甲醇装置、甲醛装置、空分装置、锅炉装置等86个单位工程。"
        "位于四川宜宾的某家坝灌区同日开工。", pub_date="2025-06-27") if r["kind"] == "project"]
    assert names == ["某光生物科技有限公司年产8万吨BDO项目", "某家坝灌区"], names


def test_a_yearly_output_before_de_and_an_inspection_verb_open_no_name() -> None:
    names = [r["name"] for r in extract_records(
        "另外，预计年产量6万吨的九鼎某结构生产项目正在加快建设。西区检查组深入某沙水电站建设项目一线。"
        "近日，县领导督导检查我县产业项目建设。宜宾市安全检查中心项目开工。", pub_date="2012-08-23")
        if r["kind"] == "project"]
    assert names == ["九鼎某结构生产项目", "某沙水电站建设项目", "宜宾市安全检查中心项目"], names


def test_a_ceremony_venue_is_no_project_but_a_works_site_is() -> None:
    names = [r["name"] for r in extract_records(
        "8月26日上午，项目签约仪式在郑州国际会展中心轩辕堂举行。上午10时，集中开工仪式在禹城市某味食品"
        "馅料项目现场举行。", pub_date="2011-08-27") if r["kind"] == "project"]
    assert names == ["禹城市某味食品馅料项目"], names


def test_a_given_name_after_a_title_is_no_place() -> None:
    from touzi.extract.records import resolver
    ctx = resolver().article_context("集中签约仪式在某某项目现场举行，德州市委书记田卫东，"
                                     "县长王江山，副县长某某出席。", pub_date="2021")
    roles = {m.text: m.role for m in ctx.mentions}
    assert roles["德州"] == "location", roles
    assert roles.get("卫东", "other") != "location", roles  # not 卫东区 of 平顶山
    assert roles.get("江山", "other") != "location", roles  # not 江山市 of 衢州


def test_each_citys_share_of_a_batch_is_a_claim_of_its_own() -> None:
    recs = [r for r in extract_records(
        "全省新开工重大项目600个、总投资3800亿元。从市州来看，武汉开工项目最多。其中，襄阳91个、"
        "总投资306亿元，宜昌88个、总投资304亿元。", pub_date="2021-11-08") if r["kind"] == "claim"]
    found = {(r["value"], r["count"], r["region"]["adcode"]) for r in recs}
    assert (30600000000, 91, "420600") in found, found
    assert (30400000000, 88, "420500") in found, found


def test_a_batch_broken_down_names_members_that_share_its_day() -> None:
    recs = extract_records(
        "5月18日，2023年第二季度湖北全省重大项目集中开工仪式举办。\n\n"
        "据了解，这次集中开工项目1800个，总投资9000亿元。\n\n"
        "具体来看，宜昌某导电子材料等重大产业项目1100个，总投资6200亿元。恩施市人民医院迁建等社会民生"
        "项目150个，总投资600亿元。", pub_date="2023-05-19")
    found = {r["name"]: (r["company"], [(e["type"], e["date"]) for e in r["events"]])
             for r in recs if r["kind"] == "project"}
    assert found["恩施市人民医院迁建"] == (None, [("started", "2023-05-18")]), found


def test_a_breakdown_of_the_days_batch_is_dated_that_day() -> None:
    found = _claims("5月18日，湖北省重大项目集中开工仪式举办。\n\n据了解，这次集中开工项目1800个，"
                    "总投资9000亿元。\n\n具体来看，宜昌某导电子材料等重大产业项目1100个，总投资6200亿元。",
                    "2023-05-19")
    assert ("project_investment", 620000000000, 1100, "2023-05-18") in found, found


def test_the_scale_a_project_builds_is_its_capacity_not_a_project() -> None:
    recs = [r for r in extract_records(
        "大唐白音电厂1号机组顺利通过168小时试运行。该项目于2016年5月开工建设，总投资52亿元，"
        "建设规模为2×60万千瓦超超临界燃煤发电机组。", pub_date="2019-12-09") if r["kind"] == "project"]
    assert [r["name"] for r in recs] == ["大唐白音电厂"], recs
    assert [(c["quantity"], c["unit"]) for c in recs[0]["capacity"]] == [(1200000, "千瓦")]


def test_a_counted_batch_keeps_its_count_through_plan_and_progress() -> None:
    found = _claims("据悉，今年全省重点推进大中型建设项目共计3500个，总投资3万亿元，年度计划完成投资9000亿元。"
                    "我市125个省重点项目年度计划投资800亿元，今年1—9月完成投资700亿元。", "2024-10-10")
    assert ("project_investment", 3000000000000, 3500, "2024") in found, found
    assert ("project_investment", 900000000000, 3500, "2024") in found, found
    assert ("project_investment", 70000000000, 125, "2024-01/2024-09") in found, found


def test_agreed_foreign_capital_is_contracted_fdi() -> None:
    found = _claims("其中，重大外资项目20个，总投资240亿元，协议外资98亿元。", "2017-06-13")
    # (since 0.9.0 it carries the count of the batch whose total comes before it)
    assert ("contracted_fdi", 9800000000, 20, "2017-06") in found, found


def test_a_numbered_part_after_a_project_names_the_project() -> None:
    found = _events("其中，某睿思(厦门)隐形眼镜生产项目第六条生产线已进入生产调试阶段。", "2024-10-26")
    assert found == {"某睿思(厦门)隐形眼镜生产项目": [("production", "2024-10")]}, found


def test_a_plan_named_as_a_noun_makes_no_event_planned() -> None:
    found = _events("列入国家规划的柳江抽水蓄能电站于7月全面开工。来宾抽水蓄能电站规划于明年开工。",
                    "2024-10-26")
    assert found["柳江抽水蓄能电站"] == [("started", "2024-07")], found
    assert found["来宾抽水蓄能电站"] == [("planned", "2025")], found
