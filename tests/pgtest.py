"""A fresh PostgreSQL schema per test on the server CI provides, or a skip that says why.

The URL comes from DIPLOWATCH_TEST_POSTGRES_URL (default: the machine's server, database
``test``, trust auth). Each test gets its own schema through the URL's ``options`` so it
also works for subprocesses (the CLI) and is dropped afterwards.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator

PG_URL = os.environ.get("DIPLOWATCH_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _conninfo() -> str:
    return PG_URL.replace("postgresql+psycopg://", "postgresql://", 1)


def unreachable_reason() -> str | None:
    """None when the server answers, else the reason to give for skipping."""
    try:
        import psycopg

        with psycopg.connect(_conninfo(), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:  # any failure means: skip, saying why
        return f"PostgreSQL not reachable at {PG_URL}: {type(exc).__name__}: {exc}"
    return None


@contextlib.contextmanager
def fresh_schema() -> Iterator[str]:
    """Yield a database URL whose search_path is a new, empty schema."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_conninfo(), autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(_conninfo(), autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
