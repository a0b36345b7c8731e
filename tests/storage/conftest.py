"""Storage tests run on SQLite (a temporary file) and on the real PostgreSQL server.

Each PostgreSQL test gets a fresh schema (search_path set through the URL's ``options``),
dropped afterwards, so tests are independent. Without a reachable server the PostgreSQL
half is skipped with the reason; CI has the server.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.store import Store

PG_BASE = os.environ.get("DIPLOWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
_pg_error: str | None = None
_pg_checked = False


def _pg_reachable() -> str | None:
    """None when the server answers, else why not."""
    global _pg_checked, _pg_error
    if not _pg_checked:
        _pg_checked = True
        try:
            import psycopg

            with psycopg.connect(_conninfo(), connect_timeout=3) as conn:
                conn.execute("SELECT 1")
        except Exception as exc:  # any failure means: skip, saying why
            _pg_error = f"PostgreSQL not reachable at {PG_BASE}: {type(exc).__name__}: {exc}"
    return _pg_error


def _conninfo() -> str:
    return PG_BASE.replace("postgresql+psycopg://", "postgresql://")


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(_conninfo(), autocommit=True) as conn:
        conn.execute(sql)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    reason = _pg_reachable()
    if reason:
        pytest.skip(reason)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    _pg_admin(f"CREATE SCHEMA {schema}")
    try:
        yield f"{PG_BASE}?options=-csearch_path%3D{schema}"
    finally:
        _pg_admin(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store(db_url)
    try:
        yield s
    finally:
        s.close()
