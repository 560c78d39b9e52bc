"""Dates, periods and durations, resolved against the article's publication date.

Written here rather than taken from a library: measured on this corpus, jionlp's parse_time
rejects 1至7月 and 1至2月份, reads bare numbers (2000吨) as years and runs at ~134k chars/s;
dateparser gets every Chinese relative or month date wrong (peers.md).

Output is ISO 8601 truncated to the precision known: 2018, 2018-02, 2018-02-15, 2020-Q1, 2022-H1.
Ranges give `date` and `date_end` (1至7月 → 2015-01 / 2015-07).

Deictic days: 今天/今日 are the publication day. 日前 ("the other day", a few days before
publication; the day is never said; so are 近日, 不久前, 几天前, 前几天, 前不久) is the
publication month with qualifier `approx`, or, for an article of a month's first week, the
period from the month before to the publication month (2020-05-03 → 2020-04 / 2020-05), so that the true day lies inside it.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections.abc import Callable
from typing import NamedTuple

from touzi.extract.mention_type import Mention
from touzi.extract.numbers import chinese_value


class PubDate(NamedTuple):
    """A publication date known to year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None


_PUB_RE = re.compile(
    r"\s*((?:1[89]|2\d)\d{2})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?)?"
)


# A year opening the title or the first body sentence: 2015年全县完成…, 2015年，全县…
_BODY_YEAR = re.compile(r"\s*(\d{4})年[，,]")
_OPENING_YEAR = re.compile(r"\s*(?:[^\n]{0,12}?)(\d{4})年(?![0-9底初末]|\d{1,2}月)")


def review_year(text: str, pub: PubDate | None) -> int | None:
    """The year a story published in the first quarter looks back on: its title (or its first
    body line) opens with the year before the publication's (2015年全县完成固定资产投资… of
    2016-01-20). Its 全年 and its months without a year (于10月竣工) are that year's."""
    if pub is None or pub.month is None or pub.month > 3:
        return None
    lines = [ln for ln in text[:400].split("\n") if ln.strip()][:3]
    for i, line in enumerate(lines):
        # the title, or a body line that opens with the year and a comma (not a heading:
        # 一、2024年工作回顾 is a report's section, whose year the section rules read)
        m = _OPENING_YEAR.match(line) if i == 0 else _BODY_YEAR.match(line)
        if m is not None and int(m.group(1)) == pub.year - 1:
            return pub.year - 1
    return None


def parse_pub_date(pub: _dt.date | str | PubDate | None) -> PubDate | None:
    """A PubDate from a date, datetime, PubDate or string (2015-08-11, 2019-03, 2025, 2015年8月)."""
    if pub is None:
        return None
    if isinstance(pub, PubDate):
        return pub
    if isinstance(pub, _dt.datetime):
        return PubDate(pub.year, pub.month, pub.day)
    if isinstance(pub, _dt.date):
        return PubDate(pub.year, pub.month, pub.day)
    if not isinstance(pub, str):
        return None
    m = _PUB_RE.match(pub)
    if m is None:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        return PubDate(year)
    if day is not None and (month is None or not 1 <= day <= calendar.monthrange(year, month)[1]):
        day = None
    return PubDate(year, month, day)


# --- grammar -------------------------------------------------------------------------------
RNG = "[-－—–~～至到]"
M = r"(?:1[0-2]|0?[1-9]|十[一二]|[一二三四五六七八九十])"
D = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])"
# 提前两个月 is "two months early", 之前/以前 "before": not the first months of a year.
_NOT_AFTER_PREFIX = r"(?<![提之以])"

# What may follow a year (2015年… / 今年… / 去年…), with named groups for the re-parse.
_REST_NAMED = (
    rf"(?P<r_m1>{M})(?:月份?)?{RNG}(?P<r_m2>{M})月份?"
    rf"|(?P<r_m>{M})月份?(?:(?P<r_d>{D})[日号](?:{RNG}(?:(?P<r_m3>{M})月)?(?P<r_d2>{D})[日号])?"
    rf"|(?P<r_mp>上旬|中旬|下旬|初|底|末)(?:前)?)?(?P<r_since2>以来)?"
    rf"|(?P<r_c1>[一二三四五六七八九])(?P<r_c2>[二三四五六七八九十])月份?"
    rf"|第?(?P<r_q>[一二三四1-4])季度|(?P<r_fq>首季)度?"
    rf"|{_NOT_AFTER_PREFIX}前(?P<r_qq>[二两三2-3])个?季度"
    rf"|(?P<r_h>[上下])半年"
    rf"|{_NOT_AFTER_PREFIX}前(?P<r_fm>十[一二]|[二两三四五六七八九十]|1[0-2]|[2-9])个?月份?"
)
_YEAR_ONLY_NAMED = (
    r"|年?(?P<r_yp>初|底|末|内)(?P<r_since3>以来)?(?:前)?|(?P<r_since4>以来)"
    r"|(?P<r_fest>元旦|清明|五一|国庆)"
)
_REST = re.compile(_REST_NAMED + _YEAR_ONLY_NAMED)


def _unnamed(src: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", src)


REST_AFTER_YEAR = _unnamed(_REST_NAMED + _YEAR_ONLY_NAMED)
REST_ALONE = _unnamed(_REST_NAMED)
_NUMERALS_BEFORE = "零〇○一二两三四五六七八九十几多数"

# Alternatives of the master scanner, in order (the first that matches at a position wins).
ALTERNATIVES: list[tuple[str, str]] = [
    ("d_num",
     r"(?<![\d.])(?P<dn_y>(?:19|20)\d{2})(?P<dn_s>[-/.])(?P<dn_m>1[0-2]|0?[1-9])(?P=dn_s)"
     r"(?P<dn_d>3[01]|[12]\d|0?[1-9])(?!\d)"),
    ("d_yrng",
     rf"(?<![\d.])(?P<yg_a>(?:19|20)\d{{2}})年?{RNG}(?P<yg_b>(?:19|20)\d{{2}})年(?!代)"),
    ("d_plan",
     r"[“\"「]?(?P<pl_a>十(?P<pl_n>[一二三四五])五)[”\"」]?"
     r"|[“\"「](?P<pl_b>(?P<pl_m>[六七八九]|十)五)[”\"」]"),
    ("d_yabs",
     r"(?<![\d.])(?P<ya_y>(?:19|20)\d{2}|0\d|[〇零○一二][〇零○一二三四五六七八九]{3})年(?!代)(?:度)?"
     rf"(?P<ya_r>{REST_AFTER_YEAR})?"),
    ("d_yrel",
     rf"(?P<yl_w>(?<!过)去|今|明|(?<![以之向])上|本|(?<![一相])同|(?<![相应正适])当|次|翌"
     rf"|(?<![\d{_NUMERALS_BEFORE}之以提年目当此])前(?=年(?!产|均|销|营|收|税|增|新增|利))"
     # 后年 is mostly 投产后 + 年产值…: only after a non-Chinese character or in a list (明年、后年)
     rf"|(?:(?<![\u4e00-\u9fff])|(?<=[、和及与或]))后(?=年(?!产|均|销|营|收|税|增|新增|利|实现)))"
     rf"年(?!代|级)(?:度)?(?P<yl_r>{REST_AFTER_YEAR})?"),
    ("d_ypart",
     rf"(?<![\d{_NUMERALS_BEFORE}今去明前后上本当全每近历同半])年(?P<yp_p>初|底|末|内)"
     r"(?P<yp_s>以来)?(?:前)?"),
    ("d_alone", rf"(?<![\d.年月日第个每{_NUMERALS_BEFORE}])(?P<al_r>{REST_ALONE})"),
    ("d_mrel",
     r"(?:(?P<mr_w>本|上个|下个|上|下)月(?P<mr_p>初|底|末)?"
     rf"|(?<![\d{_NUMERALS_BEFORE}个每岁])月(?P<mr_p2>初|底|末))(?:前)?"),
    # Holidays with fixed dates (清明 is April 4–6). 春节, 端午, 中秋 follow the lunar calendar and
    # are left out. Only before 节/前/后/期间…: 政治清明 is "clean politics".
    ("d_fest",
     r"(?P<fe_n>清明|元旦|五一|国庆)(?=节|前|后|期间|假期|小?长假|劳动节|黄金周|当天|之前|以前|前后)"),
    ("d_day",
     rf"(?<![\d.月])(?P<dd_d>3[01]|[12]\d|0?[1-9])日(?:{RNG}(?P<dd_d2>3[01]|[12]\d|0?[1-9])日)?"
     r"(?!以?内|之内)"),
    # 今天 / 今日: the publication day (今日头条 is a company).
    ("d_today", r"今(?:天|日(?!头条))"),
    # 日前 "recently" after the subject (记者日前从…获悉); not the 日 of another word before 前
    # (节日前, 生日前, 工作日前, 当日前, 6月30日前) nor 日前往 / 日前夕.
    ("d_recent", rf"(?<![\d{_NUMERALS_BEFORE}月节生假周当每期作工昨今明前次翌同本该首终单隔逐末"
                 r"平时旧往近抗夏冬春秋红白落念朝元吉忌择半连整全即某是此他来旬星礼])日前(?![往进夕])"
                 # 近日, 不久前, 几天前 say the same (not 靠近日…, 十几天前: a count of days);
                 # 前几天 / 前不久 also read "the days before" an event (开幕前几天): only at a
                 # clause start, after 记者 or after an adverb (也, 还, 已…).
                 r"|(?<![靠附接临邻将亲最])近日(?![本期])|(?<![之以])不久前"
                 rf"|(?<![\d{_NUMERALS_BEFORE}这那])几天前"
                 r"|(?:(?<![\u4e00-\u9fff])|(?<=[在于就也还已而都并曾又刚才])|(?<=记者))前(?:几天|不久)"),
]

# (同年, 当年, 次年, 翌年 count from the date told before them: the scanner sets their year from
# it, scanner._year_after; the publication's year here is a placeholder)
_REL_YEAR = {"今": 0, "本": 0, "去": -1, "上": -1, "前": -2, "明": 1, "后": 2,
             "同": 0, "当": 0, "次": 1, "翌": 1}
_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "两": 2, "1": 1, "2": 2, "3": 3, "4": 4}
_PLAN_START = {"一": 2006, "二": 2011, "三": 2016, "四": 2021, "五": 2026,
               "六": 1981, "七": 1986, "八": 1991, "九": 1996, "十": 2001}


def _small(s: str) -> int:
    """Value of a month or day number written in Arabic or Chinese (08, 12, 十二, 二十八)."""
    if s[0].isdigit():
        return int(s)
    v = chinese_value(s)
    return v if isinstance(v, int) else 0


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _ymd(y: int, m: int, d: int) -> str | None:
    if not (1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _pub_at(pub: PubDate | None, precision: str) -> str | None:
    """The publication date as an ISO string at `precision` (for 今年以来-style periods)."""
    if pub is None:
        return None
    if precision == "day" and pub.day is not None and pub.month is not None:
        return _ymd(pub.year, pub.month, pub.day)
    if precision in ("day", "month") and pub.month is not None:
        return _ym(pub.year, pub.month)
    return f"{pub.year:04d}"


# Holidays with a fixed month (and day): 清明 falls on April 4–6.
_FESTIVALS = {"清明": (4, None), "元旦": (1, 1), "五一": (5, 1), "国庆": (10, 1)}

# A resolution: (kind, date, date_end, precision); date None when the year is unknown.
Resolved = tuple[str, str | None, str | None, str]


def _resolve_rest(r: re.Match[str] | None, y: int | None, pub: PubDate | None) -> Resolved | None:
    """Resolve what follows a year (or stands alone) for year `y` (None when unknown)."""
    if r is None:
        return ("date", None if y is None else f"{y:04d}", None, "year")
    g = r.group
    if g("r_m1") is not None:
        m1, m2 = _small(g("r_m1")), _small(g("r_m2"))
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or m1 == m2:
            return None
        if y is None:
            return ("period", None, None, "month")
        return ("period", _ym(y, m1), _ym(y if m2 > m1 else y + 1, m2), "month")
    if g("r_m") is not None:
        m = _small(g("r_m"))
        if not 1 <= m <= 12:
            return None
        since = g("r_since2") is not None
        if g("r_d") is not None:
            d = _small(g("r_d"))
            if y is None:
                return ("period" if (g("r_d2") or since) else "date", None, None, "day")
            start = _ymd(y, m, d)
            if start is None:
                return None
            if g("r_d2") is not None:
                m3 = _small(g("r_m3")) if g("r_m3") else m
                end = _ymd(y, m3, _small(g("r_d2")))
                if end is None or end <= start:
                    return None
                return ("period", start, end, "day")
            if since:
                return ("period", start, _pub_at(pub, "day"), "day")
            return ("date", start, None, "day")
        if y is None:
            return ("period" if since else "date", None, None, "month")
        if since:
            return ("period", _ym(y, m), _pub_at(pub, "month"), "month")
        return ("date", _ym(y, m), None, "month")
    if g("r_c1") is not None:
        m1, m2 = _small(g("r_c1")), _small(g("r_c2"))
        if m2 != m1 + 1:
            return None
        return ("period", None if y is None else _ym(y, m1), None if y is None else _ym(y, m2),
                "month")
    if g("r_q") is not None or g("r_fq") is not None:
        q = _QUARTER[g("r_q")] if g("r_q") is not None else 1
        return ("period", None if y is None else f"{y:04d}-Q{q}", None, "quarter")
    if g("r_qq") is not None:
        q = _QUARTER[g("r_qq")]
        if y is None:
            return ("period", None, None, "quarter")
        return ("period", f"{y:04d}-Q1", f"{y:04d}-Q{q}", "quarter")
    if g("r_h") is not None:
        h = 1 if g("r_h") == "上" else 2
        return ("period", None if y is None else f"{y:04d}-H{h}", None, "half")
    if g("r_fm") is not None:
        n = _small(g("r_fm")) if g("r_fm") != "两" else 2
        if not 2 <= n <= 12:
            return None
        if y is None:
            return ("period", None, None, "month")
        return ("period", _ym(y, 1), _ym(y, n), "month")
    if g("r_yp") is not None:
        return _year_part(g("r_yp"), g("r_since3") is not None, y, pub)
    if g("r_fest") is not None:
        month, day = _FESTIVALS[g("r_fest")]
        if day is None:
            return ("date", None if y is None else _ym(y, month), None, "month")
        return ("date", None if y is None else _ymd(y, month, day), None, "day")
    if g("r_since4") is not None:
        if y is None:
            return ("period", None, None, "month")
        return ("period", _ym(y, 1), _pub_at(pub, "month"), "month")
    return ("date", None if y is None else f"{y:04d}", None, "year")


def _year_part(part: str, since: bool, y: int | None, pub: PubDate | None) -> Resolved:
    """年初 / 年底 / 年末 / 年内 (and 年初以来) of year `y`."""
    if part == "内":
        return ("date", None if y is None else f"{y:04d}", None, "year")
    if since:
        if y is None:
            return ("period", None, None, "month")
        return ("period", _ym(y, 1), _pub_at(pub, "month"), "month")
    month = 1 if part == "初" else 12
    return ("date", None if y is None else _ym(y, month), None, "month")


def _mention(m: re.Match[str], text: str, res: Resolved | None, inferred: bool) -> Mention | None:
    if res is None:
        return None
    kind, date, date_end, precision = res
    s, e = m.span()
    return Mention(kind, text[s:e], s, e, date=date, date_end=date_end, precision=precision,
                   year_inferred=inferred and date is not None)


def _num_date(m: re.Match[str], text: str, pub: PubDate | None) -> Mention | None:
    iso = _ymd(int(m.group("dn_y")), int(m.group("dn_m")), int(m.group("dn_d")))
    return _mention(m, text, None if iso is None else ("date", iso, None, "day"), False)


def _year_range(m: re.Match[str], text: str, pub: PubDate | None) -> Mention | None:
    a, b = m.group("yg_a"), m.group("yg_b")
    if b < a:
        return None
    return _mention(m, text, ("period", a, b, "year"), False)


def _plan(m: re.Match[str], text: str, pub: PubDate | None) -> Mention | None:
    key = m.group("pl_n") or m.group("pl_m")
    start = _PLAN_START[key]
    core = "pl_a" if m.group("pl_a") is not None else "pl_b"
    s, e = m.span(core)
    return Mention("period", text[s:e], s, e, date=f"{start:04d}", date_end=f"{start + 4:04d}",
                   precision="year")


def _year_abs(m: re.Match[str], text: str, pub: PubDate | None) -> Mention | None:
    ys = m.group("ya_y")
    y = int(ys) if ys[0].isdigit() else chinese_value(ys)
    if len(ys) == 2:  # 07年、08年: a year written short with its leading zero
        y = 2000 + int(ys)
    if not isinstance(y, int) or not 1000 <= y <= 2999:
        return None
    rest = m.group("ya_r")
    return _mention(m, text, _resolve_rest(_REST.fullmatch(rest) if rest else None, y, pub),
                    False)


def _year_rel(m: re.Match[str], text: str, pub: PubDate | None) -> Mention | None:
    y = None if pub is None else pub.year + _REL_YEAR[m.group("yl_w")]
    rest = m.group("yl_r")
    return _mention(m, text, _resolve_rest(_REST.fullmatch(rest) if rest else None, y, pub), True)


def _year_part_alone(m: re.Match[str], text: str, pub: PubDate | None) -> Mention | None:
    y = None if pub is None else pub.year
    return _mention(m, text, _year_part(m.group("yp_p"), m.group("yp_s") is not None, y, pub),
                    True)


def _alone(m: re.Match[str], text: str, pub: PubDate | None) -> Mention | None:
    if m.group("al_r") == "一月" and (
        text[m.end():m.end() + 1] in ("接", "又", "再", "比", "一")
        or text[m.start() - 1:m.start()] in ("着", "又", "复")
    ):
        return None  # 一月接着一月: "month after month"
    y = None if pub is None else pub.year
    return _mention(m, text, _resolve_rest(_REST.fullmatch(m.group("al_r")), y, pub), True)


def _month_rel(m: re.Match[str], text: str, pub: PubDate | None) -> Mention | None:
    word = m.group("mr_w")
    if pub is None or pub.month is None:
        return _mention(m, text, ("date", None, None, "month"), True)
    shift = {"上": -1, "上个": -1, "下": 1, "下个": 1}.get(word or "", 0)
    idx = pub.year * 12 + pub.month - 1 + shift
    return _mention(m, text, ("date", _ym(idx // 12, idx % 12 + 1), None, "month"), True)


def _day(m: re.Match[str], text: str, pub: PubDate | None) -> Mention | None:
    d = int(m.group("dd_d"))
    d2 = m.group("dd_d2")
    kind = "date" if d2 is None else "period"
    if pub is None or pub.month is None:
        return _mention(m, text, (kind, None, None, "day"), True)
    start = _ymd(pub.year, pub.month, d)
    end = None if d2 is None else _ymd(pub.year, pub.month, int(d2))
    if start is None or (d2 is not None and (end is None or end <= start)):
        return None
    return _mention(m, text, (kind, start, end, "day"), True)


def _festival(m: re.Match[str], text: str, pub: PubDate | None) -> Mention | None:
    month, day = _FESTIVALS[m.group("fe_n")]
    precision = "month" if day is None else "day"
    if pub is None:
        return _mention(m, text, ("date", None, None, precision), True)
    # 元旦 in a December article is the coming New Year's Day
    year = pub.year + 1 if month == 1 and pub.month == 12 else pub.year
    iso = _ym(year, month) if day is None else _ymd(year, month, day)
    return _mention(m, text, ("date", iso, None, precision), True)


def _today(m: re.Match[str], text: str, pub: PubDate | None) -> Mention | None:
    if pub is None:
        return _mention(m, text, ("date", None, None, "day"), True)
    if pub.day is not None and pub.month is not None:
        return _mention(m, text, ("date", _ymd(pub.year, pub.month, pub.day), None, "day"), True)
    if pub.month is not None:
        return _mention(m, text, ("date", _ym(pub.year, pub.month), None, "month"), True)
    return _mention(m, text, ("date", f"{pub.year:04d}", None, "year"), True)


def _recent(m: re.Match[str], text: str, pub: PubDate | None) -> Mention | None:
    """日前, "the other day": a few days before publication. Resolved to the publication
    month (the month before it too when the article is of a month's first week), with the
    qualifier approx: the day is not known."""
    s, e = m.span()
    if pub is None or pub.month is None:
        date, precision = (None, "month") if pub is None else (f"{pub.year:04d}", "year")
        return Mention("date", text[s:e], s, e, qualifier="approx", date=date,
                       precision=precision, year_inferred=date is not None)
    month = _ym(pub.year, pub.month)
    if pub.day is not None and pub.day <= 7:
        idx = pub.year * 12 + pub.month - 2
        return Mention("period", text[s:e], s, e, qualifier="approx",
                       date=_ym(idx // 12, idx % 12 + 1), date_end=month, precision="month",
                       year_inferred=True)
    return Mention("date", text[s:e], s, e, qualifier="approx", date=month, precision="month",
                   year_inferred=True)


Handler = Callable[[re.Match[str], str, PubDate | None], Mention | None]
HANDLERS: dict[str, Handler] = {
    "d_num": _num_date, "d_yrng": _year_range, "d_plan": _plan, "d_yabs": _year_abs,
    "d_yrel": _year_rel, "d_ypart": _year_part_alone, "d_alone": _alone, "d_mrel": _month_rel,
    "d_fest": _festival, "d_day": _day, "d_today": _today, "d_recent": _recent,
}

# --- durations -----------------------------------------------------------------------------
TIME_UNITS = ("个工作日", "个季度", "个小时", "个星期", "个月", "周年", "小时", "星期", "年",
              "天", "周", "日(?=以?内|之内)")


def duration_mention(
    text: str,
    start: int,
    end: int,
    value: int | float,
    value_max: int | float | None,
    unit: str,
    qualifier: str | None,
) -> Mention:
    """A duration Mention (100天, 90天以内, 3至5年, 7日内) for text[start:end]."""
    return Mention("duration", text[start:end], start, end, value, value_max, unit,
                   qualifier=qualifier)


def resolve_date(
    text: str, pub_date: _dt.date | str | None = None
) -> tuple[str | None, str | None, str] | None:
    """(date, date_end, precision) of the first date or period phrase in `text`, else None.

    A deadline in years (3至5年内) resolves to the years counted from the publication year.
    """
    from touzi.extract.mentions import find_mentions  # noqa: PLC0415 (scanner imports us)

    pub = parse_pub_date(pub_date)
    for men in find_mentions(text, pub):
        if men.kind in ("date", "period"):
            if men.date is None:
                return None
            return men.date, men.date_end, men.precision or "year"
        if men.kind == "duration" and men.unit == "年" and pub is not None:
            a = pub.year + int(men.value or 0)
            b = None if men.value_max is None else f"{pub.year + int(men.value_max):04d}"
            return f"{a:04d}", b, "year"
    return None
