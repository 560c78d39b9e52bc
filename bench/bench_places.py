"""Benchmark: finding and resolving every place in ../shared/corpus (text/ and seeds/).

Prints characters per second for touzi's RegionResolver (find + article_context with each
article's publication date, and article_context on the whole corpus as one article, which
must cost about what the articles cost one by one) and, measured in the same run, for
baselines: a naive loop of
`str.find` over every gazetteer name, and cpca (when bench/.venv-peer has it:
`python3 -m venv bench/.venv-peer && bench/.venv-peer/bin/pip install cpca jionlp`).

    .venv/bin/python bench/bench_places.py [--shared ../shared] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_PEER = r'''
import sys, json, time
texts = json.load(sys.stdin)
out = {}
try:
    import cpca
    t = time.perf_counter()
    for text in texts:
        # cpca reads addresses: feed it sentence by sentence, as a user would.
        parts = [p for p in text.replace("\n", "。").split("。") if p]
        if parts:
            cpca.transform(parts)
    out["cpca"] = time.perf_counter() - t
except ImportError:
    pass
try:
    import jionlp
    sample = texts[: max(1, len(texts) // 10)]
    t = time.perf_counter()
    for text in sample:
        for part in text.replace("\n", "。").split("。"):
            if part:
                jionlp.parse_location(part)
    out["jionlp_parse_location"] = (time.perf_counter() - t, sum(map(len, sample)))
except ImportError:
    pass
print(json.dumps(out))
'''


def load_corpus(shared: Path) -> list[tuple[str, str | None]]:
    """(text, pub_date) for every article in corpus/text/*/ and corpus/seeds/."""
    out: list[tuple[str, str | None]] = []
    for folder in sorted((shared / "corpus" / "text").iterdir()):
        dates: dict[str, str] = {}
        index = folder / "index.jsonl"
        if index.exists():
            for line in index.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    dates[row.get("file", "")] = row.get("pub_date") or ""
        for path in sorted(folder.glob("*.txt")):
            out.append((path.read_text(encoding="utf-8"), dates.get(path.name) or None))
    for path in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        out.append((path.read_text(encoding="utf-8"), None))
    return out


def naive_loop(texts: list[str], names: list[str]) -> int:
    """The baseline a user writes first: look for every name in every text."""
    hits = 0
    for text in texts:
        for name in names:
            i = text.find(name)
            while i >= 0:
                hits += 1
                i = text.find(name, i + 1)
    return hits


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from touzi.extract.regions import RegionResolver

    corpus = load_corpus(args.shared)
    texts = [t for t, _ in corpus]
    chars = sum(map(len, texts))
    print(f"corpus: {len(texts)} articles, {chars:,} characters")

    t0 = time.perf_counter()
    resolver = RegionResolver.default()
    print(f"RegionResolver.default(): {time.perf_counter() - t0:.2f} s (gazetteer + automaton)")

    best_find = best_ctx = float("inf")
    n_mentions = 0
    for _ in range(args.repeat):
        t = time.perf_counter()
        for text in texts:
            resolver.index.scan(text)
        best_find = min(best_find, time.perf_counter() - t)
        t = time.perf_counter()
        n_mentions = 0
        for text, pub in corpus:
            ctx = resolver.article_context(text, pub_date=pub)
            n_mentions += len(ctx.mentions)
        best_ctx = min(best_ctx, time.perf_counter() - t)
    print(f"touzi scan (automaton + guards):       {chars / best_find:>12,.0f} chars/s")
    print(f"touzi find + resolve (article_context): {chars / best_ctx:>12,.0f} chars/s"
          f"  ({n_mentions:,} mentions)")
    # The whole corpus as one article: article_context must stay linear in the text's length.
    long_text = "\n".join(texts)
    best_long = float("inf")
    for _ in range(args.repeat):
        t = time.perf_counter()
        resolver.article_context(long_text, pub_date="2020")
        best_long = min(best_long, time.perf_counter() - t)
    print(f"touzi article_context on one {len(long_text):,}-character article: "
          f"{best_long:.2f} s ({len(long_text) / best_long:,.0f} chars/s; "
          f"{best_long / best_ctx:.1f}x the corpus as {len(texts)} articles)")

    # Baseline 1: a loop over names (all current full names and short names of divisions).
    g = resolver.g
    names = sorted({d.name for d in g.divisions if d.valid_to is None}
                   | {d.short for d in g.divisions if d.valid_to is None and d.short})
    sample = texts[: max(1, len(texts) // 20)]
    sample_chars = sum(map(len, sample))
    t = time.perf_counter()
    naive_loop(sample, names)
    naive = sample_chars / (time.perf_counter() - t)
    print(f"baseline naive loop over {len(names):,} names: {naive:>12,.0f} chars/s "
          f"(on {sample_chars:,} chars, no resolution at all)")
    print(f"ratio touzi find+resolve / naive loop: {chars / best_ctx / naive:.1f}x")

    peer = REPO / "bench" / ".venv-peer" / "bin" / "python"
    if peer.exists():
        proc = subprocess.run([str(peer), "-c", _PEER], input=json.dumps(texts),
                              capture_output=True, text=True, timeout=3600)
        if proc.returncode == 0 and proc.stdout.strip():
            res = json.loads(proc.stdout.strip().splitlines()[-1])
            if "cpca" in res:
                rate = chars / res["cpca"]
                print(f"baseline cpca.transform (per sentence): {rate:>12,.0f} chars/s; "
                      f"ratio touzi / cpca: {chars / best_ctx / rate:.1f}x")
            if "jionlp_parse_location" in res:
                secs, n = res["jionlp_parse_location"]
                rate = n / secs
                print(f"baseline jionlp.parse_location (per sentence, 10% sample): "
                      f"{rate:>12,.0f} chars/s; ratio touzi / jionlp: {chars / best_ctx / rate:.1f}x")
        else:
            print(f"peer venv failed: {proc.stderr.strip()[-300:]}", file=sys.stderr)
    else:
        print("(no bench/.venv-peer: cpca/jionlp baselines skipped)")


if __name__ == "__main__":
    main()
