"""CI quality gate: touzi's extractor on the dev set and on the sample articles must keep every
F1 at or above its floor.

The floors live in tests/gold/floors.json: record and field keys as `touzi eval` reports them
("projects", "claims", "project.company", …, "claim.region") for tests/gold/dev, and the same
keys prefixed with "sample." for touzi/sample/expected.jsonl scored on the sample articles
(touzi/sample/articles, read and cleaned by touzi.corpus as `touzi ingest` reads them). They
only go up; to raise them after an improvement, run

    .venv/bin/python tests/extract/test_quality_gate.py --raise

which measures both sets and sets each floor to max(old floor, measured − margin), rounded
down to two places, where margin is 0.02 or the weight of one gold item (1 / gold items) when
that is larger, so a field with 5 gold values does not fail CI over one (tests/gold/README.md).
When the development set itself changes (new files join dev/), `--repin` writes every dev
floor anew as measured − margin, lower or higher, by the same rule.
A missing extractor is an error here, not a skip: CI must not pass without it.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[1] / "gold"
FLOORS = GOLD / "floors.json"
SAMPLE = Path(__file__).resolve().parents[2] / "touzi" / "sample"
SAMPLE_PREFIX = "sample."
MARGIN = 0.02


def measure(corpus_dir: Path | None = None):
    """Run the extractor on the dev articles and score it: (report, errors by doc_id)."""
    from touzi.extract.evaluate import evaluate, run_extractor
    from touzi.extract.gold import load_gold
    from touzi.extract.records import extract_records  # an ImportError fails the gate

    docs = load_gold([GOLD / "dev"], corpus_dir=corpus_dir)
    pred, errors = run_extractor(docs, extract_records)
    return evaluate([r for d in docs for r in (d.meta, *d.records)], pred), errors


def sample_docs() -> list:
    """The sample articles as GoldDocs: each article of touzi/sample/articles read and cleaned by
    touzi.corpus (doc_id = file stem, or the `id` of a JSONL line), with its gold records from
    touzi/sample/expected.jsonl and the metadata the cleaner found (falling back to the gold's)."""
    from touzi.corpus.clean import clean
    from touzi.corpus.readers import read_paths
    from touzi.extract.gold import GoldDoc, read_jsonl

    gold = list(read_jsonl([SAMPLE / "expected.jsonl"]))
    metas = {r["doc_id"]: r for r in gold if r.get("kind") == "doc"}
    docs = []
    for raw in read_paths([SAMPLE / "articles"]):
        doc_id = raw.doc_id or Path(raw.origin).stem
        meta = metas.get(doc_id)
        if meta is None:
            continue
        article = clean(raw)
        docs.append(GoldDoc(
            doc_id, meta, [r for r in gold if r.get("doc_id") == doc_id and r.get("kind") != "doc"],
            title=article.title or meta.get("title"), source=article.source or meta.get("source"),
            url=article.url, pub_date=article.pub_date or meta.get("pub_date"),
            text=article.text, error=article.error))
    return docs


def measure_sample():
    """Run the extractor on the sample articles and score it: (report, errors by doc_id)."""
    from touzi.extract.evaluate import evaluate, run_extractor
    from touzi.extract.records import extract_records

    docs = sample_docs()
    pred, errors = run_extractor(docs, extract_records)
    return evaluate([r for d in docs for r in (d.meta, *d.records)], pred), errors


def scores_by_key(report, prefix: str = "") -> dict:
    """Every Score the gate guards, by floor key (with `prefix` for the sample set)."""
    out = {"projects": report.projects, "claims": report.claims}
    out.update(report.field_scores())
    return {prefix + k: v for k, v in out.items()}


def f1_by_key(report, prefix: str = "") -> dict[str, float]:
    """Every F1 the gate guards, by floor key."""
    return {key: s.f1 for key, s in scores_by_key(report, prefix).items()}


def margin(score) -> float:
    """How far below the measured F1 a floor sits: 0.02, or one gold item's weight if larger."""
    gold_items = score.tp + score.fn
    return max(MARGIN, 1 / gold_items) if gold_items else MARGIN


def load_floors() -> dict[str, float]:
    """The pinned floors (keys starting with "_" are comments)."""
    data = json.loads(FLOORS.read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data.items() if not k.startswith("_")}


@pytest.fixture(scope="module")
def dev_scores(corpus_dir: Path):
    report, errors = measure(corpus_dir)
    return f1_by_key(report), errors, report


@pytest.fixture(scope="module")
def sample_scores():
    report, errors = measure_sample()
    return f1_by_key(report, SAMPLE_PREFIX), errors, report


def test_floors_cover_every_score() -> None:
    from touzi.extract.evaluate import CLAIM_FIELDS, PROJECT_FIELDS

    keys = {"projects", "claims"} | {f"project.{f}" for f in PROJECT_FIELDS} | {
        f"claim.{f}" for f in CLAIM_FIELDS}
    floors = load_floors()
    assert set(floors) == keys | {SAMPLE_PREFIX + k for k in keys}
    assert all(0.0 <= v <= 1.0 for v in floors.values())


def test_sample_set_is_complete() -> None:
    """Every article the sample gold describes is read, cleaned and scored."""
    docs = sample_docs()
    assert len(docs) == 14
    assert all(d.text and not d.error for d in docs)
    assert sum(len(d.projects) for d in docs) >= 25 and sum(len(d.claims) for d in docs) >= 45


def test_extractor_processes_every_sample_article(sample_scores) -> None:
    _, errors, _ = sample_scores
    assert errors == {}, f"extractor failed on: {errors}"


def test_extractor_processes_every_dev_article(dev_scores) -> None:
    _, errors, _ = dev_scores
    assert errors == {}, f"extractor failed on: {errors}"


@pytest.mark.parametrize("key", sorted(k for k in load_floors() if not k.startswith(SAMPLE_PREFIX)))
def test_f1_at_or_above_floor(key: str, dev_scores) -> None:
    scores, _, report = dev_scores
    floor = load_floors()[key]
    assert scores[key] >= floor, (
        f"{key} F1 {scores[key]:.3f} fell below its floor {floor:.2f} "
        f"(`touzi eval tests/gold/dev --predict --misses` lists what changed)")


@pytest.mark.parametrize("key", sorted(k for k in load_floors() if k.startswith(SAMPLE_PREFIX)))
def test_sample_f1_at_or_above_floor(key: str, sample_scores) -> None:
    scores, _, report = sample_scores
    floor = load_floors()[key]
    assert scores[key] >= floor, (
        f"{key} F1 {scores[key]:.3f} fell below its floor {floor:.2f} "
        f"(`python bench/score_dev.py --sample --show` lists what changed)")


def raise_floors(anew: bool = False) -> None:
    """Measure dev and the sample and lift each floor to measured − margin where that is higher
    (never lower); with `anew` (the dev set changed), dev floors are measured − margin."""
    report, errors = measure()
    if errors:
        sys.exit(f"extractor failed on {len(errors)} dev articles: {errors}")
    sample, errors = measure_sample()
    if errors:
        sys.exit(f"extractor failed on {len(errors)} sample articles: {errors}")
    data = json.loads(FLOORS.read_text(encoding="utf-8"))
    scores = scores_by_key(report) | scores_by_key(sample, SAMPLE_PREFIX)
    for key, score in sorted(scores.items()):
        f1 = score.f1
        new = max(0.0, math.floor((f1 - margin(score)) * 100 + 1e-9) / 100)
        old = float(data.get(key, 0.0))
        data[key] = new if anew and not key.startswith(SAMPLE_PREFIX) else max(old, new)
        print(f"{key:<29} measured {f1:.3f}  floor {old:.2f} -> {data[key]:.2f}")
    FLOORS.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] not in (["--raise"], ["--repin"]):
        sys.exit(__doc__)
    raise_floors(anew=sys.argv[1:] == ["--repin"])
