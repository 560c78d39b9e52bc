"""`touzi export`: every stored record, as JSONL (the records.md format) or CSV."""

from __future__ import annotations

import csv
import json
import sys
from typing import Annotated

import typer

from touzi.commands.common import DbOption, open_db

_CSV = {
    "project": ["article_id", "doc_id", "name", "company", "province", "city", "county", "town",
                "zone", "adcode", "total_cny", "investment", "capacity", "land", "events",
                "confidence", "extractor", "pub_date", "url", "cluster_id"],
    "claim": ["article_id", "doc_id", "province", "city", "county", "town", "zone", "adcode",
              "indicator", "indicator_text", "period", "value", "unit", "count", "growth_pct",
              "target_pct", "rank", "text", "confidence", "extractor", "pub_date", "url"],
}


def _flat(record: dict) -> dict:
    row = dict(record)
    row.update({k: (record.get("region") or {}).get(k) for k in
                ("province", "city", "county", "town", "zone", "adcode")})
    total = [i for i in record.get("investment") or [] if i.get("type") == "total"]
    row["total_cny"] = total[0].get("amount_cny") if total else None
    for key in ("investment", "capacity", "land", "events"):
        if key in record:
            row[key] = "; ".join(i.get("text") or "" for i in record.get(key) or [])
    return row


def command(
    db: DbOption = None,  # type: ignore[assignment]
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    kind: Annotated[str | None, typer.Option(help="project or claim (default: both; csv needs one).")] = None,
    canonical: Annotated[bool, typer.Option("--canonical", help="Leave out records of near-duplicate copies.")] = False,
) -> None:
    """Write stored records to stdout."""
    from touzi.schema import records

    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter("--format must be jsonl or csv")
    if kind not in (None, "project", "claim"):
        raise typer.BadParameter("--kind must be project or claim")
    if fmt == "csv" and kind is None:
        raise typer.BadParameter("--format csv needs --kind project or --kind claim")
    database = open_db(db)
    rows = records.export(database, kind, canonical=canonical)
    if fmt == "jsonl":
        for record in rows:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=_CSV[kind], extrasaction="ignore")
    writer.writeheader()
    for record in rows:
        writer.writerow(_flat(record))
