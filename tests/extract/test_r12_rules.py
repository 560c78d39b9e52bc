"""Rules added with extractor 0.10.0, each from a pattern counted on several development pages
(the fourth and fifth collections of real pages, the first collection's development half):
tested on sentences written for the test (made-up works and firms, real place names)."""

from __future__ import annotations

from touzi.extract.records import extract_records
from touzi.extract.scanner import scan


def _records(text: str, pub: str = "2024-05-10") -> list[dict]:
    return extract_records(text, pub_date=pub)


def _regions(text: str, pub: str = "2024-05-10") -> dict[str, str | None]:
    return {r["name"]: r["region"]["adcode"] for r in _records(text, pub) if r["kind"] == "project"}


def test_a_wider_place_in_a_name_gives_way_to_the_focus_inside_it() -> None:
    text = ("滨海新区一季度新开工项目12个\n"
            "本报讯 今年一季度，滨海新区新开工项目12个，总投资80亿元。天津蓝鲸新材料产业园项目、"
            "北方星河数据中心项目等开工建设。\n滨海新区将继续做好项目服务。")
    found = _regions(text)
    assert found["天津蓝鲸新材料产业园项目"] == "120116", found
    # a story told from the city keeps a county written in the name
    city = _regions("天津市今年一季度新开工项目12个。滨海新区蓝鲸新材料产业园项目开工建设。天津市将继续做好服务。")
    assert city["滨海新区蓝鲸新材料产业园项目"] == "120116", city


def test_a_batch_named_by_a_province_word_in_its_examples_is_the_focus_districts() -> None:
    text = ("辽中区春季重点项目集中开工\n"
            "4月15日，沈阳市辽中区春季重点项目开工仪式举行。当天开工的辽宁松雪家居产业园、"
            "辽宁河湾商贸中心等18个重点项目，总投资21.5亿元。辽中区将全力做好项目服务。")
    claims = [r for r in _records(text) if r["kind"] == "claim" and r["value"] == 2150000000]
    assert [r["region"]["adcode"] for r in claims] == ["210115"], claims


def test_the_whole_province_as_a_frame_is_not_the_region_speaking() -> None:
    text = ("通辽市前三季度经济运行情况\n"
            "通辽市统计局发布，前三季度，全市固定资产投资完成312.6亿元，同比增长18.2%，高于全区6.5个百分点，"
            "位居全区第二。招商引资到位资金218亿元，完成率全区排名第一。")
    regions = {r["indicator"]: r["region"]["adcode"] for r in _records(text, "2023-10-20")
               if r["kind"] == "claim"}
    assert regions == {"fixed_asset_investment": "150500", "domestic_capital_attracted": "150500"}, regions
    joined = ("4月10日，宁德市参加全省重大项目集中开工活动的有宁德蓝湾新材料项目等20个项目，总投资180亿元。"
              "其中，产业项目14个，总投资150亿元。")
    found = [(r["value"], r["region"]["adcode"]) for r in _records(joined) if r["kind"] == "claim"]
    assert found == [(18000000000, "350900"), (15000000000, "350900")], found
    later = ("今年以来，赤峰市工业运行平稳。1-8月，赤峰市规上工业增加值同比增长9.1%，增速高于全国、"
             "全区(内蒙古自治区)2.3个和1.6个百分点。")
    assert [r["region"]["adcode"] for r in _records(later, "2023-09-20") if r["kind"] == "claim"] \
        == ["150400"]
    quarter = ("5月6日，漳州市参加第二季度全省重大项目集中开工活动的项目共25个，总投资160亿元。"
               "其中，社会民生项目6个，总投资20亿元。")
    assert [(r["value"], r["region"]["adcode"]) for r in _records(quarter) if r["kind"] == "claim"] \
        == [(16000000000, "350600"), (2000000000, "350600")]


def test_a_bare_county_name_of_another_province_in_a_name_is_a_brand_not_the_site() -> None:
    text = ("桂东县招商引资签约5个项目\n"
            "6月2日，桂东县举行招商引资项目签约仪式，晋江鞋业产业园项目、汝城米粉加工项目等5个项目"
            "现场签约，总投资12亿元。桂东县将为签约项目做好服务。")
    found = _regions(text)
    assert found["晋江鞋业产业园项目"] == "431027", found  # 晋江 (福建) names a trade, not the site
    assert found["汝城米粉加工项目"] == "431026", found  # a county of the story's own province


def test_members_of_a_list_introduced_by_an_amount_class_are_each_over_it() -> None:
    text = ("今年全县共实施重点项目42个，总投资60亿元。其中，投资亿元以上的项目有县城东环路改造工程、"
            "华兴食品冷链物流中心等12个项目。超10亿元的项目有2个，分别是青山光伏电站项目和红星机械产业园项目。"
            "总投资3亿元的蓝天新材料产业园项目同日开工。")
    found = {r["name"]: [(i["amount_cny"], i["qualifier"]) for i in r["investment"]]
             for r in _records(text) if r["kind"] == "project"}
    assert found == {
        "县城东环路改造工程": [(100000000, "over")], "华兴食品冷链物流中心": [(100000000, "over")],
        "青山光伏电站项目": [(1000000000, "over")], "红星机械产业园项目": [(1000000000, "over")],
        "蓝天新材料产业园项目": [(300000000, None)]}, found
    # a class counted without its members names nobody: no amount goes anywhere
    alone = _records("全市签约项目36个，其中超10亿元的项目有5个，青山光伏电站项目已开工。")
    assert [r["investment"] for r in alone if r["kind"] == "project"] == [[]]


def test_each_place_of_a_breakdown_by_place_claims_its_count() -> None:
    text = ("二季度全省新开工重大项目420个。分市州来看，新开工项目最多的三个市州分别为南充58个、"
            "绵阳47个、宜宾41个。")
    found = [(r["count"], r["region"]["adcode"], r["period"]) for r in _records(text, "2024-07-15")
             if r["kind"] == "claim"]
    assert found == [(420, "510000", "2024-Q2"), (58, "511300", "2024-Q2"),
                     (47, "510700", "2024-Q2"), (41, "511500", "2024-Q2")], found
    # the whole keeps the region speaking, not the first place of its breakdown
    whole = [(r["count"], r["region"]["adcode"]) for r in _records(
        "山东省商务厅通报，8月全省新签约项目31个，其中德州6个、临沂5个。", "2024-09-10") if r["kind"] == "claim"]
    assert whole == [(31, "370000"), (6, "371400"), (5, "371300")], whole


def test_projects_named_by_their_investors_home_province_are_built_where_the_story_is() -> None:
    text = ("武清区承接上海项目86个\n"
            "今年以来，武清区持续承接上海项目，已承接上海项目86个，协议投资额120亿元。一季度新开工上海项目9个，"
            "投资额32亿元。启动建设蓝鲸智能装备产业园、星河新材料研发中心等项目。武清区将做好项目服务。")
    found = _regions(text, "2024-04-20")
    assert found and set(found.values()) == {"120114"}, found
    claims = [r["region"]["adcode"] for r in _records(text, "2024-04-20") if r["kind"] == "claim"]
    assert claims and set(claims) == {"120114"}, claims


def test_a_count_right_after_what_happened_to_the_projects_is_a_project_count() -> None:
    text = ("上半年，全县32个重点项目完成投资41亿元，实现开工19项、竣工6项；"
            "全县建成3个标准化厂房示范园。")
    counts = sorted(r["count"] for r in _records(text, "2024-07-12")
                    if r["kind"] == "claim" and r["indicator"] == "project_count")
    assert counts == [6, 19], counts  # (3个…示范园 are parks built, not the projects' count)


def test_a_works_named_by_its_owner_and_phase_is_a_project() -> None:
    text = ("今年，全市推动蓝海化工二期、星河港一期建成投产；华源制药三期正在安装设备。"
            "项目一期已投产，二期正在建设。第二期技能培训班开班。")
    names = sorted(r["name"] for r in _records(text) if r["kind"] == "project")
    assert names == ["华源制药三期", "星河港一期", "蓝海化工二期"], names


def test_a_list_closed_by_its_total_and_kind_is_a_list_of_projects() -> None:
    text = "力争开工建设鸿运化工苯乙烯、金石尼龙切片等总投资300亿元以上的化工项目。"
    names = sorted(r["name"] for r in _records(text) if r["kind"] == "project")
    assert names == ["金石尼龙切片", "鸿运化工苯乙烯"], names


def test_an_amount_typeset_with_spaces_is_read_whole() -> None:
    found = [(m.kind, m.value, m.text) for m in scan("项目计划总投资 6 亿元，一期投资约 2 134.5 万元。", None)]
    assert found == [("money", 600000000, "6 亿元"), ("money", 21345000, "2 134.5 万元")], found
    (rec,) = [r for r in _records("蓝海公司在星城经开区投资建设新能源汽车配件生产基地项目。项目计划总投资 6 亿元，"
                                  "主要生产车用换热器。") if r["kind"] == "project"]
    assert [i["amount_cny"] for i in rec["investment"]] == [600000000], rec["investment"]


def test_the_projects_own_investor_building_somewhere_is_no_other_subject() -> None:
    found = _investment("星湖家居建材产业园项目是由宁波某集团在辽中区投资兴建，项目规划300亩，总投资8亿元。")
    assert found["星湖家居建材产业园项目"] == [800000000], found
    # a firm that is not the project's own keeps the figure off it
    other = _investment("星湖家居建材产业园项目建成后，企业在辽中区投资将达8亿元。")
    assert other.get("星湖家居建材产业园项目", []) == [], other


def _investment(text: str, pub: str = "2024-05-10") -> dict[str, list[int | None]]:
    return {r["name"]: [i["amount_cny"] for i in r["investment"]]
            for r in _records(text, pub) if r["kind"] == "project"}


def test_a_sentence_opening_with_the_projects_role_continues_it() -> None:
    text = ("当天，南湖智慧物流园项目开工。作为开发区今年首个开工的重点项目，计划总投资3.6亿元，"
            "将建设仓储和分拣中心。")
    assert _investment(text)["南湖智慧物流园项目"] == [360000000]
    assert not [r for r in _records(text) if r["kind"] == "claim"]


def test_named_projects_before_fenbie_take_one_amount_each() -> None:
    text = ("新建项目中，城东大道二期工程、河西污水处理厂扩建等项目进展较快。续建项目累计完成投资12.4亿元，其中，"
            "青峰热电联产项目、东湖商务广场项目分别完成投资4.2亿元、8.2亿元。")
    found = _investment(text, "2016-08-20")
    # (the whole's 12.4亿元 before 其中 is not the first name's)
    assert found["青峰热电联产项目"] == [420000000] and found["东湖商务广场项目"] == [820000000], found


def test_kilo_of_a_unit_outside_the_table_is_no_thousands() -> None:
    assert [m.text for m in scan("共用一座220千伏升压站，气压35千帕。", None)] == []
    (rec,) = [r for r in _records("青山风电项目总投资约3.2亿元，与一期共用一座220千伏升压站。")
              if r["kind"] == "project"]
    assert [i["amount_cny"] for i in rec["investment"]] == [320000000], rec["investment"]


def test_quanzhou_of_a_prefecture_is_the_prefecture_not_guangxis_county() -> None:
    text = "前三季度，黔南州固定资产投资完成620亿元。全州重大项目完成投资310亿元，同比增长8%。"
    regions = {r["region"]["adcode"] for r in _records(text, "2018-10-20") if r["kind"] == "claim"}
    assert regions == {"522700"}, regions
    assert _records("广西桂林市全州县新开工项目12个，总投资30亿元。")[0]["region"]["adcode"] == "450324"


def test_a_kind_of_projects_in_abbreviated_jargon_is_no_name() -> None:
    text = "全市推动绿氢产业项目、补链强链项目加快建设，桐城石墨产业项目开工。"
    names = [r["name"] for r in _records(text) if r["kind"] == "project"]
    assert names == ["桐城石墨产业项目"], names
    parks = [r["name"] for r in _records("总投资20亿元的浙赣合作产业园开工建设。") if r["kind"] == "project"]
    assert parks == ["浙赣合作产业园"], parks  # (two provinces' first characters: a park's name)


def test_a_citys_support_does_not_make_its_namesake_county_win() -> None:
    text = ("乌鲁木齐经开区（头屯河区）今春开工12个重点项目\n"
            "3月20日，头屯河区所在的乌鲁木齐经开区12个重点项目开工。当天，乌鲁木齐国际陆港区"
            "冷链物流中心项目开工，乌鲁木齐国际陆港区多式联运中心项目也同时开工。推动乌鲁木齐装备制造业发展。")
    from touzi.extract.regions import RegionResolver
    ctx = RegionResolver.default().article_context(text, pub_date="2020-03-21")
    codes = {m.region.adcode for m in ctx.mentions if m.text == "乌鲁木齐" and m.region is not None}
    assert codes == {"650100"}, codes


def test_woqu_in_an_autonomous_regions_story_is_the_region() -> None:
    text = ("2024年宁夏回族自治区政府工作报告\n"
            "过去一年，我区经济持续回升。加快建设现代煤化工基地，某某新材料一期项目建成投产，"
            "宁东某某储能电池项目开工建设。全区固定资产投资增长5%。")
    from touzi.extract.regions import RegionResolver
    ctx = RegionResolver.default().article_context(text, pub_date="2024-01-20")
    assert [(m.text, m.region.adcode) for m in ctx.mentions if m.text == "我区"] == [("我区", "640000")]
    # a district's story keeps 我区 its own
    district = RegionResolver.default().article_context(
        "银川市兴庆区今年新开工项目20个。我区将做好服务。", pub_date="2024-01-20")
    assert [m.region.adcode for m in district.mentions if m.text == "我区"] == ["640104"]
