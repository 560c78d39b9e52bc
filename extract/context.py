"""Reading the words around a figure: its clause, qualifiers (约/超/左右…), targets, per-year cues.

Everything here works on short slices next to a match, so the cost stays per figure, not per
character.
"""

from __future__ import annotations

import re

APPROX, OVER, UNDER, TARGET = "approx", "over", "under", "target"

# Clause boundaries: the role or growth word that governs a figure sits in the same clause.
BREAKS = "。；;！？!?\n，,、：:"
_CLAUSE_TAIL = re.compile(rf"(?:.*[{BREAKS}])?(.*)\Z", re.S)
_CLAUSE_HEAD = re.compile(rf"[^{BREAKS}]*")

PREFIX_QUALIFIERS: dict[str, str] = {
    "约": APPROX, "约为": APPROX, "大约": APPROX, "大约为": APPROX, "大概": APPROX, "约合": APPROX,
    "左右为": APPROX, "将近": APPROX, "接近": APPROX, "近": APPROX,
    "超过": OVER, "超": OVER, "逾": OVER, "不少于": OVER, "不低于": OVER, "至少": OVER,
    "不到": UNDER, "不足": UNDER, "不超过": UNDER, "不高于": UNDER,
}
_PREFIX = re.compile(
    "(" + "|".join(sorted(PREFIX_QUALIFIERS, key=len, reverse=True)) + r")\Z"
)
# The last characters of those words: most figures have none of them before, and need no
# regex search.
_PREFIX_LAST = frozenset(w[-1] for w in PREFIX_QUALIFIERS)
# 近 after 最/附/临 is "recent/nearby", not "nearly".
_NOT_APPROX_BEFORE_JIN = frozenset("最附临靠邻亲")

TAIL_QUALIFIERS: dict[str, str] = {
    "左右": APPROX, "上下": APPROX, "以上": OVER, "多": OVER, "余": OVER, "几": OVER,
    "以下": UNDER, "以内": UNDER, "之内": UNDER, "内": UNDER,
}

# Target words anywhere earlier in the clause. 将 directly before the number is the object
# marker (将5694吨…折算), and 将近 is "nearly": neither is a target.
_TARGET = re.compile(r"力争|计划|预计|预期|拟(?!上市)|争取|有望|将(?![\d０-９近约])")
_PER_YEAR = re.compile(
    r"每年|年均|年平均|(?<![今去明上本当全近\d一二三四五六七八九十两])年"
    r"(?:总?产值|销售|营业|营收|收入|税|利税|纳税|新增|创|实现|可)"
)


def left_clause(text: str, start: int, limit: int = 24) -> str:
    """The text before `start` back to the last clause break, at most `limit` characters."""
    return _CLAUSE_TAIL.match(text, max(0, start - limit), start).group(1)


def right_clause(text: str, end: int, limit: int = 16) -> str:
    """The text after `end` up to the next clause break, at most `limit` characters."""
    return _CLAUSE_HEAD.match(text, end, min(len(text), end + limit)).group()


def prefix_qualifier(text: str, start: int, floor: int) -> tuple[str | None, int]:
    """Qualifier word right before `start` (约, 超过, 不到…) and the new start that includes it."""
    lo = max(floor, start - 4)
    if lo >= start or text[start - 1] not in _PREFIX_LAST:
        return None, start
    m = _PREFIX.search(text, lo, start)
    if m is None:
        return None, start
    word = m.group(1)
    if word == "近" and m.start() > 0 and text[m.start() - 1] in _NOT_APPROX_BEFORE_JIN:
        return None, start
    return PREFIX_QUALIFIERS[word], m.start()


def target_in(clause: str) -> bool:
    """True when the clause states the figure as a target or forecast (力争, 计划, 预计, 将…)."""
    return _TARGET.search(clause) is not None


def per_year_in(clause: str) -> bool:
    """True when the clause makes a money or land figure yearly (每年, 年均, 年产值, 年税收…)."""
    return _PER_YEAR.search(clause) is not None
