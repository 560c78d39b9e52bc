"""Reading touzi's gold files (tests/gold/{dev,heldout}/*.jsonl, ../shared/gold/seeds.jsonl).

    from touzi.extract.gold import load_gold
    docs = load_gold(["tests/gold/dev"])            # one GoldDoc per `doc` record
    docs[0].doc_id, docs[0].records, docs[0].text   # gold records and the article text

A gold file holds, for each article, a `doc` record followed by its `project` and `claim`
records. The article text is not in the repository (copy rule): it is read from
`../shared/corpus/<path>`:
- `.txt` files: the file's bytes decoded as UTF-8, nothing else, because gold evidence
  offsets index that text exactly (title line included, no newline translation);
- HTML pages: read and cleaned by touzi.corpus, as `touzi ingest` would (their gold records
  carry no offsets).
Titles are null in many doc records (they are corpus text too), so the title is taken from
the `index.jsonl` of the article's folder (`title`, or `html_title` for the HTML pages).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

GOLD_SUFFIXES = (".jsonl", ".ndjson")


@dataclass
class GoldDoc:
    """One annotated article: its doc record, gold records and (when loaded) its text."""

    doc_id: str
    meta: dict
    records: list[dict] = field(default_factory=list)
    path: str | None = None
    title: str | None = None
    pub_date: str | None = None
    source: str | None = None
    url: str | None = None
    text: str | None = None
    error: str | None = None

    @property
    def projects(self) -> list[dict]:
        """The gold project records."""
        return [r for r in self.records if r.get("kind") == "project"]

    @property
    def claims(self) -> list[dict]:
        """The gold claim records."""
        return [r for r in self.records if r.get("kind") == "claim"]


def jsonl_files(paths: Iterable[str | Path]) -> list[Path]:
    """The JSONL files named by `paths`, folders expanded to their *.jsonl in name order."""
    files: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files.extend(sorted(f for f in path.iterdir()
                                if f.is_file() and f.suffix.lower() in GOLD_SUFFIXES))
        else:
            files.append(path)
    return files


def read_jsonl(paths: Iterable[str | Path], problems: list[str] | None = None) -> Iterator[dict]:
    """Every JSON object of the given files and folders; bad lines are skipped into `problems`."""
    for path in jsonl_files(paths):
        try:
            fh = path.open("rb")
        except OSError as exc:
            if problems is not None:
                problems.append(f"{path}: cannot read ({exc.strerror or exc})")
            continue
        with fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line.decode("utf-8"))
                except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                    if problems is not None:
                        problems.append(f"{path}:{number}: not a JSON line ({exc})")
                    continue
                if isinstance(row, dict):
                    yield row
                elif problems is not None:
                    problems.append(f"{path}:{number}: not a JSON object")


def find_corpus_dir(start: str | Path | None = None) -> Path | None:
    """The shared corpus folder: $TOUZI_SHARED/corpus, else a `shared/corpus` beside an
    ancestor of `start` (the gold files live in <repo>/tests/gold, the corpus in ../shared)."""
    env = os.environ.get("TOUZI_SHARED")
    if env and (Path(env) / "corpus").is_dir():
        return Path(env) / "corpus"
    here = Path(start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        for cand in (folder / "shared" / "corpus", folder.parent / "shared" / "corpus"):
            if cand.is_dir():
                return cand
    return None


_INDEX_CACHE: dict[Path, dict[str, dict]] = {}


def _index(folder: Path) -> dict[str, dict]:
    """Rows of a folder's index.jsonl keyed by their `file` value."""
    if folder not in _INDEX_CACHE:
        rows: dict[str, dict] = {}
        for row in read_jsonl([folder / "index.jsonl"]) if (folder / "index.jsonl").is_file() else []:
            if isinstance(row.get("file"), str):
                rows[row["file"]] = row
        _INDEX_CACHE[folder] = rows
    return _INDEX_CACHE[folder]


def index_row(corpus_dir: Path, rel_path: str) -> dict | None:
    """The index.jsonl row describing corpus file `rel_path`, looked up from its folder upward."""
    target = corpus_dir / rel_path
    folder = target.parent
    while True:
        try:
            key = target.relative_to(folder).as_posix()
        except ValueError:
            return None
        row = _index(folder).get(key)
        if row is not None:
            return row
        if folder == corpus_dir or folder.parent == folder:
            return None
        folder = folder.parent


def article_text(file: Path) -> tuple[str, str | None]:
    """The text evaluation runs on, and an error message when it could not be read."""
    suffix = file.suffix.lower()
    if suffix in {".html", ".htm", ".shtml", ".xhtml"}:
        from touzi.corpus.clean import clean
        from touzi.corpus.readers import read_file

        for raw in read_file(file):
            article = clean(raw)
            return article.text, article.error
        return "", "no article in file"
    try:
        # Bytes decoded as they are: universal-newline reading would shift gold offsets.
        return file.read_bytes().decode("utf-8", errors="replace"), None
    except OSError as exc:
        return "", f"cannot read {file}: {exc.strerror or exc}"


def _doc_path(meta: dict, corpus_dir: Path | None) -> str | None:
    """The corpus path of a doc record; the seeds gold names none, its files are seeds/<id>.txt."""
    path = meta.get("path")
    if isinstance(path, str) and path:
        return path
    doc_id = meta.get("doc_id")
    if corpus_dir is not None and isinstance(doc_id, str):
        cand = f"seeds/{doc_id}.txt"
        if (corpus_dir / cand).is_file():
            return cand
    return None


def group_by_doc(records: Iterable[dict]) -> dict[str, list[dict]]:
    """Project and claim records by doc_id, in file order (doc records and others skipped)."""
    out: dict[str, list[dict]] = {}
    for rec in records:
        if rec.get("kind") in ("project", "claim"):
            out.setdefault(str(rec.get("doc_id")), []).append(rec)
    return out


def load_gold(
    paths: Iterable[str | Path],
    corpus_dir: str | Path | None = None,
    with_text: bool = True,
    problems: list[str] | None = None,
) -> list[GoldDoc]:
    """One GoldDoc per article of the given gold files/folders, in file order.

    With `with_text`, each doc's text is read from the corpus (found by `find_corpus_dir`
    when `corpus_dir` is None); a text that cannot be read leaves `text` None and sets `error`.
    """
    paths = list(paths)
    records = list(read_jsonl(paths, problems))
    if corpus_dir is None:
        files = jsonl_files(paths)
        # a gold folder may carry its own texts beside it (tests/gold/synthetic/corpus)
        own = files[0].parent / "corpus" if files else None
        corpus = own if own is not None and own.is_dir() else \
            find_corpus_dir(files[0].parent if files else None)
    else:
        corpus = Path(corpus_dir)
    docs: dict[str, GoldDoc] = {}
    for rec in records:
        doc_id = str(rec.get("doc_id"))
        if rec.get("kind") == "doc":
            docs.setdefault(doc_id, GoldDoc(doc_id, rec)).meta = rec
        elif rec.get("kind") in ("project", "claim"):
            docs.setdefault(doc_id, GoldDoc(doc_id, {"kind": "doc", "doc_id": doc_id})
                            ).records.append(rec)
    for doc in docs.values():
        meta = doc.meta
        doc.path = _doc_path(meta, corpus)
        doc.pub_date = meta.get("pub_date")
        doc.source = meta.get("source")
        doc.url = meta.get("url")
        doc.title = meta.get("title")
        row = index_row(corpus, doc.path) if corpus is not None and doc.path else None
        if row is not None:
            doc.title = doc.title or row.get("title") or row.get("html_title") or None
            if not doc.url:
                url = row.get("url") or row.get("url_or_origin_path")
                if isinstance(url, str) and url.startswith(("http://", "https://")):
                    doc.url = url.split()[0]
        if not with_text:
            continue
        if corpus is None:
            doc.error = "corpus folder not found (set TOUZI_SHARED or pass corpus_dir)"
        elif doc.path is None:
            doc.error = "doc record names no corpus path"
        elif not (corpus / doc.path).is_file():
            doc.error = f"missing corpus file {corpus / doc.path}"
        else:
            doc.text, doc.error = article_text(corpus / doc.path)
    return list(docs.values())
