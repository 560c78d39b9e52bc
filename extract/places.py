"""Finding place mentions in Chinese text: one Aho–Corasick pass over every gazetteer name.

The automaton holds the full and short names of every province-, prefecture- and
county-level division that was in force since 2005, town full names nationwide (and short
names for Zhejiang), development zones, foreign countries, generic zone words (开发区, 高新区)
and deictic forms (我市, 全区, 该镇). `PlaceIndex.scan(text)` returns the raw mentions after
the guards that keep common words out (比如, 第二天镇政府, 新建项目, 迎着朝阳); choosing
among a mention's candidates with the article's context is `touzi.extract.regions`' job.

Why our own matcher: cpca and jionlp (measured in peers.md) miss short names (椒江, 长兴)
and turn 比如/天镇/新建/朝阳 into counties; neither knows zones or validity years.
"""

from __future__ import annotations

import gc
import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick_rs

from touzi.extract import word_hits
from touzi.schema.gazetteer import Division, Gazetteer, Town, Zone, load

# Entry kinds.
DIVISION, TOWN, ZONE, FOREIGN, DEICTIC, GENERIC_ZONE = range(6)
KIND_NAMES = ("division", "town", "zone", "foreign", "deictic", "generic_zone")

# Short names that are ordinary words far more often than places: accepted only when the
# same text also names the unit's parent or the unit itself in another way.
RISKY_SHORTS = frozenset("""
资源 合作 和平 武功 平原 比如 南部 长安 江南 解放 东方 动力 前进 港口 中原 公安 友好 通道 共和 城中 古城
河口 友谊 平安 中方 凤凰 安定 商城 延长 江山 光明 新兴 运河 太平 四方 万年 东风 红旗 光泽 新建 南岸
东海 城北 会同 工农 大名 龙门 新城 富裕 清水 前锋 复兴 长子 清新 宏伟 平定 芙蓉 洞口 太和 温泉 石门
向阳 振兴 三元 永安 新河 大方 互助 新华 莲花 建平 天桥 安宁 西山 平和 河西 河东 沿河 牡丹 名山 滨海
海港 六合 城西 白云 沙河 大城 江东 吉利 桃源 当阳 建华 大观 建安 永和 二七 南山 五峰 江城 金山 方城
花山 长寿 石棉 丰满 永福 永新 双桥 北湖 城东 南郊 月湖 文峰 高台 九龙 小河 二道 上街 兴隆 无为 民权
同心 小店 宝塔 元宝 平房 青山 南城 万安 太白 定远 白玉 灯塔 木兰 天涯 七星 海棠 博爱 青龙 回民 钟楼
山城 红星 永平 方正 黑水 安居 龙凤 鼓楼 东山 上党 大通 南关 麒麟 新民 富民 下关 水城 紫金 老城 爱民
惠民 新星 和顺 天心 天元 金沙 白沙 平山 城关 永宁 新安 阳明 民和 临江 黑山 湖滨 安达 来宾 白银 安康
阿里 长治 日照 朝阳 市中 中山 江北 西湖 南湖 吉安 普洱 宁安 龙华 龙岗 福田 天河 白山 通化 开化 高明
石狮 建宁 海城 大兴 通州 东城 西城 江岸 江汉 城厢 新市 大麻 河山 梧桐 凤鸣 双林 新丰 永兴 大同 滨湖 大关 江海 同仁 同德 乌兰 朝天 永定 长白 中原 太湖 兴业 惠农 天山 双城 盐湖
巴州 博州 克州 全州
""".split())

# Town short names are loaded for this province only (weak: need their county in context).
TOWN_SHORT_PROVINCES = ("33",)

FOREIGN_NAMES = """
德国 法国 波兰 意大利 美国 日本 韩国 英国 俄罗斯 新加坡 荷兰 比利时 瑞士 瑞典 芬兰 丹麦 挪威 西班牙
葡萄牙 奥地利 捷克 匈牙利 希腊 爱尔兰 卢森堡 加拿大 澳大利亚 新西兰 印度 越南 泰国 马来西亚 印度尼西亚
印尼 菲律宾 巴西 墨西哥 阿根廷 智利 秘鲁 南非 埃及 沙特 沙特阿拉伯 阿联酋 卡塔尔 以色列 土耳其 伊朗
伊拉克 巴基斯坦 哈萨克斯坦 塔吉克斯坦 吉尔吉斯斯坦 乌兹别克斯坦 土库曼斯坦 蒙古国 朝鲜 缅甸 老挝 柬埔寨
孟加拉国 斯里兰卡 尼泊尔 白俄罗斯 乌克兰 塞尔维亚 埃塞俄比亚 肯尼亚 尼日利亚 安哥拉 阿尔及利亚 摩洛哥
欧洲 欧盟 非洲 北美 拉美 东南亚 中亚 中东 东盟 欧美 纽约 伦敦 巴黎 东京 首尔 柏林 莫斯科 迪拜 硅谷
""".split()

# Common first-level units abroad that investment news names (内华达州, 昆士兰州, 安大略省),
# and two capitals whose names end in a country's (努尔苏丹): no maintained Chinese list of
# them is installed, so a short one. Full forms with 州/省 (维多利亚, 华盛顿 alone are people
# and cities more often), and the usual short forms 加州, 宾州 (德州 is a Chinese city: a
# Chinese unit's name always wins over a foreign one).
FOREIGN_STATES = """
加利福尼亚州 加州 得克萨斯州 德克萨斯州 德州 内华达州 纽约州 佛罗里达州 华盛顿州 密歇根州 俄亥俄州
亚利桑那州 犹他州 田纳西州 肯塔基州 南卡罗来纳州 北卡罗来纳州 佐治亚州 印第安纳州 伊利诺伊州
宾夕法尼亚州 宾州 马萨诸塞州 新泽西州 俄勒冈州 科罗拉多州 明尼苏达州 威斯康星州 阿拉斯加州 夏威夷州
路易斯安那州 阿拉巴马州 密苏里州 弗吉尼亚州 艾奥瓦州 爱荷华州 堪萨斯州 内布拉斯加州 俄克拉何马州
新墨西哥州 蒙大拿州 怀俄明州 爱达荷州 昆士兰州 新南威尔士州 维多利亚州 西澳大利亚州 南澳大利亚州
塔斯马尼亚州 北领地 安大略省 魁北克省 不列颠哥伦比亚省 阿尔伯塔省 萨斯喀彻温省 曼尼托巴省 巴伐利亚州
巴登-符腾堡州 北莱茵-威斯特法伦州 下萨克森州 黑森州 萨克森州 西伯利亚 努尔苏丹 阿斯塔纳
""".split()
# Country names from the CLDR data that babel ships (Chinese territory names), left out:
# China's own units, names that are no country, and two-character names that are Chinese
# words or parts of them far more often (蒙古族, 沿海地区 → 海地, 增加纳税 → 加纳, 马里,
# 多哥, 阿曼 as given names).
_CLDR_SKIP = frozenset("""
CN HK MO TW EU EZ UN ZZ XA XB QO AC CP DG EA IC TA AQ BV HM UM
MN HT GH ML TG OM TO
""".split())
# An alias for a name CLDR writes with a qualifier: 刚果（金）/ 刚果（布） are both 刚果.
_PAREN = re.compile(r"[（(][^）)]*[）)]")


def _cldr_countries() -> list[str]:
    """Chinese names of the world's countries and territories (CLDR via babel), when babel
    is installed; else none (the short FOREIGN_NAMES list still applies)."""
    try:
        from babel import Locale  # noqa: PLC0415 (optional: only the index build needs it)
    except ImportError:
        return []
    try:
        territories = Locale("zh").territories
    except Exception:  # noqa: BLE001 (no locale data: fall back to the short list)
        return []
    names = []
    for code, name in territories.items():
        if len(code) != 2 or not code.isalpha() or code in _CLDR_SKIP:
            continue
        base = _PAREN.sub("", name).strip()
        if len(base) >= 2 and "特别行政区" not in base:
            names.append(base)
    return names


# Deictic forms: the level they point at (省/市/县/区/镇/乡). 该X = the nearest X before.
DEICTIC_FORMS = {
    f"{p}{lv}": lv
    for p in ("我", "本", "全", "该")
    for lv in ("省", "市", "县", "区", "镇", "乡")
}
DEICTIC_FORMS.update({"全市域": "市", "全县域": "县", "本地区": "区"})

# Words that name a zone without saying which: resolved against the article's region.
GENERIC_ZONE_WORDS = (
    "经济技术开发区", "经济开发区", "高新技术产业开发区", "高新技术产业园区", "开发区", "高新区",
    "经开区", "新区", "港区", "工业园区", "产业园区", "工业园", "产业集聚区", "综合保税区",
)

# The key of the gazetteer's surfaces in word_hits.
_PLACES = "places"
# A match that runs into one of these is a street, not the place itself (上海的海宁路).
STREET_SUFFIXES = ("路", "街", "大道", "大街", "巷", "大桥", "公路", "高速")
# A short name followed by one of these names a mountain, lake, river, bay or village that
# shares the name (祁连山, 鄱阳湖, 永定河, 崖州湾), unless another place starts right there.
NATURAL_NEXT = frozenset("山湖河江湾岛岭峰峡寺塔村")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Conjunctions before a place (衢江区和龙游县, 项目和龙海): a name that starts with one and
# runs into that place (和龙) is not named.
_CONJUNCTIONS = frozenset("和与及或")
# Unit words that may follow a short name and still be the same place (长兴县城, 湖州市区).
_UNIT_CHARS = frozenset("省市县区州盟旗镇乡村")


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a surface string can name."""

    kind: int  # DIVISION | TOWN | ZONE | FOREIGN | DEICTIC | GENERIC_ZONE
    ref: object  # Division | Town | Zone | str (foreign name, deictic level, zone word)
    full: bool  # the official full name (not a short name or alias)
    risky: bool  # an ordinary word too: needs support elsewhere in the text
    weak: bool  # needs its county in the article's context (town shorts, bare zone names)


@dataclass(slots=True)
class RawMention:
    """A span the automaton found and the guards kept, with every entry it may name."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]


def _words() -> frozenset[str]:
    data = resources.files("touzi.extract").joinpath("place_words.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").split())


class PlaceIndex:
    """The automaton over every place surface, and the guards applied to its matches."""

    def __init__(self, gazetteer: Gazetteer, shared: bool = False) -> None:
        """`shared`: the surfaces are looked for by word_hits' one automaton pass over a text,
        with the other stages' word lists (the process-wide index), not by an automaton of
        the index's own."""
        self.gazetteer = gazetteer
        table: dict[str, list[Entry]] = {}

        def add(surface: str, entry: Entry) -> None:
            if len(surface) >= 2:
                table.setdefault(surface, []).append(entry)

        words = _words()
        # 河北 is 河北省 far more often than 天津's 河北区 (海南: 乌海's 海南区): a county-level
        # unit's short name that is a province's needs support to be the county
        provinces = {d.short for d in gazetteer.divisions if d.level == 1 and d.short}
        for div in gazetteer.divisions:
            # 矿区, 城区, 郊区 are full names and ordinary words at once.
            add(div.name, Entry(DIVISION, div, True, len(div.name) == 2 and div.name in words,
                                False))
            if div.short and div.short != div.name:
                add(div.short, Entry(DIVISION, div, False, div.short in RISKY_SHORTS or (
                    div.level == 3 and div.short in provinces), False))
            for alias in _division_aliases(div):
                add(alias, Entry(DIVISION, div, False, alias in RISKY_SHORTS, False))
        for town in gazetteer.towns:
            if len(town.name) <= 2 or town.kind == "other" and town.name.endswith(
                    GENERIC_ZONE_WORDS + ("园", "园区", "城区", "街道")):
                continue  # NBS statistical units named 街道, 环保产业园, 经济开发区: generic
            add(town.name, Entry(TOWN, town, True, False, False))
            # Town short names only where they are not ordinary words (梧桐, 大麻, 建设).
            if town.short and town.code[:2] in TOWN_SHORT_PROVINCES and town.short not in words \
                    and town.short not in RISKY_SHORTS:
                add(town.short, Entry(TOWN, town, False, False, True))
        names_before = set(table)
        for zone in gazetteer.zones:
            for i, surface in enumerate((zone.name, *zone.aliases)):
                anchored = any(surface.startswith(n) for n in _prefixes(surface, names_before))
                add(surface, Entry(ZONE, zone, i == 0, False, not anchored))
        domestic = set(table)
        for name in dict.fromkeys(FOREIGN_NAMES + FOREIGN_STATES + _cldr_countries()):
            if name not in domestic:  # a Chinese unit of the same name wins (黑山)
                add(name, Entry(FOREIGN, name, True, False, False))
        for form, level in DEICTIC_FORMS.items():
            add(form, Entry(DEICTIC, level, True, False, False))
        for word in GENERIC_ZONE_WORDS:
            table.setdefault(word, []).append(Entry(GENERIC_ZONE, word, True, False, False))

        self.table = {k: tuple(v) for k, v in table.items()}
        self.words = words - set(self.table)
        # Every pair of adjacent characters inside an ordinary word: a word can straddle a
        # match's edge only where the two characters across it form such a pair, which
        # rules out ~80% of matches before any slicing (_boundary_ok).
        self.straddle = frozenset(w[i:i + 2] for w in self.words for i in range(len(w) - 1))
        # One Aho-Corasick automaton over every surface, overlapping matches. ahocorasick_rs
        # (Rust, contiguous NFA) over str: measured on the corpus, 2× faster than
        # pyahocorasick over UTF-8 bytes (whose nodes look their children up linearly) and
        # it gives character offsets itself.
        self.surfaces = list(self.table)
        self.values = [(self.table[k], len(k) >= 2 and any(
            e.full or not (e.risky or e.weak) for e in self.table[k])) for k in self.surfaces]
        self.automaton: ahocorasick_rs.AhoCorasick | None = None
        if shared:
            word_hits.register(_PLACES, lambda: self.surfaces)
        else:
            self.automaton = ahocorasick_rs.AhoCorasick(
                self.surfaces, matchkind=ahocorasick_rs.MatchKind.Standard,
                implementation=ahocorasick_rs.Implementation.ContiguousNFA)

    # -- scanning -----------------------------------------------------------------------
    def scan(self, text: str) -> list[RawMention]:
        """Every place mention in `text`, longest-leftmost, after the word-boundary guards."""
        return [RawMention(start, end, text[start:end], entries)
                for start, end, entries in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int, tuple[Entry, ...]]]:
        """`scan` as (start, end, entries) tuples: the resolver builds its own mention objects
        from them, so no RawMention is built only to be copied."""
        if not text:
            return []
        if text.isascii():
            return []
        if self.automaton is None:
            hits = word_hits.hits(text, _PLACES)
        else:
            try:
                hits = self.automaton.find_matches_as_indexes(text, overlapping=True)
            except UnicodeEncodeError:
                # lone surrogates: each stands for one character, so a stand-in keeps offsets
                hits = self.automaton.find_matches_as_indexes(
                    _SURROGATE.sub("\ufffd", text), overlapping=True)
        if not hits:
            return []
        # Positions covered by a full name or an unrisky short: a word that straddles into
        # them (江湖 in 浙江湖州) is not evidence against the neighbouring match.
        raw: list[tuple[int, int, int]] = []
        covered = bytearray(len(text))
        values = self.values
        for idx, start, end in hits:
            # (start, -end, idx) sorts as (start, longest first) without a key function
            raw.append((start, -end, idx))
            if values[idx][1]:
                covered[start:end] = b"\x01" * (end - start)
        raw.sort()
        longest: dict[int, int] = {}  # start → end of the longest hit there
        for start, neg_end, _idx in raw:
            if start not in longest:
                longest[start] = -neg_end
        out: list[tuple[int, int, tuple[Entry, ...]]] = []
        taken_until = 0
        straddle = self.straddle
        boundary_ok = self._boundary_ok
        for start, neg_end, idx in raw:
            if start < taken_until:
                continue
            end = -neg_end
            entries = values[idx][0]
            if text[start] in _CONJUNCTIONS and longest.get(start + 1, 0) > end:
                continue  # 衢江区|和龙|游县, 项目|和龙|海: 和 joins, 和龙 straddles it
            first = entries[0]
            # _boundary_ok's first test inline: ~75% of matches have no ordinary word
            # that can run across either edge
            if first.kind in (DEICTIC, GENERIC_ZONE) \
                    or (start and text[start - 1:start + 1] in straddle) \
                    or text[end - 1:end + 1] in straddle:
                if not boundary_ok(text, start, end, entries, covered):
                    continue
            if not first.full and first.kind in (DIVISION, TOWN) \
                    and end not in longest and (text[end:end + 1] in NATURAL_NEXT
                                               or text.startswith(STREET_SUFFIXES, end)):
                continue
            out.append((start, end, entries))
            taken_until = end
        return out

    def _boundary_ok(self, text: str, start: int, end: int, entries: tuple[Entry, ...],
                     covered: bytearray) -> bool:
        """Reject a match that is the inside of another word (第二天|镇, 湖州市|场)."""
        kind = entries[0].kind
        if kind in (DEICTIC, GENERIC_ZONE):
            # 全市 inside 全市场, 新区 inside 新区域: the next character decides.
            nxt = text[end:end + 1]
            return not (nxt and text[end - 1:end + 1] in self.words and nxt not in _UNIT_CHARS)
        straddle = self.straddle
        # A word across the left edge holds the pair of characters there, one across the right
        # edge the pair there: an edge whose pair no word holds needs no look (nor does any
        # word reaching across it below).
        left = start > 0 and text[start - 1:start + 1] in straddle
        right = text[end - 1:end + 1] in straddle
        if not left and not right:
            return True  # no ordinary word can run across either edge
        words = self.words
        n = len(text)
        # Left: a word that starts before the match and ends inside it.
        for j in (1, 2, 3) if left else ():
            i = start - j
            if i < 0 or covered[i]:
                break
            for k in (1, 2):
                if start + k >= end:
                    break
                if text[i:start + k] in words and not _ends_word(text, i, start, words):
                    return False
        # Around: an ordinary word that holds the whole match (同心同德, 热火朝天, 金山银山).
        if not entries[0].full:
            for jl in (0, 1, 2) if left else (0,):
                if jl and (start - jl < 0 or covered[start - jl]):
                    break
                for jr in (0, 1, 2) if right else (0,):
                    if jl == jr == 0 or end + jr > n or jr and covered[end + jr - 1]:
                        continue
                    if end - start + jl + jr <= 4 and text[start - jl:end + jr] in words:
                        return False
        # Right: a word that starts inside the match and ends after it.
        for j in (1, 2, 3) if right else ():
            i = end + j
            if i > n or covered[i - 1]:
                break
            for k in (1, 2):
                if end - k <= start:
                    break
                w = text[end - k:i]
                if w in words and not (k == 1 and text[end - 1] in _UNIT_CHARS
                                       and w[-1] in _UNIT_CHARS):
                    return False
        return True


def _ends_word(text: str, i: int, start: int, words: frozenset[str]) -> bool:
    """Whether a longer word ends exactly at `start` and covers text[i:start] (集团|长兴: the
    straddling 团长 loses to 集团, while in 第二天|镇 nothing beats 第二天)."""
    return any(text[j:start] in words for j in range(max(0, start - 4), i))


def _prefixes(surface: str, names: set[str]) -> list[str]:
    return [surface[:k] for k in range(2, min(len(surface), 8)) if surface[:k] in names]


# Nations that prefectures' official names write without 族 (巴音郭楞蒙古自治州, 伊犁哈萨克自治州),
# which the gazetteer's short names keep (巴音郭楞蒙古): the place's own name is before them.
_BARE_NATION = re.compile(r"(?:蒙古|哈萨克|柯尔克孜|维吾尔)$")
# The customary one-character forms of three of them (巴州尉犁县); 巴州 is also 巴中's 巴州区,
# so they are risky: taken only with support from the text (RISKY_SHORTS).
_CUSTOMARY = {"652800": "巴州", "652700": "博州", "653000": "克州"}


def _division_aliases(div: Division) -> list[str]:
    """Colloquial names: 恩施州 for 恩施土家族苗族自治州, 景宁县 for 景宁畲族自治县, 伊犁州 and 伊犁 for
    伊犁哈萨克自治州, 巴州 for 巴音郭楞蒙古自治州."""
    out = []
    if div.short and div.kind == "autonomous_prefecture":
        out.append(div.short + "州")
        bare = _BARE_NATION.sub("", div.short)
        if bare != div.short and len(bare) >= 2:
            out += [bare, bare + "州"]
        if div.adcode in _CUSTOMARY:
            out.append(_CUSTOMARY[div.adcode])
    if div.short and div.kind in ("autonomous_county", "autonomous_banner"):
        out.append(div.short + ("县" if div.kind == "autonomous_county" else "旗"))
    return [a for a in out if a != div.name]


@lru_cache(maxsize=1)
def default_index() -> PlaceIndex:
    """The index over the shipped gazetteer (built once per process)."""
    index = PlaceIndex(load(), shared=True)
    word_hits.prepare()
    # The index's ~200,000 objects live as long as the process; frozen, the cyclic garbage
    # collector stops walking them on every full collection (0.05-0.13 s of a corpus pass).
    gc.freeze()
    return index


def build_words(dict_path: str, out_path: str, min_freq: int = 50) -> int:
    """Write place_words.txt.gz: jieba dictionary words of 2–4 characters seen at least
    `min_freq` times, used to see that a match is the inside of an ordinary word."""
    words = []
    with open(dict_path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and 2 <= len(parts[0]) <= 4 and int(parts[1]) >= min_freq:
                words.append(parts[0])
    with open(out_path, "wb") as fh:
        fh.write(gzip.compress("\n".join(sorted(words)).encode("utf-8"), mtime=0))
    return len(words)


__all__ = [
    "DIVISION", "TOWN", "ZONE", "FOREIGN", "DEICTIC", "GENERIC_ZONE", "GENERIC_ZONE_WORDS",
    "KIND_NAMES",
    "Entry", "RawMention", "PlaceIndex", "default_index", "build_words",
    "Division", "Town", "Zone",
]
