"""`touzi run`, `export`, `compare`, `projects` and `demo` on the bundled sample, end to end."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from touzi.corpus.readers import read_paths
from touzi.runner import Ingestor, run_extraction, sample_dir


@pytest.fixture()
def sample_db(tmp_path: Path) -> Path:
    path = tmp_path / "touzi.db"
    with Ingestor(path) as ingestor:
        results = list(ingestor.add_all(read_paths([sample_dir()])))
    assert results and all(r.status == "new" for r in results)
    return path


def test_run_extracts_every_article_once_and_resumes(cli, sample_db: Path) -> None:
    first = cli(["run", "--db", sample_db, "--limit", "5"])
    assert first.exit_code == 0, first.stderr
    assert "5 articles extracted" in first.stderr
    rest = cli(["run", "--db", sample_db])
    assert rest.exit_code == 0
    assert "9 articles extracted" in rest.stderr
    again = cli(["run", "--db", sample_db])
    assert "0 articles extracted" in again.stderr
    from touzi.schema.db import connect

    db = connect(sample_db, readonly=True)
    assert db.execute("SELECT count(*) FROM extractions WHERE status = 'ok'").fetchone()[0] == 14
    assert db.execute("SELECT count(DISTINCT extractor) FROM projects").fetchone()[0] == 1
    assert db.execute("SELECT min(confidence) > 0 FROM projects").fetchone()[0] == 1


def test_an_article_that_fails_keeps_its_error_and_the_run_goes_on(
    cli, sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import touzi.extract.records as extractor

    real = extractor.extract_records

    def flaky(text: str, **kw):
        if "澄禾" in text:
            raise RuntimeError("boom")
        return real(text, **kw)

    monkeypatch.setattr(extractor, "extract_records", flaky)
    result = cli(["run", "--db", sample_db])
    assert result.exit_code == 1
    assert "extractor failed: RuntimeError: boom" in result.stderr
    from touzi.schema.db import connect

    db = connect(sample_db, readonly=True)
    failed = db.execute("SELECT count(*) FROM extractions WHERE status = 'failed'").fetchone()[0]
    ok = db.execute("SELECT count(*) FROM extractions WHERE status = 'ok'").fetchone()[0]
    assert failed >= 1 and ok + failed == 14


def test_workers_give_the_same_records_as_one_process(sample_db: Path, tmp_path: Path) -> None:
    import shutil

    from touzi.schema import records
    from touzi.schema.db import connect

    other = tmp_path / "other.db"
    shutil.copy(sample_db, other)
    one, two = connect(sample_db), connect(other)
    run_extraction(one, workers=1)
    run_extraction(two, workers=2)

    def key(db):
        return sorted(json.dumps({k: v for k, v in r.items() if k != "cluster_id"}, sort_keys=True,
                                 ensure_ascii=False) for r in records.export(db))

    assert key(one) == key(two) and key(one)


def test_export_formats_and_queries(cli, sample_db: Path) -> None:
    cli(["run", "--db", sample_db])
    lines = cli(["export", "--db", sample_db]).stdout.splitlines()
    rows = [json.loads(line) for line in lines]
    kinds = {r["kind"] for r in rows}
    assert kinds == {"project", "claim"}
    for r in rows:
        assert {"doc_id", "region", "evidence", "confidence", "extractor", "article_id", "pub_date"} <= set(r)
    project = next(r for r in rows if r["kind"] == "project")
    assert {"name", "company", "investment", "capacity", "land", "events", "cluster_id"} <= set(project)
    table = list(csv.DictReader(io.StringIO(cli(["export", "--db", sample_db, "--format", "csv",
                                                  "--kind", "claim"]).stdout)))
    assert table and {"indicator", "period", "value", "growth_pct", "adcode"} <= set(table[0])
    found = cli(["projects", "--db", sample_db, "--region", "长兴", "--format", "json"]).stdout
    assert all(json.loads(line)["region"]["adcode"].startswith("330522") for line in found.splitlines())
    assert found
    compare = cli(["compare", "长兴县", "德清县", "--db", sample_db, "--format", "json"]).stdout
    regions = {json.loads(line)["region"] for line in compare.splitlines()}
    assert regions == {"长兴县", "德清县"}


def test_demo_runs_offline_and_ends_with_a_summary(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("the demo must not use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    db = tmp_path / "demo.db"
    result = cli(["demo", "--db", db, "--overwrite"])
    assert result.exit_code == 0, result.stderr
    assert "copy of article 1" in result.stderr
    for title in ("Articles", "Projects", "What several regions claim"):
        assert title in result.stdout
    assert "长兴县" in result.stdout and "德清县" in result.stdout
    again = cli(["demo", "--db", db, "--overwrite"])
    assert again.stdout.count("澄禾") == result.stdout.count("澄禾")
    refused = cli(["demo", "--db", db])
    assert refused.exit_code == 1 and "--overwrite" in refused.stderr


def test_explain_writes_the_spans_and_records(cli, sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "one.html"
    result = cli(["explain", "1", "--db", sample_db, "-o", out])
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    for label in ("PROJECT", "MONEY", "PLACE", "DATE"):
        assert label in page
    assert "澄禾(长兴)新材料产业园项目" in page and "330522" in page
    missing = cli(["explain", "999", "--db", sample_db, "-o", out])
    assert missing.exit_code == 1 and "no article 999" in missing.stderr
