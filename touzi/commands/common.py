"""Options and helpers shared by several commands (argument parsing only, no stage logic)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

DEFAULT_DB = "touzi.db"

DbOption = Annotated[
    Path,
    typer.Option(
        "--db",
        envvar="TOUZI_DB",
        help="SQLite database file (created when missing).",
        dir_okay=False,
    ),
]

console = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)


def default_db() -> Path:
    """The database path used when --db is not given: $TOUZI_DB or ./touzi.db."""
    return Path(os.environ.get("TOUZI_DB", DEFAULT_DB))


def open_db(db: Path | None, *, hint: str = "run `touzi ingest` first"):
    """Open the database read-only, or exit with one clear line when it is missing."""
    from touzi.schema.db import connect

    path = db or default_db()
    try:
        return connect(path, readonly=True)
    except FileNotFoundError as exc:
        raise fail(f"{exc}; {hint}") from exc


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one error line to stderr and return the Exit to raise."""
    console.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)
