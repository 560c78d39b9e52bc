"""Scoring extracted records against gold records: `evaluate(gold, pred) -> Report`.

    from touzi.extract.evaluate import evaluate
    report = evaluate(gold_records, pred_records)
    report.projects.f1, report.fields["project"]["investment"].f1, report.misses

Both inputs are records in the format of ../shared/spec/records.md (dicts; `doc` records and
other kinds are skipped). Records are grouped by `doc_id`; only the documents the gold covers
are scored (a gold `doc` record with no project or claim counts as a document with nothing
to find); predictions for other documents are counted in `pred_ignored` and otherwise left out.

Matching a predicted record to a gold record (one-to-one, within a document)
-----------------------------------------------------------------------------
Projects. Names are compared through their *core*: NFKC-normalised, spaces, quotes and
punctuation at either end removed, lower-cased; then the company prefix is removed (the text up to the last
股份有限公司/有限责任公司/有限公司/集团公司/集团/公司, and any company named in the
`company` field of either record), then a capacity prefix (`年产15万辆`, `新增年产1.62亿片`,
`150万吨的`: a figure with its measure word at the start), then a final 项目. When either
core is shorter than 2 characters (the seeds gold's empty-core case: `三菱树脂` with company
三菱树脂, `年产…项目` with nothing after the figure) both names are compared with only the final
项目 removed. The overlap of two cores is the length of their longest common subsequence
divided by the length of the longer core; a pair is a candidate at overlap >= 0.6. The gold
name and each of its `aliases` are tried; the best overlap counts.

Claims. A pair is a candidate when
1. the indicators are of the same family: investment (fixed_asset_investment,
   manufacturing_investment, industrial_investment, project_investment, project_count),
   capital (contracted_fdi, actual_fdi, domestic_capital_attracted), fiscal
   (fiscal_revenue), output (output_value, industrial_value_added), land (land_cleared);
   `other` (and any unknown indicator) is of every family;
2. their figures agree: the first of `value`, `count`, `growth_pct` that both records state
   must agree (value within 0.5% and the same unit when both give one; count equal; growth
   within 0.05 points). When they share none of the three, they match only if the gold states
   none of them either (a gold claim of a share or a rate);
3. they are anchored at the same place: an evidence span of each overlaps, or the periods
   agree at the gold's precision (see dates below).

Assignment is greedy: all candidate pairs of a document sorted by score (project: overlap;
claim: 1 + 0.5 same indicator + 0.25 evidence overlap + 0.25 period agreement); project ties
go to the higher overlap of the whole names (A公司一期 and B公司一期 share the core 一期), then
to non-borderline gold, then file order; each gold and each prediction is used once.

Counting
--------
Records: a matched pair is a true positive, an unmatched gold a false negative (a miss), an
unmatched prediction a false positive (spurious). Gold records with `borderline: true` count
nowhere: matched, they absorb the prediction (not spurious); unmatched, they are not missed.
Their fields are not scored either.

Fields are scored end to end, over all non-borderline gold and all predictions (so a field
of a missed record is a false negative, a field of a spurious record a false positive):
- scalar fields (project company, region; claim indicator, value, count, period, growth,
  region): gold set and prediction empty: FN; gold empty and prediction set: FP; both set:
  TP when right, else FP + FN;
- list fields (investment, capacity, land, output_value, events): each item is a unit; items
  of a matched pair are paired greedily by the rule below (TP), the rest are FN / FP.

When a value is right:
- money (investment items, output_value items, claim value): `amount_cny` within 0.5% of the
  gold's; when either side has no amount_cny, `amount` within 0.5% and the same `currency`;
  the investment `type` is not compared;
- capacity and land items: quantity within 0.5% in the same base unit (万/亿 prefixes folded
  into the quantity: 56万吨 = 560000 吨; MW/兆瓦/万千瓦/GW as 千瓦; kWh/度 as 千瓦时);
- events: same `type` and the date agrees at the gold's precision (a gold event with no
  date needs the type only);
- dates and periods agree at the gold's precision: each end of the prediction falls within
  the unit of the corresponding end of the gold (`2018-02-15` agrees with gold `2018-02`;
  `2018` does not; `2020-02` agrees with `2020-Q1`; ranges `A/B` compare end by end);
- region: `adcode` only (names differ between annotators and the gazetteer, e.g. a
  municipality's city), to the level the gold gives: 2 digits when the gold code ends in
  0000, 4 when it ends in 00, else 6 (100000, the nation, compares all 6);
- company: split on 、，,/和与及; each gold part is contained in some predicted part or
  contains it (>= 2 characters), and the other way round;
- indicator: the same string; growth: within 0.05 points; count: equal.

Accuracy on matched projects
----------------------------
The extractor's first targets are stated as accuracies over the projects it found, so the
report also counts, over matched non-borderline pairs whose gold states the field:
- investment: the pair is right when every gold investment item has an agreeing predicted
  item (extra predicted items are counted in the field's F1, not here);
- region: the pair is right when the predicted adcode agrees at the gold's level.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

PROJECT_FIELDS = ("company", "region", "investment", "capacity", "land", "output_value", "events")
CLAIM_FIELDS = ("indicator", "value", "count", "period", "growth", "region")
LIST_FIELDS = frozenset({"investment", "capacity", "land", "output_value", "events"})
NAME_OVERLAP = 0.6
REL_TOL = 0.005
GROWTH_TOL = 0.05

FAMILY = {
    "fixed_asset_investment": "investment", "manufacturing_investment": "investment",
    "industrial_investment": "investment", "project_investment": "investment",
    "project_count": "investment",
    "contracted_fdi": "capital", "actual_fdi": "capital", "domestic_capital_attracted": "capital",
    "fiscal_revenue": "fiscal",
    "output_value": "output", "industrial_value_added": "output",
    "land_cleared": "land",
}


# --------------------------------------------------------------------------- result types

@dataclass
class Score:
    """True positives, false positives and false negatives, with P/R/F1 derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); with nothing predicted, 1.0 if there was nothing to find, else 0.0."""
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 0.0 if self.fn else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); with nothing to find, 1.0 if nothing was predicted, else 0.0."""
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 0.0 if self.fp else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (1.0 when there was nothing to find or say)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        """Add another score's counts to this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float | int]:
        """{"tp", "fp", "fn", "precision", "recall", "f1"} (ratios rounded to 4 places)."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Miss:
    """One scoring difference: a missed gold record, a spurious prediction or a wrong field."""

    type: str  # "missed" | "spurious" | "field"
    kind: str  # "project" | "claim"
    doc_id: str
    label: str
    field: str | None = None
    gold: Any = None
    pred: Any = None

    def to_dict(self) -> dict[str, Any]:
        """{"type", "kind", "doc_id", "label", "field", "gold", "pred"}."""
        return {"type": self.type, "kind": self.kind, "doc_id": self.doc_id, "label": self.label,
                "field": self.field, "gold": self.gold, "pred": self.pred}


@dataclass
class Accuracy:
    """How many of the matched pairs that could be judged on a field got it right."""

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        """right / total (1.0 when there was nothing to judge)."""
        return self.right / self.total if self.total else 1.0

    def to_dict(self) -> dict[str, float | int]:
        """{"right", "total", "accuracy"} (the ratio rounded to 4 places)."""
        return {"right": self.right, "total": self.total, "accuracy": round(self.value, 4)}


MATCHED_FIELDS = ("investment", "region")


@dataclass
class Report:
    """Scores of one evaluation: records, fields, per document, and the list of misses."""

    projects: Score = field(default_factory=Score)
    claims: Score = field(default_factory=Score)
    fields: dict[str, dict[str, Score]] = field(default_factory=lambda: {
        "project": {f: Score() for f in PROJECT_FIELDS},
        "claim": {f: Score() for f in CLAIM_FIELDS}})
    matched: dict[str, Accuracy] = field(default_factory=lambda: {
        f: Accuracy() for f in MATCHED_FIELDS})
    by_doc: dict[str, dict[str, Score]] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    docs: int = 0
    gold_projects: int = 0
    gold_claims: int = 0
    borderline: int = 0
    borderline_matched: int = 0
    pred_projects: int = 0
    pred_claims: int = 0
    pred_ignored: int = 0

    def field_scores(self) -> dict[str, Score]:
        """Every field score keyed "project.company", "claim.value", …"""
        return {f"{kind}.{name}": s for kind, scores in self.fields.items()
                for name, s in scores.items()}

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (see touzi.commands.eval for the keys)."""
        return {
            "docs": self.docs,
            "gold": {"projects": self.gold_projects, "claims": self.gold_claims,
                     "borderline": self.borderline},
            "pred": {"projects": self.pred_projects, "claims": self.pred_claims,
                     "ignored": self.pred_ignored, "borderline_matched": self.borderline_matched},
            "projects": self.projects.to_dict(),
            "claims": self.claims.to_dict(),
            "fields": {kind: {name: s.to_dict() for name, s in scores.items()}
                       for kind, scores in self.fields.items()},
            "matched_accuracy": {name: a.to_dict() for name, a in self.matched.items()},
            "by_doc": {doc: {k: s.to_dict() for k, s in scores.items()}
                       for doc, scores in self.by_doc.items()},
            "misses": [m.to_dict() for m in self.misses],
        }


# --------------------------------------------------------------------------- names

_QUOTES = re.compile(r"[\s\"'“”‘’「」『』《》〈〉]+")
_COMPANY = re.compile(r"^.{2,}(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)")
_CN_NUM = "零〇一二三四五六七八九十百千万亿两"
_CAP_UNITS = (r"千瓦时|千瓦|兆瓦|立方米|平方米|标准箱|标箱|吨|辆|台|套|件|片|只|个|颗|盏|张|根|条|"
              r"支|块|锭|瓶|箱|双|头|羽|gwh|mwh|kwh|gw|mw|kw|t")
_CAPACITY = re.compile(
    rf"^(?:新增)?(?:年产能?|年处理|年加工|年吞吐量?|年发电量?|日产|年)?(?:能力)?(?:约|近|超|达)?"
    rf"(?:[0-9.,×x*+]+|[{_CN_NUM}]+)(?:万|亿|千)?(?:{_CAP_UNITS})(?:/年|/日)?的?")
_COMPANY_SPLIT = re.compile(r"[、,，/;；]|和|与|及")


def normalise_name(name: Any) -> str:
    """NFKC, lower case, no spaces, quotes or leading/trailing punctuation (——X项目)."""
    if not isinstance(name, str):
        return ""
    text = _QUOTES.sub("", unicodedata.normalize("NFKC", name)).lower()
    start, end = 0, len(text)
    while start < end and unicodedata.category(text[start]).startswith("P"):
        start += 1
    while end > start and unicodedata.category(text[end - 1]).startswith("P") and text[end - 1] != ")":
        end -= 1
    return text[start:end]


def _companies(*values: Any) -> list[str]:
    parts: set[str] = set()
    for value in values:
        for part in _COMPANY_SPLIT.split(normalise_name(value)):
            if len(part) >= 2:
                parts.add(part)
    return sorted(parts, key=len, reverse=True)


def _strip_final(name: str) -> str:
    return name[:-2] if name.endswith("项目") else name


def name_core(name: Any, companies: Iterable[str] = ()) -> str:
    """The part of a project name that is compared: no company prefix, capacity prefix or 项目."""
    core = normalise_name(name)
    companies = list(companies)
    changed = True
    while changed:  # several companies may precede the name (宝来、利安德巴赛尔)
        changed = False
        for company in companies:
            if core.startswith(company):
                core = core[len(company):]
                changed = True
    m = _COMPANY.match(core)
    if m:
        core = core[m.end():]
    core = _CAPACITY.sub("", core, count=1)
    return _strip_final(core)


def _lcs(a: str, b: str) -> int:
    """Length of the longest common subsequence (names are short: plain dynamic programming)."""
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if ca == cb else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def name_overlap(gold_name: Any, pred_name: Any, companies: Iterable[str] = ()) -> float:
    """Overlap of two project names by the matching rule (0..1; see the module docstring)."""
    companies = list(companies)
    a, b = name_core(gold_name, companies), name_core(pred_name, companies)
    if len(a) < 2 or len(b) < 2:  # empty-core case: compare the names with only 项目 removed
        a, b = _strip_final(normalise_name(gold_name)), _strip_final(normalise_name(pred_name))
    if not a or not b:
        return 0.0
    return _lcs(a, b) / max(len(a), len(b))


def project_overlap(gold: dict, pred: dict) -> float:
    """Best name overlap of a prediction with a gold project's name or aliases."""
    companies = _companies(gold.get("company"), pred.get("company"))
    return max(name_overlap(n, pred.get("name"), companies) for n in _names(gold))


def _whole_overlap(a: Any, b: Any) -> float:
    x, y = normalise_name(a), normalise_name(b)
    return _lcs(x, y) / max(len(x), len(y)) if x and y else 0.0


def _names(gold: dict) -> list[Any]:
    return [gold.get("name")] + [a for a in gold.get("aliases") or [] if isinstance(a, str)]


# --------------------------------------------------------------------------- values

def _num(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        try:
            out = float(value.replace(",", ""))
        except ValueError:
            return None
        return out if math.isfinite(out) else None
    return None


def close(gold: Any, pred: Any, rel: float = REL_TOL) -> bool:
    """True when `pred` is within `rel` (0.5%) of `gold`."""
    g, p = _num(gold), _num(pred)
    if g is None or p is None:
        return False
    return abs(g - p) <= rel * abs(g) if g else abs(p) < 1e-9


def money_agrees(gold: dict, pred: dict) -> bool:
    """The money rule: amount_cny within 0.5%, else amount within 0.5% in the same currency."""
    if _num(gold.get("amount_cny")) is not None and _num(pred.get("amount_cny")) is not None:
        return close(gold["amount_cny"], pred["amount_cny"])
    g_cur = (gold.get("currency") or "CNY").upper()
    p_cur = (pred.get("currency") or "CNY").upper()
    if g_cur != p_cur:
        return False
    g = gold.get("amount") if _num(gold.get("amount")) is not None else gold.get("amount_cny")
    p = pred.get("amount") if _num(pred.get("amount")) is not None else pred.get("amount_cny")
    return close(g, p)


_UNIT_BASE = {
    "mw": ("千瓦", 1e3), "兆瓦": ("千瓦", 1e3), "gw": ("千瓦", 1e6), "kw": ("千瓦", 1.0),
    "千瓦": ("千瓦", 1.0), "kwh": ("千瓦时", 1.0), "度": ("千瓦时", 1.0), "千瓦时": ("千瓦时", 1.0),
    "gwh": ("千瓦时", 1e6), "mwh": ("千瓦时", 1e3), "t": ("吨", 1.0), "公斤": ("吨", 1e-3),
    "千克": ("吨", 1e-3), "标箱": ("标准箱", 1.0), "teu": ("标准箱", 1.0), "千升": ("升", 1e3),
}


def base_quantity(quantity: Any, unit: Any) -> tuple[float | None, str]:
    """A quantity in its base unit: (560000.0, "吨") for (56, "万吨"); MW and 万千瓦 as 千瓦."""
    q = _num(quantity)
    u = normalise_name(unit)
    scale = 1.0
    if len(u) > 1 and u[0] in "万亿" and u[1:] not in ("元",):
        scale = 1e4 if u[0] == "万" else 1e8
        u = u[1:]
    if u in _UNIT_BASE:
        u, factor = _UNIT_BASE[u]
        scale *= factor
    return (q * scale if q is not None else None), u


def quantity_agrees(gold: dict, pred: dict) -> bool:
    """Capacity/land rule: quantity within 0.5% in the same base unit."""
    gq, gu = base_quantity(gold.get("quantity"), gold.get("unit"))
    pq, pu = base_quantity(pred.get("quantity"), pred.get("unit"))
    return gq is not None and gu == pu and close(gq, pq)


# --------------------------------------------------------------------------- dates

_DATE = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})(?:-(\d{1,2}))?|Q([1-4])|H([12])))?$")


def date_interval(text: Any) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day of an ISO date at its precision (2018, 2018-02, 2020-Q1, 2022-H1)."""
    if not isinstance(text, str):
        return None
    m = _DATE.match(text.strip())
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            day = _dt.date(year, int(m.group(2)), int(m.group(3)))
            return day, day
        if m.group(2):
            month = int(m.group(2))
            return (_dt.date(year, month, 1),
                    _dt.date(year, month, calendar.monthrange(year, month)[1]))
        if m.group(4):
            first = 3 * (int(m.group(4)) - 1) + 1
            return (_dt.date(year, first, 1),
                    _dt.date(year, first + 2, calendar.monthrange(year, first + 2)[1]))
        if m.group(5):
            return ((_dt.date(year, 1, 1), _dt.date(year, 6, 30)) if m.group(5) == "1"
                    else (_dt.date(year, 7, 1), _dt.date(year, 12, 31)))
        return _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    except ValueError:
        return None


def date_agrees(gold: Any, pred: Any) -> bool:
    """True when `pred` agrees with `gold` at the gold's precision (ranges end by end)."""
    if not isinstance(gold, str) or not isinstance(pred, str):
        return False
    g_parts, p_parts = gold.split("/"), pred.split("/")
    if len(g_parts) > 2 or len(p_parts) > 2:
        return False
    g_start, g_end = date_interval(g_parts[0]), date_interval(g_parts[-1])
    p_start, p_end = date_interval(p_parts[0]), date_interval(p_parts[-1])
    if None in (g_start, g_end, p_start, p_end):
        return gold.strip() == pred.strip()
    if len(g_parts) == 1 and len(p_parts) == 2:
        # a range agrees with a single period only when it is that period (1-6月 = H1)
        return p_start[0] == g_start[0] and p_end[1] == g_end[1]  # type: ignore[index]
    return (g_start[0] <= p_start[0] <= g_start[1]  # type: ignore[index]
            and g_end[0] <= p_end[1] <= g_end[1])  # type: ignore[index]


def event_agrees(gold: dict, pred: dict) -> bool:
    """Same event type, and the date agrees at the gold's precision when the gold has one."""
    if gold.get("type") != pred.get("type"):
        return False
    return not gold.get("date") or date_agrees(gold.get("date"), pred.get("date"))


# --------------------------------------------------------------------------- regions

def _adcode(region: Any) -> str | None:
    if isinstance(region, dict):
        code = region.get("adcode")
        if isinstance(code, int):
            code = str(code)
        if isinstance(code, str) and re.fullmatch(r"\d{6}", code.strip()):
            return code.strip()
    return None


def region_agrees(gold_code: str, pred_code: str) -> bool:
    """Adcodes agree to the level the gold gives (province 2, city 4, county 6 digits)."""
    if gold_code == "100000" or pred_code == "100000":
        return gold_code == pred_code
    if gold_code.endswith("0000"):
        level = 2
    elif gold_code.endswith("00"):
        level = 4
    else:
        level = 6
    return gold_code[:level] == pred_code[:level]


def company_agrees(gold: str, pred: str) -> bool:
    """Each company part of one side is found in (or contains) a part of the other."""
    g, p = _companies(gold), _companies(pred)
    if not g or not p:
        return normalise_name(gold) == normalise_name(pred)

    def found(part: str, others: list[str]) -> bool:
        return any(part in o or o in part for o in others)

    return all(found(x, p) for x in g) and all(found(x, g) for x in p)


# --------------------------------------------------------------------------- claims

def _family(indicator: Any) -> str:
    return FAMILY.get(indicator, "*") if isinstance(indicator, str) else "*"


def _spans(record: dict) -> list[tuple[int, int]]:
    out = []
    for ev in record.get("evidence") or []:
        if isinstance(ev, dict) and isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
            out.append((ev["start"], ev["end"]))
    return out


def evidence_overlaps(gold: dict, pred: dict) -> bool:
    """True when an evidence span of each record overlaps."""
    return any(gs < pe and ps < ge for gs, ge in _spans(gold) for ps, pe in _spans(pred))


def _units_agree(gold: dict, pred: dict) -> bool:
    gu, pu = gold.get("unit"), pred.get("unit")
    return not gu or not pu or normalise_name(gu) == normalise_name(pu)


def claim_value_agrees(gold: dict, pred: dict) -> bool:
    """Claim value within 0.5%, in the same unit when both give one."""
    return close(gold.get("value"), pred.get("value")) and _units_agree(gold, pred)


def growth_agrees(gold: Any, pred: Any) -> bool:
    """Growth rates equal within 0.05 points."""
    g, p = _num(gold), _num(pred)
    return g is not None and p is not None and abs(g - p) <= GROWTH_TOL + 1e-9


def claim_match_score(gold: dict, pred: dict) -> float | None:
    """The claim matching rule: a score for a candidate pair, None when the pair cannot match."""
    g_fam, p_fam = _family(gold.get("indicator")), _family(pred.get("indicator"))
    if "*" not in (g_fam, p_fam) and g_fam != p_fam:
        return None
    shared = None
    for key in ("value", "count", "growth_pct"):
        if _num(gold.get(key)) is not None and _num(pred.get(key)) is not None:
            shared = key
            break
    if shared == "value" and not claim_value_agrees(gold, pred):
        return None
    if shared == "count" and _num(gold["count"]) != _num(pred["count"]):
        return None
    if shared == "growth_pct" and not growth_agrees(gold["growth_pct"], pred["growth_pct"]):
        return None
    if shared is None and any(_num(gold.get(k)) is not None
                              for k in ("value", "count", "growth_pct")):
        return None
    overlap = evidence_overlaps(gold, pred)
    period = bool(gold.get("period")) and date_agrees(gold.get("period"), pred.get("period"))
    if not overlap and not period:
        return None
    return 1.0 + 0.5 * (gold.get("indicator") == pred.get("indicator")) + 0.25 * overlap + 0.25 * period


# --------------------------------------------------------------------------- field scoring

def _present(value: Any) -> bool:
    return value is not None and value != "" and value != []


def _scalar(kind: str, name: str, record: dict) -> Any:
    """The value a scalar field is scored on (None when absent)."""
    if name == "region":
        return _adcode(record.get("region"))
    if name == "growth":
        return _num(record.get("growth_pct"))
    if name in ("value", "count"):
        return _num(record.get(name))
    value = record.get(name)
    return value.strip() or None if isinstance(value, str) else value


def _scalar_right(kind: str, name: str, gold: dict, pred: dict) -> bool:
    g, p = _scalar(kind, name, gold), _scalar(kind, name, pred)
    if name == "region":
        return region_agrees(g, p)
    if name == "company":
        return company_agrees(g, p)
    if name == "value":
        return claim_value_agrees(gold, pred)
    if name == "growth":
        return growth_agrees(g, p)
    if name == "period":
        return date_agrees(g, p)
    return g == p


_ITEM_RULES = {"investment": money_agrees, "output_value": money_agrees,
               "capacity": quantity_agrees, "land": quantity_agrees, "events": event_agrees}


def _items(record: dict, name: str) -> list[dict]:
    return [i for i in record.get(name) or [] if isinstance(i, dict)]


def _item_label(name: str, item: dict) -> str:
    """A short readable form of a list item: `started 2011-07`, `9150000000 CNY`, `18000 亩`."""
    if name == "events":
        return f"{item.get('type')} {item.get('date')}"
    if name in ("investment", "output_value"):
        amount = item.get("amount_cny") if item.get("amount_cny") is not None else item.get("amount")
        currency = "CNY" if item.get("amount_cny") is not None else item.get("currency")
        return f"{amount} {currency}"
    return f"{item.get('quantity')} {item.get('unit')}"


def _fields_of(kind: str) -> tuple[str, ...]:
    return PROJECT_FIELDS if kind == "project" else CLAIM_FIELDS


def _label(record: dict) -> str:
    if record.get("kind") == "project":
        return str(record.get("name"))
    figure = next((record.get(k) for k in ("value", "count", "growth_pct")
                   if record.get(k) is not None), None)
    return f"{record.get('indicator')} {record.get('period')} {figure}"


def _score_unpaired(report: Report, kind: str, record: dict, side: str) -> None:
    """Count the fields of a missed gold record (side "fn") or a spurious prediction ("fp")."""
    for name in _fields_of(kind):
        score = report.fields[kind][name]
        n = len(_items(record, name)) if name in LIST_FIELDS else int(
            _present(_scalar(kind, name, record)))
        setattr(score, side, getattr(score, side) + n)


def _judge_matched(report: Report, gold: dict, pred: dict) -> None:
    """Count a matched project pair in the accuracies of the module docstring."""
    g_items, p_items = _items(gold, "investment"), _items(pred, "investment")
    if g_items:
        acc = report.matched["investment"]
        acc.total += 1
        acc.right += all(any(money_agrees(g, p) for p in p_items) for g in g_items)
    g_code = _adcode(gold.get("region"))
    if g_code:
        acc = report.matched["region"]
        acc.total += 1
        p_code = _adcode(pred.get("region"))
        acc.right += bool(p_code and region_agrees(g_code, p_code))


def _score_pair(report: Report, kind: str, gold: dict, pred: dict, doc_id: str) -> None:
    """Count the fields of a matched pair and list the ones that differ."""
    if kind == "project":
        _judge_matched(report, gold, pred)
    for name in _fields_of(kind):
        score = report.fields[kind][name]
        if name in LIST_FIELDS:
            rule = _ITEM_RULES[name]
            g_items, p_items = _items(gold, name), _items(pred, name)
            used: set[int] = set()
            missed = []
            for gi in g_items:
                hit = next((j for j, pi in enumerate(p_items) if j not in used and rule(gi, pi)), None)
                if hit is None:
                    missed.append(gi)
                else:
                    used.add(hit)
            extra = [pi for j, pi in enumerate(p_items) if j not in used]
            score.tp += len(used)
            score.fn += len(missed)
            score.fp += len(extra)
            if missed or extra:
                report.misses.append(Miss("field", kind, doc_id, _label(gold), name,
                                          [_item_label(name, i) for i in missed],
                                          [_item_label(name, i) for i in extra]))
            continue
        g, p = _scalar(kind, name, gold), _scalar(kind, name, pred)
        if not _present(g) and not _present(p):
            continue
        if not _present(p):
            score.fn += 1
        elif not _present(g):
            score.fp += 1
        elif _scalar_right(kind, name, gold, pred):
            score.tp += 1
            continue
        else:
            score.fp += 1
            score.fn += 1
        report.misses.append(Miss("field", kind, doc_id, _label(gold), name, g, p))


# --------------------------------------------------------------------------- evaluation

def _pairs(kind: str, golds: list[dict], preds: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one assignment of predictions to gold records of one document."""
    cands = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            tie = 0.0
            if kind == "project":
                s: float | None = project_overlap(g, p)
                if s is not None and s < NAME_OVERLAP:
                    s = None
                else:
                    # Two projects of one company may share a core (A公司一期, B公司一期): the
                    # whole names decide between equal cores.
                    tie = max(_whole_overlap(n, p.get("name")) for n in _names(g))
            else:
                s = claim_match_score(g, p)
            if s is not None:
                cands.append((-s, -tie, bool(g.get("borderline")), gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def _group(records: Iterable[dict]) -> tuple[dict[str, list[dict]], set[str]]:
    by_doc: dict[str, list[dict]] = {}
    docs: set[str] = set()
    for rec in records:
        if not isinstance(rec, dict):
            continue
        doc_id = str(rec.get("doc_id"))
        if rec.get("kind") == "doc":
            docs.add(doc_id)
        elif rec.get("kind") in ("project", "claim"):
            docs.add(doc_id)
            by_doc.setdefault(doc_id, []).append(rec)
    return by_doc, docs


def evaluate(gold_records: Iterable[dict], pred_records: Iterable[dict]) -> Report:
    """Score predicted records against gold records by the rules of the module docstring."""
    gold_by_doc, gold_docs = _group(gold_records)
    pred_by_doc, _ = _group(pred_records)
    report = Report()
    report.docs = len(gold_docs)
    report.pred_ignored = sum(len(v) for d, v in pred_by_doc.items() if d not in gold_docs)
    for doc_id in sorted(gold_docs):
        doc_scores = {"projects": Score(), "claims": Score()}
        for kind, key in (("project", "projects"), ("claim", "claims")):
            golds = [r for r in gold_by_doc.get(doc_id, []) if r.get("kind") == kind]
            preds = [r for r in pred_by_doc.get(doc_id, []) if r.get("kind") == kind]
            record_score = report.projects if kind == "project" else report.claims
            n_border = sum(1 for g in golds if g.get("borderline"))
            report.borderline += n_border
            if kind == "project":
                report.gold_projects += len(golds) - n_border
                report.pred_projects += len(preds)
            else:
                report.gold_claims += len(golds) - n_border
                report.pred_claims += len(preds)
            pairs = _pairs(kind, golds, preds)
            matched_g = {gi for gi, _ in pairs}
            matched_p = {pi for _, pi in pairs}
            local = Score()
            for gi, pi in pairs:
                if golds[gi].get("borderline"):
                    report.borderline_matched += 1
                    continue
                local.tp += 1
                _score_pair(report, kind, golds[gi], preds[pi], doc_id)
            for gi, g in enumerate(golds):
                if gi in matched_g or g.get("borderline"):
                    continue
                local.fn += 1
                _score_unpaired(report, kind, g, "fn")
                report.misses.append(Miss("missed", kind, doc_id, _label(g)))
            for pi, p in enumerate(preds):
                if pi in matched_p:
                    continue
                local.fp += 1
                _score_unpaired(report, kind, p, "fp")
                report.misses.append(Miss("spurious", kind, doc_id, _label(p)))
            record_score.add(local)
            doc_scores[key] = local
        report.by_doc[doc_id] = doc_scores
    return report


# --------------------------------------------------------------------------- running the extractor

def run_extractor(
    docs: Iterable[Any], extract: Callable[..., list[Any]] | None = None
) -> tuple[list[dict], dict[str, str]]:
    """Run the extractor on gold docs (touzi.extract.gold.GoldDoc): its records, and the errors
    by doc_id of the docs it could not process (unreadable text, an exception raised, or
    `{"kind": "error"}` records of a failed stage, which are not passed on)."""
    if extract is None:
        from touzi.extract.records import extract_records as extract
    records: list[dict] = []
    errors: dict[str, str] = {}
    for doc in docs:
        if doc.text is None:
            errors[doc.doc_id] = doc.error or "no text"
            continue
        try:
            out = extract(doc.text, pub_date=doc.pub_date, source=doc.source, title=doc.title,
                          url=doc.url, doc_id=doc.doc_id)
        except Exception as exc:  # noqa: BLE001 - one failing article must not stop the run
            errors[doc.doc_id] = f"{type(exc).__name__}: {exc}"
            continue
        for rec in out or []:
            row = rec.to_dict() if hasattr(rec, "to_dict") else dict(rec)
            if row.get("kind") == "error":  # a stage that failed inside the extractor
                message = f"{row.get('component')}: {row.get('message')}"
                errors[doc.doc_id] = "; ".join(filter(None, [errors.get(doc.doc_id), message]))
                continue
            # The run is per article, so the article is known even if a record names another.
            row["doc_id"] = doc.doc_id
            records.append(row)
    return records, errors
