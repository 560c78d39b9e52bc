"""Lines named by their ends' abbreviations (包银高铁, 渝贵高铁, 甘电入浙工程) and whether they
leave a province.

A railway, road, pipeline or grid link is often named by one character per end: the first
character of a city or county (包头 → 包, 银川 → 银), a province's one-character name (渝, 陇,
湘) or a city's old name (甬 for 宁波, 蓉 for 成都). The gazetteer cannot read such names, so a
report's own lines fell back to the report's province even when one end lies in another
province, where the line belongs to no single region. Here each character is checked against
the places of the article's province: a character that names none of them is an end outside.
"""

from __future__ import annotations

import re
from functools import lru_cache

from touzi.schema.gazetteer import load

# One-character names of provinces (GB/T 2260 abbreviations and the common second forms).
PROVINCE_CHARS: dict[str, str] = {
    "京": "11", "津": "12", "冀": "13", "晋": "14", "蒙": "15", "辽": "21", "吉": "22",
    "黑": "23", "沪": "31", "苏": "32", "浙": "33", "皖": "34", "闽": "35", "赣": "36",
    "鲁": "37", "豫": "41", "鄂": "42", "湘": "43", "粤": "44", "桂": "45", "琼": "46",
    "渝": "50", "川": "51", "蜀": "51", "黔": "52", "贵": "52", "滇": "53", "云": "53",
    "藏": "54", "陕": "61", "秦": "61", "甘": "62", "陇": "62", "青": "63", "宁": "64",
    "新": "65",
}
# Cities called by an old or literary name in line names (甬舟铁路, 蓉欧, 宁淮城际).
CITY_CHARS: dict[str, str] = {
    "甬": "33", "榕": "35", "穗": "44", "蓉": "51", "筑": "52", "邕": "45", "宁": "32",
    "锡": "32", "汴": "41", "并": "14", "鹏": "44", "鹭": "35", "泉": "35", "邢": "13",
    "潍": "37", "沪": "31", "杭": "33", "昆": "53",
}

# The ends, then the kind of line (a 中线/复线 may come between), then only the kind of work.
_LINE = re.compile(
    r"([\u4e00-\u9fff]{2,4}?)(?:中线|复线|南线|北线|东线|西线|二线)?"
    r"(?:高速铁路|高铁|城际铁路|城际|铁路|客运专线|高速公路|高速|天然气管道|输气管道|输油管道|"
    r"管道|特高压[\u4e00-\u9fff\d]{0,8}工程|直流工程|联网工程|输电工程)"
    r"(?:改扩建|扩能改造|扩建|改造|提速|二期|一期|三期|工程|项目)*")
# Words that open a line's name without being its ends (沿黄高速: along the Yellow River).
_NOT_ENDS = frozenset(("沿黄", "沿江", "沿海", "沿边", "沿湖", "环岛", "环湖", "绕城", "城际", "市域"))
# 某港铁路, 某站铁路: a line named after the one place it serves.
_ONE_PLACE = frozenset("港站矿区县市镇场")
# 甘电入浙, 蒙电入沪, 疆电外送: power sent from one province to another.
_POWER_LINK = re.compile(r"([\u4e00-\u9fff])电入([\u4e00-\u9fff])")


@lru_cache(maxsize=1)
def _place_chars() -> dict[str, frozenset[str]]:
    """For each character, the provinces (two-digit codes) where a prefecture's, a county's
    or a zone's name starts with it (洋浦), with the one-character names above."""
    out: dict[str, set[str]] = {}
    for div in load().divisions:
        if div.level in (2, 3):
            for name in {div.name, div.short}:
                if name:
                    out.setdefault(name[0], set()).add(div.adcode[:2])
    for zone in load().zones:
        if zone.adcode:
            for name in (zone.name, *zone.aliases):
                if name:
                    out.setdefault(name[0], set()).add(zone.adcode[:2])
    for table in (PROVINCE_CHARS, CITY_CHARS):
        for ch, code in table.items():
            out.setdefault(ch, set()).add(code)
    return {ch: frozenset(codes) for ch, codes in out.items()}


def leaves_province(name: str, province: str) -> bool:
    """Whether `name` is a line named by abbreviated ends (包银高铁) of which one lies outside
    the province with two-digit code `province`. False when the name is not such a line or
    when a character is no place's (沿黄高速, 环岛高铁); a section (某线某省段) is the caller's to
    exclude (assemble.Assembler.region looks at all of a project's names)."""
    power = _POWER_LINK.search(name)
    if power is not None:
        return True
    m = _LINE.fullmatch(name)
    if m is None:
        return False
    chars = _place_chars()
    ends = m.group(1)
    if ends[:2] in _NOT_ENDS or ends[-1] in _ONE_PLACE or any(ch not in chars for ch in ends):
        return False
    return any(province not in chars[ch] for ch in ends)
