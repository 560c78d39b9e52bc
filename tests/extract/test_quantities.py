"""Capacity, land, area, quantities, counts and the percent family, on real phrasings."""

from __future__ import annotations

import json

import pytest
from figure_tables import check, params

from touzi.extract.mentions import find_mentions


@pytest.mark.parametrize("row", params("quantities.tsv"))
def test_quantities_table(row: dict[str, str]) -> None:
    check(row)


@pytest.mark.parametrize(
    "phrase",
    [
        "农业农村部等六部门印发",  # 部门 is not a measure word
        "高新区全国排名53位",  # a rank, not a count
        "居全国第14位",  # an ordinal
        "十二届六次全会",  # an ordinal without 第
        "一个生命共同体",  # 一个 is a word, not a figure
        "一刻不放松一着不相让",
        "利用四个半天的时间",  # cn2an reads 4个0.5天; here only the count 4 may come out
        "目前已分别在五家渠投资",  # a city
        "七台河市",
    ],
)
def test_no_spurious_counts(phrase: str) -> None:
    counts = [m for m in find_mentions(phrase) if m.kind in ("count", "number", "quantity")]
    if "四个半天" in phrase:
        assert [(m.text, m.value) for m in counts] == [("四个", 4)]
    else:
        assert counts == []


def test_capacity_product_stops_before_project_words() -> None:
    text = "年产15万辆乘用车项目" + "和" + "年产60万台变速器项目"  # two names, joined here
    caps = [m for m in find_mentions(text) if m.kind == "capacity"]
    assert [(m.value, m.unit, m.product, m.per) for m in caps] == [
        (150000, "辆", "乘用车", "year"),
        (600000, "台", "变速器", "year"),
    ]


def test_percent_list_shares_its_verb() -> None:
    text = "工业增加值和营业收入分别增长19%、17.7%，能耗分别下降3%和2.5%"
    got = [(m.kind, m.value) for m in find_mentions(text)]
    assert got == [("growth", 19), ("growth", 17.7), ("growth", -3), ("growth", -2.5)]


def test_seed_gold_claim_figures(corpus_dir, gold_dir) -> None:
    """Every figure the seed gold's claims carry is found in the claim's text with its value."""
    checked = 0
    for line in (gold_dir / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["kind"] != "claim":
            continue
        found = find_mentions(rec["text"])
        by_kind: dict[str, list] = {}
        for m in found:
            by_kind.setdefault(m.kind, []).append(m.value)
        if rec.get("growth_pct") is not None:
            assert rec["growth_pct"] in by_kind.get("growth", []), rec["text"]
            checked += 1
        if rec.get("target_pct") is not None:
            assert rec["target_pct"] in by_kind.get("attainment", []), rec["text"]
            checked += 1
        if rec.get("rate_pct") is not None:
            assert rec["rate_pct"] in by_kind.get("rate", []), rec["text"]
            checked += 1
        if rec.get("count") is not None:
            assert rec["count"] in by_kind.get("count", []), rec["text"]
            checked += 1
        if rec.get("value") is not None:
            kind = {"CNY": "money", "USD": "money", "亩": "land"}[rec["unit"]]
            assert rec["value"] in by_kind.get(kind, []), rec["text"]
            checked += 1
    assert checked >= 25
