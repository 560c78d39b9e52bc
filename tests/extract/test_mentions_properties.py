"""Properties of find_mentions: rendered numbers parse back, no text raises, offsets are exact,
the output never overlaps, and nothing that is not a figure comes out."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import cn2an
import pytest
from figure_tables import load
from hypothesis import given, settings
from hypothesis import strategies as st

from touzi.extract import scanner
from touzi.extract.mention_type import FIELDS, KINDS, MONEY_ROLES, PRECISIONS, QUALIFIERS
from touzi.extract.mentions import Mention, find_mentions, mentions_to_jsonl
from touzi.extract.numbers import MULTIPLIERS

_ALPHABET = list(
    "0123456789.,%-至到约超近逾多余左右以上下内万亿千百十零〇一二两三四五六七八九年月日天号季度"
    "半前后今去明上本首底初中旬元美欧港币人民亩平方米吨辆台套个名家项批锭瓦时率增长同比下降百分点"
    "完成全年目标的投资总注册资本基金税收年产能“”十二五，。、；：/（）() \nQGWhabc@:"
)


def _check_invariants(text: str, mentions: list[Mention]) -> None:
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end, "mentions overlap or are out of order"
        last_end = m.end
        assert m.kind in KINDS
        assert m.qualifier is None or m.qualifier in QUALIFIERS
        assert m.precision is None or m.precision in PRECISIONS
        if m.kind == "money":
            assert m.role in MONEY_ROLES
            assert m.currency is not None
        if m.value_max is not None:
            assert m.value is not None and m.value_max > m.value
        d = m.to_dict()
        assert tuple(d) == FIELDS


# --- rendered numbers parse back ------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=99999), st.integers(min_value=0, max_value=2),
       st.sampled_from(["万", "亿", "千万", "百万", "万亿", ""]),
       st.sampled_from(["元", "美元", "亿元"[1:], "元人民币"]))
def test_mixed_money_parses_back(whole: int, decimals: int, mult: str, currency: str) -> None:
    k = Decimal(whole) / (10**decimals)
    phrase = f"项目总投资{k}{mult}{currency}，"
    money = [m for m in find_mentions(phrase) if m.kind == "money"]
    assert len(money) == 1
    assert Decimal(str(money[0].value)) == k * MULTIPLIERS.get(mult, 1)
    assert money[0].unit == (mult or None)
    assert money[0].role == "total"


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=2, max_value=10**12), st.sampled_from(["元", "吨", "亩", "个", "%"]))
def test_chinese_figures_parse_back(n: int, unit: str) -> None:
    phrase = f"达到{cn2an.an2cn(n)}{unit}。"
    found = find_mentions(phrase)
    assert len(found) == 1, (phrase, found)
    assert found[0].value == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["元", "吨", "亩", "名"]),
       st.booleans())
def test_arabic_figures_parse_back(n: int, unit: str, commas: bool) -> None:
    written = f"{n:,}" if commas else str(n)
    phrase = f"共计{written}{unit}，"
    found = [m for m in find_mentions(phrase) if m.kind != "date"]
    assert len(found) == 1, (phrase, found)
    assert found[0].value == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["万", "亿"]),
       st.sampled_from(["吨", "元", "平方米"]))
def test_chinese_with_multiplier_in_text(k: int, mult: str, unit: str) -> None:
    phrase = f"新增{cn2an.an2cn(k)}{mult}{unit}"
    (m,) = find_mentions(phrase)
    assert m.value == k * MULTIPLIERS[mult]


# --- no text makes the parser raise ---------------------------------------------------------
@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=60),
       st.sampled_from([None, "2015-08-11", "2019-03", "2025", "garbage"]))
def test_never_raises_on_figure_like_text(text: str, pub: str | None) -> None:
    _check_invariants(text, find_mentions(text, pub))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_never_raises_on_any_text(text: str) -> None:
    _check_invariants(text, find_mentions(text, "2020-04-05"))


@pytest.mark.parametrize("value", [None, b"326\xe4\xba\xbf", 326, ""])
def test_non_text_gives_nothing(value: object) -> None:
    assert find_mentions(value) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["a" * 50000 + "@", "1." * 25000, "1-" * 25000, "%1" * 25000, "+1" * 25000, "一二三四五" * 10000,
     "十" * 50000, "1,000," * 10000, "2020年" * 10000, "三成" * 20000, "/" + "1" * 50000,
     "第" + "1" * 50000],
    ids=["mail", "dots", "dashes", "percents", "plus", "numerals", "ten", "commas", "years",
         "cheng", "slash-digits", "ordinal-digits"],
)
def test_long_degenerate_runs(text: str) -> None:
    """Runs that once made the scan quadratic (a greedy token tried at every character)."""
    _check_invariants(text, find_mentions(text))


def test_whole_corpus_keeps_the_invariants(corpus_dir: Path) -> None:
    n = 0
    for path in sorted(corpus_dir.glob("*/**/*.txt")):
        text = path.read_text(encoding="utf-8")
        found = find_mentions(text, "2020-04-05")
        _check_invariants(text, found)
        n += len(found)
    assert n > 10000


def test_anchor_lookahead_loses_nothing(corpus_dir: Path) -> None:
    """The ANCHORS lookahead is only a speed-up: the scan finds the same matches without it."""
    plain = re.compile(scanner.ALTERNATION)
    for path in sorted(corpus_dir.glob("*/**/*.txt")):
        text = path.read_text(encoding="utf-8")
        fast = [(m.span(), m.lastgroup) for m in scanner.MASTER.finditer(text)]
        slow = [(m.span(), m.lastgroup) for m in plain.finditer(text)]
        assert fast == slow, path.name


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=40))
def test_anchor_lookahead_loses_nothing_on_random_text(text: str) -> None:
    plain = re.compile(scanner.ALTERNATION)
    assert [(m.span(), m.lastgroup) for m in scanner.MASTER.finditer(text)] == [
        (m.span(), m.lastgroup) for m in plain.finditer(text)
    ]


def test_jsonl_keys_are_stable() -> None:
    line = mentions_to_jsonl(find_mentions("总投资326亿元"))
    assert line.count("\n") == 1
    assert line.startswith('{"kind": "money", "text": "326亿元", "start": 3, "end": 8,')
    for key in FIELDS:
        assert f'"{key}":' in line


# --- nothing that is not a figure comes out ---------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "查阅全文加微信3231169",  # a WeChat/QQ number
        "举报邮箱 3231169@qq.com",
        "QQ：123456789",
        "咨询电话：0572-2345678",
        "联系电话13812345678",
        "如若转载，请注明出处：https://www.rulaiwenku.com/50188.html",
        "原文见www.example.com/news/2020/0405.shtml",
        "微信图片_20220608103224.jpg",
        "21913916_943198.jpg",
        "VIDE1355098174600376",
        "索引号：11330500002581088X/2020-00123",
        "webapp/view/ff8080812e4689bf012e50c67ba20464.jsp",
        "大众4S店",
        "5G基站",
        "一刻不放松",
        "上一篇",
    ],
)
def test_not_figures(text: str) -> None:
    assert find_mentions(text, "2020-04-05") == []


def test_plan_periods_are_not_numbers() -> None:
    for text in ("“十二五”规划", "十四五时期", "“十三五”期间"):
        (m,) = find_mentions(text)
        assert m.kind == "period" and m.value is None
        assert m.text in ("十二五", "十四五", "十三五")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("同比增长24.1%", "growth"),
        ("65%将投向民生领域", "percent"),
        ("开工率为66.7%", "rate"),
        ("完成全年目标的58.2%", "attainment"),
        ("占全国的60%", "percent"),
        ("提高到60%", "percent"),
        ("2000吨", "quantity"),
        ("2000亩", "land"),
        ("2100家", "count"),
    ],
)
def test_percentages_and_bare_quantities_are_not_money_or_years(text: str, kind: str) -> None:
    found = find_mentions(text, "2020-04-05")
    assert [m.kind for m in found] == [kind]


def test_tables_hold_200_corpus_phrases(corpus_dir: Path) -> None:
    """The phrase tables are drawn from the corpus: every `corpus` row occurs verbatim there."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in corpus_dir.glob("*/**/*.txt"))
    rows = [r for name in ("money.tsv", "quantities.tsv", "dates.tsv") for r in load(name)]
    corpus_rows = [r for r in rows if r["origin"] == "corpus"]
    assert len(corpus_rows) >= 200
    kinds = {r["kind"] for r in corpus_rows}
    assert {"money", "capacity", "land", "area", "count", "growth", "points", "attainment",
            "rate", "percent", "date", "period", "duration"} <= kinds
    for r in corpus_rows:
        assert r["phrase"] in text, r["phrase"]
        # the repository's copy rule: no run of 16+ characters with 12+ Chinese ones
        chinese = sum("\u4e00" <= c <= "\u9fff" for c in r["phrase"])
        assert len(r["phrase"]) < 16 or chinese < 12, r["phrase"]
