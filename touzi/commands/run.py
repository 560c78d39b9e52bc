"""`touzi run`: extract every stored article not yet extracted by this extractor version."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from touzi.commands.common import DbOption, console, default_db, fail


def command(
    db: DbOption = None,  # type: ignore[assignment]
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Extraction processes.")] = 1,
    redo: Annotated[bool, typer.Option("--redo", help="Extract every article again.")] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many articles.")] = None,
) -> None:
    """Extract project and claim records from stored articles; safe to stop and run again."""
    from touzi.runner import run_extraction
    from touzi.schema.db import connect

    path = db or default_db()
    if not path.exists():
        raise fail(f"no database at {path}; run `touzi ingest` first")
    database = connect(path)
    failed: list[str] = []
    with Progress(
        TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True, disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task("extract", total=None)

        def on_progress(outcome, total: int) -> None:
            progress.update(task, total=total, advance=1)
            if outcome.error:
                failed.append(outcome.error)
                console.print(f"[red]error[/red] article {outcome.article_id}: {outcome.error}",
                              highlight=False)

        totals = run_extraction(database, workers=workers, redo=redo, limit=limit,
                                on_progress=on_progress)
    console.print(
        f"{totals['articles']} articles extracted: {totals['projects']} projects, "
        f"{totals['claims']} claims, {totals['errors']} with errors → {path}",
        highlight=False,
    )
    if failed:
        raise typer.Exit(1)
