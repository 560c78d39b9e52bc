"""`touzi ingest PATH...`: store articles from .txt, .html and .jsonl files and folders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from touzi.commands.common import DbOption, console, default_db, out


def command(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt, .html, .htm, .jsonl) or folders.")],
    db: DbOption = None,  # type: ignore[assignment]
    fmt: Annotated[
        str, typer.Option("--format", help="Report: table (one row per item) or json (JSON lines).")
    ] = "table",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the summary and errors.")] = False,
) -> None:
    """Store articles once each, with raw input, clean text, date, outlet and errors."""
    from touzi.corpus.readers import expand, read_paths
    from touzi.runner import Ingestor

    if fmt not in ("table", "json"):
        raise typer.BadParameter("--format must be table or json")
    db = db or default_db()
    files = sum(1 for _ in expand(paths))
    results = []
    with Ingestor(db) as ingestor, Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=quiet or not console.is_terminal,
    ) as progress:
        task = progress.add_task("ingesting", total=files)
        last_file = None
        for result in ingestor.add_all(read_paths(paths)):
            file_part = result.origin.split("#", 1)[0]
            if file_part != last_file:
                progress.advance(task)
                last_file = file_part
            if result.status == "failed":
                console.print(f"[red]failed[/red] {result.origin}: {result.error}", highlight=False)
            results.append(result)
        counts = dict(ingestor.counts)
    if fmt == "json":
        for result in results:
            out.print_json(json.dumps(result.to_dict(), ensure_ascii=False), indent=None)
    elif not quiet:
        table = Table("status", "id", "item", "title / error", "date", show_lines=False)
        for r in results:
            colour = {"new": "green", "known": "dim", "failed": "red"}[r.status]
            dup = f" (copy of {r.near_dup_of})" if r.near_dup_of else ""
            table.add_row(
                f"[{colour}]{r.status}[/{colour}]",
                str(r.article_id or ""),
                r.origin,
                (r.error or (r.title or "") + dup)[:60],
                (r.pub_date or "")[:16],
            )
        out.print(table)
    console.print(
        f"{len(results)} items: {counts.get('new', 0)} new, {counts.get('known', 0)} already "
        f"stored, {counts.get('failed', 0)} failed → {db}",
        highlight=False,
    )
    if counts.get("failed"):
        raise typer.Exit(1)
