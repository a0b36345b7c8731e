"""Alembic environment: always run programmatically by storage.migrate on an open connection."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from storage.schema import Base


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


_conn = context.config.attributes.get("connection")
if _conn is None:  # pragma: no cover - only the programmatic path is supported
    raise RuntimeError("storage migrations run through storage.migrate.upgrade(engine)")
_run(_conn)
