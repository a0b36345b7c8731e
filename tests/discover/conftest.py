"""Fixtures for the discovery tests: a live server on 127.0.0.1 and fast settings."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ holds the shared httpfixture

from httpfixture import TestServer, running_server

from config.settings import Settings


@pytest.fixture
def server() -> Iterator[TestServer]:
    with running_server() as srv:
        yield srv


@pytest.fixture
def settings() -> Settings:
    """Fast settings: no real backoff, short timeouts."""
    return Settings(
        backoff_base=0.0,
        backoff_max=0.0,
        retries=2,
        connect_timeout=2.0,
        read_timeout=2.0,
        user_agent="diplowatch-test/0.1 (+https://example.invalid/diplowatch)",
    )
