"""Score the peer baseline (../shared/bench/peer_pipeline.py: jionlp + cn2an + regex) on a gold set.

    .venv/bin/python bench/eval_baseline.py [tests/gold/dev] [--json] [--misses]

The peer runs in its own venv (bench/.venv-peer, see notes/team.md):
    python3 -m venv bench/.venv-peer && bench/.venv-peer/bin/pip install jionlp cn2an
It reads a JSONL of the gold articles (id, text, pub_date) written to bench/out/, and its
records are scored with touzi.extract.evaluate exactly as `touzi eval` scores touzi's own.
Prints the scores and the peer's run time; also runs touzi's extractor on the same texts
when it is importable, so the two sets of figures come from one run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from touzi.extract.evaluate import Report, evaluate, run_extractor
from touzi.extract.gold import find_corpus_dir, load_gold

REPO = Path(__file__).resolve().parent.parent
PEER_PY = REPO / "bench" / ".venv-peer" / "bin" / "python"
OUT = REPO / "bench" / "out"


def peer_script() -> Path:
    """../shared/bench/peer_pipeline.py next to the corpus."""
    corpus = find_corpus_dir(REPO)
    if corpus is None:
        sys.exit("../shared not found (set TOUZI_SHARED)")
    return corpus.parent / "bench" / "peer_pipeline.py"


def run_peer(docs: list, name: str) -> tuple[list[dict], float]:
    """The peer's records for the gold docs, and its wall time in seconds."""
    OUT.mkdir(parents=True, exist_ok=True)
    inp = OUT / f"peer_in_{name}.jsonl"
    with inp.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps({"id": d.doc_id, "text": d.text or "", "pub_date": d.pub_date},
                                ensure_ascii=False) + "\n")
    if not PEER_PY.exists():
        sys.exit(f"{PEER_PY} missing: python3 -m venv bench/.venv-peer && "
                 "bench/.venv-peer/bin/pip install jionlp cn2an")
    t0 = time.perf_counter()
    proc = subprocess.run([str(PEER_PY), str(peer_script()), str(inp)], capture_output=True,
                          text=True, check=False)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"peer pipeline failed:\n{proc.stderr[-2000:]}")
    records = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    (OUT / f"peer_pred_{name}.jsonl").write_text(proc.stdout, encoding="utf-8")
    return records, seconds


def summary(label: str, report: Report) -> str:
    """One block of figures: records and every field's F1."""
    lines = [f"{label}: projects P/R/F1 {report.projects.precision:.3f}/"
             f"{report.projects.recall:.3f}/{report.projects.f1:.3f}  claims "
             f"{report.claims.precision:.3f}/{report.claims.recall:.3f}/{report.claims.f1:.3f}"]
    for key, s in report.field_scores().items():
        lines.append(f"    {key:<22} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}"
                     f"  (tp {s.tp}, fp {s.fp}, fn {s.fn})")
    return "\n".join(lines)


def main() -> None:
    """Run the peer (and touzi when present) on the gold set and print both scores."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", default=[str(REPO / "tests" / "gold" / "dev")])
    ap.add_argument("--json", action="store_true", help="print the reports as JSON")
    ap.add_argument("--misses", action="store_true", help="print the peer's misses")
    args = ap.parse_args()
    docs = load_gold(args.gold)
    gold = [r for d in docs for r in [d.meta, *d.records]]
    name = "_".join(Path(g).name.replace(".jsonl", "") for g in args.gold)
    peer_records, peer_s = run_peer(docs, name)
    peer = evaluate(gold, peer_records)
    reports = {"peer": peer}
    times = {"peer": peer_s}
    try:
        t0 = time.perf_counter()
        ours, errors = run_extractor(docs)
        times["touzi"] = time.perf_counter() - t0
        reports["touzi"] = evaluate(gold, ours)
        if errors:
            print(f"touzi extractor raised on {len(errors)} docs: {errors[:3]}", file=sys.stderr)
    except ImportError as exc:
        print(f"touzi extractor not importable ({exc}); peer only", file=sys.stderr)
    if args.json:
        print(json.dumps({k: {**r.to_dict(), "seconds": round(times[k], 2)}
                          for k, r in reports.items()}, ensure_ascii=False, indent=1))
        return
    print(f"{len(docs)} docs from {', '.join(args.gold)}")
    for key, rep in reports.items():
        print(summary(f"{key} ({times[key]:.1f} s)", rep))
    if "touzi" in reports and peer.projects.f1:
        print(f"project F1 ratio touzi/peer: {reports['touzi'].projects.f1 / peer.projects.f1:.2f}")
    if args.misses:
        for m in peer.misses:
            print(json.dumps(m.to_dict(), ensure_ascii=False))


if __name__ == "__main__":
    main()
