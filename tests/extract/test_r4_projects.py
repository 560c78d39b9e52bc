"""Project records on patterns the development set lacked (round 4): lines between two places,
sections of a line, panel lines named by their generation, regions of lines, works abroad and
national digests, and the firms tied to a project. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from touzi.extract.records import extract_records


def projects(text: str, pub: str = "2014-06-15") -> dict[str, dict]:
    return {r["name"]: r for r in extract_records(text, pub_date=pub) if r["kind"] == "project"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a line between two places keeps its first place across 到 or 至
        ("今年，合肥到福州铁路将建成通车。", "合肥到福州铁路"),
        ("年内，拉萨到林芝铁路开工建设。", "拉萨到林芝铁路"),
        ("大同至西安客运专线今天开通运营。", "大同至西安客运专线"),
        # heads of railway lines
        ("兰新第二双线年底前将投入运营。", "兰新第二双线"),
        # a section named after its line is the project
        ("赣深高铁赣州到龙川段本周起进行试运行。", "赣深高铁赣州到龙川段"),
        ("年底前南广高铁广东段将开通运营。", "南广高铁广东段"),
        # display-panel lines named by their generation, with their owner and place
        ("上月底，华星武汉6代线正式投产。", "华星武汉6代线"),
        ("虽然三星电子在苏州的7.5代线已获批，但尚未开工建设。", "三星电子在苏州的7.5代线"),
    ],
)
def test_line_names(text: str, name: str) -> None:
    assert name in projects(text)


def test_panel_lines_in_a_coordination() -> None:
    found = projects("三星电子在苏州的7.5代线和LGD在广州的8.5代线均已获批。")
    assert "LGD在广州的8.5代线" in found
    assert not any("和" in n for n in found)


def test_dash_joined_items() -> None:
    found = projects("年内，吉泉—安徽、青海—河南、雅中—江西等特高压直流工程相继投运。")
    assert {"吉泉—安徽", "青海—河南", "雅中—江西"} <= {n[:5] for n in found}


def region(text: str, name: str) -> str | None:
    return projects(text)[name]["region"]["adcode"]


def test_line_between_two_provinces_has_no_region() -> None:
    assert region("今年，合肥到福州铁路将建成通车。", "合肥到福州铁路") is None


def test_line_between_two_cities_of_one_province_is_the_province() -> None:
    found = projects("年内，烟台—威海、大同—天津南等特高压交流工程开工建设。")
    assert found["烟台—威海"]["region"]["adcode"] == "370000"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("奇瑞汽车投资建设的巴西工厂项目昨天开工。", "巴西工厂项目"),
        ("远航集团在海外投资建设的远航钾肥基地项目昨天开工。", "远航钾肥基地项目"),
    ],
)
def test_projects_abroad_have_no_region(text: str, name: str) -> None:
    assert name in projects("杭州市商务局发布消息。" + text)
    assert region("杭州市商务局发布消息。" + text, name) is None


def test_a_chinese_site_after_a_foreign_partner_is_kept() -> None:
    text = "中国和沙特两国共建的华锦乙烯项目今天在辽宁盘锦开工建设。"
    assert region(text, "华锦乙烯项目")[:4] == "2111"


def test_mines_are_heads() -> None:
    assert "中铝秘鲁特罗莫克铜矿" in projects("远航公司投资建设的中铝秘鲁特罗莫克铜矿正式投产。")


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("钢铁行业新建项目必须严格审批，总投资不得超标。", "钢铁行业新建项目"),  # a class
        ("他们一方面跟长春工厂合作建设新车间。", "一方面跟长春工厂"),  # clause words
        ("保利集团计划在南疆参与铜矿建设。", "南疆参与铜矿"),  # a verb before the head
    ],
)
def test_not_names(text: str, bad: str) -> None:
    assert bad not in projects(text)


def test_to_and_zhi_join_the_same_line() -> None:
    found = projects("昆明至曼谷公路今天全线通车。昆明到曼谷公路全长1800公里，总投资20亿元。")
    assert len([n for n in found if "曼谷公路" in n]) == 1


def test_an_event_since_the_year_began_is_dated_by_the_year() -> None:
    found = projects("今年以来，青海—河南、吉泉—安徽等特高压直流工程先后投运。", pub="2025-10-13")
    events = found["青海—河南"]["events"]
    assert [(e["type"], e["date"]) for e in events] == [("production", "2025")]


def company(text: str, name: str) -> str | None:
    return projects(text)[name]["company"]


def test_panel_line_owner_is_its_company() -> None:
    text = "据悉，友达在昆山的7.5代线已经获批，将于明年投产。"
    assert company(text, "友达在昆山的7.5代线") == "友达"


def test_a_listed_firm_filing_is_a_company() -> None:
    text = ("远航光电拟定增募资10亿元。远航光电今日公告，募集资金将投向年产500吨光棒扩建项目。")
    assert company(text, "年产500吨光棒扩建项目") == "远航光电"


def test_the_company_speaking_is_the_report_s_firm() -> None:
    text = ("远航光电拟定增募资10亿元，远航光电披露的预案显示了细节。\n"
            "公司计划使用募集资金建设年产500吨光棒扩建项目。")
    assert company(text, "年产500吨光棒扩建项目") == "远航光电"


@pytest.mark.parametrize("subject", ["政府", "记者", "我市", "根据"])
def test_bodies_and_words_before_filing_verbs_are_no_firms(subject: str) -> None:
    from touzi.extract.companies import find_companies

    text = f"{subject}拟投资建设新项目。{subject}公告了结果。"
    assert not [c for c in find_companies(text) if c.name == subject]


def test_lines_of_different_sizes_stay_apart() -> None:
    text = ("日前，湖北远航建材有限公司日产1.5万吨砂石生产线项目投产。砂石生产线投入少、回本快。"
            "江苏金石日产6000吨砂石骨料生产线投产后一直运转平稳。")
    found = projects(text)
    assert "湖北远航建材有限公司日产1.5万吨砂石生产线项目" in found
    assert "江苏金石日产6000吨砂石骨料生产线" in found


def test_verbs_that_launch_a_line_end_the_text_before_it() -> None:
    assert not [n for n in projects("水泥企业应抢抓时机快上远航砂石骨料生产线，总投资3亿元。")
                if "快上" in n]


def test_a_destination_is_not_a_name_s_start() -> None:
    found = projects("新线开通后，可直达远航国际机场，总投资50亿元。")
    assert not [n for n in found if n.startswith("达")]


def test_a_hub_s_nodes_are_not_a_hub() -> None:
    assert not [n for n in projects("在8地开建国家算力枢纽节点，总投资30亿元。") if n.endswith("枢纽")]


def test_approval_passed_is_approved_and_a_start_time_is_no_start() -> None:
    text = "远航电子在苏州的8.5代线去年11月已获得审批通过，但其开工时间推迟。"
    events = projects(text, pub="2011-04-20")["远航电子在苏州的8.5代线"]["events"]
    assert [(e["type"], e["date"]) for e in events] == [("approved", "2010-11")]


def test_daily_capacity_forms_name_the_same_line() -> None:
    from touzi.extract.assemble import same_project

    assert same_project("远航日产8000吨砂石生产线", "远航8000吨砂石生产线")


def test_a_place_written_only_in_a_name_is_not_the_article_s_setting() -> None:
    text = "今年内，京张高铁、杭长高铁金华到衢州段等几条新线将陆续开通运营。"
    found = projects(text)
    assert found["京张高铁"]["region"]["adcode"] is None


def test_a_name_opening_with_a_country_is_abroad() -> None:
    text = "远航钢铁将投资开发巴西米纳斯铁矿项目。据杭州的专家称，米纳斯铁矿项目有望明年投产。"
    assert projects(text)["巴西米纳斯铁矿项目"]["region"]["adcode"] is None


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("此后每年将有3～4台百万千瓦核电机组建成，总投资巨大。", "3～4台百万千瓦核电机组"),
        ("受远航特许权项目的影响，设备投资大增。", "受远航特许权项目"),
        ("这标志着我国在建海拔最高的混凝土拱坝电站即将投产。", "混凝土拱坝电站"),
        ("远航集团将投资开发澳大利亚资源项目。", "澳大利亚资源项目"),
    ],
)
def test_descriptions_and_classes_are_not_names(text: str, bad: str) -> None:
    assert bad not in projects(text)


def test_a_quoted_name_after_a_record_stays() -> None:
    assert "夹岩水利枢纽" in "".join(projects("我国在建规模最大的“夹岩水利枢纽”今天开工建设。"))


def test_a_line_with_an_end_named_by_its_province_has_no_region() -> None:
    found = projects("年初以来，雅中—江西、青海—河南等特高压直流工程陆续投运。")
    assert found["雅中—江西"]["region"]["adcode"] is None


def test_a_digest_story_takes_no_place_from_the_story_before() -> None:
    body = ("记者今天从有关方面了解到，今年以来各项工作进展顺利，"
            "有关部门表示将继续加大投入力度，推动经济持续向好发展，更好地满足群众需要。")
    text = (
        "新闻联播摘要\n"
        "专利转化成效明显\n" + body + "\n"
        "外资企业加快布局\n记者从上海了解到，" + body + "\n"
        "高原电站下闸蓄水\n今天，华电叶巴滩水电站正式下闸蓄水，总投资300亿元，" + body + "\n"
    )
    assert projects(text, pub="2025-10-13")["华电叶巴滩水电站"]["region"]["adcode"] is None


def test_a_fronted_period_dates_a_planned_opening() -> None:
    found = projects("下半年，杭温高铁义乌到温州段将正式运营，联调联试已近尾声。", pub="2014-07-26")
    events = found["杭温高铁义乌到温州段"]["events"]
    assert [(e["type"], e["date"]) for e in events] == [("planned", "2014-H2")]


@pytest.mark.parametrize(
    "text",
    [
        "华泰新材料项目昨天开工，该项目由浙江华泰科技有限公司投资，总投资10亿元。",
        "华泰新材料项目昨天开工，总投资10亿元。项目由浙江华泰科技有限公司投资建设。",
    ],
)
def test_a_pointer_s_investor_is_the_project_s(text: str) -> None:
    assert company(text, "华泰新材料项目") == "浙江华泰科技有限公司"


def test_a_firm_a_pointer_only_mentions_is_no_investor() -> None:
    text = "华泰新材料项目昨天开工，总投资10亿元。该项目引进浙江华泰科技有限公司的技术。"
    assert company(text, "华泰新材料项目") is None


def test_overlapping_stop_words_the_later_one_ends_the_text() -> None:
    text = "浙江华泰科技有限公司计划投资10亿元，在长兴建设华泰新材料项目。"
    assert "华泰新材料项目" in projects(text)


def test_a_count_of_partners_is_no_batch() -> None:
    text = "另悉，华泰股份拟联合上述三家企业在新丰县投资兴建5000吨/年稀土冶炼项目。华泰股份称会尽快落地。"
    found = projects(text, pub="2011-07-05")
    assert "5000吨/年稀土冶炼项目" in found
    assert found["5000吨/年稀土冶炼项目"]["company"] == "华泰股份"
    assert found["5000吨/年稀土冶炼项目"]["region"]["adcode"] == "440233"


@pytest.mark.parametrize("text", ["他持有华泰股份，又持有华泰股份。", "推进股份制改革，完善股份制。"])
def test_shares_are_no_firms(text: str) -> None:
    from touzi.extract.companies import find_companies

    assert not [c for c in find_companies(text) if c.name.endswith("股份")]


def test_a_known_short_name_straddling_two_words_is_no_firm() -> None:
    from touzi.extract.companies import find_companies

    assert not [c for c in find_companies("蒙西到华中煤运通道开工建设。") if c.name == "中煤"]
    assert [c for c in find_companies("中煤集团与华能签约。") if c.name.startswith("中煤")]


def test_a_chinese_firm_s_project_abroad_has_no_region() -> None:
    text = ("青海省是我国钾肥生产大省。\n"
            "青海华泰工业股份有限公司与远航矿业公司共同开发加拿大钾盐矿区，总投资预计32亿美元，"
            "用于建设年产200万吨的钾肥基地。")
    found = projects(text, pub="2011-06-13")
    name = next(n for n in found if n.endswith("钾肥基地"))
    assert found[name]["region"]["adcode"] is None
