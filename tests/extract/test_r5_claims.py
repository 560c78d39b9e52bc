"""Claims on sentences written for these tests (round 5): counts of projects of a size read as
amounts, relief money, a region's railway investment, figures of one facility or one project's
prospects, and the periods of batches and spans."""

from __future__ import annotations

from touzi.extract.records import extract_records


def claims(text: str, pub: str = "2021-08-10") -> list[dict]:
    return [r for r in extract_records(text, pub_date=pub) if r["kind"] == "claim"]


def test_a_count_of_projects_of_a_size_is_a_count_not_an_amount() -> None:
    (c,) = claims("今年，宁远市计划推进350个亿元项目。")
    assert c["indicator"] == "project_count"
    assert c["count"] == 350
    assert c["value"] is None


def test_a_count_of_projects_above_a_size_started_together() -> None:
    (c,) = claims("上周，宁远市有86个亿元以上项目集中开工。")
    assert c["indicator"] == "project_count"
    assert c["count"] == 86


def test_relief_for_firms_is_no_investment() -> None:
    assert claims("宁远市简化企业投资项目审批，今年为企业降本减负30亿元。") == []


def test_a_region_s_railway_investment_is_fixed_asset_investment() -> None:
    (c,) = claims("今年全省铁路投资将保持在600亿元以上，其中新线建设占一半。")
    assert c["indicator"] == "fixed_asset_investment"
    assert c["value"] == 60_000_000_000


def test_one_facility_s_total_is_no_claim() -> None:
    assert claims("新建的宁远东站总投资18.5亿元，设有8个站台。") == []


def test_a_project_s_prospects_are_no_claim() -> None:
    assert claims("按照协议，未来十年，项目可以获得6亿元的运营投入。") == []


def test_one_undertaking_described_by_its_figure_is_no_claim() -> None:
    (c,) = claims("开工首日，宁远市确定了120个重点项目。在开发区，一个年产值30亿元的智能装备"
                  "产业园正加紧施工。")
    assert c["count"] == 120


def test_a_half_naming_a_batch_started_together_is_no_period() -> None:
    (c,) = claims("宁远市下半年86个重大项目集中开工，总投资超过300亿元。", pub="2021-07-22")
    assert c["count"] == 86
    assert c["period"] == "2021-07"


def test_a_half_with_a_comma_before_the_batch_is_its_period() -> None:
    (c,) = claims("上半年，宁远市86个重大项目完成投资300亿元。", pub="2021-07-22")
    assert c["period"] == "2021-H1"


def test_recent_years_without_a_number_give_no_period() -> None:
    (c,) = claims("近年来，宁远市累计投资20多亿元，治理了12条河道。", pub="2021-07-22")
    assert c["value"] == 2_000_000_000
    assert c["period"] is None


def test_a_place_in_a_batch_s_name_told_before_is_its_region() -> None:
    text = ("浙江省举行灾后援建座谈会，浙江省各地将派出援建队伍。\n"
            "3月15日，青海玉树地震灾后重建项目全面开工。重建项目共120项，计划总投资80亿元。")
    (c,) = [c for c in claims(text, pub="2021-03-16") if c["value"] == 8_000_000_000]
    assert c["region"]["adcode"].startswith("6327")


def test_research_and_reform_projects_are_no_batch() -> None:
    text = ("宁远市联合实施关键技术攻关项目45项，推进28项重大改革项目，"
            "新开工重点项目36个。")
    (c,) = claims(text)
    assert c["count"] == 36


def test_research_spending_trade_and_public_spending_are_no_investment() -> None:
    text = ("宁远市全社会研发投入预计超过30亿元。服务贸易规模超过90亿元。"
            "一般公共预算支出规模85亿元。释放降准资金12亿元。")
    assert claims(text) == []


def test_farmland_and_ecological_land_are_no_land_for_building() -> None:
    text = ("今年，宁远市新建高标准农田8万亩、治理沙化土地2万亩，"
            "建设用地减量3平方公里，盘活低效用地1.5万亩。")
    (c,) = claims(text)
    assert c["indicator"] == "land_cleared"
    assert c["value"] == 15000


def test_a_list_item_s_land_cue_is_its_own() -> None:
    text = "去年，宁远市完成建设用地整理4800亩、河道疏浚清理900亩。"
    values = sorted(c["value"] for c in claims(text))
    assert values == [4800]


def test_a_short_name_of_a_county_in_another_province_does_not_speak() -> None:
    text = ("重庆市召开城市更新推进会。重庆市今年将加快路网建设。\n"
            "金凤隧道建成通车，全年完工片区路网更新项目19个。")
    (c,) = claims(text)
    assert c["count"] == 19
    assert c["region"]["adcode"] == "500000"


def test_whole_province_after_a_partner_region_is_the_focus() -> None:
    text = ("青海省召开经贸工作会议。\n"
            "青海—澳门合作往来日益密切，全省当年招商引资到位资金58亿元。")
    (c,) = claims(text)
    assert c["indicator"] == "domestic_capital_attracted"
    assert c["region"]["adcode"] == "630000"


def test_state_bond_money_in_a_province_s_report_is_the_province_s() -> None:
    text = ("黑龙江省政府工作报告。黑龙江省去年经济稳中有进。\n"
            "争取国债资金37亿元，一批增发国债项目累计完成投资51.4亿元。")
    got = {c["value"]: c["region"]["adcode"] for c in claims(text)}
    assert got[5_140_000_000] == "230000"


def test_state_bonds_supporting_every_place_are_the_nation_s() -> None:
    text = ("重庆市加快电梯更新。\n"
            "今年超长期特别国债共安排资金60亿元，支持各地改造旧电梯3万部。")
    (c,) = claims(text)
    assert c["region"]["adcode"] == "100000"


def test_a_national_ranking_after_the_figure_is_a_frame() -> None:
    text = ("内蒙古自治区工作报告。内蒙古各项工作扎实推进。\n"
            "去年工业增加值迈上万亿元台阶，全国排名上升两位。")
    (c,) = claims(text)
    assert c["region"]["adcode"] == "150000"


def test_a_china_partnership_name_does_not_speak_for_the_nation() -> None:
    text = "广西壮族自治区工作报告。\n中国—东盟经贸合作区目前在建项目投资超过600亿元。"
    (c,) = claims(text)
    assert c["region"]["adcode"] == "450000"


def test_size_bands_of_a_batch_are_no_amounts() -> None:
    text = ("宁远市86个项目集中开工，总投资达900亿元。"
            "这些项目中20亿元以上50亿元以下的有11个，超过50亿元的有4个。")
    (c,) = claims(text)
    assert c["value"] == 90_000_000_000 and c["count"] == 86


def test_a_difference_a_daily_rate_and_an_increment_are_no_totals() -> None:
    text = ("宁远市保障房建设资金80亿元，较去年增加12亿元。"
            "开发区一条生产线每天产值达到300万元。"
            "宁远市近五年财政收入以每年近2亿元递增。")
    assert sorted(c["value"] for c in claims(text)) == [8_000_000_000]


def test_an_intensity_is_not_the_indicator() -> None:
    text = "到2025年，宁远市万元工业增加值用水量下降20%。"
    assert claims(text) == []


def test_a_plant_s_prospective_yield_is_no_claim() -> None:
    text = "宁远市一家食品企业的新项目上月投产，年产值可达4亿元。"
    assert claims(text) == []


def test_projects_turned_away_are_no_batch() -> None:
    text = "去年宁远县否决高耗能项目12个，涉及投资额超过30亿元。"
    assert claims(text) == []


def test_a_clause_opening_with_the_project_s_total_is_one_project_s() -> None:
    text = "眼前是宁远县一家造纸项目的施工工地，项目总投资18亿元，年底前试产。"
    assert claims(text) == []


def test_a_facility_with_its_capacity_states_its_own_total() -> None:
    text = "这座抽水蓄能电站位于宁远县，总投资95亿元，总装机120万千瓦。"
    assert claims(text) == []


def test_deficits_and_social_funds_are_no_investment() -> None:
    text = ("今年拟安排财政赤字9000亿元。全国社会保障基金积累7000亿元。"
            "使用800亿元失业保险基金支持技能培训。")
    assert claims(text) == []


def test_railway_investment_is_fixed_asset_investment_but_not_a_railway_firm() -> None:
    text = "今年要完成铁路投资7000亿元。省铁路投资集团出资50亿元设立基金。"
    got = [(c["indicator"], c["value"]) for c in claims(text)]
    assert ("fixed_asset_investment", 700_000_000_000) in got
    assert all(v != 5_000_000_000 or i != "fixed_asset_investment" for i, v in got)


def test_cancelled_items_are_no_batch() -> None:
    assert claims("全年取消评比达标表彰项目29项，新开工重点项目12个。")[0]["count"] == 12


def test_an_other_indicator_s_words_drop_the_verbs_around_them() -> None:
    (c,) = claims("宁远市力争电子信息产业规模达1250亿元。")
    assert c["indicator_text"] == "电子信息产业规模"
    (c,) = claims("宁远市近五年工业技术改造投资累计700亿元。", pub="2018-03-01")
    assert c["indicator_text"] == "工业技术改造投资"


def test_a_respectively_list_pairs_items_and_amounts() -> None:
    text = "全年宁远市交通、水利、能源领域投资分别达230亿元、60亿元、170亿元。"
    got = sorted((c["indicator_text"], c["value"]) for c in claims(text))
    assert got == [("交通投资", 23_000_000_000), ("水利投资", 6_000_000_000),
                   ("能源投资", 17_000_000_000)]


def test_a_respectively_list_with_the_investment_after_the_word() -> None:
    text = "今年宁远市力争交通、铁路分别完成投资250亿元、80亿元。"
    got = {c["value"]: c["indicator"] for c in claims(text)}
    assert got == {25_000_000_000: "other", 8_000_000_000: "fixed_asset_investment"}


def test_a_respectively_list_of_other_sizes_is_left_alone() -> None:
    text = "宁远市跨境电商、离岸贸易规模分别突破90亿元、40亿元。"
    assert claims(text) == []


def test_projects_to_open_are_a_batch() -> None:
    (c,) = claims("今年，宁远市18项城际铁路项目将于年底开通。")
    assert c["indicator"] == "project_count" and c["count"] == 18


def test_a_later_larger_count_is_no_tally_of_the_first() -> None:
    text = "宁远市168项灾后恢复项目全部竣工，344项提升项目开工建设。"
    assert sorted(c["count"] for c in claims(text)) == [168, 344]


def test_the_size_of_things_counted_is_no_total() -> None:
    text = ("宁远市盯紧64个预增产值过10亿元、230个过2000万元的工业新增长点，"
            "规上工业增加值增长7.5%。培育一批产值超50亿、100亿的产业集群。")
    (c,) = claims(text)
    assert c["indicator"] == "industrial_value_added" and c["growth_pct"] == 7.5


def test_a_batch_listing_names_in_several_cities_is_their_province_s() -> None:
    text = ("湖北省政府工作报告。\n"
            "武汉光谷算力中心、孝感动力电池二期、荆门特种油基地等550个重大项目加快建设，"
            "年度投资720亿元。")
    got = [c for c in claims(text, pub="2025-01-20") if c["count"] == 550]
    assert got and got[0]["region"]["adcode"] == "420000"
