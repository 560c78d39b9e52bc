"""Project events (签约, 获批, 开工, 竣工, 投产, 达产…) and the dates they happened or are planned.

    find_events(text, pub) -> list[Event]   # one regex pass over the text

An event's date is the nearest date or period before its word in the same sentence (the
figures finder resolves 2018年2月, 去年底, 1至2月份 against the publication date); words the
figures finder leaves alone (今天, 昨天, 近日, 日前) are read here. An event whose clause states a
target (将, 计划, 预计, 力争…) or whose date lies after the publication date is `planned`.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass

from touzi.extract import word_hits
from touzi.extract.alternation import by_first_char
from touzi.extract.dates import PubDate, review_year
from touzi.extract.mention_type import Mention
from touzi.extract.report_sections import Section, report_sections
from touzi.extract.sentences import TextIndex

SIGNED, APPROVED, STARTED, COMPLETED, PRODUCTION, FULL, PLANNED = (
    "signed", "approved", "started", "completed", "production", "full_production", "planned",
)
# (word, type). Longer words first; 建成投产 yields completed and production (two words).
# 立(?<!成立)项 is 立项 not after 成 (成立项目公司): the lookbehind follows the first character so
# the word still opens with a literal (see _EVENT_RE).
_WORDS: list[tuple[str, str]] = [
    ("签约", SIGNED), ("签订", SIGNED), ("签署", SIGNED), ("落户", SIGNED), ("摘牌", SIGNED),
    ("获批", APPROVED), ("立(?<!成立)项", APPROVED), ("备案", APPROVED), ("获国家核准", APPROVED),
    ("核准", APPROVED), ("批复", APPROVED), ("审批通过", APPROVED), ("通过审批", APPROVED),
    ("桩基进场", STARTED), ("桩基动工", STARTED), ("开工", STARTED), ("动工", STARTED),
    ("开建", STARTED), ("奠基", STARTED), ("破土", STARTED), ("展开施工", STARTED),
    ("竣工", COMPLETED), ("完工", COMPLETED), ("建成", COMPLETED),
    ("试生产", PRODUCTION), ("生产调试", PRODUCTION), ("投产", PRODUCTION), ("并网", PRODUCTION),
    ("通车", PRODUCTION), ("启用", PRODUCTION), ("投运", PRODUCTION), ("投入运营", PRODUCTION), ("正式运营", PRODUCTION),
    ("投入使用", PRODUCTION), ("试运行", PRODUCTION), ("开通", PRODUCTION), ("通水", PRODUCTION),
    # 建成运营: in operation once built (运营 alone is a business word: 运营商, 运营管理)
    ("运(?<=建成运|开放运|转场运|通航运)营", PRODUCTION),
    # in use, open to the public (某馆建成投用, 某园开园, 某线投入运行)
    ("投用", PRODUCTION), ("投入运行", PRODUCTION), ("开园", PRODUCTION), ("开馆", PRODUCTION),
    ("产出", PRODUCTION), ("开始接诊", PRODUCTION), ("正式接诊", PRODUCTION), ("开诊", PRODUCTION),
    # production begun, in the words of firms and local papers (某厂将于明年开始生产)
    ("投入生产", PRODUCTION), ("开始生产", PRODUCTION), ("正式生产", PRODUCTION),
    # a kiln or furnace fired for the first time starts production (熟料生产线点火投产)
    ("点火", PRODUCTION),
    ("交付使用", PRODUCTION),
    ("达产", FULL),
    ("竞得", SIGNED), ("摘得", SIGNED), ("正式启动", STARTED), ("启动建设", STARTED),
    # 将于2011年在乌鲁木齐…建设: building as a plan (a plain 建设 is no event)
    ("建设", PLANNED),
]
_TYPE = {re.sub(r"\(\?<[=!][^)]*\)", "", w): t for w, t in _WORDS}
# Longest words first, grouped by first character (alternation.py: every branch opens with a
# literal, so a search skips the characters no word starts with; 8× faster than a lookbehind
# opening a branch). Not the noun uses: 开工率, 建成区, 投产期, 开工时间 (签约仪式 keeps its event),
# nor a region's totals (新投产里程, 开工规模, 投产总量: a statistic, no project's event).
_EVENT_RE = re.compile(by_first_char(sorted((w for w, _ in _WORDS), key=len, reverse=True),
                                     after=r"(?![率区面期]|时间|里程|规模|总量|数量|总数|新能源项目)"))
# Every match opens with one of the words as written (lookarounds dropped): tried where word_hits'
# one pass over the article found one, not by a scan of the paragraphs of its own.
_EVENT_WORDS = tuple(_TYPE)
word_hits.register(_EVENT_WORDS, lambda: list(_EVENT_WORDS))
# (a word written with a lookahead or a class would not be found as written: finditer then)
_EVENT_WORDS_PLAIN = all(re.fullmatch(r"[^\\()\[\]{}|?*+.^$]+", w) for w in _EVENT_WORDS)
# 建成投产后…, 投产后每年…: a condition, an event only when a date makes it a plan
_AFTER = re.compile(r"(?:(?:" + "|".join(w for w, _ in _WORDS) + r"))*后")
# 2020年重点项目, 2021年第二批: a year that labels a batch, not when something happened
_LABEL_YEAR = re.compile(r"第|度|重大|重点|[一二三四五六七八九十]批")
# 一季度重大项目集中开工: a quarter or half that labels the batch too
_LABEL_PRECISIONS = frozenset(("year", "quarter", "half"))
# 此次开工的项目: the event told before, with its date
_COMMA = re.compile(r"[，,；;]")
_NAMED_AFTER = re.compile(r"[，,]?(?:分别为|分别是|即|：|:)")
_AT_THAT_TIME = re.compile(r"届时|到时|彼时")
_THIS_TIME = re.compile(r"(?:此次|这次|本次|当天|同时)\Z")
# A count of projects by the event word: the batch's event, no single project's
_BATCH_NEAR = re.compile(r"[\d一二三四五六七八九十百千两]+[项个](?:[\u4e00-\u9fff]{0,6}(?:项目|工程))?")
# 未能开工, 迟迟未开工, 复工: no event. 复产/复工 (restart) is not an event type.
_NEGATED = re.compile(r"(?:未能?|没有|尚未|还没|迟迟未|不能|无法)[\u4e00-\u9fff]{0,3}\Z")
_SOONER = re.compile(r"(?:尽早|早日|早一天|尽快)\Z")
# (Word lists here are grouped by first character for speed: see alternation.py.)
_PLAN = re.compile(by_first_char((
    r"将|计划|预计|力争|争取|有望|拟|规划(?![的中内])|确保|年内|年底前|月底前|底前|即将|准备|目标|要在|"
    # (要 of 重要, 主要, 需要 is no plan: 等重要基础设施投入使用)
    r"要(?<!重要)(?<!主要)(?<!需要)(?<!必要)(?<!紧要)(?<!只要)").split("|")))
# Relative day words the figures finder leaves alone.
_REL_DAY = re.compile(by_first_char((
    r"今天|今日|当天|当日|同日|同一天|昨天|昨日|近日|日前|近期|目前|前不久|不久前|几天前|前几天|本周|"
    r"上周|下周").split("|")))
_DATE_KINDS = frozenset(("date", "period"))
_DONE_BEFORE = re.compile(r"刚刚|刚|已经|已")
_CEREMONY = re.compile(r"[\u4e00-\u9fff]{0,12}?仪式")
_HELD = re.compile(r"[^，,。；;]{0,16}?(?:举行|举办|隆重举行)")
_DONE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,2}了")


@dataclass(slots=True)
class Event:
    """One event word at [start, end) with its type, date and the sentence it sits in."""

    start: int
    end: int
    word: str
    type: str
    date: str | None
    precision: str | None
    planned: bool
    date_start: int  # offset of the date phrase (the event's evidence starts there)

    def to_record(self, text: str) -> dict[str, object]:
        """The records.md form: type (planned when a target), date, precision, text."""
        lo = min(self.date_start, self.start)
        phrase = text[lo:self.end]
        if len(phrase) > 15:
            phrase = text[self.start:self.end] if self.date_start >= self.start else \
                text[self.date_start:self.date_start + 8].rstrip("，,") + "…" + self.word
        return {"type": PLANNED if self.planned else self.type, "date": self.date,
                "precision": self.precision, "text": phrase[:15]}


def _relative(word: str, pub: PubDate | None) -> tuple[str | None, str | None]:
    if pub is None:
        return None, None
    if word in ("今天", "今日", "当天", "当日") and pub.day and pub.month:
        return f"{pub.year:04d}-{pub.month:02d}-{pub.day:02d}", "day"
    if word in ("昨天", "昨日") and pub.day and pub.month:
        d = _dt.date(pub.year, pub.month or 1, pub.day) - _dt.timedelta(days=1)
        return d.isoformat(), "day"
    if pub.month:
        return f"{pub.year:04d}-{pub.month:02d}", "month"
    return f"{pub.year:04d}", "year"


def _after(date: str | None, pub: PubDate | None) -> bool:
    """True when an ISO date (any precision) lies after the publication date."""
    if date is None or pub is None:
        return False
    d = date.split("/")[0]
    parts = d.split("-")
    try:
        y = int(parts[0])
    except ValueError:
        return False
    if y != pub.year:
        return y > pub.year
    if len(parts) < 2 or pub.month is None:
        return False
    p = parts[1]
    if p.startswith("Q"):
        return (int(p[1]) - 1) * 3 + 1 > pub.month
    if p.startswith("H"):
        return p == "H2" and pub.month < 7
    m = int(p)
    if m != pub.month:
        return m > pub.month
    if len(parts) < 3 or pub.day is None:
        return False
    return int(parts[2]) > pub.day


def _same_day(date: str | None, pub: PubDate | None) -> bool:
    """True when an ISO day is the publication day."""
    if date is None or pub is None or pub.month is None or pub.day is None:
        return False
    return date == f"{pub.year:04d}-{pub.month:02d}-{pub.day:02d}"


def _last(pattern: re.Pattern[str], text: str, a: int, b: int) -> re.Match[str] | None:
    last = None
    for last in pattern.finditer(text, a, b):  # noqa: B007 - the loop keeps the last match
        pass
    return last


def date_value(m: Mention) -> str | None:
    """A date mention's value as the gold writes it: 2019-01/2019-02 for a range."""
    if m.date is None:
        return None
    if m.date_end and m.date_end != m.date:
        return f"{m.date}/{m.date_end}"
    return m.date


def _section_at(sections: list[Section], pos: int) -> Section | None:
    for sec in sections:
        if sec.start <= pos < sec.end:
            return sec
    return None


def find_events(text: str, index: TextIndex, mentions: list[Mention],
                pub: PubDate | None, ranges: list[tuple[int, int]] | None = None) -> list[Event]:
    """Every event word in `text` (or in the sorted `ranges` of it: the paragraphs that name
    projects) with its date (see module doc), sorted by start."""
    dates = [m for m in mentions if m.kind in _DATE_KINDS and m.date
             and not (m.precision in _LABEL_PRECISIONS and _LABEL_YEAR.match(text, m.end))]
    starts = [m.start for m in dates]
    sections = report_sections(text, pub.year if pub is not None else None)
    review = review_year(text, pub)
    out: list[Event] = []
    last_dated: dict[str, Event] = {}
    spans = ranges if ranges is not None else [(0, len(text))]
    found = (x for lo, hi in spans for x in (
        word_hits.matches(_EVENT_RE, text, _EVENT_WORDS, lo, hi) if _EVENT_WORDS_PLAIN
        else _EVENT_RE.finditer(text, lo, hi)))
    for m in found:
        a, b = m.start(), m.end()
        word = m.group()
        if _NEGATED.search(text, max(0, a - 8), a) or _SOONER.search(text, max(0, a - 3), a):
            continue  # 未能开工; 力促…尽早开工, 早一天达产: an exhortation, no event or plan
        if word == "建成" and text.startswith(("为", "成"), b):
            continue  # 建成为…: becomes, not completed
        s0, s1 = index.sentence(a)
        c0, c1 = index.clause(a)
        bn = _BATCH_NEAR.search(text, b, min(c1, b + 12))
        if bn is not None and not _NAMED_AFTER.match(text, bn.end()):
            continue  # 新开工水利补短板工程37项: the batch's event
        conditional = _AFTER.match(text, b) is not None
        # nearest date before the word in the sentence, else right after it (于2月15日投产)
        k = bisect.bisect_right(starts, a) - 1
        date = precision = None
        dstart = dend = a
        if k >= 0 and dates[k].start >= s0 and dates[k].end <= a:
            dm = dates[k]
            date, precision, dstart, dend = date_value(dm), dm.precision, dm.start, dm.end
            if review is not None and dm.year_inferred and "年" not in dm.text and date:
                # 于10月竣工 in a review of last year published in January: last year's October
                date = "/".join(str(review) + d[4:] if d[:4] == str(pub.year) else d  # type: ignore[union-attr]
                                for d in date.split("/"))
            if dm.date_end and dm.date_end[:4] == dm.date[:4] and (
                    dm.text.endswith("以来") or text.startswith("以来", dm.end)):
                # 今年以来…投运: some time this year, not over the months so far
                date, precision = dm.date[:4], "year"
        else:
            rel = None
            for r in _REL_DAY.finditer(text, s0, a):
                rel = r
            if rel is not None:
                date, precision = _relative(rel.group(), pub)
                dstart = rel.start()
                if rel.group() in ("当天", "当日", "同日", "同一天"):
                    # 2月26日…开工活动…。…等项目也在当天同步开工: the day told before
                    p0 = index.paragraph(a)[0]
                    k3 = bisect.bisect_left(starts, rel.start()) - 1
                    while k3 >= 0 and dates[k3].start >= max(0, p0 - 600):
                        if dates[k3].precision == "day":
                            date, precision = date_value(dates[k3]), "day"
                            break
                        k3 -= 1
        if date is None:
            # 某基地竣工仪式27日在某地举行: a ceremony's day told after its name
            k4 = bisect.bisect_left(starts, b)
            if k4 < len(dates) and dates[k4].start < c1 and dates[k4].precision == "day" \
                    and _CEREMONY.fullmatch(text, b, dates[k4].start) \
                    and _HELD.match(text, dates[k4].end):
                dm = dates[k4]
                date, precision, dstart = date_value(dm), dm.precision, dm.start
        if date is None and _THIS_TIME.search(text, max(0, a - 3), a):
            prev = last_dated.get(_TYPE[word])
            if prev is not None:
                date, precision = prev.date, prev.precision
        if date is None and _AT_THAT_TIME.search(text, s0, a):
            # 9月…将举办集中开工仪式。届时，A、B等项目将集中开工: the date said before
            k2 = bisect.bisect_left(starts, s0) - 1
            p0 = index.paragraph(a)[0]
            if k2 >= 0 and dates[k2].start >= max(p0, s0 - 200):
                dm = dates[k2]
                date, precision, dstart = date_value(dm), dm.precision, dm.start
        etype = _TYPE[word]
        sec = _section_at(sections, a) if date is None and etype != PLANNED else None
        if sec is not None:
            # a work report's undated event: last year's in its review, this year's plan in its
            # tasks (a plain 建设 stays no event)
            date, precision = str(sec.year), "year"
        if etype == PLANNED and date is not None and dstart < a \
                and _EVENT_RE.search(text, dend, a) is not None:
            date = precision = None  # 去年10月投产的X…要进行二期建设: the date is the 投产's
        if etype == PLANNED and date is None:
            continue  # a plain 建设 (the commonest word): no date, no event (as below, sooner)
        w0 = max(s0, a - 20)
        cue = _last(_PLAN, text, w0, a)
        if cue is not None and date is not None and cue.end() <= dstart \
                and _COMMA.search(text, cue.end(), dstart) and not _after(date, pub):
            cue = None  # …计划早日落地，某车企在2012年春开工建设了…: a past date after the plan
        if cue is not None and _DONE_AFTER.match(text, b) and not _after(date, pub):
            cue = None  # 开工建设了: done
        if cue is not None and not _after(date, pub) and _DONE_BEFORE.search(text, cue.end(), a):
            cue = None  # 2015年年底前刚刚启用的…: the deadline was met, the event is done
        planned = cue is not None or _after(date, pub) or conditional \
            or (sec is not None and sec.planned)
        if planned and not conditional and _same_day(date, pub):
            planned = False  # 将于8月8日投产 in a report of 8月8日: it happens that day
        first_cue = _PLAN.search(text, s0, a)
        # 下半年，…将正式运营: a period fronted before the sentence's first comma frames it all
        # (a day there is a ceremony's: 8月3日，…开工仪式…，预计…竣工)
        fronted = precision in _LABEL_PRECISIONS and not text[s0:dstart].strip() \
            and _COMMA.match(text, dend) is not None
        if cue is not None and date is not None and first_cue is not None \
                and first_cue.start() > dstart and _COMMA.search(text, dstart, cue.start()) \
                and not _AT_THAT_TIME.search(text, s0, a) and not fronted:
            # 8月3日举行开工仪式…，预计一期工程6个月后竣工: the date is the ceremony's
            date = precision = None
        if conditional and date is not None and _COMMA.search(text, dstart, a):
            date = precision = None  # 5月16日开工，建成后…: the condition has no date
        if etype == PLANNED and (date is None or not planned):
            continue  # a plain 建设: no event
        if (conditional or planned) and date is None:
            continue  # 建成投产后每年可…, 预计…竣工 with no date: no event to date
        if etype == APPROVED and text[max(0, a - 2):a] == "项目":
            continue  # 项目环评、项目立项: steps of work, not an approval
        ev = Event(a, b, word, etype if etype != PLANNED else COMPLETED, date, precision,
                   planned, dstart)
        if date is not None and not planned:
            last_dated[ev.type] = ev
        out.append(ev)
    return out
