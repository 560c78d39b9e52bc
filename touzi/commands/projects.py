"""`touzi projects`: query stored project records."""

from __future__ import annotations

import csv
import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from touzi.commands.common import DbOption, open_db, out

_CSV_KEYS = ["project_id", "article_id", "name", "company", "province", "city", "county", "town",
             "zone", "adcode", "total_cny", "events", "pub_date", "url"]


def _total(record: dict) -> float | None:
    return next((i.get("amount_cny") for i in record.get("investment") or []
                 if i.get("type") == "total"), None)


def command(
    region: Annotated[str | None, typer.Option(help="Region name (长兴, 湖州市) or adcode prefix.")] = None,
    company: Annotated[str | None, typer.Option(help="Company contains this.")] = None,
    name: Annotated[str | None, typer.Option(help="Project name contains this.")] = None,
    min_total: Annotated[float | None, typer.Option("--min-total", help="Total investment of at least this many 亿元.")] = None,
    event: Annotated[str | None, typer.Option(help="Has this event: signed, approved, started, completed, production, full_production, planned.")] = None,
    since: Annotated[str | None, typer.Option(help="Article published on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Article published on or before.")] = None,
    all_copies: Annotated[bool, typer.Option("--all-copies", help="Include records of near-duplicate copies.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many rows (0: all).")] = 100,
    db: DbOption = None,  # type: ignore[assignment]
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json (JSON lines).")] = "table",
) -> None:
    """List extracted projects, largest total investment first."""
    from touzi.schema.query import ProjectFilter, projects

    if fmt not in ("table", "csv", "json"):
        raise typer.BadParameter("--format must be table, csv or json")
    database = open_db(db, hint="run `touzi ingest` and `touzi run` first")
    rows = list(projects(database, ProjectFilter(
        region=region, company=company, name=name,
        min_total_cny=min_total * 1e8 if min_total is not None else None, event=event,
        since=since, until=until, canonical=not all_copies, limit=limit or None)))
    if fmt == "json":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=_CSV_KEYS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            flat = {**row, **(row.get("region") or {}), "total_cny": _total(row),
                    "events": "; ".join(f"{e.get('type')} {e.get('date') or ''}".strip()
                                        for e in row.get("events") or [])}
            writer.writerow(flat)
        return
    table = Table("id", "project", "company", "region", "total", "events", "published")
    for row in rows:
        region_ = row.get("region") or {}
        place = " ".join(v for v in (region_.get("county") or region_.get("city") or region_.get("province"),
                                     region_.get("town"), region_.get("zone")) if v)
        total = _total(row)
        events = ", ".join(f"{e.get('type')} {e.get('date') or ''}".strip() for e in row.get("events") or [])
        table.add_row(str(row["project_id"]), row.get("name") or "", row.get("company") or "", place,
                      f"{total / 1e8:,.2f}亿元" if total else "", events[:40], (row.get("pub_date") or "")[:10])
    out.print(table)
    out.print(f"{len(rows)} projects", style="dim")
