"""Ingest speed: articles per second, single process, on the whole ../shared/corpus.

Beside touzi's ingest (decode, header/page reading, furniture removal, simplification,
near-duplicate fingerprints, bigram FTS index, SQLite), the same files go through the
baseline a user would glue together: charset-normalizer to decode, trafilatura for HTML,
sqlite-utils with an FTS5 trigram index. Run by hand:

    .venv/bin/python bench/bench_ingest.py [--repeat 3] [CORPUS]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import sqlite_utils
import trafilatura
from charset_normalizer import from_bytes

from touzi.corpus.readers import read_paths
from touzi.runner import Ingestor

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpus"


def touzi_ingest(paths: list[Path], db: Path) -> tuple[int, float]:
    start = time.perf_counter()
    with Ingestor(db) as ingestor:
        n = sum(1 for _ in ingestor.add_all(read_paths(paths)))
    return n, time.perf_counter() - start


def baseline_ingest(paths: list[Path], db: Path) -> tuple[int, float]:
    start = time.perf_counter()
    database = sqlite_utils.Database(db)
    rows = []
    for raw in read_paths(paths):
        data = raw.raw if isinstance(raw.raw, bytes) else raw.raw.encode()
        best = from_bytes(data).best()
        text = str(best) if best is not None else data.decode("utf-8", "replace")
        if raw.kind == "html":
            text = trafilatura.extract(text) or ""
        rows.append({"origin": raw.origin, "text": text})
    database["articles"].insert_all(rows)
    database.execute("CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='trigram')")
    database.execute("INSERT INTO fts (rowid, text) SELECT rowid, text FROM articles")
    database.conn.commit()
    return len(rows), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = [args.corpus / "seeds", args.corpus / "text", args.corpus / "html"]
    chars = sum(p.stat().st_size for base in paths for p in base.rglob("*") if p.is_file())
    best_t = best_b = float("inf")
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            n, t = touzi_ingest(paths, Path(tmp) / "t.db")
            n_b, b = baseline_ingest(paths, Path(tmp) / "b.db")
        best_t, best_b = min(best_t, t), min(best_b, b)
    print(f"items: {n} ({chars / 1e6:.1f} MB of files), best of {args.repeat} runs")
    print(f"touzi ingest:    {n / best_t:8.1f} articles/s  ({best_t:.2f} s)")
    print(f"baseline ingest: {n_b / best_b:8.1f} articles/s  ({best_b:.2f} s)")
    print(f"ratio touzi/baseline: {best_b / best_t:.2f}")


if __name__ == "__main__":
    main()
