"""Turning paths given by a user into RawArticles: .txt, .html/.htm and .jsonl files, or folders.

A folder may hold an `index.jsonl` of metadata for its files (one object per line with
`file` and any of `title`, `pub_date`, `url`, `source`), as the corpus folders do; its
values take precedence over what the text itself suggests.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from touzi.corpus.model import RawArticle

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MAX_BYTES = 10 * 1024 * 1024
_META_KEYS = ("title", "pub_date", "url", "source", "site", "id")


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def _sidecar(folder: Path) -> dict[str, dict[str, str]]:
    """Metadata for a folder's files from its index.jsonl, keyed by file name."""
    index = folder / "index.jsonl"
    meta: dict[str, dict[str, str]] = {}
    if not index.is_file() or not _is_sidecar(index):
        return meta
    for line in index.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict) and isinstance(row.get("file"), str):
            url = row.get("url") or row.get("url_or_origin_path")
            if isinstance(url, str):
                url = url.split()[0] if url.strip() else None
            entry = {k: row[k] for k in _META_KEYS if isinstance(row.get(k), str) and row[k]}
            if url and url.startswith(("http://", "https://")):
                entry["url"] = url
            meta[Path(row["file"]).name] = entry
    return meta


def _is_sidecar(path: Path) -> bool:
    """True when a .jsonl file lists metadata of other files rather than articles."""
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            first = fh.readline()
        row = json.loads(first)
    except (OSError, json.JSONDecodeError):
        return False
    return isinstance(row, dict) and "file" in row and "text" not in row and "html" not in row


def expand(paths: list[Path]) -> Iterator[tuple[Path, bool]]:
    """Every file under the given paths, with whether the user named it directly."""
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                yield child, False
        else:
            yield path, True


def read_file(path: Path, meta: dict[str, str] | None = None) -> Iterator[RawArticle]:
    """RawArticles from one file (one for .txt/.html, one per line for .jsonl)."""
    meta = meta or {}
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield RawArticle(origin, b"", "text", error=f"cannot read file: {exc.strerror or exc}")
        return
    kind = "html" if suffix in HTML_SUFFIXES else "text"
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield RawArticle(origin, b"", kind, error=f"cannot read file: {exc.strerror or exc}")
        return
    error = None
    if size > MAX_BYTES:
        error = f"file is {_mb(size)}, more than the {_mb(MAX_BYTES)} one article may have"
    yield RawArticle(
        origin,
        data,
        kind,  # type: ignore[arg-type]
        url=meta.get("url"),
        title=meta.get("title"),
        pub_date=meta.get("pub_date"),
        source=meta.get("source"),
        site=meta.get("site"),
        doc_id=meta.get("id") or path.stem,
        error=error,
    )


def read_jsonl(path: Path) -> Iterator[RawArticle]:
    """One RawArticle per line of a JSONL file; a malformed line becomes an item with its error."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield RawArticle(str(path), b"", "text", error=f"cannot read file: {exc.strerror or exc}")
        return
    with fh:
        for number, line in enumerate(fh, 1):
            origin = f"{path}#{number}"
            if not line.strip():
                continue
            try:
                row = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError:
                yield RawArticle(origin, line, "text", error=f"line {number}: not UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield RawArticle(origin, line, "text", error=f"line {number}: invalid JSON ({exc.msg})")
                continue
            if not isinstance(row, dict):
                yield RawArticle(origin, line, "text", error=f"line {number}: not a JSON object")
                continue
            text, html = row.get("text"), row.get("html")
            if not isinstance(text, str) and not isinstance(html, str):
                yield RawArticle(origin, line, "text", error=f"line {number}: has neither 'text' nor 'html'")
                continue
            body = html if isinstance(html, str) and not isinstance(text, str) else text
            kind = "html" if body is html else "text"

            def _s(key: str, row: dict = row) -> str | None:
                value = row.get(key)
                return str(value) if value not in (None, "") else None

            yield RawArticle(
                origin,
                body.encode("utf-8"),
                kind,  # type: ignore[arg-type]
                url=_s("url"),
                title=_s("title"),
                pub_date=_s("pub_date"),
                source=_s("source"),
                site=_s("site"),
                doc_id=_s("id") or _s("doc_id"),
            )


def read_paths(paths: list[Path]) -> Iterator[RawArticle]:
    """Every article under the given files and folders, in a stable order."""
    sidecars: dict[Path, dict[str, dict[str, str]]] = {}
    for path, named in expand(paths):
        suffix = path.suffix.lower()
        if not path.exists():
            yield RawArticle(str(path), b"", "text", error="no such file or folder")
            continue
        if suffix not in SUPPORTED:
            if named:
                yield RawArticle(
                    str(path), b"", "text",
                    error=f"unsupported file type {suffix or '(none)'}: use .txt, .html or .jsonl",
                )
            continue
        if suffix in JSONL_SUFFIXES and _is_sidecar(path):
            continue
        folder = path.parent
        if folder not in sidecars:
            sidecars[folder] = _sidecar(folder)
        yield from read_file(path, sidecars[folder].get(path.name))
