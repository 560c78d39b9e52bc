"""Rules added with extractor 0.4.0, each on sentences written for the test (made-up firms,
places and figures)."""

from __future__ import annotations

from touzi.extract.records import extract_records


def _projects(text: str, pub: str = "2021-09-20") -> list[dict]:
    return [r for r in extract_records(text, pub_date=pub) if r["kind"] == "project"]


def _claims(text: str, pub: str = "2021-09-20") -> list[dict]:
    return [r for r in extract_records(text, pub_date=pub) if r["kind"] == "claim"]


def test_a_panel_line_named_with_and_without_its_site_is_one_project() -> None:
    text = ("9月上旬，华辰光显第6代AMOLED柔性生产线在合肥点亮投产。总投资465亿元的华辰光显"
            "合肥6代线是该公司首条柔性产线，设计产能为每月4.8万片基板。")
    found = _projects(text)
    assert len(found) == 1, [p["name"] for p in found]
    line = found[0]
    assert "华辰光显" in line["name"] and "6代" in line["name"]
    assert [i["amount_cny"] for i in line["investment"]] == [46_500_000_000]
    assert [c["quantity"] for c in line["capacity"]] == [48_000]
    assert [(e["type"], e["date"]) for e in line["events"]] == [("production", "2021-09")]


def test_the_site_of_a_panel_line_told_only_in_the_long_name_still_joins() -> None:
    text = ("星瀚集团旗下苏州星瀚光电10.5代显示面板项目于5月18日投产。星瀚光电10.5代线总投资"
            "额310亿元，设计产能为每月9万张。")
    found = _projects(text)
    assert len(found) == 1, [p["name"] for p in found]
    assert [i["amount_cny"] for i in found[0]["investment"]] == [31_000_000_000]


def test_one_owners_lines_at_two_sites_stay_two() -> None:
    text = ("华辰光显合肥6代线于3月投产，总投资465亿元；华辰光显成都6代线于6月开工，"
            "总投资480亿元。")
    found = _projects(text)
    assert len(found) == 2, [p["name"] for p in found]
    assert sorted(i["amount_cny"] for p in found for i in p["investment"]) == [
        46_500_000_000, 48_000_000_000]


def test_what_counted_firms_buy_is_no_investment_claim() -> None:
    text = ("今年上半年，全省6家主要家电企业向海外采购压缩机芯片约900万颗，"
            "金额达9亿美元。")
    assert _claims(text) == []
    # the same firms' investment is a claim
    kept = _claims("今年上半年，全省6家主要家电企业完成技改投资9亿元。")
    assert [c["value"] for c in kept] == [900_000_000]


def test_capacity_with_its_period_before_the_figure() -> None:
    from touzi.extract.mentions import find_mentions

    found = {m.text: (m.kind, m.per) for m in find_mentions(
        "新线设计产能为每月6万片基板，二期产能每年12万吨，污水厂处理能力为每天800吨。", None)}
    assert found == {"6万片": ("capacity", "month"), "12万吨": ("capacity", "year"),
                     "800吨": ("capacity", "day")}


def _names(text: str, pub: str = "2024-05-10") -> list[str]:
    return sorted(p["name"] for p in _projects(text, pub))


def _counts(text: str, pub: str = "2021-05-10") -> list[float]:
    return sorted(c["count"] for c in _claims(text, pub) if c["indicator"] == "project_count")


def test_counts_of_projects_with_no_amount() -> None:
    # 已达 before the count, a count of works in 处, the event word 完工, a how-word and 的
    # between the count and its projects, kinds listed before 项目, 吸引 as the event
    assert _counts("今年以来，皖南对接签约民营企业产业项目已达近900项。") == [900]
    assert _counts("汾河下游防洪126处工程全部主体完工。") == [126]
    assert _counts("前不久，丽水17个集中开工的重大项目中，先进制造类占比近六成。") == [17]
    assert _counts("优越的条件吸引了星岳、远航等60个云计算、大数据项目落户这座城市。") == [60]
    assert _counts("去年开工的12处新建大型灌区，目前正加快推进。") == [12]
    # a count of people or of firms stays no count of projects
    assert _counts("今年以来，全市共引进各类人才1200名，新增企业300家。") == []


def test_a_size_told_before_a_proper_name_is_not_part_of_it() -> None:
    assert _names("今天，总装机容量30万千瓦的青石岭光伏电站全容量并网发电。") == ["青石岭光伏电站"]
    # an output figure with 的 before a generic core stays in the name
    assert _names("年产30万吨的乙醇项目今天投产。") == ["年产30万吨的乙醇项目"]


def test_a_firms_first_plant_is_a_project() -> None:
    found = _projects("北海市政府和星岳汽车公司签署合作备忘录，星岳汽车首个海外整车工厂将落户北海。",
                      "2019-01-10")
    assert [(p["name"], p["company"]) for p in found] == [("星岳汽车首个海外整车工厂", "星岳汽车")]
    assert _names("首个千万吨级炼化基地今天投产。") == []


def test_parts_listed_after_a_works_name_are_not_projects() -> None:
    import touzi.extract.records as stages

    analysis = stages.new_analysis("在某县，青松水库工程围堰、导流洞等工程目前都在施工。",
                                   pub_date="2024-05-10")
    for name, func in stages.STAGES[:4]:
        stages.run_stage(analysis, name, func)
    assert [(m.name, m.kind) for m in analysis.project_mentions] == [("青松水库工程", "name")]
    found = _projects("在某省，青松水库工程主坝、泄洪洞等工程正在同时施工，该工程计划投资20亿元。")
    assert [(p["name"], [i["amount_cny"] for i in p["investment"]]) for p in found] == [
        ("青松水库工程", [2_000_000_000])]


def test_two_character_items_no_list_knows_are_kinds_not_firms() -> None:
    assert _names("某省正把风电用于制取绿氢、绿氨、绿醇等新能源工程。") == []
    # beside known firms an unknown short name is still a firm's project
    assert _names("华为、腾讯、星岳等企业项目落户。") == sorted(["星岳", "华为", "腾讯"])


def test_a_lines_abbreviation_in_the_same_sentence_is_the_same_line() -> None:
    assert _names("陕西榆林至延安铁路全线本周开始铺轨，榆延铁路经过多个老区县。",
                  "2022-04-21") == ["陕西榆林至延安铁路"]


def test_one_of_a_batch_named_after_it_is_a_project() -> None:
    assert _names("在湖南长沙，150项重大水利工程之一的青山水库正在加快建设。") == ["青山水库"]


def test_a_list_closed_by_a_count_of_its_own_kind_of_works() -> None:
    text = "在浙江，东湖闸、西塘泵闸等8座水闸建设加快推进。"
    assert "西塘泵闸" in _names(text)
    assert all(p["company"] is None for p in _projects(text))
    assert _counts(text, "2024-05-10") == [8]


def test_a_demonstration_project_is_named_by_its_words() -> None:
    assert _names("吉林白城生物质制氢一体化示范项目一期上月建成投产。", "2025-01-10") == [
        "吉林白城生物质制氢一体化示范项目"]
    assert _names("这是国家级示范项目。", "2025-01-10") == []


def test_a_name_a_descriptor_introduces_is_proper() -> None:
    # dictionary words only (青龙, 洋; 通道 read as a verb), yet named after 工程——
    assert _names("新年伊始，某湾区超级工程——青龙洋通道项目建设紧锣密鼓。", "2025-01-10") == [
        "青龙洋通道项目"]
    assert _names("西南出海大通道骨干工程——青平运河，上万名建设者正在日夜施工。",
                  "2025-01-10") == ["青平运河"]
    assert _names("京杭大运河是一条古老的运河。", "2025-01-10") == []


def test_a_railway_bridge_does_not_name_a_railway() -> None:
    # the bridge is a part of the line named before (no project); 铁路 only tells its kind
    assert _names("在黑龙江，某高铁控制性工程——松岭河铁路特大桥架梁完成。", "2025-01-10") == []


def _regions(text: str, pub: str = "2024-05-10") -> dict[str, str | None]:
    return {p["name"]: p["region"]["adcode"] for p in _projects(text, pub)}


def test_the_place_a_sentence_sets_a_work_in_beats_a_like_named_place_in_its_name() -> None:
    # 苏州 and 梅江 (a district of 梅州) are written in the names; the works are elsewhere
    assert _regions("在上海，苏州河口泵闸工程今年汛期前建成。") == {"苏州河口泵闸工程": "310000"}
    assert _regions("位于江西赣县的重点水利工程——梅江灌区二期工程今天开工。") == {
        "梅江灌区二期工程": "360704"}
    # no locative: the place in the name stays
    assert _regions("公司在建设的苏州河口泵闸工程今年建成。") == {"苏州河口泵闸工程": "320500"}


def test_a_tour_of_provinces_sets_no_unplaced_work_in_its_focus() -> None:
    text = ("各地重点工程加快推进。青山运河二期工程建设正酣，两万名建设者日夜奋战。\n"
            "在贵州，黔北峡谷大桥正在吊装，贵州各地交通项目加紧施工。"
            "在四川，川南灌区工程通过验收。在广东，粤西港区码头工程开工。在湖北，江汉泵站工程完工。")
    found = _regions(text)
    assert found.get("青山运河二期工程", "missing") is None, found
    assert found["川南灌区工程"] == "510000"


def test_programmes_named_gongcheng_are_not_works() -> None:
    text = ("今年要深入实施“五优惠民”工程、基层医疗强基工程和文旅融合提升工程，"
            "开工建设青峰水库工程。")
    assert _names(text, "2025") == ["青峰水库工程"]
    assert _names("湖南湘东水资源配置工程今年开工。", "2025") == ["湖南湘东水资源配置工程"]


def test_a_national_designation_is_no_demonstration_project() -> None:
    assert _names("本市两个项目入选国家营商环境提质增效示范项目。", "2025") == []
    assert _names("西坡荒漠综合治理列入国家示范项目。", "2025") == []


def test_a_regions_gdp_is_a_claim_the_nations_is_not() -> None:
    found = _claims("过去一年，贵州省地区生产总值8321亿元、增长5.2%。今年力争生产总值增长6%以上。",
                    "2025-02-01")
    assert [(c["indicator_text"], c["value"], c["growth_pct"], c["period"]) for c in found] == [
        ("地区生产总值", 832_100_000_000, 5.2, "2024"), ("生产总值", None, 6, "2025")]
    assert [c["region"]["adcode"] for c in found] == ["520000", "520000"]
    assert _claims("国家统计局今天发布，一季度全国国内生产总值同比增长5.3%。", "2025-04-16") == []


def test_clauses_are_no_names() -> None:
    # a pronoun opening the core, a modal before a verb inside it
    assert _names("民营资本参与以后，它会使项目的效率提高。", "2004-05-01") == []
    assert _names("政府要批准特许经营权项目。", "2004-05-01") == []


def test_works_on_a_site_and_an_output_before_a_proper_name() -> None:
    assert _names("加快临江机场改扩建，推进北塘港区改造。", "2025") == ["临江机场改扩建", "北塘港区改造"]
    assert _names("年产12亿方的靖边气田增产项目建成投产。", "2025") == ["靖边气田增产项目"]
    assert _names("年产30万吨的乙醇项目今天投产。", "2025") == ["年产30万吨的乙醇项目"]


def test_two_lines_joined_before_one_head() -> None:
    assert _names("加快平利至镇坪和岚皋至陕渝界高速公路建设。", "2025") == [
        "岚皋至陕渝界高速公路", "平利至镇坪"]
    assert _names("开工平利至镇坪和岚皋至陕渝界等高速项目。", "2025") == ["岚皋至陕渝界", "平利至镇坪"]


def test_short_names_sharing_one_head() -> None:
    found = _projects("甲乙、丙丁、戊己等3条高铁加快建设，庚辛、壬癸煤矿开工。", "2025")
    assert sorted((p["name"], p["company"]) for p in found) == [
        ("丙丁", None), ("壬癸煤矿", None), ("庚辛", None), ("戊己", None), ("甲乙", None)]
    # sectors and the lines a new one joins are no named lines
    assert _names("资金重点投向重大水利、中西部铁路等领域。", "2025") == []
    assert _names("新线连接京九线、浙赣线和沪昆高铁。", "2025") == []


def test_a_names_first_place_bounds_the_deeper_ones() -> None:
    # 嫩江 is also a city of Heilongjiang; the name opens with 吉林省
    assert _regions("吉林省嫩江干流补充治理工程今年开工。", "2024") == {
        "吉林省嫩江干流补充治理工程": "220000"}


def test_a_firms_short_name_is_no_place() -> None:
    # 龙湖 is the firm (龙湖集团), not 汕头's 龙湖区
    assert _regions("龙湖集团在南京开发的南京龙湖春江紫宸项目出现质量问题。龙湖的观宸项目也被投诉。",
                    "2019-05-01") == {"南京龙湖春江紫宸项目": "320100", "观宸项目": "320100"}


def test_a_provinces_own_report_places_its_unplaced_works_at_home() -> None:
    sections = "".join(
        f"（{n}）陕西各市推进第{n}批重点工作。西安、宝鸡、咸阳、榆林、延安、汉中各项任务稳步推进。\n"
        for n in "一二三四五")
    filler = "我们坚持稳中求进，统筹发展和安全，持续改善民生福祉，各项事业取得新进展。" * 8
    text = ("2031年陕西省政府工作报告\n一、2030年工作回顾\n过去一年，全省经济稳中有进。\n" + sections
            + filler + "\n推动宜黄区块增储上产。青松甲醇项目建成投产。\n")
    found = _regions(text, "2031")
    # 宜黄 is a county of Jiangxi (here an oil block's name): no place for the plant
    assert found["青松甲醇项目"] == "610000", found


def _companies(text: str, pub: str = "2025") -> dict[str, str | None]:
    return {p["name"]: p["company"] for p in _projects(text, pub)}


def test_companies_of_list_items() -> None:
    # a listed firm's marker, a firm named by its trade, works that are no firms
    assert _companies("星电股份白城一期、东海电气绿色甲醇等项目如期竣工。") == {
        "星电股份白城一期": "星电股份", "东海电气绿色甲醇": "东海电气"}
    assert _companies("推进西岭风电、北坡光伏风电配套、青川文学馆等项目。") == {
        "西岭风电": None, "北坡光伏风电配套": None, "青川文学馆": None}
    # firms' short names stay the firms of their projects
    assert _companies("今年上力、国千、铁流等5个项目陆续开工。") == {
        "上力": "上力", "国千": "国千", "铁流": "铁流"}


def test_a_growth_with_its_own_indicator_is_not_the_amounts() -> None:
    found = _claims("过去一年，全省386个制造业重大项目完成投资1520亿元，制造业投资增长4.1%。", "2025-02-01")
    by = {(c["indicator"], c["value"]): c["growth_pct"] for c in found}
    assert by[("project_investment", 152_000_000_000)] is None
    assert by[("manufacturing_investment", None)] == 4.1


def test_listed_indicators_share_their_growths_in_order() -> None:
    found = _claims("过去一年，全省化工、建材行业增加值分别增长6.4%、3.9%，"
                    "其中民间投资、技改投资分别增长2.2%、15.5%。", "2025-02-01")
    assert sorted((c["indicator"], c["indicator_text"], c["growth_pct"]) for c in found) == [
        ("industrial_investment", None, 15.5), ("other", "化工行业增加值", 6.4),
        ("other", "建材行业增加值", 3.9), ("other", "民间投资", 2.2)]


def test_counts_of_programmes_are_no_counts_of_projects() -> None:
    assert _counts("深入实施三个“一号工程”，12项民生工程全面完成。", "2025-02-01") == []
    assert _counts("去年，全省128个“两重”项目全部开工建设。", "2025-02-01") == [128]


def test_museums_and_inland_ports_being_built_are_works() -> None:
    assert _names("青川县长城博物馆建成投用，支持白河国际陆港建设。", "2025") == [
        "白河国际陆港", "青川县长城博物馆"]
    assert _names("我们参观了省博物馆。", "2025") == []


def test_government_and_many_places_are_generic() -> None:
    assert _names("这类特许经营多为政府项目，某公司今却在多地项目上亏损。", "2004") == []
    assert _names("青川抽水蓄能电站今年开工建设。", "2025") == ["青川抽水蓄能电站"]


def test_streets_listed_where_they_are_built() -> None:
    assert _names("今年新开工的青石路、白沙南路、北站路、松荫路正在加紧建设。", "2011-04-10") == sorted(
        ["青石路", "白沙南路", "北站路", "松荫路"])
    assert _names("公司位于青石路、白沙南路、北站路交叉口，今年扩建厂房。", "2011-04-10") == []
    assert _names("今年要新修一批园区路、旅游路、便民路。", "2025") == []


def test_one_kind_of_works_built_in_each_listed_place() -> None:
    found = _projects("星岳能源集团今年将在甘肃酒泉、张掖、武威三地分别建设风电项目，"
                      "投资分别是4.1亿元、3.6亿元和2.8亿元。", "2012-03-01")
    assert sorted((p["name"], p["company"], p["region"]["adcode"],
                   tuple(i["amount_cny"] for i in p["investment"])) for p in found) == [
        ("张掖风电项目", "星岳能源集团", "620700", (360_000_000,)),
        ("武威风电项目", "星岳能源集团", "620600", (280_000_000,)),
        ("酒泉风电项目", "星岳能源集团", "620900", (410_000_000,))]


def test_an_event_opening_a_list_is_every_items() -> None:
    found = _projects("今年新开工的青石路、白沙南路、北站路、松荫路正在加紧建设。", "2011-04-10")
    assert {p["name"]: [(e["type"], e["date"]) for e in p["events"]] for p in found} == {
        n: [("started", "2011")] for n in ("青石路", "白沙南路", "北站路", "松荫路")}
    # one name after 的 keeps the event to itself
    found = _projects("今年4月获批的青峰水库工程和白沙港区扩建工程进展顺利。", "2011-06-10")
    assert {p["name"]: [e["type"] for e in p["events"]] for p in found} == {
        "青峰水库工程": ["approved"], "白沙港区扩建工程": []}


def test_a_firms_own_report_gives_its_projects_their_firm() -> None:
    text = ("星岳光电拟募资8亿元扩大光纤产能\n"
            "星岳光电今日公布增发预案，募资投向光棒扩建等3个项目。"
            "首先是年产200吨光棒扩建项目。其次是年产900公里海底光缆项目，建设期2年。"
            "星岳光电表示，项目达产后将提升竞争力。")
    found = _companies(text, "2011-05-01")
    assert found["年产900公里海底光缆项目"] == "星岳光电", found
    # two firms named twice: no sole firm
    text2 = text + "另据报道，远航电缆股份有限公司去年也扩产，远航电缆股份有限公司的新厂已投产。"
    assert _companies(text2, "2011-05-01")["年产900公里海底光缆项目"] is None


def test_metro_line_extensions_and_phased_works() -> None:
    assert _names("建成轨道交通9号线南延伸、21号线一期西段，加快白沙港区改造二期建设。", "2025") == sorted(
        ["轨道交通9号线南延伸", "21号线一期西段", "白沙港区改造二期"])


def test_lines_listed_where_rail_is_spoken_of() -> None:
    assert _names("全市轨道交通建设提速。加快建设青浦线、松闵线、9号线东延伸。", "2025") == sorted(
        ["青浦线", "松闵线", "9号线东延伸"])
    assert _names("扩能改造青哈线、集宁线等铁路。", "2025") == sorted(["青哈线", "集宁线"])
    assert _names("坚守生态红线、耕地红线，推进铁路建设。", "2025") == []
    assert _names("新厂产品主要为数据信号线、射频连接线。", "2025") == []


def test_bodies_designations_and_slogans_are_no_works() -> None:
    text = ("建设星海国际人才服务中心和星海再保险登记交易中心，争创星海国家物流枢纽，"
            "实现市市通高铁、县县通高速。推进星海乡村综合服务中心建设。")
    assert _names(text, "2025") == ["星海乡村综合服务中心"]


def test_projects_a_region_takes_over_are_counted() -> None:
    assert _counts("去年，辽南地区承接长三角项目118个。", "2025-01-20") == [118]
