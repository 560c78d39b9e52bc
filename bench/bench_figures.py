#!/usr/bin/env python
"""Figure extraction speed and accuracy: touzi's find_mentions against jionlp.

    .venv/bin/python bench/bench_figures.py [--corpus ../shared/corpus] [--repeat 3] [--no-peer]

Measures, single process, on the whole corpus text (text/*/ and seeds/):
- touzi.extract.mentions.find_mentions: mentions per second and characters per second
  (best of --repeat runs);
- the baseline, jionlp's ner.extract_money + ner.extract_time (which calls parse_time on each
  time phrase), run in a subprocess with bench/.venv-peer (python3 -m venv bench/.venv-peer &&
  bench/.venv-peer/bin/pip install jionlp cn2an), timed inside that process without its import;
- errors of both on the phrase tables tests/extract/tables/{money,dates}.tsv, on the rows that
  jionlp addresses (money amounts and currencies; dates, periods and durations), with one
  criterion for both: an amount within 0.5% with the right currency, a date interval equal to
  the expected one at the day level, a duration with the right value and unit. touzi's strict
  error count (every field of every table row) is printed too.
"""

from __future__ import annotations

import argparse
import calendar
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "extract"))  # the phrase-table loader

from figure_tables import field_errors, load  # noqa: E402

from touzi.extract.dates import parse_pub_date  # noqa: E402
from touzi.extract.mentions import find_mentions  # noqa: E402

PEER_PYTHON = REPO / "bench" / ".venv-peer" / "bin" / "python"
CURRENCY = {"元": "CNY", "人民币": "CNY", "美元": "USD", "港元": "HKD", "港币": "HKD",
            "欧元": "EUR", "日元": "JPY", "英镑": "GBP", "澳元": "AUD"}
DURATION_UNITS = {"年": "year", "个月": "month", "天": "day", "日": "day", "小时": "hour",
                  "周": "week", "个季度": "quarter"}
# Durations compare in a common unit (10个季度 = 30 months).
_IN_MONTHS = {"year": 12, "quarter": 3, "month": 1}
_IN_DAYS = {"week": 7, "day": 1}
_IN_HOURS = {"hour": 1}


def duration_key(value: float | None, unit: str) -> tuple[str, float] | None:
    """A duration as (base unit, amount): months, days or hours."""
    if value is None:
        return None
    for base, table in (("month", _IN_MONTHS), ("day", _IN_DAYS), ("hour", _IN_HOURS)):
        if unit in table:
            return base, float(value) * table[unit]
    return None


# Runs inside the jionlp venv: reads {"docs": [[text, base], ...], "phrases": [[text, base]]}
# and prints the timing of the corpus run and jionlp's raw output on every phrase.
PEER_SCRIPT = r"""
import contextlib, json, logging, sys, time
with contextlib.redirect_stdout(sys.stderr):  # jionlp prints a banner on import
    import jionlp as jio
logging.disable(logging.ERROR)  # parse_time logs a traceback for every string it rejects
job = json.load(open(sys.argv[1], encoding="utf-8"))

def run(text, base):
    found = []
    try:
        found += jio.ner.extract_money(text, with_parsing=True)
    except Exception as exc:
        found.append({"error": repr(exc)})
    try:
        found += jio.ner.extract_time(text, time_base=base, with_parsing=True)
    except Exception as exc:
        found.append({"error": repr(exc)})
    return found

start = time.perf_counter()
n = 0
for text, base in job["docs"]:
    n += sum(1 for f in run(text, base) if "error" not in f)
seconds = time.perf_counter() - start
phrases = [run(text, base) for text, base in job["phrases"]]
json.dump({"seconds": seconds, "mentions": n, "phrases": phrases}, sys.stdout, ensure_ascii=False)
"""


def corpus_docs(corpus: Path) -> list[tuple[str, str | None]]:
    """(text, pub_date) of every text/*/NNNN.txt and seeds/*.txt, pub dates from index.jsonl."""
    docs: list[tuple[str, str | None]] = []
    for folder in sorted((corpus / "text").iterdir()):
        index = {}
        for line in (folder / "index.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            index[rec["file"]] = rec.get("pub_date")
        for path in sorted(folder.glob("*.txt")):
            docs.append((path.read_text(encoding="utf-8"), index.get(path.name)))
    # The seeds have no index: their publication dates are those of the gold's doc records.
    gold = corpus.parent / "gold" / "seeds.jsonl"
    seed_pubs = {}
    if gold.exists():
        for line in gold.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec["kind"] == "doc":
                seed_pubs[rec["doc_id"]] = rec["pub_date"]
    for path in sorted((corpus / "seeds").glob("*.txt")):
        docs.append((path.read_text(encoding="utf-8"), seed_pubs.get(path.stem)))
    return docs


def time_base(pub: str | None) -> dict[str, int]:
    """jionlp's time_base for a publication date (missing month/day as 1)."""
    p = parse_pub_date(pub) or parse_pub_date("2020-01-01")
    assert p is not None
    return {"year": p.year, "month": p.month or 1, "day": p.day or 1}


# --- one criterion for both extractors ---------------------------------------------------------
def interval(date: str, date_end: str | None) -> tuple[str, str]:
    """First and last day (YYYY-MM-DD) covered by an ISO date or range at any precision."""

    def first(iso: str) -> str:
        if "-Q" in iso:
            y, q = iso.split("-Q")
            return f"{y}-{3 * int(q) - 2:02d}-01"
        if "-H" in iso:
            y, h = iso.split("-H")
            return f"{y}-{1 if h == '1' else 7:02d}-01"
        parts = iso.split("-")
        return "-".join(parts + ["01"] * (3 - len(parts)))

    def last(iso: str) -> str:
        if "-Q" in iso:
            y, q = iso.split("-Q")
            m = 3 * int(q)
        elif "-H" in iso:
            y, h = iso.split("-H")
            m = 6 if h == "1" else 12
        else:
            parts = iso.split("-")
            if len(parts) == 3:
                return iso
            y = parts[0]
            m = int(parts[1]) if len(parts) == 2 else 12
        return f"{y}-{m:02d}-{calendar.monthrange(int(y), m)[1]:02d}"

    return first(date), last(date_end or date)


def at_precision(day: str, precision: str) -> str:
    """A YYYY-MM-DD day written at a coarser precision (records.md: a date is right when it
    agrees with the gold at the gold's precision)."""
    if precision == "day":
        return day
    if precision == "month":
        return day[:7]
    if precision == "quarter":
        return f"{day[:4]}-Q{(int(day[5:7]) + 2) // 3}"
    if precision == "half":
        return f"{day[:4]}-H{1 if int(day[5:7]) <= 6 else 2}"
    return day[:4]


def date_agrees(start: str, end: str, row: dict[str, str]) -> bool:
    """Whether the interval start..end (days) gives the row's date (and date_end) at its precision."""
    prec = row["precision"]
    if not row["date_end"]:
        # a single date given as an interval (年底 = Nov–Dec, 9月底前 = now–Sep 30): either end
        # may carry it
        return row["date"] in (at_precision(start, prec), at_precision(end, prec))
    return at_precision(start, prec) == row["date"] and at_precision(end, prec) == row["date_end"]


def _span(row: dict[str, str]) -> tuple[int, int]:
    i = row["phrase"].find(row["text"])
    return i, i + len(row["text"])


def comparable(row: dict[str, str]) -> bool:
    """Rows jionlp addresses: money, and dates/periods/durations with a resolvable answer."""
    if row["text"] == "":
        return row["kind"] == "" and bool(row["pub_date"])
    if row["kind"] == "money":
        return True
    if row["kind"] in ("date", "period"):
        return row["date"] != ""
    return row["kind"] == "duration"


def peer_correct(row: dict[str, str], found: list[dict]) -> bool:
    """Whether jionlp's output on the row's phrase gives the row's figure."""
    found = [f for f in found if "error" not in f]
    if row["text"] == "":
        return not found
    s, e = _span(row)
    hits = [f for f in found if f["offset"][0] < e and s < f["offset"][1]]
    want = float(row["value"]) if row["value"] else None
    want_max = float(row["value_max"]) if row["value_max"] else None
    for f in hits:
        d = f.get("detail", {})
        if row["kind"] == "money" and f["type"] == "money":
            num = d.get("num")
            nums = num if isinstance(num, list) else [num]
            try:
                got = [float(x) for x in nums]
            except (TypeError, ValueError):
                continue
            if CURRENCY.get(d.get("case"), d.get("case")) != row["currency"]:
                continue
            ok = abs(got[0] - want) <= 0.005 * want if want else False
            if want_max is not None:
                ok = ok and len(got) == 2 and abs(got[1] - want_max) <= 0.005 * want_max
            if ok:
                return True
        elif row["kind"] in ("date", "period") and f["type"] in ("time_point", "time_span"):
            t = d.get("time")
            if isinstance(t, list) and len(t) == 2 and all(isinstance(x, str) for x in t):
                if date_agrees(t[0][:10], t[1][:10], row):
                    return True
        elif row["kind"] == "duration" and f["type"] == "time_delta":
            t = d.get("time")
            values = t if isinstance(t, list) else [t]
            got = [next((duration_key(n, u) for u, n in v.items()), None)
                   if isinstance(v, dict) and len(v) == 1 else None for v in values]
            unit = DURATION_UNITS.get(row["unit"], "")
            wanted = [duration_key(want, unit)]
            if want_max is not None:
                wanted.append(duration_key(want_max, unit))
            if got == wanted:
                return True
    return False


def ours_correct(row: dict[str, str]) -> bool:
    """Whether find_mentions gives the row's figure, by the same criterion as peer_correct."""
    found = find_mentions(row["phrase"], row["pub_date"] or None)
    if row["text"] == "":
        return not found
    s, e = _span(row)
    for m in found:
        if not (m.start < e and s < m.end) or m.kind != row["kind"]:
            continue
        want = float(row["value"]) if row["value"] else None
        want_max = float(row["value_max"]) if row["value_max"] else None
        if row["kind"] == "money":
            if m.currency == row["currency"] and want and abs(m.value - want) <= 0.005 * want and (
                want_max is None or (m.value_max is not None
                                     and abs(m.value_max - want_max) <= 0.005 * want_max)
            ):
                return True
        elif row["kind"] in ("date", "period"):
            if m.date and date_agrees(*interval(m.date, m.date_end), row):
                return True
        elif row["kind"] == "duration":
            unit = DURATION_UNITS.get(row["unit"], "")
            mine = DURATION_UNITS.get(m.unit or "", "")
            if duration_key(m.value, mine) == duration_key(want, unit) and \
                    duration_key(m.value_max, mine) == duration_key(want_max, unit):
                return True
    return False


def main() -> None:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-peer", action="store_true", help="skip the jionlp baseline")
    ap.add_argument("--show-errors", action="store_true", help="list the baseline's table errors")
    args = ap.parse_args()

    docs = corpus_docs(args.corpus)
    chars = sum(len(t) for t, _ in docs)
    print(f"corpus: {len(docs)} documents, {chars:,} characters ({args.corpus})")

    best = float("inf")
    n_ours = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        n_ours = sum(len(find_mentions(text, pub)) for text, pub in docs)
        best = min(best, time.perf_counter() - start)
    print(f"touzi find_mentions: {n_ours:,} mentions in {best:.3f} s (best of {args.repeat}): "
          f"{chars / best / 1e6:.2f}M chars/s, {n_ours / best:,.0f} mentions/s")

    rows = [r for name in ("money.tsv", "dates.tsv") for r in load(name)]
    rows = [r for r in rows if comparable(r)]
    all_rows = [r for name in ("money.tsv", "quantities.tsv", "dates.tsv") for r in load(name)]
    strict = sum(1 for r in all_rows if field_errors(r))
    ours_err = sum(1 for r in rows if not ours_correct(r))

    if args.no_peer or not PEER_PYTHON.exists():
        if not args.no_peer:
            print(f"baseline skipped: {PEER_PYTHON} not found (see the module docstring)")
        print(f"table errors, touzi: {ours_err} of {len(rows)} money/date rows; "
              f"strict (every field): {strict} of {len(all_rows)} rows")
        return

    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as fh:
        json.dump({"docs": [[t, time_base(p)] for t, p in docs],
                   "phrases": [[r["phrase"], time_base(r["pub_date"] or None)] for r in rows]},
                  fh, ensure_ascii=False)
        job = fh.name
    proc = subprocess.run([str(PEER_PYTHON), "-c", PEER_SCRIPT, job], capture_output=True,
                          text=True, check=True)
    Path(job).unlink()
    peer = json.loads(proc.stdout)
    peer_s, n_peer = peer["seconds"], peer["mentions"]
    print(f"jionlp extract_money + extract_time/parse_time: {n_peer:,} mentions in {peer_s:.3f} s: "
          f"{chars / peer_s / 1e6:.2f}M chars/s, {n_peer / peer_s:,.0f} mentions/s")
    print(f"speed ratio (chars/s): touzi / jionlp = {peer_s / best:.1f}x")
    peer_wrong = [(r, f) for r, f in zip(rows, peer["phrases"], strict=True)
                  if not peer_correct(r, f)]
    peer_err = len(peer_wrong)
    if args.show_errors:
        for r, f in peer_wrong:
            got = [(x.get("text"), x.get("detail", {}).get("num") or x.get("detail", {}).get("time"))
                   for x in f if "error" not in x]
            print(f"  jionlp wrong: {r['phrase']} → want {r['text']} {r['value'] or r['date']}"
                  f"{'/' + r['date_end'] if r['date_end'] else ''}; got {got}")
    print(f"table errors on the {len(rows)} money/date/duration rows jionlp addresses "
          f"(same criterion): touzi {ours_err}, jionlp {peer_err}")
    print(f"touzi strict errors (every field of every table row): {strict} of {len(all_rows)}")


if __name__ == "__main__":
    main()
