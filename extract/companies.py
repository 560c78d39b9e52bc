"""Company names: full legal names (…有限公司, …集团), the short forms an article uses for them
(烟台氨纶股份有限公司 → 烟台氨纶, 远航钢铁公司(下称“远钢”) → 远钢), and well-known
investors written without a legal form (吉利, 华能, 三一重工; extract/company_names.txt).

    find_companies(text, places) -> list[Company]   # sorted by start, non-overlapping
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import ahocorasick_rs

from touzi.extract import word_hits
from touzi.extract.alternation import finditer_by_mark
from touzi.extract.name_edges import Protected, last_stop, walk_left
from touzi.extract.name_words import clause_breaks, word_tags
from touzi.extract.sentences import TextIndex, finditer_in

# Trades that are also verbs (投资, 建设…), written right before a legal form.
_TRADE_BEFORE_FORM = frozenset(("投资", "建设", "开发", "发展", "运营", "管理", "控股", "实业"))
# Legal forms and group words that end a company name, longest first.
_LEGAL = re.compile(
    r"(?:（集团）|\(集团\))?(?:集团股份有限公司|集团有限责任公司|集团有限公司|股份有限公司|有限责任公司|"
    r"有限公司|股份公司|集团公司|控股集团|集团|公司|铁路局|株式会社)"
    r"(?![\u4e00-\u9fff]{0,2}(?:负责人|董事|总经理|领导|党委|员工|职工|人士))"
)
# Every legal form holds one of these, and no clause break: find_companies reads only the
# clauses that hold one (a few percent of a text). Keep it true when changing _LEGAL.
_LEGAL_WORDS = ("公司", "集团", "铁路局", "株式会社")
_LEGAL_TAIL = re.compile(
    r"(?:（集团）|\(集团\))?(?:集团股份有限公司|集团有限责任公司|集团有限公司|股份有限公司|"
    r"有限责任公司|有限公司|股份公司|集团公司|控股集团|集团|公司|株式会社)$"
)
# A company's core that names nothing (该公司, 合资公司, 子公司, 上市公司…).
_GENERIC_CORE = re.compile(
    r"^(?:该|本|其|此|这家|那家|一家|两家|多家|另一家|另一|另|各|全资|控股|合资|独资|外资|内资|子|母|分|总|"
    r"国外|国内|境外|境内|海外|外国|跨国|外地|本地|当地|知名|著名|大型|有关|外方|中方|港资|台资|"
    # a country alone (中国公司, 美国企业): a firm of that country, unnamed
    r"中国|中资|中外|外商|美国|日本|韩国|德国|法国|英国|俄罗斯|欧洲|欧美|"
    r"日资|美资|欧资|德资|韩资|央企|一批|部分|多数|少数|同类|同行|合作|新设|新成立|"
    r"上市|拟上市|国有|民营|大型|中小|科技型|骨干|龙头|施工|建设|投资|运营|项目|平台|"
    r"新|老|原|同|下属|旗下|所属|相关|有关|我|我们|贵|全|省属|市属|县属|央属|地方|企业|"
    r"配套|物流|商贸|金融|保险|证券|基金|银行|管理|开发|设计|咨询|服务|集团|公司)+$"
)
# Cores that count or rank companies (第二大钢铁公司, 60家企业集团) rather than name one.
_COUNTING = re.compile(r"^(?:[第最]|首[家个批])|\d+[多余]?家|[一二两三四五六七八九十几数百千]+家|企业集团$")
# Industry words: a short form made only of them (钢铁 from 山东钢铁集团) names no one.
_INDUSTRY = re.compile(
    r"^(?:钢铁|羊绒|化工|建材|能源|电力|实业|发展|投资|控股|科技|燃气|矿业|纺织|化纤|电器|电子|"
    r"汽车|医药|药业|食品|物流|置业|地产|房地产|建设|建工|交通|水务|环保|新材料|材料|机械|重工|"
    r"装备|光电|光伏|新能源|石化|石油|煤业|煤化|煤化工|铝业|铜业|酒业|乳业|农业|林业|生物|制药|"
    r"家具|国际|中国|工业|产业|商贸|贸易|信息|技术|智能|制造|机场|港口|港务|铁路|高速|地铁|轨道|"
    r"公交|旅游|文旅|城投|新|大|华)+$"
)
# Words before a company that end the text before it, beyond the shared stops: company
# names are joined by conjunctions (A与B合资), while project names keep them (研发及生产基地).
_COMPANY_STOPS = re.compile(
    r"重组|收购|控股|联合|携手|根据|委托|通过|愿意|下属|旗下|公司|集团|基地|中心|项目|工程|[和与及向而继]")
# What may follow 工程 inside a firm's name, before its legal form (…工程科技股份有限公司).
_ENGINEERING_TRADE = re.compile(r"(?:科技|技术|设计|咨询|管理|建设|服务|勘察|机械|股份)*")
# An alias declared after the name: (下称“远钢”), （以下简称“X”）, （远航股份）.
_ALIAS = re.compile(
    r"[（(](?:以下|下文)?(?:简称|下称|简称为)?[“\"「]?([\u4e00-\u9fffA-Za-z0-9]{2,8})[”\"」]?[）)]"
)
# A listed firm written without its legal form, as the subject of a filing verb at a clause
# start (亨通光电拟定增…, ，联创光电披露的预案…, 驰宏锌锗公告…). Every match holds one of
# _FILING_WORDS; find_companies reads only the clauses that hold one.
_FILING_WORDS = ("拟", "公告", "公布", "披露", "复牌", "停牌")
_SUBJECT_FIRM = re.compile(
    r"(?<![^，,。；;：:\n！？!?\s”）)])"
    r"([\u4e00-\u9fffA-Za-z]{2,6}?)"
    r"(?:今日|昨日|日前|近日|今天|昨天)?(?:拟|公告|公布|披露|复牌|停牌)"
)
# Subjects of such verbs that are no firm: bodies, people, deictic and generic words.
_NOT_SUBJECT_FIRM = re.compile(
    r"政府|国务院|部$|委员会|[委局厅办署院会所]$|^[我本该其全各此这那某]|市场|专家|记者|分析|业内|"
    r"人士|机构|投资者|股东|我国|中国|国家|央行|董事|管理层|公司$|集团$|企业|项目|方面|双方|"
    r"对方|[省市县区镇乡]$|同时|此外|另外|目前|今年|去年|明年|随后|[将已还也并又再曾正]$"
)
# Trades firms are named by in business news (东岳汽车, 秦川重汽, 湘江重工).
_TRADES = (
    "汽车|客车|重汽|重工|电子|科技|光电|化工|钢铁|水泥|能源|药业|制药|电气|机械|轮胎|电池|光伏|"
    "新能|半导体|显示|玻璃|特钢|纸业|铝业|矿业|集成|材料|动力")
_TRADE_CUES = ("签约", "投资", "开工", "拟", "计划", "宣布")
_TRADE_WORDS = tuple(_TRADES.split("|"))
_TRADE_FIRM = re.compile(
    rf"(?:(?<=[，,。；;：:\n！？　 ”）)、])|(?<=^))([\u4e00-\u9fff]{{2,4}}?(?:{_TRADES}))"
    r"(?=与|总投资|投资|拟|计划|宣布|斥资|出资|决定|在[\u4e00-\u9fff]{2,8}(?:开工|投资|建设|签约))"
    rf"|与([\u4e00-\u9fff]{{2,4}}?(?:{_TRADES}))(?=签约|签订|签署|合资|合作)")
# 中色股份: a short name and 股份 (not 股份有限公司, 股份制, 股份合作, 持有…股份).
_SHARE_FIRM = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,4}股份(?![有公制合])")
_PLACE_SUFFIX = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:省|市|自治区|县|区|旗|盟|州)")


@dataclass(slots=True)
class Company:
    """A company mentioned at [start, end): `name` as written, `short` forms for later mentions."""

    start: int
    end: int
    name: str
    full: bool  # a legal name (…有限公司/集团) rather than a short form
    short: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _known() -> list[str]:
    """The well-known short names in company_names.txt (looked for by word_hits' automaton,
    with the project heads: one pass over each text for both)."""
    data = resources.files("touzi.extract").joinpath("company_names.txt").read_text("utf-8")
    return list(dict.fromkeys(n for n in (line.split("#", 1)[0].strip()
                                          for line in data.splitlines()) if n))


word_hits.register("firms", _known)
# (the key words of the clauses the legal-name, filing, share and trade patterns are searched
# in; the trades' 29 words by a regex of their own cost a pass over each text, 1.4% of the
# extraction)
_SHARE_WORDS = ("股份",)
for _words in (_LEGAL_WORDS, _FILING_WORDS, _SHARE_WORDS, _TRADE_WORDS):
    word_hits.register(_words, lambda w=_words: list(w))


def _automaton(words: list[str]) -> ahocorasick_rs.AhoCorasick:
    # ahocorasick_rs (Rust, DFA) over str gives character offsets; measured on the corpus,
    # 4× faster than pyahocorasick's iter over the same text.
    return ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard,
                                      implementation=ahocorasick_rs.Implementation.DFA)


_SURROGATE = re.compile("[\ud800-\udfff]")
# Words a short firm name (中铁, 中交) may run into inside a line's name (宝中铁路, 某中交通枢纽).
_WORKS_ACROSS = frozenset(("铁路", "公路", "交通"))


def _hits(auto: ahocorasick_rs.AhoCorasick, text: str) -> list[tuple[int, int, int]]:
    """Every (word index, start, end) of the automaton's words in `text`, overlapping."""
    try:
        return auto.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:
        # lone surrogates: one stand-in character each keeps every offset
        return auto.find_matches_as_indexes(_SURROGATE.sub("\ufffd", text), overlapping=True)


def known_names() -> set[str]:
    """The well-known short names (for tests and other modules)."""
    return set(_known())


def _occurrences(text: str, words: list[str]) -> list[list[int]]:
    """For each word, the starts of its occurrences in `text` left to right without overlap
    (as repeated str.find finds them). One automaton pass when there are many words: a
    find loop per word costs words × text, which grows square on a long report."""
    if len(words) <= 8:
        out = []
        for w in words:
            starts = []
            i = text.find(w)
            while i >= 0:
                starts.append(i)
                i = text.find(w, i + len(w))
            out.append(starts)
        return out
    out = [[] for _ in words]
    for k, start, _end in sorted(_hits(_automaton(words), text), key=lambda h: h[1]):
        starts = out[k]
        if not starts or start >= starts[-1] + len(words[k]):
            starts.append(start)
    return out


def short_forms(name: str, place_prefix: int = 0) -> list[str]:
    """Short forms of a legal name: without the legal form, then also without a leading place
    (烟台氨纶股份有限公司 → 烟台氨纶, 氨纶); forms shorter than 2 characters are dropped."""
    out: list[str] = []
    core = _LEGAL_TAIL.sub("", name)
    core = re.sub(r"[（(][^）)]{1,8}[）)]", "", core)  # 远航科技（苏州）→ 远航科技
    if len(core) >= 2 and core != name and not _INDUSTRY.match(core):
        out.append(core)
    rest = core[place_prefix:] if place_prefix else core
    if place_prefix == 0:
        m = _PLACE_SUFFIX.match(core)
        if m and len(core) - m.end() >= 2:
            rest = core[m.end():]
    if rest != core and len(rest) >= 2 and not _INDUSTRY.match(rest):
        out.append(rest)
    return out


def find_companies(text: str, places: Protected | None = None,
                   figure_ends: list[int] | None = None,
                   index: TextIndex | None = None) -> list[Company]:
    """Company mentions in `text`: legal names by their form, declared aliases, short forms of
    the legal names found, and well-known investors. Sorted by start, non-overlapping.

    `places` are spans no name edge may cut; `figure_ends` (sorted) are the ends of dates and
    amounts, which a name never spans (2011年4月1日公司 is no company); `index` is the
    text's TextIndex when the caller has one."""
    found: list[Company] = []
    last_end = 0
    if index is None:
        index = TextIndex(text)
    for m in finditer_in(_LEGAL, text, index.clauses_holding(_LEGAL_WORDS)):
        end = m.end()
        head = m.start()
        floor = max(last_end, head - 30)
        if figure_ends:
            k = bisect.bisect_right(figure_ends, head) - 1
            if k >= 0 and figure_ends[k] > floor:
                floor = figure_ends[k]
        start = walk_left(text, head, floor)
        # 某某投资有限公司, 某某建设集团: a word that ends the text before other names (a verb)
        # is the firm's trade right before its legal form
        trade = head - 2 if text[max(0, head - 2):head] in _TRADE_BEFORE_FORM else head
        start = last_stop(text, start, trade, places, keep=0)
        # 香港卓盛发展有限公司 after 新城全资控股公司: never reach into the previous company
        start = max(start, last_end)
        for sm in _COMPANY_STOPS.finditer(text, start, head):
            if sm.group() == "工程" and _ENGINEERING_TRADE.fullmatch(text, sm.end(), head):
                continue  # 某某路桥工程有限公司, 东华工程科技股份有限公司: the firm's trade
            if places is None or not places.covers(sm.start(), sm.end()):
                start = sm.end()
        if text[start:start + 1] in ("（", "("):
            close = text.find("）" if text[start] == "（" else ")", start, head)
            if close >= 0:
                start = close + 1  # （同期声）某集团…: a bracket opening the name is a label
        core = text[start:head]
        core = core.lstrip("的")
        start = head - len(core)
        base = start
        for a, b, kind in clause_breaks(core):
            # 涂装部也采用国外公司…: a verb before the firm's name is no part of it (but one
            # that opens it may be its brand: 远航燃气有限公司)
            if b < len(core) and (places is None or not places.covers(base + a, base + b)) \
                    and (not kind or _GENERIC_CORE.match(core[b:])):
                start = base + b
        core = text[start:head]
        if places is not None:
            # 南湖区浙江远航电子有限公司: a county written before a firm is where it is
            span = places.span_at(start)
            if span is not None and span[0] == start and head - span[1] >= 4 \
                    and text[span[1] - 1] in "区县旗":
                start = span[1]
                core = text[start:head]
        if len(core) < 2 or _GENERIC_CORE.match(core) or _COUNTING.search(core):
            continue
        name = text[start:end]
        place_len = 0
        if places is not None:
            span = places.span_at(start)
            if span is not None and span[0] == start and span[1] < head:
                place_len = span[1] - start
        comp = Company(start, end, name, True, short_forms(name, place_len))
        a = _ALIAS.match(text, end)
        if a is not None and not (places is not None and places.span_at(a.start(1)) == a.span(1)
                                  and "称" not in a.group()):
            comp.short.append(a.group(1))  # (not 某集团(成都)…: the place of its branch)
        found.append(comp)
        last_end = end
    # short forms of the legal names and the well-known names, where no legal name is
    shorts: dict[str, str] = {}
    for c in found:
        for s in c.short:
            shorts.setdefault(s, c.name)
    for sf in _subject_firms(text, places, index) + _share_firms(text, places, index) \
            + _trade_firms(text, places, index):
        shorts.setdefault(sf, sf)
    spans = [(c.start, c.end) for c in found]
    extra: list[Company] = []
    for (s, full), starts in zip(shorts.items(), _occurrences(text, list(shorts)), strict=True):
        for i in starts:
            if not _inside(spans, i, i + len(s)) and (
                places is None or not places.covers(i, i + len(s))
            ):
                extra.append(Company(i, i + len(s), s, False, [full]))
    for start, end in _branch_firms(text, places):
        if not _inside(spans, start, end):
            extra.append(Company(start, end, text[start:end], False, []))
    names = _known()
    tags = word_tags()
    for k, start, end in word_hits.hits(text, "firms"):
        if not _inside(spans, start, end) and (places is None or not _cut_by_place(places, start, end)):
            if 0 < start and end < len(text) and text[start - 1:start + 1] in tags \
                    and text[end - 1:end + 1] in tags:
                continue  # 华中|煤运: 中煤 straddles two words, it names no firm
            if end < len(text) and text[end - 1:end + 1] in _WORKS_ACROSS:
                continue  # 宝中|铁路: 中铁 runs into the line's kind, it names no firm
            extra.append(Company(start, end, names[k], False, []))
    if extra:
        # longest first at each position, then drop overlaps
        extra.sort(key=lambda c: (c.start, -(c.end - c.start)))
        merged = sorted(found + extra, key=lambda c: (c.start, -(c.end - c.start)))
        out: list[Company] = []
        for c in merged:
            if out and c.start < out[-1].end:
                continue
            out.append(c)
        return out
    return found


def _share_firms(text: str, places: Protected | None, index: TextIndex) -> list[str]:
    """Listed firms called by their short name and 股份 (中色股份, 驰宏股份), written at least
    twice and not as shares (持有…股份, 股份制, 股份合作)."""
    out: list[str] = []
    for m in finditer_in(_SHARE_FIRM, text, index.clauses_holding(_SHARE_WORDS)):
        name = m.group()
        core = name[:-2]
        if name in out or _GENERIC_CORE.match(core) or _INDUSTRY.match(core) \
                or _NOT_SUBJECT_FIRM.search(core) or word_tags().get(core, "n")[:1] in "pcdvrtfm":
            continue
        if places is not None and places.covers(m.start(), m.end() - 2) \
                and places.span_at(m.start()) == (m.start(), m.end() - 2):
            continue  # 浙江股份…: a place alone is no firm
        if text.count(name) >= 2:
            out.append(name)
    return out


def _subject_firms(text: str, places: Protected | None, index: TextIndex) -> list[str]:
    """Firms named without a legal form as the subject of a filing verb at a clause start
    (亨通光电拟…, 联创光电披露…), written at least twice in the text."""
    out: list[str] = []
    for m in finditer_in(_SUBJECT_FIRM, text, index.clauses_holding(_FILING_WORDS)):
        name = m.group(1)
        if name in out or _NOT_SUBJECT_FIRM.search(name) or _GENERIC_CORE.match(name) \
                or _INDUSTRY.match(name) or word_tags().get(name, "n")[:1] in "pcdvrtfm":
            continue
        if places is not None and places.covers(m.start(1), m.end(1)):
            continue
        if text.count(name) >= 2:
            out.append(name)
    return out


# A firm named by its home and brand, its branch's place in brackets after it (上海某康(成都)…,
# 深圳某示（自贡）…), opening a clause or a list item.
_BRANCH_FIRM = re.compile(
    r"(?:(?<=[，,。；;：:、\n“”　 的])|^)([\u4e00-\u9fff]{4,8}?)[（(]([\u4e00-\u9fff]{2,4})[)）]"
    r"(?=[\u4e00-\u9fffA-Za-z0-9])")
_OPEN_BRACKET = re.compile("[（(]")
# (one kind of bracket alone: `re` finds a single character at C speed, while a class costs a
# test at every character of the text, ~10 ms per MB; 2 articles in 246 use both kinds)
_FULL_OPEN = re.compile("（")
_HALF_OPEN = re.compile(r"\(")


def _branch_firms(text: str, places: Protected | None) -> list[tuple[int, int]]:
    """Firms named by home place and brand before the bracketed place of their branch
    (深圳某示(自贡)电子信息产品制造项目: 深圳某示): both bracket and home are places. Their
    spans (a home place is part of these names, which the short-form search would refuse)."""
    out: list[tuple[int, int]] = []
    if places is None or ("(" not in text and "（" not in text):
        return out
    # (its name is 4 to 8 Chinese characters right before an opening bracket: the pattern is
    # tried only there, not at every character of the article, which cost 3% of the extraction)
    mark = _OPEN_BRACKET if "(" in text and "（" in text else \
        _FULL_OPEN if "（" in text else _HALF_OPEN
    for m in finditer_by_mark(_BRANCH_FIRM, text, mark, (4, 8)):
        home = places.span_at(m.start(1))
        if home is None or home[0] != m.start(1) or m.end(1) - home[1] < 2 \
                or places.span_at(m.start(2)) != (m.start(2), m.end(2)):
            continue
        brand = text[home[1]:m.end(1)]
        if _GENERIC_CORE.match(brand) or _INDUSTRY.match(brand) \
                or places.covers(home[1], m.end(1)):
            continue
        out.append((m.start(1), m.end(1)))
    return out


def _trade_firms(text: str, places: Protected | None, index: TextIndex | None = None) -> list[str]:
    """Firms a business story names by brand and trade alone (东岳汽车, 蓉通客车, 秦川重汽) as a
    clause's subject before what firms do (…与某开发区签约, …总投资40亿元的…, …在某地开工), or
    as the partner 与…签约 names."""
    out: list[str] = []
    if not any(w in text for w in _TRADE_CUES):
        return out
    # (every match holds a trade word and no clause break: the clauses holding one suffice)
    spans = index.clauses_holding(_TRADE_WORDS) if index is not None else [(0, len(text))]
    for m in finditer_in(_TRADE_FIRM, text, spans):
        name = m.group(1) or m.group(2)
        start = m.start(1) if m.group(1) else m.start(2)
        if name in out or _INDUSTRY.match(name) or _NOT_SUBJECT_FIRM.search(name) \
                or _GENERIC_CORE.match(name):
            continue
        if places is not None and places.covers(start, start + 2):
            continue  # 襄阳汽车, 长沙汽车: a place's industry, not a firm
        out.append(name)
    return out


def _cut_by_place(places: Protected, a: int, b: int) -> bool:
    """Whether a place name crosses an edge of text[a:b] or is the whole of it (济宁|宁德时代
    is cut by 济宁 only if 济宁宁 were a place; 宁德 inside 宁德时代 is part of the firm's name)."""
    if not places.covers(a, b):
        return False
    k = bisect.bisect_left(places.starts, a - 60)
    for s, e in places.spans[k:]:
        if s >= b:
            break
        if e > a and (s < a or e > b or (s, e) == (a, b)):
            return True
    return False


def _inside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """True when [a, b) overlaps one of the sorted, non-overlapping `spans`."""
    k = bisect.bisect_left(spans, (b, b))
    return any(s < b and a < e for s, e in spans[max(0, k - 2):k])
