"""`touzi region TEXT`: resolve the places in a text to gazetteer units, as JSON."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from touzi.commands.common import out


def command(
    text: Annotated[str, typer.Argument(help="Text naming places (a name, an address, a sentence).")],
    context: Annotated[
        str | None,
        typer.Option("--context", help="Article text around TEXT: decides ambiguous names."),
    ] = None,
    pub_date: Annotated[
        str | None,
        typer.Option("--pub-date", help="Publication date YYYY-MM-DD: picks the divisions of that year."),
    ] = None,
    all_roles: Annotated[
        bool,
        typer.Option("--all", help="Also print places that are not locations (origin, foreign, other)."),
    ] = False,
) -> None:
    """Print the resolved region of every place in TEXT as a JSON list (province, city, county,
    town, zone, adcode, confidence, alternatives, plus text, start, end, kind, role)."""
    from touzi.extract.regions import RegionResolver, merge_chains

    resolver = RegionResolver.default()
    mentions = resolver.resolve(text, context=context, pub_date=pub_date)
    rows = []
    for m in merge_chains(mentions):
        if m.role != "location" and not all_roles:
            continue
        row: dict[str, object] = {"text": m.text, "start": m.start, "end": m.end,
                                  "kind": m.kind, "role": m.role}
        if m.region is not None:
            row.update(m.region.to_dict())
        else:
            row.update({k: None for k in ("province", "city", "county", "town", "zone",
                                          "adcode")})
            row.update({"confidence": 0.0, "alternatives": []})
        if m.foreign:
            row["foreign"] = m.foreign
        rows.append(row)
    out.print(json.dumps(rows, ensure_ascii=False, indent=1), highlight=False)
