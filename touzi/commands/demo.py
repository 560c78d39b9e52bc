"""`touzi demo`: the whole job, offline, on the bundled sample articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from touzi.commands.common import console, fail, out

DEMO_DB = Path("touzi-demo.db")


def _money(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value / 1e8:,.2f}亿元" if value >= 1e8 else f"{value / 1e4:,.0f}万元"


def command(
    db: Annotated[Path, typer.Option("--db", help="Where to write the demo database.")] = DEMO_DB,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace an existing file at --db.")] = False,
) -> None:
    """Ingest the bundled sample articles, extract their records, and compare the regions."""
    from touzi.runner import run_demo
    from touzi.schema import records
    from touzi.schema.compare import cell, claims_table, comparable, label

    if db.exists() and db != DEMO_DB and not overwrite:
        raise fail(f"{db} exists; pass --overwrite to replace it")
    console.print("[bold]touzi demo[/bold]: sample articles written for touzi (made-up projects), "
                  "ingested offline into a fresh database", highlight=False)
    result = run_demo(db, on_item=lambda r: console.print(
        f"  {r.status:6} {Path(r.origin.split('#')[0]).name}"
        + (f"#{r.origin.split('#')[1]}" if "#" in r.origin else "")
        + (f" → copy of article {r.near_dup_of}" if r.near_dup_of else "")
        + (f": {r.error}" if r.error else ""), highlight=False))
    database = result.db

    articles = Table("id", "published", "source", "title", "note", title="Articles")
    for row in database.query(
        "SELECT id, pub_date, source, title, near_dup_of, encoding, variant FROM articles "
        "WHERE error IS NULL ORDER BY id"
    ):
        note = []
        if row["near_dup_of"]:
            note.append(f"copy of {row['near_dup_of']}")
        if row["encoding"] not in ("utf-8", None):
            note.append(row["encoding"])
        if row["variant"] != "simplified":
            note.append(row["variant"])
        articles.add_row(str(row["id"]), (row["pub_date"] or "")[:10], row["source"] or "",
                         (row["title"] or "")[:30], ", ".join(note))
    out.print(articles)

    projects = Table("project", "company", "region", "total investment", "capacity", "events",
                     title="Projects (canonical articles)")
    for record in records.export(database, "project", canonical=True):
        region = record.get("region") or {}
        place = " ".join(v for v in (region.get("county") or region.get("city"), region.get("town"),
                                     region.get("zone")) if v)
        total = next((i.get("amount_cny") for i in record.get("investment") or []
                      if i.get("type") == "total"), None)
        capacity = "; ".join(c.get("text") or "" for c in record.get("capacity") or [])
        events = "; ".join(f"{e.get('type')} {e.get('date') or ''}".strip() for e in record.get("events") or [])
        projects.add_row(record.get("name") or "", record.get("company") or "", place,
                         _money(total), capacity[:24], events[:40])
    out.print(projects)

    shared = comparable(claims_table(database))
    if not shared.empty:
        grid = Table("indicator", "period", "region", "claim",
                     title="What several regions claim for the same period (touzi compare)")
        for row in shared.to_dict("records"):
            grid.add_row(label(row), row["period"] or "", row["region"], cell(row))
        out.print(grid)
    totals = result.extracted
    console.print(
        f"{len(result.ingested)} items ingested, {totals['articles']} articles extracted: "
        f"{totals['projects']} projects, {totals['claims']} claims → {db}\n"
        f"Next: touzi articles --db {db} 长兴 · touzi show 1 --db {db} · "
        f"touzi compare --db {db} · touzi export --db {db}",
        highlight=False,
    )
    if any(r.status == "failed" for r in result.ingested) or totals["errors"]:
        raise typer.Exit(1)
