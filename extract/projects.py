"""Project names: where an article names (or points back to) an investment project.

Three kinds of mention come out, sorted by start:
- `name`: a name ending in a head word (项目, 工程, 生产线, 基地, 电站, 铁路…) whose left edge
  is the clause boundary or the last verb, preposition or time word before it
  (总投资50亿元的华泰新能源汽车项目 → 华泰新能源汽车项目);
- `item`: an item of a list closed by 等…项目 (上力、国千、铁流等7个项目), which may be a bare
  company or a capacity (新澳3万锭);
- `ref`: a pointer back to a project named before (该项目, 这个总投资90亿元的项目, 项目).

Generic words alone (项目, 重大项目, 这些项目), batches (38个重大项目), descriptors in
apposition (国家重点工程——辽河…项目) and clause fragments (因此项目) are not names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from touzi.extract import word_hits
from touzi.extract.alternation import by_first_char, guarded
from touzi.extract.companies import Company
from touzi.extract.mention_type import Mention
from touzi.extract.name_edges import Protected, is_name_char, last_stop, walk_left
from touzi.extract.name_words import (
    DOMAIN_WORDS,
    GENERIC_PLACES,
    INNER,
    NOMINAL_VERBS,
    OPENING,
    PHASE_WORD,
    clause_breaks,
    segment,
    specific_core,
    word_tags,
)
from touzi.extract.sentences import TextIndex, find_all, finditer_in

NAME, ITEM, REF = "name", "item", "ref"

# Head words that end a project name. Strong heads name a project by themselves; weak heads
# (中心, 公园, 通道…) need an investment word in their sentence.
STRONG_HEADS = (
    "项目", "工程", "生产线", "产业园区", "产业园", "工业园区", "工业园", "物流园区", "物流园",
    "科技园", "产业基地", "生产基地", "制造基地", "研发基地", "基地", "综合体", "产业集群区",
    "集群区", "技改", "扩产", "水电站", "电站", "热电厂", "发电厂", "电厂", "风电场", "机场",
    "高速公路", "城际铁路", "铁路", "高铁", "水库", "灌区", "水利枢纽", "接收站", "储气库群",
    "储气库", "实验室", "研究院", "新工厂", "工厂", "新厂区", "厂区", "制造厂", "酒厂", "隧道",
    "大桥", "特大桥", "输电工程", "一级公路", "号线", "客运专线", "货运专线", "城际轨道", "双线",
    "复线", "代线", "联络线",
)
WEAK_HEADS = (
    "高速", "中心", "园区", "公园", "通道", "公路", "港区", "码头", "机组", "车间", "小学", "内陆港",
    "中学", "医院", "枢纽", "广场", "综合楼", "大厦", "管道", "管线", "中试线", "示范线", "运河",
    "博物馆", "博物院", "纪念馆", "美术馆", "图书馆", "科技馆", "体育馆", "文化馆", "大剧院", "陆港",
    "铁矿", "铜矿", "金矿", "煤矿", "锂矿", "钾矿", "镍矿", "铝土矿", "校区", "院区",
    "火车站", "高铁站", "东站", "西站", "南站", "北站",
)
# Longest first, grouped by first character (alternation.py): a position tries only the heads
# that open with its character.
_HEAD_SRC = by_first_char(sorted(STRONG_HEADS + WEAK_HEADS, key=len, reverse=True))
# What may not follow a head word for it to end a name (工程师, 中心城区, 项目经理, …之一).
# 核电 heads a name only before its phase or units (某核电扩建一期, 某核电3号机组).
_NUCLEAR_HEAD = r"核电(?=(?:扩建)?[一二三四五六]期|[\d一二三四五六]+(?:[、—-][\d一二三四五六]+)?号机组)"
_HEAD_ALTS = f"{_HEAD_SRC}|{_NUCLEAR_HEAD}"
_HEAD_RE = re.compile(
    rf"(?:{_HEAD_ALTS})"
    # 抚吉高速 is a road only before punctuation or a verb (not 高速发展, 高速线材)
    r"(?<!高速(?![，。、；：,.;:！？\s）)”]|投资|项目|建设|建成|开工|全线|通车|是|将|的|全长|总|已|正|于|在|和|与|及|等|[\u4e00-\u9fff]{2,4}段))"
    r"(?![师院局处学队兵部灯石粉砂]|经理|负责人|城区|城市|镇区|之一|建设者|[前后]期(?!工作)|审批|资金|用地|库|"
    r"机械|塑料|技术|咨询|设计|监理|勘察|管理|科学|有限公司|有限责任|股份|节点|承包|总承包|"
    r"工人|职工|员工|矿工|专业|人才|人员)"
    r"(?!(?<=学)[生位])"  # 中学生运动会, 高中学位
    r"(?!(?<=项目)区)"  # 临河综合项目区: an area set aside for projects
)
_WEAK = frozenset(WEAK_HEADS)
# Every _HEAD_RE match opens with one of these words: a DFA finds where they start (~8,000
# places in the corpus) and _HEAD_RE is tried only there, 40% faster than its finditer over
# the text, whose first characters (中, 大, 工, 新…) are everywhere.
# (A head written as a regex, not a plain word, turns the automaton off: _HEAD_RE.finditer.)
_HEAD_OPENING_WORDS = sorted({*STRONG_HEADS, *WEAK_HEADS, _NUCLEAR_HEAD[:_NUCLEAR_HEAD.find("(")]})
_HEADS_PLAIN = all(re.fullmatch(r"[^\\()\[\]{}|?*+.^$]+", w) for w in _HEAD_OPENING_WORDS)
word_hits.register("heads", lambda: _HEAD_OPENING_WORDS)  # (one pass with the firms' names)


def _head_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of _HEAD_RE.finditer(text): at each place a head word starts, left to
    right, _HEAD_RE.match unless an earlier match covers it."""
    if not _HEADS_PLAIN:
        yield from _HEAD_RE.finditer(text)
        return
    yield from word_hits.matches(_HEAD_RE, text, "heads")


# A core made only of these words names no project (重大项目, 5000万元以上的投资项目…).
_GENERIC_WORDS = (
    "主会场", "分会场", "重大", "重点", "主要", "大型", "超大型", "大", "小", "好", "新", "老", "各类", "各种", "各项",
    "相关", "配套", "前期", "储备", "备选", "优质", "龙头", "关键", "标志性", "示范", "试点",
    "精品", "样板", "平台", "集中", "攻坚", "民生", "社会事业", "基础设施", "产业", "工业",
    "制造业", "服务业", "农业", "现代服务业", "高新技术", "新兴产业", "战略性新兴产业",
    "先进制造业", "招商", "引资", "外资", "内资", "民间", "投资", "建设", "在建", "续建", "新建",
    "拟建", "开工", "新开工", "开竣工", "签约", "竣工", "投产", "落地", "落户", "引进", "推进",
    "实施", "入库", "亿元", "万元", "以上", "单体", "单个", "省级", "市级", "县级", "区级",
    "国家级", "国家", "省", "市", "县", "区", "全市", "全省", "全区", "全县", "我市", "我省",
    "我区", "我县", "该市", "该区", "这些", "这个", "这", "该", "此", "其", "本", "一批",
    "一系列", "系列", "上述", "所有", "全部", "每个", "多个", "几个", "其他", "其它", "同类",
    "类似", "各地", "当地", "地方", "市政", "交通", "水利", "能源", "新能源", "环保", "生态",
    "科技", "人才", "科技人才类", "文化", "旅游", "文旅", "教育", "卫生", "医疗", "体育", "养老",
    "住房", "城建", "城市", "农村", "乡村", "大项目", "好项目", "央企", "国企", "民企", "省重点",
    "市重点", "头号", "第一", "首批", "首期", "一期", "二期", "三期", "四期", "本期", "后续",
    "扩建", "改建", "改造", "技改", "提升", "升级", "转型", "创新", "研发", "总部", "工程",
    "项目", "中心", "基地", "园区", "产业园", "等", "的", "和", "与", "及", "、", "高精尖",
    "高质量", "绿色", "数字", "智慧", "信息化", "节能", "减排", "配套设施", "公共", "公益",
    "社会", "经济", "发展", "整体", "综合", "同期", "年度", "今年", "全年", "当年", "亿元级",
    "百亿级", "千亿级", "十亿元", "百亿元", "国家重大", "省级重点", "跨省", "跨区域", "区域",
    "外商投资", "政府投资", "社会投资", "产业化", "工业性", "非工", "服务", "工作", "管理",
    "政府", "多地", "各类型", "大中型", "充换电",
    "运营", "政策", "施工", "主体", "土建", "公用", "附属", "辅助", "临时", "子", "分",
    "一些", "许多", "众多", "部分", "县区", "各县区", "企业", "型", "智慧型", "独立选址",
    "脱贫攻坚", "全产业链", "产业链", "国道", "省道", "县道", "乡道", "二级", "一级", "经营性",
    "危房", "危房改造", "棚户区", "棚改", "老旧小区", "高速", "农村公路", "长", "短", "补短板",
    "改扩建", "新建及改扩建", "道路", "地产", "房地产", "募投", "募集资金", "援疆", "援建",
    "对口支援", "现代化", "冶炼", "实际", "新老", "片区", "煤炭", "规范", "基础", "国省干线", "干线", "重要", "高速公路", "公路", "铁路", "高铁", "规划", "防护林",
    "海外", "境外", "国外", "国内", "省外", "资源", "矿产", "能源资源", "新一轮", "常规", "普通",
    "现有", "既有", "原有",
    # a designation or a class of industry a place's batch is named by (海南自由贸易港建设项目,
    # 自治区重点产业项目, 某市高端装备制造项目)
    "自治区", "自由贸易港", "自由贸易试验区", "自贸港", "自贸区", "自贸试验区", "高端装备",
    "装备制造", "高端装备制造",
)
_GENERIC_RE = re.compile(
    "(?:" + "|".join(sorted(_GENERIC_WORDS, key=len, reverse=True))
    + r"|[\d.．]+|[一二三四五六七八九十百千万两几多余]+|[个项批类家座条期张台套件])+"
)
_DEICTIC_RE = re.compile(
    r"(?:该|这个|这一|这些|这批|此(?![外时])|上述|本(?=[期次批项])|其(?=[他它余])|那个|同一)")
# 这个总投资90亿元的项目: a pointer that describes rather than names; 项目 opening a clause
# (项目总投资…). Every branch opens with a literal character, lookbehinds after it (此 not after
# 因如彼从就, 项目 not after a letter): re then skips to the few characters that can open a
# pointer (10× faster than branches opening with a group or a lookbehind; alternation.py).
_REF_TAIL = r"(?:[^，,。；;！？!?\n、]{0,20}?的)?(?:项目|工程|电站|铁路|大桥|基地|工厂|机场|隧道)(?![经部组])"
_REF_OPENING = r"(?=[总一二三首主整全建投计位于占将已由的预共])"
_REF_RE = re.compile(
    rf"该{_REF_TAIL}|这[个一]{_REF_TAIL}|此(?<![因如彼从就]此){_REF_TAIL}|上述{_REF_TAIL}"
    rf"|项(?<![\u4e00-\u9fffA-Za-z0-9）)”]项)目{_REF_OPENING}"
    rf"|工(?<![\u4e00-\u9fffA-Za-z0-9）)”]工)程{_REF_OPENING}"
)
# 电站计划2031年建成: the named works' kind opening a sentence (matched from the stop before it:
# a pattern opening with a lookbehind tries every position, 6× slower over the corpus)
_REF_KINDS = ("电站", "大桥", "隧道", "机场", "铁路", "线路", "基地", "工厂")
_KIND_REF_RE = re.compile(rf"[。！？\n](?:{'|'.join(_REF_KINDS)}){_REF_OPENING}")
# (every match opens with a stop and a kind: found where word_hits' one automaton pass over the
# article says one starts, not by a scan of its own)
_KIND_REF_WORDS = tuple(c + k for c in "。！？\n" for k in _REF_KINDS)
word_hits.register(_KIND_REF_WORDS, lambda: list(_KIND_REF_WORDS))
# A batch: a count of projects (38个重大项目, 7个外资项目) is a claim's subject, not a name.
_BATCH_RE = re.compile(
    r"[\d一二三四五六七八九十百千两几多余]+[个项批家座条处](?!月|小时)|(?<![\u4e00-\u9fff])[两三四五六七八九十]大")
_BATCH_RE = guarded(_BATCH_RE)  # (short windows: see alternation.guarded)
# (Word lists here are grouped by first character for speed: see alternation.py.)
# Words in a sentence that make it talk about building or investing.
_INVEST_CONTEXT = re.compile(by_first_char((
    r"投资|开工|动工|奠基|签约|落户|建设|施工|建成|竣工|投产|并网|达产|通车|启用|开通|"
    r"贯通|复工|推进|在建|扩建|新建|改造|技改|产能|年产|亿元|万元|占地|落地|入驻|开业|"
    r"调试|安装|总投资|工程|项目|工地|铺轨|试桩|完工|通航|运行|吊装|主体|工期|进展|开建|揭牌|"
    r"落成|启用|运营|投用|投入使用|接诊|开诊|前期工作|开园|开馆|投入生产|开始生产|正式生产|交付使用"
).split("|")))
# Figures and words that belong before a head but never start a name.
_LEAD_TRIM = re.compile(
    r"(?:[，、：:\s]|[（(][\d一二三四五六七八九十]{1,3}[）)]|\d{1,2}[．.](?!\d)|"
    r"第[一二三四五六七八九十\d]+天|当天|次日|又|还|也|再|将|已|正|并|而|及|和|与|以及|等|由|在|于|从|是|为|的|了|"
    r"全国|全省|全市|我国|国内|省内|市内|区内|境内|国家级|重点|重大|大型|新一批|一批|"
    r"首个|首座|首条|首家|唯一|最大的|最大|规模最大的|世界级|国际一流|全球最大的)+"
)
_LEAD_TRIM = guarded(_LEAD_TRIM)  # (short windows: see alternation.guarded)
# A list closed by 等 (or a count) and a head: 上力、国千、铁流等7个项目.
# Heads short names share when listed before them (西延、西康等5条高铁).
_SHARED_HEADS = "高铁|高速公路|高速|城际铁路|铁路|煤矿|总部"
# Kinds of works a list's count may name (甲闸、乙闸等10座水闸, 甲至乙等7条公路).
_COUNTED_KINDS = "水闸|水库|泵站|电站|大桥|隧道|机场|码头|铁路|高速公路|公路"
_LIST_TAIL = re.compile(
    # 甲、乙等“十大产业项目”: a ranked batch the report names
    r"等“?[一二三四五六七八九十百]+大[\u4e00-\u9fff]{0,6}?(?:项目|工程)”?"
    r"|等(?:[\d一二三四五六七八九十两几百千]+[个项家批])?(?:一系列|一批|多个|诸多)?"
    r"(?![\u4e00-\u9fff]{0,6}(?:产业|行业|领域|类型))[\u4e00-\u9fff]{0,8}?(?:项目|工程)"
    # 甲、乙等总投资300亿元以上的化工项目: the list's total, then its kind
    r"|等(?:总投资|计划总投资|投资)(?:额)?(?:约|超过?|达|近|逾)?[\d.]+(?:亿|万)?元(?:以上|左右)?的"
    r"[\u4e00-\u9fff]{0,8}?(?:项目|工程)"
    r"|(?<=[\u4e00-\u9fffA-Za-z0-9”）)])(?:[\d一二三四五六七八九十两]+)[个项]"
    r"[\u4e00-\u9fff]{0,8}?(?:项目|工程)"
    # 甲闸、乙泵闸等10座水闸: the works counted by their own kind (甲、乙两座百万千瓦级水电站,
    # 甲至乙等7条公路: the count alone closes the list too)
    r"|等?[\d一二三四五六七八九十两]+[座个处条]"
    rf"[\u4e00-\u9fff]{{0,8}}?(?:{_COUNTED_KINDS})"
    # 甲乙、丙丁等5条高铁, 甲、乙等煤矿, 甲乙、丙丁高铁: short names sharing one head
    r"|(?<=[\u4e00-\u9fff])(?:等[\d一二三四五六七八九十两]*[座个处条]?)?(?:在建)?"
    rf"(?:{_SHARED_HEADS})(?!站|线|公司|集团|局|时代|发展|运转|增长)"
)
_LIST_TAIL = guarded(_LIST_TAIL)  # (short windows: see alternation.guarded)
# Every list tail holds one of these and no clause break (its characters are CJK and digits):
# items() reads only the clauses that hold one (a twentieth of the corpus). Keep it true when
# changing _LIST_TAIL.
_LIST_TAIL_WORDS = ("项目", "工程", "水闸", "水库", "泵站", "电站", "大桥", "隧道", "机场", "码头",
                    "铁路", "高速", "高铁", "煤矿", "总部", "公路")
_CONJ = re.compile(r"[和与及、]")
_GOVERNMENT_PARTY = re.compile(r"(?:人民政府|政府|管委会|管理委员会)(?:与|和)")
_COUNT_AFTER_TAIL = re.compile(r"(\d+|[一二三四五六七八九十百]+)[个项]")
_RESEARCH_TAIL = re.compile(r"攻关|科研|课题|改革|人才")
_SECTOR_TAIL = re.compile(r"制造业|服务业|农业")
_CLOSED_LIST = re.compile(r"[\d一二三四五六七八九十两]+[个项][\u4e00-\u9fff]{0,6}?(?:项目|工程)(?:以及|及|和|与)")
_PART_TAIL = re.compile(r"(?:单位|单项|子项|单体|分项|分部)工程$|子项目?$")
# 路、 道、 街、 线、 段、 伸、 (roads()) and the list tails' key words: found by word_hits' one
# automaton pass over the article, not a pass of their own
_STREET_COMMA_WORDS = ("路、", "道、", "街、", "线、", "段、", "伸、")
for _words in (_STREET_COMMA_WORDS, _LIST_TAIL_WORDS):
    word_hits.register(_words, lambda w=_words: list(w))
# What may follow a head and still close a name: a section, the works done, a phase.
_JOINED_TAIL = re.compile(r"(?:[\u4e00-\u9fff]{1,6}?段)?(?:扩能改造|改扩建|扩建|改造|提升|新建|迁建)?"
                          r"(?:[一二三四五六七八九十\d]+期)?")
# 甲、乙等6个高铁项目, 甲、乙等水利工程: the kind of works the listed projects are
_WORKS_KIND_IN_TAIL = re.compile(r"高铁|铁路|高速公路|高速|公路|城际|水利|水库|电站|机场|航道|港口|管道")
# 甲、乙两座百万千瓦级水电站: a list closed by a count of one kind of works
_COUNTED_KIND = re.compile(rf"[\d一二三四五六七八九十两]+[座个处条][\u4e00-\u9fff]{{0,8}}?({_COUNTED_KINDS})$")
_CLASS_WORDS = re.compile(r"一批|一系列|各类|多个|各种|诸多")
_ITEM_SPLIT = re.compile(r"、|以及|和|及|与")
_PHASE_TAIL = re.compile(r"(?:[（(]?[一二三四五首本][期]|[一二三四五]号)")
_APPOSITION_AFTER = re.compile(r"(?:——|—|─|--|:|：)(?=[\u4e00-\u9fffA-Za-z0-9“])")
# Heads of lines between two places: 合肥到福州铁路 keeps the first place across 到.
_LINEAR_HEADS = frozenset(("铁路", "高铁", "城际铁路", "高速公路", "高速", "公路", "一级公路", "通道",
                           "客运专线", "货运专线", "城际轨道", "双线", "复线", "管道", "管线"))
# A section of a line named after it: 沪昆高铁南昌到长沙段, 南广高铁广东段.
_SEGMENT = re.compile(r"(?:[\u4e00-\u9fff]{2,5}?(?:到|至|—|-))?[\u4e00-\u9fff]{2,5}?段")
# The owner opening a panel line's name: 三星电子在苏州的…, 南京中电熊猫夏普的…
_OWNER = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,10}?)(?:在[\u4e00-\u9fff]{2,6}?)?的")
# Words before a panel line's owner (虽然三星电子在苏州的7.5代线, 加上奇美的8.5代线).
# A line's head right after a number word (十天高速: 十堰–天水, not ten days).
_LINE_HEAD_AT = re.compile(r"高速|高铁|铁路|公路|城际")
_LINE_LEAD = re.compile(
    r"(?:虽然|无论是|还是|加上|以及|而且|而|和|与|及|再|并|但是|但|不过|然而|可是|即|是|的|"
    r"[^在]{0,8}位于)+")
# Time and report words of the clause before a panel line's owner (the owner and its place
# hold 的 and 在, so the general stop words are not used here).
_LINE_CLAUSE = re.compile(r"近日|日前|近期|今天|今年|目前|批准|宣布|表示|透露|获悉|同意|核准")
# A count of lines before the generation (中国大陆两条8.5代线, 国内三条…): a group, not a name.
_LINE_COUNT = re.compile(r"[\d两二三四五六七八九十几多]+条")
# (compiled once: _segment_end and _without_figures run ~1,000 and ~2,000 times a corpus pass)
_CARDINAL_SECTION = re.compile(r"[东西南北中]段")
_CAPACITY_FIGURE = re.compile(r"[\d.．]+(?:MW|GW|万千瓦|千瓦|兆瓦|万吨|吨)")


@dataclass(slots=True)
class ProjectMention:
    """A project named (`name`), listed (`item`) or pointed back to (`ref`) at [start, end)."""

    start: int
    end: int
    name: str
    kind: str
    head: str = ""
    company: Company | None = None
    list_id: int = -1
    weak: bool = False
    specific: bool = False  # holds a proper element (place, firm, figure, brand; see below)
    strong: bool = False  # a place, firm, figure or Latin letters (not only a word jieba knows)
    counted: bool = False  # an item of a list closed by a count (上力、国千、铁流等7个项目)
    in_list: int = -1  # the list (of items()) a name stands in, else -1


@lru_cache(maxsize=8192)
def is_generic(core: str) -> bool:
    """True when the words before the head name nothing (重大, 5000万元以上的投资…)."""
    return not core or _GENERIC_RE.fullmatch(core) is not None


class ProjectFinder:
    """Finds project mentions in one article, given its figures, places and companies."""

    def __init__(self, text: str, index: TextIndex, mentions: list[Mention],
                 places: list[tuple[int, int]], companies: list[Company]) -> None:
        self.text = text
        self.index = index
        self.companies = companies
        spans = list(places) + [(c.start, c.end) for c in companies]
        self.cut_ends: list[int] = []  # ends of figures a name never spans (dates, money)
        de_ok: set[int] = set()
        glued: list[tuple[int, int]] = []
        size_ends: set[int] = set()
        for m in mentions:
            k = m.kind
            if k == "capacity" or k == "quantity" or (k == "count" and m.unit in _PROD_UNITS):
                spans.append((m.start, m.end))
                size_ends.add(m.end)
                if k == "capacity" and m.end < len(text) and text[m.end] == "的":
                    de_ok.add(m.end)
            elif k == "duration" and not text[m.start].isdigit() \
                    and _LINE_HEAD_AT.match(text, m.end) is not None:
                glued.append((m.start, m.end))  # 十天高速公路: places' abbreviation, a proper word
            elif k in ("money", "date", "period", "growth", "percent", "land", "area",
                       "duration", "attainment", "rate") or (k == "count" and m.unit in "个项批家"):
                self.cut_ends.append(m.end)
        for c in companies:
            if text.startswith(tuple(_FIRST_OF), c.end):
                de_ok.add(c.end)  # 某车企首个海外工厂: the firm's first plant is named by it
        self.protected = Protected(spans)
        self.places = Protected(list(places))
        self.de_ok = frozenset(de_ok)
        self._size_ends = frozenset(size_ends)
        self.cut_ends.sort()
        self._company_at = {c.start: c for c in companies}
        self._company_starts = [c.start for c in companies]
        self.lists: list[tuple[int, int, int]] = []  # (start, end, list_id) of 、-lists
        self._figures = Protected([(m.start, m.end) for m in mentions if m.kind in (
            "capacity", "quantity", "money")] + glued)
        self._firms = Protected([(c.start, c.end) for c in companies])
        self._work_report = _WORK_REPORT.search(text, 0, 200) is not None

    # -- names ending in a head word ---------------------------------------------------
    def _left_edge(self, head_start: int, floor: int, verbs: bool = False,
                   run: int | None = None, linear: bool = False) -> int:
        """Start of the name whose head begins at `head_start` (floor: the clause start).

        `verbs` adds the verbs that take 项目 as their object (抓项目, 推进项目) to the stops.
        `run` is walk_left(text, head_start, max(floor, head_start - 40)) when the caller has
        it; `linear` says the head is a line's (铁路, 通道…), whose name may join two places. The result equals `head_start` when nothing but stop words precede the head.
        """
        text = self.text
        start = walk_left(text, head_start, max(floor, head_start - 40)) if run is None else run
        # a figure inside the run (总投资326亿元…, 2018年2月…) ends the text before the name
        k = bisect.bisect_right(self.cut_ends, head_start) - 1
        if k >= 0 and self.cut_ends[k] > start:
            start = self.cut_ends[k]
        # 某产业建设(兴业)项目: a bracket right before the head glosses the name before it
        eff = head_start
        if head_start - start > 3 and text[head_start - 1] in ")）":
            j = max(text.rfind("(", start, head_start - 1), text.rfind("（", start, head_start - 1))
            if j > start and head_start - j <= 10:
                eff = j
        cut = self._stop(start, eff, verbs)
        if cut == eff:
            # 扩建工程, 技改项目: a verb before the head that names the kind of work
            nv = _NOMINAL_VERB_END.search(text, max(start, eff - 3), eff)
            if nv is not None and nv.start() > start:
                cut = self._stop(start, nv.start(), verbs)
                if cut == nv.start():
                    return head_start
        if head_start - cut == 1 and cut - 1 >= start and text[cut - 1] in _ABBREV_OPENERS \
                and (cut - 1 == start or not is_name_char(text[cut - 2])
                     or text[cut - 2] in "—"):
            cut -= 1  # ——向莆铁路: a one-character core is half of an abbreviation
        if linear and cut - 1 > start and text[cut - 1] == "到" and head_start - cut >= 2:
            # 合肥到福州铁路: a line between two places keeps the first across 到
            k0 = last_stop(text, start, cut - 1, self.protected, keep=0, de_ok=self.de_ok)
            if 2 <= cut - 1 - k0 <= 5 and not _LEAD_TRIM.match(text, k0, cut - 1):
                cut = k0
        start = cut
        if head_start - start > 8 and (text.find("政府", start, head_start) >= 0
                                       or text.find("管", start, head_start) >= 0):
            party = max(_GOVERNMENT_PARTY.finditer(text, start, head_start), key=lambda p: p.end(),
                        default=None)
            if party is not None:
                start = party.end()  # 某县人民政府与某集团有限公司某项目: the parties signing
        # A name coordinated after a complete one: 年产10万辆整车项目和年产20万台电机项目
        seg = text[start:head_start]
        # (every match holds one of 和/与/及/、: most runs hold none, and four substring
        # tests cost less than the search through the alternation of head words)
        if "和" in seg or "与" in seg or "及" in seg or "、" in seg:
            for m in _COORD_AFTER_HEAD.finditer(seg):
                start_c = start + m.end()
                if start_c < head_start:
                    start = start_c
                    break
        m = self._lead_trim(start, head_start)
        if m is not None:
            start = m.end()
        return start

    def _lead_trim(self, start: int, end: int) -> re.Match[str] | None:
        """_LEAD_TRIM at `start`, unless a place opens there (和田, 及…: a place's first
        character is no conjunction)."""
        span = self.places.span_at(start)
        if span is not None and span[0] == start:
            return None
        return _LEAD_TRIM.match(self.text, start, end)

    def _stop(self, start: int, end: int, verbs: bool, nominal_ok: bool = False) -> int:
        cut = last_stop(self.text, start, end, self.protected, keep=0, de_ok=self.de_ok)
        if nominal_ok:
            # 昌九扩建通远试验段: inside a list item the kind of work is part of the name
            while cut > start and _NOMINAL_VERB_END.search(self.text, max(start, cut - 3), cut) \
                    and not _LONG_STOP_END.search(self.text, max(start, cut - 4), cut):
                nv = _NOMINAL_VERB_END.search(self.text, max(start, cut - 3), cut)
                before = last_stop(self.text, start, nv.start(), self.protected, keep=0,
                                   de_ok=self.de_ok)
                if nv.start() <= start or before == nv.start():
                    break  # (将)建设哈密南—郑州: a verb opening the item, not the kind of work
                cut = before
        if verbs:
            for m in _OBJECT_VERBS.finditer(self.text, cut, end):
                if not self.protected.covers(m.start(), m.end()):
                    cut = m.end()
        return cut

    def names(self) -> list[ProjectMention]:
        """Mentions of names ending in a head word (outermost when names nest)."""
        text = self.text
        out: list[ProjectMention] = []
        for m in _head_matches(text):
            hs, he = m.start(), m.end()
            head = m.group()
            plain = head not in ("项目", "工程")
            if head == "号线":
                k = hs
                while k > 0 and text[k - 1] in "0123456789一二三四五六七八九十":
                    k -= 1
                c0 = self.index.clause(k)[0]
                if k < hs and self._acceptable(k, hs, he, head, k) \
                        and not _STATION_AFTER.match(text, he) \
                        and not _CONNECTED_BEFORE.search(text, max(c0, k - 8), k) \
                        and not _CONNECTED.search(text, max(c0, k - 8), k):
                    # 轨道交通工程1号线: the system's name before the number stays (with the
                    # place before it: 北京地铁6号线), nothing before that
                    a = self._left_edge(k, self.index.clause(k)[0], False) if k > 0 else k
                    sys_word = None
                    for sw in _TRANSIT.finditer(text, a, k):
                        sys_word = sw
                    if sys_word is not None and _CONJ.search(text, sys_word.end(), k):
                        sys_word = None  # 地铁17号线全线和6号线: the system is the first line's
                    if sys_word is None:
                        a = k
                    else:
                        span = self.places.span_at(sys_word.start() - 1) \
                            if sys_word.start() > a else None
                        a = span[0] if span is not None and span[0] >= a else sys_word.start()
                    ext = _LINE_EXTENSION.match(text, he)
                    end = ext.end() if ext is not None else he  # 17号线西延伸, 20号线一期东段
                    out.append(ProjectMention(a, end, text[a:end], NAME, head, specific=True))
                continue
            if head == "金矿" and hs > 0 and text[hs - 1] == "冶":
                continue  # 冶金矿山: metallurgy, not a gold mine
            if head == "小学" and hs > 0 and text[hs - 1] == "中":
                continue  # 大中小学, 中小学: schools of every level, not one school
            if head == "代线":
                pm = self._panel_line(hs, he)
                if pm is not None:
                    out.append(pm)
                continue
            campus = _CAMPUS.match(text, he) if head in _INSTITUTION_HEADS else None
            if campus is not None:
                he = campus.end()  # 文峰小学新校区: the new campus is the works
            if head == "核电":
                phase = _NUCLEAR_PHASE.match(text, he)
                if phase is not None and not _WORKS_TAIL.match(text, he):
                    he = phase.end()  # 某核电一期, 某核电3号机组: the phase or the units built
            part = _AIRPORT_PART.match(text, he) if head == "机场" else None
            if part is not None:
                he = part.end()  # 某机场二期东飞行区, 某机场T3B航站楼, 某机场第四跑道: the part built
            tail = _WORKS_TAIL.match(text, he) if plain else None
            if tail is not None:
                he = tail.end()  # 义乌机场改扩建，…: the works on the site are the project
            seg = self._segment_end(he) if head in _LINEAR_HEADS else None
            if seg is not None:
                he = seg  # 沪昆高铁南昌到长沙段: the section is the project
                tail = _WORKS_TAIL.match(text, he) if plain else None
                if tail is not None:
                    he = tail.end()  # 某铁路某段电气化改造
            # a head word right after this one's end (read three times below: matched once)
            nh = _HEAD_RE.match(text, he)
            if seg is None and he < len(text) and is_name_char(text[he]) and nh is None:
                # the name goes on after the head (…项目一期技改工程): a later head takes it
                nxt = _HEAD_RE.search(text, he, min(len(text), he + 12))
                if nxt is not None and all(is_name_char(c) for c in text[he:nxt.start()]) \
                        and not _PHASE_TAIL.match(text, he) \
                        and (last_stop(text, he, nxt.start(), self.protected, keep=0) == he
                             or _NOMINAL_VERB_END.fullmatch(text, he, nxt.start())) \
                        and not _CONJ.search(text, he, nxt.start()) \
                        and nxt.group() not in _COMPONENT_HEADS:
                    continue  # (合川电厂扩建工程: the kind of work joins the two)
                # 办公中心大厅, 国际铁路港: the head word modifies a noun after it
                if plain and _MODIFIED_NOUN.match(text, he):
                    continue
            nb = nh if head in _LINEAR_HEADS else None
            if nb is not None and nb.group() in _COMPONENT_HEADS:
                continue  # 某某铁路特大桥, 某某公路隧道: the line's kind tells the bridge's
            if _APPOSITION_AFTER.match(text, he):
                continue  # 国家重点工程——某地储气库项目: a descriptor
            if nh is not None and _APPOSITION_AFTER.match(text, nh.end()):
                continue  # 湾区交通的核心枢纽工程——某通道: the descriptor's heads chain
            if _LOCATION_AFTER.match(text, he):
                continue  # 沿某铁路西侧北上, 从某水库引水: a landmark that places something else
            if _COUNT_AFTER.match(text, he) or _BATCH_AFTER.match(text, he):
                continue  # 水利补短板工程37项, 农网改造工程计划安排项目33个: a batch
            if _NOT_NAME_AFTER.match(text, he) or he in self._company_at:
                continue  # 以…煤炭基地为重点, …产业园3幢厂房, 特种纤维生产基地烟台氨纶…公司
            firm = self._firms.span_at(hs)
            if firm is not None and firm[1] > he:
                continue  # 某某海洋工程有限公司, 东华工程科技…公司: the head is a firm's trade
            c0 = self.index.clause(hs)[0]
            run = walk_left(text, hs, max(c0, hs - 40))
            if run >= hs:
                continue  # nothing but the head in its run: _left_edge would say hs
            start = self._left_edge(hs, c0, not plain, run, head in _LINEAR_HEADS)
            vo = _VERB_OBJECT.match(text, start, hs)
            if vo is not None:
                start = vo.end()  # 提质改造农村公路, 提升某基地: the verb's object is the name
            if start >= hs:
                continue
            # 6万吨/年粗铅、10万吨/年电锌…利用工程: capacities listed inside a name
            while start > 1 and text[start - 1] == "、" and text[start].isdigit():
                prev0 = self.index.clause(start - 2)[0]
                piece_start = self._left_edge(start - 1, prev0, not plain)
                if piece_start >= start - 1 or not _CAPACITY_PIECE.search(
                        text, piece_start, start - 1):
                    break
                start = piece_start
            # 某铁路某段扩能改造和某某铁路, 某公园三期和某公园: two names joined by 和, the
            # first closed by its own head (and the works on it): each is a name
            k = text.rfind("和", start, hs)
            if k > start:
                closing = None
                for im in _HEAD_RE.finditer(text, start, k):
                    closing = im
                if closing is not None and _JOINED_TAIL.fullmatch(text, closing.end(), k):
                    start = k + 1
            # an inner head followed by more name: 运动会配套工程甲乙铁路 → 甲乙铁路
            inner = None
            inner_head = None
            for im in _INNER_HEAD.finditer(text, start, hs):
                if im.end() < hs - 1 and not _PHASE_TAIL.match(text, im.end()) \
                        and not _ANCILLARY.match(text, im.end()) \
                        and _HEAD_RE.match(text, im.start()):  # (海洋工程设计中心: no head)
                    inner = im.end()
                    inner_head = im
            if inner_head is not None and (
                    (not plain and _PART_OF_WORKS.fullmatch(text, inner_head.end(), hs))
                    or _ORDINAL_PART.match(text, inner_head.end(), hs)):
                # 某一期工程主体工程今天完工: the main works are the project's own
                hs, he, head = inner_head.start(), inner_head.end(), inner_head.group()
                inner = None
            # 大数据计算中心东湖智算中心: a descriptor, then the name
            for im in _HEAD_RE.finditer(text, inner or start, hs - 2):
                if im.group() == head and im.end() < hs - 1 \
                        and self.is_specific(im.end(), hs) and not self.is_specific(start, im.start()):
                    inner = run = im.end()  # what describes the descriptor is not the name's
            if inner is not None:
                start = inner
            # 福厦高铁新云居山隧道, 乌东德水电站最后一台机组: a part of a named project
            if head in _COMPONENT_HEADS:
                part = None
                for im in _WHOLE_HEAD.finditer(text, start, hs):
                    if im.end() <= hs - 2:
                        part = im
                if part is not None:
                    # 合川电厂扩建工程第一台机组: the works named after the site
                    for im in _HEAD_RE.finditer(text, part.end(), hs - 2):
                        if im.group() not in _COMPONENT_HEADS and im.group() not in _WEAK:
                            part = im
                if part is not None and part.start() > start:
                    hs, he, head = part.start(), part.end(), part.group()
            while start < hs and text[start] in "”’」』）)》":
                start += 1  # “十二五”期间…: a closing quote does not open a name
            lead = self._lead_trim(start, hs)
            if lead is not None and lead.end() > start:
                start = lead.end()  # …示范工程”和“2211”…工程: the conjunction joins two names
                if start >= hs:
                    continue
            if start >= 3 and _SCALE_BEFORE.search(text, max(0, start - 6), start):
                continue  # 建设规模为2×66万千瓦…发电机组: what the project builds, not a project
            if plain and start >= 2 and (text[start - 2:start] in _SITE_BEFORE or _SITE_RUN.search(
                    text, max(self.index.clause(start)[0], start - 16), start)):
                continue  # 该项目选址某某基地…, 项目位于某兵团第二师某工业园: the site a project
                # is built at, not a project
            for de in self.de_ok:
                if start < de < hs - 2 and text[de] == "的" and (
                        (_SIZE_CUE.search(text, max(start, de - 14), de)
                         and self.is_specific(de + 1, hs))
                        or self.is_specific(de + 1, hs, strong=True)):
                    start = de + 1  # 总装机容量30万千瓦的某某光伏电站, 年产5亿方的某地气田增产
                    # 项目: a size told, then a name of its own (年产30万吨的乙醇项目 has none)
            first_try = True
            accepted = False
            while True:
                name = text[start:he]
                core = text[start:hs]
                if _DEICTIC_RE.match(core):
                    break  # 该项目, 这些重大项目: refs() reads the pointers
                if not plain and (_PHASE_REF.fullmatch(self._without_figures(start, hs))
                                  or (start > 0 and text[start - 1] == "把")):
                    # 一期技改工程, 二期600MW项目: a phase of the project named before
                    out.append(ProjectMention(start, he, name, REF, head))
                    break
                if not self._acceptable(start, hs, he, head, run):
                    break
                if first_try:
                    # an acceptable name may still open with a clause (称该项目, 习近平致信
                    # 祝贺…): the test runs again on what follows the clause words
                    first_try = False
                    cut = self._clause_start(start, hs)
                    if cut != start:
                        start = cut
                        if start >= hs:
                            break
                        continue
                accepted = True
                break
            if not accepted:
                continue
            if text.count("”", start, hs) > text.count("“", start, hs):
                # 实施“全民参保·福暖万家”工程: a cut inside a quotation goes back to its opener
                j = text.rfind("“", max(c0, start - 16), start)
                if j >= 0:
                    start = j
                    name = text[start:he]
            company = self._company_at.get(start) or self._company_inside(start, hs)
            if company is not None and company.start > start \
                    and self.protected.span_at(start) == (start, company.start) \
                    and text[company.start - 1] in "区县旗":
                start = company.start  # 南浔区|浙江鼎旭…有限公司年产…项目: the county is where
                name = text[start:he]
            pm = ProjectMention(start, he, name, NAME, head, weak=head in _WEAK)
            pm.specific = self.is_specific(start, hs) or self._dated_before(start) \
                or self._described(start) or line_abbreviation(text[start:hs], head) \
                or _APPOSED.search(text, max(0, start - 6), start) is not None
            # (一个年产值30亿元的储能产业园: a figure of its own; 某某骨干工程——某某运河: the
            # name a project's descriptor introduces is a proper one, whatever its words)
            pm.company = company
            if out and out[-1].start >= start and out[-1].end <= he:
                out.pop()  # a shorter name inside this one
            two = _TWO_LINES.fullmatch(text, start, hs) if head in _LINEAR_HEADS else None
            if two is not None:
                # 甲县至乙县和丙县至丁界高速公路: two lines sharing the head
                first = ProjectMention(start, two.end(1), two.group(1), NAME, head)
                first.specific, first.company = pm.specific, company
                out.append(first)
                pm = ProjectMention(two.start(2), he, text[two.start(2):he], NAME, head)
                pm.specific, pm.company = first.specific, company
            out.append(pm)
        return out

    def _segment_end(self, he: int) -> int | None:
        """End of a section named right after a line's head (…高铁|南昌到长沙段, …高铁|广东段):
        places, optionally joined by 到/至/—, then 段."""
        if _CARDINAL_SECTION.match(self.text, he):
            return he + 2  # 北横通道东段: the eastern section
        m = _SEGMENT.match(self.text, he)
        if m is None:
            return None
        span = self.places.span_at(he)
        if span is None or span[0] != he:
            # 广东段: the resolver leaves a place glued to 段; jieba still knows the place
            first = re.match(r"[\u4e00-\u9fff]{2,5}?(?=到|至|—|-|段)", m.group())
            if first is None or word_tags().get(first.group()) != "ns":
                # 某铁路格拉段电气化改造: a section named by its ends' first characters, when
                # the works done on it follow
                if not (len(m.group()) == 3 and (_WORKS_TAIL.match(self.text, m.end())
                                                 or m.group()[:2] not in word_tags())):
                    return None  # (南珠高铁南玉段: the ends' characters, no word)
        return m.end()

    def _panel_line(self, hs: int, he: int) -> ProjectMention | None:
        """A display-panel line named by its generation (京东方合肥6代线, 三星电子在苏州的
        7.5代线, 奇美的8.5代线): the owner, the place and 的 before the number stay."""
        text = self.text
        k = hs
        while k > 0 and (text[k - 1].isdigit() or text[k - 1] in ".．"):
            k -= 1
        if k == hs or not text[k].isdigit():
            return None
        c0 = self.index.clause(k)[0]
        start = walk_left(text, k, max(c0, k - 16))
        j = bisect.bisect_right(self.cut_ends, k) - 1
        if j >= 0 and self.cut_ends[j] > start:
            start = self.cut_ends[j]  # 2011年4月7日南京中电熊猫…: the date is no name
        for cm in _CONJ.finditer(text, start, k):
            if not self.protected.covers(cm.start(), cm.end()):
                start = cm.end()  # …7.5代线和LGD在广州的8.5代线: the last item only
        for cm in _LINE_CLAUSE.finditer(text, start, k):
            start = cm.end()  # 发改委近日批准友达…8.5代线: the clause before the owner
        lead = _LINE_LEAD.match(text, start, k)
        if lead is not None:
            start = lead.end()
        if start >= k:
            return None  # a bare generation (8.5代线 alone) names a technology, not a line
        if _LINE_COUNT.search(text, start, k):
            return None  # 中国大陆两条8.5代线: how many lines a country has, not one of them
        pm = ProjectMention(start, he, self.text[start:he], NAME, "代线", specific=True)
        pm.company = self._company_at.get(start) or self._company_inside(start, hs)
        owner = _OWNER.match(text, start, k)
        span = self.places.span_at(start)
        if pm.company is None and owner is not None and owner.group(1)[-1] not in "省市县区州府" \
                and (span is None or owner.end(1) - span[1] >= 2):
            # 友达在昆山的7.5代线, 奇美的8.5代线: the owner opens the name (not a place: 日本龟山)
            a, b = owner.span(1)
            pm.company = Company(a, b, owner.group(1), False, [])
        return pm

    def is_specific(self, start: int, end: int, strong: bool = False) -> bool:
        """Whether text[start:end] (a name without its head) holds a proper element: a place
        (not 中国, 全国…), a company, a figure, Latin letters or digits, a proper noun or an
        unknown word (拉日, 娲石) — what makes a name one undertaking rather than a sector
        (海洋工程, 煤电基地, 装备制造业基地)."""
        text = self.text
        if start >= end:
            return False
        if self._firms.covers(start, end) or self._figures.covers(start, end):
            return True
        k = bisect.bisect_left(self.places.starts, start - 12)
        for j in range(k, len(self.places.spans)):  # (not a slice: a copy of the rest)
            a, b = self.places.spans[j]
            if a >= end:
                break
            if b > start and text[a:b] not in GENERIC_PLACES:
                return True
        if strong:
            return _LATIN_OR_DIGIT.search(text, start, end) is not None
        core = text[start:end]
        # 绿氢产业, 农文旅产业, 补链强链: a kind of projects written in the jargon's
        # abbreviations, which jieba splits like an unknown name (罗欣…产业 keeps its firm)
        return specific_core(core, unknown_runs=_JARGON_KIND_END.search(core) is None)

    def _opens_proper(self, start: int, end: int) -> bool:
        """Whether text[start:end] opens with a place or a firm, or holds a proper word."""
        sp = self.places.span_at(start) or self._firms.span_at(start)
        if sp is not None and sp[0] == start:
            return True
        return specific_core(self.text[start:end], proper_tags=False)

    def _clause_start(self, start: int, hs: int) -> int:
        """Where the name really starts: after the last clause word (a verb with its object,
        a preposition, an adverb, a time word, a reporting word) jieba finds in the core
        (表明发展|海洋工程, 习近平致信祝贺|金沙江白鹤滩水电站, 称|该项目). Cuts never fall
        inside a place, company or capacity figure."""
        cut = start
        core = self.text[start:hs]
        subject = None
        for a, b, kind in clause_breaks(core):
            if self.protected.covers(start + a, start + b) or (b < len(core) and core[b] in "(（") \
                    or _open_bracket(core, a):
                continue  # 远航(嘉兴)智造产业园, …公司(下称“伊钢”)…: brackets gloss the name
            if b < len(core) and core[b] in "至到—" and a == 0:
                continue  # 大同至西安客运专线: the first end of a line (jieba: 大同 an adverb)
            if kind == INNER and (b >= len(core) or not self._opens_proper(start + b, hs)
                                  or start + a in self._size_ends):
                continue  # 光伏行业垂直一体化, 年产30万吨休闲食品: a verb inside a product's
                # description (after its quantity, it opens the product)
            if kind == OPENING:
                if subject is None:
                    he = _HEAD_RE.match(self.text, hs)
                    subject = he is not None and _PREDICATE_AFTER.match(self.text, he.end()) \
                        is not None
                if subject:
                    continue  # 远航智能装备项目落户…: the name is the clause's subject
            cut = start + b  # at hs when the core is only a clause word (开足马力生产线)
        return cut

    def _acceptable(self, start: int, hs: int, he: int, head: str, run: int) -> bool:
        """Whether text[start:he] (head at hs) is a project's name rather than a category, a
        batch, a description or a clause fragment."""
        text = self.text
        core = text[start:hs]
        plain = head not in ("项目", "工程")
        bare = self._without_places(start, hs)
        if head == "号线":
            p0, p1 = self.index.paragraph(hs)
            return bool(re.fullmatch(r"[\d一二三四五六七八九十]+", core)) and \
                re.search(r"地铁|轨道|轻轨|市域", text[p0:p1]) is not None
        if not bare and plain and self.places.covers(start, hs):
            span = self.places.span_at(start)
            if span is not None and span[1] >= he:
                return False  # 乌兰浩特市工业园区: a zone, not a project
            bare = "地"  # 滨江产业园, 瑞金机场: a place and a head name a site
        if not bare and head in ("项目", "工厂") and self.places.covers(start, hs) \
                and core not in GENERIC_PLACES and self._company_before(start) is not None:
            bare = "地"  # 台泥…，安顺项目: a firm's project named by its place
        if len(bare) < 2 and not (bare and self.places.covers(start, hs)):
            return False
        if _BATCH_RE.search(core) or _CLASS_RE.search(core) or _NEGATED_CORE.search(text, start, he):
            return False
        if _COUNTED_CORE.match(core):
            return False  # 144所县级医院, 3件大型灌区, 180公里管道: a count or a length of works
        if core.startswith(("单机", "单台", "每台")):
            return False  # 单机容量6.25兆瓦风电机组: the size of a unit, not a project
        if head == "机组" and _UNIT_COUNT.match(core):
            return False  # 5～6台百万千瓦核电机组: several units, not one project
        if _CLASS_OPENER.match(core) or _RANKED.search(core):
            return False  # 我市千万千瓦电源项目, 行业技改, 大部分电子工厂, 第二大水电工程
        if head in ("中心", "枢纽") and _CITY_ROLE.fullmatch(bare):
            return False  # 国际金融中心, 区域交通枢纽: what a city becomes, not a project
        if head == "中心" and _TOWN_CENTRE.search(core):
            return False  # 在某市老城中心，…管网正在施工: the centre of a town is a place
        if is_generic(bare):
            # 公司…投资9000万元扩建二期工厂: a firm's new plant named by its phase; 这个占地
            # 80亩的装备研发项目基地: a project described, named by its head phrase
            if not (head in _PLANT_HEADS and PHASE_WORD.fullmatch(bare)
                    and self._company_before(start)) and not self._described(start):
                return False
        s0, s1 = self.index.sentence(hs)
        wide = max(s0, start - 40)
        dash = text.rfind("—", wide, start)
        wide = max(wide, dash + 1)
        sup = _SUPERLATIVE.search(core)
        if sup is not None and sup.start() > 0 and sup.group() in _FIRST_OF \
                and self._firms.covers(start, start + sup.start()):
            sup = None  # 特斯拉首个海外超级工厂: the firm's first plant is one undertaking
        described = _DESCRIBED.search(text[run:start])
        ranked = False
        if described is not None and _HEAD_RE.match(described.group()) is not None \
                and (label := text[run:run + described.start()]) \
                and _DEICTIC_RE.match(label) is None:
            top = _TOP_LABEL.match(label)
            ranked = top is not None and (top.end() == len(label) or is_generic(label[top.end():]))
            if ranked or is_generic(label):
                described = None  # 主会场项目为某某项目, 最大外资项目是某某项目: a label, then
                # the name
        if sup is not None or described is not None or _BECOMES.search(core) \
                or _DESCRIBED_WIDE.search(text, wide, start):
            return False  # …生产基地 after 将成为, 氮肥装置项目 after ，是: descriptions
        de = text.rfind("的", wide, start)
        lo = de + 1 if de >= 0 else run
        if not ranked and _SUPERLATIVE.search(text, lo, start) and not (
                start > 0 and text[start - 1] in "“「『"):
            return False  # 首个千万吨级…接收站 (but 总投资最大的城市综合体外资项目 and
            # 最大水利工程“夹岩水利枢纽” stay)
        if _SCOPED_SUPERLATIVE.search(text, wide, start) and text[start] not in "“「『" and not (
                start > 0 and text[start - 1] in "“「『"):
            return False  # 省内在建装机最大的抽水蓄能电站: a record it holds, not a name
        if start > 0 and (text[start - 1] == "等" or _KIND_AFTER_LIST.search(text, max(0, start - 20), start)):
            return False  # 40万吨聚氯乙烯等煤化工项目, 甲、乙等重点整车项目: the list's kind
        if start > 0 and text[start - 1] == "在" and _VENUE_AFTER.match(text, he):
            return False  # 开工仪式在浒关开发区莱克工业园举行, 签约仪式在某会展中心某厅举行: a
            # venue (not 在某项目现场举行, the works' own site)
        if head in ("中心", "枢纽", "基地") and not self._firms.covers(start, hs) and (
                (head == "中心" and _INSTITUTION_CORE.search(core))
                or ("国家" in core and head != "中心")):
            return False  # 某某再保险登记交易中心, 国际人才服务中心, 国家物流枢纽: bodies and
            # designations, not works
        if head in ("通道", "枢纽") and _DESIGNATED_NODE.search(core) \
                and not self._firms.covers(start, hs) \
                and not self._figures.covers(s0, s1):
            return False  # 西部陆海新通道, 某某算力枢纽, 国际航空枢纽: a corridor or hub a region is
            # designated as, not works (某某水利枢纽, 某某运河新通道 are built; so is a hub whose
            # sentence gives its budget)
        if _SLOGAN_CORE.match(core):
            return False  # 市市通高铁, 县县通高速: a slogan of coverage
        if head == "公园" and _PARK_DESIGNATION.search(core) \
                and not self._figures.covers(s0, s1):
            return False  # 某某国家公园, 大运河国家文化公园: a designation over a region (unless
            # its sentence gives what is invested in it)
        if head in ("实验室", "研究院") and self._work_report and not self._firms.covers(start, hs):
            return False  # a work report's labs and institutes are bodies it founds or backs
        if head == "项目" and _QUOTED_ONLY.fullmatch(core) and not self._firms.covers(start, hs):
            return False  # “白名单”项目, “保交楼”项目: projects of a policy, not one project
        if head == "工程" and _QUOTED_PROGRAMME.fullmatch(core) \
                and not _PHYSICAL.search(core, core.rfind("”") + 1) and not self._firms.covers(start, hs) \
                and not self._figures.covers(s0, s1):
            return False  # “1551”创新工程, “净水入黄河”工程: a programme named by its slogan (but
            # “两路二环”工程总投资…: works with their own budget)
        if "首单" in core:
            return False  # 首单基础设施REITs项目: the first deal of a kind, not a work
        if head in _KIND_HEADS and _KIND_OF_PARK.fullmatch(core):
            return False  # 零碳园区, 绿电园区, 2.0版零碳园区: a kind of park a region builds many of
        if head == "工程" and _PROGRAMME_END.search(core) and not self._firms.covers(start, hs) \
                and not (core.endswith("提升") and _WORKS_IN_CORE.search(core)) \
                and not self._figures.covers(s0, s1):
            return False  # 某某文化精品创作工程, 某景区提升工程, 某某惠民工程: what a programme does,
            # however physical its first words (湖, 江, 河 of a place's name)
        if head == "工程" and not _PHYSICAL.search(core) and bare and bare != "地" \
                and not self._firms.covers(start, hs) and not self._figures.covers(start, hs):
            return False  # “七优享”工程, 文化惠民工程, 医疗卫生强基工程: a programme; works name
            # what they build (水库, 铁路, 电站, 厂, 馆…)
        if not plain and _CATEGORY_END.search(core) and not (
                core.endswith("示范") and not _APPOSITION_AFTER.match(text, he)
                and not core.startswith("国家") and self.is_specific(start, hs - 2)):
            return False  # 国家“西电东送”重点工程: a category the next name belongs to (but
            # 某某绿色甲醇一体化示范项目一期…投产 is a demonstration project's name)
        if not self.protected.covers(start, hs) and is_fragment(core) \
                and not line_abbreviation(core, head):
            return False
        c0 = max(self.index.clause(hs)[0], wide)
        for bm in _BATCH_RE.finditer(text, max(c0, start - 16), start):
            if bm.group() in ("一个", "一座", "一处") and (
                    bm.end() == start or _DESCRIBING.search(text, bm.start(), start)):
                continue  # 一个年产值50亿元的…产业园, 一个年产400万吨的煤制油项目: one project
                # described, not a batch
            if text.find("之一", bm.end(), start) >= 0 or _COUNTED_HEAD_DE.fullmatch(
                    text, bm.end(), start):
                continue  # 150项重大水利工程之一的某水库, 列入规划102项重大工程项目的某电站:
                # one of the batch, named
            if not _PARTIES_AFTER.match(text, bm.end()):
                return False  # 三个重点对接的欧美工业园项目: several projects, not one
            # (联合上述三家企业在…投资建设X: a count of partners, not of projects)
        if plain and head != "生产线":
            # an investment word in its clause or the clauses next to it (大伙房水库 in a list
            # of sights is not a project)
            lo, hi = _comma_window(text, start, he, s0, s1)
            if text[s0:start].strip() == "":
                hi = s1  # the sentence's subject: the whole sentence speaks of it
            # (from the head's end: a works tail in the name, 某水库扩容, counts)
            if _INVEST_CONTEXT.search(text, lo, start) is None \
                    and _INVEST_CONTEXT.search(text, hs + len(head), max(hi, he)) is None:
                return False
            if _CONNECTED_BEFORE.search(text, max(s0, start - 4), start) \
                    or _CONNECTED.search(text, run, start):
                return False  # 东连福州至银川国家高速公路: what a project connects to
            # 在某国家级化工基地，年产30万吨的乙醇项目…: where, not what
            if head in _AREA_HEADS and _LOCATIVE_BEFORE.search(text, max(s0, start - 3), start) \
                    and he < s1 and (text[he] not in "，,。；;" or _HEAD_RE.search(text, he + 1, s1)):
                return False
            # 甲乙铁路也实现丙丁隧道贯通: a part of the project named before it
            if head in _COMPONENT_HEADS:
                last = None
                for h in _WHOLE_HEAD.finditer(text, s0, start):
                    if self.index.sentence(h.start())[0] == s0:
                        last = h
                if last is not None and not _PEER_GAP.fullmatch(text, last.end(), run):
                    return False  # (甲通道东段、乙隧道…投入使用: the nearest whole is a peer)
        return True

    def _dated_before(self, start: int) -> bool:
        """去年10月投产的X, 2016年开工建设的X: a relative clause telling when the work was
        started or finished singles out one undertaking, even named by sector words."""
        m = _DATED_EVENT.search(self.text, max(0, start - 6), start)
        if m is None:
            return False
        c0 = self.index.clause(start)[0]
        k = bisect.bisect_left(self.cut_ends, c0)
        return k < len(self.cut_ends) and self.cut_ends[k] <= m.start() \
            and _DATE_WORD.search(self.text, c0, m.start()) is not None

    def _described(self, start: int) -> bool:
        """这个占地100亩的…, 一个总投资10亿元的…: a pointer with a figure and 的 before `start`,
        in a sentence that follows no project named in its paragraph (else it points back:
        某车企…工厂…。这座总投资约60亿元的基地…)."""
        text = self.text
        c0 = self.index.clause(start)[0]
        m = _DESCRIBING.search(text, max(c0, start - 24), start)
        if m is None:
            return False
        s0 = self.index.sentence(start)[0]
        p0 = self.index.paragraph(start)[0]
        for h in _HEAD_RE.finditer(text, max(p0, s0 - 200), s0):
            if not _BATCH_BEFORE.search(text, max(p0, h.start() - 8), h.start()):
                return False  # (a batch before, 一批重大项目开工, is no project pointed back to)
        k = bisect.bisect_left(self.cut_ends, m.start())
        return k < len(self.cut_ends) and self.cut_ends[k] <= start or \
            self._figures.covers(m.start(), start)

    def _without_figures(self, start: int, end: int) -> str:
        """text[start:end] without the capacity figures in it (二期600MW → 二期)."""
        out = self.text[start:end]
        k = bisect.bisect_left(self.protected.starts, start)
        for j in range(k, len(self.protected.spans)):  # (not a slice: a copy of the rest)
            s, e = self.protected.spans[j]
            if s >= end:
                break
            if e <= end and self.text[s:e] and self.text[s].isdigit():
                out = out.replace(self.text[s:e], "")
        return _CAPACITY_FIGURE.sub("", out)

    def _company_before(self, pos: int) -> Company | None:
        """A company earlier in the sentence of `pos`."""
        s0 = self.index.sentence(pos)[0]
        k = bisect.bisect_left(self._company_starts, pos) - 1
        if k >= 0 and self.companies[k].start >= s0:
            return self.companies[k]
        return None

    def _without_places(self, start: int, end: int) -> str:
        """text[start:end] with the places in it removed (桐乡重大 → 重大)."""
        spans = self.places.spans
        k = bisect.bisect_left(self.places.starts, start)
        parts = []
        pos = start
        while k < len(spans) and spans[k][0] < end:
            s, e = spans[k]
            if s > pos:
                parts.append(self.text[pos:s])
            pos = max(pos, e)
            k += 1
        if pos < end:
            parts.append(self.text[pos:end])
        return "".join(parts)

    def _company_inside(self, start: int, end: int) -> Company | None:
        k = bisect.bisect_left(self._company_starts, start)
        for c in self.companies[k:k + 4]:
            if c.start >= end:
                break
            if c.end <= end and c.start - start <= 6:
                return c
        return None

    # -- list items -----------------------------------------------------------------------
    def items(self) -> list[ProjectMention]:
        """Items of lists closed by 等…项目 or a count of projects."""
        text = self.text
        out: list[ProjectMention] = []
        list_id = 0
        for m in finditer_in(_LIST_TAIL, text, self.index.clauses_holding(_LIST_TAIL_WORDS)):
            tail = m.start()
            c0 = self.index.sentence(tail)[0]
            # the list runs back over 、 and conjunctions to the clause break before it
            seg_start = c0
            for b in range(tail - 1, c0 - 1, -1):
                if text[b] in "，,；;：:。！？\n":
                    seg_start = b + 1
                    break
            seg = text[seg_start:tail]
            closed = max(_CLOSED_LIST.finditer(seg), key=lambda c: c.end(), default=None)
            if closed is not None:
                # 甲、乙2个援藏项目以及企业投资的丙、丁等项目: a list closed by its count
                # before the conjunction; this list starts after it
                seg_start += closed.end()
                seg = text[seg_start:tail]
            if "、" not in seg and not m.group().startswith("等"):
                continue
            if _PART_TAIL.search(m.group()):
                continue  # 甲醇装置、空分装置…等107个单位工程: the parts of one project
            if _RESEARCH_TAIL.search(m.group()):
                continue  # 新一代光储等创新攻关项目30个: research, not works
            pieces = _split_items(seg, seg_start)
            if _quoted_across(text, pieces):
                continue  # 企业“扩产、提质、上市”: a slogan's words, not works
            shared = _SHARED_HEAD.search(m.group())
            shared_head = shared.group() if shared is not None else ""
            kind = _COUNTED_KIND.search(m.group()) if shared is None else None
            if kind is not None:
                shared_head = kind.group(1)  # 甲、乙两座水电站: stations (no firms), each named
                # after its place (德令哈 alone names the station there)
            elif shared is None:
                works = _WORKS_KIND_IN_TAIL.search(m.group())
                if works is not None:
                    shared_head = works.group()  # 甲、乙等6个高铁项目: lines, not firms
            if shared is not None and not self._short_names(pieces, m.start()):
                continue  # 重大水利、中西部铁路等领域: kinds of works, not named lines
            count = _list_count(m.group())
            if count is not None and len(pieces) > count:
                # 光纤扩建、海底电缆及海底光缆、…等5个项目: the count says 及 joins
                # two nouns of one item
                plain_pieces = _split_items(seg, seg_start, conj=False)
                if len(plain_pieces) == count:
                    pieces = plain_pieces
            if not pieces or len(pieces) > 60:
                continue  # no list, or a run of 、 too long to be one
            list_id += 1
            self.lists.append((seg_start, m.end(), list_id))
            found: list[ProjectMention] = []
            last = len(pieces) - 1
            for k in range(last, -1, -1):
                a, b = pieces[k]
                while b > a and text[b - 1] == "等":
                    b -= 1
                if b > a and text[b - 1] in "）)":
                    opening = max(text.rfind("（", a, b - 1), text.rfind("(", a, b - 1))
                    if opening > a and _DIGIT.search(text, opening, b):
                        b = opening  # 某物流中心（投资2.3亿元）等项目: a figure glosses the item
                ev = _EVENT_END.search(text, max(a, b - 2), b)
                if ev is not None and ev.start() - a >= 2:
                    b = ev.start()  # 某大桥合龙等项目完工: the event is not the item's name
                if _BATCH_RE.search(text, a, b):
                    found = []  # 甲市12个招商项目、乙省300个项目: batches
                    break
                told = _AMOUNT_OPENING.match(text, a, b)
                if told is not None and b - told.end() >= 2:
                    a2, stopped = told.end(), False  # 投资1746万元的某学校、投资58亿元的某项目等:
                    # the amount describes the item (and stops nothing)
                elif k == last or k == 0:
                    a2 = self._stop(a, b, True, nominal_ok=True)
                    stopped = a2 > a
                else:
                    a2, stopped = a, False
                if k == 0 and self._parts_of_named(a2, b):
                    found = []  # 某水库工程重力坝、导流洞等工程: the parts of the works named
                    break
                lead = self._lead_trim(a2, b)
                if lead is not None:
                    a2 = lead.end()
                name = text[a2:b].strip()
                a2 = b - len(name)
                if stopped and _CLASS_WORDS.search(text, a, a2):
                    found = []  # 一批5G装置、人脸识别等: kinds of things, not projects
                    break
                two = _TWO_LINES.fullmatch(text, a2, b)
                if two is not None:
                    # 开工甲县至乙县和丙县至丁界等高速项目: two lines in one item
                    for g in (2, 1):
                        pm = ProjectMention(two.start(g), two.end(g), two.group(g), ITEM, "",
                                            list_id=list_id)
                        pm.specific = pm.strong = True
                        pm.counted = count is not None
                        found.append(pm)
                elif 2 <= len(name) <= 30 and self._item_ok(a2, b, kind is not None):
                    pm = ProjectMention(a2, b, name, ITEM, shared_head, list_id=list_id)
                    if len(name) == 2 and count is None and a2 not in self._company_at \
                            and not self.places.covers(a2, b) and not name.isascii():
                        # 绿氢、绿氨等新能源工程: two characters no firm or place list knows name
                        # a product or a kind; only a specific item beside them makes them works
                        # (上力、国千、铁流等7个项目: a count says they are projects)
                        pm.specific = pm.strong = False
                    else:
                        pm.specific = self.is_specific(a2, b)
                        pm.strong = self.is_specific(a2, b, strong=True)
                    pm.counted = count is not None
                    pm.company = self._company_at.get(a2)
                    found.append(pm)
                if stopped:
                    break  # the first item: what precedes it is not part of the list
            after = _list_count(text[m.end():m.end() + 4]) \
                if _COUNT_AFTER_TAIL.match(text, m.end()) else None
            if _SECTOR_TAIL.search(m.group()) or (len(pieces) >= 3 and (after or 0) >= 3 * len(pieces)):
                # (one or two items before a count of hundreds are its examples, named)
                # 芯片封测、数控机床等先进制造业项目; 淀粉、胚芽油等项目26个: kinds of industry
                # or product unless an item names a place, a firm or a figure of its own
                found = [pm for pm in found if pm.strong]
            out.extend(reversed(found))
        return out

    def _new_list_id(self) -> int:
        """An id no list found so far has (items() numbers its lists from 1)."""
        return max((lst[2] for lst in self.lists), default=0) + 1

    def distributed(self, names: list[ProjectMention]) -> list[ProjectMention]:
        """在酒泉、张掖、武威三地分别建设风电项目: one project of that kind in each place
        (named place + kind, its span the place's); the kind alone names none of them."""
        text = self.text
        out: list[ProjectMention] = []
        if "分别" not in text:
            return out
        by_start = {pm.start: pm for pm in names}
        for m in _DISTRIBUTED.finditer(text):
            pm = by_start.get(m.end())
            if pm is None or pm.specific:
                continue  # (a name of its own after the list is one project)
            spans = []
            pos = m.start(1)
            for piece in m.group(1).split("、"):
                a, b = pos, pos + len(piece)
                pos = b + 1
                sp = self.places.span_at(b - 1)
                if sp is None or sp[1] != b or sp[0] > a:
                    spans = []
                    break
                spans.append((a, b))
            if len(spans) < 2:
                continue
            list_id = self._new_list_id()
            self.lists.append((m.start(1), pm.end, list_id))
            for a, b in spans:
                item = ProjectMention(a, b, text[a:b] + pm.name, ITEM, pm.head, list_id=list_id)
                item.specific = item.strong = True
                item.counted = True
                item.company = pm.company or self._company_before(m.start())
                out.append(item)
            pm.kind = REF  # the shared kind points to them, it names no project of its own
        return out

    def roads(self) -> list[ProjectMention]:
        """Streets listed three or more together where the sentence builds them (今年新开工的
        甲路、乙路、丙大道正在加紧建设): each is a project (a single 某某路 is an address)."""
        text = self.text
        out: list[ProjectMention] = []
        # windows around each 路、 (merged): the list pattern is slow over a whole report
        hits = sorted(i for _, i, _ in word_hits.hits(text, _STREET_COMMA_WORDS))
        if not hits:
            return out
        windows: list[list[int]] = []
        for i in hits:
            if windows and i - 48 <= windows[-1][1]:
                windows[-1][1] = i + 48
            else:
                windows.append([max(0, i - 48), i + 48])
        found = [(x, "路") for lo, hi in windows for x in _ROAD_LIST.finditer(text, lo, hi)]
        found += [(x, "线") for lo, hi in windows for x in _RAIL_LIST.finditer(text, lo, hi)]
        for m, kind in found:
            s0, s1 = self.index.sentence(m.start())
            if not _ROAD_WORKS.search(text, s0, s1) or _ROAD_ADDRESS.search(
                    text, max(s0, m.start() - 4), m.start()):
                continue  # 位于甲路、乙路交叉口: an address
            if kind == "线" and not _RAIL_CONTEXT.search(
                    text, max(s0, m.start() - 12), min(s1, m.end() + 12)):
                continue  # 甲线、乙线 are metro lines only where the list speaks of rail
            if _CLASS_WORDS.search(text, max(s0, m.start() - 6), m.start() + 3):
                continue  # 一批产业路、旅游路、便民路: kinds of roads
            list_id = self._new_list_id()
            self.lists.append((m.start(), m.end(), list_id))
            pos = m.start()
            for k, piece in enumerate(m.group().split("、")):
                a, b = pos, pos + len(piece)
                pos = b + 1
                if k == 0:
                    a = self._stop(a, b, True)
                    lead = _WORKS_LEAD.match(text, a, b)
                    if lead is not None and kind == "线":
                        a = lead.end()  # 扩能改造甲乙线: the work done, then the line
                lb = b
                if kind == "线":
                    lb = text.rfind("线", a, b) + 1  # (某某线东延伸: the line, then its part)
                core = text[a:lb].rstrip("路大道街线")
                if len(core) < 1 or is_generic(core) or _common_word(core) \
                        or kind == "线" and (_HEAD_RE.search(text, a, lb) is not None
                                            or _NOT_A_LINE.search(text, a, lb) is not None):
                    continue  # 产业路、旅游路、便民路: kinds of roads (12号线, 生产线: named
                    # elsewhere or no line)
                if b - a < 2 or self.places.covers(a, b) and self._without_places(a, b) in (
                        "路", "大道", "大街", "街"):
                    continue  # (人民路 of a city named 人民: still a road, but 杭州路 is a city's)
                pm = ProjectMention(a, b, text[a:b], ITEM, kind, list_id=list_id)
                pm.specific = pm.strong = True
                out.append(pm)
        return out

    def numbered_sections(self) -> list[ProjectMention]:
        """A section of a numbered road named by its ends (S22白永段, G0616海乌段, 国道307某省段)
        in a sentence that builds it."""
        out: list[ProjectMention] = []
        for m in self._built_names_ending(_NUMBERED_SECTION, "段", 12):
            pm = ProjectMention(m.start(), m.end(), m.group(), NAME, "段")
            pm.specific = pm.strong = True
            out.append(pm)
        return out

    def phases(self) -> list[ProjectMention]:
        """A works named by its owner or site and its phase, without a head (齐鲁制药二期正安装
        设备, 推动甲港一期、乙港三期建成): a project when what follows is a list's or clause's end
        or what happens to it, and the words before the phase hold a proper element."""
        text = self.text
        out: list[ProjectMention] = []
        for i in find_all(text, "期"):
            if i < 3 or text[i - 1] not in _PHASE_NUMERALS or text[i - 2] == "第":
                continue
            tail = _PHASE_AFTER.match(text, i + 1)
            if tail is None:
                continue
            s0, s1 = self.index.sentence(i)
            if not _PHASE_WORKS.search(text, s0, s1):
                continue
            p = i - 1
            lo = max(s0, p - 24)
            a = max(text.rfind(c, lo, p) for c in "，,。；;：:、\n（(“") + 1
            a = max(a, lo)
            a = self._stop(a, p, True)
            core = text[a:p]
            if len(core) < 2 or is_generic(core) or _common_word(core) \
                    or _HEAD_RE.search(text, max(a, p - 4), p) is not None \
                    or _DIGIT.search(core[-1:]) or not self.is_specific(a, p):
                continue  # (某工程二期: the name found with its head; 2期, 项目一期)
            b = i + 1 + len(tail.group(1) or "")
            pm = ProjectMention(a, b, text[a:b], NAME, "期")
            pm.specific = pm.strong = True
            out.append(pm)
        return out

    def _built_names_ending(
        self, pattern: re.Pattern[str], last: str, back: int
    ) -> Iterator[re.Match[str]]:
        """Matches of `pattern` that end at a `last` character (searched within `back`
        characters before it) in a sentence that builds or opens works."""
        text = self.text
        for i in find_all(text, last):
            m = pattern.search(text, max(0, i - back), i + 1)
            if m is None or m.end() != i + 1:
                continue
            s0, s1 = self.index.sentence(i)
            if _ROAD_WORKS.search(text, s0, s1):
                yield m

    def routes(self) -> list[ProjectMention]:
        """Roads or lines listed by their ends before one head (建成甲至乙、丙至丁等高速公路):
        each route is a project, named by its ends as the report writes it."""
        text = self.text
        out: list[ProjectMention] = []
        seen = -1
        for i in find_all(text, "至"):
            if i < seen:
                continue
            m = _route_list_at(text, i)
            if m is None:
                continue
            seen = m.end()
            pieces = m.group(1).split("、")
            if not m.group(2):
                pieces = pieces[:-1]  # (the last one takes the head: named by names())
            list_id = self._new_list_id()
            self.lists.append((m.start(1), m.end(1), list_id))
            pos = m.start(1)
            for k, piece in enumerate(pieces):
                a, b = pos, pos + len(piece)
                pos = b + 1
                if k == 0:
                    a = self._stop(a, b, True)  # (建成甲至乙: the verb is no part of it)
                if b - a < 5:
                    continue
                pm = ProjectMention(a, b, text[a:b], ITEM, m.group(3), list_id=list_id)
                pm.specific = pm.strong = True
                out.append(pm)
        return out

    def transit_lines(self) -> list[ProjectMention]:
        """A metro or light-rail line named by words, after its system word (轨道交通平谷线,
        地铁崇明线南延伸段), in a sentence that builds or opens it."""
        text = self.text
        out: list[ProjectMention] = []
        for m in self._built_names_ending(_TRANSIT_LINE, "线", 10):
            core = m.group(1)
            if core.endswith("号") or _HEAD_RE.search(core) or _NOT_A_LINE.search(m.group()) \
                    or is_generic(core) or _common_word(core):
                continue
            end = m.end()
            ext = _LINE_EXTENSION.match(text, end)
            if ext is not None:
                end = ext.end()
            pm = ProjectMention(m.start(), end, text[m.start():end], NAME, "线")
            pm.specific = pm.strong = True
            out.append(pm)
        return out

    def _short_names(self, pieces: list[tuple[int, int]], tail: int) -> bool:
        """Whether a list before a shared head (西延、西康等5条高铁) holds short proper names:
        each of two to four name characters, none a generic or region word, and the last
        right before the tail."""
        text = self.text
        if not pieces or pieces[-1][1] != tail:
            return False
        for k, (a, b) in enumerate(pieces):
            if k == 0:
                a = self._stop(a, b, True, nominal_ok=True)
                if _CONNECTED_BEFORE.search(text, max(0, a - 4), a):
                    return False  # 连接京九线、浙赣线和某高铁: the lines a new one joins
            name = text[a:b]
            if not 2 <= len(name) <= 4 or not all(is_name_char(c) for c in name) \
                    or is_generic(name) or _common_word(name) or _REGION_WORD.search(name):
                return False
        return True

    def _parts_of_named(self, a: int, b: int) -> bool:
        """Whether text[a:b], a list's first item, is a project's name followed by a short part
        of it (林海水库工程重力坝): the list then names the parts of that one project."""
        last = None
        for h in _HEAD_RE.finditer(self.text, a, b):
            last = h
        return last is not None and last.group() not in _WEAK and last.start() - a >= 2 \
            and 1 <= b - last.end() <= 4 and _WORKS_PART.search(self.text, last.end(), b) is not None

    def _item_ok(self, a: int, b: int, place_ok: bool = False) -> bool:
        """Whether text[a:b] can be a list's item (with `place_ok`, a bare place name too)."""
        name = self.text[a:b]
        if "…" in name or "..." in name or not is_name_char(name[0]):
            return False
        bare = self._without_places(a, b)
        if bare in ("至", "到", "—", "-", "－"):
            return True  # 寻乌至全南, 哈密—重庆: a line between two places
        if len(name) <= 4 and _common_word(name):
            return False  # 恢复、安全等…: ordinary words, not firms or works
        if place_ok and not bare and self.places.covers(a, b):
            return True  # 甲、德令哈4座电站: the place names the works there
        if len(bare) < 2 or is_generic(bare) or _BATCH_RE.fullmatch(name) \
                or _CLASS_WORDS.search(name):
            return False  # …, 年产53000公里各种电气装备: a class of things
        if self.places.covers(a, b) and len(bare) <= 1:
            return False
        if _CONTEST_ITEM.search(name):
            return False  # 100米、200米、500米直道赛三个项目: events of a contest
        if _COUNTED_CORE.match(name):
            return False  # 3件大型灌区、5件大中型水库: counts of works
        if _LANDFORM_ITEM.search(name):
            return False  # 阿尼玛卿山脉、柴达木盆地等: places where works are, not works
        if _PROGRAMME_ITEM.search(name):
            return False  # 顶尖人才、创新领军人才等项目: programmes for people, not works
        return _SUPERLATIVE.search(name) is None

    # -- pointers back ------------------------------------------------------------------------
    def refs(self) -> list[ProjectMention]:
        """该项目, 这个总投资90亿元的项目, 项目 at a clause start: pointers to a named project."""
        text = self.text
        out = []
        for m in _REF_RE.finditer(text):
            if _BATCH_RE.search(m.group()):
                continue
            out.append(ProjectMention(m.start(), m.end(), m.group(), REF))
        for m in word_hits.matches(_KIND_REF_RE, text, _KIND_REF_WORDS):
            out.append(ProjectMention(m.start() + 1, m.end(), m.group()[1:], REF))
        return sorted(out, key=lambda pm: pm.start)

    def _filed_and_named(self, n: ProjectMention, names: list[ProjectMention]) -> bool:
        """A name inside a filing's title (审议通过《关于投资建设X项目的议案》) when its sentence
        goes on to name the works themselves (…拟由子公司在某地投资建设Y项目): the filing's
        wording, not a second project."""
        text = self.text
        opening = text.rfind("《", max(0, n.start - 20), n.start)
        if opening < 0 or text.find("》", opening, n.start) >= 0:
            return False
        closing = text.find("》", n.end, n.end + 12)
        if closing < 0 or not _FILING_TITLE.search(text, n.end, closing):
            return False
        s1 = self.index.sentence(n.start)[1]
        return any(closing < o.start < s1 and o.kind == NAME for o in names)

    def find(self) -> list[ProjectMention]:
        """Every project mention, sorted by start; items inside names are dropped."""
        names = self.names()
        items = self.items() + self.roads() + self.transit_lines() + self.routes() \
            + self.numbered_sections() + self.distributed(names) + self.phases()
        refs = self.refs()
        spans = sorted((n.start, n.end) for n in names)
        starts = [a for a, _ in spans]

        def overlaps(a: int, b: int) -> bool:
            k = bisect.bisect_left(starts, b)
            return any(s < b and a < e for s, e in spans[max(0, k - 4):k])

        # the list a name stands in (the last one that holds it), found among the lists that
        # start at most the longest list's length before it, not among all of them
        by_start = sorted(range(len(self.lists)), key=lambda i: self.lists[i][0])
        list_starts = [self.lists[i][0] for i in by_start]
        longest = max((b - a for a, b, _ in self.lists), default=0)
        for n in names:
            k = bisect.bisect_right(list_starts, n.start)
            holder = -1
            while k > 0 and list_starts[k - 1] >= n.start - longest:
                k -= 1
                i = by_start[k]
                if self.lists[i][1] >= n.end and i > holder:
                    holder = i
            if holder >= 0:
                n.in_list = self.lists[holder][2]
        # 格尔木工业园宏储源…光伏储能、青海嘉诺…等4个项目: a park opening a list's first item is
        # where the item is, not a project of its own
        parks = {n.start: n for n in names if n.head in _PARK_HEADS}
        for it in items:
            n = parks.get(it.start)
            if n is not None and it.kind == ITEM and it.counted and it.end - n.end >= 4 \
                    and not _PHASE_TAIL.match(self.text, n.end) \
                    and not self.text.startswith(_PARK_PARTS, n.end):
                # (屏山县纺织产业园三期标准厂房等项目: the park's own phase is built)
                names.remove(n)
                it.start, it.name = n.end, self.text[n.end:it.end]
                spans.remove((n.start, n.end))
                starts = [a for a, _ in spans]
        for n in names:
            # 吴忠奶产业园伊利乳制品…项目, 某经开区金风科技…产业园项目: a zone or park opening the
            # name before a firm's is where the firm's project is
            for z in _ZONE_WORD.finditer(self.text, n.start, n.end):
                if z.end() in self._company_at and n.end - z.end() >= 4:
                    n.start, n.name = z.end(), self.text[z.end():n.end]
                    n.company = self._company_at[z.end()]
                    break
        allm = [n for n in names if not self._filed_and_named(n, names)]
        allm += [it for it in items if not overlaps(it.start, it.end)]
        allm += [r for r in refs if not overlaps(r.start, r.end)]
        allm.sort(key=lambda p: (p.start, -p.end))
        return allm


# An item opened by its amount and 的 (投资1.5亿元的某花园).
_AMOUNT_OPENING = re.compile(r"(?:总|计划)?投资(?:约|达|近|超)?[\d.]+(?:亿|万)?(?:美)?元(?:人民币)?的")
# Heads of parks and zones, which house projects (工业园宏储源光伏储能: a project in the park).
_ZONE_WORD = re.compile(r"产业园|工业园区?|经开区|高新区|开发区|园区")
_PARK_PARTS = ("标准厂房", "厂房", "配套", "基础设施", "道路", "管网", "孵化")
_PARK_HEADS = frozenset(("工业园", "工业园区", "产业园", "园区", "开发区", "经开区", "高新区", "工业区"))
# Verbs whose object is 项目 (抓项目, 推进项目, 围绕项目): stops before the heads 项目/工程.
_OBJECT_VERBS = re.compile(by_first_char((
    r"抓住|抓好|抓实|紧盯|盯住|围绕|聚焦|推进|加速|吸引|建立起|建立|成立|查看|解决|锁定|倒逼|"
    r"监管|承载|落实|支持|保障|研究|洽谈|在谈|谈|招引|引进|服务|跟踪|督查|考核|谋划|争取|对接|"
    r"审批|评估|包装|生成|申报|储备|落地|招|抓|盯|给|让|既|又|而|把").split("|")))
# Verbs that name the kind of work right before a head (扩建工程, 技改项目).
_NOMINAL_VERB_END = re.compile(
    r"(?:改扩建|扩建|改建|新建|迁建|重建|建设|改造|技改|扩产|扩能|增资|整治|治理|修复|开发|"
    r"利用|提升|升级|搬迁|加固|续建)$"
)
_LONG_STOP_END = re.compile(r"(?:开工建设|投资建设|出资建设|捐资建设|配套建设|投资兴建)$")
# A class of projects rather than one (亿元以上项目, 5000万元以上的投资项目).
_CLASS_RE = re.compile(r"以上|以下|之类|类项目|[各每]|行业(?!协会)")
_CLASS_RE = guarded(_CLASS_RE)  # (short windows: see alternation.guarded)
# A core opening with the region speaking (我市, 全省) or a share of a class (大部分, 行业)
# names a class of projects, not one.
_CLASS_OPENER = re.compile(
    r"(?:[我本全][省市县区州旗镇乡]|全国|各地|各级|大部分|部分|多数|少数|一些|许多|不少|新老|"
    r"传统产业|行业|中小|相关|同类|其他|其余|有关|新一轮)")
_BATCH_BEFORE = re.compile(
    r"(?:一批|一大批|批|[\d一二三四五六七八九十百千两几多余]+[个项]|这些|各类|一系列)"
    r"[\u4e00-\u9fff]{0,4}$")
_DATED_EVENT = re.compile(
    r"(?:投产|开工建设|开工|建成|竣工|落成|开业|投用|投入使用|通车|签约|落户)的$")
_DATE_WORD = re.compile(r"[年月日]")
_DIGIT = re.compile(r"[0-9０-９]")
_FILING_TITLE = re.compile(r"议案|公告|决议|报告|请示|批复")
# 某生产线及配套骨料项目: what is built with the works belongs to one project with them
_ANCILLARY = re.compile(r"(?:及其|及|和|与|并)配套")
_DESCRIBING = re.compile(r"(?:这个|这一|这座|这家|一个|一座|该)[^，,。；;！？]{2,20}的$")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9０-９Ａ-Ｚａ-ｚ]")
# A record claimed within a scope (我国…最高的, 全球最大的): what follows describes a project
# named elsewhere.
_SCOPED_SUPERLATIVE = re.compile(
    r"(?:我国|国内|全国|世界|全球|亚洲|国际|全省|省内)[^，,。；;：:]{0,12}?"
    r"(?:最大|最长|最高|最深|最先进|最早|首个|首座|首条|首台|唯一)[^，,。；;]{0,6}的$")
# What a count before a name may count besides projects: the parties that build it.
_PARTIES_AFTER = re.compile(r"(?:企业|公司|单位|机构|银行|央企|国企|民企|股东|合作伙伴|方)")
# A core opening with a count of schools, works or people (144所, 3件, 42宗, 207名) or a length
# of a kind of work (180公里管道, 200公里农村公路): several works, not one.
_COUNTED_CORE = re.compile(
    r"(?:\d+[多余]?[所件宗名]|[一二三四五六七八九十百千两几]+[多余]?[件宗名]"
    r"|\d+[多余]?(?:公里|千米)(?=[\u4e00-\u9fff]{0,4}$))")
# Verbs of upgrading opening a core: verb before object is a task whose object is the name (a
# name puts the kind of work after the object: 农村公路改造工程).
_VERB_OBJECT = re.compile(r"(?:提质|更新|改造|提升|整治|扩容|升级)+(?=[\u4e00-\u9fff]{2})")
_UNIT_COUNT = re.compile(r"[\d一二三四五六七八九十两几～~-]+[台套座]")
# 102项重大工程项目的: the batch's own noun closed before 的 (the name after it is a member)
_COUNTED_HEAD_DE = re.compile(r"[^，,。；;、]{0,8}?(?:项目|工程)的")
_RANKED = re.compile(r"第[一二三四五六七八九十\d]+大")
_FRAGMENT_TAGS = frozenset(("v", "d", "p", "c", "r", "u", "ad", "vd", "f"))
# What follows a name that is the subject of its clause (…项目落户, …项目总投资).
_PREDICATE_AFTER = re.compile(
    r"[，,]?(?:正式|已经|已|将|于|在|位于|落户|签约|开工|动工|竣工|投产|建成|总投资|计划|预计|"
    r"由|是|一期|二期|首期|占地|用地|今天|日前|近日|昨天|顺利|成功|获批)")


# Lines named by their ends' first characters (太绥高铁, 集大原高铁, 京蔚高速)
_ABBREVIATED_LINE_HEADS = frozenset(("高铁", "铁路", "高速", "高速公路", "城际", "城际铁路"))


def line_abbreviation(core: str, head: str) -> bool:
    """Whether `core` before a line's head reads as its ends abbreviated: two to four Chinese
    characters that are no dictionary word (太绥, 集大原; not 新建, 沿江)."""
    return head in _ABBREVIATED_LINE_HEADS and 2 <= len(core) <= 4 \
        and all("\u4e00" <= c <= "\u9fff" for c in core) and core not in word_tags() \
        and not any(core[i:i + 2] in _LINE_WORDS for i in range(len(core) - 1))


_LINE_WORDS = frozenset(("新建", "在建", "沿江", "沿海", "城市", "干线", "支线", "普速", "全线",
                         "建设", "推进", "加快", "开工", "建成", "通车"))


@lru_cache(maxsize=8192)
def is_fragment(core: str) -> bool:
    """True when the words before the head read as a verb phrase or function words (聚焦,
    纷纷直陈, 筛选全省) rather than a name: jieba splits the core and its dictionary tags
    decide. Single characters are not trusted (an unknown name such as 张吉怀 splits into
    them), except the function words in _FUNCTION_CHARS."""

    tags = word_tags()
    core = core.rstrip("和与及、")
    words = segment(core)
    if not words:
        return True

    def tag(w: str) -> str | None:
        if len(w) == 1:
            return "u" if w in _FUNCTION_CHARS else None
        return tags.get(w)

    last, first = words[-1], words[0]
    if last not in NOMINAL_VERBS and last not in DOMAIN_WORDS and last not in _HEAD_WORDS \
            and not PHASE_WORD.fullmatch(last) and tag(last) in _FRAGMENT_TAGS:
        # (a head word closing the core names a work whatever its tag: 某某洋通道项目)
        return True
    t = tag(first)
    if t in ("d", "p", "c", "r", "u", "ad"):
        return True
    if any(w in _MODALS and tags.get(nxt) == "v" for w, nxt in zip(words, words[1:], strict=False)):
        return True
    # 筛选全省, 给予: a verb opens a short core (引/抽水/调水 open water works)
    return t == "v" and len(words) > 1 and len(core) <= 4 and first not in NOMINAL_VERBS \
        and not core.startswith(("引", "抽水", "调水", "输水", "供水", "排水", "补水"))


def _common_word(word: str) -> bool:
    """True for a dictionary verb, adjective or adverb (恢复, 安全): not a short name."""
    return word_tags().get(word) in ("v", "vn", "a", "ad", "an", "d", "l", "i")


# Stop characters that also abbreviate places (向塘, 由…): kept when only one character
# would be left before the head at the start of a run.
_ABBREV_OPENERS = frozenset("向从对由到于等在为将")
_FUNCTION_CHARS = frozenset("把被让给又也都就才还很更最太不没而按占急抓搞盯它他她要会使")
# A modal before a verb inside a core (政府要批准特许权项目) makes it a clause.
_MODALS = frozenset("要会应能可")


# A head followed by one of these nouns modifies it (办公中心大厅, 国际铁路港, 基地内).
_MODIFIED_NOUN = re.compile(
    r"大厅|大楼|港|口岸|局|办|厅|公司|总公司|总部|集团|有限|股份|网|路|街|村|社区|小区|城|区|站|段|内|外|里|周边|附近|设备|标准|工作|终点|起点|主跑道|跑道|航站楼"
)
# Institutions whose new campus or branch is built (某小学新校区, 某医院东院区).
_INSTITUTION_HEADS = frozenset(("小学", "中学", "医院", "博物馆", "博物院", "纪念馆", "美术馆", "图书馆",
                                "科技馆", "文化馆"))
# 某医院滨江院区 (a campus named by its place), 某博物馆新馆 (a new building of a museum)
_CAMPUS = re.compile(r"(?:新|[东西南北]部?|[一二三四五六七八九十\d]+号|[\u4e00-\u9fff]{2}(?=[院校]区))?"
                     r"(?:校区|院区|分校|分院|新院)(?![长办])|新馆")
_TRANSIT = re.compile(r"地铁|轨道交通|轻轨")
# 地铁四号线南沙客运港站: a station on the line, not the line
_STATION_AFTER = re.compile(r"[\u4e00-\u9fff]{1,8}站")
_BATCH_AFTER = re.compile(
    r"[^，,。；;！？\n]{0,8}?(?:项目|工程|子项目)(?:共|达|计)?[\d一二三四五六七八九十百千两几]+[个项批]")
_COUNT_AFTER = re.compile(r"(?:就有|共有|有|共|达|计)?[\d一二三四五六七八九十百千两几]+[个项批]")
_CAPACITY_PIECE = re.compile(r"[\d.．]+万?(?:吨|台|套|件|辆|片)(?:/年)?[\u4e00-\u9fff]{1,6}$")
_NOT_NAME_AFTER = re.compile(
    r"为(?:重点|依托|核心|主|抓手|龙头|载体|平台)|[\d一二三四五六七八九十两几]+[幢栋座]"
    # 某产业园区管委会主任: the body that runs the park
    r"|管委会|管理委员会|管理局|党工委|工委")
# Words that make a name a description (首个, 最大) or a role (成为…, 之一).
# Parts of a works (dam, tunnel, sluice…) that a list names after the works' own name.
_WORKS_PART = re.compile(r"坝|堰|洞|闸|渠|堤|桥|站|厂房|泵房|管道|管线|隧洞|航道|船闸|护岸")
_APPOSED = re.compile(r"(?:工程|项目)(?:——|—|：|:)$")
# What a works (工程) builds or treats: a programme's name holds none of these.
_PHYSICAL = re.compile(
    r"水库|水利|水网|供水|补水|引水|调水|输水|排水|污水|水厂|水电|治水|水系|南水北调|防洪|洪|河|湖|江|"
    r"溪|渠|灌|堤|闸|坝|海塘|港|口岸|码头|航|机场|铁|路|大道|大街|街|轨|地铁|号线|隧|桥|交通|枢纽|站|电|光伏|"
    r"风电|风力|风光|核|网|管|气|油|煤|矿|钢|化工|材料|厂|车间|生产线|基地|园|馆|院|楼|中心|城|片区|小区|"
    r"住房|棚|治理|修复|引|济|盾构|穿越|试验|扩建|扩能|技改|一期|二期|三期|阶段|水资源|特高压|直流|"
    r"输变电|炼|重建|提黄|扬水|[A-Za-z0-9]")
_PROGRAMME_END = re.compile(r"(?:创作|探源|惠民|强基|先锋|宜居|科创|补短板|文明建设|保护利用|提升|满园|"
                            r"精品|振兴|行动|计划|培育|育人|示范创建)$")
# (某河某段安澜提升, 某古城保护和旧城改造提升: works, the 提升 is what they do)
_WORKS_IN_CORE = re.compile(r"段|改造|堤|河道|管网|道路")
# Two lines joined by 和 before one head (甲县至乙县和丙县至丁界高速公路).
_TWO_LINES = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:至|到)[\u4e00-\u9fff]{2,8}?)(?:和|、|及|与)"
                        r"([\u4e00-\u9fff]{2,8}?(?:至|到)[\u4e00-\u9fff]{2,8}?)")
_SHARED_HEAD = re.compile(f"(?:{_SHARED_HEADS})$")
# Words of regions and sectors that name no line (中西部, 沿海, 干线).
_REGION_WORD = re.compile(r"[东西南北中]部|沿海|沿边|沿江|干线|城际|省际|跨境|国家|地方|重大|重点|无|县|省|市")
# 在甲、乙、丙三地分别建设…: places listed, then a shared kind of works.
_DISTRIBUTED = re.compile(
    r"在(?:[\u4e00-\u9fff]{2,3}(?:省|自治区)?)?((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4}?)"
    r"(?:[两三四五六七八九十\d]+[地个市县])?(?:等地)?分别(?:投资)?(?:建设|新建|兴建|扩建|建)")


# Streets listed together (甲路、乙路、丙大道): each a road project where the sentence builds.
_ROAD_LIST = re.compile(r"(?:[\u4e00-\u9fff]{1,5}?(?:路|大道|大街)、){2,}[\u4e00-\u9fff]{1,5}?(?:路|大道|大街)"
                        r"(?![\u4e00-\u9fff]{0,2}(?:口|交叉|沿线|两侧|附近|一带|片区|站))")
# Metro or rail lines named by two to four characters, two or more in a list (甲线、乙线).
_RAIL_PART = r"(?:[东西南北]延伸段?|[东西南北]延段|[一二三四]期(?:[东西南北]段)?)?"
_RAIL_LIST = re.compile(rf"[\u4e00-\u9fff0-9]{{2,8}}?线{_RAIL_PART}(?:、[\u4e00-\u9fff0-9]{{2,8}}?线{_RAIL_PART})+")
_NUMBERED_SECTION = re.compile(r"(?<![A-Za-z0-9])(?:[GS]\d{1,4}|[国省]道\d{2,4})[\u4e00-\u9fff]{2,4}?段")
_ROUTE_LIST = re.compile(
    r"((?:[\u4e00-\u9fff]{2,6}?至[\u4e00-\u9fff]{2,6}?、)+[\u4e00-\u9fff]{2,6}?至[\u4e00-\u9fff]{2,6}?)"
    r"(等[\d一二三四五六七八九十两]*[条个项]?)?"
    r"(高速(?:（一级）|\(一级\))?公路|高速|一级公路|高速铁路|铁路|高铁|城际铁路)")


def _route_list_at(text: str, i: int) -> re.Match[str] | None:
    """_ROUTE_LIST.search(text, i - 8, i + 160) when that match starts at or before `i` (the
    至 at `i` is in its first route), else None. Only the nine starts up to `i` are tried: a
    search over the whole window tried every later start, each backtracking through its lazy
    runs, to find matches routes() drops (the same leftmost match: match at a start is what
    search finds there)."""
    endpos = min(len(text), i + 160)
    match = _ROUTE_LIST.match
    for p in range(max(0, i - 8), i + 1):
        m = match(text, p, endpos)
        if m is not None:
            return m
    return None
_TRANSIT_LINE = re.compile(r"(?:轨道交通|地铁|轻轨)([\u4e00-\u9fff]{2,4}?)线")
_NOT_A_LINE = re.compile(r"(?:红|底|防|主|热|战|前|路|界|航|岸|一|生命|高压|天际|警戒|起跑)线$")
_RAIL_CONTEXT = re.compile(r"(?<=[\d一二三四五六七八九十])号线|轨道交通|轨交|地铁|铁路|市域|城际")
_WORKS_LEAD = re.compile(r"(?:扩能改造|改扩建|扩建|改造|新建|续建)+")
_JARGON_KIND_END = re.compile(r"(?:产业|融合|惠民|回归|强链|补链|延链)$")
_PHASE_NUMERALS = frozenset("一二三四五六七八九十")
# after a phase: 工程/项目, then a list's or clause's end or what happens to the works
_PHASE_AFTER = re.compile(r"(工程|项目)?(?=[、，,。；;]|和|及|与|等|已|正|将|于|也|均|全面|顺利|正式|"
                          r"建成|投产|开工|竣工|开通|通车|投用|并网|完工|主体|进入|加快|加紧|启动|"
                          r"试运行|运营|项目|开始)")
_PHASE_WORKS = re.compile(r"建成|投产|开工|竣工|开通|通车|投用|并网|完工|建设|安装|调试|试运行|运营|施工")
_ROAD_WORKS = re.compile(r"新开工|开工|建设|建成|改造|改建|拓宽|新建|通车|开通|完工|竣工|提升|升级|修建|施工|投用|运营")
_ROAD_ADDRESS = re.compile(r"位于|沿|经过|途经|连接|从|在$")
# The kind of works done on a site, closing its name before a break (某机场改扩建，…).
# 某机场三期扩建, 某水库扩容, 某灌区现代化改造, 某医院扩建三期: the phase may come either side.
_WORKS_TAIL = re.compile(r"(?:[一二三四五]期)?"
                         r"(?:改扩建|扩建|改建|迁建|扩能改造|改造提升|提升改造|扩容改造|现代化改造|"
                         r"电气化改造|提质改造|除险加固|扩容|改造)"
                         r"(?:[一二三四五]期)?(?=[，,。；;、]|和|及|与|等|建设|投入|开工|前期|$|"
                         # 某铁路扩能改造甲至乙段: the section the works are done on follows
                         r"(?:[\u4e00-\u9fff]{2,5}?(?:至|到|—)[\u4e00-\u9fff]{2,5}?|[\u4e00-\u9fff]{2,4}?)段)")
_NUCLEAR_PHASE = re.compile(r"[一二三四五六]期|[\d一二三四五六]+(?:[、—-][\d一二三四五六]+)?号机组")
# The part of an airport built: a phase's airfield, a terminal, a runway.
_AIRPORT_PART = re.compile(r"(?:[一二三四五]期)?(?:(?:[东西南北]|新)?飞行区|T\d[A-Z]?航站楼|新航站楼|"
                           r"第[一二三四五六七八九十]跑道|[东西南北]跑道|新跑道)"
                           # 某机场高速二期: the expressway to the airport is the works
                           r"|(?:高速公路|高速|快速路|连接线|大道)(?:[一二三四五]期(?:工程)?)?")
# The part of a metro line built (17号线西延伸, 20号线一期东段, 2号线南延段).
_LINE_EXTENSION = re.compile(r"(?:[一二三四五]期)?(?:[东西南北]延伸(?:段)?|[东西南北]延段|[东西南北]段)"
                             r"|[一二三四五]期(?:工程)?|延伸线|延长线")
# What a centre does when it is a body, not a building (交易中心, 服务中心, 航运中心).
_INSTITUTION_CORE = re.compile(r"(?:(?:人才|发展|政务|企业|投资|金融|创业)服务|交易|登记|结算|交流|金融|贸易|"
                               r"人才|航运|区域|股交|营运|指挥|调度|仲裁|认证|评估|咨询)$")
_DESIGNATED_NODE = re.compile(r"(?:陆海(?:贸易)?新|算力(?:网络)?|航空(?:货运)?|邮政快递|物流|门户)$")
_KIND_AFTER_LIST = re.compile(
    r"等(?:重点|重大|主要|骨干|龙头|标志性|一批)+$"
    # 甲、乙等35个新型储能项目, 甲、乙等总投资逾300亿元的化工项目: the list's kind
    r"|等(?:[\d一二三四五六七八九十百千两]+[个项座条处家]|一批|一系列|多个)$|等总投资[^，,。；;]{0,14}的$")
_WORK_REPORT = re.compile(r"政府工作报告")
_PARK_DESIGNATION = re.compile(r"国家(?:文化|森林|湿地|地质|考古遗址)?$")
_KIND_OF_PARK = re.compile(r"(?:2\.0版|近|新一代)?(?:零碳|低碳|绿电|绿色低碳)(?:产业)?|"
                           r"(?:卓越级|领航级|先进级|基础级)(?:国家)?智能|(?:国家级|省级)?智能|数字化|智慧")
# Heads that a kind of facility a region builds many of takes (零碳工厂, 卓越级智能工厂, 智慧码头).
_KIND_HEADS = frozenset(("园区", "工厂", "码头", "港区", "产业园", "港口"))
_QUOTED_PROGRAMME = re.compile(r"[“\"][^”\"]{1,10}[”\"][\u4e00-\u9fff]{0,10}")
_QUOTED_ONLY = re.compile(r"[“\"][^”\"]{1,8}[”\"]")
_SLOGAN_CORE = re.compile(r"([\u4e00-\u9fff])\1通")
_HEAD_WORDS = frozenset(STRONG_HEADS + WEAK_HEADS)
_FIRST_OF = frozenset(("首个", "首座", "首条", "首家"))
# A capacity read as a size (not an output: 年产30万吨的乙醇项目 keeps it in the name).
_SIZE_CUE = re.compile(r"(?:装机|容量|规模|年产量?|产能)[^，。、；\d]{0,4}[\d一二三四五六七八九十两百千万亿.]+")
# 最大外资项目是…, 投资最大的项目为…: the label of the one a list ranks first (the name follows)
_TOP_LABEL = re.compile(r"(?:其中)?(?:总?投资|规模|体量|单体)?(?:最大|最多)的?")
_SUPERLATIVE = re.compile(by_first_char((
    r"最大|最长|最高|最深|最先进|最早|首个|首座|首条|首台|首家|唯一|世界级|世界一流|国际一流|"
    r"全球|规模最大|千万吨级").split("|")))
_DESCRIBED = re.compile(
    r"成为|建成为|打造成|建设成|作为|定位为|定位于|变身为?|[这也将就即]是|^是|一批批|一批|多个|一系列|诸多|众多|"
    # 某基地是某集团…生产基地: what follows 是 describes the project named before it
    r"(?:项目|工程|基地|中心|园区|产业园|电站|工厂|铁路|高铁|机场|通道)[为是]"
)
# 重点工程, 配套工程: a category when it closes the core before 项目/工程.
# Over the sentence before the name (across 、 and ，): 世界级聚烯烃、化学品生产基地 after
# 的, 一批批前景好的锅炉项目, …公司，是…的大型氮肥装置项目.
# 沙漠变身绿色能源基地: what something becomes, inside what reads as a name
_BECOMES = re.compile(r"变身|蝶变为|成为")
_DESCRIBED_WIDE = re.compile(r"[，,]是|一批批|打造成|建设成为|将成为|成为了|第[\d一二三四五六七八九十]+个")
_CATEGORY_END = re.compile(r"(?:重点|重大|配套|重要|标志性|骨干|龙头|示范|民生|重点建设|重大建设|大)$")
# Parts of a project that name the project when it is written first.
_COMPONENT_HEADS = frozenset(("隧道", "大桥", "特大桥", "机组", "车间", "隧洞"))
_WHOLE_HEAD = re.compile(
    r"(?:高速公路|城际铁路|铁路|高铁|公路|通道|水电站|电站|热电厂|发电厂|电厂|机场|水库|枢纽)"
    r"(?![站港口路])"
)
# A core that is only a phase (with the kind of work): 一期技改工程, 二期工程, 本次一期项目.
_PHASE_REF = re.compile(r"(?:本次|此次|该|其)?(?:[一二三四五首本后续]期)(?:技改|扩建|新建|建设|主体)?")
_CITY_ROLE = re.compile(
    r"(?:国际|区域|全国|全球|东方|西部|中部|[东西南北]部)?(?:性)?"
    r"(?:经济|金融|贸易|航运|科技创新|科创|创新|消费|商贸|制造|"
    r"服务|辐射|门户|综合|和|、)*"
)
# A locative noun or a verb of flow or departure after a head: the site is where something else
# is (某铁路西侧, 某高速沿线) or where it comes from (某水库引水, 某机场起飞), not an undertaking.
# Verbs that place a project at the base, park or zone named after them.
_SITE_BEFORE = frozenset(("选址", "位于", "地处", "坐落", "落户", "入驻", "落地"))
_SCALE_BEFORE = re.compile(r"(?:规模|建设内容)(?:为|是)$")
_VENUE_AFTER = re.compile(r"(?:(?!现场|工地|施工|项目|工程)[\u4e00-\u9fff]){0,6}?(?:隆重|盛大)?(?:举行|举办|召开|开幕)")
# a siting verb and the places before a site's name, cut by a word inside them (生产建设兵团)
# (位于宜宾的某灌区: 的 opens the name of what stands there)
_SITE_RUN = re.compile(r"(?:选址|位于|地处|坐落)(?:于|在)?[^\W的\d_A-Za-z]{1,12}$")
_LOCATION_AFTER = re.compile(
    r"(?:[东西南北两一]侧|沿线|沿岸|一带|两岸|上游|下游|脚下|旁边|对岸|"
    r"引水|取水|调水|出发|起飞|始发)")
_TOWN_CENTRE = re.compile(r"(?:老城|城区|县城|[城市镇副])$")  # (城市副中心: a district's role)
_NEGATED_CORE = re.compile(r"不通|无高速|无铁路|没有|未通|尚无|缺少|缺乏|短缺")
_CONNECTED_BEFORE = re.compile(
    r"(?:连|接|连接|连通|途经|经过|通往|直达|对接|衔接|接驳|距离|距|临近|紧邻|靠近|毗邻)"
    r"(?:[\u4e00-\u9fff]{0,4}(?:地铁|轨道交通|轻轨))?$")
_PEER_GAP = re.compile(r"(?:[东西南北中]段|[一二三四]期|[\u4e00-\u9fff]{2,6}至[\u4e00-\u9fff]{2,6}段)?[、和及与]")
_CONNECTED = re.compile(r"[东西南北]连|[东西南北]接|终点接|起点接|连接(?!线)|途经|连通|衔接")
_COMMA = re.compile(r"[，,；;]")


def _comma_window(text: str, start: int, end: int, s0: int, s1: int) -> tuple[int, int]:
    """From two commas before `start` to two commas after `end`, inside the sentence."""
    lo = start
    for _ in range(2):
        k = max(text.rfind("，", s0, lo - 1), text.rfind(",", s0, lo - 1))
        if k < 0:
            lo = s0
            break
        lo = k
    hi = end
    for _ in range(2):
        m = _COMMA.search(text, hi + 1, s1)
        if m is None:
            hi = s1
            break
        hi = m.start()
    return lo, hi


_LOCATIVE_BEFORE = re.compile(r"(?:在|于|位于|落户|入驻)$")
_PLANT_HEADS = frozenset(("工厂", "厂区", "新厂区", "车间"))
_AREA_HEADS = frozenset(("基地", "园区", "产业园区", "产业园", "工业园区", "工业园", "产业基地"))

_PROD_UNITS = frozenset("辆台套件片只双张块颗部支根枚头株棵箱盏组粒瓶羽艘架")
# Parts of a project named after it (…工程主体工程, …项目配套工程, …项目建筑工程): the project
# itself.
_PART_OF_WORKS = re.compile(r"主体|配套|附属|土建|主线|主体结构|建筑|建安|安装|装饰|装修")
# 某项目第八条生产线, 某工程第3座泵站: a numbered part of the project named before it
_ORDINAL_PART = re.compile(r"第[一二三四五六七八九十百\d]+[条座台套号个]")
_INNER_HEAD = re.compile(r"(?:工程|项目)(?![一二三四五首本]期|[（(])")
_COORD_AFTER_HEAD = re.compile(
    "(?:" + "|".join(sorted(STRONG_HEADS + WEAK_HEADS, key=len, reverse=True))
    + r")(?:和|与|及|以及|、)(?!其?配套)"  # (…生产线及配套骨料项目: one project)
)


_COUNT_IN_TAIL = re.compile(r"([\d]+|[一二三四五六七八九十两]+)[个项家批座处条]")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}


def _list_count(tail: str) -> int | None:
    """The count a list tail states (等5个项目 → 5, 等十二个项目 → 12), else None."""
    m = _COUNT_IN_TAIL.search(tail)
    if m is None:
        return None
    t = m.group(1)
    if t.isdigit():
        return int(t)
    if len(t) == 1:
        return _CN_DIGITS.get(t, 10 if t == "十" else None)
    if len(t) == 2 and t[0] == "十":
        return 10 + _CN_DIGITS.get(t[1], 0)
    if len(t) == 2 and t[1] == "十":
        return 10 * _CN_DIGITS.get(t[0], 0)
    return None


def _split_items(seg: str, offset: int, conj: bool = True) -> list[tuple[int, int]]:
    """Spans of the items of a list segment split at 、 and (with `conj`) conjunctions."""
    out = []
    pos = 0
    for m in _ITEM_SPLIT.finditer(seg):
        if m.group() != "、" and not conj:
            continue
        if m.group() in ("和", "及", "与") and (m.start() == 0 or not _item_end_ok(seg, m.start())):
            continue
        if m.start() > pos:
            out.append((offset + pos, offset + m.start()))
        pos = m.end()
    if pos < len(seg):
        out.append((offset + pos, offset + len(seg)))
    return out


def _quoted_across(text: str, pieces: list[tuple[int, int]]) -> bool:
    """True when a quotation opens in one piece of a list and closes in a later one (the
    pieces are the words of one quoted phrase: “登高、升规、晋位、上市”)."""
    opened = False
    for a, b in pieces:
        balance = text.count("“", a, b) - text.count("”", a, b)
        if opened and balance < 0:
            return True
        if balance > 0:
            opened = True
    return False


def _open_bracket(s: str, i: int) -> bool:
    """True when s[i] sits inside a bracket opened before it."""
    head = s[:i]
    return head.count("(") + head.count("（") > head.count(")") + head.count("）")


def _item_end_ok(seg: str, i: int) -> bool:
    """A conjunction splits a list only where the item before it looks complete: the list
    already has 、 (A、B和C), or the item is a firm (A有限公司和B等企业)."""
    return "、" in seg[:i] or _FIRM_END.search(seg, 0, i) is not None \
        or (seg[i] == "和" and _WORKS_END.search(seg, 0, i) is not None)


_LANDFORM_ITEM = re.compile(r"(?:山脉|盆地|流域|平原|高原|草原|沙漠|戈壁|林区|水系|谷地)$")
_PROGRAMME_ITEM = re.compile(r"(?:人才|专项|计划|行动)$")
# An event verb closing a list item (某大桥合龙、某隧道贯通等项目).
_EVENT_END = re.compile(r"(?:合龙|贯通|通车|完工|竣工|投产|开工|建成|并网|封顶|通水)$")
# An item that is a distance alone or a contest (100米, 4×100米接力, 500米直道赛): a sports
# event, which Chinese also calls 项目.
_CONTEST_ITEM = re.compile(
    r"^[\d.．×xX]+(?:米|公里|千米|公斤|千克|码)$|(?:比赛|[直弯]道赛|决赛|锦标赛|接力|自由泳|"
    r"蛙泳|仰泳|蝶泳|跳远|跳高|速滑)$")
# The kind of work or a head closing an item (某机场改扩建和某城际…等项目): a complete item.
_WORKS_END = re.compile(r"(?:改扩建|扩建|改建|改造|新建|迁建|建设|工程|项目|铁路|高铁|公路|机场|港区|码头|"
                        r"水库|电站|基地|园区)$")
_FIRM_END = re.compile(r"(?:有限公司|有限责任公司|集团|股份公司)$")
