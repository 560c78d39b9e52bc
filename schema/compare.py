"""Comparing what regions claim: one row per region, indicator and period, side by side.

Conflict rule. Several articles may state the same figure for the same region, indicator and
period, and they do not always agree. The figure shown is the most conservative one (the
smallest value, the smallest growth); every alternative is kept in `alternatives`, and the
row is flagged `disputed` when the figures differ by more than 0.5%. Only claims from
canonical articles count (a republished copy is not a second source), targets are kept apart
from results, and batch totals are never added to the projects they contain.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import sqlite_utils

REL_TOL = 0.005
# How the indicators read in a table (records.md names them in English).
LABELS = {
    "fixed_asset_investment": "固定资产投资",
    "manufacturing_investment": "制造业投资",
    "industrial_investment": "工业投资",
    "project_count": "项目数",
    "project_investment": "项目投资",
    "contracted_fdi": "合同外资",
    "actual_fdi": "实到外资",
    "domestic_capital_attracted": "引进内资",
    "fiscal_revenue": "财政收入",
    "industrial_value_added": "工业增加值",
    "output_value": "产值",
    "land_cleared": "土地处置",
}
# Indicators that name a family of figures: what they count or sum (indicator_text) tells
# apart claims that must not be merged (新开工项目21个 and 竣工项目9个).
_BY_TEXT = {"other", "project_count", "project_investment"}
_COLUMNS = (
    "region", "adcode", "indicator", "indicator_text", "period", "is_target", "value", "unit",
    "count", "growth_pct", "target_pct", "rank", "sources", "disputed", "alternatives",
    "article_ids",
)


def _region_name(row: dict[str, Any]) -> str:
    for key in ("zone", "town", "county", "city", "province"):
        if row.get(key):
            return str(row[key])
    return "全国" if row.get("adcode") == "100000" else "(unknown)"


def _matches(row: dict[str, Any], wanted: list[str]) -> bool:
    """Whether a claim speaks for one of the wanted regions (a name or name prefix of the unit
    that makes the claim, or an adcode prefix). A zone's claims are the zone's, not its county's:
    长兴县 does not match 长兴经济技术开发区, 长兴 matches both."""
    name = _region_name(row)
    for want in (w.strip() for w in wanted):
        if want.isdigit():
            if (row.get("adcode") or "").startswith(want.rstrip("0") or want):
                return True
        elif name.startswith(want):
            return True
    return False


def _disagree(values: list[float]) -> bool:
    if len(values) < 2:
        return False
    low, high = min(values), max(values)
    return abs(high - low) > REL_TOL * max(abs(high), abs(low), 1e-9)


def claims_table(
    db: sqlite_utils.Database,
    *,
    regions: list[str] | None = None,
    indicators: list[str] | None = None,
    period: str | None = None,
    include_targets: bool = False,
) -> pd.DataFrame:
    """Claims merged per (region, indicator, period) by the conflict rule, as a DataFrame."""
    rows = [dict(r) for r in db.query("SELECT * FROM canonical_claims ORDER BY adcode, indicator, period")]
    if regions:
        rows = [r for r in rows if _matches(r, regions)]
    if indicators:
        rows = [r for r in rows if r["indicator"] in indicators]
    if period:
        rows = [r for r in rows if (r["period"] or "").startswith(period)]
    if not include_targets:
        rows = [r for r in rows if not r["is_target"]]
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for r in rows:
        key = (r["adcode"], _region_name(r), r["indicator"],
               r["indicator_text"] if r["indicator"] in _BY_TEXT else None,
               r["period"], r["is_target"], r["unit"])
        groups.setdefault(key, []).append(r)
    merged: list[dict[str, Any]] = []
    for (adcode, region, indicator, indicator_text, period_, is_target, unit), members in groups.items():
        values = [m["value"] for m in members if m["value"] is not None]
        growths = [m["growth_pct"] for m in members if m["growth_pct"] is not None]
        counts = [m["count"] for m in members if m["count"] is not None]
        targets = [m["target_pct"] for m in members if m["target_pct"] is not None]
        ranks = [m["rank"] for m in members if m["rank"]]
        merged.append({
            "region": region,
            "adcode": adcode,
            "indicator": indicator,
            "indicator_text": indicator_text or members[0]["indicator_text"],
            "period": period_,
            "is_target": bool(is_target),
            "value": min(values) if values else None,
            "unit": unit,
            "count": min(counts) if counts else None,
            "growth_pct": min(growths) if growths else None,
            "target_pct": min(targets) if targets else None,
            "rank": ranks[0] if ranks else None,
            "sources": len({m["article_id"] for m in members}),
            "disputed": _disagree(values) or _disagree(growths) or _disagree(counts),
            "alternatives": json.dumps(sorted({v for v in values + growths if v is not None})),
            "article_ids": json.dumps(sorted({m["article_id"] for m in members})),
        })
    return pd.DataFrame(merged, columns=list(_COLUMNS))


def _present(value: Any) -> bool:
    return value is not None and value == value and value != ""  # NaN is unequal to itself


def label(row: pd.Series | dict[str, Any]) -> str:
    """The indicator as a reader names it (固定资产投资; for families, what is counted)."""
    text = row.get("indicator_text")
    if row["indicator"] in _BY_TEXT and _present(text):
        return str(text)
    return LABELS.get(row["indicator"], row["indicator"])


def cell(row: pd.Series | dict[str, Any]) -> str:
    """A claim as a reader writes it: 52.40亿元 +12.1% (⚠ when sources disagree)."""
    parts = []
    if _present(row["value"]):
        value = float(row["value"])
        if row["unit"] == "CNY":
            parts.append(f"{value / 1e8:,.2f}亿元" if value >= 1e8 else f"{value / 1e4:,.0f}万元")
        elif row["unit"] == "USD":
            parts.append(f"{value / 1e4:,.0f}万美元")
        else:
            parts.append(f"{value:,.6g}{row['unit'] or ''}")
    if _present(row["count"]):
        parts.append(f"{float(row['count']):g}个")
    if _present(row["growth_pct"]):
        parts.append(f"{float(row['growth_pct']):+g}%")
    if _present(row["target_pct"]):
        parts.append(f"完成目标{float(row['target_pct']):g}%")
    if _present(row["rank"]):
        parts.append(str(row["rank"]))
    text = " ".join(parts) or "—"
    return text + (" ⚠" if row["disputed"] else "")


def side_by_side(table: pd.DataFrame) -> pd.DataFrame:
    """Regions as columns, (indicator, period) as rows, each cell the claim as a reader writes it."""
    if table.empty:
        return pd.DataFrame()
    frame = table.copy()
    frame["label"] = frame.apply(label, axis=1)
    frame["period"] = frame["period"].fillna("—")
    frame["cell"] = frame.apply(cell, axis=1)
    wide = frame.pivot_table(index=["label", "period"], columns="region", values="cell",
                             aggfunc=lambda cells: " / ".join(cells))
    return wide.fillna("")


def comparable(table: pd.DataFrame) -> pd.DataFrame:
    """Only the rows whose indicator and period at least two regions claim."""
    if table.empty:
        return table
    keys = table.apply(label, axis=1) + "|" + table["period"].fillna("")
    regions_per_key = table.groupby(keys)["region"].nunique()
    shared = set(regions_per_key[regions_per_key >= 2].index)
    return table[keys.isin(shared)].sort_values(["indicator", "period", "region"])
