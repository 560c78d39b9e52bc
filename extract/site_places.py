"""The place a government portal's address names (minhou.gov.cn: 闽侯县).

County and city portals are named by the pinyin of their division (www.minhou.gov.cn,
tjj.huainan.gov.cn, xxgk.qinshui.gov.cn), and their items often say only 我县 or 全市: the
address is then the one place the page gives. pypinyin spells the gazetteer's names; a label
that spells exactly one division in force names it, one that spells several (taizhou: 泰州,
台州) names none.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from urllib.parse import urlsplit

from touzi.schema.gazetteer import Division, load

# Labels of a portal's host that name a service, not a place (统计局, 发改委, 信息公开…).
_SERVICE = frozenset(("www", "xxgk", "zwgk", "tjj", "fgw", "fgj", "fgwj", "swj", "sthjj",
                      "zfxxgk", "wap", "m", "mobile", "news", "en", "english", "jxw", "gxj",
                      "czj", "zrzyj", "zjj", "sw", "tj", "fzggw", "zwfw", "wsbs"))
_LABEL = re.compile(r"^[a-z]{3,20}$")


@lru_cache(maxsize=1)
def _spellings() -> dict[str, tuple[Division, ...]]:
    """Divisions of levels 2 and 3 by the pinyin of their short name and of their full name
    (spelled once per process)."""
    from pypinyin import lazy_pinyin  # (only when a portal's address is given: a slow import)

    out: dict[str, list[Division]] = defaultdict(list)
    for d in load().divisions:
        if d.level not in (2, 3):
            continue
        for name in {d.short, d.name}:
            if name:
                key = "".join(lazy_pinyin(name))
                if d not in out[key]:
                    out[key].append(d)
    return {k: tuple(v) for k, v in out.items()}


def portal_place(url: str | None, year: int | None = None) -> str | None:
    """The full name of the division a gov.cn portal's host spells (http://www.minhou.gov.cn/…:
    闽侯县), or None (another site, a service label, a spelling shared by several divisions)."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return None
    if not host.endswith(".gov.cn"):
        return None
    labels = [x for x in host[: -len(".gov.cn")].split(".") if x not in _SERVICE]
    if len(labels) != 1 or not _LABEL.match(labels[0]):
        return None
    found = [d for d in _spellings().get(labels[0], ()) if year is None or d.in_force(year)]
    return found[0].name if len(found) == 1 else None
