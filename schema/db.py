"""Opening the touzi database and bringing its schema up to date through numbered migrations.

Migrations are the files `schema/migrations/NNNN_name.sql`, applied in number order inside
one transaction each; `PRAGMA user_version` holds the number of the last one applied. A
database whose version is newer than this code knows is refused, never downgraded.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import sqlite_utils

_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


class SchemaTooNew(RuntimeError):
    """The database was written by a newer touzi than this one."""


@dataclass(frozen=True)
class Migration:
    """One numbered schema change."""

    number: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every migration shipped with this version, in order."""
    found: list[Migration] = []
    for entry in resources.files("touzi.schema").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.number)
    numbers = [m.number for m in found]
    if numbers != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration numbers must run 1..n without gaps, got {numbers}")
    return found


def latest_version() -> int:
    """The schema version this code writes."""
    return len(migrations())


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version stored in a database (0 for a new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> list[Migration]:
    """Apply the migrations a database lacks; return those applied."""
    current = schema_version(conn)
    known = migrations()
    if current > len(known):
        raise SchemaTooNew(
            f"database schema version {current} is newer than this touzi knows "
            f"({len(known)}): upgrade touzi instead of opening it with an older one"
        )
    applied = []
    for migration in known[current:]:
        # executescript commits first; the explicit BEGIN makes each migration all-or-nothing.
        try:
            conn.executescript(
                f"BEGIN;\n{migration.sql}\nPRAGMA user_version = {migration.number};\nCOMMIT;"
            )
        except sqlite3.Error:
            conn.rollback()
            raise
        applied.append(migration)
    return applied


def connect(path: str | Path, *, readonly: bool = False) -> sqlite_utils.Database:
    """Open (and for writing, create and migrate) the database at `path`."""
    path = Path(path)
    if readonly:
        if not path.exists():
            raise FileNotFoundError(f"no database at {path}")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        db = sqlite_utils.Database(conn)
        version = schema_version(conn)
        if version > latest_version():
            raise SchemaTooNew(
                f"database schema version {version} is newer than this touzi knows "
                f"({latest_version()})"
            )
        return db
    conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    # In WAL mode NORMAL keeps the database consistent after a crash and only skips the fsync
    # of each commit; ingest commits once per article.
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    migrate(conn)
    return sqlite_utils.Database(conn)
