"""Reading the header of a plain-text article: title, publication time, outlet, author.

Plain-text copies of news pages begin with what the page showed above the body: a breadcrumb,
the title, and a line holding the publication time and the outlet, in forms such as
`2020/04/05 22:15  新华社`, `2015年08月11日 07:51来源: 嘉兴日报` or
`2020年05月15日 08:52:33   来源:椒江新闻网`. Times are China time (+08:00).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:年|/|-|\.)\s*(?P<m>\d{1,2})\s*(?:月|/|-|\.)\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<H>\d{1,2})[:：](?P<M>\d{2})(?:[:：](?P<S>\d{2}))?)?"
)
_SOURCE = re.compile(r"(?:来源|来自|稿源|出处|信息来源|文章来源|本文来源)\s*[:：]\s*(?P<src>[^\s|丨:：]{2,30})")
_AUTHOR = re.compile(r"(?:作者|记者|撰稿|文)\s*[:：|丨]\s*(?P<a>[\u4e00-\u9fff·]{2,12}(?:[ 、,][\u4e00-\u9fff·]{2,4}){0,3})")
_EDITOR_KEYS = re.compile(r"(?:作者|编辑|责编|责任编辑|浏览|点击|字号|字体|阅读|发布时间|发布日期|时间|日期)\s*[:：]?")
_OUTLET = re.compile(
    r"^[\u4e00-\u9fffA-Za-z·\-]{2,20}(?:社|报|网|台|日报|晚报|新闻|在线|频道|客户端|发布|政府|融媒|中心|App|APP)$"
)
_LEADING_KEY = re.compile(r"^(?:发布时间|发布日期|时间|日期|发表时间|更新时间|来源时间)\s*[:：]\s*")


@dataclass(frozen=True)
class PubTime:
    """A publication time as read: ISO string and its precision."""

    iso: str
    precision: str  # day | minute | second


@dataclass
class Header:
    """What the header lines of a plain-text article say."""

    title: str | None = None
    pub: PubTime | None = None
    source: str | None = None
    author: str | None = None
    site: str | None = None
    header_line: int | None = None  # index of the line holding date/outlet
    title_line: int | None = None
    drop: tuple[int, ...] = ()  # indexes of header lines that are not article text


def pub_time(match: re.Match[str]) -> PubTime | None:
    """A PubTime from a date match of _DATE, or None when the date is not a real one."""
    y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    if match["H"] is None:
        return PubTime(f"{y:04d}-{m:02d}-{d:02d}", "day")
    hh, mm = int(match["H"]), int(match["M"])
    if hh > 23 or mm > 59:
        return PubTime(f"{y:04d}-{m:02d}-{d:02d}", "day")
    if match["S"] is not None and int(match["S"]) <= 59:
        return PubTime(f"{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:{int(match['S']):02d}+08:00", "second")
    return PubTime(f"{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}+08:00", "minute")


def find_date(text: str) -> PubTime | None:
    """The first full date (with time, if written) in a short text."""
    for match in _DATE.finditer(text):
        found = pub_time(match)
        if found:
            return found
    return None


def header_parts(line: str) -> tuple[PubTime, str | None, str | None] | None:
    """Date, outlet and author when a line is a header line, else None."""
    s = _LEADING_KEY.sub("", line.strip())
    if not s or len(s) > 120:
        return None
    match = _DATE.search(s)
    if not match:
        return None
    found = pub_time(match)
    if not found:
        return None
    rest = (s[: match.start()] + " " + s[match.end():]).strip()
    source = None
    author = None
    src = _SOURCE.search(rest)
    if src:
        source = src["src"].strip()
    auth = _AUTHOR.search(rest)
    if auth:
        author = auth["a"].strip()
    leftover = _SOURCE.sub(" ", rest)
    leftover = _AUTHOR.sub(" ", leftover)
    leftover = _EDITOR_KEYS.sub(" ", leftover).strip()
    tokens = [t for t in re.split(r"\s+|[|丨]", leftover) if t]
    if source is None and tokens and _OUTLET.match(tokens[0]):
        source = tokens[0]
        tokens = tokens[1:]
    # A header line is mostly metadata: a date and, at most, a few short words besides.
    if sum(len(t) for t in tokens) > 16 and source is None:
        return None
    if re.search(r"[。,;]", leftover) and len(leftover) > 12:
        return None
    return found, source, author


def read_header(lines: list[str], *, max_lines: int = 8) -> Header:
    """Find title, publication time and outlet in the first lines of a plain-text article."""
    head = Header()
    nonempty = [i for i, line in enumerate(lines[: max_lines * 3]) if line.strip()][:max_lines]
    for pos, i in enumerate(nonempty):
        parts = header_parts(lines[i])
        if not parts:
            continue
        head.pub, head.source, head.author = parts
        head.header_line = i
        before = nonempty[:pos]
        drop = [i]
        if before:
            # The title is the line right above the header; anything above it is site chrome.
            head.title_line = before[-1]
            head.title = lines[before[-1]].strip()
            drop.extend(before[:-1])
            crumb = lines[before[0]].strip() if len(before) > 1 else ""
            site = re.split(r"\s*(?:>|>>|»|›)\s*", crumb)[0] if ">" in crumb or "»" in crumb else ""
            if site and _OUTLET.match(site):
                head.site = site
        head.drop = tuple(drop)
        return head
    if nonempty:
        first = lines[nonempty[0]].strip()
        if len(first) <= 80 and not first.endswith("。"):
            head.title = first
            head.title_line = nonempty[0]
    return head


_ISO_TZ = re.compile(r"(?:Z|[+-]\d{2}:?\d{2})$")
_YEAR_MONTH = re.compile(r"^\s*((?:19|20)\d{2})(?:\s*(?:年|-|/|\.)\s*(\d{1,2})\s*月?)?\s*$")


def parse_pub_date(value: str) -> PubTime | None:
    """A publication time given as metadata (ISO, `2012-07-20 19:24:52`, `2019-03`, `2025`)."""
    value = value.strip()
    if not value:
        return None
    tz = _ISO_TZ.search(value)
    match = _DATE.search(value.replace("T", " "))
    if match:
        found = pub_time(match)
        if found and tz and "T" in found.iso:
            # Keep an offset the metadata states instead of assuming China time.
            offset = "+00:00" if tz.group(0) == "Z" else tz.group(0)
            if ":" not in offset:
                offset = offset[:3] + ":" + offset[3:]
            found = PubTime(found.iso.replace("+08:00", offset), found.precision)
        return found
    ym = _YEAR_MONTH.match(value)
    if ym:
        if ym.group(2) and 1 <= int(ym.group(2)) <= 12:
            return PubTime(f"{ym.group(1)}-{int(ym.group(2)):02d}", "month")
        if not ym.group(2):
            return PubTime(ym.group(1), "year")
    return None
