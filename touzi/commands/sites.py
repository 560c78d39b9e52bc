"""`touzi sites`: list the site configs `touzi crawl` can use."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from touzi.commands.common import console, out


def command(
    sites_dir: Annotated[
        list[Path] | None, typer.Option("--sites-dir", help="Extra folder of site configs (repeatable).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, or json (one line per site).")] = "table",
) -> None:
    """List the configured sites: name, outlet, level, region, where crawls start."""
    from touzi.spiders.config import load_all

    if fmt not in ("table", "json"):
        raise typer.BadParameter("--format must be table or json")
    good, bad = load_all(sites_dir or [])
    if fmt == "json":
        for site in good:
            sys.stdout.write(json.dumps(site.summary(), ensure_ascii=False) + "\n")
    else:
        table = Table("name", "site", "level", "region", "start URLs", "rules", "verified")
        for site in good:
            table.add_row(
                site.name, site.title, site.level, site.region, str(len(site.start_urls)),
                ", ".join(sorted(site.fields)) or "auto", "yes" if site.verified else "no",
            )
        out.print(table)
    for name, error in bad.items():
        console.print(f"[red]broken config[/red] {name}: {error}", highlight=False)
    if bad:
        raise typer.Exit(1)
