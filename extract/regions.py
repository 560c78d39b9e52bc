"""Resolving place mentions to gazetteer units with the whole article as context.

    resolver = RegionResolver.default()
    ctx = resolver.article_context(text, pub_date="2015-08-11", source="桐乡新闻网")
    ctx.focus                    # Region of the unit the article speaks for (我市 = 桐乡市)
    ctx.mentions                 # resolved PlaceMentions with role location|origin|foreign|other
    ctx.region_at(start, end)    # best project location for a span

A mention's candidates are scored by the article's other mentions (a county whose city or
province is named elsewhere wins), by distance (an address chain 湖州市吴兴区东林镇 binds
tightest), by the outlet's region and by the publication year (富阳 is 富阳市 in 2013 and
富阳区 from 2014). Short names that are ordinary words (比如, 新建, 朝阳) and town short
names stand only with support from the rest of the text. What cannot be decided keeps a
confidence below 0.6 and its alternatives: nothing is guessed silently.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from touzi.extract.places import (
    DEICTIC,
    DIVISION,
    FOREIGN,
    GENERIC_ZONE,
    GENERIC_ZONE_WORDS,
    KIND_NAMES,
    TOWN,
    ZONE,
    Entry,
    PlaceIndex,
    default_index,
)
from touzi.extract.site_places import portal_place
from touzi.schema.gazetteer import CURRENT_YEAR, MUNICIPALITIES, Division, Gazetteer, Town, Zone

LOCATION, ORIGIN, FOREIGN_ROLE, OTHER = "location", "origin", "foreign", "other"

_UNIT_WORD_CHARS = frozenset("省市县区州盟旗镇乡村")
# Words that join two places (铜仁至吉首铁路, 衢江和龙游): the second is a place of its own.
_LINKS = frozenset("至到和与及或经往赴从在于")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
# A government's report to its people's congress (在某省第N届人民代表大会…会议上)
# speaks for that government's unit, however often it names the unit's cities.
_CONGRESS = re.compile(r"在([\u4e00-\u9fff]{2,15}?)第[一二三四五六七八九十百\d]+届\s*人民代表大会")
_CONGRESS_HEAD = 400
# The National People's Congress: the State Council speaks for the nation, no region's focus.
_NATIONAL_CONGRESS = re.compile(r"第[一二三四五六七八九十百\d]+届\s*全国人民代表大会")
_CLAUSE_END = re.compile(r"[。！？!?；;\n，,、：:]")
_ORG_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,8}?(商会|协会|联盟|同乡会|校友会|联合会)")
# Between a place and the organisation it names (温州服装商会) stand only the trade's words:
# a verb or a conjunction there (…区拜访温州商会) means the place is not the organisation's.
_ORG_GAP_STOP = re.compile(
    r"拜访|走访|参加|出席|会见|召开|举办|考察|对接|洽谈|邀请|带领|率队|联系|看望|慰问|前往|"
    r"与|和|同|向|赴")
_COMPANY_AFTER = re.compile(
    r"^[\u4e00-\u9fff（）()A-Za-z0-9]{1,24}?(有限责任公司|有限公司|股份公司|集团|公司)")
# A short name followed by a firm's words is that firm's name (宝丰集团, 宝丰能源股份, 某某能源
# (600989)), not where anything happens: a firm word itself, or a trade word that a firm word,
# a stock code or the end of the clause follows (a trade word alone is mostly the place's
# sector: 榆林能源化工基地).
_FIRM_AFTER = re.compile(
    r"(?:集团|股份|控股|实业|药业|置业)"
    r"|(?:能源|科技|化工|化纤|钢铁|矿业|电力|电气|重工|机械|制药|纺织|食品|乳业|酒业|水泥|汽车"
    r"|新材料)(?:集团|股份|控股|有限|公司|[（(]\d{6}|[，。；;,])")
# A transliterated personal name (马克斯·宁德) whose part after the dot is a place's short name,
# told by the speech verb after it: that surface is the person throughout the article (据宁德
# 透露). Slogans with a dot (乐·上海, 营商广西·桂在便利) have no speech verb after them.
_NAME_DOTS = frozenset("·・•")
_SPEECH_AFTER = re.compile(r"(?:先生|女士)?(?:表示|透露|称|说|指出|介绍|认为|强调|坦言)")
_ORIGIN_AFTER = ("籍", "客商", "企业家", "商人", "老乡", "资企业")
_ORIGIN_BEFORE = ("来自",)
# 承接北京项目, 引进上海项目, 新开工北京项目11个: projects from another province's investors
_TAKEN_IN = ("承接", "引进", "招引", "引进的")
_COUNTED_PROJECTS = re.compile(r"项目\d+个")
_GUESTS_AHEAD = re.compile(r"[^。；;，,]{0,16}?(?:企业|客商|投资商|嘉宾|代表|商会)")
_OTHER_BEFORE = ("赴", "前往", "远销", "销往", "出口到", "出口至", "发往")
# Titles before a person's name (书记田某某): a place's short name right after the surname is
# the given name.
_TITLES = ("书记", "市长", "县长", "区长", "省长", "州长", "镇长", "乡长", "旗长", "盟长",
           "主任", "局长", "厅长", "部长", "处长", "主席", "委员", "经理", "董事长",
           "院长", "校长", "记者", "代表", "组长", "队长", "总裁")  # (for str.endswith)
_DATELINE = re.compile(
    r"(新华社|中新社|中新网|人民网|央视网|新华网|本报|记者)([\u4e00-\u9fff]{2,12}?)"
    r"\d{1,2}月\d{1,2}日(电|讯)")
_LEVEL_CUES = {
    "市": ("市委", "市政府", "市长", "我市", "全市", "本市"),
    "县": ("县委", "县政府", "县长", "我县", "全县", "本县"),
    "区": ("区委", "区政府", "区长", "我区", "全区", "本区", "管委会"),
}
_ZONE_KIND_GROUPS = {
    "经济技术开发区": "经开", "经开区": "经开", "经济开发区": "经开", "开发区": "经开",
    "高新技术产业开发区": "高新", "高新技术产业园区": "高新", "高新区": "高新",
    "新区": "新区", "港区": "港区", "工业园区": "园区", "产业园区": "园区", "工业园": "园区",
    "产业园": "园区", "产业集聚区": "园区", "综合保税区": "保税", "保税港区": "保税",
}


class _LevelCues:
    """How often an article speaks as a city, a county or a district (市委, 全县, 区政府…),
    counted on first use: most articles never ask."""

    __slots__ = ("_counts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._counts: dict[str, int] | None = None

    def __getitem__(self, level: str) -> int:
        if self._counts is None:
            self._counts = {}
        n = self._counts.get(level)
        if n is None:
            text = self._text
            n = self._counts[level] = sum(text.count(c) for c in _LEVEL_CUES[level])
        return n


@dataclass(slots=True)
class Region:
    """A resolved place: names are full official names (浙江省, 湖州市, 长兴县); `adcode` is
    the six-digit code of the most specific administrative unit (a town or zone carries its
    county's, or its city's when it has no county)."""

    province: str | None = None
    city: str | None = None
    county: str | None = None
    town: str | None = None
    zone: str | None = None
    adcode: str | None = None
    confidence: float = 1.0
    alternatives: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """The record form: province, city, county, town, zone, adcode, confidence, alternatives."""
        return {
            "province": self.province, "city": self.city, "county": self.county,
            "town": self.town, "zone": self.zone, "adcode": self.adcode,
            "confidence": round(self.confidence, 3), "alternatives": list(self.alternatives),
        }

    def with_confidence(self, confidence: float, alternatives: list[str] | None = None) -> Region:
        """A copy with another confidence (and alternatives)."""
        return Region(self.province, self.city, self.county, self.town, self.zone, self.adcode,
                      confidence, list(alternatives if alternatives is not None
                                       else self.alternatives))


@dataclass(slots=True)
class PlaceMention:
    """A place named in the text: its span, what it may name, and (after `article_context`)
    the region chosen and its role."""

    start: int
    end: int
    text: str
    kind: str  # division | town | zone | foreign | deictic | generic_zone
    candidates: list[Region]
    role: str = LOCATION  # location | origin | foreign | other
    region: Region | None = None
    foreign: str | None = None  # the country or world region, for kind == "foreign"
    entries: tuple[Entry, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, object]:
        """JSON form: start, end, text, kind, role, foreign, region, candidates."""
        return {
            "start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
            "role": self.role, "foreign": self.foreign,
            "region": self.region.to_dict() if self.region else None,
            "candidates": [c.to_dict() for c in self.candidates],
        }


@dataclass
class ArticleRegions:
    """The places of one article: the region it speaks for and every resolved mention."""

    text: str
    year: int | None
    focus: Region | None
    outlet: Region | None
    mentions: list[PlaceMention]
    _starts: list[int] = field(default_factory=list, repr=False)
    _provinces: Counter[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._starts = [m.start for m in self.mentions]

    def province_counts(self) -> Counter[str]:
        """How often each province (two-digit code) is the place of a location mention."""
        if self._provinces is None:
            self._provinces = Counter(
                m.region.adcode[:2] for m in self.mentions
                if m.region is not None and m.region.adcode and m.role == LOCATION
                and m.region.adcode[:2] not in ("10", "00"))
        return self._provinces

    def focus_holds(self, share: float) -> bool:
        """Whether the focus's province holds `share` of the location mentions (ten or more):
        the article is told from that province (its own report, a story set there)."""
        if self.focus is None or not self.focus.adcode:
            return False
        provinces = self.province_counts()
        total = sum(provinces.values())
        return total >= 10 and provinces.get(self.focus.adcode[:2], 0) >= total * share

    def locations(self) -> list[PlaceMention]:
        """Mentions that can be a project's location (role location, region known)."""
        return [m for m in self.mentions if m.role == LOCATION and m.region is not None]

    def region_at(self, start: int, end: int) -> Region | None:
        """The best project location for the span [start, end): a place inside the span
        (the first address chain), else the nearest in the same sentence, else the nearest
        before it in the paragraph, else the focus. Origin, foreign and other places never."""
        text = self.text
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
        usable = [m for m in self.mentions if m.role == LOCATION and m.region is not None]
        above = self._above_focus()
        inside = [m for m in usable if m.start >= start and m.end <= end and _key(m) not in above]
        if inside:
            return _chain_end(inside, 0)
        s_start, s_end = _bounds(text, start, end, _SENTENCE_END)
        same = [m for m in usable if m.start >= s_start and m.end <= s_end and _key(m) not in above]
        if same:
            best = min(same, key=lambda m: (_gap(m, start, end), m.start > start))
            return _chain_end(same, same.index(best))
        # Nearest before: in the paragraph, else within a few hundred characters back.
        p_start = text.rfind("\n", 0, start) + 1
        for lo in (p_start, max(0, start - 300)):
            before = [m for m in usable if lo <= m.start < start and _key(m) not in above]
            if before:
                return _chain_end(before, len(before) - 1)
        return self.focus

    def _above_focus(self) -> set[str]:
        """Adcodes of units that contain the focus (浙江省 in a 桐乡 article): framing, not
        a location, when something more specific is near."""
        focus = self.focus
        if focus is None or not focus.adcode:
            return set()
        code = focus.adcode
        out = {code[:2] + "0000"} if code[2:] != "0000" else set()
        if focus.county or focus.zone or focus.town:
            out.add(code[:4] + "00")
        out.discard(code)
        return out


def merge_chains(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Join address chains (海宁|黄湾镇, 湖州市|吴兴区|东林镇) into one mention carrying the
    most specific region; other mentions pass through."""
    out: list[PlaceMention] = []
    for m in mentions:
        last = out[-1] if out else None
        if last is not None and m.start - last.end <= 0 and last.role == m.role == LOCATION \
                and _contains(last.region, m.region):
            out[-1] = PlaceMention(last.start, m.end, last.text + m.text, m.kind, m.candidates,
                                   m.role, m.region, m.foreign, m.entries)
        else:
            out.append(m)
    return out


def _key(m: PlaceMention) -> str:
    r = m.region
    if r is None or r.adcode is None or r.town or r.zone:
        return ""
    return r.adcode


def _gap(m: PlaceMention, start: int, end: int) -> int:
    if m.end <= start:
        return start - m.end
    if m.start >= end:
        return m.start - end
    return 0


def _chain_end(ms: list[PlaceMention], i: int) -> Region | None:
    """Follow an address chain (湖州市吴兴区东林镇) from ms[i] to its most specific link."""
    cur = ms[i]
    j = i + 1
    while j < len(ms) and ms[j].start - cur.end <= 1 and _contains(cur.region, ms[j].region):
        cur = ms[j]
        j += 1
    return cur.region


def _contains(outer: Region | None, inner: Region | None) -> bool:
    if outer is None or inner is None or not outer.adcode or not inner.adcode:
        return False
    a, b = outer.adcode, inner.adcode
    if a == b:
        return bool((inner.town and not outer.town) or (inner.zone and not outer.zone))
    if a.endswith("0000"):
        return b[:2] == a[:2]
    if a.endswith("00"):
        return b[:4] == a[:4]
    return False


def _bounds(text: str, start: int, end: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    left = 0
    for m in pattern.finditer(text, max(0, start - 400), start):
        left = m.end()
    m = pattern.search(text, end)
    return left, (m.start() if m else len(text))


def _year(pub_date: object) -> int | None:
    if pub_date is None:
        return None
    if isinstance(pub_date, date):
        return pub_date.year
    m = re.match(r"\s*(\d{4})", str(pub_date))
    return int(m.group(1)) if m else None


# A candidate inside the resolver: what it is, the unit codes it sits in, and its region.
@dataclass(slots=True)
class _Cand:
    entry: Entry
    unit: str  # the key used for support: adcode, or T:code / Z:name
    codes: tuple[str, ...]  # adcodes of the unit and its ancestors, most specific first
    region: Region
    date_fit: float
    level: float = 0.0  # the score for the kind of name (division, full name, level)

    def __post_init__(self) -> None:
        e = self.entry
        level = 0.3 if e.kind == DIVISION else 0.0
        level += 0.2 if e.full else 0.0
        if not e.full and e.kind == DIVISION:
            # 长沙 is the city, 长沙县 is written in full: short names favour the higher level.
            level += (3.0, 2.0, 0.0)[e.ref.level - 1]  # type: ignore[union-attr]
        self.level = level


_NO_CANDS: tuple[_Cand, ...] = ()


_CITY_WORD = re.compile(r"(?:地区|市|盟)$")


def _unit_key(c: _Cand) -> tuple[str | None, str | None, str]:
    """A county's identity across recodings (民和 under 海东地区, then 海东市): province, county
    and the city's name without its unit word."""
    return c.region.province, c.region.county, _CITY_WORD.sub("", c.region.city or "")


class _Surface:
    """A surface's candidates in one year, and what they decide without any context."""

    __slots__ = ("anchor", "cands", "fixed", "units")

    def __init__(self, cands: tuple[_Cand, ...]) -> None:
        self.cands = cands
        self.units = len({c.unit for c in cands})
        # The codes an unambiguous, unrisky mention lends the others as support.
        self.anchor: tuple[str, ...] | None = None
        if cands and not any(c.entry.risky or c.entry.weak for c in cands) and (
                self.units == 1 or len({c.region.adcode for c in cands}) == 1):
            self.anchor = cands[0].codes
        elif len(cands) > 1 and all(c.entry.full and c.region.county for c in cands) \
                and len({_unit_key(c) for c in cands}) == 1:
            # 民和回族土族自治县 in 2013, coded under 海东地区 and then 海东市: one unit
            # recoded within the year, whose codes all lend support
            self.anchor = tuple(dict.fromkeys(code for c in cands for code in c.codes))
        # A single candidate that needs no support: chosen whatever the context says.
        self.fixed: tuple[Region, float] | None = None
        if len(cands) == 1 and not (cands[0].entry.risky or cands[0].entry.weak):
            c = cands[0]
            base = 0.95 if c.entry.full else 0.9
            self.fixed = (c.region, round(base * c.date_fit, 3))


_NO_SURFACE = _Surface(_NO_CANDS)


class RegionResolver:
    """Finds place mentions and resolves them against an article's context."""

    def __init__(self, index: PlaceIndex) -> None:
        self.index = index
        self.g: Gazetteer = index.gazetteer
        self._region_cache: dict[tuple[str, str, int], Region] = {}
        # A surface's candidates for a year are the same in every article: built once.
        self._surface_cache: dict[tuple[str, int | None], _Surface] = {}
        self._by_short: dict[tuple[str, str | None], list[Division]] | None = None
        self._zones_by_unit: dict[str, list[Zone]] = {}
        for zone in self.g.zones:
            self._zones_by_unit.setdefault(zone.adcode, []).append(zone)
        # Holding units by their province and prefecture prefixes (insertion order kept).
        self._units_by_prefix: dict[str, list[str]] = {}
        for code in self._zones_by_unit:
            for prefix in {code[:2], code[:4]}:
                self._units_by_prefix.setdefault(prefix, []).append(code)

    _default: RegionResolver | None = None

    @classmethod
    def default(cls) -> RegionResolver:
        """The resolver over the shipped gazetteer (built once per process)."""
        if cls._default is None:
            cls._default = cls(default_index())
        return cls._default

    # -- regions for gazetteer entries -------------------------------------------------
    def division_region(self, div: Division, year: int | None = None) -> Region:
        """The Region of a division as it stood in `year` (names of its ancestors then)."""
        when = year if year is not None and div.in_force(year) else (div.valid_to or CURRENT_YEAR)
        key = (div.adcode, div.name, when)
        hit = self._region_cache.get(key)
        if hit is not None:
            return hit
        chain = self.g.chain(div, when)
        prov = chain[0]
        region = Region(province=prov.name, adcode=div.adcode)
        if prov.adcode in MUNICIPALITIES:
            region.city = prov.name  # records use the municipality as city too
        for d in chain[1:]:
            if d.level == 2:
                region.city = d.name
            elif d.level == 3:
                region.county = d.name
        self._region_cache[key] = region
        return region

    def town_region(self, town: Town, year: int | None = None) -> Region:
        """The Region of a town: its county's, with `town` set (zone too when NBS lists it
        under a development zone)."""
        code = town.county or town.city
        div = self.g.division(code, year)
        base = self.division_region(div, year) if div else Region(adcode=code)
        return Region(base.province, base.city, base.county, town.name, town.zone, base.adcode)

    def zone_region(self, zone: Zone, year: int | None = None, name: str | None = None) -> Region:
        """The Region of a zone: its holding unit's, with `zone` set (in a year the holding
        unit was not in force, its namesake then: 龙海区 → 龙海市 before 2021)."""
        div = self.g.division(zone.adcode, year)
        if div is not None and year is not None and not div.in_force(year):
            div = self._namesake(div, year) or div
        base = self.division_region(div, year) if div else Region(adcode=zone.adcode)
        return Region(base.province, base.city, base.county, None, name or zone.name, base.adcode)

    def _namesake(self, div: Division, year: int) -> Division | None:
        """The unit of the same short name under the same parent in force in `year` (the
        county-level city a district was before), if exactly one."""
        if self._by_short is None:
            self._by_short = {}
            for d in self.g.divisions:
                self._by_short.setdefault((d.short, d.parent), []).append(d)
        found = [d for d in self._by_short.get((div.short, div.parent), [])
                 if d.in_force(year) and d.level == div.level]
        return found[0] if len(found) == 1 else None

    def _cand(self, entry: Entry, year: int | None) -> _Cand | None:
        kind = entry.kind
        if kind == DIVISION:
            div: Division = entry.ref  # type: ignore[assignment]
            region = self.division_region(div, year)
            fit = _date_fit(div, year)
            return _Cand(entry, div.adcode, _codes(div.adcode), region, fit)
        if kind == TOWN:
            town: Town = entry.ref  # type: ignore[assignment]
            region = self.town_region(town, year)
            return _Cand(entry, "T:" + town.code, _codes(region.adcode or town.city), region, 1.0)
        if kind == ZONE:
            zone: Zone = entry.ref  # type: ignore[assignment]
            region = self.zone_region(zone, year)
            return _Cand(entry, "Z:" + zone.name, _codes(zone.adcode), region, 1.0)
        return None

    def _surface(self, surface: str, entries: tuple[Entry, ...], year: int | None) -> _Surface:
        """The deduplicated candidates of a surface in `year` and what follows from them
        alone (cached: the same surface always carries the same entries)."""
        key = (surface, year)
        hit = self._surface_cache.get(key)
        if hit is None:
            if len(self._surface_cache) > 200_000:
                self._surface_cache.clear()  # bounded: years and surfaces of a long-lived process
            cands = tuple(_dedupe([c for c in (self._cand(e, year) for e in entries) if c]))
            hit = self._surface_cache[key] = _Surface(cands)
        return hit

    # -- finding -----------------------------------------------------------------------
    def find(self, text: str) -> list[PlaceMention]:
        """Every place mention in `text` with all its candidates (no article context beyond
        the text itself: common-word short names need support within the same text)."""
        return self._resolve(text or "", None, None, None).mentions

    # -- resolving ---------------------------------------------------------------------
    def article_context(self, text: str, pub_date: object = None, source: str | None = None,
                        url: str | None = None, title: str | None = None) -> ArticleRegions:
        """Resolve every mention of an article and find the region it speaks for."""
        year = _year(pub_date)
        # a county's portal (minhou.gov.cn) says 我县: its address names the county
        header = " ".join(x for x in (source, title, portal_place(url, year)) if x)
        return self._resolve(text or "", year, header, url)

    def resolve(self, text: str, context: str | None = None,
                pub_date: object = None) -> list[PlaceMention]:
        """The location mentions of a short `text` (a name, an address), resolved with an
        optional context text (the article around it)."""
        text = text or ""
        if context:
            full = context + "\n" + text
            ctx = self._resolve(full, _year(pub_date), None, None)
            offset = len(context) + 1
            out = []
            for m in ctx.mentions:
                if m.start >= offset:
                    m.start -= offset
                    m.end -= offset
                    out.append(m)
            return out
        return self._resolve(text, _year(pub_date), None, None).mentions

    def _resolve(self, text: str, year: int | None, header: str | None,
                 url: str | None) -> ArticleRegions:
        raws = self.index.spans(text)
        head_len = _header_length(text)
        # Outlet: the source/site/title given, else the page header lines.
        outlet_support: dict[str, float] = {}
        header_cands: list[_Cand] = []
        risky_heads: list[tuple[Entry, ...]] = []
        if header:
            for _start, _end, entries in self.index.spans(header):
                if any(e.risky and not e.weak for e in entries):
                    risky_heads.append(entries)
                cands = [c for c in (self._cand(e, year) for e in entries
                                     if not e.risky and not e.weak) if c]
                if len({c.unit for c in cands}) == 1:
                    header_cands.append(cands[0])
                    for code in cands[0].codes:
                        outlet_support[code] = outlet_support.get(code, 0.0) + 3.0

        mentions: list[PlaceMention] = []
        surfaces: list[_Surface] = []
        # Support from unambiguous, unrisky mentions (and the header/title, weighted).
        support: dict[str, float] = dict(outlet_support)
        anchors: list[tuple[int, int, tuple[str, ...]]] = []
        for start, end, entries in raws:
            kind = entries[0].kind
            surface = text[start:end]
            m = PlaceMention(start, end, surface, KIND_NAMES[kind], [], entries=entries)
            mentions.append(m)
            if kind == FOREIGN:
                m.role, m.foreign = FOREIGN_ROLE, str(entries[0].ref)
                surfaces.append(_NO_SURFACE)
                continue
            if kind == DEICTIC or kind == GENERIC_ZONE:
                surfaces.append(_NO_SURFACE)
                continue
            sf = self._surface(surface, entries, year)
            surfaces.append(sf)
            codes = sf.anchor
            if codes is not None:
                w = 2.0 if m.start < head_len else 1.0
                for code in codes:
                    support[code] = support.get(code, 0.0) + w
                anchors.append((m.start, m.end, codes))
        anchor_starts = [a[0] for a in anchors]
        for entries in risky_heads:
            # 青海民和… as the title: an ordinary-word name the body names in full (民和回族土族
            # 自治县) is the outlet's too
            body = [c for c in (self._cand(e, year) for e in entries if e.risky and not e.weak)
                    if c and support.get(c.codes[0], 0.0) > outlet_support.get(c.codes[0], 0.0)]
            if body and len({_unit_key(c) for c in body}) == 1:
                best = max(body, key=lambda c: c.date_fit)
                header_cands.append(best)
                for code in best.codes:
                    outlet_support[code] = outlet_support.get(code, 0.0) + 3.0
                    support[code] = support.get(code, 0.0) + 3.0

        # Choose each mention's candidate; then once more with the support of the mentions
        # that were ambiguous at first (河南开封 … 鼓楼区: 开封 is 开封市 or 开封县 at first).
        anchor_ids = set(anchor_starts)  # mentions never overlap: a start names one mention
        self._choose(mentions, surfaces, support, {}, outlet_support, anchors, anchor_starts,
                     True, text)
        extra: dict[str, float] = {}
        own: dict[str, dict[str, float]] = {}
        for m, sf in zip(mentions, surfaces, strict=True):
            if len(sf.cands) < 2 or m.region is None or m.start in anchor_ids \
                    or m.region.confidence < 0.5 or not m.region.adcode:
                continue
            # Keyed by the surface: 抚顺 … 抚顺 must not make the county 抚顺县 win through
            # the support its own namesakes gave to the city 抚顺市.
            mine = own.setdefault(m.text, {})
            for code in _codes(m.region.adcode):
                mine[code] = mine.get(code, 0.0) + m.region.confidence
                extra[code] = extra.get(code, 0.0) + m.region.confidence
        if extra:
            merged = dict(support)
            for code, w in extra.items():
                merged[code] = merged.get(code, 0.0) + w
            self._choose(mentions, surfaces, merged, own, outlet_support, anchors, anchor_starts,
                         False, text)

        _drop_strays(text, mentions, surfaces, outlet_support)
        roles_from_text(text, mentions, self)
        national = _NATIONAL_CONGRESS.search(text, 0, _CONGRESS_HEAD) is not None
        congress = None if national else self._congress_unit(text, year)
        focus = None if national else congress or self._focus(
            text, mentions, support, outlet_support, header_cands, year, head_len)
        self._province_shorts(text, mentions, focus, year)
        cues = _LevelCues(text)
        self._resolve_deictic_and_zones(text, mentions, focus, year, cues=cues)
        zone_focus = focus if national or congress else self._zone_focus(text, mentions, focus,
                                                                          cues)
        if zone_focus is not focus:
            # The article speaks for a zone: 全区/我区 point at it, so resolve them again.
            focus = zone_focus
            for m in mentions:
                if m.kind == "deictic":
                    m.region, m.role = None, LOCATION
            self._resolve_deictic_and_zones(text, mentions, focus, year, only_deictic=True,
                                            cues=cues)
        return ArticleRegions(text=text, year=year, focus=focus,
                              outlet=header_cands[-1].region if header_cands else None,
                              mentions=[m for m in mentions if m.kind != "unsupported"])

    def _province_shorts(self, text: str, mentions: list[PlaceMention], focus: Region | None,
                         year: int | None) -> None:
        """A bare short name that is a province's and one of its cities' (吉林, 海南) names
        the province where the article speaks for that province, or where a place of the
        province follows it (吉林长春): a city is named with its unit word or a zone's
        (吉林市, 吉林高新区), which the automaton reads as another name."""
        focus_code = focus.adcode if focus is not None and focus.adcode \
            and focus.adcode.endswith("0000") and not (focus.town or focus.zone) else None
        for i, m in enumerate(mentions):
            r = m.region
            if m.kind != "division" or r is None or not r.adcode or r.adcode.endswith("0000") \
                    or m.role != LOCATION:
                continue
            prov = next((e.ref for e in m.entries if e.kind == DIVISION and not e.full
                         and isinstance(e.ref, Division) and e.ref.level == 1
                         and e.ref.adcode[:2] == r.adcode[:2]), None)
            if prov is None or text.startswith(("市", *GENERIC_ZONE_WORDS), m.end):
                continue
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            chained = nxt is not None and nxt.start == m.end and nxt.region is not None \
                and (nxt.region.adcode or "")[:2] == prov.adcode[:2]
            if prov.adcode == focus_code or chained:
                m.region = self.division_region(prov, year).with_confidence(
                    r.confidence, [r.adcode])

    def _choose(self, mentions: list[PlaceMention], surfaces: list[_Surface],
                support: dict[str, float], own: dict[str, dict[str, float]],
                outlet_support: dict[str, float], anchors: list[tuple[int, int, tuple[str, ...]]],
                anchor_starts: list[int], first: bool, text: str | None = None) -> None:
        """Score each mention's candidates against the support and pick the best (`first`:
        the first pass; later passes keep what needs no context)."""
        prev: PlaceMention | None = None
        empty: dict[str, float] = {}
        sget = support.get
        for m, sf in zip(mentions, surfaces, strict=True):
            cs = sf.cands
            if not cs or m.kind == "unsupported":
                continue
            fixed = sf.fixed
            if fixed is not None:
                if first:
                    m.region = fixed[0].with_confidence(fixed[1], [])
                    m.candidates = [fixed[0]]
                prev = m
                continue
            mine = own.get(m.text, empty)
            mget = mine.get
            alone = len(cs) == 1
            self_w = 1.0 if alone or sf.units == 1 else 0.0
            neighbours = () if alone else _neighbours(anchors, anchor_starts, m.start)
            prev_code = None
            if prev is not None and prev.region is not None and m.start - prev.end <= 1:
                prev_code = prev.region.adcode
            scored = []
            # (乌鲁木齐 is 乌鲁木齐市 or its own 乌鲁木齐县: the city's support must not count more
            # for the county inside it than for the city itself)
            namesakes = {c.codes[0] for c in cs} if not alone else ()
            for c in cs:
                e = c.entry
                if (e.risky or e.weak) and not _supported(c, support, outlet_support, alone):
                    continue
                codes = c.codes
                code0 = codes[0]
                if e.risky and e.kind == DIVISION \
                        and sget(code0, 0.0) - mget(code0, 0.0) <= 0 \
                        and not _near(anchors, anchor_starts, m.start, codes[1:2], text=text):
                    # An ordinary-word name (振兴, 新兴, 资源) stands only beside its parent
                    # (辽宁丹东振兴区) or when named in full elsewhere.
                    continue
                if alone:
                    # One candidate: its score decides nothing (confidence is its base).
                    scored.append((1.0, c, 0.0))
                    continue
                ctx = 0.0
                for code in codes[1:]:
                    if code in namesakes:
                        ctx += max(0.0, sget(code, 0.0) - self_w - mget(code, 0.0)) * 0.5
                    else:
                        ctx += sget(code, 0.0) - mget(code, 0.0)
                ctx += max(0.0, sget(code0, 0.0) - self_w - mget(code0, 0.0)) * 0.5
                near = _proximity_of(neighbours, codes) if neighbours else 0.0
                chain = 0.0
                if prev_code is not None and (prev_code in codes[1:] or (
                        e.kind != DIVISION and prev_code == code0)):
                    chain = 6.0
                scored.append(((1.0 + ctx + near + chain + c.level) * c.date_fit, c,
                               ctx + near + chain))
            if not scored:
                m.candidates = [c.region for c in cs]
                m.role = OTHER
                m.kind = "unsupported"
                continue
            scored.sort(key=lambda s: -s[0])
            best_score, best, best_ctx = scored[0]
            e = best.entry
            total = sum(s[0] for s in scored)
            alts = []
            for s in scored[1:]:
                if s[0] >= 0.3 * best_score and s[1].region.adcode not in alts \
                        and s[1].region.adcode != best.region.adcode:
                    alts.append(s[1].region.adcode)
            conf = best_score / total if total else 0.0
            base = 0.95 if e.full else 0.9
            if e.risky or e.weak:
                base = 0.75
            conf = min(base, conf * base + (0.0 if len(scored) == 1 else 0.05)) * best.date_fit \
                if len(scored) > 1 else base * best.date_fit
            if best_ctx <= 0 and not e.full and e.kind == DIVISION and best.region.county \
                    and len({(c.region.province, c.region.city) for c in cs}) > 1 \
                    and not any(code in outlet_support for code in best.codes):
                # A county's short name with nothing else in the text near it: kept, doubted.
                conf = min(conf, 0.45)
            m.region = best.region.with_confidence(round(conf, 3), [a for a in alts if a])
            m.candidates = [s[1].region for s in scored]
            prev = m

    # -- focus -------------------------------------------------------------------------
    def _congress_unit(self, text: str, year: int | None) -> Region | None:
        """The unit whose people's congress a report opening addresses, if one is named in
        full at the start of the text (a government work report speaks for it)."""
        m = _CONGRESS.search(text, 0, _CONGRESS_HEAD)
        if m is None:
            return None
        name = m.group(1)
        for _start, end, entries in reversed(self.index.spans(name)):
            if end != len(name):
                continue  # the unit ends right before 第N届
            if entries[0].kind != DIVISION:
                return None
            cands = [c for c in (self._cand(e, year) for e in entries if e.full) if c]
            if len({c.unit for c in cands}) == 1:
                return cands[0].region.with_confidence(0.95, [])
            return None
        return None

    def _focus(self, text: str, mentions: list[PlaceMention], support: dict[str, float],
               outlet: dict[str, float], header_cands: list[_Cand], year: int | None,
               head_len: int) -> Region | None:
        """The unit the article speaks for: descend from the best province while one child
        holds at least half of the weight of its parent."""
        weight: dict[str, float] = dict(outlet)
        towns: dict[str, tuple[float, Region]] = {}
        for m in mentions:
            r = m.region
            if r is None or m.role != LOCATION or r.adcode is None:
                continue
            w = 2.0 if m.start < head_len else 1.0
            for code in _codes(r.adcode):
                weight[code] = weight.get(code, 0.0) + w
            if r.town or r.zone:
                key = f"{r.adcode}|{r.town}|{r.zone}"
                old = towns.get(key)
                towns[key] = ((old[0] if old else 0.0) + w, r)
        if not weight:
            return None
        provinces = [(w, c) for c, w in weight.items() if c.endswith("0000")]
        if not provinces:
            return None
        provinces.sort(reverse=True)
        top_w, code = provinces[0]
        share = top_w / max(1.0, sum(w for w, _ in provinces))
        for prefix_len in (4, 6):
            children = [(w, c) for c, w in weight.items()
                        if c[:prefix_len - 2] == code[:prefix_len - 2] and c != code
                        and (c.endswith("00") if prefix_len == 4 else not c.endswith("00"))
                        and not c.endswith("0000")]
            if prefix_len == 4 and code in MUNICIPALITIES:
                children = [(w, c) for c, w in weight.items() if c[:2] == code[:2]
                            and not c.endswith("00")]
                prefix_len = 6
            if not children:
                break
            children.sort(reverse=True)
            cw, cc = children[0]
            if cw < 0.5 * weight[code] or (len(children) > 1 and children[1][0] == cw):
                break
            code = cc
            if prefix_len == 6 or len(code) == 6 and not code.endswith("00"):
                break
        div = self.g.division(code, year)
        if div is None:
            return None
        region = self.division_region(div, year).with_confidence(round(min(0.95, share), 3), [])
        # A town or zone that carries most of the county's weight is the focus itself.
        if not code.endswith("00"):
            best = max((v for k, v in towns.items() if k.startswith(code + "|")),
                       default=None, key=lambda v: v[0])
            if best and best[0] >= 0.6 * weight.get(code, 0.0) and best[0] >= 3:
                r = best[1]
                region = r.with_confidence(region.confidence, [])
        return region

    def _zone_focus(self, text: str, mentions: list[PlaceMention],
                    focus: Region | None, cues: _LevelCues | None = None) -> Region | None:
        """A speech by a zone (高新区 … 全区 …) speaks for that zone: when two or more bare
        zone words resolved to the same zone inside the focus, the focus is that zone."""
        if focus is None:
            return None
        counts: dict[str, list[PlaceMention]] = {}
        for m in mentions:
            if m.kind == "generic_zone" and m.region is not None and m.region.zone \
                    and m.region.confidence >= 0.5:
                counts.setdefault(m.region.zone, []).append(m)
        if not counts:
            return focus
        zone, ms = max(counts.items(), key=lambda kv: len(kv[1]))
        r = ms[0].region
        assert r is not None
        if cues is None:
            cues = _LevelCues(text)
        if len(ms) >= 2 and _within(r, focus) and not focus.zone \
                and cues["区"] > max(cues["市"], cues["县"]):  # the text speaks as a 区
            return r.with_confidence(min(r.confidence, focus.confidence), r.alternatives)
        return focus

    # -- deictic forms and bare zone words ---------------------------------------------
    def _resolve_deictic_and_zones(self, text: str, mentions: list[PlaceMention],
                                   focus: Region | None, year: int | None,
                                   only_deictic: bool = False,
                                   cues: _LevelCues | None = None) -> None:
        if cues is None:
            cues = _LevelCues(text)
        last_by_level: dict[str, PlaceMention] = {}
        last_zone: dict[str, PlaceMention] = {}
        for i, m in enumerate(mentions):
            if m.kind == "deictic":
                level = str(m.entries[0].ref)
                if m.text.startswith("该"):
                    ref = last_by_level.get(level)
                    if ref is not None and ref.region is not None:
                        m.region = ref.region.with_confidence(min(0.8, ref.region.confidence), [])
                    elif focus is not None:
                        m.region = _at_level(self, focus, level, year)
                elif focus is not None:
                    m.region = _at_level(self, focus, level, year)
                if m.region is None:
                    m.role = OTHER
            elif m.kind == "generic_zone" and not only_deictic:
                m.region = self._generic_zone(text, mentions, i, focus, last_zone, cues, year)
                if m.region is None:
                    m.role = OTHER
            if m.region is not None and m.role == LOCATION:
                for lv in _levels_of(m.region, m.kind):
                    last_by_level[lv] = m
                if m.region.zone:
                    group = _zone_group(m.region.zone)
                    last_zone[group] = m
                    last_zone[""] = m

    def _generic_zone(self, text: str, mentions: list[PlaceMention], i: int,
                      focus: Region | None, last_zone: dict[str, PlaceMention],
                      cues: _LevelCues, year: int | None) -> Region | None:
        m = mentions[i]
        word = str(m.entries[0].ref)
        group = _ZONE_KIND_GROUPS.get(word, "")
        prev = mentions[i - 1] if i else None
        # 长兴开发区: a zone word right after a place is that place's zone.
        if prev is not None and prev.end == m.start and prev.region is not None \
                and prev.role == LOCATION and prev.kind == "division":
            r = prev.region
            name = prev.text + word
            known = self._zone_in(r.adcode, group)
            if not known and r.adcode and r.adcode.endswith("00") and not r.adcode.endswith("0000"):
                # 漳州开发区, 长沙经开区: the city's zone held by one of its counties, named
                # after the city.
                known = [z for z in self._zone_in(r.adcode, group, subtree=True)
                         if any(n.startswith(prev.text) for n in (z.name, *z.aliases))]
            if len(known) == 1:
                return self.zone_region(known[0], year).with_confidence(0.85, [])
            return Region(r.province, r.city, r.county, r.town, name, r.adcode,
                          min(0.8, r.confidence), [])
        before = text[max(0, m.start - 1):m.start]
        # 市经济开发区 / 县开发区: the zone of the unit the article speaks for.
        if before in ("市", "县", "区") and focus is not None:
            known = self._zone_in(focus.adcode, group)
            if len(known) == 1:
                return self.zone_region(known[0], year).with_confidence(0.8, [])
        # 开发区 after 桐乡市经济开发区: the zone named before.
        ref = last_zone.get(group) or last_zone.get("")
        if ref is not None and ref.region is not None:
            return ref.region.with_confidence(min(0.8, ref.region.confidence), [])
        if focus is None:
            return None
        if focus.zone:
            return focus
        known = self._zone_in(focus.adcode, group, subtree=True)
        if len(known) > 1 and cues["区"] > cues["县"]:
            # 区委区政府 / 全区: the zone lies in a district.
            in_district = [z for z in known
                           if (d := self.g.division(z.adcode, year)) and d.kind == "district"]
            known = in_district or known
        if len(known) == 1:
            return self.zone_region(known[0], year).with_confidence(0.6, [])
        if known:
            regions = [self.zone_region(z, year) for z in known]
            return Region(focus.province, focus.city, focus.county, None, None, focus.adcode,
                          0.3, [f"{r.adcode}:{r.zone}" for r in regions])
        return None

    def _zone_in(self, adcode: str | None, group: str, subtree: bool = False) -> list[Zone]:
        if not adcode:
            return []
        if len(adcode) != 6:
            units = [code for code in self._zones_by_unit
                     if code == adcode or (subtree and code_within(code, adcode))]
        elif subtree and adcode.endswith("0000"):
            units = self._units_by_prefix.get(adcode[:2], [])
        elif subtree and adcode.endswith("00"):
            units = self._units_by_prefix.get(adcode[:4], [])
        else:
            units = [adcode] if adcode in self._zones_by_unit else []
        out = []
        for code in units:
            out.extend(z for z in self._zones_by_unit[code]
                       if not group or _zone_group(z.name) == group
                       or any(_zone_group(a) == group for a in z.aliases))
        return out


_ZONE_WORDS_LONGEST_FIRST = sorted(_ZONE_KIND_GROUPS.items(), key=lambda kv: -len(kv[0]))


@lru_cache(maxsize=4096)
def _zone_group(name: str) -> str:
    for word, group in _ZONE_WORDS_LONGEST_FIRST:
        if name.endswith(word):
            return group
    return ""


def code_within(code: str, outer: str) -> bool:
    """Whether the unit `code` lies within (or is) the unit `outer` (six-digit adcodes)."""
    if outer.endswith("0000"):
        return code[:2] == outer[:2]
    if outer.endswith("00"):
        return code[:4] == outer[:4]
    return code == outer


def _within(inner: Region, outer: Region) -> bool:
    return bool(inner.adcode and outer.adcode and code_within(inner.adcode, outer.adcode))


def _levels_of(region: Region, kind: str) -> list[str]:
    out = []
    if region.town:
        out.append("镇" if region.town.endswith("镇") else "乡")
    if region.zone:
        out.append("区")
    code = region.adcode or ""
    if region.county and not region.town and not region.zone:
        last = region.county[-1]
        out.append({"市": "市", "县": "县", "区": "区", "旗": "县"}.get(last, "县"))
    elif region.city and not region.county and not code.endswith("0000"):
        out.append("市")
    elif code.endswith("0000"):
        out.append("省")
    return out


def _at_level(res: RegionResolver, focus: Region, level: str, year: int | None) -> Region | None:
    """The unit of `level` (省/市/县/区/镇/乡) in the focus' chain: 我市 in a 桐乡 article."""
    conf = min(0.9, focus.confidence)
    if level == "省":
        if focus.adcode is None:
            return None
        div = res.g.division(focus.adcode[:2] + "0000", year)
        return res.division_region(div, year).with_confidence(conf, []) if div else None
    if level in ("镇", "乡"):
        return focus.with_confidence(conf, []) if focus.town else None
    if level == "区" and focus.zone:
        return focus.with_confidence(conf, [])
    if level == "区" and focus.adcode and focus.adcode[:2] in _AUTONOMOUS_REGIONS \
            and not focus.county:
        # 我区, 全区 in a story told from 宁夏, 广西, 西藏, 新疆 or 内蒙古 (or a city of one
        # without a district of its own): the autonomous region
        div = res.g.division(focus.adcode[:2] + "0000", year)
        return res.division_region(div, year).with_confidence(conf, []) if div else None
    if focus.county and focus.county.endswith(level) or (level == "县" and focus.county
                                                          and focus.county.endswith("旗")):
        r = focus
        return Region(r.province, r.city, r.county, None, None, r.adcode, conf, [])
    if level == "市":
        if focus.county and focus.county.endswith("市"):
            return Region(focus.province, focus.city, focus.county, None, None, focus.adcode,
                          conf, [])
        if focus.city and focus.adcode:
            code = focus.adcode[:4] + "00"
            if focus.adcode[:6] in MUNICIPALITIES or focus.province == focus.city:
                code = focus.adcode[:2] + "0000"
            div = res.g.division(code, year)
            if div is not None:
                return res.division_region(div, year).with_confidence(conf, [])
    return None


_AUTONOMOUS_REGIONS = frozenset(("15", "45", "54", "64", "65"))
_CODES: dict[str, tuple[str, ...]] = {}


def _codes(adcode: str) -> tuple[str, ...]:
    """The adcode and its ancestors' adcodes, most specific first."""
    # Asked ~10,000 times a corpus pass for a few hundred codes (every located mention
    # weighs its chain): computed once per code. Codes are gazetteer units, so it stays small.
    hit = _CODES.get(adcode)
    if hit is None:
        if len(_CODES) > 50_000:
            _CODES.clear()  # bounded all the same
        hit = _CODES[adcode] = _code_chain(adcode)
    return hit


def _code_chain(adcode: str) -> tuple[str, ...]:
    out = [adcode]
    if not adcode.endswith("00"):
        out.append(adcode[:4] + "00")
    if not adcode.endswith("0000"):
        out.append(adcode[:2] + "0000")
    if adcode[:2] + "0000" in MUNICIPALITIES and len(out) == 3:
        out.pop(1)  # municipalities have no prefecture level (110100 is not a unit)
    return tuple(out)


def _date_fit(div: Division, year: int | None) -> float:
    if year is None:
        return 1.0 if div.valid_to is None else 0.6
    if div.in_force(year):
        # The year a unit was set up is shared with its predecessor (lists are year-end).
        return 0.8 if year == div.valid_from and div.valid_from > 2005 else 1.0
    if div.valid_to is not None and year == div.valid_to + 1:
        return 0.7
    return 0.3


def _supported(c: _Cand, support: dict[str, float], outlet: dict[str, float],
               alone: bool) -> bool:
    """Whether a risky or weak candidate has support elsewhere: a town short name needs its
    county; a common-word county name its city (or itself named fully); a prefecture its
    province."""
    e = c.entry
    if not (e.risky or e.weak):
        return True

    def has(code: str) -> bool:
        return support.get(code, 0.0) > 0 or code in outlet

    if e.kind in (TOWN, ZONE):
        return has(c.codes[0]) or support.get(c.unit, 0.0) > 0
    # Own support only counts when it came from another mention (a full name elsewhere).
    own = support.get(c.codes[0], 0.0) > (0.0 if not alone else 0.0)
    if c.region.county:
        return own or has(c.codes[1]) if len(c.codes) > 1 else own
    return own or any(has(code) for code in c.codes[1:])


def _near(anchors: list[tuple[int, int, tuple[str, ...]]], starts: list[int], pos: int,
          codes: tuple[str, ...], window: int = 12, text: str | None = None) -> bool:
    """Whether an anchor ending within `window` characters before `pos` is one of `codes`
    (with `text`, not one listed right beside it as a peer: 北京、天津、河北)."""
    if not codes:
        return False
    i = bisect.bisect_left(starts, pos)
    for j in range(max(0, i - 3), i):
        _s, e, acodes = anchors[j]
        if 0 <= pos - e <= window and acodes[0] in codes and (
                text is None or not _PEERS_BETWEEN.fullmatch(text, e, pos)):
            return True
    return False


_PEERS_BETWEEN = re.compile(r"[、，,；;和与及]|以及")


def _dedupe(cs: list[_Cand]) -> list[_Cand]:
    seen: dict[tuple[str, str | None, str | None], _Cand] = {}
    for c in cs:
        key = (c.unit, c.region.county, c.region.city)
        old = seen.get(key)
        if old is None or c.date_fit > old.date_fit:
            seen[key] = c
    return list(seen.values())


def _neighbours(anchors: list[tuple[int, int, tuple[str, ...]]], starts: list[int],
                pos: int) -> list[tuple[tuple[str, ...], float]]:
    """The anchors around `pos` that can lend it proximity (their codes and the weight of
    their distance): looked up once per mention, not once per candidate."""
    i = bisect.bisect_left(starts, pos)
    out = []
    for j in range(max(0, i - 4), min(len(anchors), i + 3)):
        s, _e, acodes = anchors[j]
        if s == pos:
            continue
        dist = abs(s - pos)
        if dist > 200:
            continue
        out.append((acodes, 1.0 - dist / 250))
    return out


_DEPTH_WEIGHT: dict[str, float] = {}


def _depth_weight(code: str) -> float:
    """Proximity weight of a shared unit: a county 1.0, a prefecture 0.6, a province 0.3."""
    w = _DEPTH_WEIGHT.get(code)
    if w is None:
        depth = len(code.rstrip("0"))
        w = _DEPTH_WEIGHT[code] = 1.0 if depth >= 5 else 0.6 if depth >= 3 else 0.3
    return w


def _proximity_of(neighbours: list[tuple[tuple[str, ...], float]],
                  codes: tuple[str, ...]) -> float:
    """Bonus for neighbouring anchors that share this candidate's county, city or province
    (the most specific shared unit counts)."""
    bonus = 0.0
    for acodes, closeness in neighbours:
        w = 0.0
        for code in acodes:
            if code in codes:
                cw = _depth_weight(code)
                if cw > w:
                    w = cw
        if w:
            bonus += w * closeness
    return bonus


def _header_length(text: str) -> int:
    """Characters of the page header: the first line (title) and a short line before it."""
    first = text.find("\n")
    if first < 0:
        return min(len(text), 60)
    second = text.find("\n", first + 1)
    if 0 <= second <= 120:
        return second
    return first


def _is_ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _drop_strays(text: str, mentions: list[PlaceMention], surfaces: list[_Surface],
                 outlet: dict[str, float]) -> None:
    """Drop a county's short name that stands inside a longer word (长江连江支堤) when
    nothing else in the article is in its province and the place named just before it in
    the sentence (湖北荆州) lies in another province: the word is not that county."""
    provinces: dict[str, set[str]] = {}
    for m in mentions:
        if m.region is not None and m.region.adcode and m.kind != "unsupported":
            provinces.setdefault(m.region.adcode[:2], set()).add(m.text)
    prev: PlaceMention | None = None
    for m, sf in zip(mentions, surfaces, strict=True):
        r = m.region
        before = prev
        if r is not None and m.kind != "unsupported":
            prev = m
        if r is None or m.kind != "division" or not sf.cands or not r.county or not r.adcode:
            continue
        e = m.entries[0]
        if e.full or e.kind != DIVISION or before is None or before.region is None \
                or not before.region.adcode:
            continue
        prov = r.adcode[:2]
        if before.region.adcode[:2] == prov or provinces.get(prov, set()) - {m.text} \
                or prov + "0000" in outlet or any(c.codes[-1][:2] != prov for c in sf.cands):
            continue
        if _SENTENCE_END.search(text, before.end, m.start):
            continue  # the place before is in another sentence: no context
        left = text[m.start - 1:m.start] if m.start else ""
        right = text[m.end:m.end + 1]
        if m.start == before.end or not (left and _is_ideograph(left)) or left in _LINKS \
                or not (right and _is_ideograph(right)) or right in _UNIT_WORD_CHARS:
            continue  # 荆州连江, 连江县城, 连江。: a place of its own
        m.kind = "unsupported"
        m.role = OTHER


def _names_org(om: re.Match[str], text: str, mentions: list[PlaceMention], j: int) -> bool:
    """Whether the place chain ending with mentions[j] is the home of the organisation word
    that `om` found after it: only the last place before 商会/协会 is (上海温州商会), not one
    with another place or a verb between (吴兴区拜访上海温州商会)."""
    org_start = mentions[j].end + om.start(1)
    if j + 1 < len(mentions) and mentions[j + 1].start < org_start:
        return False
    return _ORG_GAP_STOP.search(text, mentions[j].end, org_start) is None


def roles_from_text(text: str, mentions: list[PlaceMention], res: RegionResolver) -> None:
    """Mark mentions that are not where something happens: organisations' and companies'
    home places (origin), markets abroad (foreign), datelines and destinations (other)."""
    datelines = [(mt.start(2), mt.end(2)) for mt in _DATELINE.finditer(text)] \
        if "日电" in text or "日讯" in text else []  # (a plain test first: the regex is slow)
    dateline_starts = [a for a, _ in datelines]  # sorted, non-overlapping
    focus_province: str | None = None
    provinces: dict[str, int] = {}
    for m in mentions:
        if m.region is not None and m.region.province:
            provinces[m.region.province] = provinces.get(m.region.province, 0) + 1
    if provinces:
        focus_province = max(provinces, key=lambda p: provinces[p])
    # (北京项目, 上海项目: the investors' home, however often the story names it so)
    built = dict(provinces)
    for m in mentions:
        if m.region is not None and m.region.province and text.startswith("项目", m.end):
            built[m.region.province] -= 1
    built_province = max(built, key=lambda p: built[p]) if built else None
    persons = {m.text for m in mentions
               if m.start >= 2 and text[m.start - 1] in _NAME_DOTS
               and _is_ideograph(text[m.start - 2]) and not any(e.full for e in m.entries)
               and _SPEECH_AFTER.match(text, m.end)} if "·" in text or "・" in text \
        or "•" in text else set()
    for i, m in enumerate(mentions):
        if m.role != LOCATION or m.region is None and m.kind not in ("division", "town", "zone"):
            continue
        if m.text in persons and not any(e.full for e in m.entries):
            m.role = OTHER  # 马克斯·宁德表示…据宁德透露: a person, not the city
            continue
        k = bisect.bisect_right(dateline_starts, m.start) - 1
        if k >= 0 and m.start < datelines[k][1]:
            m.role = OTHER
            continue
        if m.start >= 3 and text[max(0, m.start - 4):m.start - 1].endswith(_TITLES) \
                and _is_ideograph(text[m.start - 1]) and not any(e.full for e in m.entries):
            m.role = OTHER  # 市委书记田卫东, 市长王江山: a person's given name after the surname
            continue
        after = text[m.end:m.end + 30]
        before = text[max(0, m.start - 4):m.start]
        # Chains such as 上海温州商会: every place of the name is the organisation's origin.
        j = i
        while j + 1 < len(mentions) and mentions[j + 1].start == mentions[j].end:
            j += 1
        tail = text[mentions[j].end:mentions[j].end + 12]
        # (the regexes try every length: a plain test for their head words first)
        om = _ORG_AFTER.match(tail) if "会" in tail or "盟" in tail else None
        if om is not None and _names_org(om, text, mentions, j):
            for k in range(i, j + 1):
                if mentions[k].role == LOCATION:
                    mentions[k].role = ORIGIN
            continue
        if after.startswith(_ORIGIN_AFTER) or before.endswith(_ORIGIN_BEFORE):
            m.role = ORIGIN
            continue
        if after.startswith("项目") and built_province and m.region is not None \
                and m.region.province and m.region.province != built_province \
                and (before.endswith(_TAKEN_IN) or _COUNTED_PROJECTS.match(after)):
            m.role = ORIGIN  # 承接北京项目301个 in a 天津 story: projects from 北京, built here
            continue
        k0 = text.rfind("来自", max(0, m.start - 40), m.start)
        if k0 >= 0:
            if not any(c in text[k0:m.start] for c in "。；;！？") and _GUESTS_AHEAD.match(after):
                m.role = ORIGIN  # 来自20多个省市以及港澳台地区的96家企业: the
                continue  # guests' homes, not where the meeting's projects go
        if before.endswith(_OTHER_BEFORE):
            m.role = OTHER
            continue
        if m.kind == "division" and m.region is not None and m.region.county is not None \
                and not any(e.full for e in m.entries) and _FIRM_AFTER.match(after):
            m.role = ORIGIN  # 宝丰能源, 宝丰集团 in a Ningxia article: a firm, not 宝丰县
            continue
        if m.region is not None and ("公司" in after or "集团" in after) \
                and _COMPANY_AFTER.match(after):
            prev = mentions[i - 1] if i else None
            if prev is not None and prev.end == m.start and prev.region is not None \
                    and not _contains(prev.region, m.region):
                m.role = ORIGIN  # 吴兴区|湖州市中跃化纤有限公司: the company's registered home
            elif focus_province and m.region.province != focus_province:
                m.role = ORIGIN  # 香港卓盛发展有限公司 in a Zhejiang article
