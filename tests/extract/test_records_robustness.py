"""extract_records never raises: generated text, real articles mangled (cut, doubled,
traditional characters, punctuation stripped, spam runs, a megabyte long), odd arguments; and
every record keeps the records.md shape with offsets inside the text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from touzi.extract.records import EXTRACTOR, EXTRACTOR_VERSION, extract_records

PROJECT_KEYS = {"kind", "doc_id", "name", "company", "region", "investment", "capacity",
                "output_value", "land", "events", "evidence", "confidence", "extractor"}
CLAIM_KEYS = {"kind", "doc_id", "region", "indicator", "period", "value", "unit", "count",
              "growth_pct", "target_pct", "rank", "text", "evidence", "confidence", "extractor"}
REGION_KEYS = {"province", "city", "county", "town", "zone", "adcode"}

# Characters the rules care about, so generated text hits them often.
ALPHABET = ("总投资亿万元年产吨辆项目工程基地中心产业园生产线签约开工投产竣工达产该这个的和、等"
            "个项批重大重点全市全省同比增长完成目标第一位列浙江湖州长兴县区镇有限公司集团"
            "今年去年月日至上半年（）()“”——，。；：！？\n 0123456789.%吉利华能")


def check(text: str, records: list[dict]) -> None:
    assert isinstance(records, list)
    for r in records:
        assert r["extractor"] == EXTRACTOR
        if r["kind"] == "error":
            raise AssertionError(f"a stage failed: {r}")
        keys = PROJECT_KEYS if r["kind"] == "project" else CLAIM_KEYS
        assert keys <= set(r), keys - set(r)
        assert REGION_KEYS <= set(r["region"])
        assert 0.0 <= r["confidence"] <= 1.0
        for e in r["evidence"]:
            assert 0 <= e["start"] <= e["end"] <= len(text)


def test_version_string() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", EXTRACTOR_VERSION)
    assert EXTRACTOR == f"touzi.extract/{EXTRACTOR_VERSION}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=400),
       st.one_of(st.none(), st.sampled_from(["2020-04-05", "2019-03", "2015", "bad", ""])))
def test_generated_text_never_raises(text: str, pub: str | None) -> None:
    check(text, extract_records(text, pub_date=pub))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_never_raises(text: str) -> None:
    check(text, extract_records(text))


@pytest.mark.parametrize("value", [None, "", 123, b"\xe9\xa1\xb9\xe7\x9b\xae", ["项目"]])
def test_odd_text_arguments(value) -> None:
    recs = extract_records(value)  # type: ignore[arg-type]
    assert all(r["kind"] != "error" or r["component"] for r in recs)


@pytest.mark.parametrize("pub", ["2020-13-45", "明年", "0000-00-00", 20200405, "2020/04/05"])
def test_odd_dates(pub) -> None:
    text = "今年3月，总投资12亿元的宏达新材料项目开工。"
    recs = extract_records(text, pub_date=pub)  # type: ignore[arg-type]
    assert [r["name"] for r in recs if r["kind"] == "project"] == ["宏达新材料项目"]


@pytest.fixture(scope="module")
def seed_texts(corpus_dir: Path) -> list[str]:
    return [p.read_text("utf-8") for p in sorted((corpus_dir / "seeds").glob("*.txt"))]


def _mangle(text: str) -> list[str]:
    import opencc

    t2 = opencc.OpenCC("s2t").convert(text)
    return [
        text[: len(text) // 3],                                   # cut short
        text[len(text) // 2:],                                    # starts mid-sentence
        text + text,                                              # doubled
        t2,                                                       # traditional characters
        t2[: len(t2) // 2] + text[len(text) // 2:],               # mixed scripts
        re.sub(r"[，。；：、！？,.;:!?\s]", "", text),                # no punctuation
        re.sub(r"(.{7})", r"\1 0 w; _- G2 b+", text),             # forum spam runs
        text.replace("项目", "項(xiàng)目"),                       # pinyin glosses
        text.replace("，", "，，"),                                # doubled commas
    ]


def test_mangled_real_articles(seed_texts: list[str]) -> None:
    for text in seed_texts:
        for variant in _mangle(text):
            check(variant, extract_records(variant, pub_date="2020-04-05"))


def test_doubled_article_finds_the_same_projects(seed_texts: list[str]) -> None:
    text = seed_texts[0]
    once = {r["name"] for r in extract_records(text, pub_date="2020-04-05")
            if r["kind"] == "project"}
    twice = {r["name"] for r in extract_records(text + "\n" + text, pub_date="2020-04-05")
             if r["kind"] == "project"}
    assert once == twice


def test_megabyte_article(corpus_dir: Path) -> None:
    parts = [p.read_text("utf-8") for p in sorted((corpus_dir / "text").glob("*/*.txt"))]
    big = "\n".join(parts)
    while len(big) < 1_000_000:
        big += "\n" + big
    big = big[:1_000_000]
    recs = extract_records(big, pub_date="2020-01-01")
    check(big, recs)
    assert sum(r["kind"] == "project" for r in recs) > 100


@pytest.mark.parametrize(
    "text",
    [
        "总投资1亿元的甲乙项目，" * 5000,                 # one sentence, one name, 5,000 times
        "、甲乙" * 20000 + "等项目",                        # a 20,000-item run of 、
        "全市完成固定资产投资12亿元，同比增长5%。" * 3000,   # the same claim 3,000 times
        "远航有限公司投资建设东岭项目" * 3000,              # no punctuation at all
    ],
)
def test_repetitive_inputs(text: str) -> None:
    """Inputs that make naive rules quadratic finish and keep the record shape."""
    recs = extract_records(text, pub_date="2021-01-01")
    check(text, recs)
    assert sum(r["kind"] == "project" for r in recs) <= 2
