"""Numerals: Arabic, Chinese and mixed, parsed to exact values; cn2an is the oracle."""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from figure_tables import TABLES
from hypothesis import given, settings
from hypothesis import strategies as st

from touzi.extract.numbers import MULTIPLIERS, arabic_value, chinese_value, parse_number


def _rows() -> list[tuple[str, str, str]]:
    lines = (TABLES / "numbers.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert rows[0] == ["origin", "numeral", "value"]
    return [(o, n, v) for o, n, v in rows[1:]]


@pytest.mark.parametrize(("origin", "numeral", "value"), _rows(), ids=[r[1] for r in _rows()])
def test_numbers_table(origin: str, numeral: str, value: str) -> None:
    got = parse_number(numeral)
    if value == "":
        assert got is None
    else:
        assert got is not None and Decimal(str(got)) == Decimal(value)


def test_numbers_table_is_drawn_from_the_corpus(corpus_dir) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in corpus_dir.glob("*/**/*.txt"))
    corpus_rows = [n for origin, n, _ in _rows() if origin == "corpus"]
    assert len(corpus_rows) >= 40
    for numeral in corpus_rows:
        assert numeral in text, numeral


def test_decimals_scale_exactly() -> None:
    # float arithmetic would give 141999999.99999997 here
    assert arabic_value("1.42", 10**8) == 142000000
    assert isinstance(arabic_value("1.42", 10**8), int)
    assert arabic_value("121855.72") == 121855.72
    assert arabic_value("1,234.5", 10**4) == 12345000


@pytest.mark.parametrize(
    "numeral",
    ["一亿二", "一点五亿", "两千余", "百万"],
)
def test_cases_cn2an_gets_wrong_are_right_here(numeral: str) -> None:
    """The measured reasons for our own parser: cn2an 0.5.24 rejects these."""
    with pytest.raises((ValueError, KeyError)):
        cn2an.cn2an(numeral, "smart")
    assert parse_number(numeral) is not None


def test_two_bare_digits_are_an_approximation_not_a_number() -> None:
    assert cn2an.cn2an("五六", "smart") == 56  # cn2an's reading
    assert chinese_value("五六") is None  # "five or six"


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**13))
def test_chinese_agrees_with_cn2an(n: int) -> None:
    written = cn2an.an2cn(n)
    assert cn2an.cn2an(written, "strict") == n
    assert chinese_value(written) == n
    assert parse_number(written) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_financial_numerals(n: int) -> None:
    assert parse_number(cn2an.an2cn(n, "up")) == n


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=99999),
    st.integers(min_value=0, max_value=2),
    st.sampled_from(sorted(MULTIPLIERS)),
)
def test_mixed_forms(whole: int, decimals: int, mult: str) -> None:
    """1.42亿, 13955万, 3千万: an Arabic number with any multiplier parses to value × multiplier."""
    k = Decimal(whole) / (10**decimals)
    written = f"{k}{mult}"
    expected = k * MULTIPLIERS[mult]
    assert Decimal(str(parse_number(written))) == expected


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["万", "亿"]))
def test_chinese_with_multiplier(k: int, mult: str) -> None:
    """三千二百万: a Chinese numeral below 万 followed by a multiplier."""
    written = cn2an.an2cn(k) + mult
    assert parse_number(written) == k * MULTIPLIERS[mult]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_arabic_with_and_without_separators(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("零〇一二两三四五六七八九十百千万亿点多余几0123456789.,约超")),
               max_size=12))
def test_parse_number_never_raises(s: str) -> None:
    parse_number(s)
    chinese_value(s.replace("约", "").replace("超", ""))
