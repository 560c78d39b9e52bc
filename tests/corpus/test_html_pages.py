"""Real saved pages: encodings, main text against hand-made ground truth, dates, titles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from touzi.corpus.clean import clean
from touzi.corpus.encoding import declared_charset, decode
from touzi.corpus.model import RawArticle

_CJK = re.compile(r"[\u4e00-\u9fff]")


def _cjk(text: str) -> str:
    return "".join(_CJK.findall(text))


def _grams(text: str) -> set[str]:
    return {text[i : i + 8] for i in range(max(0, len(text) - 7))}


@pytest.fixture(scope="module")
def pages(corpus_dir: Path) -> list[dict]:
    rows = [json.loads(line) for line in (corpus_dir / "html" / "index.jsonl").open(encoding="utf-8")]
    for row in rows:
        row["bytes_"] = (corpus_dir / "html" / row["file"]).read_bytes()
    return rows


@pytest.fixture(scope="module")
def cleaned(pages: list[dict]) -> dict[str, object]:
    return {row["file"]: clean(RawArticle(row["file"], row["bytes_"], "html")) for row in pages}


def test_every_page_decodes_with_the_right_codec(pages: list[dict]) -> None:
    wrong = []
    for row in pages:
        data = row["bytes_"]
        got = decode(data, declared_charset(data)).encoding
        want = "utf-8" if row["actual_encoding"] == "utf-8" else "gb18030"
        if got != want:
            wrong.append((row["file"], got, want))
    assert not wrong
    assert sum(1 for r in pages if r["actual_encoding"] != "utf-8") >= 40  # the GBK pages are there


def test_pages_that_lie_about_their_charset(pages: list[dict], cleaned: dict) -> None:
    liars = [r for r in pages if (declared_charset(r["bytes_"]) or "").lower() in ("gb2312", "gbk")
             and r["actual_encoding"] == "utf-8"]
    assert len(liars) >= 3
    for row in liars:
        article = cleaned[row["file"]]
        assert article.encoding == "utf-8"
        assert any("but the bytes are UTF-8" in w for w in article.warnings)


def test_gbk_pages_read_as_chinese(pages: list[dict], cleaned: dict) -> None:
    from touzi.corpus.encoding import chinese_score

    for row in pages:
        if row["actual_encoding"] != "utf-8" and row.get("html_title"):
            article = cleaned[row["file"]]
            assert article.encoding == "gb18030"
            assert chinese_score(article.text) > 0.5, row["file"]


def test_main_text_against_ground_truth(corpus_dir: Path, pages: list[dict], cleaned: dict) -> None:
    """Recall and precision of the main text, as 8-character shingles of its Chinese characters.

    Measured when written: recall 0.950, precision 0.865 (trafilatura alone, favor_recall:
    0.945 / 0.827; without tables: 0.869 / 0.850).
    """
    recall = precision = n = 0.0
    for row in pages:
        if not row.get("gt_text_file"):
            continue
        gt = _cjk(decode((corpus_dir / "html" / row["gt_text_file"]).read_bytes()).text)
        if len(gt) < 50:
            continue
        ours = _cjk(cleaned[row["file"]].text)
        g, o = _grams(gt), _grams(ours)
        recall += len(g & o) / max(1, len(g))
        precision += len(g & o) / max(1, len(o))
        n += 1
    assert n >= 60
    assert recall / n >= 0.94
    assert precision / n >= 0.85


def _gt_date(value: str) -> str | None:
    parts = re.split(r"[-/ ]", value.strip())
    if len(parts) >= 3 and all(p.isdigit() for p in parts[:3]):
        return f"{int(parts[0]):04d}-{int(parts[1]):02d}-{int(parts[2]):02d}"
    return None


def test_publication_dates_against_ground_truth(pages: list[dict], cleaned: dict) -> None:
    """Measured when written: 44 of 55 day-precise dates right, none invented as YYYY-01-01."""
    right = total = 0
    for row in pages:
        want = _gt_date(row.get("gt_date") or "")
        if not want:
            continue
        total += 1
        got = cleaned[row["file"]].pub_date
        right += bool(got and got[:10] == want)
    assert total >= 50
    assert right / total >= 0.78


def test_no_invented_new_year_dates(pages: list[dict], cleaned: dict) -> None:
    for row in pages:
        pub = cleaned[row["file"]].pub_date
        if pub and pub[5:10] == "01-01":
            html = row["bytes_"].decode("utf-8", "replace") + row["bytes_"].decode("gb18030", "replace")
            assert pub[:10] in html or pub[:4] + "年1月1日" in html, row["file"]


def test_trafilatura_eval_titles(corpus_dir: Path, cleaned: dict) -> None:
    from touzi.corpus.normalize import width

    truth = json.loads((corpus_dir / "html" / "trafilatura_eval" / "ground_truth.json").read_text("utf-8"))
    for entry in truth.values():
        article = cleaned["trafilatura_eval/" + entry["file"]]
        assert width(entry["title"].strip()) in article.title
        for must in entry["with"]:
            assert width(must) in article.text.replace("\n", ""), must
