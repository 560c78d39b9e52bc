"""`touzi articles`: list, filter and search stored articles."""

from __future__ import annotations

import csv
import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from touzi.commands.common import DbOption, open_db, out


def command(
    query: Annotated[str | None, typer.Argument(help="Full-text search (Chinese words work).")] = None,
    db: DbOption = None,  # type: ignore[assignment]
    source: Annotated[str | None, typer.Option(help="Outlet or site contains this.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before (YYYY[-MM[-DD]]).")] = None,
    errors: Annotated[bool, typer.Option("--errors", help="Only items that failed.")] = False,
    canonical: Annotated[bool, typer.Option("--canonical", help="Leave out near-duplicate copies.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many rows (0: all).")] = 50,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json (JSON lines).")] = "table",
) -> None:
    """List stored articles, newest first, or the best matches of a search."""
    from touzi.runner import search_articles

    if fmt not in ("table", "csv", "json"):
        raise typer.BadParameter("--format must be table, csv or json")
    database = open_db(db)
    rows = search_articles(
        database, query, source=source, since=since, until=until,
        errors=True if errors else None, canonical=canonical, limit=limit or None,
    )
    if fmt == "json":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["id"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table("id", "date", "source", "title", "chars", "note")
        for r in rows:
            note = r["error"] or (f"copy of {r['near_dup_of']}" if r["near_dup_of"] else "")
            table.add_row(str(r["id"]), (r["pub_date"] or "")[:10], (r["source"] or r["site"] or "")[:16],
                          (r["title"] or r["origin"])[:40], str(r["chars"] or 0), note[:40])
        out.print(table)
        out.print(f"{len(rows)} articles", style="dim")
