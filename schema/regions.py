"""Loading the gazetteer into the database's `regions` table (migration 0002)."""

from __future__ import annotations

from collections.abc import Iterator

import sqlite_utils

from touzi.schema.gazetteer import MUNICIPALITIES, SOURCES, Division, Gazetteer, load

_LEVELS = {1: "province", 2: "city", 3: "county"}


def _names(g: Gazetteer, div: Division) -> tuple[str | None, str | None, str | None]:
    """(province, city, county) full names of a division as records write them."""
    province = city = county = None
    for d in g.chain(div):
        if d.level == 1:
            province = d.name
            if d.adcode in MUNICIPALITIES:
                city = d.name  # municipalities are their own city in records
        elif d.level == 2:
            city = d.name
        else:
            county = d.name
    return province, city, county


def region_rows(g: Gazetteer | None = None) -> Iterator[dict[str, object]]:
    """Every row of the `regions` table: division versions, then towns, then zones."""
    g = g or load()
    for div in g.divisions:
        province, city, county = _names(g, div)
        yield {
            "code": div.adcode, "level": _LEVELS[div.level], "kind": div.kind,
            "name": div.name, "short": div.short, "adcode": div.adcode,
            "parent_adcode": div.parent, "province": province, "city": city, "county": county,
            "valid_from": div.valid_from, "valid_to": div.valid_to,
            "source": SOURCES["divisions"],
        }
    for town in g.towns:
        holder = g.division(town.county or town.city)
        province, city, county = _names(g, holder) if holder else (None, None, None)
        yield {
            "code": town.code, "level": "town", "kind": town.kind, "name": town.name,
            "short": town.short, "adcode": town.county or town.city,
            "parent_adcode": town.county or town.city, "province": province, "city": city,
            "county": county, "valid_from": None, "valid_to": None, "source": SOURCES["towns"],
        }
    for zone in g.zones:
        holder = g.division(zone.adcode)
        province, city, county = _names(g, holder) if holder else (None, None, None)
        yield {
            "code": zone.name, "level": "zone", "kind": zone.kind, "name": zone.name,
            "short": "|".join(zone.aliases), "adcode": zone.adcode,
            "parent_adcode": zone.adcode, "province": province, "city": city,
            "county": county, "valid_from": None, "valid_to": None,
            "source": f"{SOURCES['zones']}; tier={zone.tier}; {zone.note}".rstrip("; "),
        }


def load_regions(db: sqlite_utils.Database, *, replace: bool = False) -> int:
    """Fill the `regions` table from the shipped gazetteer; return the rows written.

    An already filled table is left alone unless `replace` is set (then it is rebuilt in
    one transaction).
    """
    conn = db.conn
    have = conn.execute("SELECT count(*) FROM regions").fetchone()[0]
    if have and not replace:
        return 0
    rows = list(region_rows())
    cols = list(rows[0])
    sql = f"INSERT INTO regions ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    with conn:
        conn.execute("DELETE FROM regions")
        conn.executemany(sql, ([r[c] for c in cols] for r in rows))
    return len(rows)
