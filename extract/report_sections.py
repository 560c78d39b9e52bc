"""The years a government work report's sections speak of.

A work report (政府工作报告) opens with a review of the year before (一、2024年工作回顾 or
一、…, opening with 过去一年) and goes on with the tasks of the year it is delivered in
(二、2025年工作安排, 三、…重点工作). Its sentences seldom date what they tell: 杭温高铁建成通车
in the review happened last year, 开工建设某某水库 in the tasks is planned for this one. The
events stage dates such undated events by the section they stand in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from touzi.extract import word_hits

# A top-level heading: 一、… to 十、… at a line start (looked for where word_hits' one pass over
# the article found 一、… to 十、, not by a scan of its own).
_HEADING = re.compile(r"^[一二三四五六七八九十]、[^\n]{0,60}", re.M)
_HEADING_WORDS = tuple(c + "、" for c in "一二三四五六七八九十")
word_hits.register(_HEADING_WORDS, lambda: list(_HEADING_WORDS))
# (\d matches full-width digits too, as older reports write them: ２００９年工作回顾; int() reads
# them)
_YEAR = re.compile(r"[12１２]\d{3}(?=年)")
_REVIEW = re.compile(r"回顾|过去一年|去年")
_ONE_YEAR_OPENING = re.compile(r"过去一年|[12１２]\d{3}年(?:工作回顾|，|,)")
# A section that speaks of several years (“十四五”时期主要目标, 过去五年): no single year.
_SEVERAL_YEARS = re.compile(r"[十]+[一二三四五六七八九]?五|五年|时期|以来")
_REPORT_TITLE = re.compile(r"政府工作报告")


@dataclass(frozen=True)
class Section:
    """A stretch of a work report that tells of one year, as done (review) or as planned."""

    start: int
    end: int
    year: int
    planned: bool


def report_sections(text: str, pub_year: int | None) -> list[Section]:
    """The review and task sections of a work report (none when `text` is not one)."""
    if pub_year is None or not _REPORT_TITLE.search(text, 0, 200):
        return []
    heads = list(word_hits.matches(_HEADING, text, _HEADING_WORDS))
    out: list[Section] = []
    for i, h in enumerate(heads):
        start = h.start()
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        heading = h.group()
        if _SEVERAL_YEARS.search(heading):
            continue
        years = {int(y) for y in _YEAR.findall(heading)}
        if len(years) > 1:
            continue
        opening = text[h.end():h.end() + 200]
        if i == 0 and (_REVIEW.search(heading) or _ONE_YEAR_OPENING.search(opening)
                       or years == {pub_year - 1}):
            if _SEVERAL_YEARS.search(opening[:20]) and not years:
                continue  # 过去五年…: the five years before, not one
            out.append(Section(start, end, years.pop() if years else pub_year - 1, False))
        elif i > 0 and (not years or years == {pub_year}):
            out.append(Section(start, end, pub_year, True))
    return out
