"""`touzi extract FILE...`: print the project and claim records of articles, no database."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from touzi.commands.common import console, fail, out

_DATE = re.compile(r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?")


def _doc_id(raw: Any, path_doc_id: str | None) -> str:
    """The JSONL line's id, else the file stem (with the line number for JSONL lines)."""
    if raw.doc_id:
        return str(raw.doc_id)
    origin = str(raw.origin)
    file_part, _, line = origin.partition("#")
    stem = Path(file_part).stem
    return f"{stem}#{line}" if line else (path_doc_id or stem)


def _region_text(region: dict[str, Any] | None) -> str:
    if not region:
        return "-"
    parts = [region.get(k) for k in ("province", "city", "county", "zone") if region.get(k)]
    code = region.get("adcode") or ""
    return ("".join(dict.fromkeys(parts)) + f" {code}").strip() or "-"


def _summary(rec: dict[str, Any]) -> str:
    """One line for a record in the human-readable listing."""
    if rec["kind"] == "project":
        money = "; ".join(x["text"] for x in rec.get("investment", []))
        events = "; ".join(f"{e['type']} {e['date'] or ''}".strip() for e in rec.get("events", []))
        bits = [rec["name"], rec.get("company") or "-", _region_text(rec.get("region"))]
        bits += [b for b in (money, events) if b]
        return "project  " + " | ".join(bits)
    if rec["kind"] == "claim":
        value = rec.get("value")
        bits = [rec.get("indicator_text") or rec["indicator"]]
        if value is not None:
            bits.append(f"{value:,} {rec.get('unit') or ''}".strip())
        if rec.get("count") is not None:
            bits.append(f"{rec['count']} items")
        if rec.get("growth_pct") is not None:
            bits.append(f"{rec['growth_pct']:+}%")
        if rec.get("target_pct") is not None:
            bits.append(f"{rec['target_pct']}% of target")
        if rec.get("rank"):
            bits.append(rec["rank"])
        bits.append(rec.get("period") or "-")
        bits.append(_region_text(rec.get("region")))
        return "claim    " + " | ".join(bits)
    return f"error    {rec.get('component')}: {rec.get('message')}"


def _source_text(raw: Any, art: Any) -> str | None:
    """The text a plain-text article was cleaned from, as the file reads (None for HTML,
    whose records keep offsets into the clean text)."""
    if raw.kind != "text":
        return None
    if isinstance(raw.raw, str):
        return raw.raw
    try:
        return art.raw.decode(art.encoding or "utf-8", errors="replace")
    except LookupError:
        return None


def _articles(files: list[Path]) -> Iterator[Any]:
    """The articles of the given paths, with `-` read as one text article from stdin."""
    from touzi.corpus.model import RawArticle
    from touzi.corpus.readers import read_paths

    for f in files:
        if str(f) == "-":
            yield RawArticle("stdin", sys.stdin.buffer.read(), "text")
        else:
            yield from read_paths([f])


def command(
    files: Annotated[list[Path], typer.Argument(
        help="Articles: .txt, .html or .jsonl files (or folders); - reads one plain-text article "
             "from standard input.")],
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="Print one JSON record per line (records.md format).")
    ] = False,
    pub_date: Annotated[
        str | None,
        typer.Option("--pub-date", help="Publication date YYYY-MM-DD for articles that state none "
                     "(relative dates such as 今年 or 4月2日 resolve against it)."),
    ] = None,
) -> None:
    """Extract investment projects and regional claims from articles and print them, without
    touching a database. JSON keys: see records.md, plus confidence, extractor, aliases."""
    from touzi.corpus.clean import clean
    from touzi.corpus.offsets import map_evidence
    from touzi.extract.records import extract_records

    if pub_date is not None and not _DATE.fullmatch(pub_date):
        raise fail(f"--pub-date must be YYYY-MM-DD, not {pub_date!r}", 2)
    seen = 0
    failed = 0
    for raw in _articles(files):
        art = clean(raw)
        doc_id = _doc_id(raw, None)
        if art.error:
            failed += 1
            console.print(f"[red]error[/red] {raw.origin}: {art.error}", highlight=False)
            if jsonl:
                typer.echo(json.dumps({"kind": "error", "doc_id": doc_id, "component": "corpus",
                                       "message": art.error}, ensure_ascii=False))
            continue
        seen += 1
        date = art.pub_date or pub_date
        records = extract_records(art.text, pub_date=date[:10] if date else None,
                                  source=art.source, title=art.title, url=art.url,
                                  doc_id=doc_id)
        source_text = _source_text(raw, art)
        if source_text is not None:
            map_evidence(records, source_text, art.text)
        if jsonl:
            for rec in records:
                typer.echo(json.dumps(rec, ensure_ascii=False))
            continue
        projects = sum(1 for r in records if r["kind"] == "project")
        claims = sum(1 for r in records if r["kind"] == "claim")
        out.print(f"== {doc_id}  {date[:10] if date else 'no date'}  "
                  f"{projects} projects, {claims} claims", highlight=False, markup=False)
        for rec in records:
            out.print(_summary(rec), highlight=False, markup=False, soft_wrap=True)
    if seen == 0:
        raise fail("no article could be read" if failed else "no article files given")
