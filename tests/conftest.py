"""Fixtures shared by every suite: where ../shared is, and a fresh database per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TOUZI_SHARED", REPO.parent / "shared"))


def _need_shared(sub: str = "") -> Path:
    path = SHARED / sub
    if not path.exists():
        # Under CI the real corpus must be there: a missing corpus is a failure, not a skip.
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"../shared/{sub} is missing under CI ({path})")
        pytest.skip(f"../shared/{sub} not available")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (corpus, gold, spec); fails under CI=true when missing."""
    return _need_shared()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """../shared/corpus."""
    return _need_shared("corpus")


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """../shared/gold."""
    return _need_shared("gold")


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh database file inside the test's temporary folder."""
    return tmp_path / "touzi.db"


@pytest.fixture(scope="session")
def cli():
    """Run a `touzi` command in-process: cli(["ingest", ...]) -> click Result."""
    from typer.testing import CliRunner

    from touzi.cli import build

    app = build()
    runner = CliRunner()

    def invoke(args: list[str], input: str | None = None):
        return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke
