"""Capacity, land and floor area, physical quantities, counts, and the percent family
(growth, percentage points, target attainment, named rates, other percentages).
"""

from __future__ import annotations

import re

from touzi.extract.alternation import guarded
from touzi.extract.context import TARGET, left_clause, per_year_in, target_in
from touzi.extract.mention_type import Mention

# Unit classes: what a measure word after a number makes of it.
LAND, AREA, POWER, PHYS, PROD, COUNT, PCT, POINTS, TIMES = (
    "land", "area", "power", "phys", "prod", "count", "pct", "points", "times",
)

# (regex source, class). Literal units are listed as written; a few need a guard after them.
UNITS: list[tuple[str, str]] = [
    # land (亩/公顷 and large areas) and floor or plot area
    ("亩", LAND), ("公顷", LAND), ("平方公里", LAND), ("平方千米", LAND), ("km²", LAND),
    ("km2", LAND),
    ("平方米", AREA), ("平米", AREA), ("㎡", AREA), ("m²", AREA), ("m2", AREA),
    # installed power and spindles: capacity by themselves
    ("千瓦(?!时)", POWER), ("兆瓦(?!时)", POWER), ("吉瓦(?!时)", POWER), ("GW(?!h)", POWER),
    ("MW(?!h)", POWER), ("kW(?!h)", POWER), ("KW(?!h)", POWER), ("锭", POWER),
    # physical quantities: capacity with a cue (年产, 产能, …/年), else a plain quantity
    ("吨标准煤", PHYS), ("吨标煤", PHYS), ("吨", PHYS), ("千克", PHYS), ("公斤", PHYS),
    ("千瓦时", PHYS), ("兆瓦时", PHYS), ("度(?![假过])", PHYS), ("GWh", PHYS), ("MWh", PHYS),
    ("kWh", PHYS), ("TWh", PHYS), ("立方米", PHYS), ("方(?![面式案向针法位便])", PHYS),
    ("千升", PHYS), ("升", PHYS), ("公里", PHYS), ("千米", PHYS), ("延米", PHYS), ("米", PHYS),
    ("标准箱", PHYS), ("标箱", PHYS), ("TEU", PHYS), ("桶", PHYS), ("斤", PHYS),
    # measure words for products: capacity with a cue, else a count
    ("辆", PROD), ("台", PROD), ("套", PROD), ("件", PROD), ("片", PROD), ("只", PROD),
    ("双", PROD), ("张", PROD), ("块", PROD), ("颗", PROD), ("部(?!门|分|署|长|队|委|位|件|级|属)", PROD), ("支", PROD),
    ("根", PROD), ("枚", PROD), ("头", PROD), ("株", PROD), ("棵", PROD), ("箱", PROD),
    ("盏", PROD), ("组", PROD), ("粒", PROD), ("瓶", PROD), ("羽", PROD), ("艘", PROD),
    ("架", PROD),
    # counts
    ("个(?!月|工作日|季度|小时|星期|百分点)", COUNT), ("名", COUNT), ("家", COUNT), ("批次", COUNT),
    ("批", COUNT), ("项", COUNT), ("座", COUNT), ("所", COUNT), ("户", COUNT),
    ("人次", COUNT), ("人(?!民)", COUNT), ("位", COUNT), ("次", COUNT), ("起", COUNT),
    ("例", COUNT), ("场", COUNT), ("种", COUNT), ("类", COUNT), ("处", COUNT), ("宗", COUNT),
    ("栋", COUNT), ("幢", COUNT), ("层", COUNT), ("间", COUNT), ("条", COUNT), ("轮", COUNT),
    ("篇", COUNT), ("场次", COUNT), ("列", COUNT), ("股(?!份|权|东|票)", COUNT),
    # percent family
    ("个百分点", POINTS), ("百分点", POINTS), ("%", PCT), ("％", PCT), ("倍", TIMES),
]

# Capacity cue right before the number (年产15万辆, 年产能20GWh, 年发电为1450万千瓦时).
_CAP_CUE = re.compile(
    r"(年产能?|年产量|年生产(?:能力)?|年处理(?:能力|量)?|年发电(?:量|能力)?|"
    r"年(?:旅客|货邮|货物|集装箱)?吞吐(?:量|能力)?|月产能?|"
    r"年加工(?:能力|量)?|年屠宰|年出栏|年输送|年供(?:应|水|气|电)?|年运输|年转运|年制造|"
    r"年组装|年装配|年回收|年利用|年存栏|设计(?:年)?产能|新增产能|产能|生产能力|"
    r"(?:处理|加工|吞吐|输送|供水)能力|"
    r"日产(?:能)?|日处理(?:能力|量)?|装机(?:容量|规模)?)"
    r"(?:规模)?(?:为|达|达到|可达|将达|约为?|超过?|近|逾|突破|分别为|是)?"
    # 产能为每月10万张: the period written before the figure
    r"(每年|每月|每天|每日)?\s*\Z"
)
_CAP_CUE = guarded(_CAP_CUE)  # (short windows: see alternation.guarded)
# 年产油气突破4500万吨: the product sits between the cue and the number.
_CAP_CUE_PRODUCT = re.compile(
    r"(?<![\d〇零一二三四五六七八九十])(年产|年生产|年处理|年加工|日产|日处理|月产)(?!值|能|量)"
    r"([\u4e00-\u9fffA-Za-z]{1,6}?)(?:产?量)?"
    r"(?:为|达|达到|可达|将达|约为?|超过?|近|逾|突破|分别为|是)?\s*\Z"
)
_DAILY_CUES = ("日产", "日处理")
_OUTPUT_CUES = ("年产", "年生产", "日产", "月产")
# 巨石36万吨技改, 10万吨项目: the figure names the size of a project.
_TONNAGE_CLASS = re.compile(r"级(?:[\u4e00-\u9fff]{0,6}?)(?:航道|码头|泊位|进港|船|港区|深水|货轮|油轮)")
_TIMES_BEFORE = re.compile(r"(?<![\d.])([2-9]|1[0-9])\s*[×xX*＊]\s*$")
_TIMES_BEFORE = guarded(_TIMES_BEFORE)  # (short windows: see alternation.guarded)
_CAP_AFTER = re.compile(r"(?:的)?(?:技改|扩建|扩能|扩产|项目|生产线|装置)")
_PRODUCT = re.compile(r"[A-Za-z\u4e00-\u9fff·（）()\-]{1,24}")
_PRODUCT_STOP = re.compile(
    r"项目|生产线|技改|扩建|改造|工程|基地|装置|车间|生产|建设|规模|能力|的|和|及|与|或|等|"
    r"已|将|正|在|于|并|是|为|也|都|以|达|可|级|全面|工厂|今天|今年|目前|正式|建成|投产|落户|"
    r"开工"
)
_NOUN = re.compile(r"[A-Za-z\u4e00-\u9fff]{1,10}")
# Where a counted noun ends: function words and verbs (not the verbs that name a kind of
# project, 开工项目 / 签约项目 / 在建项目).
_NOUN_STOP = re.compile(
    r"已|正|将|在|是|为|有|被|于|都|也|均|共|达到|和|与|及|等|的|分别|累计|实现|完成|"
    r"参加|参与|解决|集中|相继|陆续|先后|通过|进入|获得|成为|纳入|总投资|计划|主要|全部|基本|"
    r"一起|以上|左右|之一|查看|考察|负责"
)
_NOT_NOUN_START = frozenset("以的在为是和与及等将已被从到至或")
_NOT_NOUN_HEAD = re.compile(r"减少|增加|增长|下降|提高|提升|达到|扩大|突破|超过|以上|左右|分别|累计")
# 排名53位, 居全国第3位: a rank, not a count.
_RANK_BEFORE = re.compile(r"(?:排名|排行|位居|位列|名列|排在|居|列|排)[\u4e00-\u9fff]{0,4}\Z")
_HEAD_NOUNS = ("项目", "企业", "部门", "园区", "平台", "工程", "基地", "单位", "公司")
_LEFT_NOUN = re.compile(
    r"(项目|企业|工程|基地|园区|平台|公司|单位|部门|人才|人员|干部|员工|村|户)\s*\Z"
)

# Percent family cues, matched at the end of the clause before the figure.
_GROWTH = re.compile(
    r"(增长率|增速|增幅|涨幅|降幅|跌幅|增长|增加|上升|提高|提升|上涨|下降|减少|下滑|回落|降低|"
    r"下跌|回升|扩大|增|涨|降|减)"
    r"(?:了|为|达|达到|达到了|约|分别为|分别|是|在|高达|只有|仅为?|保持在)?\s*\Z"
)
_NEGATIVE = frozenset(("降幅", "跌幅", "下降", "减少", "下滑", "回落", "降低", "下跌", "降", "减"))
_POINT_VERB = re.compile(
    r"高于|低于|提高|提升|上升|增长|增加|扩大|加快|回升|下降|减少|回落|降低|下滑|收窄|缩小|放缓|下跌"
)
_POINT_NEGATIVE = frozenset(("低于", "下降", "减少", "回落", "降低", "下滑", "收窄", "缩小", "放缓",
                             "下跌"))
_ATTAIN = re.compile(
    r"(?:完成|占|达到)(?:了)?(?:全年|年度|年|今年|全年度)?(?:目标|计划|任务)(?:任务)?(?:的)?\s*\Z"
)
_KNOWN_RATES = (
    "森林覆盖率", "综合利用率", "城镇化率", "开工率", "竣工率", "投产率", "达产率", "完成率",
    "签约率", "履约率", "到位率", "落地率", "覆盖率", "利用率", "贡献率", "失业率", "出让率",
    "供地率", "转化率", "合格率", "达标率", "入住率", "出租率", "使用率", "占有率", "普及率",
    "通过率", "优良率", "治理率", "处理率", "回收率", "增长率", "收益率", "利润率", "负债率",
    "机械化率", "安全感率", "复工率", "复产率", "复岗率", "受理率", "交付率", "供水率", "参保率",
    "入学率", "就业率", "满意率", "开机率", "产销率", "上座率", "执行率", "支付率",
    "不良贷款率", "比率",
)
_RATE = re.compile(
    "(" + "|".join(_KNOWN_RATES) + r"|[\u4e00-\u9fff]{2}率)"
    r"(?:为|达|达到|是|已达|已达到|超过?|保持在|提高到|提升到|上升到|达到了|稳定在|约为?)?\s*\Z"
)


def _product(text: str, pos: int) -> str | None:
    if text[pos:pos + 1] in ("(", "（"):
        return None  # 200万辆(台): a note on the unit, not the product
    m = _PRODUCT.match(text, pos)
    if m is None:
        return None
    phrase = m.group()
    stop = _PRODUCT_STOP.search(phrase)
    if stop is not None:
        phrase = phrase[: stop.start()]
    return phrase or None


def _counted_noun(text: str, pos: int, clause: str) -> str | None:
    m = _NOUN.match(text, pos)
    noun = m.group() if m and m.group()[0] not in _NOT_NOUN_START else ""
    if noun and _NOT_NOUN_HEAD.match(noun):
        noun = ""
    if noun:
        stop = _NOUN_STOP.search(noun, 1)
        if stop is not None:
            noun = noun[: stop.start()]
        for head in _HEAD_NOUNS:
            i = noun.find(head, 0, 8)
            if i >= 0:
                noun = noun[: i + len(head)]
                break
        noun = noun[:8]
    if noun:
        return noun
    lm = _LEFT_NOUN.search(clause)
    return lm.group(1) if lm else None


def tonnage_class(text: str, end: int, unit: str | None) -> bool:
    """Whether the tonnage ending at `end` is a ship size class (30万吨级航道, 3000吨级泊位):
    the size of ships a channel or berth takes, no output."""
    return bool(unit) and unit.endswith("吨") and _TONNAGE_CLASS.match(text, end) is not None


def measure_mention(
    text: str,
    start: int,
    end: int,
    value: int | float,
    value_max: int | float | None,
    unit: str,
    unit_class: str,
    multiplier: int | None,
    qualifier: str | None,
    per_tail: str | None,
) -> Mention | None:
    """A land, area, capacity, quantity or count Mention for the figure text[start:end]."""
    # 2×34万千瓦, 日产2×7500吨: units of one size (the cue stands before the count of units)
    times = _TIMES_BEFORE.search(text, max(0, start - 6), start)
    clause = left_clause(text, times.start() if times is not None else start, 16)
    if qualifier is None and target_in(clause):
        qualifier = TARGET
    if unit_class == LAND or unit_class == AREA:
        per = "year" if per_tail == "/年" or per_year_in(clause) else None
        return Mention(unit_class, text[start:end], start, end, value, value_max, unit,
                       multiplier, qualifier=qualifier, per=per)
    cue = _CAP_CUE.search(clause) if clause else None
    product_before = None
    if cue is None and clause:
        cue = _CAP_CUE_PRODUCT.search(clause)
        if cue is not None and unit_class == COUNT and cue.group(1) not in _OUTPUT_CUES:
            cue = None  # (年处理…人次: no output; 月产晶圆3万片 is one)
        if cue is not None:
            product_before = cue.group(2)
    capacity = (
        cue is not None
        or unit_class == POWER
        or (per_tail is not None and per_tail in ("/年", "/a", "/天", "/日", "/d"))
        or (unit_class in (PHYS, PROD) and _CAP_AFTER.match(text, end) is not None)
    )
    if capacity:
        if times is not None:  # the capacity is the units' sum
            n = int(times.group(1))
            value = value * n
            value_max = value_max * n if value_max is not None else None
            start = times.start()
        per = None
        every = cue.group(2) if cue is not None and product_before is None else None
        if per_tail in ("/年", "/a") or (cue is not None and "年" in cue.group(1)) \
                or every == "每年":
            per = "year"
        elif per_tail in ("/天", "/日", "/d") or (cue is not None and cue.group(1) in _DAILY_CUES) \
                or every in ("每天", "每日"):
            per = "day"
        elif (cue is not None and cue.group(1).startswith("月产")) or every == "每月":
            per = "month"
        product = product_before or _product(text, end)
        if product is None and cue is not None and cue.group(1).startswith("年发电"):
            product = "电"
        return Mention("capacity", text[start:end], start, end, value, value_max, unit,
                       multiplier, qualifier=qualifier, per=per, product=product)
    if unit_class == COUNT and unit in ("位", "名") and _RANK_BEFORE.search(clause):
        return None
    if unit_class == PHYS:
        return Mention("quantity", text[start:end], start, end, value, value_max, unit,
                       multiplier, qualifier=qualifier)
    return Mention("count", text[start:end], start, end, value, value_max, unit, multiplier,
                   qualifier=qualifier, role=_counted_noun(text, end, clause))


def _signed(
    sign: int, value: int | float, value_max: int | float | None
) -> tuple[int | float, int | float | None]:
    """Apply a sign to a value or range, keeping value < value_max (下降8%至10% → -10…-8)."""
    if value_max is None:
        return sign * value, None
    if sign < 0:
        return -value_max, -value
    return value, value_max


def percent_mention(
    text: str,
    start: int,
    end: int,
    value: int | float,
    value_max: int | float | None,
    unit: str,
    unit_class: str,
    qualifier: str | None,
    negative: bool = False,
) -> Mention:
    """A growth, points, attainment, rate or percent Mention (also 倍 and 成) for text[start:end]."""
    clause = left_clause(text, start, 20)
    sign = -1 if negative else 1
    if unit_class == POINTS:
        verbs = _POINT_VERB.findall(clause)
        if verbs and verbs[-1] in _POINT_NEGATIVE:
            sign = -1
        v, vmax = _signed(sign, value, value_max)
        return Mention("points", text[start:end], start, end, v, vmax, unit, qualifier=qualifier)
    g = _GROWTH.search(clause)
    if g is not None and not clause.endswith(("到", "至")):
        if g.group(1) in _NEGATIVE:
            sign = -1
        if qualifier is None and target_in(clause):
            qualifier = TARGET
        v, vmax = _signed(sign, value, value_max)
        return Mention("growth", text[start:end], start, end, v, vmax, unit, qualifier=qualifier)
    v, vmax = _signed(sign, value, value_max)
    if unit_class == TIMES:
        return Mention("number", text[start:end], start, end, v, vmax, unit, qualifier=qualifier)
    if _ATTAIN.search(clause) is not None:
        return Mention("attainment", text[start:end], start, end, v, vmax, unit,
                       qualifier=qualifier)
    if qualifier is None and target_in(clause):
        qualifier = TARGET
    r = _RATE.search(clause)
    if r is not None and r.group(1) != "增长率":
        return Mention("rate", text[start:end], start, end, v, vmax, unit, qualifier=qualifier,
                       role=r.group(1))
    return Mention("percent", text[start:end], start, end, v, vmax, unit, qualifier=qualifier)
