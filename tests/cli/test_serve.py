"""`touzi serve`: the database in Datasette on 127.0.0.1, read-only, with a query time limit."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from touzi.corpus.model import RawArticle
from touzi.runner import Ingestor


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"{}")


@pytest.fixture()
def served(tmp_path: Path):
    db = tmp_path / "touzi.db"
    with Ingestor(db) as ingestor:
        ingestor.add(RawArticle("a.txt", "某县新闻\n今年签约项目12个,总投资35亿元。".encode(), "text"))
    port = _free_port()
    log = (tmp_path / "serve.log").open("wb")  # a pipe nobody reads would fill and stall the server
    proc = subprocess.Popen(
        [sys.executable, "-m", "touzi.cli", "serve", "--db", str(db), "--port", str(port),
         "--time-limit-ms", "200"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("touzi serve did not start: " + (tmp_path / "serve.log").read_text(errors="replace"))
    yield base, db
    proc.terminate()
    proc.wait(timeout=10)
    log.close()
    # stopping `touzi serve` stops the server it started (no Datasette left running orphaned)
    for _ in range(50):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
        except OSError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("Datasette still answers after touzi serve was stopped")


def test_articles_are_browsable(served) -> None:
    base, _ = served
    status, data = _get(base + "/touzi/articles.json?_shape=array&_col=title")
    assert status == 200
    assert [row["title"] for row in data] == ["某县新闻"]


def test_writes_are_refused_and_slow_queries_stopped(served) -> None:
    base, db = served
    slow = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
            "SELECT count(*) FROM n")
    status, data = _get(base + "/touzi.json?" + urllib.parse.urlencode({"sql": slow}))
    assert status == 400 and "too long" in json.dumps(data)
    status, data = _get(base + "/touzi.json?" + urllib.parse.urlencode({"sql": "DELETE FROM articles"}))
    assert status == 400
    import sqlite3
    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 1
