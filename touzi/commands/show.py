"""`touzi show ID`: one article's clean text with its metadata."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from touzi.commands.common import DbOption, fail, open_db, out


def command(
    article_id: Annotated[int, typer.Argument(metavar="ID", help="Article id (from `touzi articles`).")],
    db: DbOption = None,  # type: ignore[assignment]
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    raw: Annotated[bool, typer.Option("--raw", help="Print the raw input bytes instead.")] = False,
) -> None:
    """Show an article: metadata, then its clean text."""
    from touzi.schema import articles

    database = open_db(db)
    record = articles.get(database, article_id)
    if record is None:
        raise fail(f"no article with id {article_id}")
    if raw:
        sys.stdout.buffer.write(articles.raw_bytes(database, article_id) or b"")
        return
    if fmt == "json":
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    for key in ("id", "doc_id", "title", "pub_date", "source", "site", "author", "url", "origin",
                "encoding", "variant", "near_dup_of", "near_dup_score", "copies", "error", "warnings"):
        value = record.get(key)
        if value not in (None, "", []):
            out.print(f"[bold]{key}[/bold]: {value}", highlight=False)
    out.print()
    out.print(record.get("text") or "", highlight=False, markup=False)
