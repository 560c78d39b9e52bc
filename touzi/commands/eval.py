"""`touzi eval GOLD... PRED.jsonl` / `touzi eval GOLD... --predict`: score records against gold."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from touzi.commands.common import console, fail, out


def _ratio(value: float) -> str:
    return f"{value:.3f}"


def _table(report: Any) -> Table:
    table = Table(title=f"touzi eval: {report.docs} documents", title_justify="left")
    for col in ("", "tp", "fp", "fn", "P", "R", "F1"):
        table.add_column(col, justify="left" if not col else "right")
    rows = [("projects", report.projects), ("claims", report.claims)]
    rows += [(f"  {key}", score) for key, score in report.field_scores().items()]
    for label, s in rows:
        table.add_row(label, str(s.tp), str(s.fp), str(s.fn), _ratio(s.precision),
                      _ratio(s.recall), _ratio(s.f1), end_section=label == "claims")
    return table


def _doc_table(report: Any) -> Table:
    table = Table(title="by document", title_justify="left")
    table.add_column("doc_id", no_wrap=True, min_width=24)
    for col in ("proj tp/fp/fn", "proj F1", "claim tp/fp/fn", "claim F1"):
        table.add_column(col, justify="right", no_wrap=True)
    for doc_id, scores in report.by_doc.items():
        p, c = scores["projects"], scores["claims"]
        table.add_row(doc_id, f"{p.tp}/{p.fp}/{p.fn}", _ratio(p.f1), f"{c.tp}/{c.fp}/{c.fn}",
                      _ratio(c.f1))
    return table


def _print_misses(report: Any) -> None:
    """One line per miss, grouped by document (a table folds Chinese names unreadably)."""
    out.print(f"[bold]misses[/bold] ({len(report.misses)})")
    doc = None
    for m in report.misses:
        if m.doc_id != doc:
            doc = m.doc_id
            out.print(f"[bold]{doc}[/bold]", highlight=False)
        line = f"  {m.type:<8} {m.kind:<7} {m.label}"
        if m.type == "field":
            gold = json.dumps(m.gold, ensure_ascii=False)
            pred = json.dumps(m.pred, ensure_ascii=False)
            line += f"  [{m.field}] gold {gold} pred {pred}"
        out.print(line, highlight=False, markup=False)


def command(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATHS", help="GOLD... PRED: gold JSONL files or folders "
                       "(tests/gold/dev), then the predictions JSONL; with --predict, gold only."),
    ],
    predict: Annotated[
        bool, typer.Option("--predict", help="Run touzi's extractor on the gold articles and score it."),
    ] = False,
    save: Annotated[
        Path | None, typer.Option("--save", help="With --predict: also write the predictions as JSONL here."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    misses: Annotated[bool, typer.Option("--misses", help="Print missed, spurious and wrong-field records.")] = False,
    by_doc: Annotated[bool, typer.Option("--by-doc", help="Print project and claim scores per document.")] = False,
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="The corpus folder the gold paths are relative to "
                                  "(default: $TOUZI_SHARED/corpus or a shared/corpus above the gold files).",
                                  file_okay=False),
    ] = None,
) -> None:
    """Score extracted records against gold records (project/claim P, R, F1 and every field),
    by the matching rules of records.md as touzi.extract.evaluate documents them."""
    from touzi.extract.evaluate import evaluate, run_extractor
    from touzi.extract.gold import load_gold, read_jsonl

    if fmt not in ("table", "json"):
        raise fail(f"--format must be table or json, not {fmt!r}")
    if not predict and len(paths) < 2:
        raise fail("give GOLD... PRED.jsonl, or GOLD... --predict")
    gold_paths = paths if predict else paths[:-1]
    for p in paths:
        if not p.exists():
            raise fail(f"no such file or folder: {p}")
    problems: list[str] = []
    errors: dict[str, str] = {}
    if predict:
        docs = load_gold(gold_paths, corpus_dir=corpus, with_text=True, problems=problems)
        gold = [r for d in docs for r in (d.meta, *d.records)]
        try:
            pred, errors = run_extractor(docs)
        except ImportError as exc:
            raise fail(f"touzi's extractor is not available ({exc})") from exc
        if save is not None:
            with save.open("w", encoding="utf-8") as fh:
                for rec in pred:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        gold = list(read_jsonl(gold_paths, problems))
        pred = list(read_jsonl([paths[-1]], problems))
    if not any(r.get("kind") in ("doc", "project", "claim") for r in gold):
        raise fail("no gold records found in " + ", ".join(map(str, gold_paths)))
    report = evaluate(gold, pred)
    for line in problems:
        console.print(f"[yellow]warning:[/yellow] {line}", highlight=False)
    for doc_id, message in errors.items():
        console.print(f"[yellow]warning:[/yellow] {doc_id}: {message}", highlight=False)
    if fmt == "json":
        data = report.to_dict()
        data["errors"] = errors
        data["problems"] = problems
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    out.print(_table(report))
    out.print(f"gold: {report.gold_projects} projects, {report.gold_claims} claims "
              f"(+{report.borderline} borderline); predicted: {report.pred_projects} projects, "
              f"{report.pred_claims} claims ({report.pred_ignored} for other documents ignored)",
              highlight=False)
    acc = report.matched
    out.print("on matched projects: investment right "
              f"{acc['investment'].right}/{acc['investment'].total} ({_ratio(acc['investment'].value)}), "
              f"region adcode right {acc['region'].right}/{acc['region'].total} "
              f"({_ratio(acc['region'].value)})", highlight=False)
    if by_doc:
        out.print(_doc_table(report))
    if misses:
        _print_misses(report)
