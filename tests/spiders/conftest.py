"""Fixtures for crawl tests: a mock HTTP server on 127.0.0.1, started and stopped per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from mockserver import MockSite


@pytest.fixture()
def mock_site() -> Iterator[MockSite]:
    """A running mock server on 127.0.0.1 (stopped after the test)."""
    site = MockSite().start()
    yield site
    site.stop()
