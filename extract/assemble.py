"""From project mentions to project records: one entity per project (its names, short names
and pointers merged), with the figures, events, company and place that belong to it.

Attachment follows how these reports are written:
- 总投资326亿元的吉利新能源汽车项目: a figure joined to the next name by 的 is that name's;
- X项目总投资350亿元, 年产能…: a figure after a name in its sentence is the name's;
- 该项目 / 这个总投资90亿元的项目 / 项目 at a clause start point back to the last project;
- 5批38个重大项目总投资363.5亿元: a figure after a count of projects belongs to the batch
  (a claim), never to a project.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from touzi.extract.companies import Company
from touzi.extract.events import Event
from touzi.extract.mention_type import Mention
from touzi.extract.projects import ITEM, REF, ProjectMention
from touzi.extract.sentences import TextIndex

_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,12})[”\"」』]")
_NORM_DROP = re.compile(r"[“”\"「」『』（）()\s·]")
_NUMS = re.compile(r"\d+(?:[.．]\d+)?")
# Money roles that are a project's investment (records.md investment[].type).
INVEST_ROLES = frozenset((
    "total", "phase", "annual", "completed", "added", "registered_capital", "fund",
    "land_price", "other",
))
# Counts whose noun makes the figure after them a batch's (38个重大项目…总投资).
_BATCH_NOUN = re.compile(r"项目|工程|企业|重点|重大|签约|开工|在建|新建|竣工|投产|产业")
_SUBJECT_REF = re.compile(r"(?:其中|该项目|项目|此次|本次|该工程|工程|一期|二期|三期|首期|整个项目)")
_MONEY_CUE = re.compile(
    r"(?:计划总投资|总投资额?|投资总额|估算总投资|概算总投资|静态投资|总投入|计划投资|"
    r"[一二三首]期(?:工程)?(?:总)?投资|累计完成投资|完成投资|增加总投资|增加注册资本|"
    r"注册资本金?|投资规模|投资|出资|增资|产值|摘牌)"
    r"(?:额|概算)?(?:为|达|达到|约|近|超过?|逾)?\Z"
)


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

    def best_name(self) -> str:
        """The name as first written, replaced by a later form that holds it (锦屏二级水电站
        in a headline → 雅砻江锦屏二级水电站 in the text)."""
        names = [m for m in self.mentions if m.kind != REF]
        best = names[0].name if names else self.mentions[0].name
        for m in names[1:]:
            if len(m.name) > len(best) and _norm(best) in _norm(m.name):
                best = m.name
        return best


def _norm(name: str) -> str:
    n = _NORM_DROP.sub("", name)
    if n.endswith("项目") and len(n) > 4:
        n = n[:-2]
    return n


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def same_project(a: str, b: str) -> bool:
    """True when two names written in one article name the same project: one holds the
    other (锦屏二级水电站 / 雅砻江锦屏二级水电站), abbreviates it in order (抚吉高速 /
    抚州至吉安高速公路), shares a quoted term, or differs only in word order of its figures."""
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    short, long = (na, nb) if len(na) <= len(nb) else (nb, na)
    if len(short) >= 3 and short in long:
        return _NUMS.findall(short) == _NUMS.findall(long) or not _NUMS.findall(short)
    qa, qb = set(_QUOTED.findall(a)), set(_QUOTED.findall(b))
    if qa & qb:
        return True
    if _NUMS.findall(na) and sorted(_NUMS.findall(na)) != sorted(_NUMS.findall(nb)):
        return False
    # 抚吉高速 / 抚州至吉安高速公路, 伊钢一期技改工程 / 首钢伊犁钢铁…一期技改工程
    if len(short) >= 4 and _subsequence(short, long) and short[-2:] == long[-2:] \
            and (short[0] == long[0] or short[:2] in long):
        return True
    if len(short) >= 4 and _subsequence(short, long) and short[0] == long[0] \
            and _HEAD_CLASS.get(short[-2:]) is not None \
            and _HEAD_CLASS.get(short[-2:]) == _HEAD_CLASS.get(long[-2:]):
        return True
    common = sum((Counter(short) & Counter(long)).values())
    return len(short) >= 8 and common / len(long) >= 0.85


# Head words that abbreviate each other (高速 for 高速公路).
_HEAD_CLASS = {"高速": "road", "公路": "road", "铁路": "rail", "高铁": "rail", "城际": "rail"}


def cluster(mentions: list[ProjectMention], index: TextIndex,
            max_ref_gap: int = 260) -> list[Entity]:
    """Group mentions into entities: names and items join an earlier entity they name again;
    a pointer (该项目) joins the last entity named before it, within `max_ref_gap` chars."""
    entities: list[Entity] = []
    last: Entity | None = None
    last_pos = -10**9
    for m in mentions:
        if m.kind == REF:
            if last is not None and m.start - last_pos <= max_ref_gap:
                last.mentions.append(m)
                last_pos = m.end
            continue
        target = None
        for e in entities:
            if m.kind == ITEM and e.list_id == m.list_id and m.list_id >= 0:
                continue  # items of one list are different projects
            if any(x.kind != REF and same_project(x.name, m.name) for x in e.mentions):
                target = e
                break
        if target is None:
            target = Entity([m], list_id=m.list_id if m.kind == ITEM else -1)
            entities.append(target)
        else:
            target.mentions.append(m)
        last, last_pos = target, m.end
    return entities


class Assembler:
    """Attaches figures and events to entities for one article."""

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

    # -- where a figure belongs ----------------------------------------------------------
    def _spots_in(self, a: int, b: int) -> list[tuple[int, int, Entity, ProjectMention]]:
        i = bisect.bisect_left(self.spot_starts, a)
        out = []
        while i < len(self.spots) and self.spots[i][0] < b:
            out.append(self.spots[i])
            i += 1
        return out

    def _batch_before(self, f: Mention, s0: int) -> bool:
        """A count of projects before the figure in its sentence makes it a batch's."""
        for m in self.mentions:
            if m.start >= f.start:
                break
            if m.kind == "count" and m.start >= s0 and m.value not in (None, 1):
                noun = (m.role or "") + self.text[m.end:m.end + 6]
                if _BATCH_NOUN.search(noun) or _BATCH_NOUN.search(
                        self.text[max(s0, m.start - 8):m.start]):
                    return True
        return False

    def owner(self, f: Mention) -> Entity | None:
        """The entity a figure belongs to, or None (a claim's or nobody's)."""
        text = self.text
        s0, s1 = self.index.sentence(f.start)
        spots = self._spots_in(s0, s1)
        inside = [s for s in spots if s[0] <= f.start and f.end <= s[1]]
        if inside:
            return inside[0][2]  # 年产15万辆乘用车项目: the figure is part of the name
        # 总投资326亿元的吉利…项目: the next name in the clause chain, joined by 的
        after = [s for s in spots if s[0] >= f.end and s[3].kind != REF]
        if after:
            nxt = after[0]
            between = text[f.end:nxt[0]]
            if "的" in between and len(between) <= 30 and not any(c in between for c in "，,；;。"):
                return nxt[2]
        if self._batch_before(f, s0):
            return None
        before = [s for s in spots if s[1] <= f.start]
        if before:
            b = before[-1]
            if b[3].kind == ITEM and any(s[3].list_id == b[3].list_id and s is not b
                                         for s in before):
                return None  # after a list of projects: a figure of the whole list
            return b[2]
        if after:
            c0 = self.index.clause(f.start)[0]
            c_after = [s for s in after if self.index.clause(s[0])[0] == c0]
            if c_after:
                return c_after[0][2]
        # no project in the sentence: a pointer-like subject continues the last project
        head = text[s0:min(s1, s0 + 6)].lstrip(" \u3000\t")
        if _SUBJECT_REF.match(head):
            prev = self._spots_in(max(0, s0 - 260), s0)
            p0 = self.index.paragraph(f.start)[0]
            prev = [s for s in prev if s[0] >= p0]
            if prev:
                return prev[-1][2]
        return None

    def attach_figures(self) -> None:
        """Give each project figure (money, capacity, land, output value) to its owner."""
        for f in self.mentions:
            k = f.kind
            if k == "money":
                if f.role not in INVEST_ROLES and f.role != "output_value":
                    continue
            elif k not in ("capacity", "land"):
                continue
            e = self.owner(f)
            if e is not None:
                e.figures.append(f)
                self.used.add(id(f))

    def attach_events(self, events: list[Event]) -> None:
        """Give each event to the project(s) its sentence is about."""
        for ev in events:
            s0, s1 = self.index.sentence(ev.start)
            spots = self._spots_in(s0, s1)
            if not spots:
                head = self.text[s0:min(s1, s0 + 6)].lstrip()
                if _SUBJECT_REF.match(head):
                    p0 = self.index.paragraph(ev.start)[0]
                    prev = [s for s in self._spots_in(max(p0, s0 - 200), s0)]
                    if prev:
                        prev[-1][2].events.append(ev)
                continue
            before = [s for s in spots if s[1] <= ev.start]
            chosen = before[-1] if before else spots[0]
            if chosen[3].kind == ITEM:
                for s in spots:
                    if s[3].kind == ITEM and s[3].list_id == chosen[3].list_id:
                        s[2].events.append(ev)
            else:
                targets = {id(chosen[2]): chosen[2]}
                # 年产15万辆乘用车项目和年产60万台变速器项目也于…: coordinated names share it
                for s in before[:-1] if before else []:
                    between = self.text[s[1]:chosen[0]]
                    if len(between) <= 2 and (not between or between in "和与及、"):
                        targets[id(s[2])] = s[2]
                for e in targets.values():
                    e.events.append(ev)

    def attach_companies(self) -> None:
        """The investor of each entity: a company in its name, else the company the sentence
        ties to it (由X投资, X投资…建设, X的Y项目), else the item itself when it is a firm."""
        text = self.text
        comps = self.companies
        starts = [c.start for c in comps]
        for e in self.entities:
            for pm in e.mentions:
                if pm.company is not None:
                    e.company = _company_name(pm.company)
                    break
            if e.company is not None:
                continue
            for pm in e.mentions:
                if pm.kind == REF:
                    continue
                s0, s1 = self.index.sentence(pm.start)
                i = bisect.bisect_left(starts, s0)
                cands = []
                while i < len(comps) and comps[i].start < s1:
                    cands.append(comps[i])
                    i += 1
                pick = _linked_company(text, pm, cands)
                if pick is not None:
                    e.company = _company_name(pick)
                    break
            if e.company is None and e.first.kind == ITEM and _FIRM_ITEM.fullmatch(e.first.name):
                e.company = _CAPACITY_TAIL.sub("", e.first.name) or None


_FIRM_ITEM = re.compile(
    r"(?![\u4e00-\u9fff]*(?:至|号线|高铁|铁路|公路|核电|电站|机场|大桥|隧道|水库|扩建|[一二三四首]期))"
    r"[\u4e00-\u9fffA-Za-z]{2,10}(?:[\d.．]+万?[吨锭辆台套件片]?[\u4e00-\u9fff]{0,4})?"
)
_CAPACITY_TAIL = re.compile(r"[\d.．]+.*$")
_INVEST_LINK = re.compile(r"投资|出资|捐资|建设|兴建|实施|承建|设立|开建|扩建|新建|运营|打造")


def _company_name(c: Company) -> str:
    if c.full:
        return c.name
    return c.name


def _linked_company(text: str, pm: ProjectMention, cands: list[Company]) -> Company | None:
    """A company the sentence ties to the project: 由X投资(建设)的Y, X投资…建设Y, X的Y,
    Y由X投资."""
    best = None
    for c in cands:
        if c.end <= pm.start:
            between = text[c.end:pm.start]
            if len(between) <= 40 and (_INVEST_LINK.search(between) or between in ("", "的")):
                if not any(ch in between for ch in "。；;"):
                    best = c  # the nearest before wins
        elif c.start >= pm.end:
            between = text[pm.end:c.start]
            if best is None and len(between) <= 6 and between.endswith("由"):
                return c
    return best
