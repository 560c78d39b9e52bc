#!/usr/bin/env python
"""Speed (and dev-set F1) of touzi's extractor against the peer baseline, in one run.

    .venv/bin/python bench/bench_extract.py [--skip-peer] [--stages] [--repeat N]

touzi: `extract_records` over every article of ../shared/corpus (seeds/*.txt and
text/*/*.txt, publication dates from the folders' index.jsonl), single process, after one
warm-up call (gazetteer, jieba dictionary). The peer: ../shared/bench/peer_pipeline.py
(jionlp + cn2an + regex) over the same articles in bench/.venv-peer (see notes/team.md), timed
by its own --stats (interpreter start and imports excluded). Both are then scored on
tests/gold/dev with touzi.extract.evaluate.
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
PEER_PY = REPO / "bench" / ".venv-peer" / "bin" / "python"
PEER = SHARED / "bench" / "peer_pipeline.py"
OUT = REPO / "bench" / "out"


def corpus() -> list[dict]:
    """Every corpus article as {id, text, pub_date}."""
    items = []
    folders = [SHARED / "corpus" / "seeds", *sorted((SHARED / "corpus" / "text").iterdir())]
    for folder in folders:
        dates = {}
        index = folder / "index.jsonl"
        if index.is_file():
            for line in index.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    dates[row.get("file")] = row.get("pub_date")
        for f in sorted(folder.glob("*.txt")):
            date = dates.get(f.name)
            items.append({"id": f"{folder.name}/{f.stem}", "pub_date": date[:10] if date else None,
                          "text": f.read_text(encoding="utf-8")})
    return items


def run_touzi(items: list[dict], stages: bool) -> tuple[float, float, dict[str, float]]:
    """Wall and CPU seconds for extract_records over the items (and CPU seconds per stage
    with --stages; CPU time because the machine is shared).

    With --stages the timed pass itself is split by stage (new_analysis, then each stage as
    extract_records runs them): a second, untimed pass would find the caches warm (surface
    candidates, name segmentations…) and leave a third of the first pass unexplained. The
    "gc" figure is the cyclic collector's share, already inside the stages' figures."""
    from touzi.extract.records import STAGES, extract_records, new_analysis, records_of, run_stage

    extract_records(items[0]["text"], pub_date=items[0]["pub_date"])  # warm-up
    per_stage: dict[str, float] = defaultdict(float)
    collecting: list[float] = []

    def on_gc(phase: str, _info: dict) -> None:
        collecting.append(time.process_time() if phase == "start"
                          else time.process_time() - collecting.pop())

    if stages:
        gc.callbacks.append(on_gc)
    t0 = time.perf_counter()
    c0 = time.process_time()
    for it in items:
        if not stages:
            extract_records(it["text"], pub_date=it["pub_date"], doc_id=it["id"])
            continue
        s = time.process_time()
        a = new_analysis(it["text"], pub_date=it["pub_date"], doc_id=it["id"])
        per_stage["setup"] += time.process_time() - s
        for name, func in STAGES:
            s = time.process_time()
            run_stage(a, name, func)
            per_stage[name] += time.process_time() - s
        records_of(a)
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    if stages:
        gc.callbacks.remove(on_gc)
        per_stage["gc"] = sum(collecting)
    return seconds, cpu, dict(per_stage)


def run_peer(items: list[dict], name: str) -> tuple[list[dict], dict | None]:
    """The peer's records and its --stats line for the items."""
    if not PEER_PY.exists() or not PEER.exists():
        print(f"peer skipped: {PEER_PY} or {PEER} missing "
              "(python3 -m venv bench/.venv-peer && bench/.venv-peer/bin/pip install jionlp cn2an)")
        return [], None
    OUT.mkdir(parents=True, exist_ok=True)
    inp = OUT / f"bench_extract_{name}.jsonl"
    with inp.open("w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    proc = subprocess.run([str(PEER_PY), str(PEER), "--stats", str(inp)], capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        print(f"peer failed: {proc.stderr[-500:]}")
        return [], None
    stats = None
    for line in reversed(proc.stderr.splitlines()):
        if line.startswith("{") and "articles_per_s" in line:
            stats = json.loads(line)
            break
    records = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return records, stats


def dev_scores(peer: bool) -> None:
    """Project and claim F1 of touzi and the peer on tests/gold/dev."""
    from touzi.extract.evaluate import evaluate, run_extractor
    from touzi.extract.gold import load_gold

    docs = load_gold([REPO / "tests" / "gold" / "dev"])
    gold = [r for d in docs for r in [d.meta, *d.records]]
    ours, _ = run_extractor(docs)
    rep = evaluate(gold, ours)
    print(f"dev F1   touzi: projects {rep.projects.f1:.3f}  claims {rep.claims.f1:.3f}")
    if peer:
        items = [{"id": d.doc_id, "text": d.text or "",
                  "pub_date": d.pub_date[:10] if d.pub_date else None} for d in docs]
        recs, _ = run_peer(items, "dev")
        if recs:
            prep = evaluate(gold, recs)
            print(f"dev F1   peer:  projects {prep.projects.f1:.3f}  claims {prep.claims.f1:.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip-peer", action="store_true", help="time touzi only")
    ap.add_argument("--stages", action="store_true", help="also time each stage")
    ap.add_argument("--repeat", type=int, default=1, help="run touzi N times, report the best")
    args = ap.parse_args()
    if not SHARED.exists():
        sys.exit("../shared not found")
    items = corpus()
    chars = sum(len(it["text"]) for it in items)
    best = best_cpu = first = None
    per_stage: dict[str, float] = {}
    for _ in range(max(1, args.repeat)):
        seconds, cpu, stage_times = run_touzi(items, args.stages and best is None)
        first = seconds if first is None else first
        per_stage = per_stage or stage_times
        best = seconds if best is None else min(best, seconds)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    assert best is not None and best_cpu is not None
    print(f"corpus: {len(items)} articles, {chars:,} characters")
    print(f"touzi:  {best:.2f} s  {len(items) / best:.1f} articles/s  {chars / best:,.0f} chars/s"
          f"  (CPU {best_cpu:.2f} s: {len(items) / best_cpu:.1f} articles/s)")
    if args.repeat > 1 and first is not None:
        print(f"        first run {first:.2f} s: {len(items) / first:.1f} articles/s "
              "(later runs reuse the name caches)")
    if per_stage:
        gc_sec = per_stage.pop("gc", 0.0)
        total = sum(per_stage.values())
        for name, sec in per_stage.items():
            print(f"        {name:<10} {sec:.2f} s ({sec / total:.0%})")
        print(f"        (garbage collector {gc_sec:.2f} s, inside the stages above)")
    if not args.skip_peer:
        _, stats = run_peer(items, "corpus")
        if stats:
            print(f"peer:   {stats['seconds']:.2f} s  {stats['articles_per_s']:.1f} articles/s  "
                  f"{stats['chars_per_s']:,} chars/s")
            ratio = (len(items) / best) / stats["articles_per_s"]
            print(f"touzi / peer: {ratio:.1f}x articles per second")
    dev_scores(not args.skip_peer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
