"""`touzi explain ID`: an HTML page of what the extractor found in one article."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from touzi.commands.common import DbOption, console, fail, open_db


def command(
    article_id: Annotated[int, typer.Argument(metavar="ID", help="Article id (from `touzi articles`).")],
    db: DbOption = None,  # type: ignore[assignment]
    output: Annotated[Path | None, typer.Option("--output", "-o", help="HTML file to write (default: explain-ID.html).")] = None,
) -> None:
    """Write an HTML page with the article's projects, companies, figures, places and claims marked."""
    from touzi.runner import explain_html

    database = open_db(db)
    page = explain_html(database, article_id)
    if page is None:
        raise fail(f"no article {article_id} with text")
    path = output or Path(f"explain-{article_id}.html")
    path.write_text(page, encoding="utf-8")
    console.print(f"wrote {path}", highlight=False)
