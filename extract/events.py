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

from touzi.extract.dates import PubDate
from touzi.extract.mention_type import Mention
from touzi.extract.sentences import TextIndex

SIGNED, APPROVED, STARTED, COMPLETED, PRODUCTION, FULL, PLANNED = (
    "signed", "approved", "started", "completed", "production", "full_production", "planned",
)
# (word, type). Longer words first; 建成投产 yields completed and production (two words).
_WORDS: list[tuple[str, str]] = [
    ("签约", SIGNED), ("签订", SIGNED), ("签署", SIGNED), ("落户", SIGNED), ("摘牌", SIGNED),
    ("获批", APPROVED), ("立项", APPROVED), ("备案", APPROVED), ("获国家核准", APPROVED),
    ("核准", APPROVED), ("批复", APPROVED),
    ("桩基进场", STARTED), ("桩基动工", STARTED), ("开工", STARTED), ("动工", STARTED),
    ("开建", STARTED), ("奠基", STARTED), ("破土", STARTED), ("展开施工", STARTED),
    ("竣工", COMPLETED), ("完工", COMPLETED), ("建成", COMPLETED),
    ("试生产", PRODUCTION), ("生产调试", PRODUCTION), ("投产", PRODUCTION), ("并网", PRODUCTION),
    ("通车", PRODUCTION), ("启用", PRODUCTION), ("投运", PRODUCTION), ("投入运营", PRODUCTION),
    ("投入使用", PRODUCTION), ("试运行", PRODUCTION), ("开通", PRODUCTION),
    ("达产", FULL),
]
_TYPE = dict(_WORDS)
_EVENT_RE = re.compile(
    "(?:" + "|".join(sorted((w for w, _ in _WORDS), key=len, reverse=True)) + ")"
    # not the noun uses: 开工率, 投产后 (a condition), 建成区, 签约仪式 keeps its event
    r"(?![率区面后期])"
)
# 未能开工, 迟迟未开工, 复工: no event. 复产/复工 (restart) is not an event type.
_NEGATED = re.compile(r"(?:未能?|没有|尚未|还没|迟迟未|不能|无法)[\u4e00-\u9fff]{0,3}\Z")
_PLAN = re.compile(
    r"将|计划|预计|力争|争取|有望|拟|规划|确保|年内|年底前|月底前|底前|即将|准备|目标|要在|要"
)
# Relative day words the figures finder leaves alone.
_REL_DAY = re.compile(r"今天|今日|当天|当日|昨天|昨日|近日|日前|近期|目前|前不久|几天前|本周|上周|下周")
_DATE_KINDS = frozenset(("date", "period"))


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
    if word in ("今天", "今日", "当天", "当日") and pub.day:
        return f"{pub.year:04d}-{pub.month:02d}-{pub.day:02d}", "day"
    if word in ("昨天", "昨日") and pub.day:
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


def date_value(m: Mention) -> str | None:
    """A date mention's value as the gold writes it: 2019-01/2019-02 for a range."""
    if m.date is None:
        return None
    if m.date_end and m.date_end != m.date:
        return f"{m.date}/{m.date_end}"
    return m.date


def find_events(text: str, index: TextIndex, mentions: list[Mention],
                pub: PubDate | None) -> list[Event]:
    """Every event word in `text` with its date (see module doc), sorted by start."""
    dates = [m for m in mentions if m.kind in _DATE_KINDS and m.date]
    starts = [m.start for m in dates]
    out: list[Event] = []
    for m in _EVENT_RE.finditer(text):
        a, b = m.start(), m.end()
        word = m.group()
        if _NEGATED.search(text, max(0, a - 8), a):
            continue
        if word == "建成" and text.startswith(("为", "成"), b):
            continue  # 建成为…: becomes, not completed
        s0, s1 = index.sentence(a)
        # nearest date before the word in the sentence, else right after it (于2月15日投产)
        k = bisect.bisect_right(starts, a) - 1
        date = precision = None
        dstart = a
        if k >= 0 and dates[k].start >= s0 and dates[k].end <= a:
            dm = dates[k]
            date, precision, dstart = date_value(dm), dm.precision, dm.start
        else:
            rel = None
            for r in _REL_DAY.finditer(text, s0, a):
                rel = r
            if rel is not None:
                date, precision = _relative(rel.group(), pub)
                dstart = rel.start()
        c0 = max(s0, a - 20)
        planned = _PLAN.search(text, max(c0, dstart if dstart < a else c0), a) is not None \
            or _after(date, pub)
        out.append(Event(a, b, word, _TYPE[word], date, precision, planned, dstart))
    return out
