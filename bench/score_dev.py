#!/usr/bin/env python
"""Score extract_records against the development gold (tests/gold/dev/*.jsonl) and the seeds
gold, by the matching rules of shared/spec/records.md. A stop-gap until `touzi eval` exists.

    .venv/bin/python bench/score_dev.py [--seeds] [--show] [--doc ID]

Projects match when their names overlap by ≥60% of characters (the larger name's length) after
removing the capacity prefix, the company prefix and the final 项目 (aliases count; gold marked
`borderline` counts when matched and is not missed otherwise). Claims match on the amount
(within 0.5%) or, with no amount, on the count. Field figures are over matched pairs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

_CAP = re.compile(
    r"^(?:年产能?|日产|年处理|年加工)?[\d.．×xX]+(?:万|亿|千)?(?:吨|辆|台|套|件|片|只|颗|个|盏|锭|"
    r"立方米|千瓦|兆瓦|MW|万千瓦|GWh|平方米)(?:/年)?(?:的)?"
)


def core(name: str, company: str | None) -> str:
    n = re.sub(r"[“”\"（）()\s]", "", name or "")
    if company:
        for c in re.split(r"[、,，]", company):
            c = re.sub(r"[（）()]", "", c)
            if c and n.startswith(c):
                n = n[len(c):]
                break
    n = re.sub(r"^[\u4e00-\u9fff]{2,12}?(?:有限公司|有限责任公司|股份公司|集团)", "", n)
    n = _CAP.sub("", n)
    if n.endswith("项目"):
        n = n[:-2]
    return n


def overlap(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return common / max(len(a), len(b))


def name_score(pred: dict, gold: dict) -> float:
    best = 0.0
    pnames = [pred["name"]] + list(pred.get("aliases") or [])
    gnames = [gold["name"]] + list(gold.get("aliases") or [])
    for pn in pnames:
        for gn in gnames:
            pc, gc = core(pn, pred.get("company")), core(gn, gold.get("company"))
            if not pc or not gc:
                pc, gc = re.sub(r"项目$", "", pn), re.sub(r"项目$", "", gn)
            best = max(best, overlap(pc, gc))
    return best


def money_ok(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= 0.005 * max(abs(b), 1)


def adcode_ok(pred: str | None, gold: str | None) -> bool:
    if gold is None:
        return True
    if pred is None:
        return False
    if gold == "100000":
        return pred == gold
    if gold.endswith("0000"):
        return pred[:2] == gold[:2]
    if gold.endswith("00"):
        return pred[:4] == gold[:4]
    return pred == gold


def load_gold(files: list[Path]) -> list[tuple[dict, list[dict]]]:
    docs: list[tuple[dict, list[dict]]] = []
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            if r["kind"] == "doc":
                docs.append((r, []))
            else:
                docs[-1][1].append(r)
    return docs


def text_of(doc: dict) -> str:
    path = doc.get("path")
    if path is None:  # seeds
        return (SHARED / "corpus" / "seeds" / f"{doc['doc_id']}.txt").read_text(encoding="utf-8")
    p = SHARED / "corpus" / path
    if p.suffix == ".html":
        from touzi.corpus.clean import clean
        from touzi.corpus.readers import read_paths

        raw = next(iter(read_paths([p])))
        return clean(raw).text
    return p.read_text(encoding="utf-8")


def match(preds: list[dict], golds: list[dict], score, threshold: float):
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            s = score(p, g)
            if s >= threshold:
                pairs.append((s, i, j))
    pairs.sort(reverse=True)
    used_p, used_g, out = set(), set(), []
    for _s, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def claim_score(p: dict, g: dict) -> float:
    if g.get("value") is not None:
        if p.get("value") is not None and money_ok(p["value"], g["value"]):
            return 1.0
        return 0.0
    if g.get("count") is not None:
        return 1.0 if p.get("count") == g["count"] and p.get("value") is None else 0.0
    if g.get("growth_pct") is not None:
        return 1.0 if p.get("growth_pct") == g["growth_pct"] else 0.0
    return 0.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", action="store_true", help="also score the three seed articles")
    ap.add_argument("--only-seeds", action="store_true")
    ap.add_argument("--show", action="store_true", help="print misses and false positives")
    ap.add_argument("--claims", action="store_true", help="print claim misses too")
    ap.add_argument("--doc", help="only this doc_id")
    args = ap.parse_args()
    from touzi.extract.records import extract_records

    files = sorted((REPO / "tests" / "gold" / "dev").glob("*.jsonl"))
    if args.only_seeds:
        files = []
    if args.seeds or args.only_seeds:
        files.append(SHARED / "gold" / "seeds.jsonl")
    docs = load_gold(files)
    t = Counter()
    for doc, golds in docs:
        if args.doc and doc["doc_id"] != args.doc:
            continue
        text = text_of(doc)
        recs = extract_records(text, pub_date=doc.get("pub_date"), doc_id=doc["doc_id"])
        errs = [r for r in recs if r["kind"] == "error"]
        if errs:
            print("ERROR", doc["doc_id"], errs, file=sys.stderr)
        pp = [r for r in recs if r["kind"] == "project"]
        gp = [g for g in golds if g["kind"] == "project"]
        pairs = match(pp, gp, name_score, 0.6)
        mp = {i for i, _ in pairs}
        mg = {j for _, j in pairs}
        t["p_tp"] += len(pairs)
        t["p_fp"] += len([i for i in range(len(pp)) if i not in mp])
        t["p_fn"] += len([j for j, g in enumerate(gp) if j not in mg and not g.get("borderline")])
        for i, j in pairs:
            p, g = pp[i], gp[j]
            gold_money = [x for x in g.get("investment", []) if x.get("amount") is not None]
            for x in gold_money:
                t["inv_n"] += 1
                amt = x.get("amount_cny") if x.get("amount_cny") is not None else x["amount"]
                if any(money_ok(y.get("amount_cny") if y.get("amount_cny") is not None
                                else y.get("amount"), amt) for y in p["investment"]):
                    t["inv_ok"] += 1
            for y in p["investment"]:
                t["inv_pred"] += 1
                if any(money_ok(y.get("amount"), x.get("amount")) for x in gold_money):
                    t["inv_pred_ok"] += 1
            ga = (g.get("region") or {}).get("adcode")
            if ga is not None:
                t["reg_n"] += 1
                t["reg_ok"] += adcode_ok((p.get("region") or {}).get("adcode"), ga)
            if g.get("company"):
                t["co_n"] += 1
                pc = p.get("company") or ""
                t["co_ok"] += bool(pc) and (overlap(pc, g["company"]) >= 0.5)
            for ev in g.get("events", []):
                t["ev_n"] += 1
                if any(e["type"] == ev["type"] and (ev.get("date") is None or
                                                   (e.get("date") or "").startswith(str(ev["date"])[:7]))
                       for e in p.get("events", [])):
                    t["ev_ok"] += 1
        pc = [r for r in recs if r["kind"] == "claim"]
        gc = [g for g in golds if g["kind"] == "claim"]
        cpairs = match(pc, gc, claim_score, 1.0)
        t["c_tp"] += len(cpairs)
        t["c_fp"] += len(pc) - len(cpairs)
        t["c_fn"] += len([j for j, g in enumerate(gc) if j not in {b for _, b in cpairs}
                          and not g.get("borderline")])
        for i, j in cpairs:
            p, g = pc[i], gc[j]
            t["ci_n"] += 1
            t["ci_ok"] += p["indicator"] == g["indicator"]
            ga = (g.get("region") or {}).get("adcode")
            if ga:
                t["cr_n"] += 1
                t["cr_ok"] += adcode_ok((p.get("region") or {}).get("adcode"), ga)
            if g.get("period"):
                t["cp_n"] += 1
                t["cp_ok"] += str(p.get("period") or "").startswith(str(g["period"]))
        if args.show:
            print(f"== {doc['doc_id']}  tp={len(pairs)} fp={len(pp) - len(pairs)} "
                  f"fn={len(gp) - len(pairs)}")
            for i, j in pairs:
                p, g = pp[i], gp[j]
                inv = [x["amount"] for x in p["investment"]]
                ginv = [x.get("amount") for x in g.get("investment", [])]
                flag = "" if sorted(filter(None, ginv)) == sorted(filter(None, inv)) else " INV!"
                ra = (p.get("region") or {}).get("adcode")
                rflag = "" if adcode_ok(ra, g["region"].get("adcode")) else f" REG!{ra}/{g['region'].get('adcode')}"
                print(f"   OK {p['name']} ~ {g['name']} {inv}/{ginv}{flag}{rflag} co={p.get('company')}/{g.get('company')}")
            for i in range(len(pp)):
                if i not in mp:
                    print(f"   FP {pp[i]['name']} {[x['amount'] for x in pp[i]['investment']]}")
            for j, g in enumerate(gp):
                if j not in mg:
                    print(f"   FN{' (bl)' if g.get('borderline') else ''} {g['name']}")
            if args.claims:
                cm = {a for a, _ in cpairs}
                cg = {b for _, b in cpairs}
                for i, p in enumerate(pc):
                    if i not in cm:
                        print(f"   cFP {p['indicator']} {p['value']} {p['count']} {p['text'][:40]}")
                for j, g in enumerate(gc):
                    if j not in cg:
                        print(f"   cFN {g['indicator']} {g.get('value')} {g.get('count')} {g.get('text')}")
                for i, j in cpairs:
                    p, g = pc[i], gc[j]
                    bad = []
                    if p["indicator"] != g["indicator"]:
                        bad.append(f"ind {p['indicator']}/{g['indicator']}")
                    if not adcode_ok(p["region"].get("adcode"), g["region"].get("adcode")):
                        bad.append(f"reg {p['region'].get('adcode')}/{g['region'].get('adcode')}")
                    if g.get("period") and not str(p.get("period") or "").startswith(str(g["period"])):
                        bad.append(f"per {p.get('period')}/{g['period']}")
                    if bad:
                        print(f"   cOK? {g.get('text')} {' '.join(bad)}")

    def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    p, r, f = f1(t["p_tp"], t["p_fp"], t["p_fn"])
    print(f"projects  P={p:.3f} R={r:.3f} F1={f:.3f}  (tp {t['p_tp']} fp {t['p_fp']} fn {t['p_fn']})")
    print(f"investment on matched: {t['inv_ok']}/{t['inv_n']} = {t['inv_ok'] / max(1, t['inv_n']):.3f}"
          f"   predicted amounts right: {t['inv_pred_ok']}/{t['inv_pred']}")
    print(f"region adcode on matched: {t['reg_ok']}/{t['reg_n']} = {t['reg_ok'] / max(1, t['reg_n']):.3f}")
    print(f"company on matched: {t['co_ok']}/{t['co_n']} = {t['co_ok'] / max(1, t['co_n']):.3f}")
    print(f"events on matched: {t['ev_ok']}/{t['ev_n']} = {t['ev_ok'] / max(1, t['ev_n']):.3f}")
    p, r, f = f1(t["c_tp"], t["c_fp"], t["c_fn"])
    print(f"claims    P={p:.3f} R={r:.3f} F1={f:.3f}  (tp {t['c_tp']} fp {t['c_fp']} fn {t['c_fn']})")
    print(f"claim indicator {t['ci_ok']}/{t['ci_n']}  region {t['cr_ok']}/{t['cr_n']}  "
          f"period {t['cp_ok']}/{t['cp_n']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
