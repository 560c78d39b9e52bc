"""`touzi crawl SITE...`: crawl configured news and government sites into the database."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from touzi.commands.common import DbOption, console, default_db, fail, out


def _setting(pair: str) -> tuple[str, Any]:
    """NAME=VALUE, the value read as JSON when it is JSON (numbers, true/false, lists)."""
    name, sep, value = pair.partition("=")
    if not sep or not name.strip():
        raise typer.BadParameter(f"--set wants NAME=VALUE, got {pair!r}")
    try:
        return name.strip(), json.loads(value)
    except json.JSONDecodeError:
        return name.strip(), value


def command(
    sites: Annotated[list[str], typer.Argument(help="Site config names (`touzi sites`) or .toml files.")],
    db: DbOption = None,  # type: ignore[assignment]
    since: Annotated[
        str | None,
        typer.Option(help="Skip links dated before this day; stop at list pages of older ones "
                          "(YYYY-MM-DD or YYYY-MM)."),
    ] = None,
    max_pages: Annotated[
        int | None, typer.Option("--max-pages", min=1, help="Follow at most N list pages per site.")
    ] = None,
    extract: Annotated[
        bool, typer.Option("--extract", help="Extract records from each new article as it lands.")
    ] = False,
    jobdir: Annotated[
        Path | None,
        typer.Option(help="Folder for resumable crawl state (default: DB.crawl/ beside the database)."),
    ] = None,
    sites_dir: Annotated[
        list[Path] | None, typer.Option("--sites-dir", help="Extra folder of site configs (repeatable).")
    ] = None,
    settings: Annotated[
        list[str] | None,
        typer.Option("--set", "-s", help="Scrapy setting NAME=VALUE, e.g. DOWNLOAD_DELAY=3 (repeatable)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="Report: table, or json (one line per site).")] = "table",
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Scrapy's log (INFO).")] = False,
) -> None:
    """Fetch new articles from news and government sites; print each site's crawl report.

    Articles already stored are not fetched again, and a list page whose articles are all
    stored ends the crawl of that list. A crawl that was stopped or killed resumes where it
    was when run again. Reports are also kept in the database (table crawl_runs).
    """
    from touzi.spiders.config import ConfigError
    from touzi.spiders.run import crawl

    if fmt not in ("table", "json"):
        raise typer.BadParameter("--format must be table or json")
    db = db or default_db()
    overrides = dict(_setting(pair) for pair in settings or [])
    try:
        reports = crawl(
            sites,
            db=db,
            since=since,
            max_pages=max_pages,
            extract=extract,
            jobdir=jobdir,
            sites_dirs=sites_dir or [],
            overrides=overrides,
            log_level="INFO" if verbose else "WARNING",
        )
    except (ConfigError, ValueError) as exc:
        raise fail(str(exc), code=2) from exc
    if fmt == "json":
        for report in reports:
            sys.stdout.write(json.dumps(report, ensure_ascii=False, sort_keys=True) + "\n")
    else:
        table = Table("site", "status", "pages", "new", "known", "failed", "skipped", "errors")
        for r in reports:
            errors = ", ".join(f"{k} {v}" for k, v in (r.get("errors_by_kind") or {}).items())
            colour = "green" if r.get("status") == "finished" else "red"
            table.add_row(
                r.get("site", "?"), f"[{colour}]{r.get('status')}[/{colour}]",
                str(r.get("pages_fetched", 0)), str(r.get("articles_new", 0)),
                str(r.get("articles_known", 0)), str(r.get("articles_failed", 0)),
                str(r.get("skipped_known", 0)), errors or "-",
            )
        out.print(table)
    for r in reports:
        if r.get("extract") == "pending":
            console.print("--extract: the extractor hook is not available; run `touzi run` later.")
            break
    console.print(
        f"{len(reports)} site(s): {sum(r.get('articles_new', 0) for r in reports)} new articles, "
        f"{sum(r.get('errors', 0) for r in reports)} errors → {db}",
        highlight=False,
    )
    if any(r.get("status") == "failed" for r in reports):
        raise typer.Exit(1)
