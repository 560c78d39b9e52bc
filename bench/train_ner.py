"""Statistical NER trial: a spaCy `ner` (PROJECT, COMPANY) trained on touzi's own gold.

    .venv/bin/python bench/train_ner.py                # 5-fold cross-validation on dev
    .venv/bin/python bench/train_ner.py --heldout      # train on all dev, score held-out once
    .venv/bin/python bench/train_ner.py --save DIR     # train on all dev, write the pipeline

Training data: for every dev article, each gold project name and alias (borderline ones
included: they are project mentions even when scoring ignores them) and each company
(split on 、) is found verbatim in the article text; every occurrence becomes a char span,
PROJECT or COMPANY. Overlaps are resolved by spacy.util.filter_spans (the longest span wins,
so a company inside a project name stays part of the PROJECT). Names the article does not
write verbatim (distributed lists, rephrased names) give no span.

Model: blank `zh` pipeline with character tokens and one `ner` component holding its own
tok2vec (MultiHashEmbed over NORM and SHAPE, a window CNN), built through spaCy's config
system and trained with `nlp.update` on sentence-sized docs. CPU only.

Scoring with touzi.extract.evaluate (the same rules as `touzi eval`):
- `ner`: each distinct PROJECT span of an article becomes a project record (name, evidence;
  company = the nearest COMPANY span before it in the same sentence or inside it);
- `rules`: touzi.extract.records.extract_records (when it exists);
- `rules+ner`: the rules' records plus the NER projects whose name matches no rule project
  (name overlap < 0.6 by the scorer's rule), and the NER company given to rule projects
  that have none;
- `rules+ner/suffix`: the same, adding only NER names of 4+ characters that end in a project
  head word (项目, 工程, 基地, 生产线, …), a precision filter.

`--rescore` scores the saved NER predictions (bench/out/) against the current rules without
retraining.

Results (2 shared CPU cores, 25 epochs, seed 0; ~280 s per training on 40 articles, a 4.5 MB
pipeline; project P/R/F1 by touzi.extract.evaluate; rules = the extractor of the same day):

| set | system | P | R | F1 | company F1 |
|---|---|---|---|---|---|
| dev, 5-fold CV | ner alone | 0.253 | 0.172 | 0.205 | 0.031 |
| dev, 5-fold CV | rules | 0.947 | 0.869 | 0.906 | 0.660 |
| dev, 5-fold CV | rules + ner | 0.615 | 0.869 | 0.720 | 0.660 |
| dev, 5-fold CV | rules + ner/suffix | 0.894 | 0.869 | 0.881 | 0.660 |
| held-out (train: dev) | ner alone | 0.308 | 0.143 | 0.195 | 0.000 |
| held-out (train: dev) | rules | 0.583 | 0.500 | 0.538 | 0.452 |
| held-out (train: dev) | rules + ner | 0.435 | 0.536 | 0.480 | 0.452 |
| held-out (train: dev) | rules + ner/suffix | 0.537 | 0.518 | 0.527 | 0.452 |

Verdict: the NER does not raise F1. On dev it adds no project the rules miss (recall
unchanged) and only false positives; on held-out it finds 1-2 more projects at the cost of
5-19 false ones. 393 gold spans from 40 articles are too few for a character-level model to
learn name boundaries the rules do not already know. The component is not shipped; rerun this
script when the gold grows (a few hundred annotated articles) before trying again.

Rerun on 2026-11-25 with the grown gold (`--heldout`: trained once on 215 dev documents, 2312
gold spans, 2053 s; rules = the extractor as the scoring imported it, partway through 0.5.0
(about commit f211cd8); validation = the four 2025 work reports of val10,
never tuned on):

| set | system | P | R | F1 | company F1 |
|---|---|---|---|---|---|
| held-out | ner alone | 0.500 | 0.125 | 0.200 | 0.000 |
| held-out | rules | 0.757 | 0.500 | 0.602 | 0.452 |
| held-out | rules + ner | 0.652 | 0.536 | 0.588 | 0.452 |
| held-out | rules + ner/suffix | 0.737 | 0.500 | 0.596 | 0.452 |
| validation | ner alone | 0.459 | 0.253 | 0.326 | 0.000 |
| validation | rules | 0.667 | 0.610 | 0.637 | 0.439 |
| validation | rules + ner | 0.552 | 0.695 | 0.615 | 0.439 |
| validation | rules + ner/suffix | 0.660 | 0.630 | 0.645 | 0.439 |

Verdict, again: no gain worth a component. Five times the spans made the NER alone better
(held-out 0.195 -> 0.200, on the work reports 0.326), and on the reports it finds 13 projects
the rules miss (recall 0.610 -> 0.695), but each costs three false ones; with the suffix filter
F1 moves by -0.006 (held-out) and +0.008 (validation). It stays unshipped.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import compounding, filter_spans, minibatch
from thinc.api import Config

from touzi.extract.evaluate import Report, evaluate, name_overlap, run_extractor
from touzi.extract.gold import GoldDoc, load_gold

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"  # gitignored: predictions kept for rescoring without retraining
LABELS = ("PROJECT", "COMPANY")

CONFIG = """
[nlp]
lang = "zh"
pipeline = ["ner"]
batch_size = 64

[nlp.tokenizer]
@tokenizers = "spacy.zh.ChineseTokenizer"
segmenter = "char"

[components]

[components.ner]
factory = "ner"
moves = null
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[components.ner.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
attrs = ["NORM", "SHAPE"]
rows = [5000, 200]
include_static_vectors = false

[components.ner.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 2
maxout_pieces = 3
"""

# Sentence ends: training and prediction run on sentence-sized docs (better batches, and a
# span never crosses a sentence in the gold).
_SENT_END = re.compile(r"[。！？!?；;\n]+")


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pieces of a text, split after sentence-final punctuation."""
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        if m.end() > start:
            out.append((start, text[start:m.end()]))
        start = m.end()
    if start < len(text):
        out.append((start, text[start:]))
    return [(o, s) for o, s in out if s.strip()]


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    out, i = [], text.find(phrase)
    while phrase and i >= 0:
        out.append((i, i + len(phrase)))
        i = text.find(phrase, i + 1)
    return out


def gold_spans(doc: GoldDoc) -> list[tuple[int, int, str]]:
    """Char spans of gold project names/aliases (PROJECT) and companies (COMPANY) in the text."""
    text = doc.text or ""
    spans: list[tuple[int, int, str]] = []
    for rec in doc.projects:
        for name in [rec.get("name"), *(rec.get("aliases") or [])]:
            if isinstance(name, str) and len(name) >= 2:
                spans += [(s, e, "PROJECT") for s, e in _occurrences(text, name)]
        company = rec.get("company")
        if isinstance(company, str):
            for part in re.split(r"[、,，]", company):
                if len(part) >= 2:
                    spans += [(s, e, "COMPANY") for s, e in _occurrences(text, part)]
    return sorted(set(spans))


def make_examples(nlp: Language, docs: list[GoldDoc]) -> list[Example]:
    """Sentence-sized training examples with non-overlapping entity spans."""
    examples = []
    for doc in docs:
        spans = gold_spans(doc)
        for off, sent in sentences(doc.text or ""):
            pred = nlp.make_doc(sent)
            ents = []
            for s, e, label in spans:
                if s >= off and e <= off + len(sent):
                    span = pred.char_span(s - off, e - off, label=label)
                    if span is not None:
                        ents.append(span)
            ref = pred.copy()
            ref.ents = filter_spans(ents)
            examples.append(Example(pred, ref))
    return examples


def new_nlp() -> Language:
    """A blank zh pipeline (character tokens) with an untrained ner, from the config above."""
    config = Config().from_str(CONFIG)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    for label in LABELS:
        nlp.get_pipe("ner").add_label(label)
    return nlp


def train(docs: list[GoldDoc], epochs: int = 25, seed: int = 0, quiet: bool = False) -> Language:
    """Train a fresh pipeline on the gold docs; returns it."""
    spacy.util.fix_random_seed(seed)
    nlp = new_nlp()
    examples = make_examples(nlp, docs)
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, drop=0.2, sgd=optimizer, losses=losses)
        if not quiet and (epoch % 5 == 4 or epoch == epochs - 1):
            print(f"    epoch {epoch + 1}: loss {losses.get('ner', 0):.1f}", file=sys.stderr)
    return nlp


def ner_spans(nlp: Language, text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the entities the pipeline finds in a text."""
    pieces = sentences(text)
    out = []
    for (off, _), doc in zip(pieces, nlp.pipe([s for _, s in pieces]), strict=True):
        out += [(off + e.start_char, off + e.end_char, e.label_) for e in doc.ents]
    return out


def _company_for(span: tuple[int, int], companies: list[tuple[int, int]], text: str) -> str | None:
    """The COMPANY inside a project span, else the nearest one before it in its sentence."""
    s, e = span
    inside = [c for c in companies if c[0] >= s and c[1] <= e]
    if inside:
        return text[inside[0][0]:inside[0][1]]
    before = [c for c in companies if c[1] <= s and not _SENT_END.search(text[c[1]:s])]
    return text[before[-1][0]:before[-1][1]] if before else None


def ner_records(nlp: Language, docs: list[GoldDoc]) -> list[dict]:
    """One project record per distinct PROJECT span text of each article."""
    records = []
    for doc in docs:
        text = doc.text or ""
        spans = ner_spans(nlp, text)
        companies = [(s, e) for s, e, label in spans if label == "COMPANY"]
        by_name: dict[str, dict] = {}
        for s, e, label in spans:
            if label != "PROJECT":
                continue
            name = text[s:e]
            rec = by_name.get(name)
            if rec is None:
                rec = by_name[name] = {
                    "kind": "project", "doc_id": doc.doc_id, "name": name,
                    "company": _company_for((s, e), companies, text), "region": None,
                    "investment": [], "capacity": [], "output_value": [], "land": [],
                    "events": [], "evidence": [], "extractor": "ner"}
            rec["evidence"].append({"start": s, "end": e})
        records += by_name.values()
    return records


def union(rule_records: list[dict], ner: list[dict]) -> list[dict]:
    """Rule records plus NER projects no rule project names; NER companies fill empty ones."""
    out = [dict(r) for r in rule_records]
    rule_projects: dict[str, list[dict]] = {}
    for r in out:
        if r.get("kind") == "project":
            rule_projects.setdefault(r["doc_id"], []).append(r)
    for n in ner:
        same = [r for r in rule_projects.get(n["doc_id"], [])
                if max(name_overlap(r.get("name"), n["name"]),
                       name_overlap(n["name"], r.get("name"))) >= 0.6]
        if not same:
            out.append(n)
            continue
        for r in same:
            if not r.get("company") and n.get("company"):
                r["company"] = n["company"]
    return out


_SUFFIX = re.compile(r"(项目|工程|基地|产业园|园区|生产线|中心|电站|铁路|公路|机场|工厂)$")


def confident(ner: list[dict]) -> list[dict]:
    """NER projects that look like names: 4+ characters ending in a project head word."""
    return [n for n in ner if len(n["name"]) >= 4 and _SUFFIX.search(n["name"])]


def folds(docs: list[GoldDoc], k: int) -> list[list[GoldDoc]]:
    """k folds, interleaved over the sorted doc ids so every fold holds both batches."""
    ordered = sorted(docs, key=lambda d: d.doc_id)
    return [ordered[i::k] for i in range(k)]


def rules_or_none(docs: list[GoldDoc]) -> list[dict] | None:
    """touzi's rule records for the docs, or None when the extractor is not there yet."""
    try:
        records, errors = run_extractor(docs)
    except ImportError:
        return None
    if errors:
        print(f"  rules raised on {len(errors)} docs", file=sys.stderr)
    return records


def line(label: str, report: Report) -> str:
    """Project P/R/F1 and company F1 of one report."""
    p, c = report.projects, report.fields["project"]["company"]
    return (f"{label:<16} projects P {p.precision:.3f} R {p.recall:.3f} F1 {p.f1:.3f} "
            f"(tp {p.tp} fp {p.fp} fn {p.fn})  company F1 {c.f1:.3f}")


def score_all(gold_docs: list[GoldDoc], ner: list[dict], rules: list[dict] | None) -> dict[str, Report]:
    """Reports for NER alone, rules alone and their union."""
    gold = [r for d in gold_docs for r in (d.meta, *d.records)]
    reports = {"ner": evaluate(gold, ner)}
    if rules is not None:
        reports["rules"] = evaluate(gold, rules)
        reports["rules+ner"] = evaluate(gold, union(rules, ner))
        reports["rules+ner/suffix"] = evaluate(gold, union(rules, confident(ner)))
    return reports


def rescore() -> None:
    """Score saved NER predictions (CV on dev, held-out) alone and with the current rules."""
    for set_name, saved in (("dev", "ner_cv_pred.jsonl"), ("heldout", "ner_heldout_pred.jsonl")):
        path = OUT / saved
        if not path.exists():
            print(f"{path} missing: run the training first", file=sys.stderr)
            continue
        docs = load_gold([REPO / "tests" / "gold" / set_name])
        ner = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        print(f"{set_name} ({'5-fold CV' if set_name == 'dev' else 'trained on all dev'}):")
        for key, rep in score_all(docs, ner, rules_or_none(docs)).items():
            print("  " + line(key, rep))


def main() -> None:
    """Cross-validate on dev, or train on dev and score held-out, or save a trained pipeline."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--heldout", action="store_true",
                    help="train on dev, score held-out and validation once")
    ap.add_argument("--save", type=Path, help="train on all dev and write the pipeline here")
    ap.add_argument("--json", type=Path, help="write the figures as JSON here")
    ap.add_argument("--rescore", action="store_true",
                    help="rescore the NER predictions saved in bench/out by earlier runs against "
                    "the current rules (no training)")
    args = ap.parse_args()
    if args.rescore:
        rescore()
        return
    OUT.mkdir(parents=True, exist_ok=True)
    dev = load_gold([REPO / "tests" / "gold" / "dev"])
    n_spans = sum(len(gold_spans(d)) for d in dev)
    print(f"dev: {len(dev)} docs, {n_spans} gold spans", file=sys.stderr)
    results: dict[str, object] = {"epochs": args.epochs, "seed": args.seed}
    if args.save or args.heldout:
        t0 = time.perf_counter()
        nlp = train(dev, args.epochs, args.seed)
        print(f"trained on dev in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        if args.save:
            nlp.to_disk(args.save)
            size = sum(f.stat().st_size for f in args.save.rglob("*") if f.is_file())
            print(f"saved to {args.save} ({size / 1024:.0f} KiB)")
        if args.heldout:
            # held-out (untouched) and validation (never tuned on): each scored once
            for name, folder in (("held-out", "heldout"), ("validation", "validation")):
                held = load_gold([REPO / "tests" / "gold" / folder])
                held_ner = ner_records(nlp, held)
                with (OUT / f"ner_{folder}_pred.jsonl").open("w", encoding="utf-8") as fh:
                    fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in held_ner)
                reports = score_all(held, held_ner, rules_or_none(held))
                print(f"{name} (trained on all dev):")
                for key, rep in reports.items():
                    print("  " + line(key, rep))
                results[folder] = {k: {"projects": r.projects.to_dict(),
                                       "company": r.fields["project"]["company"].to_dict()}
                                   for k, r in reports.items()}
    else:
        ner_all: list[dict] = []
        t0 = time.perf_counter()
        for i, test in enumerate(folds(dev, args.folds)):
            train_docs = [d for d in dev if d not in test]
            print(f"fold {i + 1}/{args.folds}: train {len(train_docs)}, test {len(test)}",
                  file=sys.stderr)
            nlp = train(train_docs, args.epochs, args.seed, quiet=True)
            ner_all += ner_records(nlp, test)
        print(f"{args.folds} folds in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        with (OUT / "ner_cv_pred.jsonl").open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in ner_all)
        reports = score_all(dev, ner_all, rules_or_none(dev))
        print(f"dev, {args.folds}-fold cross-validation:")
        for key, rep in reports.items():
            print("  " + line(key, rep))
        results["dev_cv"] = {k: {"projects": r.projects.to_dict(),
                                 "company": r.fields["project"]["company"].to_dict()}
                             for k, r in reports.items()}
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
