"""The place a government portal's address names."""

from __future__ import annotations

import pytest

from touzi.extract.records import extract_records
from touzi.extract.site_places import portal_place


@pytest.mark.parametrize(("url", "place"), [
    ("http://minhou.gov.cn/xjwz/zwgk/202307/t20230712_1.htm", "闽侯县"),
    ("http://tjj.huainan.gov.cn/zxfbyjd/1.html", "淮南市"),  # a service label before the place
    ("http://xxgk.qinshui.gov.cn/xzf/1.shtml", "沁水县"),
    ("https://www.shayang.gov.cn/art/2024/9/20/art_1.html", "沙洋县"),
    ("http://www.taizhou.gov.cn/", None),  # 泰州 and 台州 spell alike
    ("https://www.sjz.gov.cn/columns/1.html", None),  # an abbreviation
    ("https://news.example.com.cn/minhou/1.html", None),  # not a portal
    ("", None),
    ("http://[bad", None),
])
def test_a_portal_names_its_division(url: str, place: str | None) -> None:
    assert portal_place(url, 2023) == place


def test_a_county_portals_item_saying_only_quanxian_is_that_countys() -> None:
    text = "上半年，全县重点项目完成投资120亿元，同比增长15.2%。"
    claims = [r for r in extract_records(text, pub_date="2023-07-12",
                                         url="http://www.minhou.gov.cn/zwgk/1.htm")
              if r["kind"] == "claim"]
    assert [c["region"]["adcode"] for c in claims] == ["350121"], claims
    bare = [r for r in extract_records(text, pub_date="2023-07-12") if r["kind"] == "claim"]
    assert [c["region"]["adcode"] for c in bare] == [None], bare
