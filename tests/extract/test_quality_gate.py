"""CI quality gate: touzi's extractor on the dev set must keep every F1 at or above its floor.

The floors live in tests/gold/floors.json (record and field keys as `touzi eval` reports them:
"projects", "claims", "project.company", …, "claim.region"). They only go up; to raise them
after an improvement, run

    .venv/bin/python tests/extract/test_quality_gate.py --raise

which measures the dev F1s and sets each floor to max(old floor, measured − margin), rounded
down to two places, where margin is 0.02 or the weight of one gold item (1 / gold items) when
that is larger, so a field with 5 gold values does not fail CI over one (tests/gold/README.md). A missing extractor is an error here, not a
skip: CI must not pass without it.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[1] / "gold"
FLOORS = GOLD / "floors.json"
MARGIN = 0.02


def measure(corpus_dir: Path | None = None):
    """Run the extractor on the dev articles and score it: (report, errors by doc_id)."""
    from touzi.extract.evaluate import evaluate, run_extractor
    from touzi.extract.gold import load_gold
    from touzi.extract.records import extract_records  # an ImportError fails the gate

    docs = load_gold([GOLD / "dev"], corpus_dir=corpus_dir)
    pred, errors = run_extractor(docs, extract_records)
    return evaluate([r for d in docs for r in (d.meta, *d.records)], pred), errors


def scores_by_key(report) -> dict:
    """Every Score the gate guards, by floor key."""
    out = {"projects": report.projects, "claims": report.claims}
    out.update(report.field_scores())
    return out


def f1_by_key(report) -> dict[str, float]:
    """Every F1 the gate guards, by floor key."""
    return {key: s.f1 for key, s in scores_by_key(report).items()}


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


def test_floors_cover_every_score() -> None:
    from touzi.extract.evaluate import CLAIM_FIELDS, PROJECT_FIELDS

    keys = {"projects", "claims"} | {f"project.{f}" for f in PROJECT_FIELDS} | {
        f"claim.{f}" for f in CLAIM_FIELDS}
    floors = load_floors()
    assert set(floors) == keys
    assert all(0.0 <= v <= 1.0 for v in floors.values())


def test_extractor_processes_every_dev_article(dev_scores) -> None:
    _, errors, _ = dev_scores
    assert errors == {}, f"extractor failed on: {errors}"


@pytest.mark.parametrize("key", sorted(load_floors()))
def test_f1_at_or_above_floor(key: str, dev_scores) -> None:
    scores, _, report = dev_scores
    floor = load_floors()[key]
    assert scores[key] >= floor, (
        f"{key} F1 {scores[key]:.3f} fell below its floor {floor:.2f} "
        f"(`touzi eval tests/gold/dev --predict --misses` lists what changed)")


def raise_floors() -> None:
    """Measure dev and lift each floor to measured − margin where that is higher (never lower)."""
    report, errors = measure()
    if errors:
        sys.exit(f"extractor failed on {len(errors)} dev articles: {errors}")
    data = json.loads(FLOORS.read_text(encoding="utf-8"))
    for key, score in sorted(scores_by_key(report).items()):
        f1 = score.f1
        new = max(0.0, math.floor((f1 - margin(score)) * 100 + 1e-9) / 100)
        old = float(data.get(key, 0.0))
        data[key] = max(old, new)
        print(f"{key:<22} measured {f1:.3f}  floor {old:.2f} -> {data[key]:.2f}")
    FLOORS.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--raise"]:
        sys.exit(__doc__)
    raise_floors()
