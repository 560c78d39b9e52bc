"""Bad input never stops a run: each bad item gets one clear line and is kept with its error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from touzi.schema.db import connect

GOOD = "某县新闻\n2023年06月12日 09:30 来源:样例新闻网\n  今年,某县签约项目12个,总投资35亿元。\n"


@pytest.fixture()
def mixed_folder(tmp_path: Path, corpus_dir: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "d_huge.txt").write_bytes(("数" * 3500 + "\n").encode("utf-8") * 2000)  # 21 MB (20.0 MiB)
    # Neither UTF-8 nor GB18030 nor Big5: half the bytes are lone lead bytes.
    (folder / "e_broken.txt").write_bytes(("项目投资".encode("gb18030") + b"\x81\xff") * 500)
    lines = [
        json.dumps({"id": "j1", "title": "甲", "text": "甲县新签约项目5个,总投资12亿元。", "pub_date": "2022-05-01"},
                   ensure_ascii=False),
        '{"id": "j2", "text": "broken',
        json.dumps({"id": "j3", "note": "no text"}),
        json.dumps({"id": "j4", "html": "<html><body><p>乙县固定资产投资同比增长8.1%,制造业投资增长12%。</p></body></html>"},
                   ensure_ascii=False),
    ]
    (folder / "f_feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    gbk = corpus_dir / "html" / "wushi_gb2312" / "detail-469.html"
    (folder / "g_gbk.html").write_bytes(gbk.read_bytes())
    return folder


def test_bad_items_reported_and_kept_good_ones_land(cli, mixed_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    result = cli(["ingest", mixed_folder, "--db", db, "--format", "json"])
    assert result.exit_code == 1  # something failed
    items = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    by_origin = {Path(i["origin"].split("#")[0]).name + ("#" + i["origin"].split("#")[1] if "#" in i["origin"] else ""): i for i in items}
    assert by_origin["a_good.txt"]["status"] == "new"
    assert by_origin["b_empty.txt"]["error"] == "empty file"
    assert "binary" in by_origin["c_binary.txt"]["error"]
    assert "20.0 MB, more than the 10.0 MB" in by_origin["d_huge.txt"]["error"]
    assert "broken encoding" in by_origin["e_broken.txt"]["error"]
    assert by_origin["f_feed.jsonl#1"]["status"] == "new"
    assert "line 2: invalid JSON" in by_origin["f_feed.jsonl#2"]["error"]
    assert "neither 'text' nor 'html'" in by_origin["f_feed.jsonl#3"]["error"]
    assert by_origin["f_feed.jsonl#4"]["status"] == "new"
    assert by_origin["g_gbk.html"]["status"] == "new" and by_origin["g_gbk.html"]["encoding"] == "gb18030"
    failed = [i for i in items if i["status"] == "failed"]
    assert len(failed) == 6
    # One line on stderr per failed item, naming it.
    err_lines = [line for line in result.stderr.splitlines() if line.startswith("failed ")]
    assert len(err_lines) == 6
    for item in failed:
        assert any(item["origin"] in line for line in err_lines)
    # Every item is kept, failed ones with their error and their raw bytes.
    database = connect(db, readonly=True)
    rows = database.execute("SELECT origin, error, length(raw) FROM articles").fetchall()
    assert len(rows) == 10
    huge = [r for r in rows if r[0].endswith("d_huge.txt")][0]
    assert huge[2] > 20_000_000
    # Running again changes nothing and reports the same failures.
    again = cli(["ingest", mixed_folder, "--db", db, "--format", "json"])
    assert again.exit_code == 1
    assert database.execute("SELECT count(*) FROM articles").fetchone()[0] == 10


def test_all_good_exits_zero(cli, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = cli(["ingest", tmp_path / "a.txt", "--db", tmp_path / "t.db"])
    assert result.exit_code == 0
    assert "1 new" in result.stderr


def test_unsupported_file_named_directly(cli, tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    result = cli(["ingest", tmp_path / "notes.docx", "--db", tmp_path / "t.db"])
    assert result.exit_code == 1
    assert "unsupported file type .docx" in result.stderr
