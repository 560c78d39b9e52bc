"""The article store: idempotent ingest, Chinese full-text search, near-duplicates, migrations."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import opencc
import pytest

from touzi.corpus.readers import read_paths
from touzi.runner import Ingestor, search_articles
from touzi.schema import articles
from touzi.schema.db import SchemaTooNew, connect, latest_version


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("store") / "touzi.db"
    with Ingestor(path) as ingestor:
        results = list(ingestor.add_all(read_paths([corpus_dir / "seeds", corpus_dir / "text"])))
    assert all(r.status == "new" for r in results)
    return path


def _snapshot(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT id, content_hash, ingested_at, near_dup_of FROM articles ORDER BY id"
    ).fetchall()
    rows += conn.execute("SELECT count(*) FROM article_lsh").fetchall()
    rows += conn.execute("SELECT count(*) FROM articles_fts").fetchall()
    conn.close()
    return rows


def test_reingest_changes_nothing(corpus_db: Path, corpus_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "again.db"
    shutil.copy(corpus_db, copy)
    before = _snapshot(copy)
    with Ingestor(copy) as ingestor:
        results = list(ingestor.add_all(read_paths([corpus_dir / "seeds", corpus_dir / "text"])))
    assert {r.status for r in results} == {"known"}
    assert _snapshot(copy) == before


def test_corpus_metadata_from_index_jsonl(corpus_db: Path) -> None:
    db = connect(corpus_db, readonly=True)
    row = db.execute(
        "SELECT title, pub_date, url FROM articles WHERE origin LIKE '%xwlb_cctv/0002.txt'"
    ).fetchone()
    assert row[0] == "投资带动作用显现 多地经济企稳"
    assert row[1] == "2012-08-06T19:13:45+08:00"
    assert row[2].startswith("https://tv.cctv.com/2012/08/06/")
    assert db.execute("SELECT pub_date FROM articles WHERE origin LIKE '%gov_reports_2025_provinces/0001.txt'").fetchone()[0] == "2025"


@pytest.mark.parametrize("word", ["吉利", "长兴县", "年产", "开发区", "固定资产投资", "GWh"])
def test_search_finds_exactly_the_articles_holding_the_word(corpus_db: Path, word: str) -> None:
    db = connect(corpus_db, readonly=True)
    found = {r["id"] for r in search_articles(db, word, limit=None)}
    holding = {r[0] for r in db.execute(
        "SELECT id FROM articles WHERE instr(text, ?) > 0 OR instr(title, ?) > 0", [word, word])}
    assert holding, f"the corpus should contain {word}"
    assert found == holding


def test_search_uses_the_index(corpus_db: Path) -> None:
    db = connect(corpus_db, readonly=True)
    plan = " ".join(str(r) for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT a.id FROM articles a JOIN articles_fts f ON f.rowid = a.id "
        "WHERE articles_fts MATCH ?", ['"吉利"']))
    assert "VIRTUAL TABLE INDEX" in plan
    seed = search_articles(db, "吉利 长兴县", limit=None)
    assert [r["doc_id"] for r in seed] == ["000_70a04c5ec55497ca"]


def test_traditional_mirror_is_linked_as_a_near_duplicate(corpus_dir: Path, tmp_path: Path) -> None:
    """A real article, and a mirror of it in traditional characters with the noise mirrors carry."""
    original = (corpus_dir / "seeds" / "000_70a04c5ec55497ca.txt").read_text(encoding="utf-8")
    mirror = opencc.OpenCC("s2t").convert(original)
    mirror = mirror.replace("項目", "項(xiàng)目", 3).replace("總投資", "總投資(zī)", 1)
    mirror = mirror.replace("。", "。0 w; _- G2 b+", 1).replace(",", ",,", 2)
    assert mirror != original
    (tmp_path / "original.txt").write_text(original, encoding="utf-8")
    (tmp_path / "mirror.txt").write_text(mirror, encoding="big5", errors="ignore")
    other = corpus_dir / "seeds" / "002_b18fd097ccaf0094.txt"
    with Ingestor(tmp_path / "t.db") as ingestor:
        first = ingestor.add(next(read_paths([tmp_path / "original.txt"])))
        unrelated = ingestor.add(next(read_paths([other])))
        copy = ingestor.add(next(read_paths([tmp_path / "mirror.txt"])))
        stored = articles.get(ingestor.db, copy.article_id)
    assert copy.status == "new" and copy.encoding == "big5"
    assert copy.near_dup_of == first.article_id
    assert unrelated.near_dup_of is None
    assert stored["variant"] == "traditional"
    assert "吉利新能源汽车项目" in stored["text"]  # simplified again, glosses gone
    assert "項目" in stored["text_original"]
    assert stored["near_dup_score"] >= 0.8  # Big5 cannot hold a few characters of the original


def test_republished_page_and_its_text_copy_are_linked(corpus_dir: Path, tmp_path: Path) -> None:
    """cwced keeps each page and a hand-cleaned text copy of it: two real copies of one article."""
    page = corpus_dir / "html" / "cwced" / "original" / "d232c5df-4a6a-47f7-8c63-2dd47719ffe7.html"
    text = corpus_dir / "html" / "cwced" / "cleaned" / "d232c5df-4a6a-47f7-8c63-2dd47719ffe7.txt"
    with Ingestor(tmp_path / "t.db") as ingestor:
        a = ingestor.add(next(read_paths([page])))
        b = ingestor.add(next(read_paths([text])))
    assert b.near_dup_of == a.article_id


def test_canonical_listing_leaves_copies_out(corpus_dir: Path, tmp_path: Path) -> None:
    page = corpus_dir / "html" / "cwced" / "original" / "d232c5df-4a6a-47f7-8c63-2dd47719ffe7.html"
    text = corpus_dir / "html" / "cwced" / "cleaned" / "d232c5df-4a6a-47f7-8c63-2dd47719ffe7.txt"
    with Ingestor(tmp_path / "t.db") as ingestor:
        list(ingestor.add_all(read_paths([page, text])))
        assert len(search_articles(ingestor.db, limit=None)) == 2
        assert len(search_articles(ingestor.db, canonical=True, limit=None)) == 1


def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    connect(path).conn.close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    with pytest.raises(SchemaTooNew):
        connect(path)
    with pytest.raises(SchemaTooNew):
        connect(path, readonly=True)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == latest_version() + 1


def test_old_database_is_migrated_forward(tmp_path: Path) -> None:
    from touzi.schema.db import migrations

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(migrations()[0].sql + "\nPRAGMA user_version = 1;")
    conn.execute("INSERT INTO articles (doc_id, origin, raw_kind, content_hash, identity, ingested_at) "
                 "VALUES ('a', 'x', 'text', 'h', 'raw:h', 'now')")
    conn.commit()
    conn.close()
    db = connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert db.execute("SELECT doc_id FROM articles").fetchone()[0] == "a"


def test_cli_refuses_a_newer_database_in_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "new.db"
    connect(path).conn.close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    for args in (["articles"], ["ingest", str(tmp_path / "none.txt")]):
        proc = subprocess.run([sys.executable, "-m", "touzi.cli", *args, "--db", str(path)],
                              capture_output=True, text=True)
        assert proc.returncode == 2
        assert "newer than this touzi knows" in proc.stderr
        assert "Traceback" not in proc.stderr
