"""Regional claims: aggregate figures a region states about itself (records.md `claim`).

    ClaimFinder(text, index, mentions, ctx, pub, used).find() -> list[dict]

A claim is anchored on a figure no project took: an amount with an indicator word before it
(固定资产投资, 合同利用外资, 财政收入…), an amount after a count of projects (a batch:
5批38个重大项目总投资363.5亿元), or a count of projects with a building word (19项重点工程
…开工). The growth (同比增长), attainment (完成全年目标的X%) and rank (位列…第一) stated with
the figure join it. The region is the place the sentence (or its paragraph) speaks of, else the
article's focus; the period is the date or period of the sentence, else of the paragraph.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, NamedTuple

from touzi.extract.alternation import by_first_char, finditer_by_mark, guarded
from touzi.extract.assemble import (
    BATCH_INVEST_BEFORE,
    BREAKDOWN_WORDS,
    HOME_SHARE,
    NOT_LOCATION_AFTER,
    SINGLED_OUT,
)
from touzi.extract.dates import PubDate, review_year
from touzi.extract.events import date_value
from touzi.extract.mention_type import Mention
from touzi.extract.regions import ArticleRegions, Region, code_within
from touzi.extract.sentences import TextIndex

# (cue regex, indicator): matched at the end of the figure's left clause; first match wins.
_INDICATORS: list[tuple[str, str]] = [
    (r"制造业(?:固定资产)?(?:完成)?投资", "manufacturing_investment"),
    # (railway construction investment is reported as the railways' fixed-asset investment)
    (r"民间固定资产投资|固定资产投资|固投|全社会投资|(?:全[市省区县]|全国)(?:完成)?投资|"
     r"铁路(?:建设)?(?:已)?完成投资|铁路建设(?:总)?投资(?:完成)?|铁路投资(?!集团|公司|有限|基金)",
     "fixed_asset_investment"),
    (r"工业性投[入资]|工业(?:固定资产)?投[资入]|技改投资", "industrial_investment"),
    # (台资, 港资, 侨资: foreign capital by its origin)
    (r"(?:合同|协议)(?:利用)?(?:外资|台资|港资|港澳台资|侨资)", "contracted_fdi"),
    (r"实到外资|实际(?:利用|使用)外资|到位外资|实际到位外资|实际(?:利用|使用)(?:台资|港资)|到位台资",
     "actual_fdi"),
    (r"实际(?:利用|使用)内资|市外内资|省外内资|引进内资|到位内资|省外资金|实际完成投资额|引进[\u4e00-\u9fff]{0,4}资金|"
     r"到位资金|实到资金",
     "domestic_capital_attracted"),
    (r"财政(?:总)?收入|一般公共预算收入|公共财政预算收入|地方财政收入", "fiscal_revenue"),
    (r"工业增加值", "industrial_value_added"),
    (r"(?:工业)?总产值|产值", "output_value"),
]
_IND_RE = re.compile("|".join(f"({src})" for src, _ in _INDICATORS))
_IND_RE = guarded(_IND_RE)  # (short windows: see alternation.guarded)
_IND_NAMES = [""] + [name for _, name in _INDICATORS]
# Money cues that make an unowned amount a regional statement of another kind.
_OTHER_CUE = re.compile(
    r"(?:[\u4e00-\u9fff]{0,8}?)(?:投资|投入|资金|基金|贷款|债券|专项债|规模|安排|税收|到位资金|签约金额|"
    r"签约资金|完成投资|总额)[\u4e00-\u9fff]{0,4}\Z"
)
_PROJECT_NOUN = re.compile(r"项目|工程")
_WORKS_COUNTED = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:铁路|高铁|公路|高速|隧道|大桥|水库|电站|轨道交通|线路|灌区|水闸|泵站|枢纽|工程)")
_COUNTED = re.compile(r"项目|工程|机场|聚集区|电站|水库")
_CLAUSE_HEAD = re.compile(r"[^，,。；;、！？\n（(]*")
# Verbs and particles that end the noun a count counts (三项举措解决…项目 counts 举措).
_NOUN_STOP = re.compile(r"解决|推进|开工|竣工|正在|已经|已|将|在|是|为|有|的|和|与|及|、")
_COUNT_AFTER_NOUN = re.compile(
    r"(?:项目|工程)(?:新开工?|开工|竣工|投产|签约|落地|开竣工)?(?:就|共计|合计|总计|共|总数|数)?(?:已经?|累计)?"
    r"(?:达|有|为|由)?$")
# (23个集中开工的重大项目: how and 的 may come between the count and its projects)
_LISTED_KINDS = re.compile(r"(?:[\u4e00-\u9fffA-Za-z]{1,6}、){1,3}[\u4e00-\u9fffA-Za-z]{1,6}?(?:项目|工程)")
_LEADING_EVENT = re.compile(
    r"(?:计划|拟)?(?:集中|陆续|同步|同时)?(?:新开工|开工|竣工|投产|签约|在建|开竣工|新签约|新建)(?:的)?")
# 实现开工23项, 开复工164项, 竣工投产84项: a count of the projects told before (项目 named
# in the sentence or just before) right after what happened to them, nothing after it but
# 项目 (not 建成100个绿色工厂)
_EVENT_COUNTED = re.compile(r"(?:新开工|开复工|复工|开工|竣工投产|竣工|开竣工|投产|签约|落地|建成|完工)$")
_EVENT_COUNT_TAIL = re.compile(r"(?:重大|重点)?(?:项目)?(?:[、，,；;。（(]|$)")  # (not 建成2个万卡集群)
_SIBLING = re.compile(r"(?:、(?:新开工?|开工|竣工|投产|签约|落地|开竣工)?|"
                      r"[，,](?:新开工?|开工|竣工投产|竣工|投产|签约|落地|开竣工))$")
_DISTRIBUTIVE = re.compile(r"(?:项目)?总投资|(?:项目)?投资|中有\d+个总投资")
# 列入国家“十四五”规划102项重大工程…的某电站: a count of a national plan's list
_NATIONAL_LIST = re.compile(r"(?:国家|全国)[^，,。；;]{0,14}?(?:规划|纲要|名单|清单)(?:中|内)?(?:的)?$")
_ENUMERATED = re.compile(r"[，,：:]?(?:包括|分别为|分别是|即)")
_INDICATOR_NOUN = re.compile(r"项目投资(?:完成)?|第[一二三]产业投资(?:完成)?|生产性服务业(?:完成)?投资|"
                             r"(?:地区|海洋)?生产总值|GDP|"
                             r"基础设施(?:建设)?(?:完成)?投资|民间投资|房地产开发投资")
# A sentence about "the project" (项目建成后…, 该项目…) states no region's figures.
_PROJECT_SUBJECT = re.compile(r"(?:该|本|此)?(?:项目|工程)(?!投资|数量|个数|总数)|(?:建成|投产|达产)后")
# 投产后，年产值达…, 全部建成达产后预计可实现年产值…: what a project will yield
_PROJECT_YIELD = re.compile(r"(?:建成|投产|达产|达效)后|预计可实现|年产值(?:可|预计|将)|这是[^，。；;]{0,12}(?:项目|工程)")
# The words before an amount that belong to it (after 并/及/、/，, a new verb phrase starts).
_OWN_CUE = re.compile(r"[并及、，,；;]|同时|以及")
# A noun of its own in a figure's phrase (年纳税, 利税): the indicator before a comma is not its
_OWN_NOUN = re.compile(r"纳税|税收|利税|利润|营收|收入|销售|就业|用地|占地|面积")
# 此前该公司在上海有一家工厂，已经投资6亿美元: a sentence about a firm
_FIRM_OPENING = re.compile(r"(?:此前|目前|同时|此外)?[，,]?(?:该公司|该企业|该集团|公司|企业)")
# 德资企业追加投资…, 企业总投资将达到…: a firm's figure
_FIRM_SUBJECT = re.compile(r"(?:企业|公司|集团|厂商|外企|该企业|该公司)[^，,。；;]{0,10}?"
                           r"(?:追加|增资|投资|总投资|出资|注册资本)[^，,。；;]{0,6}$")
_LAND_CUE = re.compile(r"土地|用地|熟地|地块|征地|供地|腾空|拓展|政策处理|收储|盘活|处置")
_LAND_THRESHOLD = re.compile(r"(?:以上|以下)?的?(?:工业)?(?:企业|项目)")
# farmland, forest, ecological land and land taken out of building: not land for investment
_FARM_LAND = re.compile(r"农田|耕地|耕作|农用地|造林|种草|沙化|生态|修复|林地|草原|播种|黑土地|灌区|"
                        r"减量|复垦|深松|森林|绿化")
_ITEM_RIGHT = re.compile(r"[^、，,；;。]*")
_SHORTFALL = re.compile(r"缺口|短缺|不足|紧缺")
_LAND_CLEARED = re.compile(r"处置|盘活|清理|腾空|政策处理|征迁|拆迁|收储|清零")
_REGIONAL = frozenset(("domestic_capital_attracted", "contracted_fdi", "actual_fdi"))
_FIRM_LEVEL = frozenset(("output_value", "industrial_value_added"))
_PLAIN_INVEST = re.compile(r"(?:年度|当年|今年)?(?:计划|实际|累计|已|目前已|共)?(?:完成)?投资(?:计划)?(?:额|总额)?"
                           r"(?:为|达|达到|约|超|近)?|总投资(?:为|达|约|超|近)?|项目投资(?:完成)?")
_LEADING_TIME = re.compile(r"^[\d—\-～~至月年季度上下半前后一二三四]*[，,]?")
_PROSPECT_OPEN = re.compile(r"\s*(?:预计|可|将|年可|全部达产后|达产后|建成后|投产后)")
_PART_OF_TOTAL = re.compile(r"其中[，,]?(?:固定资产投资|固投)(?:额)?(?:为|达|约)?$")
_AGGREGATE = re.compile(r"全部项目|所有项目|合计|共计|总计")
# a breakdown of the projects told before by place (其中高新区23个项目，…; 分别为楚雄111个、…)
_SHARE_OPEN = re.compile(r"其中|分别为|分别是|依次为|来看")
_SHARE_TAIL = re.compile(r"(?:重大|重点)?(?:建设)?(?:项目)?(?:[、，,；;。]|$)")
# a place's count of the projects told before, with their total (其中，襄阳97个、总投资326亿元)
_PLACE_COUNT_TOTAL = re.compile(r"[、，,](?:计划)?总?投资")
# Between a batch's total and a plan or progress figure of the same batch in the next clause
# (…总投资25.7亿元，2021年计划完成投资11.8亿元; …，年度计划投资3亿元).
# The clause holds time and plan words only: a new subject (…，省属国企完成年度投资…) has a
# figure of its own.
_PLAN_AFTER_TOTAL = re.compile(
    r"[，,；;](?=[^，,。；;！？\n]{0,16}?(?:计划|完成|年度))"
    r"(?:\d{4}年|\d{1,2}[-—~至]\d{1,2}月份?|\d{1,2}月份?|年度|年内|今年|全年|当年|本年|上半年|"
    r"前三季度|[一二三四]季度|截至目前|目前|至今|当前|已|共|累计|计划|力争|预计|完成|实际){1,5}"
    r"投资额?(?:达到?|为|约|近|超过?)?$")
_PROJECTS_AFTER = re.compile(r"的(?:重大|重点)?(?:建设)?项目")
_OTHER_RIGHT = re.compile(r"[^，。；;]{0,10}?(?:资金|基金|专项贷款|专项债券|债券)")
# Cues that make an amount something other than a regional total.
_NOT_A_TOTAL = re.compile(r"平均|均|单个|每(?!年)|最大|最高")
# The words right before an amount that make it no total of its own: a conversion of the one
# before (约合), the cost of one thing (需要投资), a difference (增加了, 减少), a saving
# (endings compared as strings: a regex anchored at the end is tried at every position)
_NOT_OWN_ENDS = tuple(
    a + b + c for a in ("约合", "折合", "折算", "相当于") for b in ("", "人民币") for c in ("", "约")
) + tuple(a + c for a in ("需要投资", "需投资", "仅需", "仅需投资") for c in ("", "约")) + tuple(
    a + "了" + c for a in ("增加", "减少", "增长", "提高", "下降", "节约", "节省") for c in ("", "约"))
# a rate per day, a difference from a year before (较2013年增加251亿元): not a total
_NOT_A_LEVEL = re.compile(r"每(?:天|日|小时|周|月)|(?:较|比)[^，,。；;]{0,12}?(?:增加|减少|增长|提高|多|少)了?$")
_COUNTED_BEFORE = re.compile(r"\d+[个家项]|一批")
_INCREMENT_AFTER = ("递增", "递减", "的速度")
# 否决“两高”项目35个，涉及投资额…: projects turned away, not investment
# 交通、水利分别完成投资2500亿元、800亿元: a list's items and amounts paired in order
_RESPECTIVELY = re.compile(r"分别(?:完成|达到|达|为|是|突破|超过|完成投资|投资)?$")
_REJECTED = re.compile(r"否决|拒绝|叫停|关停|淘汰|劝退|清退|取消")
# …在化纤园区现场，项目总投资12亿元: a clause opening with one project's total
_ONE_TOTAL_OPEN = re.compile(r"(?:项目|工程)总投资")
_SAVING = re.compile(r"减少|节约|节省")
# 重点项目…开工，…总投资: the whole batch's total
_BATCH_NOUN = re.compile(r"(?:重点|重大)(?:建设|产业)?项目")
_TOTAL_CUES = ("总投资", "总投资达", "总投资约", "项目总投资", "计划总投资", "总投资额")
# 总投资138亿元的某某配套项目: the amount describes one named project
_ONE_PROJECT_AFTER = re.compile(
    r"的([^，。；;、\d]{2,30}?)(?:项目|工程|基地|产业园|电站|生产线|工厂)(?=[，,。；;]|开工|建成|投产)")
_IN_PLACE = re.compile(r"(?:到位|实到)资金[^，,]{0,4}$")
_CONVERTED = ("约合", "折合")  # (a money mention may begin with them)
_CHANGED_FROM = re.compile(r"(?:增加|提高|调增|调减|扩大|上调|下调|减少|调整|增长)(?:到|至|为)$")
_CHANGED_LAST = frozenset("到至为")
_REMAINDER = re.compile(r"(?:剩余|其余|剩下|余下)$")
# 由7000亿元增加到7200亿元: the old figure
_CHANGED_TO = re.compile(r"(?:增加|提高|调增|调减|扩大|上调|下调|减少|调整|增长)(?:到|至|为)")
# a clause about one project: 该项目总投资…
_THIS_PROJECT = re.compile(r"(?:该|此|这个|这一)(?:项目|工程)")
# a clause about one project's prospects (项目可以获得…, 工程建成后…): its own figures
_PROJECT_PROSPECT = re.compile(r"(?:该|本|此|这个|这一)?(?:项目|工程)(?:可以|可|能够|能|每年|"
                               r"建成后|投产后|预计)")
# 一个年产值50亿元的产业园: the figure describes one undertaking
_ONE_THING = re.compile(r"[一这][个座家条处所]")
# 某某站总投资12亿元: the total of one named facility, not a region's statement
_FACILITY_TOTAL = re.compile(
    r"(?:站|机场|大桥|隧道|医院|学校|码头|电厂|大厦|广场|馆|中心)(?:总)?投资(?:额)?[达约为]?\Z")
_CLASS_AMOUNT = re.compile(r"(?:级|量级)?(?:企业|产业集群|集团|工厂)")
_THRESHOLD_AFTER = re.compile(r"(?:以上|以下)?的?(?:项目|重大项目|企业)|以上[的项]|"
                             r"[\d.]+[亿万千]*元以[上下]|的有")  # (50亿元以上100亿元以下的有21个)
# (Word lists here are grouped by first character for speed: see alternation.py.)
_NOT_INVESTMENT = re.compile(by_first_char((
    r"贷款|税款|利润|效益|经费|募集|募资|收入|销售|营收|中标|价款|工资|预付款|成交|交易|消费|出口|"
    r"进口|采购|存款|余额|市值|补贴|补助|奖励|资助|增持|收购|购买|援企|稳岗|惠及|税后|救灾|救助|慰问|"
    r"扶持|资产|发行|彩票|公益|融资|上市|垫付|结余|闲置|沉淀|挪用|减税|降费|退税|增收|减负|降本|研发|贸易|降准|支出|惠企|赤字|社保|社会保障|保险基金|转移支付|就业|"
    # a firm's money: working capital, debts repaid (剩余3亿元用于补充流动资金)
    r"流动资金|偿还|还贷").split("|")))
_FIRM_FUNDS = re.compile(r"(?:将|拟)?用于(?:补充|偿还|归还)")
_BUILD_AFTER = re.compile(
    r"(?:建设|新建|扩建|改扩建|开建|兴建|用于|设立)([^。；;]{0,20}?)(?:生产线|项目|工程|基地|工厂|产业园|企业)"
)


def _builds_one(text: str, a: int, b: int) -> bool:
    """…投资50亿元建设X生产线: the amount builds one named thing (not 用于重大项目建设)."""
    from touzi.extract.projects import is_generic

    m = _BUILD_AFTER.search(text, a, b)
    return m is not None and not (m.group().endswith(("项目", "工程")) and is_generic(m.group(1)))
# 2000个亿元项目, 207个亿元以上项目: a count of projects of a size, read as an amount
_COUNT_UNITS = frozenset("个项批条座处")  # (the units _is_project_count accepts)
_COUNT_AS_MONEY = re.compile(r"(\d+)([个项])(?=[十百千万亿]+元)")


def _as_count(m: Mention) -> Mention:
    """The count a money mention `N个亿元` holds (a count of projects above a size), else `m`."""
    c = _COUNT_AS_MONEY.match(m.text) if m.kind == "money" else None
    if c is None:
        return m
    return Mention(kind="count", text=c.group(), start=m.start, end=m.start + c.end(),
                   value=int(c.group(1)), unit=c.group(2))


# projects that build nothing: research, reform, culture, training (攻关项目101项)
_NOT_BUILT = re.compile(r"攻关|研发|研究|科研|改革|科技计划|科技专项|文艺|培训|课题|人才")
_PART_OF = re.compile(r"[\u4e00-\u9fff]{0,10}之一")
_BREAKDOWN = re.compile(r"其中(?:包括)?|包括|涉及")
_SUBCLASS = re.compile(r"(?:亿元|万元)以上|新开工|竣工|投产|签约")
_EVENT_WORD = re.compile(by_first_char((
    r"开工|签约|竣工|投产|在建|落地|开竣工|建设|启动|入驻|完成|实施|推进|通车|新建|迁建|扩建|"
    r"复工|核准|批复|审批|开通|建成|投用|完工|引进|吸引|聚集|集聚|承接").split("|")))
# 高新技术产业投资同比增长27.1%, 战略性新兴产业增加值同比增长12.9%: a category's growth
_INTENSITY = re.compile(r"万元|单位|亿元")
_CATEGORY_GROWTH = re.compile(
    r"((?:[\u4e00-\u9fff]{2,10}?)(?:投资|增加值|生产总值)|GDP)(?:完成[^，,。；;]{0,10})?"
    r"(?:同比|比上年|比去年同期)?"
    r"(?:增长|增速为?|增幅为?|下降)(?:了)?$")
_SPEAKER = re.compile(r"^(?:全|我|本|该)[省市县区镇]")
# 其中民间投资、技改投资分别增长…: listed indicators before one growth verb.
_LISTED_GROWTH = re.compile(
    r"((?:[\u4e00-\u9fff]{2,12}、)+[\u4e00-\u9fff]{2,14}?)(?:分别)?(?:同比|比上年)?"
    r"(?:增长|增速为?|增幅为?)$")
# 甲、乙、丙三市技改投资增速分别为…, 甲、乙增速仅为…: places listed before their growths
_PLACE_LIST_GROWTH = re.compile(
    r"((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8}?)(?:[两三四五六七八九十\d]+个?[省市县区])?"
    r"((?:[\u4e00-\u9fff]{2,8}?(?:投资|增加值|产值|收入))?)(?:同比)?"
    r"(?:增速|增幅|增长|分别增长)(?:仅|分别|均)?(?:为|是|达)?$")
_ENUM_COMMA = re.compile("、")
_GROWTH_NOUN_END = re.compile(r"(?<=[于比和、及])[\u4e00-\u9fff]{2,6}?(?:投资|增加值|产值)$")
# …投资13.2%的增速, …22.5%和…13.2%的增幅: the percents are growths compared with
_COMPARED_GROWTH = re.compile(r"(?:(?:和|、|及)[\u4e00-\u9fff]{2,8}?[\d.]+[%％])*的(?:增速|增幅)")
# 总量达到60013亿元 after a GDP growth, 经济总量突破6000亿元: the size of an economy
_NOT_THE_ECONOMY = r"(?<!数字)(?<!海洋)(?<!民营)(?<!县域)(?<!夜间)(?<!平台)(?<!实体)(?<!开放型)"
_GDP_TOTAL = re.compile(r"(?:(" + _NOT_THE_ECONOMY + r"经济)|(?<!经济))总量(?:首次)?(?:达到|达|突破|超过|迈上|跨越|站上)?$")
_GDP_TOTAL = guarded(_GDP_TOTAL)  # (short windows: see alternation.guarded)
_GDP_WORD = re.compile(r"生产总值|GDP|" + _NOT_THE_ECONOMY + r"经济(?!总量)")
_PLACE_LIST_END = re.compile(r"((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8})$")
# (实施项目1.68万个，)其中先进制造业项目9718个: a kind of the projects, counted on its own
_KIND_COUNTED = re.compile(r"其中[\u4e00-\u9fff]{2,10}?项目$")
_ECONOMY_GROWS = re.compile(r"(?:^|[，,；;：:]|是|全年|今年)(?:经济|(?:全[省市区县])?生产总值)(?:同比)?增长$")
_BARE_INVESTMENT = re.compile(r"(?:全年|今年|全省|全市|全区)?(?:完成)?投资(?:同比)?(?:增长|增速为?|增幅为?)")
_SMALLEST_AGGREGATE = 1_000_000
_MONEY_UNITS = frozenset(("CNY", "USD", "EUR", "HKD", "JPY", "GBP"))
_OWN_BATCH = re.compile(r"(?:项目|工程)”?(?:累计|共|全年|年度)?(?:完成|实际完成)?投资")
_LAST_YEAR_SAME = re.compile(r"(?:去年|上年)同期(?:的)?(?:增速|增幅)?(?:为|是)?$")
_YEAR = re.compile(r"(?:19|20)\d\d")
# the indicator a paragraph speaks of (技改投资, 工业增加值)
_GROWTH_NOUN = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:投资|增加值|产值)")
_SHARED_NOUN = re.compile(r"(?:行业|产业)?(?:增加值|投资|产值|收入)$")
_QUOTED_PROGRAMME = re.compile(r"[“\"「](?:[^”\"」]{0,12}工程[”\"」]|[^”\"」]{1,12}[”\"」]工程)")
# What a growth of its own is the growth of (制造业投资增长3.3%, 民间投资增长6.9%).
_GROWTH_SUBJECT = re.compile(r"投资|收入|增加值|生产总值|产值|外资|内资|总额|营收|税收")
# time, verb and particle words that open an indicator phrase without being part of it
_LEADING_FILLER = re.compile(r"^(?:[年月省市区县个家项]|今年|去年|全年|将|已|共|累计|完成|实现|的|要|拟|"
                             r"其中|力争|确保|预计|近|[一二三四五六七八九十两\d]+年来?)+")
_TRAILING_VERBS = re.compile(r"(?:拟|要|将|已|五年|分别)?(?:增加到|提高到|保持在|达到|达|突破|超过|超|为|"
                             r"累计|分别|约|近|进入了|进入|将)+$")
_SPEAKER_INSIDE = re.compile(r"(?:全|我|本|该)[省市县区镇]")
# 2026年将全面完成, 年底前建成: a deadline after the figure, not its period
_DEADLINE_AFTER = re.compile(r"(?:底)?(?:前|将|要|力争|确保)")
_GROWTH_PHRASE = re.compile(r"同比|增长|增速|增幅|下降|提高|增加|减少")
_RANK = re.compile(
    r"(?:位列|位居|居|列|排名|排)[^，。；;]{0,12}?(?:第[一二三四五六七八九十\d]+(?:位|名)?|前列|首位|前茅)"
    r"|[^，。；;]{0,6}(?:前列|首位|第一)"
)
_RANK_CHAR = re.compile("[第前首]")
_NATIONAL = re.compile(r"全国|我国|中国(?![式特梦共人—－-])")
# The nation or a national body as the subject of a clause (国家对保障房建设投资了…, 住建部公布的
# 数字是…); only before a figure in its clause: 列入国家重点项目 after it says nothing of who speaks.
_NATIONAL_SUBJECT = re.compile(
    r"全国|我国|中国(?![式特梦共人—－-])|国家(?!级|[\u4e00-\u9fff]{0,2}(?:高新|开发区|新区|试点|示范))|"
    r"国务院|国家发改委|国家发展改革委|住建部|住房(?:和)?城乡建设部|财政部|商务部|工信部|"
    r"工业和信息化部|交通运输部|水利部|审计署|国家统计局|国家能源局|铁路总公司|国铁集团|国债")
_NATION_WORD = re.compile(r"全国|我国")
# 保持全国第2位, 获评全国最美, 居全国前列: the nation as the frame of a rank or an honour
_NATION_FRAME_AFTER = re.compile(
    r"[^，,。；;]{0,4}?(?:第[一二三四五六七八九十\d]|前列|首|前茅|之首|最|领先|唯一|百强|先进|示范|平均|"
    r"排名|排位|位次|中游|中上游)")
_NATION_FRAME_BEFORE = re.compile(r"(?:居|列|排名|保持|获评|入选|评为|进入|跻身|高于|低于|领跑)$")
# what comes before the nation opening its clause: a boundary, a time (今年1-7月，全国…), 在, 据
_NATION_OPENS = re.compile(r"(?:[，,。；;：:\n（(“]|[年月度来间底今]|在|据|而|但|前|后|时)$")
# 全省, 我区, 本市: the article's own region speaking
_SPEAKER_WORD = re.compile(r"[全我本][省市区县州盟旗]")
# 争取…国债, 获得国家…资金: what a region obtains from the nation
_OBTAIN = re.compile(r"争取|获得|获批|申请|用好|承接|向|入选|列入|纳入")
_OPENING = 3000
_NOT_NATION_AFTER = frozenset("式特梦共人—－-")  # 中国式, 中国特色, 中国—东盟…: not the nation
_NOT_STATE = re.compile(r"级|高新|重点|重大|先进|战略|科学|自然|标准|安全|实验室|公园")
# A place the sentence excludes (除台湾省外) or the end of a route (拉萨到林芝铁路, 大同—天津南)
_EXCLUDED_BEFORE = frozenset("除")
_ROUTE_JOINER = frozenset("到至—－-~～")
# 从上海…, 引进上海投资项目: where investors come from, not the region speaking
_ORIGIN_BEFORE = re.compile(r"(?:从|来自|自|引进|吸引|招引|承接)$")
# The last characters of its words, and a line break ($ matches before one at the end).
_ORIGIN_LAST = frozenset("从自进引接\n")
# 增速居全市第一: the frame of a rank, not the region the figure is about
_RANK_FRAME = re.compile(r"(?:居|位居|位列|列|排名|排|在)$")
_RANK_FRAME_LAST = frozenset("居列名排在\n")
_RANK_AFTER = re.compile(r"(?:各[县市区镇]|[（(]|)[^，。；;]{0,8}?(?:第[一二三四五六七八九十\d]|前列|首位|前茅)")
# 高于全区7.9个百分点, 完成率全省排名第一, 列入全省…重点项目, 参加全省…开工活动: 全省 as the
# frame of a comparison, a rank or a programme the region takes part in, not the region speaking
_WHOLE_FRAME_BEFORE = re.compile(r"(?:(?:高于|低于|快于|慢于|超过|超出|领先|占)(?:全国[、和与及])?|"
                                 r"(?:列入|纳入|入选|参加|参与)[^，,。；;、]{0,8})$")
_WHOLE_FRAME_AFTER = re.compile(r"(?:排名|排位|排第|第[一二三四五六七八九十\d]|前列|首位|前茅|平均)")
# 去年同期, 较上年: a comparison base, not the period; 2021年第二批, 2020年度重大项目: a label
_COMPARISON_DATE = re.compile(r"同期|同比")
_COMPARED_BEFORE = re.compile(r"(?:比|较|由|与|同)$")
_PRECISE = {"day": 5, "month": 4, "quarter": 3, "half": 2, "year": 1, "": 0}
_AS_OF = re.compile(r"截至|截止|到$")
# 预计年内…, 计划到2025年…: when something is planned, not the period a figure covers
_PLANNED_DATE = re.compile(r"预计|计划|力争|争取|将|有望")
# 记者4月19日从…获悉: when it was reported, not the period a figure covers
_REPORTED_AFTER = re.compile(r"[^，。]{0,3}?(?:从|获悉|消息|公布|发布|报道|宣布)")
_LABEL_YEAR = re.compile(r"第|度|重大|重点|[一二三四五六七八九十]批")
# 下半年668个重大项目集中开工: the half names the batch; the event's day or month dates it
_LABEL_COUNT = re.compile(r"[\d一二三四五六七八九十百千]+[个项](?:省级?|市级?)?(?:重大|重点)")
_COLLECTIVE = re.compile(r"(?:集中|同时|同步|集体)(?:开工|签约|开竣工|竣工|投产)")
# 编制“十五五”规划, 完成“十四五”考核目标, 实现“十五五”良好开局: the name of a plan or of its
# goals, not the period a figure covers
_PLAN_NAME = re.compile(r"[”\"’]?(?:规划|发展规划|考核|目标|任务|收官|开局|良好开局)")
_NOT_NATIONAL_INDICATORS = frozenset(("fiscal_revenue",))
_MUNICIPALITIES = frozenset(("11", "12", "31", "50"))
_DIVISION_ENDS = ("县", "区", "市", "旗", "州", "盟")
_SPECIAL_REGIONS = frozenset(("71", "81", "82"))  # (全省 never speaks for 台湾, 香港, 澳门)
_AUTONOMOUS = frozenset(("15", "45", "54", "64", "65"))  # 全区 of an autonomous region
_NUMERALS = frozenset("一二三四五六七八九十")
_PART_BREAK = re.compile(r"[；;。！？!?\n]")
_PERIOD_KINDS = frozenset(("date", "period"))
_BATCH_WORD = re.compile(r"签约|开工|集中|同步")
_BREAKDOWN_OPEN = re.compile(rf"\s*(?:其中|{BREAKDOWN_WORDS})")
_TOLD_EVENT = re.compile(r"开工|签约|举行|仪式|推介会|洽谈会|集中|同步")
_WHOLE_YEAR = re.compile(r"全年|年内")
_FULL_YEAR = re.compile(r"全年|年内|年度")
_YEAR_TO_DATE = re.compile(r"年度|年计划|同比|开复工|开工率")
_BATCH_EVENT_SENTENCE = re.compile(r"集中(?:开工|签约|开竣工|竣工)|(?:开工|签约)(?:仪式|活动)")
_THIS_BATCH = re.compile(r"(?:此次|本次|这次|当天|同日)[^，,。；;]{0,6}(?:开工|签约|竣工|投产|落地)")
# 四年来, 近三年来, 过去五年, 一年来: the years before the publication
_YEARS_BACK = re.compile(r"(?<![\d〇零一二三四五六七八九十年])(?:近|过去|这|最近)?(?P<n>[一二两三四五六七八九十\d]{1,2})年(?:来|以来|间)|"
                         r"(?:近|过去|最近)(?:的)?(?P<n2>[一二两三四五六七八九十\d]{1,2})年|"
                         r"(?<![\d〇零一二三四五六七八九十])(?P<months>[一二两三四五六七八九十\d]{1,2})个(?P<more>多)?月(?:以)?来")
# 10年来新高, 6年来首次, 近5年最好: a record among the years, not the period of a figure
_RECORD_AFTER = re.compile(r"(?:的)?(?:首次|新高|新低|最高|最低|最好|最快|最多|最大|之最|第一次)")
# the year a heading names, or its words for last year
_VAGUE_YEARS = re.compile(r"近年来|近些年|近几年|多年来|这些年|几年来|历年来")
_HEADING_YEAR = re.compile(r"^[^\d]{0,8}((?:19|20)\d\d) ?年")
_LAST_YEAR_WORDS = re.compile(r"过去一年|去年|过去的一年|上一年")
# a report's section heading (一、2024年工作回顾, 二、2025年工作安排), not a news headline
# (2019年某省公路投资完成820亿元)
_SECTION_WORDS = ("回顾", "总结", "工作安排", "重点工作", "主要任务", "工作任务", "总体要求",
                  "主要目标", "目标任务", "重点任务", "工作思路", "年工作")
_HEADING_START = re.compile(
    r"\n[^\n。]{0,24}?(?:回顾|总结|工作安排|重点工作|主要任务|工作任务|总体要求|主要目标|目标任务|"
    r"重点任务|工作思路|年工作)")
_THEN_TALLY = frozenset(("，已", ",已", "，累", "，共", "，现"))
_NOW = re.compile(r"(?:截至|截止|到)目前|至今")
_BACK_HINT = re.compile(r"年(?:以)?来|年间|月(?:以)?来|近[一二两三四五六七八九十\d]|过去")
_REL_DAY = re.compile(r"今天|今日|当天|日前|近日|昨天|昨日|几天前|不久前|前不久")
_A_WHILE_AGO = frozenset(("不久前", "前不久"))
_DAYS_AGO = frozenset(("几天前",))


def _whole_frame(text: str, m: Any) -> bool:
    """Whether 全省/全区… (a deictic mention) frames a comparison, a rank or a programme the
    region joins rather than speaks (高于全区, 全省排名第一, 参加第二季度全省…活动)."""
    return m.kind == "deictic" and m.text[:1] == "全" and (
        _WHOLE_FRAME_AFTER.match(text, m.end) is not None
        or _WHOLE_FRAME_BEFORE.search(text, max(0, m.start - 12), m.start) is not None)


class _Place(NamedTuple):
    """A place mention as claims read it, with its region replaced (全省 → 浙江)."""

    start: int
    end: int
    text: str
    kind: str
    role: str
    region: Region | None


def _region_dict(r: Region | None) -> dict[str, Any]:
    if r is None:
        return {"province": None, "city": None, "county": None, "town": None, "zone": None,
                "adcode": None}
    d = r.to_dict()
    return {k: d[k] for k in ("province", "city", "county", "town", "zone", "adcode")} | {
        "confidence": d["confidence"]}


NATIONAL = {"province": None, "city": None, "county": None, "town": None, "zone": None,
            "adcode": "100000"}


class ClaimFinder:
    """Finds the claims of one article (see module doc)."""

    def __init__(self, text: str, index: TextIndex, mentions: list[Mention],
                 ctx: ArticleRegions | None, pub: PubDate | None, used: set[int],
                 project_sentences: set[int] | None = None,
                 companies: list[Any] | None = None,
                 coordinated: dict[int, int] | None = None,
                 project_names: list[tuple[int, int]] | None = None) -> None:
        self.project_sentences = project_sentences or set()
        self.coordinated = coordinated or {}
        self._mention_starts = [m.start for m in mentions]
        self._company_starts = [c.start for c in (companies or [])]
        self.companies = companies or []
        self.text = text
        self.index = index
        self.mentions = mentions  # (copied before a count read as money is put right: find)
        self.ctx = ctx
        self.pub = pub
        self.used = used
        # (the character before a place is looked at before the regexes that end with it)
        names = project_names or []
        # where the 全省/全区 that frame a comparison, a rank or a programme end (the framing
        # word itself, and a place in brackets right after it restating it: 快于全区（广西）)
        frames = {m.end for m in (ctx.mentions if ctx else []) if _whole_frame(text, m)}
        self.locations = [m for m in (ctx.mentions if ctx else [])
                          if m.role == "location" and m.region is not None
                          and (prev := text[m.start - 1:m.start]) not in _EXCLUDED_BEFORE
                          and not NOT_LOCATION_AFTER.match(text, m.end)
                          and not (prev in _ORIGIN_LAST
                                   and _ORIGIN_BEFORE.search(text, max(0, m.start - 2), m.start))
                          and not (prev in _RANK_FRAME_LAST
                                   and _RANK_FRAME.search(text, max(0, m.start - 3), m.start)
                                   and _RANK_AFTER.match(text, m.end))
                          and not (frames and (
                              (m.kind == "deictic" and m.end in frames)
                              or (prev != "" and prev in "(（" and m.start - 1 in frames)))]
        self.locations = _foreign_counties_dropped(self.locations, ctx)
        # 浙江…。目前，全省有624个大项目…: 全省 is the province named before
        for j, m in enumerate(self.locations):
            if m.kind == "deictic" and m.text[:1] == "全" and j:
                self.locations[j] = self._whole_of_named(m, index, self.locations, j)
        # a place in a project's name is the project's, not the region a claim speaks for;
        # kept aside for a batch whose sentence names no other (贵州某机场等19项工程开工)
        self.name_places = []
        if names:
            inside = _inside_spans(names, self.locations)
            if any(inside):
                self.name_places = [m for m, x in zip(self.locations, inside, strict=True) if x]
                self.locations = [m for m, x in zip(self.locations, inside, strict=True)
                                  if not x]
        self.locations = _without_routes(text, self.locations)
        self._name_place_starts = [m.start for m in self.name_places]
        self._dates = [m for m in mentions if m.kind in _PERIOD_KINDS and m.date
                       and not _COMPARISON_DATE.match(text, m.end)
                       and not _COMPARED_BEFORE.search(text, max(0, m.start - 2), m.start)
                       and not (m.precision in ("year", "quarter", "half")
                                and _LABEL_YEAR.match(text, m.end))
                       and not (m.precision in ("quarter", "half")
                                and _LABEL_COUNT.match(text, m.end)
                                and _COLLECTIVE.search(text, m.end, index.sentence(m.start)[1]))
                       and not (m.precision == "day" and _REPORTED_AFTER.match(text, m.end))
                       and not (m.date_end and _PLAN_NAME.match(text, m.end))]
        self._date_starts = [m.start for m in self._dates]
        self._loc_starts = [m.start for m in self.locations]
        self._national: bool | None = None
        self._headings: list[tuple[int, str]] | None = None
        review = review_year(text, self.pub)
        self._review = None if review is None else f"{review:04d}"

    def _whole_of_named(self, m: Any, index: TextIndex, locs: list[Any], j: int) -> Any:
        """全省/全市/全县 (locs[j]) after a place of that level named in its paragraph is that
        place (a digest's story about 浙江 says 全省 of 浙江, not of the article's focus)."""
        level = m.text[1:2]
        text = self.text
        p0 = index.paragraph(m.start)[0]
        for prev in reversed(locs[max(0, j - 8):j]):
            if prev.start < p0:
                break
            code = (prev.region.adcode or "") if prev.region is not None else ""
            if prev.kind != "division" or len(code) != 6:
                continue
            province = code.endswith("0000")
            if code[:2] in _SPECIAL_REGIONS or text[prev.start - 1:prev.start] in _ROUTE_JOINER:
                continue  # 青海—香港经贸合作…，全省…: a partner or a route's end, not 全省
            if (level == "省" and province) or (level == "市" and (
                    code.endswith("00") and not province or code[:2] in _MUNICIPALITIES)) \
                    or (level in "县区旗" and not code.endswith("00")) \
                    or (level == "区" and province and code[:2] in _AUTONOMOUS):
                return _Place(m.start, m.end, m.text, m.kind, m.role, prev.region)
        return m

    # -- context --------------------------------------------------------------------------
    def _part(self, pos: int) -> tuple[int, int]:
        """The sentence part (between ；/。) holding `pos`."""
        s0, s1 = self.index.sentence(pos)
        return s0, s1

    def region(self, a: int, b: int) -> dict[str, Any]:
        """The region a claim at text[a:b] speaks for (see _region_of); in an article told from
        one province (seven in ten of its places, as in the province's own report) always the
        province or a place in it: a rank among the nation's (全国第二) or a partner province's
        name beside a figure does not make the figure theirs (measured on dev news too: one more
        claim right, none lost)."""
        r = self._region_of(a, b)
        home = self._home()
        if home is not None and (r.get("adcode") or "")[:2] != home.adcode[:2]:
            return _region_dict(home)
        return r

    def _home(self) -> Region | None:
        """The focus when it is a province the article is told from (HOME_SHARE of its
        places)."""
        focus = self.ctx.focus if self.ctx is not None else None
        if focus is not None and focus.adcode and focus.adcode.endswith("0000") \
                and focus.adcode[:2] not in ("10", "00") and self.ctx.focus_holds(HOME_SHARE):
            return focus
        return None

    def _region_of(self, a: int, b: int) -> dict[str, Any]:
        """The region a statement at [a, b) speaks for: the place nearest before the figure in
        its clause (甲市12个…、乙省300个…), else a place after it in the clause
        (…等17个重点项目在三亚开工), else the first place of its sentence (with its address
        chain: 福建漳州), else the nearest place (or 全国) before it in the paragraph or the
        line before, else the focus."""
        text = self.text
        s0, s1 = self.index.sentence(a)
        c0, c1 = self.index.clause(a)
        locs = self.locations
        k = bisect.bisect_left(self._loc_starts, a)
        before = [m for m in locs[max(0, k - 40):k] if m.end <= a]
        in_clause = [m for m in before if m.start >= c0]
        national = self._last_nation(c0, a)
        if in_clause:
            if national is not None and national.start() > in_clause[-1].end:
                return dict(NATIONAL)
            return _region_dict(in_clause[-1].region)
        if national is not None:
            return dict(NATIONAL)
        after_clause = [m for m in locs[k:k + 10] if m.start >= b and m.end <= c1]
        if after_clause:
            return _region_dict(after_clause[0].region)
        # the first place of the sentence, by its position (list.index compared the mentions
        # field by field through the whole list; place mentions never overlap)
        for j in range(max(0, k - 40, bisect.bisect_left(self._loc_starts, s0)),
                       min(len(locs), k + 20)):
            if locs[j].start >= s1:
                break  # (sorted by start: none after it ends in the sentence either)
            if locs[j].start >= b and _SHARE_OPEN.search(text, b, locs[j].start):
                break  # 新开工项目36个，其中聊城9个: the places of the breakdown are parts
            if locs[j].end <= s1:
                return _region_dict(_chain(locs, j))
        speaker = _SPEAKER_WORD.search(text, s0, a) is not None  # 全省…, 我区…: the focus
        if not speaker and (self._last_nation(s0, s1, subject=True) is not None
                            or self._national_subject(c0, a)):
            return dict(NATIONAL)
        j = bisect.bisect_left(self._name_place_starts, s0)
        if j < len(self.name_places) and self.name_places[j].end <= a:
            first = _region_dict(self.name_places[j].region)
            code = first.get("adcode") or ""
            for n in self.name_places[j + 1:j + 12]:
                other = (n.region.adcode or "") if n.end <= a else code
                if other[:4] != code[:4] and len(code) == 6:
                    # 孝感A、荆门B等5500个重大项目: names in several cities list examples of
                    # a batch that spans them: their province, if they share one
                    if other[:2] != code[:2]:
                        break
                    return first | {"city": None, "county": None, "town": None, "zone": None,
                                    "adcode": code[:2] + "0000"}
            return self._toward_focus(self.name_places[j].region, first)
        p0 = self.index.paragraph(a)[0]
        j0 = self._joined_start(s0)  # (甲类项目25个…；乙类项目20个…: one sentence's parts)
        lo = p0 if p0 < j0 else self.index.paragraph(max(0, p0 - 1))[0]
        if lo < p0 and self._national_article():
            lo = p0  # a national digest's paragraph about one province ends with it
        earlier = [m for m in before if m.start >= lo]
        nat = self._last_nation(lo, s0, subject=True)
        if earlier and (nat is None or earlier[-1].start > nat.start()):
            return _region_dict(earlier[-1].region)
        if nat is not None and not speaker:
            return dict(NATIONAL)
        if not speaker and self._national_article():
            return dict(NATIONAL)
        if _THIS_BATCH.match(text, p0) or _THIS_BATCH.match(text, j0) \
                or _BREAKDOWN_OPEN.match(text, p0):
            told = self._batch_place_before(p0)
            if told is not None:
                return told  # 3月24日，某区第一批重点项目集中开工活动举行…。本次集中开工项目中，
                # 甲类项目25个…: the batch told before, where it was held
        j = bisect.bisect_left(self._name_place_starts, a) - 1
        if not speaker and j >= 0 and self.name_places[j].start >= lo:
            # 甲县地震灾后重建项目全面开工。…重建项目共374项: the place of the batch's name
            # told before in the paragraph, over the article's focus
            return _region_dict(self.name_places[j].region)
        if self.ctx is not None and self.ctx.focus is not None:
            return _region_dict(self.ctx.focus)
        return _region_dict(None)

    def _toward_focus(self, r: Region | None, d: dict[str, Any]) -> dict[str, Any]:
        """`d` (the region `r` of a place in a project's name), or the article's focus when the
        focus lies inside `r`: 辽宁某产业园等20个项目 in a story told from 辽中区 is 辽中区's batch."""
        focus = self.ctx.focus if self.ctx is not None else None
        code = (r.adcode or "") if r is not None else ""
        fcode = (focus.adcode or "") if focus is not None else ""
        if len(code) != 6 or len(fcode) != 6 or fcode == code or code[:2] in ("10", "00"):
            return d
        return _region_dict(focus) if code_within(fcode, code) else d

    def _last_nation(self, a: int, b: int, subject: bool = False) -> re.Match[str] | None:
        """The last 全国/我国/中国 in text[a:b] that is not the frame of a rank or an honour
        (保持全国第2位, 获评全国最美农村路, 居全国前列: the region is compared with the nation);
        with `subject`, only one that opens its clause (after a time: 今年1-7月，全国铁路…,
        not 成为全国工业互联网首个…, 健康中国行动)."""
        text = self.text
        last = None
        if text.find("国", a, b) < 0:
            return None  # (each of the words holds 国)
        for m in _NATIONAL.finditer(text, a, b):
            if _NATION_FRAME_AFTER.match(text, m.end()) \
                    or _NATION_FRAME_BEFORE.search(text, max(0, m.start() - 3), m.start()) \
                    or (subject and not _NATION_OPENS.search(text, max(0, m.start() - 2),
                                                             m.start())
                        and m.start() > 0):
                continue
            last = m
        return last

    def _national_subject(self, c0: int, a: int) -> bool:
        """国家, a ministry or 国债 in the clause before `a`, not as what a region obtains
        (积极争取超长期特别国债等中央资金2083亿元 is the province's)."""
        m = _NATIONAL_SUBJECT.search(self.text, c0, a)
        if m is not None and m.group() == "国债" and self._local_article():
            s0, s1 = self.index.sentence(a)
            if not any(x.group() != "国债" for x in _NATIONAL_SUBJECT.finditer(self.text, s0, a)) \
                    and self.text.find("各地", s0, s1) < 0:
                return False  # 超长期特别国债支持资金…, 增发国债项目… in a province's report:
                # its own (not 住建部表示，…国债资金已支持各地…)
        return m is not None and _OBTAIN.search(self.text, c0, m.start()) is None

    def _national_report(self) -> bool:
        """A national government work report: its opening names it (国务院政府工作报告) or its
        speaker (我代表国务院), whatever place the gazetteer takes for its focus."""
        opening = self.text[:300]
        return "政府工作报告" in opening and ("国务院政府工作报告" in opening or "代表国务院" in opening)

    def _local_article(self) -> bool:
        """The article's focus is a province or a place below it, and it is no national
        digest."""
        focus = self.ctx.focus if self.ctx is not None else None
        code = (focus.adcode or "") if focus is not None else ""
        return len(code) == 6 and code != "100000" and not self._national_article()

    def _national_article(self) -> bool:
        """An article whose opening (3000 characters) names the nation as a speaker (全国, 我国,
        国家: not as the frame of a rank, 保持全国第5位, nor in 国家级…) at least three times
        and twice as often as its focus (by name, or 全省/我区) speaks for the nation
        where a statement names no place (a national digest with one province as an
        example)."""
        if self._national is None:
            focus = self.ctx.focus if self.ctx is not None else None
            code = (focus.adcode or "") if focus is not None else ""
            prefix = code[:2] if code.endswith("0000") else code[:4] if code.endswith("00") \
                else code
            opening = self.locations[:bisect.bisect_left(self._loc_starts, _OPENING)]
            n_focus = sum(1 for m in opening if (m.region.adcode or "").startswith(prefix)) \
                if prefix else 0
            t = self.text[:_OPENING]
            n_focus += len(_SPEAKER_WORD.findall(t))  # 全省, 我区: the focus speaking
            n_nation = 0
            for word in ("全国", "我国", "中国", "国家"):  # (str.find: C speed)
                pos = t.find(word)
                while pos >= 0:
                    b = pos + 2
                    if not (word == "中国" and t[b:b + 1] in _NOT_NATION_AFTER
                            or word == "国家" and _NOT_STATE.match(t, b)
                            or _NATION_FRAME_AFTER.match(t, b)
                            or _NATION_FRAME_BEFORE.search(t, max(0, pos - 3), pos)):
                        n_nation += 1
                    pos = t.find(word, b)
            self._national = n_nation >= 3 and n_nation >= 2 * n_focus
        return self._national

    def _dates_later_figure(self, a: int, d: Mention) -> bool:
        """Date `d` after the figure at `a` opens a later clause of its sentence that has an
        amount of its own (…总投资25.7亿元，2021年计划完成投资11.8亿元: 2021 is the plan's)."""
        c0, c1 = self.index.clause(d.start)
        if c0 <= a:
            return False
        k = bisect.bisect_left(self._mention_starts, d.end)
        return any(m.kind == "money" for m in self.mentions[k:k + 3] if m.start < c1)

    def period(self, a: int, batch: bool = False) -> tuple[str | None, str | None]:
        """The date or period of the statement at `a`: the nearest before it in its sentence
        (for a batch of projects started or signed, the most precise date there: 一季度…今天
        (2月19日)集中开工 happened on the day), else the first after it there, else a relative
        day word there (今天), else the nearest before it in the paragraph (300 characters),
        else the publication month."""
        text = self.text
        s0, s1 = self.index.sentence(a)
        p0 = max(self.index.paragraph(a)[0], a - 300)
        k = bisect.bisect_left(self._date_starts, a)
        dates = self._dates
        before = [m for m in dates[max(0, k - 30):k] if m.end <= a and m.start >= p0]
        in_sentence = [m for m in before if m.start >= s0]
        if in_sentence:
            best = in_sentence[-1]
            if batch and _EVENT_WORD.search(text, s0, s1):
                best = max(in_sentence, key=lambda m: (_PRECISE[m.precision or ""], m.start))
            if best.date and _WHOLE_YEAR.search(text, s0, a) \
                    and _WHOLE_YEAR.search(text, self.index.clause(a)[0], a):
                return best.date[:4], "year"  # …近日开工，将带动全年总投资3万亿元
            rel = _last_match_in(_REL_DAY, text, s0, s1)
            if best.precision == "year" and rel is not None and rel.start() > best.start:
                return self._relative(rel.group())  # 2022年，…近日陆续开工
            if batch and best.precision in ("quarter", "half", "month", "year"):
                # 一季度741个重大项目今天（2月19日）集中开工: the day it happened
                day = next((m for m in dates[k:k + 4] if m.start < s1
                            and m.precision == "day"), None)
                if day is not None:
                    return self._dated(day), "day"
                if rel is not None and rel.start() > best.start \
                        and rel.group() in ("今天", "今日", "当天", "昨天", "昨日"):
                    return self._relative(rel.group())
            if best.text.endswith("底") and _AS_OF.search(text, max(0, best.start - 3),
                                                           best.start):
                if best.date and len(best.date) == 7 and _YEAR_TO_DATE.search(text, s0, s1):
                    # 截至10月底，全地区累计完成…，完成年度计划的97.7%，同比增长30.2%: the
                    # year so far (as the annotators of the collected pages read it)
                    return f"{best.date[:4]}-01/{best.date}", "month"
                return _month_end(best.date), "day"  # 截至3月底: as of the month's last day
            return self._dated(best), best.precision
        span = self._years_back(s0, a)
        if span is not None:
            return span  # 四年来，…累计安排57.4亿元: the years up to the publication's
        if (text.find("年来", s0, a) >= 0 or text.find("些年", s0, a) >= 0
                or text.find("几年", s0, a) >= 0) and _VAGUE_YEARS.search(text, s0, a):
            return None, None  # 近年来，…累计投资20多亿元: over years the text does not count
        if self.pub is not None and self.pub.month and (
                text.find("目前", s0, a) >= 0 or text.find("至今", s0, a) >= 0) \
                and _NOW.search(text, s0, a):
            # 截至目前，…已开工建设105项: as of publication, not a day told before
            return f"{self.pub.year:04d}-{self.pub.month:02d}", "month"
        after = [m for m in dates[k:k + 5] if m.start < s1
                 and not _DEADLINE_AFTER.match(text, m.end)  # (2026年将全面完成: a deadline)
                 and not self._dates_later_figure(a, m)]
        if after:
            return self._dated(after[0]), after[0].precision
        if self.pub is not None and _WHOLE_YEAR.search(text, s0, a):
            # 浦东新区计划全年力争完成…3000亿元 after a sentence about June: the year's figure
            year = before[-1].date[:4] if before and before[-1].date else \
                self._heading_year(a) or self._review or f"{self.pub.year:04d}"
            return year, "year"
        if batch and before and _THIS_BATCH.search(text, self._joined_start(s0), a):
            # 2月26日…集中开工活动…。此次集中开工的14个项目…: the day of the event told before
            best = max(before, key=lambda m: (_PRECISE[m.precision or ""], m.start))
            return self._dated(best), best.precision
        rel = _last_match_in(_REL_DAY, text, s0, a) or _last_match_in(_REL_DAY, text, p0, a)
        # from the paragraph, not a date another statement plans for (预计年内…)
        # the last date before that is settled (not 预计年内…, not planned), and a day only as
        # the day of an event told in its sentence (落实去年9月26日中央会议部署 is when a
        # meeting was held)
        para_date = next((m for m in reversed(before) if m.text not in ("年内", "年底前", "年底")
                          and not _PLANNED_DATE.search(text, max(0, m.start - 4), m.start)
                          and not (m.precision == "day" and not _TOLD_EVENT.search(
                              text, m.end, self.index.sentence(m.start)[1]))), None)
        back = self._years_back_match(p0, s0)
        if back is not None and (para_date is None or back.start() > para_date.start) \
                and (rel is None or back.start() > rel.start()):
            span = self._years_back(back.start(), back.end())
            if span is not None:
                return span  # 四年来，…；带动…项目3737个: the span told before in the paragraph
        if batch and para_date is not None and para_date.precision == "year" \
                and _BREAKDOWN_OPEN.match(text, s0):
            told = self._event_day_before(s0)
            if told is not None:
                return told  # 10月28日…集中开工…，今年计划完成投资420亿元。其中，产业项目300
                # 个…: the day's batch broken down, not the year of its plan
        if rel is not None and (para_date is None or rel.start() > para_date.start):
            return self._relative(rel.group())
        if para_date is not None:
            return self._dated(para_date), para_date.precision
        j0 = self._joined_start(s0) if batch else s0
        if batch and (_BATCH_WORD.search(text, j0, s1) or _BREAKDOWN_OPEN.match(text, j0)
                      or _BREAKDOWN_OPEN.match(text, self.index.paragraph(s0)[0])):
            # (具体来看，某某等重大产业项目1365个…: the day's batch broken down)
            told = self._event_day_before(s0)
            if told is not None:
                return told  # 6月6日，…推介会在武汉举行。…全市共签约33个项目: that day
        p = self.pub
        heading = self._heading_year(a)
        if p is not None and _FULL_YEAR.search(text, s0, a):
            return heading or self._review or f"{p.year:04d}", "year"  # 全年预计完成…6500亿元
        if heading is not None:
            return heading, "year"  # 一、2024年工作回顾 over a report's section of results
        if self._review is not None:
            return self._review, "year"  # a review of last year: its figures are that year's
        if p is None:
            return None, None
        if p.month:
            return f"{p.year:04d}-{p.month:02d}", "month"
        return f"{p.year:04d}", "year"

    def _dated(self, m: Mention) -> str | None:
        """A date's value, its guessed year (四季度, 3月 with no year) taken from the report's
        section heading when that names another year (一、2024年工作回顾…攻坚四季度)."""
        value = date_value(m)
        if value and m.year_inferred and self.pub is not None and "年" not in m.text:
            year = self._heading_year(m.start)
            if year is not None:
                value = "/".join(year + part[4:] for part in value.split("/"))
        return value

    def _years_back(self, s0: int, a: int) -> tuple[str, str] | None:
        """四年来, 近三年, 过去五年 before `a` in its sentence: the years up to the publication's
        (2010/2014 in 2014); 一年来, 过去一年 in a report of the year's first quarter: last year."""
        p = self.pub
        if p is None:
            return None
        m = self._years_back_match(s0, a)
        if m is None:
            return None
        if m.group("months"):
            # 一个多月以来 (July): June to July; 三个月来: May to July
            n = _small_number(m.group("months"))
            if n is None or n > 11 or not p.month or (n == 1 and not m.group("more")):
                return None
            y, mo = divmod(p.year * 12 + p.month - 1 - n + (0 if m.group("more") else 1), 12)
            return f"{y:04d}-{mo + 1:02d}/{p.year:04d}-{p.month:02d}", "month"
        n = _small_number(m.group("n") or m.group("n2"))
        if n is None or n > 20:
            return None
        if n == 1:
            if p.month is not None and p.month > 3:
                return None  # the last twelve months, not a calendar year
            return f"{p.year - 1:04d}", "year"
        return f"{p.year - n:04d}/{p.year:04d}", "year"

    def _years_back_match(self, a: int, b: int) -> re.Match[str] | None:
        """The last 四年来/近三年/一个多月以来 inside text[a:b] that spans the statement, not a
        record it sets (投入强度创10年来新高, 增速6年来首次超过…, 创近5年新高)."""
        text = self.text
        if _BACK_HINT.search(text, a, b) is None:
            return None  # (each form holds one of these: most windows hold none)
        m = _last_match_in(_YEARS_BACK, text, a, b)
        while m is not None and _RECORD_AFTER.match(text, m.end()):
            m = _last_match_in(_YEARS_BACK, text, a, m.start())
        return m

    def _heading_year(self, a: int) -> str | None:
        """The year of the last section heading before `a` (a short line with no 。 naming a
        year and 回顾/工作安排/重点工作: 一、2024年工作回顾; 一、过去一年工作回顾 in a report of the
        first quarter) when it is not the publication's year: the section of a report that
        looks back on that year."""
        if self._headings is None:
            self._headings = []
            p = self.pub
            back = p is not None and (p.month is None or p.month <= 3)
            text = self.text
            # (a regex that opens with a line break: only line starts are tried; and only in
            # a text that holds a section word at all)
            scan = any(w in text for w in _SECTION_WORDS)
            for h in _HEADING_START.finditer(text) if scan else ():
                l0 = h.start() + 1
                l1 = text.find("\n", h.end(), l0 + 31)
                if l1 < 0 and l0 + 31 < len(text):
                    continue  # a line longer than a heading
                line = text[l0:l1 if l1 >= 0 else len(text)]
                if "。" in line:
                    continue
                y = _HEADING_YEAR.search(line)
                if y is not None:
                    self._headings.append((l0, y.group(1)))
                elif back and p is not None and _LAST_YEAR_WORDS.search(line):
                    # 一、过去一年工作回顾 in a report of the year's first quarter: last year
                    self._headings.append((l0, f"{p.year - 1:04d}"))
                elif p is not None and "今年" in line:
                    self._headings.append((l0, f"{p.year:04d}"))  # 二、今年工作安排
        if not self._headings or self.pub is None:
            return None
        k = bisect.bisect_left(self._headings, (a, "")) - 1
        if k < 0:
            return None
        year = self._headings[k][1]
        return year if year != f"{self.pub.year:04d}" else None

    def _batch_place_before(self, pos: int) -> dict[str, Any] | None:
        """The place of the last sentence before `pos` (within 1500 characters) that tells a
        batch event (集中开工, 签约仪式…): its first place, with its address chain."""
        locs = self.locations
        k = bisect.bisect_left(self._loc_starts, pos) - 1
        while k >= 0 and locs[k].start >= pos - 1500:
            q0, q1 = self.index.sentence(locs[k].start)
            if _BATCH_EVENT_SENTENCE.search(self.text, q0, q1):
                j = bisect.bisect_left(self._loc_starts, q0)
                return _region_dict(_chain(locs, j))
            k = bisect.bisect_left(self._loc_starts, q0) - 1
        return None

    def _joined_start(self, s0: int) -> int:
        """The start of the sentence whose later part (after ；) starts at `s0`."""
        text = self.text
        for _ in range(20):  # (a list of parts is short; the bound keeps a degenerate text linear)
            k = s0
            while k > 0 and text[k - 1] in " \u3000":
                k -= 1
            if k == 0 or text[k - 1] not in "；;":
                break
            s0 = self.index.sentence(k - 1)[0]
        return s0

    def _event_day_before(self, s0: int) -> tuple[str | None, str | None] | None:
        """The day of the last event told before `s0` (within 2000 characters): a day date or
        今天/昨天 in a sentence with an event word (开工, 签约, 举行, 仪式…)."""
        text = self.text
        k = bisect.bisect_left(self._date_starts, s0) - 1
        best: tuple[int, tuple[str | None, str | None]] | None = None
        while k >= 0 and self._dates[k].start >= s0 - 2000:
            m = self._dates[k]
            if m.precision == "day":
                d0, d1 = self.index.sentence(m.start)
                if _TOLD_EVENT.search(text, m.end, d1):
                    best = (m.start, (date_value(m), "day"))
                    break
            k -= 1
        for r in _REL_DAY.finditer(text, max(0, s0 - 2000), s0):
            if r.group() in ("今天", "今日", "昨天", "昨日") and (best is None or r.start() > best[0]):
                d1 = self.index.sentence(r.start())[1]
                if _TOLD_EVENT.search(text, r.end(), d1):
                    best = (r.start(), self._relative(r.group()))
        return best[1] if best is not None else None

    def _relative(self, word: str) -> tuple[str | None, str | None]:
        p = self.pub
        if p is None:
            return None, None
        if word in ("今天", "今日", "当天") and p.day and p.month:
            return f"{p.year:04d}-{p.month:02d}-{p.day:02d}", "day"
        if word in ("昨天", "昨日") and p.day and p.month:
            import datetime as _dt

            d = _dt.date(p.year, p.month, p.day) - _dt.timedelta(days=1)
            return d.isoformat(), "day"
        if p.month and (word in _A_WHILE_AGO or (word in _DAYS_AGO and p.day and p.day <= 7)):
            # 不久前, and 几天前 in a month's first week: maybe the month before (as
            # dates.py resolves 日前)
            y, mo = divmod(p.year * 12 + p.month - 2, 12)
            return f"{y:04d}-{mo + 1:02d}/{p.year:04d}-{p.month:02d}", "month"
        if p.month:
            return f"{p.year:04d}-{p.month:02d}", "month"
        return f"{p.year:04d}", "year"

    # -- figures near an anchor ---------------------------------------------------------------
    def _after(self, anchor: Mention, kinds: tuple[str, ...], limit: int) -> Mention | None:
        """The first mention of `kinds` after the anchor in its sentence part, before the next
        amount or count."""
        k = bisect.bisect_left(self._mention_starts, anchor.end)
        for j in range(k, len(self.mentions)):  # (not a slice: a copy of the rest each time)
            m = self.mentions[j]
            if m.start > limit:
                break
            if m.kind in kinds:
                if kinds == ("growth",) and self._own_indicator(anchor, m):
                    return None  # …完成投资2831亿元，制造业投资增长3.3%: another one's growth
                return m
            if m.kind in ("money", "count") and m is not anchor:
                return None
        return None

    def _respective_growths(self, m: Mention, c0: int) -> list[tuple[str, Mention]]:
        """化工、建材行业增加值分别增长6.4%、3.9%: each listed indicator with its growth, in
        order (the shared noun written once, after the last item); [] when the clause is no
        such list or the numbers of items and growths differ."""
        text = self.text
        lo = max(self.index.sentence(m.start)[0], m.start - 48)
        if text.find("、", lo, m.start) < 0:
            return []  # (no list: the search, slow over a window, would find nothing)
        lm = _LISTED_GROWTH.search(text, lo, m.start)  # (the clause index breaks at 、 too)
        if lm is None:
            return []
        items = lm.group(1).split("、")
        tail = _SHARED_NOUN.search(items[-1])
        if tail is None:
            return []
        items = [it if _SHARED_NOUN.search(it) else it + tail.group() for it in items]
        items = [_category_words(it) for it in items]
        growths = [m]
        k = bisect.bisect_right(self._mention_starts, m.start)
        while k < len(self.mentions) and len(growths) < len(items):
            g = self.mentions[k]
            if g.kind != "growth" or text[growths[-1].end:g.start] not in ("、", "和", "，", ","):
                break
            growths.append(g)
            k += 1
        if len(growths) != len(items):
            return []
        return list(zip(items, growths, strict=True))

    def _place_growths(self, m: Mention) -> list[tuple[Any, Mention, str, str | None]]:
        """甲、乙、丙三市技改投资增速分别为1.2%、1.5%、3.2%: one growth per listed place, in
        order, with the indicator named there or last named before in the paragraph; [] when
        the growth opens no such list, an item is no place, or the counts differ."""
        text = self.text
        s0 = self.index.sentence(m.start)[0]
        if text.find("、", max(s0, m.start - 60), m.start) < 0:
            return []  # (no list: the search, slow over a window, would find nothing)
        # (its search, with the first 、 of the list 2 to 8 characters after the start: the
        # pattern opens with a class, and re tried it at every character of the window)
        lm = next(finditer_by_mark(_PLACE_LIST_GROWTH, text, _ENUM_COMMA, (2, 8),
                                   max(s0, m.start - 60), m.start), None)
        if lm is None:
            return []
        locs = self._list_places(lm.start(1), lm.group(1))
        growths = [m]
        k = bisect.bisect_right(self._mention_starts, m.start)
        while k < len(self.mentions) and len(growths) < len(locs):
            g = self.mentions[k]
            if g.kind != "growth" or text[growths[-1].end:g.start] not in ("、", "和"):
                break
            growths.append(g)
            k += 1
        if len(locs) < 2 or len(growths) != len(locs):
            return []
        words = lm.group(2)
        if not words:
            p0 = self.index.paragraph(m.start)[0]
            nouns = list(_GROWTH_NOUN.finditer(text, max(p0, s0 - 300), lm.start()))
            if not nouns:
                return []
            words = nouns[-1].group()
        im = _IND_RE.fullmatch(words) or _IND_RE.search(words)
        ind = _IND_NAMES[im.lastindex or 0] if im is not None else "other"
        text_words = None if ind != "other" else words
        return [(loc, g, ind, text_words) for loc, g in zip(locs, growths, strict=True)]

    def _places_listed(self, end: int) -> list[Any]:
        """The places of a 、-list that ends at `end` (甲、乙、丙), each a place mention; [] when
        the text there is no such list."""
        text = self.text
        lm = _PLACE_LIST_END.search(text, max(0, end - 40), end)
        if lm is None:
            return []
        locs = self._list_places(lm.start(1), lm.group(1), first_ends=True)
        return locs if len(locs) >= 2 else []

    def _list_places(self, pos: int, items: str, first_ends: bool = False) -> list[Any]:
        """The place mention of each 、-item of `items` (starting at `pos`), or [] when an item
        is no place (甲市 read as the place 甲 leaves one character over). `first_ends`: the
        first item may open with other words and ends in its place (湖北省襄阳、宜昌)."""
        locs = []
        for n, item in enumerate(items.split("、")):
            k = bisect.bisect_left(self._loc_starts, pos)
            if n == 0 and first_ends:
                ends = [loc for loc in self.locations[k:k + 4]
                        if pos + len(item) - 1 <= loc.end <= pos + len(item)]
                if not ends:
                    return []
                locs.append(ends[-1])
            elif k >= len(self.locations) or self.locations[k].start != pos \
                    or self.locations[k].end < pos + len(item) - 1:
                return []
            else:
                locs.append(self.locations[k])
            pos += len(item) + 1
        return locs

    def _own_indicator(self, anchor: Mention, growth: Mention) -> bool:
        """Whether a growth after a clause break names an indicator of its own before it."""
        c0 = self.index.clause(growth.start)[0]
        if c0 <= anchor.end:
            return False
        return _GROWTH_SUBJECT.search(self.text, c0, growth.start) is not None

    def find(self) -> list[dict[str, Any]]:
        """Every claim of the article (see module doc)."""
        text = self.text
        claims: list[dict[str, Any]] = []
        self.counts_used: set[int] = set()
        self._listed: set[int] = set()
        ms = self.mentions
        for i, m in enumerate(ms):
            if m.kind != "money" or id(m) in self.used:
                continue
            if ("个" in m.text or "项" in m.text) and _COUNT_AS_MONEY.match(m.text):
                if self.mentions is ms:
                    self.mentions = list(ms)  # (the article's list is shared with the stages)
                self.mentions[i] = _as_count(m)  # 2000个亿元项目: a count (read below)
                continue
            s0, s1 = self.index.sentence(m.start)
            left = text[max(s0, m.start - 20):m.start]
            if _NOT_A_TOTAL.search(left[-6:]) or (
                    m.qualifier in ("over", "under") and _THRESHOLD_AFTER.match(text, m.end)) \
                    or _CLASS_AMOUNT.match(text, m.end):
                continue  # 平均投资规模达6亿元, 10亿元以上的项目, 100亿元企业: not a total
            if id(m) in self._listed:
                continue  # (an amount of a 分别 list read with its first)
            if "分别" in left:
                listed = self._respectively(i, left)
                if listed:
                    claims.extend(listed)
                    continue
            own = _OWN_CUE.split(left)[-1]  # the words of this figure's own verb phrase
            if (("每" in own or "较" in own or "比" in own) and _NOT_A_LEVEL.search(own)) \
                    or text.startswith(_INCREMENT_AFTER, m.end):
                continue  # 每天产值…, 较去年增加251亿元, 以每年2亿元递增: no total of its own
            if text[m.end:m.end + 1] in ("的", "、") \
                    and (m.qualifier == "over" or left.endswith(("过", "超"))) \
                    and _COUNTED_BEFORE.search(own):
                continue  # 64个产值过10亿元、2334个过2000万元的增长点: the size of things counted
            if left.endswith(_NOT_OWN_ENDS) or text.startswith(_CONVERTED, m.start) \
                    or _SAVING.search(own, max(0, len(own) - 8)) or (
                    left.endswith("由") and _CHANGED_TO.match(text, m.end)):
                continue  # 约合1243亿元 (the figure before, converted), 需要投资3亿元 (what
                # one plant costs), 资金增加了1425亿元 (a difference), 由7000亿元增加到…
            if ("该" in left or "此" in left or "这" in left) \
                    and _THIS_PROJECT.match(text, self.index.clause(m.start)[0], m.start):
                continue  # …收购一座铜矿的股份，该项目总投资约9亿美元: one project's
            if (("项目" in left or "工程" in left) and _PROJECT_PROSPECT.match(
                    text, self.index.clause(m.start)[0], m.start)) or (
                    text.startswith("的", m.end) and ("一" in left or "这" in left)
                    and _ONE_THING.search(
                        text, self.index.clause(m.start)[0], m.start)):
                continue  # 项目可获得8亿元投入 (the project's prospects), 一座年产值9亿元的
                # 工厂 (one undertaking described by its figure)
            gm = _GDP_TOTAL.search(left)
            if gm is not None and (gm.group(1) or _GDP_WORD.search(text, s0, m.start)):
                # 生产总值增长5.8%，总量达到60013亿元; 甲、乙经济总量突破6000亿元 (each of them)
                locs = self._places_listed(m.start - len(left) + gm.start())
                for loc in locs or [None]:
                    rec = self._claim(m, "other", "地区生产总值", None)
                    if loc is not None:
                        rec["region"] = _region_dict(loc.region)
                        rec["growth_pct"] = None
                    claims.append(rec)
                continue
            ind = None
            im = _last_match(_IND_RE, left)
            if im is not None and im.end() >= len(left) - 12 \
                    and not (im.end() <= len(left) - len(own) and _OWN_NOUN.search(own)):
                ind = _IND_NAMES[im.lastindex or 0]  # (年产值80亿元，年纳税4亿元: not 产值)
            if ind is None and _NOT_INVESTMENT.search(own[-10:] + text[m.end:m.end + 6]):
                continue  # 税后利润, 中标价, 贷款…: not investment
            count = None
            if ind is None:
                count = self._batch_count(i, s0) or self._batch_count_after(i, s1)
                if count is not None and self._rejected(count, s0):
                    continue  # 否决…项目35个，涉及投资额超过56亿元: projects turned away
                if count is not None and count.start < m.start \
                        and _NOT_INVESTMENT.search(text, count.end, m.start):
                    continue  # 6家车企向海外采购芯片…，金额达9亿美元: what the counted spend
                    # on is no investment
            elif ind in _REGIONAL and self._adjacent_count(i, s0, _IN_PLACE.search(left)):
                # …项目就有3651项，实际完成投资额3326亿元; 投产项目174个，到位资金128亿元
                count = self._adjacent_count(i, s0, _IN_PLACE.search(left))
                self.counts_used.add(id(count))
            elif ind == "contracted_fdi":
                count = self._total_count_before(i, s0)  # 签约项目3个，总投资2.4亿美元，协议
                # 台资1亿美元: the foreign capital the same batch contracted
            indicator_text = None
            project_sentence = self.index.sentence_index(m.start) in self.project_sentences \
                or _PROJECT_SUBJECT.match(text[s0:s0 + 8].lstrip()) \
                or (ind in _FIRM_LEVEL and _PROJECT_YIELD.search(text, s0, m.start) is not None) \
                or self._prospect_continued(s0)
            if ind in _FIRM_LEVEL and (project_sentence or self._firm_before(m.start, s0)):
                continue  # a project's or a firm's 产值, not the region's
            if ind == "fixed_asset_investment" and project_sentence \
                    and _PART_OF_TOTAL.search(text, max(s0, m.start - 12), m.start):
                continue  # 该项目总投资1.8亿，其中固定资产投资1.45亿元: the project's own
            if count is not None and ind is not None:
                pass  # …项目就有3651项，实际完成投资额3326亿元: the named indicator, counted
            elif count is None and ind is None and _AGGREGATE.search(left[-10:]):
                ind = "project_investment"  # 全部项目总投资达到120亿元: the whole batch
            elif count is not None:
                self.counts_used.add(id(count))
                if m.qualifier == "over" and _DISTRIBUTIVE.fullmatch(text[count.end:m.start]):
                    # 17个项目总投资超1亿元: each of them, so a count of projects
                    claims.append(self._claim(count, "project_count", None, count))
                    continue
                ind = "project_investment"
            elif id(m) in self.coordinated:
                ind = "project_investment"  # 河道改造工程和污水管网…总投资3亿元
                count = self.coordinated[id(m)]
            elif ind is not None and ind not in _FIRM_LEVEL:
                pass  # 完成工业性投入3.23亿元 after a list of projects: still the region's
            elif BATCH_INVEST_BEFORE.search(left):
                ind = "project_investment"  # 省重点工程项目投资5367.1亿元, 重大工程投资完成2383亿元，
                # 建成某线: the batch's, even in a sentence that goes on to name works
            elif project_sentence:
                continue  # a project's figure (项目建成后…年产值680亿元), not a region's
            elif ind is not None:
                pass
            elif self._firm_before(m.start, s0) or _FIRM_OPENING.match(text[s0:s0 + 8].lstrip()) \
                    or (m.currency not in (None, "CNY") and not self._regional_subject(m.start, s0)) \
                    or _builds_one(text, m.end, min(s1, m.end + 30)) or _FIRM_SUBJECT.search(
                    text, max(self.index.clause(m.start)[0], m.start - 16), m.start):
                continue  # a firm's or a project's figure (格力电器…宣布投资50亿元)
            elif _INDICATOR_NOUN.search(left):
                ind, indicator_text = "other", _INDICATOR_NOUN.search(left).group()
            elif self._one_project_after(m, s1) or _ONE_TOTAL_OPEN.match(
                    text, self.index.clause(m.start)[0], m.start):
                continue  # 总投资超过138亿元的某某算力产业集群配套项目，刚刚开工; …现场，项目总投资
                # 30亿元: one project's
            elif (_PROJECT_NOUN.search(text, max(s0, m.start - 24), m.start)
                  or _PROJECTS_AFTER.match(text, m.end)
                  or (left.endswith(_TOTAL_CUES) and _BATCH_NOUN.search(text, s0, m.start)
                      and not self._count_between(s0, m.start))) \
                    and m.role in ("total", "annual", "completed", "other"):
                ind = "project_investment"  # (一季度重点项目今天开工，涵盖…，总投资超5600亿元)
            else:
                oc = _OTHER_CUE.search(left)
                right = _OTHER_RIGHT.match(text, m.end)
                attained = self._after(m, ("attainment",), s1) is not None
                if _NOT_INVESTMENT.search(own + text[m.end:m.end + 6]) \
                        or _FIRM_FUNDS.match(text, m.end):
                    continue  # (3亿元用于补充流动资金: a firm's working capital)
                if oc is None and right is None and not attained:
                    continue
                if oc is not None and (_FACILITY_TOTAL.search(oc.group()) or (
                        own.endswith("总投资") and self._capacity_in(s0, s1))):
                    continue  # 某某站总投资12亿元, 电站…，总投资159亿元，总装机280万千瓦: one
                    # facility's total
                if m.role in ("total", "annual", "completed", "other") \
                        and _PLAIN_INVEST.fullmatch(_LEADING_TIME.sub("", own)) \
                        and (text.find("项目", s0, m.start) >= 0 or self._project_heading(s0)):
                    # 县级重点项目共530项，…，1-6月累计完成投资362.32亿元; under 基础设施类项目
                    # 有序推进: 1—9月实际完成投资426.1亿元: the projects' investment
                    claims.append(self._claim(m, "project_investment", None, count))
                    continue
                ind = "other"
                words = own if oc is not None and 2 <= len(own) <= 16 \
                    and oc.group().endswith(own) else oc.group()[-12:] if oc is not None else ""
                indicator_text = (self._own_words(words, m.start) if oc is not None
                                  else right.group() if right is not None else left[-8:])
            if isinstance(count, Mention) or count is None:
                claims.append(self._claim(m, ind, indicator_text, count))
            else:
                rec = self._claim(m, ind, indicator_text, None)
                rec["count"] = count
                claims.append(rec)
        ms = self.mentions  # (with the counts read as money put right)
        # land a region clears, supplies or plans: 去年累计处置土地约3万亩, 确保2万亩建设用地
        for m in ms:
            if m.kind != "land" or id(m) in self.used or m.unit not in ("亩", "公顷", "平方公里"):
                continue
            s0, s1 = self.index.sentence(m.start)
            if self.index.sentence_index(m.start) in self.project_sentences \
                    or _PROJECT_SUBJECT.match(text[s0:s0 + 8].lstrip()):
                continue
            around = text[max(s0, m.start - 16):min(s1, m.end + 16)]
            # the words of this figure's own item (a list's item after 、 has cues of its own)
            lo = max(s0, m.start - 16)
            item = text[max(lo, text.rfind("、", lo, m.start) + 1,
                            text.rfind("，", lo, m.start) + 1):m.start]
            right = _ITEM_RIGHT.match(text, m.end, min(s1, m.end + 16)).group()
            if _FARM_LAND.search(item) or _FARM_LAND.search(right):
                continue  # 高标准农田850万亩, 治理沙化土地, 建设用地减量: no land for building
            if "、" in around[:m.start - lo]:
                around = item + text[m.start:min(s1, m.end + 16)]
            if not _LAND_CUE.search(around) or _LAND_THRESHOLD.match(text, m.end) \
                    or _SHORTFALL.search(around):
                continue  # 用地3亩以上工业企业: a threshold; 用地缺口: a need, not land cleared
            cleared = _LAND_CLEARED.search(around) is not None
            rec = self._claim(m, "land_cleared" if cleared else "other",
                              None if cleared else _LAND_CUE.search(around).group(), None)
            claims.append(rec)
        # counts of projects with no amount: 19项重点工程…开工, 已开工10项
        for m in ms:
            if m.kind != "count" or m.unit not in _COUNT_UNITS or id(m) in self.counts_used:
                continue
            share = self._place_share(m)
            if share is not None:
                rec = self._claim(m, "project_count", None, m)
                rec["region"] = _region_dict(share.region)
                claims.append(rec)  # 其中高新区12个项目，经开区9个项目: each place's part
                continue
            if not self._is_project_count(m):
                continue  # (a count in 家, 人, 套… never counts projects: no call)
            s0, s1 = self.index.sentence(m.start)
            if not _EVENT_WORD.search(text, s0, s1) or _PART_OF.match(text, m.end) \
                    or _ENUMERATED.match(text, m.end) or _in_parentheses(text, m.start, s0):
                continue  # 150项重大水利工程之一, 有9个，包括…, (产业项目8个…)
            if self._rejected(m, s0):
                continue  # 否决…项目35个: projects turned away
            if _NATIONAL_LIST.search(text, max(s0, m.start - 24), m.start):
                continue  # 列入国家“十四五”规划102项重大工程: the nation's list, no region's claim
            if _REMAINDER.search(text, max(s0, m.start - 3), m.start) or (
                    text[m.start - 1:m.start] == "由" and _CHANGED_TO.match(text, m.end)):
                continue  # 已批复46个，剩余18个: the rest of a whole; 由44项增加到48项: the old
            c0 = self.index.clause(m.start)[0]
            if _BREAKDOWN.search(text, max(s0, c0 - 12), m.start) \
                    and not _SUBCLASS.search(text, c0, min(s1, m.end + 10)) \
                    and not _KIND_COUNTED.search(text, max(s0, m.start - 16), m.start):
                continue  # 其中包括3个光伏发电项目: a breakdown of the count before (其中
                # 10亿元以上项目8个, 其中新开工项目17个 are counts of their own)
            if self._restated_below(m):
                continue  # a headline's count the body states again (and tallies there)
            later = self._later_count(m, s1)
            claims.append(self._claim(later or m, "project_count", None, later or m))
        # growth of an indicator with no amount: 全市投资同比增长21.3%, 民间投资同比增长10.7%
        taken_growth = {c.get("_growth_id") for c in claims}
        for m in ms:
            if m.kind != "growth" or id(m) in taken_growth:
                continue
            by_place = self._place_growths(m)
            if by_place:
                for loc, g, ind, words in by_place:
                    rec = self._claim(g, ind, words, None, value=False)
                    rec["region"] = _region_dict(loc.region)
                    claims.append(rec)
                    taken_growth.add(id(g))
                continue
            c0 = self.index.clause(m.start)[0]
            paired = self._respective_growths(m, c0)
            if paired:
                for item, g in paired:
                    ind_m = _IND_RE.search(item)
                    ind = _IND_NAMES[ind_m.lastindex or 0] if ind_m is not None else "other"
                    claims.append(self._claim(g, ind, item if ind == "other" else None, None,
                                              value=False))
                    taken_growth.add(id(g))
                continue
            left = text[max(c0, m.start - 16):m.start]
            im = _IND_RE.search(left)
            if im is not None and _INTENSITY.search(left, max(0, im.start() - 8), im.start()):
                continue  # 万元工业增加值用水量下降48%: an intensity, not the indicator
            if im is None and _ECONOMY_GROWS.search(left):
                # 经济增长5.5%左右: the growth of the region's GDP
                claims.append(self._claim(m, "other", "地区生产总值", None, value=False))
                continue
            if im is None and _BARE_INVESTMENT.fullmatch(left):
                # …，投资增长7%左右: a region's investment with no other name is its fixed-asset
                # investment
                claims.append(self._claim(m, "fixed_asset_investment", None, None, value=False))
                continue
            if im is not None:
                claims.append(self._claim(m, _IND_NAMES[im.lastindex or 0], None, None,
                                          value=False))
                continue
            cat = _CATEGORY_GROWTH.search(left)
            if cat is None or self.index.sentence_index(m.start) in self.project_sentences:
                continue
            claims.append(self._claim(m, "other", _category_words(cat.group(1)), None,
                                      value=False))
        # 低于工业新建投资22.5%和工业投资13.2%的增速: indicators' growths named as a comparison
        for m in ms:
            if m.kind != "percent":
                continue
            noun = _GROWTH_NOUN_END.search(text, max(0, m.start - 10), m.start)
            if noun is None or not _COMPARED_GROWTH.match(text, m.end):
                continue
            words = noun.group()
            im = _IND_RE.fullmatch(words)
            ind = _IND_NAMES[im.lastindex or 0] if im is not None else "other"
            rec = self._claim(m, ind, None if ind != "other" else words, None, value=False)
            rec["growth_pct"] = m.value
            rec["_growth_id"] = id(m)
            claims.append(rec)
        # 同比增长14.1%，低于去年同期的34.2%: last year's growth of the same indicator
        for m in ms:
            if m.kind != "percent" or not _LAST_YEAR_SAME.search(text, max(0, m.start - 8), m.start):
                continue
            s0 = self.index.sentence(m.start)[0]
            before = [c for c in claims if c.get("growth_pct") is not None
                      and s0 <= c["_anchor"][0] < m.start]
            if not before or before[-1]["period"] is None:
                continue
            rec = dict(before[-1])
            rec.update(value=None, unit=None, count=None, target_pct=None, rank=None,
                       qualifier=None, growth_pct=m.value, _growth_id=id(m),
                       period=_YEAR.sub(lambda y: str(int(y.group()) - 1), before[-1]["period"]),
                       evidence=[{"start": m.start, "end": m.end}], _anchor=(m.start, m.end))
            claims.append(rec)
        # a region's aggregates run to millions: 20万元资金用来还债, 投入一元钱 are a household's or a
        # parable's money (no annotated claim in tests/gold is below 1,000,000 yuan but one
        # borderline per-head GDP)
        claims = [c for c in claims if not (
            c["value"] is not None and c["unit"] in _MONEY_UNITS
            and c["value"] < _SMALLEST_AGGREGATE * (0.15 if c["unit"] != "CNY" else 1))]
        # the nation's fiscal revenue is no investment figure: national digests are read for
        # investment only (tests/gold/README.md, annotators' judgment calls)
        # (the State Council's own work report speaks for the nation: its GDP and revenue are
        # its claims, as a province's are in a province's report)
        if not self._national_report():
            claims = [c for c in claims if not (
                (c["indicator"] in _NOT_NATIONAL_INDICATORS
                 or "生产总值" in (c.get("indicator_text") or "") or c.get("indicator_text") == "GDP")
                and c["region"].get("adcode") == "100000")]
        return _dedupe(claims, self.text, self.index)

    def _respectively(self, i: int, left: str) -> list[dict[str, Any]]:
        """港口、电力、水务分别完成投资410亿元、266亿元、95亿元: one `other` claim per item,
        each with its own amount (the list's items and amounts paired in order); [] when the
        clause is no such list or the numbers of items and amounts differ."""
        text = self.text
        ms = self.mentions
        m = ms[i]
        r = _RESPECTIVELY.search(left)
        if r is None or "投资" not in left[r.start():] + left[:r.start()][-4:]:
            return []
        k = m.start - len(left) + r.start()  # where 分别 stands
        c0 = max(self.index.sentence(m.start)[0], text.rfind("，", 0, k) + 1,
                 text.rfind("；", 0, k) + 1)
        items = text[c0:k].split("、")
        amounts = [m]
        for n in ms[i + 1:i + 12]:
            if n.kind != "money" or text[amounts[-1].end:n.start] != "、":
                break
            amounts.append(n)
        if len(items) < 2 or len(items) != len(amounts):
            return []
        items[0] = _LEADING_FILLER.sub("", self._own_words(items[0], c0 + len(items[0])))
        last = items[-1]
        j = last.find("领域")
        j = j if j > 0 else last.find("投资")
        if j > 0:
            items[-1] = last[:j]  # (…、市政领域投资分别达…: the words all items share)
        elif "投资" not in r.group():
            return []
        out = []
        for item, n in zip(items, amounts, strict=True):
            if not 1 <= len(item) <= 8 or _NOT_INVESTMENT.search(item):
                return []
            words = item + "投资"
            im = _IND_RE.fullmatch(words)
            ind = _IND_NAMES[im.lastindex or 0] if im is not None else "other"
            out.append(self._claim(n, ind, None if ind != "other" else words, None))
            self._listed.add(id(n))
        return out

    def _rejected(self, c: Mention, s0: int) -> bool:
        """否决…项目35个, 取消…项目29项: the count's clause (to its last comma: 、 and quotes
        stay inside) turns the projects away."""
        lo = max(s0, c.start - 30, self.text.rfind("，", 0, c.start) + 1)
        return _REJECTED.search(self.text, lo, c.start) is not None

    def _capacity_in(self, a: int, b: int) -> bool:
        """A capacity (总装机, 年产…) in text[a:b]: the sentence describes one undertaking."""
        k = bisect.bisect_left(self._mention_starts, a)
        for c in self.mentions[k:k + 20]:
            if c.start >= b:
                return False
            if c.kind == "capacity":
                return True
        return False

    def _regional_subject(self, pos: int, s0: int) -> bool:
        """A place or 全市/我县 speaks in the sentence before `pos`."""
        return self._has_place(s0, pos) or _NATION_WORD.search(self.text, s0, pos) is not None \
            or re.search(r"[全我本][省市县区]", self.text[s0:pos]) is not None

    def _firm_before(self, pos: int, s0: int) -> bool:
        """A company named before `pos` in its sentence (格力电器…宣布投资50亿元)."""
        k = bisect.bisect_left(self._company_starts, pos) - 1
        return k >= 0 and self.companies[k].start >= s0

    def _batch_count_after(self, i: int, s1: int) -> Mention | None:
        """总投资超过2000亿元的80个大项目: a count of projects right after the amount."""
        ms = self.mentions
        m = ms[i]
        if i + 1 < len(ms):
            c = ms[i + 1]
            if c.kind == "count" and c.start < s1 and c.start - m.end <= 3 \
                    and self.text[m.end:c.start] in ("的", "", "，") and self._is_project_count(c):
                return c
        return None

    def _later_count(self, m: Mention, s1: int) -> Mention | None:
        """129个开工项目已经开工86个, 66项…工程已开工10项: the count after the event word (in
        its own clause: …项目建成投产，82个增长点… opens a new statement)."""
        c1 = self.index.clause(m.start)[1]
        if c1 + 1 < s1 and self.text[c1 - 1:c1 + 1] in _THEN_TALLY:
            c1 = self.index.clause(c1 + 1)[1]  # 58项…水库工程，已累计开工建设37项
        k = bisect.bisect_right(self._mention_starts, m.end)
        for j in range(k, len(self.mentions)):
            c = self.mentions[j]
            if c.start >= min(s1, c1 + 2):
                break
            if c.kind == "count" and c.unit == m.unit and _EVENT_WORD.search(
                    self.text, m.end, c.start) and self.index.clause(c.start)[0] != c.start \
                    and not (
                    c.value is not None and m.value is not None and c.value > m.value):
                return c  # (a tally never exceeds its whole: 168项…投用，344项…开工 are two)
        return None

    def _built(self, m: Mention) -> bool:
        """A count `_counts_projects` accepted counts projects that build something."""
        text = self.text
        if _NOT_BUILT.search(text, max(0, m.start - 14), m.end + 20) is None:
            return True  # (most counts: no clause lookup)
        c0, c1 = self.index.clause(m.start)
        for lo, hi in ((m.end, min(c1, m.end + 16)), (max(c0, m.start - 10), m.start)):
            k = text.find("项目", lo, hi)
            if k < 0:
                k = text.find("工程", lo, hi)
            if k >= 0:
                return _NOT_BUILT.search(text, max(lo, k - 4), k) is None
        return True

    def _place_share(self, m: Mention) -> _Place | None:
        """The place whose part of the projects told before a count gives, in a breakdown
        (其中高新区12个项目，经开区9个项目; 最多的三市分别为南充58个、绵阳47个): a place
        written right before the count, nothing after it but 项目 and a list's or clause's end."""
        text = self.text
        if m.unit not in ("个", "项") or m.value is None or m.value < 1 \
                or not _SHARE_TAIL.match(text, m.end):
            return None
        k = bisect.bisect_left(self._loc_starts, m.start) - 1
        if k < 0 or self.locations[k].end != m.start or self.locations[k].kind == "deictic":
            return None
        s0 = self.index.sentence(m.start)[0]
        if _SHARE_OPEN.search(text, s0, m.start) is None \
                or text.find("项目", max(0, s0 - 200), m.start) < 0:
            return None
        return self.locations[k]

    def _place_ends_at(self, pos: int) -> bool:
        """Whether a place mention ends right at `pos`."""
        k = bisect.bisect_left(self._loc_starts, pos) - 1
        return k >= 0 and self.locations[k].end == pos

    def _is_project_count(self, m: Mention) -> bool:
        """N个(重大)项目, N项工程, 项目N个, 项目就达N个: a count of projects (not of research,
        reform or cultural projects: 攻关项目101项, 60项改革项目 build nothing)."""
        if m.value is not None and m.value != 1 and m.unit in ("条", "座", "处") \
                and _WORKS_COUNTED.match(self.text, m.end):
            return self._built(m)  # 6条铁路已全线复工, 3座水库
        if m.value is None or m.value == 1 or m.unit not in ("个", "项", "批"):
            return False
        if self.text[m.end:m.end + 1] in _NUMERALS or _QUOTED_PROGRAMME.match(self.text, m.end):
            return False  # “五个一工程”, 三个一批, 三个“一号工程”: a programme's name, not a
            # count of projects (216个“两重”项目 are projects)
        if m.unit == "批" and re.search(r"[\d一二三四五六七八九十百千两]+[个项]", self.text[m.end:m.end + 10]):
            return False  # 5批38个重大项目: the projects are counted, not the batches
        noun = _CLAUSE_HEAD.match(self.text, m.end, min(len(self.text), m.end + 24)).group()
        if noun.startswith(("总投资", "投资")):
            # 120个总投资约900亿元的重大项目
            if _COUNTED.search(noun.split("的", 1)[-1][:8]):
                return self._built(m)
        head = noun[:16]
        if "民生" in head[:6]:
            return False  # 20项民生工程: livelihood programmes, not works
        lead = _LEADING_EVENT.match(head)
        k = lead.end() if lead else 0
        if _COUNTED.search(head[:k] + _NOUN_STOP.split(head[k:], 1)[0]):
            return self._built(m)
        if _COUNT_AFTER_NOUN.search(self.text, max(0, m.start - 10), m.start) is not None:
            return self._built(m)
        if _LISTED_KINDS.match(self.text, m.end) is not None:
            return self._built(m)  # 60个云计算、大数据项目: the kinds listed, then 项目
        if _PLACE_COUNT_TOTAL.match(self.text, m.end) and self._place_ends_at(m.start) \
                and "项目" in self.text[max(0, m.start - 200):m.start]:
            return True  # 开工项目…。其中，襄阳97个、总投资326亿元: each city's share
        if _EVENT_COUNTED.search(self.text, max(0, m.start - 8), m.start) \
                and self.text.find("项目", max(0, self.index.sentence(m.start)[0] - 150),
                                   m.start) >= 0 \
                and _EVENT_COUNT_TAIL.match(self.text, m.end):
            return self._built(m)  # 重大项目…实现开工23项、竣工10项; …竣工投产84项
        # 项目新开20个、竣工12个: a count listed after a count of projects; 由44项增加到48项
        sib = _SIBLING.search(self.text, max(0, m.start - 8), m.start) \
            or (_CHANGED_FROM.search(self.text, max(0, m.start - 6), m.start)
                if self.text[m.start - 1:m.start] in _CHANGED_LAST else None)
        if sib is not None:
            k = bisect.bisect_left(self._mention_starts, sib.start() - 12)
            for c in self.mentions[k:k + 6]:
                if c.kind == "count" and c.end == sib.start() and c is not m:
                    return self._is_project_count(c)
        return False

    def _batch_count(self, i: int, s0: int) -> Mention | None:
        """A count of projects before mention i in its sentence (the nearest one no other
        amount took), else the one count of the sentence before it in the paragraph when this
        sentence has no place of its own (福建省265个重点项目…。其中…年度计划投资457亿元)."""
        ms = self.mentions
        shared = False
        for j in range(i - 1, -1, -1):
            c = ms[j]
            if c.start < s0:
                break
            if c.kind == "money":
                if not shared and ((c.role == "total" and ms[i].role in ("annual", "completed"))
                                   or (c.role == "annual" and ms[i].role == "completed")) \
                        and _PLAN_AFTER_TOTAL.match(self.text, c.end, ms[i].start):
                    shared = True  # 开工项目35项，总投资25.7亿元，年度计划投资11.8亿元: the
                    continue  # plan and the progress of the batch whose total came first
                return None  # the count belongs to the amount between
            if c.kind == "count" and c.unit == "个" and _DISTRIBUTIVE.fullmatch(
                    self.text[c.end:ms[i].start]):
                return c  # 30个项目中有4个总投资超过10亿元: the 4
            if c.kind == "count" and (self._is_project_count(c) or self._is_firm_count(c)):
                bd = _BREAKDOWN.search(self.text, s0, c.start)
                if bd is not None and any(
                        x.kind == "count" and x is not c and bd.end() <= x.start < ms[i].start
                        and self._is_project_count(x) and not any(
                            y.kind == "money" and min(x.start, c.start) < y.start
                            < max(x.start, c.start) for y in ms[max(0, j - 6):i])
                        for x in ms[max(0, j - 6):i]):
                    continue  # 其中包括甲类项目40个、乙类项目80个…，计划投资…: the whole's
                if (id(c) in self.counts_used and not shared) \
                        or self._later_count(c, ms[i].start):
                    return None  # 58项…工程已开工建设37项，在建投资…: a tally of the
                    # count's progress stands between; the amount is not that batch's
                a0 = self.index.clause(ms[i].start)[0]
                if c.end <= a0 and _OWN_BATCH.search(self.text, a0, ms[i].start):
                    return None  # 开工了甲批项目，“某某”项目完成投资…: the amount's own
                    # clause names the batch it belongs to
                if SINGLED_OUT.search(self.text, c.end, ms[i].start):
                    return None  # 8个项目中，最大的是…总投资3.2亿元的某项目: that member's
                return c
        p0 = self.index.paragraph(s0)[0]
        if s0 <= p0 or self._has_place(s0, ms[i].start):
            return None
        q0 = self.index.sentence(s0 - 1)[0]
        if q0 < p0:
            return None
        lo, hi = bisect.bisect_left(self._mention_starts, q0), bisect.bisect_left(
            self._mention_starts, s0)
        prev = [c for c in ms[lo:hi] if c.kind in ("count", "money")]
        counts = [c for c in prev if c.kind == "count" and self._is_project_count(c)]
        if len(counts) == 1 and not any(c.kind == "money" for c in prev) \
                and id(counts[0]) not in self.counts_used:
            return counts[0]
        return None

    def _restated_below(self, m: Mention) -> bool:
        """`m` is in a headline (a short line with no 。) and the same count of the same unit
        comes again below it (the body's statement is the one to read)."""
        p0, p1 = self.index.paragraph(m.start)
        if p1 - p0 > 40 or "。" in self.text[p0:p1]:
            return False
        k = bisect.bisect_left(self._mention_starts, p1)
        return any(c.kind == "count" and c.value == m.value and c.unit == m.unit
                   for c in self.mentions[k:k + 30])

    def _own_words(self, words: str, end: int) -> str:
        """The words of an `other` indicator ending at `end`, without the place or the time
        and verb words before them (西藏将完成公路建设投资 → 公路建设投资)."""
        start = end - len(words)
        k = bisect.bisect_left(self._loc_starts, end) - 1
        if k >= 0 and start < self.locations[k].end <= end:
            words = self.text[self.locations[k].end:end]
        words = _LEADING_FILLER.sub("", words) or words
        return _TRAILING_VERBS.sub("", words) if len(_TRAILING_VERBS.sub("", words)) >= 2 \
            else words  # (产业规模达到 → 产业规模; 投入累计 → 投入)

    def _count_between(self, a: int, b: int) -> bool:
        """A count in text[a:b] (a batch's total then belongs to its count, if to any)."""
        k = bisect.bisect_left(self._mention_starts, a)
        for c in self.mentions[k:k + 12]:
            if c.start >= b:
                return False
            if c.kind == "count":
                return True
        return False

    def _one_project_after(self, m: Mention, s1: int) -> bool:
        """总投资超过138亿元的X配套项目: a named project (not 的重大项目, not 的80个项目)."""
        from touzi.extract.projects import is_generic

        if not self.text.startswith("的", m.end):
            return False
        pm = _ONE_PROJECT_AFTER.match(self.text, m.end, min(s1, m.end + 34))
        return pm is not None and not is_generic(pm.group(1))

    def _adjacent_count(self, i: int, s0: int, in_place: Any = None) -> Mention | None:
        """A count of projects in the clause right before the amount's, with no building word
        in its clause (…就有3651项，实际完成投资额…), or any when the amount is the funds in
        place (`in_place`: 投产项目174个，到位资金128亿元 are the funds of those projects)."""
        ms = self.mentions
        c0 = self.index.clause(ms[i].start)[0]
        for j in range(i - 1, -1, -1):
            c = ms[j]
            if c.start < s0 or c.kind == "money":
                return None
            if c.kind == "count" and self._is_project_count(c):
                p0, p1 = self.index.clause(c.start)
                if p1 >= c0 - 1 and (in_place or not re.search(r"开工|竣工|投产|签约",
                                                               self.text[p0:p1])):
                    return c
                return None
        return None

    def _project_heading(self, s0: int) -> bool:
        """The paragraph of `s0` sits under a short heading line about projects (基础设施类项目
        有序推进)."""
        p0 = self.index.paragraph(s0)[0]
        if p0 == 0:
            return False
        q0 = self.index.paragraph(p0 - 1)[0]
        line = self.text[q0:p0].strip()
        if not line and q0 > 0:
            q0 = self.index.paragraph(q0 - 1)[0]
            line = self.text[q0:p0].strip()
        return 0 < len(line) <= 30 and "。" not in line and "项目" in line

    def _prospect_continued(self, s0: int) -> bool:
        """A sentence of prospects (预计可实现…, 可实现…, 将…) right after one whose subject is a
        project (项目投产达效后，将年产…。预计可实现综合产值10亿元，税收1000万元)."""
        if s0 == 0 or not _PROSPECT_OPEN.match(self.text, s0):
            return False
        q0 = self.index.sentence(s0 - 1)[0]
        return self.index.sentence_index(q0) in self.project_sentences \
            or _PROJECT_SUBJECT.match(self.text[q0:q0 + 8].lstrip()) is not None

    def _total_count_before(self, i: int, s0: int) -> Mention | None:
        """The count of the batch whose total is the amount in the clause right before
        mention i (项目3个，总投资2.4亿美元，协议台资1亿美元 → 3个), else None."""
        ms = self.mentions
        j = i - 1
        if j < 0 or ms[j].kind != "money" or ms[j].role != "total" or ms[j].start < s0 \
                or self.index.clause(ms[j].start)[1] < self.index.clause(ms[i].start)[0] - 1:
            return None
        for k in range(j - 1, -1, -1):
            c = ms[k]
            if c.start < s0 or c.kind == "money":
                return None
            if c.kind == "count" and self._is_project_count(c):
                return c
        return None

    def _is_firm_count(self, m: Mention) -> bool:
        """北京10家生物医药企业…集体入驻，总投资28亿元: firms moving in, as a batch."""
        return m.unit == "家" and "企业" in self.text[m.end:m.end + 10]

    def _has_place(self, a: int, b: int) -> bool:
        k = bisect.bisect_left(self._loc_starts, a)
        return k < len(self.locations) and self.locations[k].start < b

    def _claim(self, m: Mention, indicator: str, indicator_text: str | None,
               count: Mention | None, value: bool = True) -> dict[str, Any]:
        text = self.text
        s0, s1 = self.index.sentence(m.start)
        anchor_start = count.start if count is not None and count.start < m.start else m.start
        rec: dict[str, Any] = {
            "kind": "claim",
            "region": self.region(anchor_start, m.end),
            "indicator": indicator,
            "indicator_text": indicator_text or None,  # the words of an `other` indicator
        }
        when = anchor_start
        if anchor_start < m.start:
            c0 = self.index.clause(m.start)[0]
            k = bisect.bisect_left(self._date_starts, max(c0, anchor_start))
            if k < len(self._dates) and self._dates[k].end <= m.start:
                when = m.start  # …总投资30亿元，1-6月累计完成投资12亿元: the figure's own clause
                # dates it
        # (a batch's contracted foreign capital is dated as the batch: 签约项目3个…协议台资1亿美元)
        period, precision = self.period(
            when, indicator in ("project_investment", "project_count")
            or (indicator == "contracted_fdi" and count is not None))
        rec["period"] = period
        rec["period_precision"] = precision
        val = unit = None
        if value and m.kind == "money":
            val, unit = m.value, m.currency
        elif value and m.kind in ("land", "area"):
            val, unit = m.value, m.unit
        rec["value"] = val
        rec["unit"] = unit
        rec["count"] = count.value if isinstance(count, Mention) else None
        growth = self._after(m, ("growth",), s1) if m.kind != "growth" else m
        rec["growth_pct"] = growth.value if growth is not None and growth.unit in ("%", "％") \
            else None
        if growth is not None:
            rec["_growth_id"] = id(growth)
        att = self._after(m, ("attainment",), s1)
        rec["target_pct"] = att.value if att is not None else None
        # (every rank ends with 第…, 前列, 前茅 or 首位: without one of those characters in the
        # window the search, slow there, would find none)
        rk = _RANK.search(text, m.end, min(s1, m.end + 40)) \
            if _RANK_CHAR.search(text, m.end, min(s1, m.end + 40)) else None
        rec["rank"] = rk.group().lstrip("，,") if rk is not None and ("第" in rk.group()
                                                                     or "前" in rk.group()) else None
        rec["qualifier"] = m.qualifier if m.kind == "money" else None
        rec["text"] = text[s0:s1].strip()
        rec["evidence"] = [{"start": anchor_start, "end": m.end}]
        rec["_anchor"] = (m.start, m.end)
        return rec


def _foreign_counties_dropped(locs: list[Any], ctx: ArticleRegions | None) -> list[Any]:
    """Without counties (and districts) of another province than a provincial or local
    article's focus whose province and city the article never names, named without their
    suffix (县, 区…): an ambiguous short name read far away (a firm's 宝丰, 金凤隧道 in another province's report)."""
    focus = ctx.focus if ctx is not None else None
    code = (focus.adcode or "") if focus is not None else ""
    if len(code) != 6 or code == "100000":
        return locs
    own = code[:2]
    for m in locs:
        c = m.region.adcode or own
        if c[:2] != own and m.kind == "division" and c[4:] != "00":
            break
    else:
        return locs  # (most articles: every county is in the focus's province)
    named = {(m.region.adcode or "")[:2] for m in locs
             if m.kind == "division" and (m.region.adcode or "").endswith("00")}
    named.add(own)
    out = [m for m in locs if m.kind != "division" or len(m.region.adcode or "") != 6
           or (m.region.adcode or "").endswith("00") or (m.region.adcode or "")[:2] in named
           or m.text.endswith(_DIVISION_ENDS)]  # (浦东新区, 宝丰县: a full name is meant)
    return out if len(out) != len(locs) else locs


def _without_routes(text: str, locs: list[Any]) -> list[Any]:
    """The places that are not the ends of a route (拉萨到林芝铁路, 陇东—山东直流): a route's ends
    are where it runs, not the region a statement speaks for."""
    # (comprehensions, not a loop with branches: this runs over every place of an article)
    drop = {j for j, m in enumerate(locs)
            if text[m.end:m.end + 1] == "—" or text[m.start - 1:m.start] == "—"} \
        if "—" in text else set()
    pairs = [j for j in range(len(locs) - 1)
             if locs[j + 1].start == locs[j].end + 1 and text[locs[j].end] in _ROUTE_JOINER]
    for j in pairs:
        drop.update((j, j + 1))
    if not drop:
        return locs
    return [m for j, m in enumerate(locs) if j not in drop]


def _inside_spans(spans: list[tuple[int, int]], locs: list[Any]) -> list[bool]:
    """For each place of `locs` (sorted by start), whether it lies inside one of the sorted
    `spans` (a place in a project's name is the project's, not the region a claim speaks
    for); one sweep over both lists, the last four spans opened before the place tried."""
    out = []
    j = 0
    n = len(spans)
    for m in locs:
        a, b = m.start, m.end
        while j < n and spans[j][0] <= a:
            j += 1
        hit = False
        for q in range(j - 1, max(-1, j - 5), -1):
            if spans[q][1] >= b:
                hit = True
                break
        out.append(hit)
    return out


def _category_words(words: str) -> str:
    """The category of a growth without the region before it: 安徽全省高新技术产业增加值 →
    高新技术产业增加值 (the pattern reaches back over the region's last characters)."""
    m = _SPEAKER_INSIDE.search(words)
    words = words[m.end():] if m is not None and m.end() < len(words) - 2 else \
        _SPEAKER.sub("", words)
    lead = _LEADING_FILLER.match(words)  # 力争生产总值 → 生产总值
    return words[lead.end():] if lead is not None and lead.end() < len(words) - 1 else words


def _small_number(s: str | None) -> int | None:
    """一 → 1, 十二 → 12, 5 → 5 (the numbers of 四年来, 近十年)."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    digits = "一二三四五六七八九"
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + digits.index(s[1]) + 1 if s[1] in digits else None
    if len(s) == 2 and s[1] == "十" and s[0] in digits:
        return (digits.index(s[0]) + 1) * 10
    if len(s) == 1:
        return 2 if s == "两" else digits.index(s) + 1 if s in digits else None
    return None


def _month_end(date: str | None) -> str | None:
    """2011-03 → 2011-03-31."""
    import calendar

    if not date or len(date) != 7:
        return date
    y, m = int(date[:4]), int(date[5:7])
    return f"{date}-{calendar.monthrange(y, m)[1]:02d}"


def _in_parentheses(text: str, pos: int, s0: int) -> bool:
    """True when `pos` sits inside an open bracket of its sentence: (产业项目8个、…)."""
    seg = text[s0:pos]
    return seg.count("(") + seg.count("（") > seg.count(")") + seg.count("）")


def _chain(locs: list[Any], j: int) -> Region | None:
    """The most specific link of the address chain starting at locs[j] (福建漳州 → 漳州)."""
    cur = locs[j]
    for m in locs[j + 1:j + 4]:
        if m.start - cur.end > 1:
            break
        a, b = cur.region.adcode or "", m.region.adcode or ""
        if a and b and (a[2:] == "0000" and b[:2] == a[:2] or a[4:] == "00" and b[:4] == a[:4]):
            cur = m
        else:
            break
    return cur.region


def _last_match_in(pattern: re.Pattern[str], text: str, a: int, b: int) -> re.Match[str] | None:
    """The last match of `pattern` in text[a:b]."""
    last = None
    for last in pattern.finditer(text, a, b):  # noqa: B007 - the loop keeps the last match
        pass
    return last


def _last_match(pattern: re.Pattern[str], s: str) -> re.Match[str] | None:
    """The last match of `pattern` in `s`."""
    last = None
    for last in pattern.finditer(s):  # noqa: B007 - the loop keeps the last match
        pass
    return last


def _bucket(value: float) -> int:
    """Buckets 1% wide on a log scale: figures within 2% share a bucket or its neighbours."""
    import math

    return int(math.log(abs(value) + 1) * 100)


def _dedupe(claims: list[dict[str, Any]], text: str, index: TextIndex) -> list[dict[str, Any]]:
    """One claim per figure: the same amount (within 2%) or the same count stated twice (a
    headline over its paragraph, 其中…again) keeps the statement from the body text."""

    def headline(c: dict[str, Any]) -> bool:
        a = c["_anchor"][0]
        p0, p1 = index.paragraph(a)
        line = text[p0:p1].strip()
        return len(line) <= 40 and "。" not in line and p1 < len(text)

    def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
        pa, pb = a.get("period") or "", b.get("period") or ""
        if len(pa) == len(pb) == 4 and pa != pb:
            return False  # 2383亿元 done last year, 2400亿元 planned this year: two figures
        ra, rb = a["region"].get("adcode"), b["region"].get("adcode")
        if ra and rb and ra != rb and a["_anchor"] == b["_anchor"]:
            return False  # 甲、乙经济总量突破6000亿元: one figure, each place's
        if a["count"] is not None and b["count"] is not None and a["count"] != b["count"] \
                and a["_anchor"] != b["_anchor"]:
            return False  # 襄阳97个、总投资326亿元，宜昌93个、总投资324亿元: two batches
        if a["value"] is not None and b["value"] is not None:
            return abs(a["value"] - b["value"]) <= 0.02 * max(abs(b["value"]), 1)
        if a["value"] is None and b["value"] is None and a["count"] is not None:
            return a["count"] == b["count"] and a["indicator"] == b["indicator"]
        if a["count"] is not None and a["count"] == b["count"]:
            return a["value"] is None or b["value"] is None
        bare = [c for c in (a, b) if c["value"] is None and c["count"] is None]
        if bare and a["growth_pct"] is not None and a["growth_pct"] == b["growth_pct"] \
                and a["indicator"] == b["indicator"] and any(headline(c) for c in bare):
            return True  # 投资同比增长20.6% over the paragraph that tells it: one growth
        return False

    keep: list[dict[str, Any]] = []
    by_value: dict[int, list[dict[str, Any]]] = {}  # claims by the magnitude of their figure
    by_count: dict[Any, list[dict[str, Any]]] = {}
    by_growth: dict[Any, list[dict[str, Any]]] = {}
    kept: set[int] = set()

    def near(c: dict[str, Any]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        if c["value"] is not None:
            b = _bucket(c["value"])
            for k in (b - 1, b, b + 1):
                out.extend(by_value.get(k, ()))
        if c["count"] is not None:
            out.extend(by_count.get(c["count"], ()))
        if c["growth_pct"] is not None:
            out.extend(by_growth.get((c["indicator"], c["growth_pct"]), ()))
        return out

    for c in claims:
        dup = next((k for k in near(c) if id(k) in kept and same(k, c)), None)
        if dup is None:
            keep.append(c)
            kept.add(id(c))
            if c["value"] is not None:
                by_value.setdefault(_bucket(c["value"]), []).append(c)
            if c["count"] is not None:
                by_count.setdefault(c["count"], []).append(c)
            if c["growth_pct"] is not None:
                by_growth.setdefault((c["indicator"], c["growth_pct"]), []).append(c)
            continue
        if dup is None:
            keep.append(c)
            continue
        # prefer the body over a headline, then the fuller statement
        better = (headline(dup) and not headline(c)) or (
            headline(dup) == headline(c) and dup["value"] is None and c["value"] is not None)
        if better:
            if c["count"] is None and dup["count"] is not None:
                c["count"] = dup["count"]
            keep[keep.index(dup)] = c
            kept.discard(id(dup))
            kept.add(id(c))
            if c["value"] is not None:
                by_value.setdefault(_bucket(c["value"]), []).append(c)
            if c["count"] is not None:
                by_count.setdefault(c["count"], []).append(c)
            if c["growth_pct"] is not None:
                by_growth.setdefault((c["indicator"], c["growth_pct"]), []).append(c)
        elif dup["count"] is None and c["count"] is not None and dup["value"] is not None:
            dup["count"] = c["count"]
    for c in keep:
        c.pop("_growth_id", None)
        c.pop("_anchor", None)
    return keep
