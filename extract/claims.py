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
from typing import Any

from touzi.extract.dates import PubDate
from touzi.extract.events import date_value
from touzi.extract.mention_type import Mention
from touzi.extract.regions import ArticleRegions, Region
from touzi.extract.sentences import TextIndex

# (cue regex, indicator): matched at the end of the figure's left clause; first match wins.
_INDICATORS: list[tuple[str, str]] = [
    (r"制造业(?:完成)?投资", "manufacturing_investment"),
    (r"民间固定资产投资|固定资产投资|固投|全社会投资|(?:全[市省区县]|全国)(?:完成)?投资", "fixed_asset_investment"),
    (r"工业性投[入资]|工业投[资入]|技改投资", "industrial_investment"),
    (r"合同(?:利用)?外资", "contracted_fdi"),
    (r"实到外资|实际(?:利用|使用)外资|到位外资|实际到位外资", "actual_fdi"),
    (r"市外内资|省外内资|引进内资|到位内资|省外资金|实际完成投资额|引进[\u4e00-\u9fff]{0,4}资金",
     "domestic_capital_attracted"),
    (r"财政(?:总)?收入|一般公共预算收入|公共财政预算收入|地方财政收入", "fiscal_revenue"),
    (r"工业增加值", "industrial_value_added"),
    (r"(?:工业)?总产值|产值", "output_value"),
]
_IND_RE = re.compile("|".join(f"({src})" for src, _ in _INDICATORS))
_IND_NAMES = [""] + [name for _, name in _INDICATORS]
# Money cues that make an unowned amount a regional statement of another kind.
_OTHER_CUE = re.compile(
    r"(?:[\u4e00-\u9fff]{0,8}?)(?:投资|投入|资金|基金|贷款|债券|规模|税收|到位资金|签约金额|"
    r"签约资金|完成投资)[\u4e00-\u9fff]{0,4}\Z"
)
_PROJECT_NOUN = re.compile(r"项目|工程")
_EVENT_WORD = re.compile(r"开工|签约|竣工|投产|在建|落地|开竣工|建设|启动|入驻|完成|实施|推进|通车")
_GROWTH_PHRASE = re.compile(r"同比|增长|增速|增幅|下降|提高|增加|减少")
_RANK = re.compile(
    r"(?:位列|位居|居|列|排名|排)[^，。；;]{0,12}?(?:第[一二三四五六七八九十\d]+(?:位|名)?|前列|首位|前茅)"
    r"|[^，。；;]{0,6}(?:前列|首位|第一)"
)
_NATIONAL = re.compile(r"全国|我国|国家|中国")
_PART_BREAK = re.compile(r"[；;。！？!?\n]")
_PERIOD_KINDS = frozenset(("date", "period"))
_REL_DAY = re.compile(r"今天|今日|当天|日前|近日|昨天|几天前")


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
                 ctx: ArticleRegions | None, pub: PubDate | None, used: set[int]) -> None:
        self.text = text
        self.index = index
        self.mentions = mentions
        self.ctx = ctx
        self.pub = pub
        self.used = used
        self.locations = [m for m in (ctx.mentions if ctx else [])
                          if m.role == "location" and m.region is not None]
        self._loc_starts = [m.start for m in self.locations]

    # -- context --------------------------------------------------------------------------
    def _part(self, pos: int) -> tuple[int, int]:
        """The sentence part (between ；/。) holding `pos`."""
        s0, s1 = self.index.sentence(pos)
        return s0, s1

    def region(self, a: int, b: int) -> dict[str, Any]:
        """The region a statement at [a, b) speaks for: the place nearest before the figure in
        its clause (甘肃兰州新区32个…、黑龙江518个…), else the first place of its sentence,
        else the nearest place before it in the paragraph (a headline), else the focus."""
        text = self.text
        s0, s1 = self.index.sentence(a)
        c0 = self.index.clause(a)[0]
        locs = self.locations
        k = bisect.bisect_left(self._loc_starts, a)
        before = [m for m in locs[max(0, k - 40):k] if m.end <= a]
        in_clause = [m for m in before if m.start >= c0]
        national = _NATIONAL.search(text, c0, a)
        if in_clause:
            if national and national.start() > in_clause[-1].end:
                return dict(NATIONAL)
            return _region_dict(in_clause[-1].region)
        if national:
            return dict(NATIONAL)
        in_sentence = [m for m in before if m.start >= s0]
        if in_sentence:
            return _region_dict(in_sentence[0].region)
        after = [m for m in locs[k:k + 10] if m.end <= s1]
        if after:
            return _region_dict(after[0].region)
        if _NATIONAL.search(text, s0, s1):
            return dict(NATIONAL)
        p0 = self.index.paragraph(a)[0]
        lo = p0 if p0 < s0 else self.index.paragraph(max(0, p0 - 1))[0]
        earlier = [m for m in before if m.start >= lo]
        if earlier:
            return _region_dict(earlier[-1].region)
        if self.ctx is not None and self.ctx.focus is not None:
            return _region_dict(self.ctx.focus)
        return _region_dict(None)

    def period(self, a: int) -> tuple[str | None, str | None]:
        """The date or period of the sentence holding `a` (the one nearest before the figure),
        else of the paragraph before it; relative day words resolve against pub_date."""
        s0, s1 = self.index.sentence(a)
        p0 = self.index.paragraph(a)[0]
        best = None
        for m in self.mentions:
            if m.start >= s1:
                break
            if m.kind in _PERIOD_KINDS and m.date and m.start >= p0:
                if m.start < a or (m.start < s1 and best is None and m.start >= s0):
                    if m.start >= s0 or best is None:
                        best = m
        if best is not None and best.start >= s0:
            return date_value(best), best.precision
        rel = None
        for r in _REL_DAY.finditer(self.text, p0, a):
            rel = r
        if rel is not None and self.pub is not None and self.pub.day:
            if rel.group() in ("今天", "今日", "当天"):
                p = self.pub
                return f"{p.year:04d}-{p.month:02d}-{p.day:02d}", "day"
            p = self.pub
            return f"{p.year:04d}-{p.month:02d}", "month"
        if best is not None:
            return date_value(best), best.precision
        return None, None

    # -- figures near an anchor ---------------------------------------------------------------
    def _after(self, anchor: Mention, kinds: tuple[str, ...], limit: int) -> Mention | None:
        """The first mention of `kinds` after the anchor in its sentence part, before the next
        amount or count."""
        for m in self.mentions:
            if m.start < anchor.end:
                continue
            if m.start > limit:
                break
            if m.kind in kinds:
                return m
            if m.kind in ("money", "count") and m is not anchor:
                return None
        return None

    def find(self) -> list[dict[str, Any]]:
        """Every claim of the article (see module doc)."""
        text = self.text
        claims: list[dict[str, Any]] = []
        counts_used: set[int] = set()
        ms = self.mentions
        for i, m in enumerate(ms):
            if m.kind != "money" or id(m) in self.used:
                continue
            s0, s1 = self.index.sentence(m.start)
            part0 = s0
            left = text[max(s0, m.start - 20):m.start]
            ind = None
            im = _last_match(_IND_RE, left)
            if im is not None and im.end() >= len(left) - 12:
                ind = _IND_NAMES[im.lastindex or 0]
            count = self._batch_count(i, part0)
            indicator_text = None
            if ind is None and count is not None:
                ind = "project_investment"
                counts_used.add(id(count))
            elif ind is None and _PROJECT_NOUN.search(text, max(s0, m.start - 24), m.start) \
                    and m.role in ("total", "annual", "completed", "other"):
                ind = "project_investment"
            elif ind is None:
                oc = _OTHER_CUE.search(left)
                if oc is None or m.role not in ("total", "annual", "completed", "fund", "other",
                                                 "loan", "subsidy", "tax"):
                    continue
                ind = "other"
                indicator_text = oc.group()[-12:]
            claims.append(self._claim(m, ind, indicator_text, count))
        # counts of projects with no amount: 19项重点工程…开工
        for m in ms:
            if m.kind != "count" or id(m) in counts_used or not self._is_project_count(m):
                continue
            s0, s1 = self.index.sentence(m.start)
            if not _EVENT_WORD.search(text, s0, s1):
                continue
            claims.append(self._claim(m, "project_count", None, m))
        # growth of an indicator with no amount: 全市投资同比增长21.3%
        for m in ms:
            if m.kind != "growth":
                continue
            left = text[max(self.index.clause(m.start)[0], m.start - 16):m.start]
            im = _IND_RE.search(left)
            if im is None:
                continue
            if any(c.get("_growth_id") == id(m) for c in claims):
                continue
            claims.append(self._claim(m, _IND_NAMES[im.lastindex or 0], None, None,
                                      value=False))
        return _dedupe(claims)

    def _is_project_count(self, m: Mention) -> bool:
        if m.value is None or m.unit not in ("个", "项", "批"):
            return False
        noun = (m.role or "") + self.text[m.end:m.end + 8]
        if _PROJECT_NOUN.search(noun[:10]):
            return True
        before = self.text[max(0, m.start - 6):m.start]
        return before.endswith(("项目", "工程"))

    def _batch_count(self, i: int, s0: int) -> Mention | None:
        """A count of projects before mention i in its sentence (the nearest)."""
        for j in range(i - 1, -1, -1):
            c = self.mentions[j]
            if c.start < s0:
                break
            if c.kind == "count" and self._is_project_count(c):
                return c
        return None

    def _claim(self, m: Mention, indicator: str, indicator_text: str | None,
               count: Mention | None, value: bool = True) -> dict[str, Any]:
        text = self.text
        s0, s1 = self.index.sentence(m.start)
        anchor_start = count.start if count is not None and count.start < m.start else m.start
        rec: dict[str, Any] = {
            "kind": "claim",
            "region": self.region(anchor_start, m.end),
            "indicator": indicator,
        }
        if indicator_text:
            rec["indicator_text"] = indicator_text
        period, precision = self.period(anchor_start)
        rec["period"] = period
        rec["period_precision"] = precision
        val = unit = None
        if value and m.kind == "money":
            val, unit = m.value, m.currency
        elif value and m.kind in ("land", "area"):
            val, unit = m.value, m.unit
        rec["value"] = val
        rec["unit"] = unit
        rec["count"] = count.value if count is not None else None
        growth = self._after(m, ("growth",), s1) if m.kind != "growth" else m
        rec["growth_pct"] = growth.value if growth is not None and growth.unit in ("%", "％") \
            else None
        if growth is not None:
            rec["_growth_id"] = id(growth)
        att = self._after(m, ("attainment",), s1)
        rec["target_pct"] = att.value if att is not None else None
        rk = _RANK.search(text, m.end, min(s1, m.end + 40))
        rec["rank"] = rk.group().lstrip("，,") if rk is not None and ("第" in rk.group()
                                                                     or "前" in rk.group()) else None
        rec["qualifier"] = m.qualifier if m.kind == "money" else None
        rec["text"] = text[s0:s1].strip()
        rec["evidence"] = [{"start": anchor_start, "end": m.end}]
        rec["_anchor"] = (m.start, m.end)
        return rec


def _last_match(pattern: re.Pattern[str], s: str) -> re.Match[str] | None:
    """The last match of `pattern` in `s`."""
    last = None
    for last in pattern.finditer(s):  # noqa: B007 - the loop keeps the last match
        pass
    return last


def _dedupe(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    seen = set()
    for c in claims:
        key = (c["indicator"], c["value"], c["count"], c["growth_pct"], c["region"].get("adcode"))
        if key in seen:
            continue
        seen.add(key)
        c.pop("_growth_id", None)
        c.pop("_anchor", None)
        out.append(c)
    return out
