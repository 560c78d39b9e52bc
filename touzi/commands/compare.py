"""`touzi compare`: regions' claims side by side (the conflict rule in touzi.schema.compare)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from touzi.commands.common import DbOption, open_db, out


def _num(value: object, spec: str) -> str:
    """A number for a table cell; blank for missing (None or NaN)."""
    if value is None or value != value:  # NaN is the one value unequal to itself
        return ""
    return format(float(value), spec)


def command(
    regions: Annotated[list[str] | None, typer.Argument(help="Region names or adcodes (default: all).")] = None,
    db: DbOption = None,  # type: ignore[assignment]
    indicator: Annotated[list[str] | None, typer.Option("--indicator", "-i", help="Only these indicators.")] = None,
    period: Annotated[str | None, typer.Option(help="Periods starting with this (2022, 2022-H1).")] = None,
    targets: Annotated[bool, typer.Option("--targets", help="Include stated targets.")] = False,
    long: Annotated[bool, typer.Option("--long", help="One row per claim instead of a grid.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json (JSON lines).")] = "table",
) -> None:
    """Compare what regions claim: indicators by period, regions as columns."""
    from touzi.schema.compare import claims_table, side_by_side

    if fmt not in ("table", "csv", "json"):
        raise typer.BadParameter("--format must be table, csv or json")
    database = open_db(db, hint="run `touzi ingest` and `touzi run` first")
    table = claims_table(database, regions=regions, indicators=indicator, period=period,
                         include_targets=targets)
    if fmt == "json":
        sys.stdout.write(table.to_json(orient="records", lines=True, force_ascii=False))
        return
    if fmt == "csv":
        (table if long else side_by_side(table).reset_index()).to_csv(sys.stdout, index=False)
        return
    if table.empty:
        out.print("no claims match")
        return
    if long:
        grid = Table("region", "indicator", "period", "value", "unit", "growth %", "sources", "disputed")
        for r in table.to_dict("records"):
            grid.add_row(r["region"], r["indicator"], str(r["period"] or ""), _num(r["value"], ",.6g"),
                         str(r["unit"] or ""), _num(r["growth_pct"], "g"), str(r["sources"]),
                         "⚠" if r["disputed"] else "")
        out.print(grid)
        return
    wide = side_by_side(table)
    grid = Table("indicator", "period", *[str(c) for c in wide.columns])
    for (label, period_), row in wide.iterrows():
        grid.add_row(label, period_, *[str(v) for v in row.values])
    out.print(grid)
    out.print("⚠ sources disagree: the most conservative figure is shown (see --long, --format json)",
              style="dim")
