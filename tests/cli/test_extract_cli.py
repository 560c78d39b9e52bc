"""`touzi extract FILE... [--jsonl] [--pub-date]`: records of .txt, .html and .jsonl files,
doc ids and publication dates, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from touzi.cli import build

ARTICLE = "去年12月，总投资50亿元的华泰新能源汽车项目签约落户南江县。"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str):
    return runner.invoke(build(), ["extract", *args])


def lines(output: str) -> list[dict]:
    return [json.loads(x) for x in output.splitlines() if x.startswith("{")]


def test_txt_with_pub_date_option(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "note.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    res = run(runner, str(f), "--jsonl", "--pub-date", "2021-06-15")
    assert res.exit_code == 0, res.output
    (rec,) = lines(res.output)
    assert rec["kind"] == "project" and rec["doc_id"] == "note"
    assert rec["events"][0]["date"] == "2020-12"
    assert rec["extractor"].startswith("touzi.extract/")


def test_jsonl_lines_carry_id_and_date(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    rows = [{"id": "a1", "text": ARTICLE, "pub_date": "2021-06-15"},
            {"id": "a2", "text": ARTICLE, "pub_date": "2020-06-15"},
            {"text": "今天天气很好。"}]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    res = run(runner, str(f), "--jsonl", "--pub-date", "2000-01-01")
    assert res.exit_code == 0, res.output
    got = {(r["doc_id"], r["events"][0]["date"]) for r in lines(res.output)}
    assert got == {("a1", "2020-12"), ("a2", "2019-12")}


def test_html_page(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(f"<html><head><title>华泰项目签约</title></head><body><p>{ARTICLE}</p>"
                 "</body></html>", encoding="utf-8")
    res = run(runner, str(f), "--jsonl", "--pub-date", "2021-06-15")
    assert res.exit_code == 0, res.output
    assert [r["name"] for r in lines(res.output)] == ["华泰新能源汽车项目"]


def test_corpus_file_date_from_its_folder_index(runner: CliRunner, corpus_dir: Path) -> None:
    res = run(runner, str(corpus_dir / "text" / "xwlb_cctv" / "0084.txt"), "--jsonl")
    assert res.exit_code == 0, res.output
    recs = lines(res.output)
    assert any(r["kind"] == "project" and r["investment"] for r in recs)
    assert all(r["doc_id"] == "0084" for r in recs)


def test_table_output(runner: CliRunner, corpus_dir: Path) -> None:
    res = run(runner, str(corpus_dir / "seeds" / "002_b18fd097ccaf0094.txt"))
    assert res.exit_code == 0, res.output
    assert res.output.startswith("== 002_b18fd097ccaf0094  2015-08-11")
    assert "project  " in res.output and "claim    " in res.output


def test_bad_pub_date(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "note.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    res = run(runner, str(f), "--pub-date", "15/06/2021")
    assert res.exit_code == 2


def test_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    res = run(runner, str(tmp_path / "nothing.txt"))
    assert res.exit_code == 1


def test_evidence_indexes_the_file_as_read(runner: CliRunner, corpus_dir: Path,
                                           gold_dir: Path) -> None:
    """A seed file carries a header and furniture that cleaning drops; the records' evidence
    still points at the file's own characters, as the shared gold counts them."""
    from touzi.corpus.normalize import width
    from touzi.extract.gold import read_jsonl

    path = corpus_dir / "seeds" / "000_70a04c5ec55497ca.txt"
    text = path.read_text(encoding="utf-8")
    res = run(runner, str(path), "--jsonl")
    assert res.exit_code == 0, res.output
    records = lines(res.output)
    claims = [r for r in records if r["kind"] == "claim"]
    assert claims
    for rec in claims:
        for ev in rec["evidence"]:
            assert width(text[ev["start"]:ev["end"]]) in rec["text"], rec
    gold = [r for r in read_jsonl([gold_dir / "seeds.jsonl"])
            if r.get("doc_id") == "000_70a04c5ec55497ca" and r.get("name") == "吉利新能源汽车项目"]
    mine = [r for r in records if r.get("name") == "吉利新能源汽车项目"]
    assert gold and mine
    spans = [(e["start"], e["end"]) for e in gold[0]["evidence"]]
    assert any(s < ev["end"] and ev["start"] < e for ev in mine[0]["evidence"] for s, e in spans)


def test_dash_reads_one_article_from_stdin(runner: CliRunner) -> None:
    res = runner.invoke(build(), ["extract", "-", "--jsonl", "--pub-date", "2021-06-15"],
                        input=ARTICLE)
    assert res.exit_code == 0, res.output
    (rec,) = lines(res.output)
    assert rec["doc_id"] == "stdin" and rec["name"] == "华泰新能源汽车项目"
    assert ARTICLE[rec["evidence"][0]["start"]:rec["evidence"][0]["end"]].startswith("去年12月")


def test_investment_keys_are_the_documented_ones(runner: CliRunner, tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    row = next(x for x in readme.splitlines() if x.startswith("| `investment` |"))
    documented = set(row.split("{", 1)[1].split("}", 1)[0].replace(" ", "").split(","))
    f = tmp_path / "range.txt"
    f.write_text("上月，总投资50亿元至80亿元的华泰新能源汽车项目签约落户南江县。", encoding="utf-8")
    res = run(runner, str(f), "--jsonl", "--pub-date", "2021-06-15")
    assert res.exit_code == 0, res.output
    (rec,) = lines(res.output)
    (inv,) = rec["investment"]
    assert set(inv) == documented, (set(inv), documented)
    assert (inv["amount"], inv["amount_max"], inv["currency"]) == (5000000000, 8000000000, "CNY")
