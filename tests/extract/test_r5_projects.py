"""Project names on patterns found by reviewing predicted names over the unannotated corpus
(round 5): connectives and policy verbs at a name's left edge, vehicles and distances read as
projects, landmarks that only place something else, groups of lines, descriptors in
apposition. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from touzi.extract.records import extract_records


def names(text: str, pub: str = "2015-06-15") -> set[str]:
    return {r["name"] for r in extract_records(text, pub_date=pub) if r["kind"] == "project"}


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        # a connective opening the clause is not part of the name
        ("这类装置都要经过审批，但宏远、金岭等有的项目已经开工。", "但宏远"),
        ("不过华光集团8.5代线要到年底才能量产。", "不过华光集团8.5代线"),
        # policy verbs of work reports: 做好…前期工作, 积极配合做好…
        ("做好青河航道、白石水库等项目前期工作。", "做好青河航道"),
        ("积极配合做好东线引水、黑岭水利枢纽等重大工程前期工作。", "积极配合做好东线引水"),
        # a conjunction after a quoted name does not open the next name
        ("全面实施“阳光示范工程”和“1234”光伏应用工程建设。", "和“1234”光伏应用工程"),
    ],
)
def test_left_edge_words(text: str, bad: str) -> None:
    found = names(text)
    assert bad not in found
    assert not any(n.startswith(("但", "不过", "做好", "积极", "和")) for n in found)


def test_left_edge_keeps_the_name() -> None:
    assert "华光集团8.5代线" in names("不过华光集团8.5代线要到年底才能量产。")
    assert "青河航道" in names("做好青河航道、白石水库等项目前期工作。")


@pytest.mark.parametrize(
    "text",
    [
        # a vehicle someone rides is not a project
        "国庆长假，刚通车的沿湖城际人气很旺，坐着城际绕湖观光成了热门。",
        # the distances of a race are events of a contest, also called 项目
        "经过200米、400米、1000米直道赛三个项目的较量，蓝鲸队拿下头名。",
        # a programme pursued by a region is no undertaking
        "西北某省利用当地的风能，大力发展新能源项目，形成完整产业链。",
    ],
)
def test_not_projects(text: str) -> None:
    assert names(text) == set()


def test_landmarks_that_place_something_else() -> None:
    text = ("2005年开工建设的北线调水工程，从两省交界处的青山水库引水，沿京九铁路西侧北上，"
            "工程总投资200亿元。")
    found = names(text)
    assert "北线调水工程" in found
    assert not any("水库" in n or "铁路" in n for n in found)


def test_town_centre_is_a_place() -> None:
    found = names("眼下，在湖南常德老城中心，雨污分流管网正在施工，总投资2亿元。")
    assert not any(n.endswith("老城中心") for n in found)


def test_count_of_panel_lines_is_a_group() -> None:
    found = names("中国大陆两条8.5代线按期投产，总投资500亿元。")
    assert not any("两条" in n for n in found)


def test_one_panel_line_after_de_of_a_figure() -> None:
    found = names("总投资280亿元的华光北京8.5代线今天投产。")
    assert "华光北京8.5代线" in found
    assert not any(n.startswith("的") for n in found)


def test_descriptor_chained_before_an_apposition() -> None:
    found = names("珠江口交通的核心枢纽工程——南沙通道计划年内完工，总投资460亿元。")
    assert "核心枢纽" not in found
    assert "南沙通道" in found


def test_engineering_contracting_is_no_project() -> None:
    assert names("全年对外工程承包营业额3352亿美元，同比增长5%。") == set()


def test_quoted_back_to_back_link_is_whole() -> None:
    found = names("加快建设湘赣“背靠背”联网工程，总投资30亿元。")
    assert any(n.startswith("湘赣“背靠背”") for n in found)


def test_city_sub_centre_is_a_role() -> None:
    found = names("到2035年，以绿色为底色的现代化南京城市副中心基本建成，总投资900亿元。")
    assert not any(n.endswith("副中心") for n in found)


def test_workers_of_a_mine_are_people() -> None:
    found = names("当地开通复工专列，帮助300多名煤矿工人顺利返岗，重点项目稳步推进。")
    assert not any("煤矿" in n for n in found)


def test_event_verb_closing_a_list_item() -> None:
    found = names("某通道今年计划实现西江大桥合龙等项目完工。")
    assert "西江大桥" in found
    assert "西江大桥合龙" not in found


def test_verb_opening_a_list_item() -> None:
    found = names("今年将建设长岭南—武汉、河西—重庆等特高压直流工程。")
    assert not any(n.startswith("建设") for n in found)


def test_electrode_material_stays_in_the_name() -> None:
    found = names("某新材料园里，年产8万吨锰酸锂正极材料项目二期产线近日投产。")
    assert any(n.startswith("年产8万吨锰酸锂正极材料") for n in found)


@pytest.mark.parametrize(
    ("text", "good"),
    [
        # resultative and policy verbs of work reports: 做强, 建强, 运营好
        ("做强南方冷链物流基地，建设现代流通体系。", "南方冷链物流基地"),
        ("建强东湖算力枢纽，总投资20亿元。", "东湖算力枢纽"),
        ("运营好江城肿瘤医院，提升医疗服务水平。", "江城肿瘤医院"),
        # 如 introducing an example
        ("一些线路，如京广铁路，已开始盈利，总投资高。", "京广铁路"),
        # a report's clause before a panel line's owner
        ("国家发改委近日批准华光昆山8.5代线，项目总投资300亿元。", "华光昆山8.5代线"),
    ],
)
def test_clause_words_before_a_name(text: str, good: str) -> None:
    found = names(text)
    assert good in found
    assert not any(n != good and n.endswith(good) for n in found)


@pytest.mark.parametrize(
    "text",
    [
        # counts and lengths of works: batches, not one project
        "今年为144所县级中医医院配备康复设备，总投资3亿元。",
        "今年动工4件大型灌区、7件大中型水库和若干水利工程。",
        "实施180公里管道清淤，总投资2亿元。",
        # people, not works
        "第二批96名外籍工程技术人才完成职称评审，项目总投资高。",
        # a slogan's words listed inside one quotation
        "扶持小微企业“入规、上云、升级、挂牌”等工程，投资8亿元。",
        # programmes for people
        "实施顶尖人才、创新领军人才等项目，投入资金5亿元。",
        # a new round of a programme
        "实施新一轮农村公路建设，总投资50亿元。",
    ],
)
def test_counts_and_programmes(text: str) -> None:
    assert names(text) == set()


def test_list_opened_inside_a_quotation_keeps_its_items() -> None:
    found = names("“今年要开工建设青山至白水、红河至绿洲等4个高速公路项目。”他说。")
    assert "青山至白水" in found


def test_town_named_like_a_count_is_kept() -> None:
    found = names("八所港高排港区一期工程开工建设，总投资12亿元。")
    assert any(n.startswith("八所港") for n in found)


@pytest.mark.parametrize(
    ("text", "good"),
    [
        # a water diversion named by its river
        ("在山东北部引黄工程施工现场，工人们正在加紧施工。", "山东北部引黄工程"),
        # crossing works
        ("某输油管道——黄河盾构穿越工程眼下进展顺利。", "黄河盾构穿越工程"),
        # one project described by a figure (一个…的) is no batch
        ("在温州市瓯海区，一个年产值30亿元的智能装备产业园正抓紧建设。", "智能装备产业园"),
        # a relative clause dating the work singles out one undertaking
        ("而前年8月投产的生物医药产业园很快也要进行二期建设。", "生物医药产业园"),
    ],
)
def test_names_kept(text: str, good: str) -> None:
    assert good in names(text, "2019-03-01")


def test_hypothetical_line_is_no_project() -> None:
    found = names("如果新上一条年产60万吨的特种玻璃生产线，要花4亿元。")
    assert found == set()


def test_new_campus_is_the_works() -> None:
    found = names("扬州市文昌小学新校区今天开工建设，总投资1.2亿元。")
    assert any(n.endswith("小学新校区") for n in found)
    assert not any(n.endswith("小学") for n in found)


def test_mileage_put_into_operation_is_a_statistic() -> None:
    text = ("本年度全省铁路新投产里程有望突破900公里，其中，青山到白水高铁计划年内开工。")
    rec = {r["name"]: r for r in extract_records(text, pub_date="2015-04-02")
           if r["kind"] == "project"}
    events = rec["青山到白水高铁"]["events"]
    assert all("里程" not in e["text"] for e in events)
    assert [e["type"] for e in events] == ["planned"]


@pytest.mark.parametrize(
    ("text", "good", "bad"),
    [
        # event verbs of operation before a name (投运, 投用)
        ("年内投运青山水库，总投资5亿元。", "青山水库", "投运青山水库"),
        ("建成投用江南国际机场，总投资300亿元。", "江南国际机场", "投用江南国际机场"),
        # a verb of upgrading before its object: the object is the name
        ("提升陕南高端能源化工基地，总投资80亿元。", "陕南高端能源化工基地", "提升陕南高端能源化工基地"),
        # a list's enumerator is no part of a name
        ("（8）实施江北国际机场扩建工程，总投资80亿元。", "江北国际机场扩建工程", "（8）实施江北国际机场扩建工程"),
    ],
)
def test_verbs_before_objects(text: str, good: str, bad: str) -> None:
    found = names(text)
    assert good in found
    assert bad not in found


@pytest.mark.parametrize(
    "text",
    [
        "提质改造农村公路5000公里，总投资30亿元。",
        "（3）提升普通公路安全保障水平，总投资15亿元。",
        "要进一步拓宽职业教育成才通道。实施乡村振兴工程，投资5亿元。",
    ],
)
def test_tasks_on_classes_of_works(text: str) -> None:
    assert names(text) == set()


def test_panel_line_short_and_full_names_are_one_project() -> None:
    from touzi.extract.assemble import same_project

    assert same_project("华光昆山8.5代线", "华光光电(昆山)有限公司第8.5代TFT-LCD面板生产线项目")
    assert not same_project("华光北京8.5代线", "华光合肥8.5代生产线")
    text = ("华光昆山8.5代线获批。此外，发改委近日批准了华光光电(昆山)有限公司第8.5代"
            "TFT-LCD面板生产线项目，总投资300亿元。")
    found = [r for r in extract_records(text, pub_date="2011-09-01") if r["kind"] == "project"]
    assert len(found) == 1


@pytest.mark.parametrize(
    ("text", "good"),
    [
        ("提速白沙港一期等项目建设，总投资20亿元。", "白沙港一期"),
        ("实施好三河源国家公园建设，投资10亿元。", "三河源国家公园"),
    ],
)
def test_more_verbs_before_a_name(text: str, good: str) -> None:
    found = names(text)
    assert good in found
    assert not any(n != good and n.endswith(good) for n in found)


def test_selected_into_a_list_is_no_project() -> None:
    found = names("凤山古梯田入选世界灌溉工程遗产名录，当地投资5亿元。")
    assert not any("入选" in n for n in found)


def test_landforms_listed_are_places() -> None:
    found = names("推进阿里山脉、白水盆地等生态保护修复工程，总投资8亿元。")
    assert not any(n.endswith(("山脉", "盆地")) for n in found)


def test_line_between_unplaced_ends_borrows_no_region() -> None:
    text = ("长沙市今年铁路投资增长，其中，蒙东到华南煤运通道计划年内开工，总投资500亿元。")
    rec = {r["name"]: r for r in extract_records(text, pub_date="2015-04-02")
           if r["kind"] == "project"}
    assert rec["蒙东到华南煤运通道"]["region"]["adcode"] is None


def test_schools_of_every_level_are_no_school() -> None:
    assert names("推进大中小学思政课一体化建设，投资2亿元。") == set()


def test_two_metro_lines_coordinated() -> None:
    found = names("北京地铁9号线全线和5号线南段今年开通，总投资100亿元。")
    assert not any("和" in n for n in found)


def test_main_works_named_after_the_project_are_its_own() -> None:
    text = ("本报讯，北水南调一期工程主体工程今天全线完工。"
            "于2005年开工建设的北水南调一期工程，总投资200亿元。")
    rec = [r for r in extract_records(text, pub_date="2013-12-25") if r["kind"] == "project"]
    assert len(rec) == 1
    assert {"completed"} <= {e["type"] for e in rec[0]["events"]}


def events_of(text: str, name: str, pub: str) -> list[tuple[str, str | None]]:
    rec = {r["name"]: r for r in extract_records(text, pub_date=pub) if r["kind"] == "project"}
    return [(e["type"], e["date"]) for e in rec[name]["events"]]


def test_a_deadline_met_is_no_plan() -> None:
    text = "2015年年底前刚刚启用的洛阳机场二期工程，为内陆省份打造了航空货运基地。"
    assert ("production", "2015-12") in events_of(text, "洛阳机场二期工程", "2016-01-03")


def test_a_hospital_opening_to_patients() -> None:
    text = "今天，西山国际医院在北京全面开始接诊，总投资45亿元。"
    assert ("production", "2014-12-08") in events_of(text, "西山国际医院", "2014-12-08")


def test_a_ceremony_day_told_after_its_name() -> None:
    text = "本报讯，南方汽车高端基地竣工仪式27日在广州市南沙区举行，总投资60亿元。"
    assert ("completed", "2012-10-27") in events_of(text, "南方汽车高端基地", "2012-10-28")


@pytest.mark.parametrize(
    ("text", "good"),
    [
        ("推进德阳机场纳入全国民用运输机场规划，投资10亿元。", "德阳机场"),
        ("建设一批水库，含揭西龙潭水库，总投资20亿元。", "揭西龙潭水库"),
        ("实施“清水·安澜万家”供水工程，投资5亿元。", "“清水·安澜万家”供水工程"),
    ],
)
def test_edges_of_reports(text: str, good: str) -> None:
    found = names(text)
    assert good in found
    assert not any(n != good and good in n for n in found)


def test_two_works_joined_by_he_in_a_list() -> None:
    found = names("稳步推进现有机场改扩建和兰州至白银城际快速交通等重点工程。")
    assert "兰州至白银城际快速交通" in found
    assert not any("和" in n for n in found)


def test_school_places_are_no_school() -> None:
    assert names("新增普通高中学位2万个，投资10亿元。") == set()


def test_described_project_after_a_batch_sentence() -> None:
    text = ("春节后开工首日，某省一批重大项目开工、签约。"
            "在温州市瓯海区，一个年产值30亿元的智能装备产业园正抓紧建设。")
    assert "智能装备产业园" in names(text, "2023-01-31")


def test_a_station_being_built() -> None:
    assert "南宁东站" in names("眼下正在建设的南宁东站，计划后年9月建成启用。")
    assert names("旅客从南宁东站出发，前往各地。") == set()


def test_a_description_after_shi_is_the_named_project() -> None:
    text = ("南方汽车高端基地今天竣工，总投资60亿元。"
            "南方汽车高端基地是南汽集团中高端轿车和越野车生产基地。")
    found = names(text, "2012-10-27")
    assert "南方汽车高端基地" in found
    assert not any(n.startswith("南汽集团") for n in found)


def test_a_plan_does_not_take_the_date_of_an_event_before_it() -> None:
    text = "而去年9月投产的电子信息产业园很快也要进行二期建设，总投资15亿元。"
    evs = events_of(text, "电子信息产业园", "2019-02-12")
    assert ("production", "2018-09") in evs
    assert ("planned", "2018-09") not in evs


def test_a_hospital_named_in_apposition_opens() -> None:
    text = ("今天，省内规模最大的公益性医院——西山国际医院在北京正式开始接诊，"
            "结束了周边数十万居民缺少综合性三甲医院的历史。")
    found = names(text, "2014-12-08")
    assert "西山国际医院" in found
    assert not any("缺少" in n for n in found)


def test_a_number_word_glued_to_a_line_is_its_name() -> None:
    text = "预计年内通车的十天高速总里程约700公里，西抵甘肃。"
    rec = {r["name"]: r for r in extract_records(text, pub_date="2015-04-02")
           if r["kind"] == "project"}
    assert rec["十天高速"]["capacity"] == []  # a route's length is no capacity
    assert names("由于近两年技改投资已基本完成，企业近期没有技改意愿。") == set()
