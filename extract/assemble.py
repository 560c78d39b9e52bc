"""From project mentions to project records: one entity per project (its names, short names
and pointers merged), with the figures, events, company and place that belong to it.

Attachment follows how these reports are written:
- 总投资50亿元的华泰新能源汽车项目: a figure joined to the next name by 的 is that name's;
- X项目总投资350亿元, 年产能…: a figure after a name in its sentence is the name's;
- 该项目 / 这个总投资90亿元的项目 / 项目 / 总投资… at a clause start point back to the project
  the paragraph is about (its subject, or the one whose company the sentence names);
- 5批38个重大项目总投资363.5亿元: a figure after a count of projects belongs to the batch
  (a claim), never to a project; so does one after coordinated names (A和B总投资…);
- 分别: amounts listed after 分别 go to the listed projects in order.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import Any

from touzi.extract import word_hits
from touzi.extract.alternation import guarded
from touzi.extract.companies import Company
from touzi.extract.events import Event
from touzi.extract.line_ends import leaves_province
from touzi.extract.mention_type import Mention
from touzi.extract.name_words import segment, word_tags
from touzi.extract.places import default_index
from touzi.extract.projects import ITEM, NAME, REF, ProjectMention, specific_core
from touzi.extract.sentences import TextIndex, headline_end

_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,12})[”\"」』]")
_NORM_DROP = re.compile(r"[“”\"「」『』（）()\s·\-—－]")
_NUMS = re.compile(r"\d+(?:[.．]\d+)?")
# 发光器件产业化项目 / 发光器件用LED芯片产业化项目: a specification inserted makes another one
_LATIN = re.compile(r"[A-Za-z]")
# Money roles that are a project's investment (records.md investment[].type); `other` only
# with an investment word before it (预付款, 中标价 and 工资 are not investment).
INVEST_ROLES = frozenset((
    "total", "phase", "annual", "completed", "added", "registered_capital", "land_price",
))
_OTHER_INVEST = re.compile(r"投资|投入|出资")
_FUNDS_FOR = re.compile(r"(?:将)?(?:用于|投向|投入)")
_SALES = re.compile(r"销售收入|销售额|营业收入")
_UNIT_SPEC = re.compile(r"单机|单台|每台|单套|单线")
# Words before a quantity that make it what a project can do (吞吐量, 年发电量, 每年可供…)
_LENGTH_UNITS = frozenset(("公里", "千米", "米", "km", "m", "延米", "里"))
_ROUTE_LENGTH = re.compile(r"(?:里程|全长|总长|长度|长约|长达|线路长)[^，,。；;]{0,4}$")
_CAPACITY_CUE = re.compile(r"年|吞吐|发电量|输送|产能|能力|可供|处理|生产")
# Counts whose noun makes the figure after them a batch's (38个重大项目…总投资).
_BATCH_NOUN = re.compile(r"项目|工程|企业|重点|重大|签约|开工|在建|新建|竣工|投产|产业")
# A sentence opening that continues the project of the sentences before it.
_SUBJECT_REF = re.compile(
    r"(?:其中|该项目|项目|此次|本次|该工程|工程|一期|二期|三期|首期|整个项目|总投资|计划总投资|"
    r"计划投资|注册资本|占地|建成后|投产后|达产后|这里|此地|这座|这家|这个|这一|该企业|该公司|"
    r"企业|公司)"
)
# Linear works: a route through places, not a site.
_LINEAR_HEAD = re.compile(r"铁路|高铁|城际|客运专线|高速公路|高速|公路|管道|管线|输电工程|联网工程|输气|"
                          r"输油|运河|调水|引水|输水")
# Works between two places besides the lines above (特高压直流工程, 输电线路).
_LINE_WORK = re.compile(r"特高压|直流|交流|输电|线路|专线|双线|通道|航线")
_NO_REGION = object()  # (a sentinel: the ends of a line say it has no one region)
# 中缅油气管道, 中俄原油管道: works that cross the border
# National works named by what they carry where, as a whole (not a section or a structure)
_NATIONAL_WORKS = re.compile(
    r"(?:西气东输|南水北调|川气东送|西电东送|疆电外送|北煤南运|西煤东运|新疆电力外送)"
    r"(?:[一二三四\d]线|[东中西]线|第[一二三四]通道)?(?:一期|二期|三期)?(?:工程|管道|项目|通道)?")
_CROSS_BORDER = re.compile(r"中[缅俄老哈吉欧蒙越巴泰尼塔乌朝韩]")
# 青藏, 川藏, 湘黔: two provinces' one-character abbreviations opening the name
_PROVINCE_PAIR = re.compile(
    r"(?P<a>[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇藏陕甘青宁新])"
    r"(?!(?P=a))[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇藏陕甘青宁新]"
    r"(?=铁路|高铁|联网|管道|线|输电|直流|高速|公路|城际|客运)")
# Two ends of a line joined in its name (合肥到福州铁路, 哈密—重庆, 扎兰屯至阿荣旗铁路).
_JOINER = re.compile(r"(?<=[\u4e00-\u9fff])(?:到|至|—|－|-)(?=[\u4e00-\u9fff])")
# Words that put a project abroad when no Chinese place follows them (海外钾肥基地, 在境外);
# countries themselves are the place finder's foreign mentions (CLDR names, places.py).
_ABROAD = ("海外", "境外", "国外", "澳洲")  # (found by word_hits' one pass over the article)
word_hits.register(_ABROAD, lambda: list(_ABROAD))
# 跨越江西、福建两省: the places after these are on the route
# Words after a name that place it: 落户某区, 落地某县, 位于某市, 选址某园区
_SITE_CUE = re.compile(r"(?:正式|成功|顺利|将|已)?(?:签约)?(?:落户|落地|位于|选址|坐落于|建在|入驻)(?:于|在|到)?")
_ROUTE_CUE = re.compile(r"跨越|横跨|途经|贯穿|穿越|连接|连通|起于|止于|自|从|由|在")
_REPORTED = re.compile(r"告诉|表示|介绍|透露|指出|认为|称|说")
_OWN_HEAD_END = re.compile(r"(?:总部|基地|产业园|工业园|中心|工厂|电站|医院|学校|大厦)$")
# …项目，总投资60亿元，投资方是某某投资有限公司: the investor the sentence states
_INVESTOR_IS = re.compile(r"(?:投资方|投资主体|投资单位|投资商|出资方)(?:是|为|：|:)")
# 签约的8个项目中，最大的是…总投资3.2亿元的某项目: one member singled out, so the figure
# after the count is that member's (claims.py reads it the same way)
SINGLED_OUT = re.compile(r"最大的(?:一个|一家|项目|是|为|要数|当属)|单体最大|投资最多的")
# 具体来看，…; 从市州来看，…; 分领域看，…: a batch told before, broken down (claims.py dates such
# a breakdown by the batch's day)
BREAKDOWN_WORDS = r"具体(?:来看|来说|而言)|从[\u4e00-\u9fff]{1,8}(?:来)?看|分[\u4e00-\u9fff]{1,4}看"
# Paragraph openings that present members of a batch told before.
_MEMBER_OPENING = re.compile(
    r"(?:其中|主会场|分会场|此次|本次|这次|此外|另外|[一二三四五六七八九十]+、|\d+[.、．]|[（(][一二三四五六七八九十\d]+[)）]|"
    r"[\u4e00-\u9fff]{1,6}(?:镇|乡|街道|区|县|市|园区|开发区)的|"
    # 河南今天开工的…, 四川集中开工项目…: a region's share of the day's batch; （同期声）…: a
    # broadcast's interview cut in between
    r"[\u4e00-\u9fff]{2,4}(?:今天|当天|同日)?(?:集中|同步)?(?:开工|签约|投产|竣工)|"
    r"[（(](?:同期声|同期|现场声)[)）]|"
    # 具体来看，…; 354个重大项目中，…; >>市州大项目一览: the batch broken down
    + BREAKDOWN_WORDS + "|"
    r"[\d一二三四五六七八九十百千]+个[\u4e00-\u9fff]{0,4}项目中|>>|》》|"
    r"(?:据了解|据悉|记者了解到)[，,]?(?:这次|此次|本次|今年|全省|全市|全县))")
_COMMA = re.compile(r"[，,；;：:]")
_ENUM_PUNCT = re.compile(r"[：:，,；;]")
# 集中开工, 同步签约: one event for a batch of projects (records.py dates such a day's too)
# an amount before the count of the projects it totals (…亿元的27个项目, …的5个重大工程)
_COUNTED_AFTER = re.compile(r"的[0-9一二三四五六七八九十百千两]+(?:个|项|批)[\u4e00-\u9fff]{0,6}?(?:项目|工程)")
BATCH_EVENT = re.compile(r"(?:集中|同步|统一|集体)$")
_FROM_VALUE = re.compile(r"(?:增至|增加到|增加至|提高到|提高至|扩大到|扩大至|上调至|调整为|变更为)")
# 主要建设X, 用于新建X: what a project builds, in a sentence about it
_PART_LINK = re.compile(r"(?:建设|新建|扩建|兴建|用于|包括|配套)$")
_POINTER_OPENING = re.compile(
    r"(?:这次|此次|本次|该|企业|公司|项目|工程|一期|二期|三期|首期|其中|主要建设|建设内容|"
    r"计划|将|拟)")
# 此次开工的X, 今天投产的X: the undertaking the report is about
_THIS_EVENT_OF = re.compile(
    r"(?:此次|本次|这次|今天|今日|日前|近日|新|刚|刚刚)[^，,。；;]{0,6}"
    r"(?:开工|动工|签约|投产|竣工|落户|奠基|建成|开业|启用)的$")
_BUILT_AT = re.compile(r"在[^，,。；;]{2,20}?(?:投资建设|开工建设|新建|兴建|建设|扩建)$")
_DE_BEFORE_NAME = re.compile(r"[^，,。；;]{0,3}的")  # event …的 name: an attribute
_WITH_LIST = re.compile(r"[与和同跟]")
# 每季度举行集中开工: a ceremony held again and again, no one batch's start
_RECURRING = re.compile(r"每[季月年周旬]度?[^，,。；;]{0,6}$")
_HELD = re.compile(r"(?:举行|举办|开展|组织)(?:了)?(?:[^，,。；;]{0,4})$")
_OBJECT_GAP = re.compile(r"(?:了|建设|实施|运营|投用)?")
_TOGETHER = re.compile(r"一起|一道|同时|一并")
_CONJUNCTIONS = frozenset(("和", "与", "及", "、", "以及"))
_FIRM_PLACE_HEADS = frozenset(("项目", "工厂", "基地"))
_LISTED_AS = re.compile(r"分别为|分别是|包括")
_FIRM_CLAUSE = re.compile(r"[，,](?:该|本)?公司(?=计划|拟|将|决定|投资|准备|一期|已)")
# A parenthetical gloss with a figure after a name: （总投资1.2亿元）, (占地200亩)
_GLOSS = re.compile(r"[（(][^（）()]{0,30}?[0-9０-９][^（）()]{0,30}?[）)]")
_OTHER_SUBJECT = re.compile(r"企业在|公司在|集团在|全[市省区县]|我[市省区县]|全国")
# A sentence opening with the role of the project told before (作为今年全省重点建设项目，…)
_AS_A_PROJECT = re.compile(r"[“\"\s]*作为[^，,。；;]{2,30}?(?:项目|工程)[，,]")
_OWN_AMOUNT_WORDS = re.compile(r"(?:项目)?(?:计划)?(?:总投资|投资)(?:额)?(?:约|达|为|超过?|近)?")
_BY_FIRM = re.compile(r"(?:是|系)?由[^，,。；;]{1,30}")
# What joins an amount to the name it builds right after it (投资80亿元建设…项目).
_BUILD_OPENING = re.compile(r"(?:，|,)?(?:用于|主要)?(?:建设|兴建|新建|扩建|打造|实施)(?:了)?$")
_BUILD_LINK = re.compile(r"建设|兴建|扩建|新建|建|用于|投向|打造|实施|摘牌|竞得|促成")
_PLACE_ONLY = re.compile(r"[\u4e00-\u9fff]{2,4}")
_SITE_HEAD = re.compile(r"机场|水电站|电站|水库|铁路|高铁|港|大桥|隧道")
# Heads that abbreviate each other (高速 for 高速公路).
_HEAD_CLASS = {"高速": "road", "公路": "road", "铁路": "rail", "高铁": "rail", "城际": "rail"}
# A place written before these is not where a project is (沈阳铁路局, 富源南路, 鄂尔多斯市援建).
NOT_LOCATION_AFTER = re.compile(
    r"(?:集团|公司|商会|协会|大学|学院|银行|铁路局|电网|日报|电视台|海关|籍|援建|对口援建|支援|"
    r"客商|企业家|[东西南北中]?路|大道|大街|街)"
)
NOT_LOCATION_AFTER = guarded(NOT_LOCATION_AFTER)  # (short windows: see alternation.guarded)


@dataclass
class Entity:
    """One project: its mentions (first is where it is named), figures, events, company."""

    mentions: list[ProjectMention]
    figures: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    company: str | None = None
    list_id: int = -1

    @property
    def first(self) -> ProjectMention:
        """The mention where the project is first named."""
        return self.mentions[0]

    def names(self) -> list[ProjectMention]:
        """The mentions that name the project (not pointers)."""
        return [m for m in self.mentions if m.kind != REF]

    def best_name(self, title_end: int = 0) -> str:
        """The name as first written, replaced by a later form that holds it (锦屏二级水电站
        in a headline → 雅砻江锦屏二级水电站 in the text), or by the text's first longer form
        with the same figures when the first is a headline's (`title_end`: the end of the
        headline line; 长兴10万吨铝材项目 → 长兴县年产10万吨新型铝材项目)."""
        names = self.names()
        best = names[0].name if names else self.mentions[0].name
        if names and names[0].end <= title_end:
            figures = set(_NUMS.findall(best))
            for m in names[1:]:
                if m.start > title_end and len(m.name) > len(best) \
                        and set(_NUMS.findall(m.name)) >= figures:
                    return m.name
        for m in names[1:]:
            short, full = _norm(best), _norm(m.name)
            if short.endswith("项目"):
                short = short[:-2]  # 华泰项目 (a headline) → 华泰新能源汽车项目
            if len(full) > len(short) and short in full:
                best = m.name
        return best


_CAP_FORMS = re.compile(r"(?:年产|日产|年处理|日处理)(?=[\d.．])|(?<=[吨台套件片辆])/年")


@lru_cache(maxsize=16384)
def _norm(name: str) -> str:
    # (到 and 至 join a line's two ends alike: 昆明至曼谷公路 / 昆明到曼谷公路)
    n = _CAP_FORMS.sub("", _NORM_DROP.sub("", name)).replace("到", "至")
    if n.endswith("项目") and len(n) > 4:
        n = n[:-2]
    return n


_GENERATION = re.compile(r"[\d.]+代")


# The share of place mentions that makes an article its focus province's own for placing
# projects: a report names partner provinces (对口支援, 招商) in a quarter of its mentions.
HOME_SHARE = 0.7
# A clause opening with a verb that governs its own names (加快…建设, 推进…).
_OWN_VERB_OPENING = re.compile(r"\s*(?:加快|推进|抓好|提速|推动|实施|深化|启动|谋划|做好|争取|力争|完成|"
                               r"稳步推进|有序推进|积极推进)")
_PREPARATORY = re.compile(r"前期工作|前期论证|前期研究|前期准备")
_IN_PROGRESS = re.compile(r"加快推进|加快建设|稳步推进|有序推进|加紧建设|加快实施|顺利推进|扎实推进")
# What may open a clause before its event word (力争开工…, 年内建成…): the event governs the clause.
_CLAUSE_VERB_OPENING = re.compile(r"\s*(?:力争|争取|计划|加快|推动|确保|全面|年内|新|要|将|并)?")
# A batch's investment told before its amount (重大工程投资完成…, 省大中型项目投资突破…): the
# region's claim (claims.py reads it), no project's figure.
BATCH_INVEST_BEFORE = re.compile(
    r"(?:重点|重大|大中型)(?:工程|建设)?(?:项目|工程)(?:累计|共|全年|年度)?(?:完成)?(?:总投资|投资)"
    r"(?:完成)?(?:达到?|为|突破|超过|约)?$")
_TWO_ENDED = re.compile(
    r"^[\u4e00-\u9fff]{2,8}(?:到|至|—|－|-)[\u4e00-\u9fff]{2,8}?"
    r"(?:铁路|高铁|通道|管道|管线|客运专线|货运专线|输电工程)$")


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


@lru_cache(maxsize=16384)
def same_project(a: str, b: str) -> bool:
    """True when two names written in one article name the same project: one holds the
    other (锦屏二级水电站 / 雅砻江锦屏二级水电站), abbreviates it in order (抚吉高速 /
    抚州至吉安高速公路), shares a quoted term, or differs only in how its figures are written."""
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    # 澄禾项目 after 澄禾(长兴)新材料产业园项目: a brand short form of the name
    for x, y in ((na, nb), (nb, na)):
        stem = x[:-2] if x.endswith("项目") else x
        if 2 <= len(stem) <= 4 and len(y) > len(stem) + 2 and y.startswith(stem) \
                and specific_core(stem) and not _NUMS.search(stem):
            return True
    ra, rb = _NORM_DROP.sub("", a), _NORM_DROP.sub("", b)
    rs, rl = (ra, rb) if len(ra) <= len(rb) else (rb, ra)
    if len(rs) >= 5 and rs in rl:
        return _NUMS.findall(rs) == _NUMS.findall(rl) or not _NUMS.findall(rs)
    short, long = (na, nb) if len(na) <= len(nb) else (nb, na)
    if len(short) >= 3 and short in long:
        return _NUMS.findall(short) == _NUMS.findall(long) or not _NUMS.findall(short)
    # 南水北调中线工程 / 南水北调中线穿黄隧洞主体工程: the whole and a part of it
    if len(short) >= 4 and long.startswith(short[:-2]) and long.endswith(short[-2:]) \
            and len(long) - len(short) >= 4:
        return False
    qa, qb = set(_QUOTED.findall(a)), set(_QUOTED.findall(b))
    if qa & qb:
        return True
    if _NUMS.findall(na) and sorted(_NUMS.findall(na)) != sorted(_NUMS.findall(nb)):
        return False
    # 友达昆山8.5代线 / 友达光电(昆山)有限公司第8.5代TFT-LCD面板生产线: a panel line told by
    # its owner, place and generation, in order, in the longer name
    gen = _GENERATION.search(short)
    if gen is not None and gen.group() in long and short[:2] == long[:2] \
            and _subsequence(short[:gen.end()], long):
        return True
    if gen is not None and _same_line_elsewhere(short, long):
        return True
    # 抚吉高速 / 抚州至吉安高速公路, 伊钢一期技改工程 / 首钢伊犁钢铁…一期技改工程
    if len(short) >= 4 and _subsequence(short, long) and short[-2:] == long[-2:] \
            and (short[0] in long[:4] or short[:2] in long) \
            and not (_LATIN.search(long) and not _LATIN.search(short)):
        return True  # (万洋高速公路 / 海南省万宁至洋浦高速公路: after the province)
    if len(short) >= 4 and short[0] == long[0] \
            and _HEAD_CLASS.get(short[-2:]) is not None \
            and _HEAD_CLASS.get(short[-2:]) == _HEAD_CLASS.get(long[-2:]) \
            and _subsequence(short[:-2], long[:-2]):
        return True  # 杭绍台高铁 / 杭州---绍兴---台州铁路: one line, two heads of its class
    # 萧山机场 / 杭州萧山国际机场二期扩建工程: a short form of the site the works are at
    for h in _SITE_HEAD.finditer(long):
        site = long[:h.end()]
        if h.end() < len(long) and short.endswith(h.group()) and len(short) >= 4 \
                and _subsequence(short, site) and short[0] in site[:max(3, len(site) // 2)]:
            return True
    common = sum((Counter(short) & Counter(long)).values())
    nums = _NUMS.findall(short)
    return len(short) >= 8 and common / len(long) >= (0.8 if nums else 0.85)


def _place_free(name: str) -> tuple[str, frozenset[str]]:
    """`name` without the places written in it, and those places."""
    spans = default_index().spans(name)
    if not spans:
        return name, frozenset()
    rest, last = [], 0
    for start, end, _entries in spans:
        rest.append(name[last:start])
        last = end
    rest.append(name[last:])
    return "".join(rest), frozenset(name[s:e] for s, e, _ in spans)


def _same_line_elsewhere(short: str, long: str) -> bool:
    """华辰光显合肥6代线 / 华辰光显第6代柔性生产线, 星瀚光电10.5代线 / 苏州星瀚光电10.5代面板项目:
    one owner's line of one generation, with its site written in only one of the names (two
    sites named differently are two lines)."""
    s, s_places = _place_free(short)
    lg, l_places = _place_free(long)
    if s_places and l_places and s_places != l_places:
        return False
    gen = _GENERATION.search(s)
    return gen is not None and gen.start() >= 2 and gen.group() in lg and s[:2] == lg[:2] \
        and _subsequence(s[:gen.end()], lg)


def _firm_key(c: Company) -> str:
    """A firm as counted: its short form when only that is written."""
    return c.short[0] if not c.full and c.short else c.name


def _company_keys(pm: ProjectMention) -> set[str]:
    c = pm.company
    if c is None:
        return set()
    return {c.name, *c.short}


def _identity(pm: ProjectMention) -> tuple[frozenset[str], frozenset[str]]:
    """The figures in a name and its firm's keys: what tells one project from another."""
    return frozenset(_NUMS.findall(_norm(pm.name))), frozenset(_company_keys(pm))


class _Clusterer:
    """Groups mentions into entities (see `cluster`)."""

    def __init__(self, text: str, index: TextIndex, companies: list[Company]) -> None:
        self.text = text
        self.index = index
        self.companies = companies
        self.entities: list[Entity] = []
        self.recent: list[tuple[int, Entity, ProjectMention]] = []  # (end, entity, mention)
        self._by_bigram: dict[str, list[int]] = {}
        self._entity_id: dict[int, int] = {}
        self._firms: list[Entity] = []  # entities named by a list item (a firm's short name)
        self._company_starts = [c.start for c in companies]
        self._names_of: dict[int, set[str]] = {}  # distinct names of each entity
        # (name, figures, firm keys) of each entity's names that have either (see _conflicts)
        self._idents: dict[int, set[tuple[str, frozenset[str], frozenset[str]]]] = {}
        self._last_pos: dict[int, int] = {}  # where each entity was last mentioned
        self._pos = 0
        # candidates by name while one mention is added (the index changes only after)
        self._memo: dict[str, list[Entity]] = {}
        # (entity number, entity, mention) by the first two characters of a name and of its
        # firm's forms: the names a firm-and-place name can shorten (_firm_place_alias)
        self._by_opening: dict[str, list[tuple[int, Entity, ProjectMention]]] = {}
        self._title_end = headline_end(text)
        # entities named in the headline alone so far, by id (Entity compares by value)
        self._title_entities: dict[int, Entity] = {}

    def _candidates(self, name: str) -> list[Entity]:
        """Entities sharing a character pair with `name` (none else can be an alias), most
        recent first, at most 40: the index keeps clustering linear on long reports."""
        memo = self._memo.get(name)
        if memo is not None:
            return memo  # _alias_of, then _company_alias, ask for the same name
        ids: set[int] = set()
        for g in _bigrams(name):
            ids.update(self._by_bigram.get(g, ())[-40:])
        # abbreviations share only their first character (杭绍台高铁 / 杭州…台州铁路)
        first = _norm(name)[:1]
        if first:
            ids.update(self._by_bigram.get("^" + first, ())[-8:])
        # an alias comes within a few thousand characters of its project's last mention
        out = [e for e in (self.entities[i] for i in sorted(ids, reverse=True)[:40])
               if self._pos - self._last_pos.get(id(e), 0) < 6000]
        self._memo[name] = out
        return out

    def _index_entity(self, e: Entity, m: ProjectMention) -> None:
        i = self._entity_id[id(e)]
        if m.kind != REF:
            for opening in {m.name[:2], *(k[:2] for k in _company_keys(m))}:
                self._by_opening.setdefault(opening, []).append((i, e, m))
        if 0 <= self._title_end:
            if m.start <= self._title_end and len(e.mentions) == 1:
                self._title_entities[id(e)] = e
            elif m.start > self._title_end:
                self._title_entities.pop(id(e), None)
        for g in (*_bigrams(m.name), "^" + _norm(m.name)[:1]):
            lst = self._by_bigram.setdefault(g, [])
            if not lst or lst[-1] != i:
                lst.append(i)

    def _alias_of(self, m: ProjectMention) -> Entity | None:
        # most recent first: 风电项目 after two wind farms is the later one
        for e in self._candidates(m.name):
            if m.kind == ITEM and e.list_id == m.list_id and m.list_id >= 0:
                continue  # items of one list are different projects
            for x in self._names_of.get(id(e), ()):
                if same_project(x, m.name) and not self._side_by_side(e, m, x) \
                        and not self._conflicts(e, m):
                    return e
        # 华能风电项目 after 华能托克逊…风电项目: the company's project of that kind
        keys = _company_keys(m)
        if keys and m.kind == NAME:
            rest = m.name
            for k in sorted(keys, key=len, reverse=True):
                i = rest.find(k)
                if i == 0:
                    rest = rest[len(k):]
                    break
                if 0 < i <= 4 and rest[i + len(k):] in ("项目", "工程", ""):
                    # 珠海玉柴项目 after 玉柴低速船机项目: the firm's one project, by its place
                    for e in reversed(self.entities):
                        if m.start - self._last_pos.get(id(e), 0) > 2000:
                            continue
                        if any(x.kind != REF and _company_keys(x) & keys for x in e.mentions):
                            return e
                    break
            rest = _NORM_DROP.sub("", rest)
            if rest.endswith("项目") and len(rest) >= 4:
                rest = rest[:-2]  # 羊绒衫项目 → 羊绒衫 (…年产40万件羊绒衫加工项目)
            for e in self._candidates(rest):
                for x in e.mentions:
                    if x.kind != REF and _company_keys(x) & keys and len(rest) >= 2 \
                            and rest in _NORM_DROP.sub("", x.name):
                        return e
            # 荣盛发展石家庄项目 after 石家庄阿尔卡迪亚一期: the firm's project in that place
            if len(rest) >= 2 and _PLACE_ONLY.fullmatch(rest):
                for e in self._candidates(rest):
                    if any(x.kind != REF and x.name.startswith(rest) and m.start - x.end < 800
                           for x in e.mentions):
                        return e
        return None

    def _conflicts(self, e: Entity, m: ProjectMention) -> bool:
        """A name whose figures or firm differ from another name of the entity names another
        project, whatever generic name (砂石生产线) led to it: 日产1.2万吨…生产线项目 and
        山东金龙日产8000吨…生产线 are two lines."""
        nums, keys = _identity(m)
        if not nums and not keys:
            return False
        for name, ny, ky in self._idents.get(id(e), ()):
            if name == m.name:
                continue
            if nums and ny and not (nums & ny):
                return True
            if keys and ky and not (keys & ky) and not any(
                    a in b or b in a for a in keys for b in ky):
                return True
        return False

    def _side_by_side(self, e: Entity, m: ProjectMention, x: str) -> bool:
        """Two names in one sentence, neither holding the other, name two projects
        (储能电池产业化项目，…；储能电池用电芯模组产业化项目，…)."""
        nx, nm = _norm(x), _norm(m.name)
        if nx in nm or nm in nx:
            return False
        if ("至" in nx) != ("至" in nm):
            return False  # 甘肃平凉至庆阳铁路…，平庆铁路途经…: a line's two ends, then their
            # abbreviation
        s0 = self.index.sentence(m.start)[0]
        return any(o.kind != REF and o.name == x and o.start >= s0 for o in e.mentions)

    def subject(self, pos: int) -> Entity | None:
        """The entity a sentence opens with: one of its listed names (中核苏阀是…) or a
        company whose name holds one (远航科技（苏州）有限公司由…)."""
        if not self._firms:
            return None
        return subject_entity(self.text, self.index, self.companies, self._firms, pos,
                              self._company_starts)

    def _company_alias(self, m: ProjectMention) -> Entity | None:
        """风电项目 in a sentence that names 华能: the recent 华能 project that holds the name."""
        if m.kind != NAME:
            return None
        s0 = self.index.sentence(m.start)[0]
        said = self.text[s0:m.start]
        if not said:
            return None
        raw = _NORM_DROP.sub("", m.name)
        for e in self._candidates(m.name):
            for x in e.mentions:
                keys = {k for k in _company_keys(x) if len(k) >= 2}
                if x.kind != REF and keys and any(k in said for k in keys) \
                        and raw in _NORM_DROP.sub("", x.name):
                    return e
        return None

    def _headline_alias(self, m: ProjectMention) -> Entity | None:
        """库布其沙漠光伏基地 in a headline, 库布其沙漠二百万千瓦光伏治沙项目 in the text: a body
        name that opens with the headline name's first three characters or more and shares
        another word with it is the works the headline shortened."""
        title_end = self._title_end
        if m.kind != NAME or title_end < 0 or m.start <= title_end or not self._title_entities:
            return None
        body = _norm(m.name)
        for e in self._title_entities.values():  # (works named in the headline alone so far)
            for x in e.mentions:
                head = _norm(x.name)
                k = 0
                while k < min(len(head), len(body)) and head[k] == body[k]:
                    k += 1
                if k < 3 or _NUMS.search(head[:k]):
                    continue
                rest_h, rest_b = head[k:], body[k:]
                if any(rest_h[i:i + 2] in rest_b for i in range(len(rest_h) - 1)):
                    return e
        return None

    def _firm_place_alias(self, m: ProjectMention) -> Entity | None:
        """某光电广州项目, 京东方北京8.5代线: a firm's works named by the place they are at, the
        earlier works of that firm whose sentence places them there (…生产线在广州开发区开工,
        京东方8.5代TFT-LCD生产线在北京投产): the head alone, or the same figures, after the place."""
        if m.kind != NAME:
            return None
        name = m.name
        # the firm opens both names: only names (or firms) sharing the first two characters,
        # most recent entity first, each entity's mentions in order
        pairs = sorted(self._by_opening.get(name[:2], ()), key=lambda t: -t[0])
        for _, e, x in pairs:
            keys = _company_keys(x)
            s1 = self.index.sentence(x.start)[1]
            for cut in range(2, min(9, len(name) - 3)):
                firm = name[:cut]
                # the firm: the earlier name's firm, or its first three characters or more
                if not (firm in keys or (len(firm) >= 3 and x.name.startswith(firm))):
                    continue
                for size in (2, 3, 4):
                    place, tail = name[cut:cut + size], name[cut + size:]
                    if len(tail) < 2 or place not in self.text[x.end:s1]:
                        continue
                    nums = set(_NUMS.findall(tail))
                    if tail in _FIRM_PLACE_HEADS or (nums and nums <= set(_NUMS.findall(x.name))):
                        return e
        return None

    def _ref_target(self, m: ProjectMention, max_gap: int) -> Entity | None:
        """该项目 / 一期技改工程: the subject of its sentence when one is named before it there,
        else the recent entity whose company the sentence (or the one before) names, else the
        most recent entity within `max_gap` characters."""
        if not self.recent:
            return None
        s0 = self.index.sentence(m.start)[0]
        window = []
        for r in reversed(self.recent):
            if m.start - r[0] > max(max_gap, 600):
                break
            window.append(r)
        window.reverse()
        same = [r for r in window if r[0] > s0 and r[2].kind == NAME]
        if same:
            return same[0][1]
        prev0 = self.index.sentence(max(0, s0 - 1))[0]
        near_text = self.text[prev0:m.start]
        for _, e, _pm in reversed(window):
            keys = set()
            for x in e.mentions:
                keys |= {k for k in _company_keys(x) if len(k) >= 2}
                if x.kind == ITEM and len(x.name) <= 8:
                    keys.add(re.sub(r"[\d.．].*$", "", x.name))
            keys.discard("")
            if any(k in near_text for k in keys):
                return e
        end, e, _pm = self.recent[-1]
        if m.start - end <= max_gap:
            return e
        return None

    def add(self, m: ProjectMention, max_gap: int) -> None:
        self._pos = m.start
        self._memo.clear()
        if m.kind == REF:
            e = self._ref_target(m, max_gap)
            if e is not None:
                e.mentions.append(m)
                self.recent.append((m.end, e, m))
            return
        target = self._alias_of(m) or self._company_alias(m) or self._firm_place_alias(m) \
            or self._headline_alias(m)
        if target is None and m.kind == NAME:
            # 中核苏阀是…，为了建立…核电关键阀门生产基地: the opener's own project
            subj = self.subject(m.start)
            s0 = self.index.sentence(m.start)[0]
            if subj is not None and _BUILD_LINK.search(self.text, s0, m.start) \
                    and not any(s0 <= x.start < m.start for x in subj.mentions):
                target = subj
        if target is None:
            target = Entity([m], list_id=m.list_id if m.kind == ITEM else -1)
            self._entity_id[id(target)] = len(self.entities)
            self.entities.append(target)
        else:
            target.mentions.append(m)
        self._index_entity(target, m)
        self._names_of.setdefault(id(target), set()).add(m.name)
        ident = (m.name, *_identity(m))
        if ident[1] or ident[2]:
            # (distinct names with their figures and firms: _conflicts reads these, not every
            # mention of a long report's entity)
            self._idents.setdefault(id(target), set()).add(ident)
        self._last_pos[id(target)] = m.end
        if m.kind == ITEM and target not in self._firms:
            self._firms.append(target)
        self.recent.append((m.end, target, m))


# Pairs most names share (heads and generic words): they find no alias worth checking.
_COMMON_PAIRS = frozenset((
    "项目", "工程", "建设", "产业", "中心", "基地", "园区", "生产", "产线", "业园", "重点", "重大",
    "科技", "发展", "有限", "限公", "公司", "集团", "技术", "创新", "智能", "年产", "新能", "能源",
    "研究", "究院", "实验", "验室", "综合", "合体", "改造", "扩建", "一期", "二期", "示范",
))


@lru_cache(maxsize=8192)
def _bigrams(name: str) -> frozenset[str]:
    # (到 and 至 join a line's two ends alike: 昆明至曼谷公路 / 昆明到曼谷公路)
    n = _CAP_FORMS.sub("", _NORM_DROP.sub("", name)).replace("到", "至")
    grams = frozenset(n[i:i + 2] for i in range(len(n) - 1)) - _COMMON_PAIRS
    return grams or frozenset((n,))


def _same_brand(a: str, b: str) -> bool:
    """Two names that open with one brand: a shared prefix of three characters, or of two
    that is no place (霍姆林格… / 霍姆林格…; not 浙江… / 浙江…)."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 3 and not word_tags().get(a[:n]) == "ns" or (
        n == 2 and word_tags().get(a[:2]) not in ("ns", "n", "v", "vn", "a"))


def _glued(text: str, end: int) -> bool:
    """True when a place at text[:end] runs on into a name (上海|佳豪, 江西省|国资委, 苏州|协鑫):
    the next word is no verb, preposition or function word and no place suffix."""
    nxt = text[end:end + 4]
    if not nxt or not ("\u4e00" <= nxt[0] <= "\u9fff") or nxt[0] in _FREE_AFTER_PLACE:
        return False
    words = segment(nxt)
    return word_tags().get(words[0]) not in _FREE_TAGS


_FREE_AFTER_PLACE = frozenset("的在是将已为和与及等从到对向于市县区省镇乡村州旗盟")
_FREE_TAGS = frozenset(("v", "vn", "vd", "p", "d", "c", "u", "uj", "f", "t", "r", "m", "q", "ns"))


def _list_of(m: ProjectMention) -> int:
    """The list a mention stands in (items and names alike), else -1."""
    return m.list_id if m.kind == ITEM else m.in_list


# 等…工程相继开工, 等20项工程都陆续开工: an event the list shares
_LIST_EVENT = re.compile(r"等[^，,。；;]{0,20}")


def _firm_keys(e: Entity) -> set[str]:
    keys: set[str] = set()
    for x in e.mentions:
        if x.kind == ITEM:
            core = _item_core(x.name)
            if len(core) >= 2:
                keys.add(core)
    return keys


@lru_cache(maxsize=8192)
def _item_core(name: str) -> str:
    """A list item without its phase or figures (新澳3万锭 → 新澳)."""
    return re.sub(r"[一二三四五首]期$|[\d.．].*$", "", name)


class FirmIndex:
    """The firms (entities named by list items) by their keys, for `subject_entity` over many
    of them: the keys a sentence's opening and its company's forms hold are looked up rather
    than every firm read, which made the assembly of a long report grow with its square."""

    def __init__(self, firms: list[Entity]) -> None:
        self.firms = firms
        self.by_key: dict[str, list[int]] = {}  # key → indices of the firms (increasing)
        for i, e in enumerate(firms):
            for k in _firm_keys(e):
                self.by_key.setdefault(k, []).append(i)
        self.lengths = sorted({len(k) for k in self.by_key})
        # the least first mention from each firm on (non-decreasing): where the scan of
        # subject_entity, from the last firm back, stops
        firsts = [e.first.start for e in firms]
        self.floor_min = list(accumulate(reversed(firsts), min))[::-1]

    def last_named(self, opening: str, forms: list[str], floor: int) -> Entity | None:
        """The last firm, among those after the last one first named before `floor`, with a
        key that opens `opening` or is part of one of `forms`."""
        stop = bisect.bisect_left(self.floor_min, floor) - 1
        by_key = self.by_key
        best = -1
        for n in self.lengths:
            if n <= len(opening) and opening[:n] in by_key:
                best = max(best, by_key[opening[:n]][-1])
            for f in forms:
                for a in range(len(f) - n + 1):
                    hit = by_key.get(f[a:a + n])
                    if hit is not None:
                        best = max(best, hit[-1])
        return self.firms[best] if best > stop else None


def subject_entity(text: str, index: TextIndex, companies: list[Company],
                   firms: list[Entity], pos: int,
                   company_starts: list[int] | None = None,
                   firm_index: FirmIndex | None = None) -> Entity | None:
    """The entity the sentence holding `pos` opens with (see _Clusterer.subject): `firms` are
    the entities named by list items (`firm_index`: a FirmIndex of them, for many)."""
    if not firms:
        return None
    s0, s1 = index.sentence(pos)
    opening = text[s0:min(s1, s0 + 40)].lstrip()
    lead = s1 - s0 - len(text[s0:s1].lstrip())
    forms: list[str] = []
    starts = company_starts if company_starts is not None else [c.start for c in companies]
    k = bisect.bisect_left(starts, s0)
    if k < len(companies) and companies[k].start <= s0 + lead + 2:
        c = companies[k]
        forms = [c.name, *c.short]
    if firm_index is not None:
        return firm_index.last_named(opening, forms, s0 - 3000)
    for e in reversed(firms):
        if e.first.start < s0 - 3000:
            break  # a firm listed long before does not open this sentence
        keys = _firm_keys(e)
        if not keys:
            continue
        for k in keys:
            if opening.startswith(k) or any(k in f for f in forms):
                return e
    return None


def _is_headline(text: str, index: TextIndex, pos: int) -> bool:
    """A short line without a full stop followed by another line: a headline."""
    p0, p1 = index.paragraph(pos)
    line = text[p0:p1].strip()
    return 0 < len(line) <= 40 and "。" not in line and p1 < len(text)


def cluster(mentions: list[ProjectMention], index: TextIndex, text: str = "",
            companies: list[Company] | None = None, max_ref_gap: int = 260) -> list[Entity]:
    """Group mentions into entities: names and items join an earlier entity they name again
    (or one of the same company and kind); a pointer joins the project it points back to; the
    one project of a headline joins the one project of the line under it."""
    c = _Clusterer(text, index, companies or [])
    for m in mentions:
        c.add(m, max_ref_gap)
    if text:
        _merge_headlines(c.entities, index, text)
    return c.entities


def _merge_headlines(entities: list[Entity], index: TextIndex, text: str) -> None:
    """国内联播快讯-style digests: 两国共建石化项目开工 over a paragraph whose first
    sentence names 精细化工及原料工程 are one project."""
    by_line: dict[int, list[Entity]] = {}
    for e in entities:
        for m in e.names():
            p0 = index.paragraph(m.start)[0]
            lst = by_line.setdefault(p0, [])
            if e not in lst:
                lst.append(e)
    for p0, ents in list(by_line.items()):
        if len(ents) != 1 or not _is_headline(text, index, p0):
            continue
        head_e = ents[0]
        if len(head_e.names()) != sum(1 for m in head_e.names() if index.paragraph(m.start)[0] == p0):
            continue  # the headline's project is named elsewhere too: nothing to merge
        p1 = index.paragraph(p0)[1]
        s_end = index.sentence(p1)[1]
        nxt = [e for e in by_line.get(p1, []) if any(p1 <= m.start < s_end for m in e.names())]
        if len(nxt) != 1 or nxt[0] is head_e or len(by_line.get(p1, [])) > 2:
            continue
        body = nxt[0]
        body.mentions = sorted(body.mentions + head_e.mentions, key=lambda m: m.start)
        body.figures += head_e.figures
        body.mentions.sort(key=lambda m: m.start)
        # the body's name is the fuller one
        body.mentions.sort(key=lambda m: (index.paragraph(m.start)[0] == p0, m.start))
        entities.remove(head_e)


class Assembler:
    """Attaches figures, events, companies and places to the entities of one article."""

    def __init__(self, text: str, index: TextIndex, mentions: list[Mention],
                 entities: list[Entity], companies: list[Company]) -> None:
        self.text = text
        self.index = index
        self.mentions = mentions
        self.entities = entities
        self.companies = companies
        # (start, end, entity, mention) of every project mention, sorted
        self.spots: list[tuple[int, int, Entity, ProjectMention]] = sorted(
            ((pm.start, pm.end, e, pm) for e in entities for pm in e.mentions),
            key=lambda t: t[0],
        )
        self.spot_starts = [s[0] for s in self.spots]
        self.used: set[int] = set()  # ids of figures taken by a project
        self._company_starts = [c.start for c in companies]
        self._firms = [e for e in entities if e.list_id >= 0
                       or any(x.kind == ITEM for x in e.mentions)]
        self._firms_indexed: FirmIndex | None = None
        # ids of figures stated for coordinated projects (A和B总投资…) → how many
        self.coordinated: dict[int, int] = {}
        # places_before(pos, clause_start): a specific place named in the clause before pos
        self.places_before: Any = None

    def drop_unsupported(self) -> list[Entity]:
        """Drop the entities named only by sector words (海洋工程, 煤电基地, 国土整治, 设计中心)
        and return them: a name with no proper element (ProjectMention.specific) stands for a
        project only with a figure of its own (这个总投资10亿元的新材料项目), with a head word
        in a list of projects (涉及A中心、B中心等项目), or beside a specific project in one
        list (镀膜玻璃扩建项目、电池片扩建等项目). Figures the dropped ones took are attached
        again to the rest."""
        lists: dict[int, list[Entity]] = {}
        for e in self.entities:
            for m in e.mentions:
                lid = m.list_id if m.kind == ITEM else m.in_list
                if lid >= 0 and m.kind != REF:
                    lists.setdefault(lid, []).append(e)
        specific = {id(e) for e in self.entities
                    if any(m.specific for m in e.mentions if m.kind != REF)}
        # a list most of whose items are common words lists kinds (河道清淤、土壤改良、植树造林):
        # only the items with a place, firm or figure stay specific
        for members in lists.values():
            items = [m for e in members for m in e.mentions if m.kind == ITEM]
            if items and not any(m.counted for m in items) \
                    and 2 * sum(m.specific for m in items) < len(items) + (len(items) > 2):
                for e in members:
                    if all(m.kind == ITEM for m in e.mentions if m.kind != REF) \
                            and not any(m.strong for m in e.mentions):
                        specific.discard(id(e))
        keep: list[Entity] = []
        dropped: list[Entity] = []
        parts: list[tuple[Entity, Entity]] = []
        for e in self.entities:
            parent = None if id(e) in specific else self._part_of(e, specific)
            if parent is not None:
                parts.append((e, parent))
                continue
            # figures support a named work, not a bare list item (机车、轨道交通等…项目)
            named = any(m.kind == NAME for m in e.mentions)
            if id(e) in specific or named and any(f.kind in ("capacity", "quantity", "land") or (
                    f.kind == "money" and f.role in INVEST_ROLES) for f in e.figures):
                keep.append(e)
                continue
            ok = False
            for m in e.mentions:
                if m.kind == REF:
                    continue
                lid = m.list_id if m.kind == ITEM else m.in_list
                if lid >= 0 and (m.kind == NAME or any(
                        id(o) in specific for o in lists.get(lid, ()) if o is not e)
                        or (m.counted and _OWN_HEAD_END.search(m.name))):
                    ok = True  # a named work in a list of projects, or beside a specific one
                    # (中电建华东区域总部、某科技总部项目等61个项目: an item with a head of its
                    # own in a counted list is named too)
                elif m.kind == NAME and (self._tied(m) or any(
                        id(o) in specific for o in self._coordinated_with(m))):
                    ok = True
                if ok:
                    break
            (keep if ok else dropped).append(e)
        if dropped or parts:
            self.entities[:] = keep
            kept = {id(e) for e in keep}
            for e, parent in parts:
                for m in e.mentions:
                    m.kind = REF
                parent.mentions = sorted(parent.mentions + e.mentions, key=lambda x: x.start)
            self.spots = sorted(((pm.start, pm.end, e, pm) for e in keep for pm in e.mentions),
                                key=lambda t: t[0])
            self.spot_starts = [s[0] for s in self.spots]
            self._firms = [e for e in self._firms if id(e) in kept]
            if parts or any(e.figures for e in dropped) or self.coordinated:
                # their figures (or the figures near them) go to the rest
                for e in keep:
                    e.figures = []
                self.used = set()
                self.coordinated = {}
                self.attach_figures()
        return dropped

    def _part_of(self, e: Entity, specific: set[int]) -> Entity | None:
        """这次增资主要用于新建精密减速器智能化生产线, 企业…新建数控机床关键部件生产线: a
        described facility a sentence about the project before it builds is a part of that
        project; the entity it belongs to (its figures go there), else None."""
        names = [m for m in e.mentions if m.kind != REF]
        if len(names) != 1 or names[0].kind != NAME or names[0].in_list >= 0:
            return None
        m = names[0]
        c0 = self.index.clause(m.start)[0]
        if not _PART_LINK.search(self.text, max(c0, m.start - 6), m.start):
            return None
        s0 = self.index.sentence(m.start)[0]
        opening = self.text[s0:min(m.start, s0 + 8)].lstrip()
        if not _POINTER_OPENING.match(opening):
            return None
        p0 = self.index.paragraph(s0)[0]
        lo = max(self.index.paragraph(max(0, p0 - 1))[0], s0 - 400)
        prev = [s for s in self._spots_in(lo, s0) if s[3].kind != REF and s[2] is not e
                and id(s[2]) in specific]
        return prev[-1][2] if prev else None

    def _coordinated_with(self, m: ProjectMention) -> list[Entity]:
        """The entities of the names joined to `m` by 、/和/与/及 (A实验室、B研究院等平台)."""
        out = []
        for s in self._spots_in(max(0, m.start - 60), m.end + 4):
            if s[3] is m or s[3].kind != NAME:
                continue
            between = self.text[s[1]:m.start] if s[1] <= m.start else self.text[m.end:s[0]]
            if between in _CONJUNCTIONS:
                out.append(s[2])
        return out

    def _tied(self, m: ProjectMention) -> bool:
        """A described name the text ties to one undertaking: a firm's (三一重工的履带吊扩产
        项目), the one this report is about (此次开工的科技城新厂区), or one built at a named
        place (在某县工业园区建设物流专用线项目)."""
        text = self.text
        c0 = self.index.clause(m.start)[0]
        k = bisect.bisect_left(self._company_starts, m.start) - 1
        if k >= 0 and m.start - self.companies[k].end <= 1 and self.companies[k].end >= c0 \
                and text[self.companies[k].end:m.start] in ("", "的"):
            return True
        before = text[max(c0, m.start - 24):m.start]
        if _THIS_EVENT_OF.search(before):
            return True
        return bool(self.places_before is not None and _BUILT_AT.search(before)
                    and self.places_before(m.start, c0))

    # -- where a figure belongs ----------------------------------------------------------
    def _spots_in(self, a: int, b: int) -> list[tuple[int, int, Entity, ProjectMention]]:
        i = bisect.bisect_left(self.spot_starts, a)
        out = []
        while i < len(self.spots) and self.spots[i][0] < b:
            out.append(self.spots[i])
            i += 1
        return out

    def _batch_before(self, f: Mention, s0: int) -> bool:
        """A count of projects before the figure in its sentence makes it a batch's (unless a
        superlative singles one member out between them)."""
        k = bisect.bisect_left(self._mention_starts, max(s0, f.start - 300))
        for j in range(k, len(self.mentions)):  # (not a slice: a copy of the rest each time)
            m = self.mentions[j]
            if m.start >= f.start:
                break
            if m.kind == "count" and m.value not in (None, 1) and m.unit in ("个", "项", "批", "家"):
                noun = (m.role or "") + self.text[m.end:m.end + 6]
                if (_BATCH_NOUN.search(noun) or re.search(
                        r"项目|工程", self.text[max(s0, m.start - 8):m.start])) and not any(
                        s[3].kind != REF and _ENUM_PUNCT.search(self.text, m.end, s[0])
                        for s in self._spots_in(m.end, f.start)):
                    # (两个项目：A项目，总投资…: the figure after A is A's)
                    return not SINGLED_OUT.search(self.text, m.end, f.start)
        return False

    def _company_between(self, a: int, b: int) -> bool:
        """A company named in text[a:b]."""
        k = bisect.bisect_left(self._company_starts, a)
        return k < len(self.companies) and self.companies[k].end <= b

    def _continued(self, pos: int, s0: int) -> Entity | None:
        """The entity a subject-less sentence continues: the last pointed-to entity in the
        paragraph (该项目…；二期投资…), else the last one named there."""
        p0 = self.index.paragraph(pos)[0]
        prev = [s for s in self._spots_in(max(p0, s0 - 300), s0)]
        if not prev:
            return None
        refs = [s for s in prev if s[3].kind == REF]
        if refs and refs[-1][0] >= prev[-1][0] - 80:
            return refs[-1][2]
        return prev[-1][2]

    def owner(self, f: Mention) -> Entity | None:
        """The entity a figure belongs to, or None (a claim's or nobody's)."""
        text = self.text
        s0, s1 = self.index.sentence(f.start)
        spots = self._spots_in(s0, s1)
        inside = [s for s in spots if s[0] <= f.start and f.end <= s[1]]
        if inside:
            return inside[0][2]  # 年产15万辆乘用车项目: the figure is part of the name
        # 总投资50亿元的华泰…项目: the next name in the clause chain, joined by 的
        after = [s for s in spots if s[0] >= f.end and s[3].kind != REF]
        # (an amount between this figure and the next name: that name is the nearer figure's)
        money_between = bool(after) and any(
            m.kind == "money" for m in self._mentions_in(f.end, after[0][0]))
        if after and not money_between:
            nxt = after[0]
            between = text[f.end:nxt[0]]
            if "的" in between and len(between) <= 30 and not any(c in between for c in "，,；;。"):
                return nxt[2]  # (投资8550万元的某工作、投资2791万元的某工程: each its own)
            if f.kind == "money" and between[:1] in ("，", ",") and between.endswith("的") \
                    and len(between) <= 24 \
                    and not any(c in between[1:] for c in "，,；;。") \
                    and f.start - self.index.clause(f.start)[0] <= 6:
                return nxt[2]  # 投资8亿元，预计年产10万个车厢的某车厢厂项目: two clauses
                # describing the name that follows
        if self._batch_before(f, s0):
            return None
        before = [s for s in spots if s[1] <= f.start]
        if before and after and f.kind == "money" and _BUILD_OPENING.match(text, f.end, after[0][0]) \
                and self._company_between(before[-1][1], f.start):
            return after[0][2]  # …某项目、华瑞科技有限公司在某区投资80亿元建设某项目: a new
            # investor's amount, for what it builds
        if before:
            b = before[-1]
            if b[3].kind == ITEM and any(s[3].list_id == b[3].list_id and s is not b
                                         for s in before):
                return None  # after a list of projects: a figure of the whole list
            if text[b[1]:b[1] + 1] in ("和", "与", "及", "、") or text.startswith("以及", b[1]) \
                    or (len(before) > 1 and text[before[-2][1]:b[0]] in _CONJUNCTIONS):
                self.coordinated[id(f)] = 2
                return None  # 河道改造工程和污水管网…总投资: a sum of two
            other = _OTHER_SUBJECT.search(text, b[1], f.start)
            if other is not None and not (other.group().endswith("在") and _BY_FIRM.fullmatch(
                    text, b[1], other.start())):
                return None  # 上述项目…，“十二五”时期企业在新疆投资…: the firm's, not the project's
                # (某项目是由某集团在某区投资兴建，总投资10亿元: the project's own investor)
            return b[2]
        # no project before it in the sentence: a pointer-like subject continues the last one
        if not before and f.kind == "money":
            role = _AS_A_PROJECT.match(text, s0, f.start)
            if role is not None and _OWN_AMOUNT_WORDS.fullmatch(text, role.end(), f.start):
                # 作为某区首个开工的重点项目，计划总投资2.9亿元: the project told before
                return self._continued(f.start, s0)
        head = text[s0:min(s1, s0 + 6)].lstrip(" \u3000\t")
        if _SUBJECT_REF.match(head):
            e = self._continued(f.start, s0)
            if e is not None or (head.startswith(("此次", "本次", "其中")) and not (
                    after and text[f.end:after[0][0]] == "、")):
                return e  # (其中，最大的是…总投资3.2亿元、年产…项目: the name it describes)
        if not spots:
            subj = subject_entity(text, self.index, self.companies, self._firms, f.start,
                                  self._company_starts, self._firm_index())
            if subj is not None:
                return subj  # 远航科技（苏州）有限公司由远航集团投资8亿元设立
            kin = self._brand_owner(f.start, s0)
            if kin is not None and f.kind == "money" and f.role in ("added", "registered_capital"):
                return kin  # X(桐乡)传动系统有限公司增资项目获批。…X精密机械集团…增资4500万美元
        if after:
            # 公司一期投资3000万元，建设医疗设备生产基地
            nxt = after[0]
            between = text[f.end:nxt[0]]
            limit = 30 if f.role == "land_price" else 16
            if _FUNDS_FOR.match(between) and not _COMMA.search(between):
                limit = 40  # 10.5亿元用于在某地某开发区建设某项目: the funds' use names it
            if not money_between and len(between) <= limit and (_BUILD_LINK.search(between)
                                                               or len(between) <= 6) \
                    and "其中" not in between:
                return nxt[2]  # (…完成投资10.1亿元，其中，某项目…: the whole's, then its parts)
        return None

    def _firm_index(self) -> FirmIndex | None:
        """A FirmIndex of the firms when there are many (rebuilt when drop_unsupported makes a
        new list); a few are read faster one by one."""
        if len(self._firms) <= 32:
            return None
        if self._firms_indexed is None or self._firms_indexed.firms is not self._firms:
            self._firms_indexed = FirmIndex(self._firms)
        return self._firms_indexed

    def _brand_owner(self, pos: int, s0: int) -> Entity | None:
        """The project named shortly before whose company or name shares its brand with a
        company this sentence names before `pos` (霍姆林格(桐乡)…有限公司增资项目 / 霍姆林格…
        集团增资4500万美元; 澄禾(长兴)新材料产业园项目 / 浙江澄禾新材料有限公司…注册资本3亿元)."""
        k = bisect.bisect_left(self._company_starts, s0)
        here = [c for c in self.companies[k:k + 6] if c.start < pos]
        if not here or _REPORTED.search(self.text, here[-1].end, pos):
            return None  # (首钢内部人士告诉…，伊钢将…投资164亿元: a source, not the subject)
        forms = {f for f in (here[-1].name, *here[-1].short) if len(f) >= 2}
        for st in reversed(self._spots_in(max(0, s0 - 800), s0)):
            pm = st[3]
            if pm.kind == REF:
                continue
            theirs = {pm.name}
            if pm.company is not None:
                theirs |= {pm.company.name, *pm.company.short}
            if any(_same_brand(x, y) for x in forms for y in theirs):
                return st[2]
        return None

    def _mentions_in(self, a: int, b: int) -> list[Mention]:
        i = bisect.bisect_left(self._mention_starts, a)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            out.append(self.mentions[i])
            i += 1
        return out

    def attach_figures(self) -> None:
        """Give each project figure (money, capacity, land, output value) to its owner."""
        self._mention_starts = [m.start for m in self.mentions]
        text = self.text
        taken: set[int] = set()
        for f in self.mentions:
            if id(f) in taken:
                continue
            k = f.kind
            if k == "money":
                spread = self._respectively(f)
                if spread:
                    for fig, e in spread:
                        e.figures.append(fig)
                        self.used.add(id(fig))
                        taken.add(id(fig))
                    continue
                if f.role == "other":
                    c0 = self.index.clause(f.start)[0]
                    if not _OTHER_INVEST.search(text, max(c0, f.start - 10), f.start) \
                            and not _FUNDS_FOR.match(text, f.end):
                        continue  # (其中10.5亿元用于建设某项目: money put into the works)
                elif f.role == "revenue":
                    if not _SALES.search(text, max(0, f.start - 8), f.start):
                        continue  # 年销售收入12亿多元: a project's yearly sales
                elif f.role not in INVEST_ROLES and f.role != "output_value":
                    continue
            elif k == "capacity":
                if _UNIT_SPEC.search(text, max(0, f.start - 4), f.start):
                    continue  # 单机容量为1500千瓦的风机: a unit's size, not the project's
            elif k == "quantity":
                if f.unit in _LENGTH_UNITS and _ROUTE_LENGTH.search(
                        text, max(self.index.clause(f.start)[0], f.start - 8), f.start):
                    continue  # 总里程约750公里: a route's length is no capacity (gold README)
                # 150万吨乙烯 in a name, 年旅客吞吐量3300万人次 after one: a capacity
                inside = [s for s in self._spots_in(max(0, f.start - 40), f.end)
                          if s[0] <= f.start and f.end <= s[1] and s[3].kind != REF]
                if not inside and not _CAPACITY_CUE.search(
                        text, max(self.index.clause(f.start)[0], f.start - 12), f.start):
                    continue
            elif k != "land":
                continue
            if k == "money" and BATCH_INVEST_BEFORE.search(
                    text, max(self.index.clause(f.start)[0], f.start - 20), f.start):
                continue  # 重大工程投资完成2383亿元，建成某线: the batch's total, a claim
            if k == "money" and _COUNTED_AFTER.match(text, f.end):
                continue  # 总投资约122亿元的27个项目集中开工: the batch's total, a claim
            if k == "money" and _FROM_VALUE.match(text, f.end) \
                    and text[max(0, f.start - 2):f.start].endswith(("由", "从")):
                continue  # 注册资本由2000万美元增至3500万美元: the value before the change
            e = self.owner(f)
            if e is not None:
                e.figures.append(f)
                self.used.add(id(f))

    def attach_thresholds(self) -> None:
        """The members of a list introduced by an amount class (投资亿元以上的项目有A、B等9个;
        上百亿元的项目就有3个，分别是A、B和C) are each over that amount: an investment with
        qualifier over, for a member with no amount of its own. (Three of the four annotators of
        the collected pages read it so, on four pages; the scanner does not read 亿元以上 or 上百亿元
        as a figure, which elsewhere names a class: 亿元以上项目120个.)"""
        text = self.text
        if "项目" not in text or "元" not in text:
            return
        # (the pattern opens with optional parts: run it only around 项目有, not at every
        # character of the article, which cost a tenth of a corpus pass)
        found = []
        for h in _CLASS_HAS.finditer(text):
            m = _THRESHOLD_LIST.search(text, max(0, h.start() - 24), min(len(text), h.end() + 24))
            if m is not None and m.start() < h.end() <= m.end() and (not found or m.start() >= found[-1].end()):
                found.append(m)
        for m in found:
            if not (m.group("over") or "以上" in m.group("amount")) \
                    or (m.group("count") and not m.group("enum")):
                continue  # (超10亿元的项目有5个，某项目已开工: a count, no list)
            s1 = self.index.sentence(m.start())[1]
            members: list[Entity] = []
            at = m.end()
            for sp in self._spots_in(m.end(), s1):
                if sp[0] < at:
                    continue  # (a mention inside the one before)
                if sp[3].kind == REF or not _LIST_GAP.fullmatch(text, at, sp[0]):
                    break
                if sp[2] not in members:
                    members.append(sp[2])
                at = sp[1]
            if not members:
                continue
            num = m.group("num")
            value = (_CLASS_DIGITS[num] if num in _CLASS_DIGITS else float(num) if num else 1) \
                * _CLASS_UNITS[m.group("unit")]
            value = int(value) if value == int(value) else value
            a0 = m.start("amount")
            fig = Mention("money", text[a0:m.end("amount")], a0, m.end("amount"), value=value,
                          unit=m.group("unit")[-1], currency="CNY", amount_cny=value,
                          qualifier="over", role="total")
            for e in members:
                if not any(f.kind == "money" and f.role in INVEST_ROLES for f in e.figures):
                    e.figures.append(fig)

    def _respectively(self, f: Mention) -> list[tuple[Mention, Entity]]:
        """分别…4亿元、5.4亿元和2.6亿元 after a list of N projects: one amount each, in order."""
        text = self.text
        s0, s1 = self.index.sentence(f.start)
        j = text.rfind("分别", s0, f.start)
        if j < 0 or f.start - j > 12:
            return []
        amounts = [m for m in self._mentions_in(f.start, s1) if m.kind == "money"]
        items = [s for s in self._spots_in(max(0, s0 - 200), j) if s[3].kind == ITEM]
        named = self._joined_names(max(s0, self.index.clause(j)[0] - 120), j)
        if items and not (len(named) >= 2 and items[-1][1] <= named[0][0]):
            lid = items[-1][3].list_id
            lst = [s for s in items if s[3].list_id == lid]
        else:
            lst = named  # (a list of items told before is not the one 分别 follows)
        if len(lst) != len(amounts) or len(lst) < 2:
            return []
        return [(a, s[2]) for a, s in zip(amounts, lst, strict=True)]

    def _joined_names(self, lo: int, j: int) -> list[tuple[int, int, Entity, ProjectMention]]:
        """The names joined by 、/和/及/与 that end right before `j` (甲项目、乙项目分别…): the
        run of named projects 分别 refers to, each a different entity."""
        text = self.text
        names = [s for s in self._spots_in(lo, j) if s[3].kind == NAME and s[1] <= j]
        if not names or text[names[-1][1]:j].strip() not in ("", "已", "均"):
            return []
        run = [names[-1]]
        for s in reversed(names[:-1]):
            if text[s[1]:run[0][0]] not in _CONJUNCTIONS:
                break
            run.insert(0, s)
        if len({id(s[2]) for s in run}) != len(run):
            return []
        return run

    def attach_events(self, events: list[Event]) -> None:
        """Give each event to the project(s) its sentence is about."""
        for k, ev in enumerate(events):
            s0, s1 = self.index.sentence(ev.start)
            spots = self._spots_in(s0, s1)
            if not spots:
                head = self.text[s0:min(s1, s0 + 6)].lstrip()
                if _SUBJECT_REF.match(head):
                    e = self._continued(ev.start, s0)
                    if e is not None:
                        e.events.append(ev)
                continue
            before = [s for s in spots if s[1] <= ev.start]
            if not before:
                after = [s for s in spots if s[3].kind != REF]
                if after and _DE_BEFORE_NAME.fullmatch(self.text, ev.end, after[0][0]):
                    first = after[0][3]
                    # 今年4月获批的X项目: the name the event describes; 新开工的甲路、乙路、丙路:
                    # every item of the list it opens
                    after = [s for s in after if s[3].kind == ITEM
                             and s[3].list_id == first.list_id] if first.kind == ITEM \
                        else after[:1]
                # 今天北京地铁四条新线通车，6号线…，8号线、9号线…: every name after the event, up
                # to the clause of the next one (建成甲、乙，开工丙: 丙 is not completed)
                nxt = next((v.start for v in events[k + 1:] if v.start >= ev.end), s1)
                if nxt < s1:
                    c_next = self.index.clause(nxt)[0]
                    after = [s for s in after if s[0] < c_next]
                # 建成甲、乙等项目，加快丙、丁等项目建设: a clause opening with a verb of its own
                # governs its names
                c_end = self.index.clause(ev.start)[1]
                while c_end < s1:
                    if self.text[c_end - 1:c_end] in "，,；;" \
                            and _OWN_VERB_OPENING.match(self.text, c_end):
                        after = [s for s in after if s[0] < c_end] or after
                        break
                    c_end = self.index.clause(c_end)[1]
                if _HELD.search(self.text, max(s0, ev.start - 6), ev.start):
                    # 每季度举行集中开工，…，甲、乙等项目加快推进: a ceremony held, not the start
                    # of the works named clauses later
                    c1 = self.index.clause(ev.start)[1]
                    after = [s for s in after if s[0] < c1]
                for e in {id(s[2]): s[2] for s in after}.values():
                    e.events.append(ev)
                continue
            obj = [s for s in spots if s[0] >= ev.end and s[3].kind != REF]
            if obj and _OBJECT_GAP.fullmatch(self.text, ev.end, obj[0][0]) \
                    and self.index.clause(ev.start)[0] >= before[-1][1]:
                # 推进甲水库扩容、乙水库加固，开工丙灌区改造: a clause's verb takes the name it
                # governs, not the names of the clauses before it
                lid = _list_of(obj[0][3])
                targets = [obj[0]] + ([s for s in obj if _list_of(s[3]) == lid] if lid >= 0 else [])
                for prev, nxt in zip(obj, obj[1:], strict=False):  # 开工甲机场、乙机场: joined names
                    if _GLOSS.sub("", self.text[prev[1]:nxt[0]]) not in _CONJUNCTIONS:
                        break
                    targets.append(nxt)
                for e in {id(s[2]): s[2] for s in targets}.values():
                    e.events.append(ev)
                continue
            c0 = self.index.clause(ev.start)[0]
            if before[-1][1] <= c0 and _CLAUSE_VERB_OPENING.fullmatch(self.text, c0, ev.start):
                continue  # 加快甲、乙等项目建设，开工建设丙: 开工 opens its clause and governs what
                # follows it (a name not found there), not the names of the clause before
            chosen = before[-1]
            lid = _list_of(chosen[3])
            if chosen[3].kind != ITEM and lid >= 0 and _LIST_EVENT.fullmatch(
                    self.text, chosen[1], ev.start):
                # 甲铁路、乙…枢纽、丙公路等一批重点工程先后开工: every listed work
                for e in {id(s[2]): s[2] for s in spots if _list_of(s[3]) == lid}.values():
                    e.events.append(ev)
            elif chosen[3].kind == ITEM:
                for s in spots:
                    if s[3].kind != REF and _list_of(s[3]) == chosen[3].list_id \
                            and ev not in s[2].events:
                        s[2].events.append(ev)
                # X项目…将与A、B等项目一起投产: the project written first shares it
                lead = [s for s in before if s[3].kind == NAME and s[0] < chosen[0]]
                first_item = min(s[0] for s in spots if s[3].kind == ITEM
                                 and s[3].list_id == chosen[3].list_id)
                if lead and _WITH_LIST.search(self.text, max(lead[-1][1], first_item - 4),
                                              first_item) and _TOGETHER.search(
                        self.text, chosen[1], ev.start):
                    lead[-1][2].events.append(ev)
            else:
                targets = {id(chosen[2]): chosen[2]}
                # 年产10万辆整车项目和年产20万台电机项目也于…: coordinated names share it
                # (甲段、乙至丙高速、丁大桥建成通车: back along the chain of joined names)
                link = chosen
                for s in reversed(before[:-1]):
                    # (甲项目（投资1亿元）、乙项目开工: a gloss between them still joins them)
                    between = _GLOSS.sub("", self.text[s[1]:link[0]])
                    if len(between) > 2 or (between and between not in "和与及、"):
                        break
                    targets[id(s[2])] = s[2]
                    link = s
                for e in targets.values():
                    e.events.append(ev)

    def inherit_list_events(self, events: list[Event]) -> None:
        """三菱树脂、横滨轮胎等7个外资项目 after a sentence telling the batch's 开工 on 3月25日:
        listed projects with no event of their own take the events of the sentence before
        them in the paragraph when no project took those."""
        taken = {id(ev) for e in self.entities for ev in e.events}
        lists: dict[int, list[Entity]] = {}
        for e in self.entities:
            if e.list_id >= 0 and not e.events:
                lists.setdefault(e.list_id, []).append(e)
        starts = [ev.start for ev in events]
        for members in lists.values():
            first = min(m.start for e in members for m in e.mentions if m.list_id >= 0)
            s0, s1 = self.index.sentence(first)
            p0 = self.index.paragraph(first)[0]
            if s0 <= p0:
                continue
            if _PREPARATORY.search(self.text, first, s1) or _IN_PROGRESS.search(self.text, first, s1):
                continue  # 做好甲、乙等项目前期工作, 甲、乙等重大项目加快推进: the sentence tells
                # what is happening to them, no event told before is theirs
            k0, k1 = bisect.bisect_left(starts, max(p0, s0 - 300)), bisect.bisect_left(starts, s0)
            free = [ev for ev in events[k0:k1] if id(ev) not in taken and ev.date is not None]
            for e in members:
                e.events.extend(free)

    def inherit_batch_events(self, events: list[Event]) -> None:
        """2月26日…重大项目集中开工活动…: the projects the report goes on to name (主会场的X
        项目…, Y项目…也在当天同步开工) take the dated batch event when they have no dated event
        of that type, up to the next batch event of the type or 3000 characters."""
        every = [ev for ev in events
                 if BATCH_EVENT.search(self.text, max(0, ev.start - 3), ev.start)
                 and not _RECURRING.search(self.text, max(0, ev.start - 10), ev.start)]
        if not any(ev.date is not None and not ev.planned for ev in every):
            return
        starts = [b.start for b in every]
        nxt_of: list[int | None] = [None] * len(every)  # the next batch event of the type
        later: dict[str, int] = {}
        for i in range(len(every) - 1, -1, -1):
            nxt_of[i] = later.get(every[i].type)
            if every[i].date is not None:  # (7个集中签约项目中，…: an undated mention of the
                later[every[i].type] = every[i].start  # batch told before starts no new one)
        for e in self.entities:
            first = min((m.start for m in e.mentions if m.kind != REF), default=None)
            if first is None:
                continue
            # only the batch events of the 1500 characters before the name can be its own
            for i in range(bisect.bisect_right(starts, first - 1500),
                           bisect.bisect_left(starts, first)):
                b = every[i]
                if b.date is None or b.planned:
                    continue
                nxt = nxt_of[i]
                if not (b.start < first < b.start + 1500 and (nxt is None or first < nxt)):
                    continue
                if not self._member_of_batch(b.start, first):
                    continue
                own = [v for v in e.events if v.type == b.type]
                if any(v.date is not None or v.planned for v in own):
                    continue
                e.events = [v for v in e.events if v not in own] + [b]

    def _member_of_batch(self, event: int, pos: int) -> bool:
        """Whether the project named at `pos` is one of the batch whose event is at `event`:
        in its paragraph, or in the paragraphs after it that present members (主会场的…,
        一、…项目, 其中…, 此次…)."""
        p_event = self.index.paragraph(event)
        p0 = self.index.paragraph(pos)[0]
        if p0 == p_event[0]:
            return True
        k = p_event[1]
        while k < p0:
            pk0, pk1 = self.index.paragraph(k + 1 if k < len(self.text) else k)
            opening = self.text[pk0:pk0 + 12].lstrip(" \u3000\t")
            if not _MEMBER_OPENING.match(opening):
                return False
            if pk1 <= k:
                return False
            k = pk1
        return True

    def attach_companies(self) -> None:
        """The investor of each entity: a company in its name, else the company the sentence
        ties to it (由X投资, X投资…建设, X的Y项目; firms listed together: 中煤集团、国电集团等
        央企投资建设的…), else the firm the sentence opens with (…有限公司…，公司在…投资扩建
        二期工厂), else a firm named by the name's first words (金能科技一期项目, 中节能(桐乡)…),
        else the item itself when it is a firm."""
        text = self.text
        comps = self.companies
        starts = [c.start for c in comps]
        for e in self.entities:
            first = e.first
            if first.kind == ITEM and first.company is None and not first.head \
                    and _FIRM_ITEM.fullmatch(first.name):  # (西延、西康等高铁: lines, no firms)
                lead = _FIRM_LEAD.match(first.name)
                # 某电气绿色甲醇: the firm opens the item; else the item is the firm's name
                e.company = lead.group(1) if lead is not None else None \
                    if "一体化" in first.name else _CAPACITY_TAIL.sub("", first.name) or None
                # (某岛炼化一体化 names the works; 某某石化炼化一体化 opens with the firm)
                continue
            stated = self._stated_investor(e)
            if stated is not None:
                e.company = stated  # …某某总部项目，总投资60亿元，投资方是某某投资有限公司
                continue
            for pm in e.mentions:
                if pm.company is not None:
                    e.company = pm.company.name
                    break
            if e.company is not None:
                continue
            for pm in e.mentions:
                s0, s1 = self.index.sentence(pm.start)
                if pm.kind == REF:
                    s0 = pm.end  # 该项目由X投资: a pointer takes the firm after it only
                i = bisect.bisect_left(starts, s0)
                cands = []
                while i < len(comps) and comps[i].start < s1:
                    c = comps[i]
                    # a firm inside another project's name is that project's investor
                    if not any(a <= c.start and c.end <= b and (a, b) != (pm.start, pm.end)
                               for a, b in self._names_around(c.start)):
                        cands.append(c)
                    i += 1
                pick = _linked_company(text, pm, cands, self._names_around(s0, s1))
                if pick is not None:
                    e.company = _with_partners(text, pick, cands)
                    break
            if e.company is not None:
                continue
            e.company = self._opening_firm(e) or self._firm_prefix(e) or self._main_firm_of(e) \
                    or self._sole_firm()

    def _stated_investor(self, e: Entity) -> str | None:
        """The legal firm a name's sentence says invests in it (投资方是X, 投资主体为X), when no
        other name stands between."""
        text = self.text
        for pm in e.mentions:
            if pm.kind == REF:
                continue
            s1 = self.index.sentence(pm.start)[1]
            if text.find("投资", pm.end, s1) < 0:
                continue
            for m in _INVESTOR_IS.finditer(text, pm.end, s1):
                k = bisect.bisect_left(self._company_starts, m.end())
                if k < len(self.companies) and self.companies[k].start == m.end() \
                        and self.companies[k].full \
                        and not any(x[3].kind != REF for x in self.spots[
                            bisect.bisect_right(self.spot_starts, pm.end):
                            bisect.bisect_left(self.spot_starts, m.start())]):
                    return self.companies[k].name
        return None

    def _names_around(self, a: int, b: int | None = None) -> list[tuple[int, int]]:
        """Name spans (not pointers) starting in [a - 60, b or a]."""
        lo = bisect.bisect_left(self.spot_starts, a - 60)
        hi = bisect.bisect_right(self.spot_starts, b if b is not None else a)
        return [(x[0], x[1]) for x in self.spots[lo:hi] if x[3].kind != REF]

    def _opening_firm(self, e: Entity) -> str | None:
        """The firm whose legal name opens the sentence of a name (or of the sentence before,
        when this one opens with 此次/该/公司): 国家管网集团首个…项目——山东龙口…接收站."""
        for pm in e.names():
            s0, s1 = self.index.sentence(pm.start)
            lead = s0 + len(self.text[s0:s1]) - len(self.text[s0:s1].lstrip())
            # (…，公司计划…建设X: a clause opening with 公司 speaks of the firm before, too)
            if (self.text.startswith(("此次", "该", "公司", "其", "这"), lead)
                    or _FIRM_CLAUSE.search(self.text, lead, pm.start)) and s0 > 0:
                s0 = self.index.sentence(s0 - 1)[0]
                lead = s0 + len(self.text[s0:pm.start]) - len(self.text[s0:pm.start].lstrip())
            k = bisect.bisect_left(self._company_starts, lead)
            if k < len(self.companies):
                c = self.companies[k]
                if c.full and c.start <= lead + 1 and c.end <= pm.start:
                    return c.name
        return None

    def _firm_counts(self) -> Counter[str]:
        """How often each firm is named (by its short form when only that is written)."""
        if not hasattr(self, "_firm_count"):
            self._firm_count = Counter(_firm_key(c) for c in self.companies)
        return self._firm_count

    def _sole_firm(self) -> str | None:
        """The one firm an article is about: named in its opening line and at least three
        times, and no other firm named twice (某公司拟募资…投向5个项目: a firm's report, whose
        projects are its own whatever their sentences say)."""
        if not hasattr(self, "_sole"):
            ranked = self._firm_counts().most_common(2)
            head = self.text[:self.text.find("\n") if "\n" in self.text[:120] else 120]
            self._sole = ranked[0][0] if ranked and ranked[0][1] >= 3 \
                and (len(ranked) < 2 or ranked[1][1] < 2) and ranked[0][0] in head else None
        return self._sole

    def _main_firm_of(self, e: Entity) -> str | None:
        """The article's main firm (named most often, at least twice) when a name's sentence
        has 公司 as its subject (公司公告…用于X工程, 公司计划…投向X项目): a firm's report."""
        if not hasattr(self, "_main_firm"):
            best = self._firm_counts().most_common(1)
            self._main_firm = best[0][0] if best and best[0][1] >= 2 else None
        if self._main_firm is None:
            return None
        for pm in e.names():
            s0 = self.index.sentence(pm.start)[0]
            for m in _FIRM_DEICTIC.finditer(self.text, s0, pm.start):
                k = bisect.bisect_left(self._company_starts, m.start()) - 1
                if k < 0:
                    continue
                c = self.companies[k]
                p0 = self.index.paragraph(m.start())[0]
                p_before = self.index.paragraph(p0 - 1)[0] if p0 > 0 else p0
                key = _firm_key(c)
                # the nearest firm before, in this paragraph or the one before, is the main one
                # (驰宏锌锗 and 荣盛发展 in one article: 公司 under the other's heading is not it)
                if c.start >= p_before and key == self._main_firm:
                    return self._main_firm
        return None

    def _firm_prefix(self, e: Entity) -> str | None:
        """A firm named by a name's first words: a known firm's leading characters
        (中节能 of 中节能环保集团), or words ending like a firm (金能科技一期项目)."""
        if not hasattr(self, "_prefixes"):
            self._prefixes: dict[str, list[tuple[str, str]]] = {}
            for c in self.companies:
                for form in (c.name, *c.short):
                    # a leading place (科右前旗…) is no firm's name
                    if len(form) >= 4 and form[3] not in "省市县区旗州盟镇":
                        self._prefixes.setdefault(form[:3], []).append((form, c.name))
        for pm in e.names():
            name = pm.name
            if len(name) > 4:
                for form, full in self._prefixes.get(name[:3], ()):
                    if not name.startswith(form):
                        return full
            m = _FIRM_PREFIX.match(name)
            if m is not None:
                return m.group(1) or m.group(2)
        return None

    def project_sentences(self) -> set[int]:
        """Numbers of the sentences that speak of a project (a name, item or pointer in them,
        or a figure given to a project): their amounts are no region's claims."""
        out = {self.index.sentence_index(s[0]) for s in self.spots}
        for e in self.entities:
            for f in e.figures:
                out.add(self.index.sentence_index(f.start))
        return out

    # -- places -----------------------------------------------------------------------------
    def _place_table(self, ctx: Any) -> None:
        """Places that can be a project's location, once per article: with, for each, the
        name spans holding it and whether a company's name holds it."""
        text = self.text
        name_spans = sorted({(s[0], s[1]) for s in self.spots if s[3].kind != REF})
        starts = [a for a, _ in name_spans]
        comp = sorted((c.start, c.end) for c in self.companies)
        comp_starts = [a for a, _ in comp]

        # the furthest end among the first k spans: most places lie outside every name and
        # company, and one comparison says so before the spans near it are looked at
        reach = list(accumulate((b for _, b in name_spans), max, initial=-1))
        comp_reach = list(accumulate((b for _, b in comp), max, initial=-1))

        def holders(m: Any, spans: list[tuple[int, int]], st: list[int],
                    far: list[int]) -> list[tuple[int, int]]:
            k = bisect.bisect_right(st, m.start)
            if far[k] < m.end:
                return []
            out = []
            for a, b in spans[max(0, k - 8):k]:
                if a <= m.start and m.end <= b:
                    out.append((a, b))
            return out

        def straddles(m: Any) -> bool:
            k = bisect.bisect_right(starts, m.end)
            if reach[k] <= m.start:
                return False  # no span ends inside or after the place
            for a, b in name_spans[max(0, k - 8):k]:
                if a < m.start < b < m.end or m.start < a < m.end < b:
                    return True
            return False

        above = _above(ctx.focus)
        # a firm's short name written alone (龙湖集团…，龙湖的某项目: 龙湖 is the firm)
        firm_words = {c.name for c in self.companies} | {
            sh for c in self.companies for sh in c.short}
        table = []
        for m in ctx.mentions:
            r = m.region
            if m.role != "location" or r is None or NOT_LOCATION_AFTER.match(text, m.end):
                continue
            if m.text[:1] in "和与及" and m.start > 0 and text[m.start - 1] in "区县市镇":
                continue  # 衢江区和龙游县: 和龙 straddles a conjunction
            names = holders(m, name_spans, starts, reach)
            if m.kind == "generic_zone" and (r.confidence < 0.7 or names):
                continue
            if straddles(m):
                continue
            # 浙江省 in a 桐乡 article frames the focus; it is no project's location
            in_firm = bool(holders(m, comp, comp_starts, comp_reach)) or m.text in firm_words
            if r.adcode in above and not r.zone and not r.town and (not names or in_firm):
                continue  # (苏州 in 三星电子在苏州的7.5代线 of a 昆山 article is that line's)
            table.append((m, set(names), in_firm))
        self._places = table
        self._place_starts = [t[0].start for t in table]

    def region(self, ctx: Any, e: Entity) -> Any:
        """Where the project is. For each of its names: a place written in the name (not in a
        company's name: 鄂尔多斯羊绒集团 is a firm's home), else the place before it in its
        sentence, else a place in a company's name or after it in the sentence; the best over
        all names (that rank, then the most specific). Else the place before it in the
        paragraph or the 300 characters before, else the article's focus."""
        if ctx is None:
            return None
        if not hasattr(self, "_places"):
            self._place_table(ctx)
        table = self._places
        pst = self._place_starts
        names = e.names() or e.mentions
        own_spans = {(m.start, m.end) for m in names}

        def sure(t: Any) -> bool:
            return t[0].region.confidence >= 0.5 or t[0].kind == "deictic"

        best = None  # (rank, -depth, order, region)
        # A province's own report builds at home: a place of another province written in or
        # before a name is a namesake (太平水库, 新洲, 北塔) or the investor's home (北京某云
        # 数据基地 in another province's report), not where the works are.
        home = ctx.focus.adcode[:2] if self._own_report(ctx) else None
        if home is not None and not any("段" in pm.name for pm in names) and any(
                leaves_province(pm.name, home) for pm in names):
            return None  # 包银高铁 in 宁夏's report: one end is in another province
            # (a news story's focus is less sure: 福厦高铁 in a story told from 湖南)
        # a line between two ends none of which is a place the gazetteer knows (蒙西到华中煤运
        # 通道): where it runs is not where the sentence or the story is set
        two_ended = any(_TWO_ENDED.search(pm.name) for pm in names)
        for order, pm in enumerate(names):
            s0, s1 = self.index.sentence(pm.start)
            rows = table[bisect.bisect_left(pst, s0):bisect.bisect_left(pst, s1)]
            inside = [t for t in rows if (pm.start, pm.end) in t[1]]
            own = [t[0] for t in inside if not t[2]]
            if len(own) > 1:
                # 深圳某示(自贡)电子…项目, 中节能(桐乡)环保产业园: the place in brackets is where
                # the branch is, the one before them the investor's home
                held = [p for p in own if _bracketed(self.text, self.text[p.start:p.end],
                                                     pm.start, pm.end)]
                if held:
                    own = held
            same = [t[0] for t in rows if sure(t) and (pm.start, pm.end) not in t[1]
                    and not t[2] and not (t[1] - own_spans) and t[0].end <= s1]
            # a place written right before another name is that name's (德清县启航汽车…)
            pre = [m for m in same if m.end <= pm.start and not any(
                0 <= sp[0] - m.end <= 1 and sp not in own_spans
                for sp in self._name_starts_near(m.end))]
            r_own = _deepest(own) if own else None
            if two_ended and r_own is None:
                continue
            r_pre = None
            locative = False
            if pre:
                k = same.index(pre[-1])
                while k > 0 and same[k].start - same[k - 1].end <= 1:
                    k -= 1  # back to the head of an address chain (湖州市吴兴区…)
                r_pre = _chain(same[k:])
                locative = _LOCATIVE.search(self.text, max(s0, same[k].start - 6),
                                            same[k].start) is not None
            if r_own is not None and r_pre is not None and locative \
                    and (r_own.adcode or "")[:2] != (r_pre.adcode or "")[:2]:
                r_own = None  # 在上海，苏州河某闸…; 位于江西某县的…梅江灌区工程: the place the
                # sentence sets it in, not a like-named place in another province in the name
            if r_own is not None and self._stranger(ctx, own):
                r_own = None  # 义乌小商品…园 signed by a 江西 county: a brand, not the site
            if r_pre is not None and not locative and self._stranger(ctx, same[k:k + 1]):
                r_pre = None
            if home is not None:
                if r_own is not None and (r_own.adcode or "")[:2] != home:
                    r_own = None
                if r_pre is not None and (r_pre.adcode or "")[:2] != home:
                    r_pre = None
            cands = []
            if r_own is not None:
                if r_pre is not None and _inside_region(r_pre, r_own) \
                        and _depth(r_pre) > _depth(r_own):
                    r_own = r_pre  # 广州…试验区…广东省实验室: the city, not the province
                cands.append((0, -_depth(r_own), order, r_own))
            elif r_pre is not None:
                cands.append((1, -_depth(r_pre), order, r_pre))
            else:
                late = [t[0] for t in inside if t[2]] + [m for m in same if m.start >= pm.end]
                if home is not None:
                    late = [m for m in late if (m.region.adcode or "")[:2] == home]
                if late:
                    r = max((m.region for m in late), key=_depth)
                    cands.append((2, -_depth(r), order, r))
            for c in cands:
                if best is None or c[:3] < best[:3]:
                    best = c
        if best is not None:
            return self._toward_focus(ctx, self._refined(best[3], names, table, pst, own_spans))
        if two_ended:
            return None
        first = names[0]
        p0 = self.index.paragraph(first.start)[0]
        lo300 = max(0, first.start - 300)
        if p0 > lo300 + 1:
            # a digest's headline opens another story: the window stops there (上海… in the
            # item before 华电金上叶巴滩水电站 is not where the dam is)
            h0 = self.index.paragraph(p0 - 1)[0]
            if h0 >= lo300 and _is_headline(self.text, self.index, h0):
                lo300 = h0
        for lo in (p0, lo300):
            rows = table[bisect.bisect_left(pst, lo):bisect.bisect_left(pst, first.start)]
            # (a place inside another project's name is that project's: 深圳华星光电…, 奇美…)
            before = [t[0] for t in rows if sure(t) and not t[2] and t[0].end <= first.start
                      and not (t[1] - own_spans)]
            if before and home is not None:
                # a province's own report: a place of another province in an earlier
                # sentence (某区块, 对口支援某县) does not place this one
                before = [m for m in before if (m.region.adcode or "")[:2] == home]
            if before:
                return before[-1].region
        if (self._digest() and not ctx.focus_holds(0.8)) or self._roundup(ctx):
            return None  # a news digest's stories are set in many places: none is its focus
            # (a work report's sections read as headlines, but its places are its own)
        return ctx.focus if self._focus_stated(ctx) else None

    def _stranger(self, ctx: Any, places: list[Any]) -> bool:
        """Whether the places (of or before a name) are bare county names (no 县/市/区 written)
        of another province than the focus of a story told from a city or county, a province the
        story names no more than twice and its focus's at least twice as often: a brand or a
        word that holds a county's name (义乌小商品…园 in a 江西 county's story, 宝丰…烯烃 in
        one from 鄂尔多斯), not the site. (Province and city names are often right: 四川某水库.)"""
        focus = ctx.focus
        code = (focus.adcode or "") if focus is not None else ""
        if not places or len(code) != 6 or code.endswith("0000") or code[:2] in ("10", "00") \
                or not self._focus_stated(ctx):
            return False
        counts = ctx.province_counts()
        for m in places:
            other = (m.region.adcode or "")[:2] if m.region is not None else ""
            if not other or other == code[:2] or m.text[-1:] in _DIVISION_SUFFIX \
                    or (m.region.adcode or "").endswith("00") \
                    or counts.get(other, 0) > 2 or counts.get(code[:2], 0) < 2 * counts.get(other, 0):
                return False
        return True

    def _toward_focus(self, ctx: Any, r: Any) -> Any:
        """`r`, or the article's focus when the focus lies inside it: 天津某创新园 in a story
        told from 滨海新区, 河北某产业园 in one from 石家庄 (the name's place is the investor's
        or the works' wider home; the story says where they are)."""
        focus = ctx.focus
        if r is None or focus is None or not focus.adcode or not r.adcode \
                or focus.adcode == r.adcode or not _inside_region(focus, r) \
                or not self._focus_stated(ctx):
            return r
        return focus

    def _refined(self, r: Any, names: list[ProjectMention], table: list[Any], pst: list[int],
                 own_spans: set[tuple[int, int]]) -> Any:
        """`r`, or the one deeper place inside it that the sentences of the names give
        (奥特斯重庆工厂 … 在重庆两江新区…开工: the new area, not the city), when they give one."""
        if r is None or _depth(r) >= 3:
            return r
        deeper: dict[str, Any] = {}
        for pm in names:
            s0, s1 = self.index.sentence(pm.start)
            for t in table[bisect.bisect_left(pst, s0):bisect.bisect_left(pst, s1)]:
                pl = t[0].region
                if t[2] or pl is None or t[0].region.confidence < 0.5 or (t[1] - own_spans):
                    continue  # (a firm's home, a place of another name)
                if _inside_region(pl, r) and _depth(pl) > _depth(r):
                    deeper[pl.adcode] = pl
        codes = sorted(deeper)
        # one place, or a chain of places each inside the next (某市某区某镇: the deepest)
        if codes and all(_inside_region(deeper[codes[-1]], deeper[c]) or c == codes[-1]
                         for c in codes):
            return max(deeper.values(), key=_depth)
        return r

    def _digest(self) -> bool:
        """Whether the article is a digest of stories: three or more headline lines (short,
        no full stop) besides its title."""
        if not hasattr(self, "_is_digest"):
            lines = [ln.strip() for ln in self.text.split("\n") if ln.strip()]
            # a headline opens a story: a long paragraph of sentences follows it (a page's
            # menu is a run of short lines)
            heads = sum(1 for ln, nxt in zip(lines[1:-1], lines[2:], strict=False)
                        if len(ln) <= 40 and not any(c in ln for c in "。！？；")
                        and len(nxt) >= 60 and "。" in nxt)
            self._is_digest = heads >= 3
        return self._is_digest

    def _roundup(self, ctx: Any) -> bool:
        """Whether the article tours several provinces (在贵州…。在四川…。在广东…): places
        of three or more provinces, none of them in half its place mentions, so a project it
        names no place for is not set where the article's focus is."""
        provinces = ctx.province_counts()
        return len(provinces) >= 3 and \
            provinces.most_common(1)[0][1] * 2 < sum(provinces.values())

    def _own_report(self, ctx: Any) -> bool:
        """Whether the article is a region's own work report (政府工作报告 in its opening) whose
        places are mostly its focus province's: a news story's place of another province in a
        name is often right (某公司重庆项目 in a story from 贵州), a report's is a namesake."""
        if not hasattr(self, "_is_own_report"):
            self._is_own_report = "政府工作报告" in self.text[:300] \
                and ctx.focus_holds(HOME_SHARE)
        return self._is_own_report

    def _focus_stated(self, ctx: Any) -> bool:
        """Whether the article names its focus as a place in its own right: a mention of it
        (or 我市, 本县…) not glued to a firm's or a body's name (上海佳豪…, 江西省国资委…, the
        only mentions of a listed firm's report), so a project it names no place for is there."""
        if not hasattr(self, "_focus_ok"):
            focus = ctx.focus
            ok = focus is not None and bool(focus.adcode)
            if ok:
                code = focus.adcode
                depth = 2 if code.endswith("0000") else 4 if code.endswith("00") else 6
                ok = False
                for m in ctx.mentions:
                    r = m.region
                    if r is None or not r.adcode or r.adcode[:depth] != code[:depth] \
                            or m.role != "location":
                        continue
                    if self._in_name(m.start, m.end):
                        continue  # 沪昆高铁杭州到南昌段: a place written only in a name is its
                    if m.kind == "deictic" or not _glued(self.text, m.end):
                        ok = True
                        break
            self._focus_ok = ok
        return self._focus_ok

    def route_region(self, ctx: Any, e: Entity, r: Any) -> Any:
        """A linear work (railway, road, pipeline, power line) whose route the text gives: None
        when it runs through two provinces or abroad (中缅油气管道, 青藏联网工程, 向莆铁路
        跨越江西、福建两省), its province when through two cities of one (拉萨至贡嘎机场高速
        公路), else `r`."""
        names = e.names()
        if not names or ctx is None:
            return r
        if self._abroad(ctx, names):
            return None
        if any(_NATIONAL_WORKS.fullmatch(m.name) for m in names):
            return None  # 西气东输二线工程, 南水北调中线一期工程: through many provinces
        ends = self._ends(names)
        if ends is not None:
            return ends if ends is not _NO_REGION else None
        if not any(_LINEAR_HEAD.search(m.name) for m in names):
            return r
        if any(_CROSS_BORDER.match(m.name) for m in names):
            return None
        if not hasattr(self, "_places"):
            self._place_table(ctx)
        provinces: set[str] = set()
        cities: set[str] = set()
        province_of: dict[str, Any] = {}
        spots: list[tuple[int, int]] = []
        for m in names:
            spots.append((m.start, m.end))
            # the sentences that open with the name again (向莆铁路全长632公里，跨越…)
            k = self.text.find(m.name, m.end, m.end + 600)
            if k >= 0 and (m.start, m.end) == (names[0].start, names[0].end):
                spots.append((k, k + len(m.name)))
        for a, b in spots:
            pair = _PROVINCE_PAIR.match(self.text, a, b)
            rows = self._places[bisect.bisect_left(self._place_starts, a - 40):
                                bisect.bisect_left(self._place_starts, self.index.sentence(a)[1])]
            if pair is not None and not any(t[0].start == a and t[0].end > a + 1 for t in rows):
                return None  # 青藏联网工程, 川藏铁路: two provinces' abbreviations
            s1 = self.index.sentence(a)[1]
            cue = _ROUTE_CUE.search(self.text, b, s1)
            for t in rows:
                pl = t[0]
                if pl.region is None or not pl.region.adcode or t[2]:
                    continue
                inside = a <= pl.start and pl.end <= b
                on_route = cue is not None and cue.end() <= pl.start < s1 \
                    and not _COMMA.search(self.text, cue.end(), pl.start)
                if not (inside or on_route):
                    continue
                code = pl.region.adcode
                provinces.add(code[:2])
                province_of.setdefault(code[:2], pl.region)
                if code[2:4] != "00":
                    cities.add(code[:4])
        if len(provinces) >= 2:
            return None
        if len(provinces) == 1 and len(cities) >= 2:
            p = next(iter(province_of.values()))
            code = next(iter(provinces)) + "0000"
            if r is None or not (r.adcode or "").startswith(code[:2]) or r.adcode != code:
                return type(p)(province=p.province, adcode=code, confidence=p.confidence)
        return r

    def _foreign_spans(self, ctx: Any) -> list[tuple[int, int]]:
        """Spans of foreign places (美国, 巴西…) and of the words that say abroad (海外)."""
        if not hasattr(self, "_foreign"):
            spans = [(m.start, m.end) for m in ctx.mentions if m.role == "foreign"]
            spans += [(a, b) for _, a, b in word_hits.hits(self.text, _ABROAD)]
            self._foreign = sorted(spans)
            self._foreign_starts = [a for a, _ in self._foreign]
        return self._foreign

    def _abroad(self, ctx: Any, names: list[ProjectMention]) -> bool:
        """Whether the nearest place written before a name's head in its sentence (or in the
        name) is foreign, and no Chinese site (a firm's home aside) follows it up to the end of
        the name's clause: 美国内华达州布纳维斯塔铁矿, 巴西工厂项目, 位于几内亚的西芒杜铁矿项目,
        海外钾肥基地 — but not 美国…公司在苏州的工厂 (苏州 is nearer)."""
        foreign = self._foreign_spans(ctx)
        if not foreign:
            return False
        if not hasattr(self, "_places"):
            self._place_table(ctx)
        firms = [(c.start, c.end) for c in self.companies]
        for m in names:
            k = bisect.bisect_left(self._foreign_starts, m.start)
            if k < len(self._foreign) and self._foreign[k][0] == m.start \
                    and self._foreign[k][1] < m.end - 1:
                fa, fb = self._foreign[k]
                # 日本某电产…项目: the country opens the investor's name, its origin; and one
                # the clause places here (…项目落户嘉善经济技术开发区) is here
                if any(a <= fa and fb <= b or a == fb for a, b in firms) \
                        or self._site_after(m):
                    continue
                return True  # 美国内华达州…铁矿, 巴西工厂项目: a name that opens with a country
        abroad = False
        for m in names:
            c1 = self.index.clause(m.start)[1]
            c0 = self.index.sentence(m.start)[0]  # (加拿大钾盐矿区——KP-488，…，以建设…基地)
            end = m.end - len(m.head) if m.head else m.end
            k = bisect.bisect_left(self._foreign_starts, end) - 1
            fb = c0
            if k >= 0 and self._foreign[k][0] >= c0:
                fa, fb = self._foreign[k]
                if any(a <= fa and fb <= b or a == fb for a, b in firms):
                    fb = c0  # 美国铝业公司…, 日本某电…项目: a firm's origin, not the site
            rows = self._places[bisect.bisect_left(self._place_starts, fb):
                                bisect.bisect_left(self._place_starts, c1)]
            # (a Chinese firm's home, 青海盐湖工业…, is not a site in China)
            if any(not t[2] for t in rows):
                return False  # (…共建的…工程在辽宁盘锦开工: a name's clause names a site here)
            abroad = abroad or fb > c0
        return abroad

    def _site_after(self, m: ProjectMention) -> bool:
        """Whether the clause after a name places it in China (…项目落户嘉善经济技术开发区)."""
        c1 = self.index.clause(m.start)[1]
        cue = _SITE_CUE.match(self.text, m.end)
        if cue is None:
            return False
        rows = self._places[bisect.bisect_left(self._place_starts, cue.end()):
                            bisect.bisect_left(self._place_starts, c1)]
        return any(t[0].start == cue.end() and not t[2] for t in rows)

    def _ends(self, names: list[ProjectMention]) -> Any:
        """For a line named by its two ends (合肥到福州铁路, 哈密—重庆): _NO_REGION when the ends
        lie in two provinces, the province when they lie in two
        of its cities, the common unit otherwise; None when no name joins two known ends."""
        for m in names:
            j = _JOINER.search(m.name)
            if j is None or (m.head and not _LINEAR_HEAD.search(m.name) and m.kind != "item"
                             and not _LINE_WORK.search(m.name)):
                continue
            cut = m.start + j.start()
            rows = self._places[bisect.bisect_left(self._place_starts, m.start):
                                bisect.bisect_left(self._place_starts, m.end)]
            left = [t[0].region for t in rows if t[0].end <= cut and t[0].region.adcode]
            right = [t[0].region for t in rows if t[0].start > cut and t[0].region.adcode]
            if not left or not right:
                # 陇东—山东, 大同—天津南: an end named by its province is a line between
                # provinces; (夏坪至睦村: an end the gazetteer does not know says nothing)
                near = [t[0] for t in rows if t[0].region.adcode and (
                    t[0].end == cut or t[0].start == cut + len(j.group()))]
                if any(pl.region.adcode.endswith("0000") for pl in near):
                    return _NO_REGION
                continue
            a, b = left[0].adcode, right[0].adcode
            if a[:2] != b[:2]:
                return _NO_REGION
            if a[:4] != b[:4] or a[2:4] == "00":
                p = left[0]
                return type(p)(province=p.province, adcode=a[:2] + "0000", confidence=p.confidence)
            c = left[0] if a[4:] == "00" else right[0] if b[4:] == "00" else None
            if c is not None:
                return c
            p = left[0]
            return type(p)(province=p.province, city=p.city, adcode=a[:4] + "00",
                           confidence=p.confidence)
        return None

    def _in_name(self, a: int, b: int) -> bool:
        """Whether [a, b) lies inside a project's name (not a pointer)."""
        k = bisect.bisect_right(self.spot_starts, a)
        for s0, s1, _, pm in self.spots[max(0, k - 8):k]:
            if s0 <= a and b <= s1 and pm.kind != REF:
                return True
        return False

    def _name_starts_near(self, pos: int) -> list[tuple[int, int]]:
        """Name spans starting at `pos` or right after it."""
        k = bisect.bisect_left(self.spot_starts, pos)
        out = []
        while k < len(self.spots) and self.spots[k][0] <= pos + 1:
            if self.spots[k][3].kind != REF:
                out.append((self.spots[k][0], self.spots[k][1]))
            k += 1
        return out


def _above(focus: Any) -> set[str]:
    """Adcodes of the units that hold the focus (its province, its city)."""
    if focus is None or not focus.adcode:
        return set()
    code = focus.adcode
    out = set()
    if code[2:] != "0000":
        out.add(code[:2] + "0000")
    if code[4:] != "00" or focus.zone or focus.town:
        out.add(code[:4] + "00")
    out.discard(code)
    return out


def _bracketed(text: str, place: str, start: int, end: int) -> bool:
    """Whether `place` stands in brackets in text[start:end] (one row of the place table may
    stand for several mentions of the same place)."""
    return any(text.find(o + place + c, start, end) > start for o, c in (("(", ")"), ("（", "）")))


def _deepest(ms: list[Any]) -> Any:
    """The most specific region among mentions (the first of equals), following chains; a
    place outside the province the name opens with is no deeper link of it (吉林省嫩江…工程:
    the river, not Heilongjiang's 嫩江市)."""
    best = None
    first = ms[0].region if ms else None
    if first is not None and (first.adcode or "")[:2] in ("10", "00"):
        first = None  # (中国… opens many names: no province bounds them)
    for i in range(len(ms)):
        r = _chain(ms[i:])
        if first is not None and first.adcode and r.adcode \
                and first.adcode[:2] != r.adcode[:2] and first.adcode.endswith("00"):
            continue
        if best is None or _depth(r) > _depth(best):
            best = r
    return best


# 在上海，…; 位于江西某县的… (a province's name may come between: 位于江西|赣县)
# 投资亿元以上的项目有…, 超10亿元的项目有3个，分别是…, 上百亿元的项目就有…: a class whose
# members the list after it names
_THRESHOLD_LIST = re.compile(
    r"(?P<amount>(?P<over>超过?|逾|上)?(?P<num>\d+(?:\.\d+)?|[十百千])?(?P<unit>亿|千万|百万|万)元"
    r"(?:及?以上)?)的(?:重大|重点|产业|工业|签约)?项目(?:就|共|则)?有"
    r"(?P<count>[\d一二三四五六七八九十]+[个项](?P<enum>[，,：:]?(?:分别是|分别为|包括|即|为)|[：:])?)?")
_CLASS_HAS = re.compile(r"的(?:重大|重点|产业|工业|签约)?项目(?:就|共|则)?有")
_CLASS_DIGITS = {"十": 10, "百": 100, "千": 1000}
_CLASS_UNITS = {"亿": 100_000_000, "千万": 10_000_000, "百万": 1_000_000, "万": 10_000}
_LIST_GAP = re.compile(r"[、，,和及与]?")
_DIVISION_SUFFIX = frozenset("省市县区旗州盟")
_LOCATIVE = re.compile(r"(?<![^，,。；;：:\s])(?:在|位于|地处)[\u4e00-\u9fff]{0,4}$")


def _inside_region(inner: Any, outer: Any) -> bool:
    a, b = (inner.adcode or ""), (outer.adcode or "")
    if not a or not b:
        return False
    if b.endswith("0000"):
        return a[:2] == b[:2]
    if b.endswith("00"):
        return a[:4] == b[:4]
    return a == b


def _chain(ms: list[Any]) -> Any:
    """The most specific link of the address chain that starts at ms[0]."""
    cur = ms[0]
    for m in ms[1:]:
        if m.start - cur.end > 1:
            break
        a, b = cur.region.adcode or "", m.region.adcode or ""
        if a and b and (b.startswith(a.rstrip("0")) or a == b or (a[2:] == "0000" and b[:2] == a[:2])):
            cur = m
        else:
            break
    return cur.region


def _depth(r: Any) -> int:
    if r is None:
        return 0
    if r.town or r.zone or r.county:
        return 3
    if r.city:
        return 2
    return 1


_FIRM_ITEM = re.compile(
    r"(?![\u4e00-\u9fff]*(?:至|号线|高铁|铁路|公路|核电|电站|机场|大桥|隧道|水库|扩建|[一二三四首]期|"
    r"店|园|厂|基地|中心|线|闸|泵站|码头|渠|治理|隧道|馆|风电|光伏|电力|器件|配套|集成电路|"
    r"作业区|航道|港|城际|段|水院|枢纽|口岸|站|工程|大道|迁建|改造|新建|建设|整治|修复|医院|学[校院]|[中小]学|"
    r"入[\u4e00-\u9fff]|送[\u4e00-\u9fff]|引[\u4e00-\u9fff]济|沿[江海边黄]))"
    r"[\u4e00-\u9fffA-Za-z]{2,10}(?:[\d.．]+万?[吨锭辆台套件片]?[\u4e00-\u9fff]{0,4})?"
)
_CAPACITY_TAIL = re.compile(r"[\d.．]+.*$")
# A firm's name ending in its trade opening a longer item (上海电气绿色甲醇).
# Words a firm's name ends in when it names the firm's trade (金能科技, 某某电气).
_FIRM_TRADES = (
    "科技|电子|电器|电气|化工|化纤|药业|制药|光电|实业|重工|机械|石化|钢铁|股份|控股|新材料|装备|"
    "环保|生物|医药|纺织|建材|水泥|铝业|矿业|动力|锂电|乳业|食品|集成|能源")
_FIRM_LEAD = re.compile(
    rf"([\u4e00-\u9fff]{{2,6}}?(?:{_FIRM_TRADES}|集团))(?=[\u4e00-\u9fffA-Za-z]{{2}})")
_JOINTLY = re.compile(r"共同|合资|联合|一起")
# 金能科技一期项目: leading words that end like a firm, before a phase, a capacity or 新
_FIRM_PREFIX = re.compile(
    rf"([\u4e00-\u9fff]{{2,6}}?(?:{_FIRM_TRADES}|精密))(?=[一二三四五首]期|新|年产|[\d]|超级工厂|"
    r"特种|高性能|精细|研发中心|智慧产业园)"
    # 某电股份大安一期: a listed firm's marker ends its name whatever follows
    r"|([\u4e00-\u9fff]{2,6}?(?:股份|控股))(?=[\u4e00-\u9fff]{2})"
)
# 公司 as a clause's subject (，公司计划…, 。本公司拟…): the firm the report is about.
_FIRM_DEICTIC = re.compile(
    r"(?<![\u4e00-\u9fffA-Za-z0-9）)”])(?:本|该)?公司(?=拟|将|计划|决定|以|使用|在|于|投资|已|正在|"
    r"新|向|公告|募集|本次|此次|通过|还|也|目前)")
_INVEST_LINK = re.compile(r"投资|出资|捐资|建设|兴建|实施|承建|设立|开建|扩建|新建|运营|打造|投向|用于|募投|签约|签订")


def _linked_company(text: str, pm: ProjectMention, cands: list[Company],
                    name_spans: list[tuple[int, int]] | None = None) -> Company | None:
    """A company the sentence ties to the project: 由X投资(建设)的Y, X投资…建设Y, X的Y,
    Y由X投资; never across another project's name (X捐资建设的A和B: A only)."""
    best = None
    for c in cands:
        if c.end <= pm.start:
            between = text[c.end:pm.start]
            inner = [(a, b) for a, b in name_spans or () if c.end <= a and b <= pm.start]
            # (与某公司签约两个项目，分别为A项目和B项目: the names it lists are all its own)
            if inner and not (_LISTED_AS.search(text, c.end, inner[0][0]) and all(
                    text[b:a2] in _CONJUNCTIONS for (_, b), (a2, _) in zip(
                        inner, [*inner[1:], (pm.start, pm.end)], strict=True))):
                continue
            if len(between) <= 40 and (_INVEST_LINK.search(between) or between in ("", "的")):
                if not any(ch in between for ch in "。；;"):
                    best = c  # the nearest before wins
        elif c.start >= pm.end:
            between = text[pm.end:c.start]
            if best is None and len(between) <= 6 and between.endswith("由"):
                return c
    return best


def _with_partners(text: str, pick: Company, cands: list[Company]) -> str:
    """The picked firm with the firms written right before it in a list (中煤集团、国电集团)
    or joined to it by 与/和…共同 (由首钢公司与…福建凯西钢铁有限公司共同出资)."""
    names = [pick.name]
    k = cands.index(pick) if pick in cands else -1
    j = k - 1
    while j >= 0 and text[cands[j].end:cands[j + 1].start] in ("、", "和", "与", "及"):
        names.insert(0, cands[j].name)
        j -= 1
    if k >= 0 and k + 1 < len(cands):
        nxt = cands[k + 1]
        between = text[pick.end:nxt.start]
        if len(between) <= 20 and between[:1] in ("与", "和", "同") \
                and _JOINTLY.match(text, nxt.end):
            names.append(nxt.name)
    return "、".join(dict.fromkeys(names))
