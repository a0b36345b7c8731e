"""Engines: SQLite in WAL mode with a busy timeout and foreign keys, or PostgreSQL; read-only for readers."""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.pool import StaticPool

BUSY_TIMEOUT_MS = 30_000


def _wal(cur: Any) -> None:
    """Switch to WAL once; the switch needs a moment alone, and the busy handler does not wait for it."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_events(engine: Engine, *, readonly: bool, memory: bool, immediate: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        if not readonly and not memory:
            _wal(cur)
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # IMMEDIATE takes the write lock up front: two writers queue on busy_timeout instead
        # of failing with "database is locked" when a read transaction tries to upgrade.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate and not readonly else "BEGIN")


def _readonly_sqlite_url(url: URL) -> URL:
    db = url.database or ""
    query = dict(url.query)
    query.update({"mode": "ro", "uri": "true"})
    return url.set(database=f"file:{db}", query=query)


def make_engine(url: str | URL, *, readonly: bool = False, immediate: bool = True) -> Engine:
    """The one way an engine is made, so that writers and readers get the same settings.

    ``immediate=False`` gives a SQLite engine whose transactions start deferred: for the
    writer's own lookups, which should not queue behind other writers.
    """
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        memory = not u.database or u.database == ":memory:"
        kwargs: dict[str, Any] = {"connect_args": {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}}
        if memory:
            kwargs["poolclass"] = StaticPool
        elif readonly and not (u.database or "").startswith("file:"):
            u = _readonly_sqlite_url(u)
        engine = create_engine(u, **kwargs)
        _sqlite_events(engine, readonly=readonly, memory=memory, immediate=immediate)
        return engine
    if u.get_backend_name() == "postgresql":
        connect_args: dict[str, Any] = {}
        if readonly:
            opts = str(u.query.get("options", "") or "")
            connect_args["options"] = (opts + " -c default_transaction_read_only=on").strip()
            u = u.difference_update_query(["options"])
        return create_engine(u, pool_pre_ping=True, connect_args=connect_args)
    return create_engine(u)
