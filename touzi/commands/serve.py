"""`touzi serve`: browse the database in Datasette, read-only and with a query time limit."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Annotated

import typer

from touzi.commands.common import DbOption, default_db, fail


def command(
    db: DbOption = None,  # type: ignore[assignment]
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8001,
    time_limit_ms: Annotated[int, typer.Option("--time-limit-ms", help="Longest a query may run.")] = 1000,
) -> None:
    """Serve the database read-only with Datasette (install with the `serve` extra)."""
    path = db or default_db()
    if not path.exists():
        raise fail(f"no database at {path}")
    try:
        import datasette  # noqa: F401
    except ImportError as exc:
        raise fail("Datasette is not installed: pip install -e '.[serve]'") from exc
    # --immutable opens the file read-only and lets Datasette trust its row counts.
    args = [sys.executable, "-m", "datasette", "serve", "--immutable", str(path),
            "--host", host, "--port", str(port),
            "--setting", "sql_time_limit_ms", str(time_limit_ms),
            "--setting", "max_returned_rows", "2000"]
    if os.name == "posix":
        # Become Datasette rather than wait for it: stopping `touzi serve` (Ctrl-C, a
        # supervisor's SIGTERM) then stops the server instead of leaving it running orphaned.
        sys.stdout.flush()
        os.execv(sys.executable, args)
    raise typer.Exit(subprocess.call(args))
