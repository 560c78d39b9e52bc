"""`touzi mentions`: every figure in a text (money, capacity, land, counts, rates, dates)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from touzi.commands.common import out


def _cell(value: object) -> str:
    return "" if value is None or value is False else str(value)


def command(
    text: Annotated[
        str | None, typer.Argument(help="The text to read; '-' or nothing reads standard input.")
    ] = None,
    pub_date: Annotated[
        str | None,
        typer.Option("--pub-date", help="Publication date (YYYY[-MM[-DD]]) for 今年, 4月2日…"),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="json (one object per mention) or table.")
    ] = "json",
) -> None:
    """Print every figure found in TEXT, with offsets and normalised values."""
    from touzi.extract.dates import parse_pub_date
    from touzi.extract.mentions import find_mentions, mentions_to_jsonl

    if fmt not in ("json", "table"):
        raise typer.BadParameter("--format must be json or table")
    if pub_date is not None and parse_pub_date(pub_date) is None:
        raise typer.BadParameter(f"--pub-date {pub_date!r} is not YYYY[-MM[-DD]]")
    if text is None or text == "-":
        text = sys.stdin.read()
    mentions = find_mentions(text, pub_date)
    if fmt == "json":
        sys.stdout.write(mentions_to_jsonl(mentions))
        return
    table = Table("span", "kind", "text", "value", "unit", "currency", "qualifier", "role",
                  "per", "product", "date", "precision")
    for m in mentions:
        value = _cell(m.value) if m.value_max is None else f"{m.value}–{m.value_max}"
        date = _cell(m.date) if m.date_end is None else f"{m.date}/{m.date_end}"
        table.add_row(f"{m.start}-{m.end}", m.kind, m.text, value, _cell(m.unit),
                      _cell(m.currency), _cell(m.qualifier), _cell(m.role), _cell(m.per),
                      _cell(m.product), date, _cell(m.precision))
    # Wider than a narrow terminal on purpose: truncated figures would defeat the table's use.
    Console(width=max(out.width, 150)).print(table)
    out.print(f"{len(mentions)} mentions", style="dim")
