"""The plain API: article text in, project and claim records (shared/spec/records.md) out.

    from touzi.extract.records import extract_records
    records = extract_records(text, pub_date="2020-04-05", doc_id="000_70a04c5ec55497ca")

Keys (stable; beyond records.md: `aliases`, `confidence`, `extractor`, `region.confidence`,
`period_precision`, `qualifier`, `indicator_text` always present):
- project: kind, doc_id, name, company, region {province, city, county, town, zone, adcode,
  confidence}, investment [{type, amount_cny, amount, unit, currency, qualifier, text}],
  capacity [{quantity, unit, product, per, text}], output_value [{type (annual_output or
  annual_sales), amount_cny, qualifier, text}], land [{quantity, unit, text}], events [{type,
  date, precision, text}], aliases, evidence [{start, end}], confidence, extractor;
- claim: kind, doc_id, region, indicator, indicator_text, period, period_precision, value,
  unit, count, growth_pct, target_pct, rank, qualifier, text (the sentence), evidence,
  confidence, extractor;
- error: kind, doc_id, component, message, extractor.

The work runs in stages over one `Analysis` (figures → places → companies → projects →
assembly → claims); each stage reads what the earlier ones left. A stage that fails is recorded
as a {"kind": "error", "component": …, "message": …} record and the others go on with what
they have: `extract_records` never raises. The spaCy pipeline (extract/pipeline.py) runs the
same stages as components.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from touzi.extract.assemble import BATCH_EVENT, Assembler, Entity, cluster
from touzi.extract.claims import ClaimFinder
from touzi.extract.companies import Company, find_companies
from touzi.extract.dates import PubDate, parse_pub_date
from touzi.extract.events import Event, date_value, find_events
from touzi.extract.mention_type import Mention
from touzi.extract.name_edges import Protected
from touzi.extract.projects import GENERIC_PLACES, NAME, ProjectFinder, ProjectMention
from touzi.extract.quantities import tonnage_class
from touzi.extract.sentences import TextIndex, headline_end

# Bump when rules change: records carry it so a database knows which rules made them.
EXTRACTOR_VERSION = "0.10.0"
EXTRACTOR = f"touzi.extract/{EXTRACTOR_VERSION}"

REGION_KEYS = ("province", "city", "county", "town", "zone", "adcode")
# A date opening a sentence: 3月27日, 6月17日上午, 2022年2月27日 (then the occasion)
_DAY_OPENING = re.compile(
    # (after a dateline: 本报某地电（记者某某）, 本报讯, 某某网讯)
    r"(?:[^，,。\n]{0,16}?[讯电]\s*(?:[（(][^（）()\n]{0,24}[)）])?\s*)?"
    r"(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{1,2}日|今天|今日|昨天|昨日)(?:上午|下午|晚上|晚|早上)?[，,]?")
_CEREMONY = ("仪式", "活动", "大会")
_COMMA_AFTER = re.compile(r"(?:上午|下午|晚上|晚|早上)?[，,]")


@dataclass
class Analysis:
    """Everything found in one article, filled stage by stage."""

    text: str
    pub: PubDate | None = None
    doc_id: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    index: TextIndex | None = None
    mentions: list[Mention] = field(default_factory=list)
    ctx: Any = None  # touzi.extract.regions.ArticleRegions
    companies: list[Company] = field(default_factory=list)
    project_mentions: list[ProjectMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    project_sentences: set[int] = field(default_factory=set)
    coordinated: dict[int, int] = field(default_factory=dict)
    projects: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    occasion: dict[str, tuple[str, str]] | None = None  # see _occasion

    def place_spans(self) -> list[tuple[int, int]]:
        """Spans of every place mention (no name edge cuts inside one)."""
        if self.ctx is None:
            return []
        return [(m.start, m.end) for m in self.ctx.mentions]


def new_analysis(text: str, *, pub_date: str | _dt.date | None = None, source: str | None = None,
                 title: str | None = None, url: str | None = None,
                 doc_id: str | None = None) -> Analysis:
    """An empty Analysis for `text` (the text is coerced to str; bad dates become None)."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    try:
        pub = parse_pub_date(pub_date)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - a malformed date must not stop extraction
        pub = None
    if doc_id is None:
        doc_id = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Analysis(text=text, pub=pub, doc_id=doc_id, source=source, title=title, url=url,
                    index=TextIndex(text))


# -- stages ----------------------------------------------------------------------------------
def stage_figures(a: Analysis) -> None:
    """Money, capacities, land, counts, growth, dates (touzi.extract.mentions)."""
    from touzi.extract.mentions import find_mentions

    a.mentions = find_mentions(a.text, a.pub)


_resolver = None


def resolver() -> Any:
    """The process-wide RegionResolver (loaded on first use)."""
    global _resolver
    if _resolver is None:
        from touzi.extract.regions import RegionResolver

        _resolver = RegionResolver.default()
    return _resolver


def stage_places(a: Analysis) -> None:
    """Places resolved with the article as context (touzi.extract.regions)."""
    pub = None
    if a.pub is not None:
        pub = f"{a.pub.year:04d}"
    a.ctx = resolver().article_context(a.text, pub_date=pub, source=a.source, url=a.url,
                                       title=a.title)


_FIGURE_END_KINDS = frozenset(("date", "period", "money", "count", "duration"))


def stage_companies(a: Analysis) -> None:
    """Company names and their short forms."""
    ends = sorted(m.end for m in a.mentions if m.kind in _FIGURE_END_KINDS)
    a.companies = find_companies(a.text, Protected(a.place_spans()), ends, a.index)


def stage_projects(a: Analysis) -> None:
    """Project names, list items and pointers."""
    assert a.index is not None
    a.project_mentions = ProjectFinder(a.text, a.index, a.mentions, a.place_spans(),
                                       a.companies).find()


def stage_assembly(a: Analysis) -> None:
    """Entities with their figures, events, companies, regions → project records."""
    assert a.index is not None
    a.entities = cluster(a.project_mentions, a.index, a.text, a.companies)
    # events matter only near named projects: their paragraphs and the 400 characters before
    # them (a batch's 集中开工 told before its list of projects)
    paras: list[tuple[int, int]] = []
    for pm in a.project_mentions:
        p0, p1 = a.index.paragraph(pm.start)
        p0 = a.index.paragraph(max(0, p0 - 400))[0] if p0 > 0 else 0
        if paras and p0 <= paras[-1][1]:
            paras[-1] = (paras[-1][0], max(paras[-1][1], p1))
        else:
            paras.append((p0, p1))
    a.events = find_events(a.text, a.index, a.mentions, a.pub, paras)
    occasion = _occasion(a)
    for ev in a.events if occasion else ():
        day = occasion.get(ev.type)
        if ev.date is None and not ev.planned and day is not None \
                and BATCH_EVENT.search(a.text, max(0, ev.start - 3), ev.start):
            # 四川集中开工项目360个 in a story of a day's starts: that day (its members take it)
            ev.date, ev.precision = day
    asm = Assembler(a.text, a.index, a.mentions, a.entities, a.companies)
    asm.places_before = _places_before(a)
    asm.attach_figures()
    asm.drop_unsupported()
    asm.attach_thresholds()
    asm.attach_events(a.events)
    asm.inherit_list_events(a.events)
    asm.inherit_batch_events(a.events)
    asm.attach_companies()
    a.used = asm.used
    a.project_sentences = asm.project_sentences()
    a.coordinated = asm.coordinated
    a.projects = [project_record(a, e, asm) for e in a.entities]


def _places_before(a: Analysis) -> Callable[[int, int], bool]:
    """A test: does a place naming a particular site lie in text[lo:pos]?"""
    spans = [(s, e) for s, e in a.place_spans() if a.text[s:e] not in GENERIC_PLACES]
    starts = [s for s, _ in spans]

    def test(pos: int, lo: int) -> bool:
        k = bisect.bisect_left(starts, lo)
        return k < len(spans) and spans[k][1] <= pos

    return test


def stage_claims(a: Analysis) -> None:
    """Regional aggregate claims from the figures no project took."""
    assert a.index is not None
    names = sorted((m.start, m.end) for e in a.entities for m in e.mentions if m.kind != "ref")
    finder = ClaimFinder(a.text, a.index, a.mentions, a.ctx, a.pub, a.used,
                         a.project_sentences, a.companies, a.coordinated, names)
    claims = []
    for c in finder.find():
        # named indicators and counted batches are surer than `other` amounts
        conf = 0.5 if c["indicator"] == "other" else 0.7
        if c["indicator"] in ("project_investment", "project_count") and c["count"]:
            conf = 0.8
        if c.get("growth_pct") is not None or c.get("target_pct") is not None:
            conf += 0.1
        claims.append({"kind": "claim", "doc_id": a.doc_id, **{k: v for k, v in c.items()
                                                             if k != "kind"},
                       "confidence": round(min(conf, 0.9), 2), "extractor": EXTRACTOR})
    a.claims = claims


STAGES: list[tuple[str, Callable[[Analysis], None]]] = [
    ("figures", stage_figures),
    ("places", stage_places),
    ("companies", stage_companies),
    ("projects", stage_projects),
    ("assembly", stage_assembly),
    ("claims", stage_claims),
]


def run_stage(a: Analysis, name: str, func: Callable[[Analysis], None]) -> None:
    """Run one stage; a failure is recorded in `a.errors`, never raised."""
    try:
        func(a)
    except Exception as exc:  # noqa: BLE001 - one stage failing must not lose the others
        a.errors.append({"kind": "error", "doc_id": a.doc_id, "component": name,
                         "message": f"{type(exc).__name__}: {exc}"[:500],
                         "extractor": EXTRACTOR})


def analyse(text: str, **meta: Any) -> Analysis:
    """Run every stage over `text` (meta: pub_date, source, title, url, doc_id)."""
    a = new_analysis(text, **meta)
    for name, func in STAGES:
        run_stage(a, name, func)
    return a


def records_of(a: Analysis) -> list[dict[str, Any]]:
    """The records of an analysed article: projects, then claims, then errors."""
    return a.projects + a.claims + a.errors


def extract_records(text: str, *, pub_date: str | _dt.date | None = None,
                    source: str | None = None, title: str | None = None,
                    url: str | None = None, doc_id: str | None = None) -> list[dict[str, Any]]:
    """Project and claim records of one article in the records.md format (never raises)."""
    try:
        a = analyse(text, pub_date=pub_date, source=source, title=title, url=url,
                    doc_id=doc_id)
        return records_of(a)
    except Exception as exc:  # noqa: BLE001 - the API promises never to raise
        return [{"kind": "error", "doc_id": doc_id, "component": "extract_records",
                 "message": f"{type(exc).__name__}: {exc}"[:500], "extractor": EXTRACTOR}]


# -- record building ---------------------------------------------------------------------------
_CUE_BEFORE = re.compile(
    r"(?:计划总投资|总投资额?|投资总额|估算总投资|概算总投资|项目总投资|总投入|计划投资|"
    r"[一二三首]期(?:工程)?(?:总)?投资|累计完成投资|已完成投资|完成投资|增加总投资|"
    r"增加注册资本|注册资本金?|投资规模|总额|投资|出资|增资|产值|年产值|摘牌|年产能?|占地面积|"
    r"用地面积|占地|征地|面积|年销售收入|销售收入|销售额|吞吐量|发电量)"
    r"(?:额|概算)?(?:为|达|达到|约|近|超过?|逾|可达|将达)?\Z"
)


def _phrase(text: str, m: Mention) -> str:
    """The figure with the cue word before it (总投资326亿元), under 16 characters."""
    lo = max(0, m.start - 10)
    cue = _CUE_BEFORE.search(text, lo, m.start)
    start = cue.start() if cue is not None else m.start
    phrase = text[start:m.end]
    if len(phrase) > 15:
        phrase = m.text[:15]
    return phrase


def _region(a: Analysis, e: Entity, asm: Assembler) -> dict[str, Any]:
    r = asm.route_region(a.ctx, e, asm.region(a.ctx, e))
    if r is None:
        return {k: None for k in REGION_KEYS} | {"confidence": 0.0}
    d = r.to_dict()
    return {k: d[k] for k in REGION_KEYS} | {"confidence": d["confidence"]}


def _occasion(a: Analysis) -> dict[str, tuple[str, str]]:
    """The dates a story's opening gives its occasion, by event type: a day written at the
    start of the first body sentence that holds an event (3月27日，某市重大项目集中开工活动
    举行: started on 3月27日). Computed once per article."""
    if a.occasion is not None:
        return a.occasion
    out: dict[str, tuple[str, str]] = {}
    a.occasion = out
    if a.index is None or not a.events:
        return out
    # (an undated event word before it is the headline's: 某市重大项目集中签约)
    first = min((v for v in a.events if v.date is not None), key=lambda v: v.start, default=None)
    if first is not None:
        s0, s1 = a.index.sentence(first.start)
        lead = a.text[s0:first.start].lstrip()
        opening = _DAY_OPENING.match(lead) if s0 <= 400 and not first.planned else None
        if opening is not None and first.precision != "day" and (
                BATCH_EVENT.search(a.text, max(0, first.start - 3), first.start)
                or a.text.startswith(_CEREMONY, first.end)):
            # 18日，江西省2024年一季度重大项目集中开工…, 8月26日，“2011年某洽谈会暨项目签约
            # 仪式”举行: the batch of the quarter started, the ceremony named by its year was
            # held, on the day the sentence opens with
            lo = s0 + len(a.text[s0:first.start]) - len(lead)
            day = max((m for m in a.mentions if lo <= m.start < lo + opening.end()
                       and m.kind in ("date", "period") and m.precision == "day"),
                      key=lambda m: m.start, default=None)  # (not the dateline's day)
            value = date_value(day) if day is not None else None
            if value:
                first.date, first.precision = value, "day"
        if opening is not None and first.precision == "day":
            for ev in a.events:
                if s0 <= ev.start < s1 and ev.date == first.date and not ev.planned:
                    out.setdefault(ev.type, (ev.date, "day"))
            return out
    # 5月16日至19日，某市代表团赴深圳…。推介会上，共有7个项目签约: a paragraph opening with
    # the days of a visit or a meeting dates what it tells as done with no date of its own
    day = next((m for m in a.mentions if m.kind in ("date", "period") and m.start <= 400
                and m.precision == "day" and m.date and _COMMA_AFTER.match(a.text, m.end)
                and not a.text[a.index.paragraph(m.start)[0]:m.start].strip()), None)
    if day is None:
        return out
    p0, p1 = a.index.paragraph(day.start)
    value = date_value(day)
    for ev in a.events:
        if p0 <= ev.start < p1 and ev.date is None and not ev.planned and value:
            out.setdefault(ev.type, (value, "day"))
    return out


def project_record(a: Analysis, e: Entity, asm: Assembler) -> dict[str, Any]:
    """The records.md `project` record of one entity."""
    text = a.text
    investment = []
    capacity = []
    land = []
    output = []
    seen: set[tuple[Any, ...]] = set()
    figures = sorted(e.figures, key=lambda m: m.start)
    converted = _conversions(text, figures)
    for f in figures:
        if f.kind == "money":
            if id(f) in converted:
                continue  # (约合20亿元人民币): the figure before it, in yuan
            key = ("m", f.role, f.value, f.currency)
            if key in seen:
                continue
            seen.add(key)
            if f.role in ("output_value", "revenue"):
                output.append({"type": "annual_output" if f.role == "output_value"
                               else "annual_sales", "amount_cny": f.amount_cny,
                               "qualifier": f.qualifier, "text": _phrase(text, f)})
                continue
            cny = f.amount_cny
            if cny is None and id(f) in converted.values():
                cny = next(g.amount_cny for g in figures if converted.get(id(g)) == id(f))
            investment.append({
                "type": f.role, "amount_cny": cny, "amount": f.value,
                "amount_max": f.value_max,  # 50亿元至80亿元: the upper bound, else None
                "unit": _unit_word(f), "currency": f.currency, "qualifier": f.qualifier,
                "text": _phrase(text, f),
            })
        elif f.kind in ("capacity", "quantity"):
            if tonnage_class(text, f.end, f.unit):
                continue
            key = ("c", f.value, f.unit, f.product)
            if key in seen:
                continue
            seen.add(key)
            capacity.append({"quantity": f.value, "unit": f.unit,
                             "product": f.product or _product_after(text, f),
                             "per": f.per or _per_year(text, f), "text": _phrase(text, f)})
        elif f.kind == "land":
            key = ("l", f.value, f.unit)
            if key in seen:
                continue
            seen.add(key)
            land.append({"quantity": f.value, "unit": f.unit, "text": _phrase(text, f)})
    events = []
    seen_ev: set[tuple[Any, ...]] = set()
    for ev in sorted(e.events, key=lambda v: v.start):
        r = ev.to_record(text)
        # 计划2025年建成投运: two plans on one date stay two events
        key = (r["type"], r["date"], ev.type if r["type"] == "planned" else None)
        if key in seen_ev:
            continue
        seen_ev.add(key)
        events.append(r)
    occasion = _occasion(a)
    if occasion:
        known = {(ev["type"], ev["date"]) for ev in events}
        for ev in events:
            day = occasion.get(ev["type"])
            if ev["date"] is None and day is not None:
                # 6月17日，某市项目集中签约仪式举行 … 某项目率先签约: the story's occasion, dated
                # in its opening sentence, is when its projects were signed (or started)
                ev["date"], ev["precision"] = day
                if (ev["type"], day[0]) in known:
                    ev["type"] = None  # the same event, already dated
        events = [ev for ev in events if ev["type"] is not None]
    if a.pub is not None and a.pub.month is not None:
        # A dated story reports what happened as news: an event it tells as done with no date
        # of its own happened by the publication, most often in its month (开工, 建成投产 in
        # a story of 2016-05: 2016-05). Measured on dev news: month +9 events right, +1 wrong;
        # the day +9/+18 (the month before is common); the year +6/-3.
        for ev in events:
            if ev["date"] is None and ev["type"] != "planned":
                ev["date"] = f"{a.pub.year:04d}-{a.pub.month:02d}"
                ev["precision"] = "month"
    dated = {ev["type"] for ev in events if ev["date"] is not None}
    events = [ev for ev in events if ev["date"] is not None or ev["type"] not in dated]
    # 今年 and 今年7月 for one plan: the more precise date stays
    events = [ev for ev in events if not any(
        o is not ev and o["type"] == ev["type"] and ev["date"] and o["date"]
        and len(o["date"]) > len(ev["date"]) and o["date"].startswith(ev["date"])
        for o in events)]
    # a headline's short name gives way to the text's full one (the first line, when short)
    name = e.best_name(max(headline_end(text), 0))
    aliases = sorted({m.name for m in e.mentions if m.kind != "ref" and m.name != name})
    evidence = []
    for m in e.mentions:
        if m.kind == "ref":
            continue
        assert a.index is not None
        s0, s1 = a.index.sentence(m.start)
        span = {"start": s0, "end": s1}
        if span not in evidence:
            evidence.append(span)
    confidence = 0.5
    if e.first.kind == NAME and not e.first.weak:
        confidence = 0.75
    if investment or capacity:
        confidence += 0.15
    if events:
        confidence += 0.05
    return {
        "kind": "project",
        "doc_id": a.doc_id,
        "name": name,
        "company": e.company,
        "region": _region(a, e, asm),
        "investment": investment,
        "capacity": capacity,
        "output_value": output,
        "land": land,
        "events": events,
        "aliases": aliases,
        "evidence": evidence[:4],
        "confidence": round(min(confidence, 0.95), 2),
        "extractor": EXTRACTOR,
    }


_CONVERSION = re.compile(r"\s*[（(]?\s*(?:约合|折合|合|相当于)")
_RESTATED = re.compile(r"\s*[（(]\s*(?:约合|折合|合|约|相当于)?\s*")


def _conversions(text: str, figures: list[Mention]) -> dict[int, int]:
    """2.97亿美元(约合20亿元人民币): id of each yuan conversion → id of the figure it converts;
    60.7亿元(8.8亿美元): id of the bracketed foreign restatement → id of the yuan figure."""
    out: dict[int, int] = {}
    money = [f for f in figures if f.kind == "money"]
    for f, g in zip(money, money[1:], strict=False):
        if f.currency not in (None, "CNY") and g.currency == "CNY" \
                and g.start - f.end <= 6 and _CONVERSION.match(text[f.end:g.end]):
            out[id(g)] = id(f)
        elif f.currency == "CNY" and g.currency not in (None, "CNY") \
                and _RESTATED.fullmatch(text, f.end, g.start) \
                and text.startswith((")", "）"), g.end):
            out[id(g)] = id(f)
    return out


_PRODUCT_AFTER = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,8}?(?=项目|工程|生产线|装置|基地|、|，|。|和|及|$)")
_PER_YEAR_CUE = re.compile(r"年|每年")


def _product_after(text: str, m: Mention) -> str | None:
    """The product written right after a quantity (150万吨乙烯 → 乙烯)."""
    p = _PRODUCT_AFTER.match(text, m.end, min(len(text), m.end + 12))
    return p.group() if p is not None and p.group() else None


def _per_year(text: str, m: Mention) -> str | None:
    """year when 年/每年 is written just before the figure (年旅客吞吐量3300万人次)."""
    return "year" if _PER_YEAR_CUE.search(text, max(0, m.start - 8), m.start) else None


def _unit_word(m: Mention) -> str | None:
    if m.multiplier is None:
        return None
    return {10**8: "亿", 10**4: "万", 10**3: "千"}.get(m.multiplier)
