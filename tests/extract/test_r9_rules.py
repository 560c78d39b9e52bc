"""Rules added with extractor 0.7.0, each on sentences written for the test (made-up works and
firms, real place names for the region lookup)."""

from __future__ import annotations

from pathlib import Path

from touzi.extract.records import extract_records


def _events(text: str, pub: str = "2019-05-10") -> dict[str, list[tuple[str, str | None]]]:
    return {r["name"]: [(e["type"], e["date"]) for e in r["events"]]
            for r in extract_records(text, pub_date=pub) if r["kind"] == "project"}


def test_production_in_the_words_firms_use() -> None:
    found = _events("长兴县年产5万吨新型铝材项目已于今年3月投入生产。"
                    "德清县智能家居产业园将于2021年开始生产。"
                    "安吉县人民医院迁建工程去年底交付使用。")
    assert found["长兴县年产5万吨新型铝材项目"] == [("production", "2019-03")], found
    assert found["德清县智能家居产业园"] == [("planned", "2021")], found
    assert found["安吉县人民医院迁建工程"] == [("production", "2018-12")], found


def _regions(text: str, pub: str = "2021-06-15") -> dict[str, str | None]:
    return {r["name"]: r["region"].get("adcode")
            for r in extract_records(text, pub_date=pub) if r["kind"] == "project"}


def test_a_country_opening_a_name_placed_here_is_the_investors_origin() -> None:
    found = _regions("总投资1亿美元的德国某星轴承项目签约落户太仓高新区。"
                     "海宁市与日本某电株式会社签约，日本某电精密马达项目同日开工。"
                     "奇瑞汽车公司投资的巴西工厂项目开工。")
    assert found["德国某星轴承项目"] == "320585", found  # the clause places it in 太仓
    assert found["日本某电精密马达项目"] == "330481", found  # the country opens the firm's name
    assert found["巴西工厂项目"] is None, found  # abroad


def test_a_japanese_legal_form_ends_a_company() -> None:
    recs = extract_records("嘉兴市与日本某电株式会社签约，某电智能马达项目落户嘉兴经济技术开发区。",
                           pub_date="2021-06-15")
    # (the name writes the firm's short form; the scorer matches it to the legal name)
    assert [r["company"] for r in recs if r["kind"] == "project"] == ["某电"], recs


def _names(text: str, pub: str = "2022-03-28") -> list[str]:
    return [r["name"] for r in extract_records(text, pub_date=pub) if r["kind"] == "project"]


def test_a_firms_capacity_project_keeps_its_whole_product() -> None:
    # 三元 (ternary) is no sum of three yuan; 休闲 (leisure) after a quantity opens the product
    assert _names("乙市举行集中开工活动。\n某州锂材有限公司年产10万吨高镍三元正极材料项目开工。") \
        == ["某州锂材有限公司年产10万吨高镍三元正极材料项目"]
    assert _names("乙市举行签约仪式。\n签约仪式上，某源食品科技有限公司年产30万吨休闲食品及冷链配送项目率先签约。") \
        == ["某源食品科技有限公司年产30万吨休闲食品及冷链配送项目"]


def test_a_venue_label_before_is_introduces_the_name() -> None:
    found = _names("乙市举行集中开工活动。\n主会场项目为某海风电装备有限公司年产200套海上风电塔筒项目。"
                   "该项目为集中供热项目。")
    assert found == ["某海风电装备有限公司年产200套海上风电塔筒项目"], found


def test_the_occasion_dated_in_the_opening_dates_its_projects() -> None:
    text = ("乙县重大项目集中签约\n"
            "　　6月17日上午，乙县第二季度重大项目集中签约仪式在县会展中心举行。本次签约项目6个，"
            "涵盖食品、物流等领域。\n"
            "　　仪式上，长兴县年产5万吨新型铝材项目率先签约。该项目计划总投资15亿元。\n"
            "　　县领导表示，要做好服务保障。此外，安吉县智能家居产业园项目也完成签约。\n")
    found = _events(text, pub="2021-06-18")
    assert found["长兴县年产5万吨新型铝材项目"] == [("signed", "2021-06-17")], found
    assert found["安吉县智能家居产业园项目"] == [("signed", "2021-06-17")], found
    # without a dated opening the story's month stays the guess
    later = _events(text.replace("6月17日上午，", ""), pub="2021-06-18")
    assert later["长兴县年产5万吨新型铝材项目"] == [("signed", "2021-06")], later


def test_a_january_review_of_last_year_dates_its_year_and_months_back() -> None:
    text = ("2015年乙县完成固定资产投资186亿元\n"
            "　　2015年，乙县完成固定资产投资186亿元，同比增长12%。\n"
            "　　工业投资稳步增长。全年完成工业投资59亿元，同比增长9%。"
            "长兴县新型铝材项目于10月竣工。\n")
    recs = extract_records(text, pub_date="2016-01-20")
    periods = {r["indicator"]: r["period"] for r in recs if r["kind"] == "claim"}
    assert periods.get("industrial_investment") == "2015", periods
    events = [(e["type"], e["date"]) for r in recs if r["kind"] == "project" for e in r["events"]]
    assert events == [("completed", "2015-10")], events
    # the same words in May are this year's: 全年 the publication's, 10月 still ahead
    later = extract_records(text, pub_date="2016-05-20")
    assert {r["indicator"]: r["period"] for r in later if r["kind"] == "claim"}.get(
        "industrial_investment") == "2016"


def test_a_figure_in_parentheses_after_a_listed_name_glosses_it() -> None:
    recs = extract_records("乙县重大项目集中开工\n当天，长兴县标准厂房三期工程（投资4.5亿元）、"
                           "长兴县冷链物流中心（投资2.3亿元）等一批配套项目同时开工。",
                           pub_date="2022-02-28")
    found = {r["name"]: ([i["amount_cny"] for i in r["investment"]],
                         [e["type"] for e in r["events"]])
             for r in recs if r["kind"] == "project"}
    assert found == {"长兴县标准厂房三期工程": ([450000000], ["started"]),
                     "长兴县冷链物流中心": ([230000000], ["started"])}, found


def _companies(text: str, pub: str = "2011-11-15") -> dict[str, str | None]:
    return {r["name"]: r["company"] for r in extract_records(text, pub_date=pub)
            if r["kind"] == "project"}


def test_a_firm_named_by_brand_and_trade_in_business_news() -> None:
    found = _companies("车企西进提速\n　　9月，蓉川客车与成都经济技术开发区签约，投资12亿元建设年产5000辆"
                       "新能源客车项目；8月，秦岭重汽总投资40亿元的年产10万台重型柴油发动机项目开工。"
                       "长沙经济技术开发区10月与湘楚重工签约年产20万辆乘用车整车项目。")
    assert found == {"年产5000辆新能源客车项目": "蓉川客车",
                     "年产10万台重型柴油发动机项目": "秦岭重汽",
                     "年产20万辆乘用车整车项目": "湘楚重工"}, found
    # a place's industry is no firm
    plain = _companies("襄阳汽车投资增长较快，襄州区年产5万辆专用车项目开工。")
    assert plain and set(plain.values()) == {None}, plain


def test_a_site_named_after_a_siting_verb_is_no_project() -> None:
    found = _names("某化工拟25亿元投建宁东年产30万吨PVC项目\n"
                   "　　公告显示，该项目选址宁东能源化工基地临河综合项目区，占地约1200亩。", pub="2011-05-10")
    # 投建 is a verb (not 建宁, a county of 福建); the base and the project area are the site
    assert found == ["宁东年产30万吨PVC项目"], found


def test_funds_put_into_named_works_are_their_investment() -> None:
    recs = extract_records("华瑞电子定增预案\n预案显示，其中10.5亿元用于在江西吉安井冈山经济技术开发区建设"
                           "“年产1200万片触摸屏模组项目”；4.2亿元投向位于深圳的“华瑞电子研发中心建设项目”；"
                           "剩余3.3亿元用于补充流动资金。", pub_date="2014-03-18")
    found = {r["name"]: [i["amount_cny"] for i in r["investment"]]
             for r in recs if r["kind"] == "project"}
    assert found == {"年产1200万片触摸屏模组项目": [1050000000],
                     "华瑞电子研发中心建设项目": [420000000]}, found
    assert [r for r in recs if r["kind"] == "claim"] == []  # working capital is no region's


def test_a_firms_project_named_by_its_place_is_the_one_built_there() -> None:
    recs = extract_records("面板线密集落地\n　　上月华光显示科技有限公司（下称华光显示）8.5代液晶面板生产线"
                           "在广州开发区开工。业内人士说，其中华光显示广州项目总投资约300亿元。",
                           pub_date="2013-09-26")
    found = [(r["aliases"], [i["amount_cny"] for i in r["investment"]])
             for r in recs if r["kind"] == "project"]
    assert found == [(["华光显示广州项目"], [30000000000])], found


def test_ancillary_works_and_a_kilns_firing() -> None:
    found = _events("水泥新线密集点火\n　　某建材公司计划投资8.5亿元在遵义县建设日产6000吨熟料生产线及配套骨料项目。"
                    "安顺市平坝县日产5000吨熟料水泥生产线于10月18日点火。", pub="2012-11-20")
    assert set(found) == {"日产6000吨熟料生产线及配套骨料项目", "安顺市平坝县日产5000吨熟料水泥生产线"}, found
    assert found["安顺市平坝县日产5000吨熟料水泥生产线"] == [("production", "2012-10-18")], found


def test_a_firms_line_named_with_its_city_is_the_line_placed_there() -> None:
    recs = extract_records("面板\n上月，京东方10.5代TFT-LCD生产线在合肥点亮，投资400亿元的京东方合肥10.5代线"
                           "满产尚需一年。", pub_date="2011-07-01")
    found = [(r["name"], r["aliases"], [i["amount_cny"] for i in r["investment"]])
             for r in recs if r["kind"] == "project"]
    assert found == [("京东方10.5代TFT-LCD生产线", ["京东方合肥10.5代线"], [40000000000])], found


def test_a_name_in_a_filings_title_is_the_works_the_sentence_goes_on_to_name() -> None:
    found = _names("某化工公告\n　　公司董事会审议通过了《关于投资建设年产20万吨聚氯乙烯项目的议案》，拟由子公司"
                   "在宁夏宁东投资建设年产20万吨PVC及配套烧碱项目，项目总投资约18亿元。", pub="2011-05-10")
    assert found == ["年产20万吨PVC及配套烧碱项目"], found


def test_a_headlines_short_name_gives_way_to_the_full_one() -> None:
    found = _names("长兴10万吨铝材项目开工\n　　长兴县年产10万吨新型铝材项目今日开工，总投资5亿元。",
                   pub="2019-05-10")
    assert found == ["长兴县年产10万吨新型铝材项目"], found


def test_a_units_size_is_no_project_and_a_grid_category_no_event() -> None:
    found = _events("风电\n　　四子王旗某风电项目今天全容量并网。该项目是自治区2021年保障性并网新能源项目之一，"
                    "共安装单机容量6.25兆瓦风电机组80台。", pub="2022-08-16")
    assert list(found) == ["四子王旗某风电项目"], found
    assert found["四子王旗某风电项目"] == [("production", "2022-08-16")], found


def test_same_year_and_next_year_count_from_the_date_told_before() -> None:
    found = _events("风电\n　　四子王旗某风电项目于2021年3月获得核准，同年5月开工建设，次年6月全容量并网。",
                    pub="2022-08-16")
    assert found["四子王旗某风电项目"] == [
        ("approved", "2021-03"), ("started", "2021-05"), ("production", "2022-06")], found
    from touzi.extract.mentions import find_mentions
    assert [m.text for m in find_mentions("当年的老厂房焕然一新，他相当年轻。", "2022-08-16")] == []


def test_a_firm_whose_trade_is_investment_or_building_keeps_its_name() -> None:
    found = _companies("标题\n　　贵州某希煤化工投资有限责任公司年产30万吨乙二醇项目全年完成投资28亿元。"
                       "由浙江省交通投资集团有限公司投资建设的杭绍台高速公路开工。", pub="2016-01-20")
    assert found == {"贵州某希煤化工投资有限责任公司年产30万吨乙二醇项目": "贵州某希煤化工投资有限责任公司",
                     "杭绍台高速公路": "浙江省交通投资集团有限公司"}, found


def _investments(text: str, pub: str) -> dict[str, list[int | None]]:
    return {r["name"]: [i["amount_cny"] for i in r["investment"]]
            for r in extract_records(text, pub_date=pub) if r["kind"] == "project"}


def test_what_an_airport_is_meant_to_be_is_no_project_and_a_line_points_back() -> None:
    found = _investments("国家批复两项工程\n本台消息。近日批复湖北鄂州民用机场工程可行性研究报告。\n"
                         "机场定位为专业性货运枢纽机场，工程总投资三百二十亿元。\n"
                         "同时还批复了新建合肥至安庆铁路可行性研究报告。线路全长一百六十二公里，"
                         "总投资三百零五亿元。", "2018-02-26")
    assert found == {"湖北鄂州民用机场工程": [32000000000],
                     "合肥至安庆铁路": [30500000000]}, found


def test_a_headlines_short_name_joins_the_works_the_text_names_in_full() -> None:
    # a made-up TV item of tests/gold/synthetic (synthF/06): headline 库布其沙漠光伏基地…
    path = Path(__file__).resolve().parents[1] / "gold" / "synthetic" / "corpus" / "synthF" / "06.txt"
    text = path.read_text(encoding="utf-8")
    recs = extract_records(text, pub_date="2023-12-21", title=text.split("\n")[0])
    found = {r["name"]: (r["aliases"], [i["amount_cny"] for i in r["investment"]])
             for r in recs if r["kind"] == "project" and "库布其" in r["name"]}
    assert found == {"库布其沙漠二百万千瓦光伏治沙项目": (["库布其沙漠光伏基地"], [8500000000])}, found
    # the headline's second clause tells what the desert becomes, no project
    assert [r["name"] for r in recs if r["kind"] == "project"] == ["库布其沙漠二百万千瓦光伏治沙项目"]


def test_a_speakers_label_opens_no_firm_and_a_facility_word_is_no_short_form() -> None:
    recs = extract_records("贵阳机场扩建\n本台消息。贵阳龙洞堡国际机场二期扩建工程今天开工。\n"
                           "（同期声）贵州省机场集团有限公司 负责人：机场二期扩建工程后年建成。",
                           pub_date="2013-12-28")
    companies = {r["company"] for r in recs if r["kind"] == "project"}
    assert not any(c and ("同期声" in c or c == "机场") for c in companies), companies
    from touzi.extract.companies import find_companies
    found = [c.name for c in find_companies("（同期声）贵州省机场集团有限公司负责人说，机场扩建明年完工。")]
    assert found == ["贵州省机场集团"], found


def test_a_days_batch_reaches_the_regions_shares_told_after_it() -> None:
    text = ("多地项目集中开工\n今天，浙江、安徽等地举行重大项目集中开工活动，一批项目同步开工。\n"
            "浙江今天集中开工项目一百个，总投资一千亿元。在嘉兴，某某光电产业园二期项目总投资八十亿元。\n"
            "（同期声）某企业负责人：我们今天正式开工。\n"
            "安徽集中开工项目八十个。其中，芜湖市年产十万吨正极材料项目总投资六十亿元。\n")
    found = _events(text, pub="2020-05-06")
    assert found.get("芜湖市年产十万吨正极材料项目") == [("started", "2020-05-06")], found


def test_what_a_plant_does_to_its_product_ends_a_name() -> None:
    found = _names("标题\n在南京江北新区，华芯电子12英寸晶圆制造项目今天开工，某市动力电池回收项目同日签约。",
                   pub="2020-05-06")
    assert "华芯电子12英寸晶圆制造项目" in found, found


def test_throughput_and_monthly_output_are_capacities() -> None:
    from touzi.extract.mentions import find_mentions

    found = {m.text: (m.kind, m.per, m.product) for m in find_mentions(
        "机场建成后可满足年旅客吞吐量一千五百万人次的需要；晶圆厂达产后月产晶圆三万片；"
        "景区年接待游客200万人次。", "2013-12-28")}
    assert found == {"一千五百万人次": ("capacity", "year", None),
                     "三万片": ("capacity", "month", "晶圆"),
                     "200万人次": ("count", None, None)}, found


def test_the_days_of_a_visit_date_what_the_paragraph_tells_as_done() -> None:
    text = ("乙市赴深圳招商 5个项目签约\n2017年05月20日 08:35　来源：乙市新闻网\n"
            "　　5月16日至19日，乙市代表团赴深圳开展招商活动，并举办投资环境推介会。推介会上，"
            "长兴县年产5万吨新型铝材项目等5个项目现场签约。\n")
    found = _events(text, pub="2017-05-20")
    assert found["长兴县年产5万吨新型铝材项目"] == [("signed", "2017-05-16/2017-05-19")], found


def test_one_project_described_after_a_count_of_one() -> None:
    found = _investments("标题\n在宁夏宁东能源化工基地，一个年产400万吨的煤制油项目上个月全面开工，"
                         "这个项目总投资550亿元。", "2013-12-28")
    assert found == {"年产400万吨的煤制油项目": [55000000000]}, found


def test_a_clause_opening_with_the_firm_speaks_of_the_firm_before() -> None:
    found = _companies("标题\n苏州某尔器械有限公司做口腔设备多年。为扩大产能，公司计划首期出资5000万元，"
                       "新建口腔器械研制和组装基地。", pub="2011-03-25")
    assert found == {"口腔器械研制和组装基地": "苏州某尔器械有限公司"}, found


def test_the_projects_a_firm_signs_listed_after_it_are_all_its_own() -> None:
    found = _companies("标题\n上月，乙市在京与某钢集团有限公司签约两个项目，分别为临港精品钢基地项目和"
                       "海湾文旅综合体项目。", pub="2011-01-10")
    assert found == {"临港精品钢基地项目": "某钢集团有限公司", "海湾文旅综合体项目": "某钢集团有限公司"}, found


def test_national_works_as_a_whole_have_no_one_region() -> None:
    found = _regions("标题\n广州市今天召开会议，西气东输二线工程广州段开工，西气东输二线工程全线贯通后年输气300亿立方米。"
                     "南水北调中线一期工程在河南境内通水。", pub="2012-12-30")
    assert found.get("西气东输二线工程") is None and found.get("南水北调中线一期工程") is None, found


def test_a_place_opening_with_a_conjunctions_character_keeps_it() -> None:
    found = _regions("标题\n今年，新疆将建设哈密光伏发电项目、和田光伏发电项目。", pub="2011-05-10")
    assert found == {"哈密光伏发电项目": "652200", "和田光伏发电项目": "653200"}, found


def test_the_one_deeper_place_a_names_sentence_gives_refines_its_region() -> None:
    found = _regions("标题\n6月16日，湖州市年产5万吨新型铝材项目在长兴县经济开发区举行开工仪式。",
                     pub="2011-06-17")
    assert found == {"湖州市年产5万吨新型铝材项目": "330522"}, found
    # two counties in the sentence: no one deeper place, the city stays
    both = _regions("标题\n湖州市年产5万吨新型铝材项目分设长兴县和德清县两个厂区，今天开工。",
                    pub="2011-06-17")
    assert both == {"湖州市年产5万吨新型铝材项目": "330500"}, both
