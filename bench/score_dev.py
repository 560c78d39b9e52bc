#!/usr/bin/env python
"""Score extract_records against the development gold (tests/gold/dev/*.jsonl) and the seeds
gold, with diagnostics for tuning the rules. Never point it at tests/gold/heldout.

    .venv/bin/python bench/score_dev.py [--seeds] [--sample] [--show] [--doc ID]

--sample scores touzi/sample/expected.jsonl on the sample articles instead (read and cleaned by
touzi.corpus, as the quality gate does).

Headline figures come from touzi.extract.evaluate (the project's scorer, records.md rules);
the "on matched pairs" figures are accuracies over the pairs that scorer matches, and --show
prints every match, miss and false positive for tuning.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", action="store_true", help="also score the three seed articles")
    ap.add_argument("--only-seeds", action="store_true")
    ap.add_argument("--sample", action="store_true",
                    help="score the sample articles (touzi/sample) instead of dev")
    ap.add_argument("--show", action="store_true", help="print misses and false positives")
    ap.add_argument("--claims", action="store_true", help="print claim misses too")
    ap.add_argument("--doc", help="only this doc_id")
    args = ap.parse_args()
    from touzi.extract import evaluate as ev
    from touzi.extract.gold import load_gold as load_gold_docs
    from touzi.extract.records import extract_records

    paths: list[Path] = [] if args.only_seeds else [REPO / "tests" / "gold" / "dev"]
    if args.seeds or args.only_seeds:
        paths.append(SHARED / "gold" / "seeds.jsonl")
    if args.sample:
        sys.path.insert(0, str(REPO / "tests" / "extract"))
        from test_quality_gate import sample_docs

        docs = sample_docs()
    else:
        docs = load_gold_docs(paths)
    t = Counter()
    all_gold: list[dict] = []
    all_pred: list[dict] = []
    for doc in docs:
        if args.doc and doc.doc_id != args.doc:
            continue
        golds = doc.records
        recs = extract_records(doc.text or "", pub_date=doc.pub_date, source=doc.source,
                               title=doc.title, url=doc.url, doc_id=doc.doc_id)
        all_gold.append(doc.meta)
        all_gold.extend(golds)
        all_pred.extend(r for r in recs if r["kind"] != "error")
        errs = [r for r in recs if r["kind"] == "error"]
        if errs:
            print("ERROR", doc.doc_id, errs, file=sys.stderr)
        pp = [r for r in recs if r["kind"] == "project"]
        gp = [g for g in golds if g["kind"] == "project"]
        pairs = [(pi, gi) for gi, pi in ev._pairs("project", gp, pp)]
        mp = {i for i, _ in pairs}
        mg = {j for _, j in pairs}
        for i, j in pairs:
            p, g = pp[i], gp[j]
            if g.get("borderline"):
                continue
            gold_money = [x for x in g.get("investment", []) if x.get("amount") is not None]
            for x in gold_money:
                t["inv_n"] += 1
                t["inv_ok"] += any(ev.money_agrees(x, y) for y in p["investment"])
            ga = (g.get("region") or {}).get("adcode")
            if ga is not None:
                t["reg_n"] += 1
                t["reg_ok"] += ev.region_agrees(ga, (p.get("region") or {}).get("adcode") or "")
            if g.get("company"):
                t["co_n"] += 1
                t["co_ok"] += bool(p.get("company")) and ev.company_agrees(g["company"],
                                                                            p["company"])
            for e in g.get("events", []):
                t["ev_n"] += 1
                t["ev_ok"] += any(ev.event_agrees(e, y) for y in p.get("events", []))
        pc = [r for r in recs if r["kind"] == "claim"]
        gc = [g for g in golds if g["kind"] == "claim"]
        cpairs = [(pi, gi) for gi, pi in ev._pairs("claim", gc, pc)]
        for i, j in cpairs:
            p, g = pc[i], gc[j]
            if g.get("borderline"):
                continue
            t["ci_n"] += 1
            t["ci_ok"] += p["indicator"] == g["indicator"]
            ga = (g.get("region") or {}).get("adcode")
            if ga:
                t["cr_n"] += 1
                t["cr_ok"] += ev.region_agrees(ga, (p.get("region") or {}).get("adcode") or "")
            if g.get("period"):
                t["cp_n"] += 1
                t["cp_ok"] += ev.date_agrees(g["period"], p.get("period"))
        if args.show:
            print(f"== {doc.doc_id}  tp={len(pairs)} fp={len(pp) - len(pairs)} "
                  f"fn={len(gp) - len(pairs)}")
            for i, j in pairs:
                p, g = pp[i], gp[j]
                inv = [x["amount"] for x in p["investment"]]
                ginv = [x.get("amount") for x in g.get("investment", [])]
                flag = "" if sorted(filter(None, ginv)) == sorted(filter(None, inv)) else " INV!"
                ra = (p.get("region") or {}).get("adcode")
                ga = g["region"].get("adcode")
                rflag = "" if ga is None or ev.region_agrees(ga, ra or "") else f" REG!{ra}/{ga}"
                print(f"   OK {p['name']} ~ {g['name']} {inv}/{ginv}{flag}{rflag} "
                      f"co={p.get('company')}/{g.get('company')}")
            for i in range(len(pp)):
                if i not in mp:
                    print(f"   FP {pp[i]['name']} {[x['amount'] for x in pp[i]['investment']]}"
                          f" co={pp[i].get('company')}")
            for j, g in enumerate(gp):
                if j not in mg:
                    print(f"   FN{' (bl)' if g.get('borderline') else ''} {g['name']}"
                          f" co={g.get('company')}")
            if args.claims:
                cm = {a for a, _ in cpairs}
                cg = {b for _, b in cpairs}
                for i, p in enumerate(pc):
                    if i not in cm:
                        print(f"   cFP {p['indicator']} {p['value']} {p['count']} {p['text'][:40]}")
                for j, g in enumerate(gc):
                    if j not in cg:
                        print(f"   cFN{' (bl)' if g.get('borderline') else ''} {g['indicator']} "
                              f"{g.get('value')} {g.get('count')} {g.get('text')}")
                for i, j in cpairs:
                    p, g = pc[i], gc[j]
                    bad = []
                    if p["indicator"] != g["indicator"]:
                        bad.append(f"ind {p['indicator']}/{g['indicator']}")
                    ga = g["region"].get("adcode")
                    if ga and not ev.region_agrees(ga, p["region"].get("adcode") or ""):
                        bad.append(f"reg {p['region'].get('adcode')}/{ga}")
                    if g.get("period") and not ev.date_agrees(g["period"], p.get("period")):
                        bad.append(f"per {p.get('period')}/{g['period']}")
                    if bad:
                        print(f"   cOK? {g.get('text')} {' '.join(bad)}")

    rep = ev.evaluate(all_gold, all_pred)
    ps, cs = rep.projects, rep.claims
    print(f"projects  P={ps.precision:.3f} R={ps.recall:.3f} F1={ps.f1:.3f}  "
          f"(tp {ps.tp} fp {ps.fp} fn {ps.fn})   [touzi.extract.evaluate]")
    print(f"claims    P={cs.precision:.3f} R={cs.recall:.3f} F1={cs.f1:.3f}  "
          f"(tp {cs.tp} fp {cs.fp} fn {cs.fn})")
    for key, sc in rep.field_scores().items():
        print(f"  {key:<22} P={sc.precision:.3f} R={sc.recall:.3f} F1={sc.f1:.3f}")
    print("on matched pairs (non-borderline gold):")
    print(f"  investment amounts found: {t['inv_ok']}/{t['inv_n']} = "
          f"{t['inv_ok'] / max(1, t['inv_n']):.3f}")
    print(f"  region adcode: {t['reg_ok']}/{t['reg_n']} = {t['reg_ok'] / max(1, t['reg_n']):.3f}")
    print(f"  company: {t['co_ok']}/{t['co_n']} = {t['co_ok'] / max(1, t['co_n']):.3f}")
    print(f"  events: {t['ev_ok']}/{t['ev_n']} = {t['ev_ok'] / max(1, t['ev_n']):.3f}")
    print(f"  claim indicator {t['ci_ok']}/{t['ci_n']}  region {t['cr_ok']}/{t['cr_n']}  "
          f"period {t['cp_ok']}/{t['cp_n']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
