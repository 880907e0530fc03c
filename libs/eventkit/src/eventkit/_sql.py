"""Small dialect helpers shared by the store, relay and projections."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection


def is_postgres(conn: AsyncConnection) -> bool:
    return conn.dialect.name == "postgresql"


def insert_ignoring_conflicts(conn: AsyncConnection, table: Table) -> Any:
    """``INSERT ... ON CONFLICT DO NOTHING`` in the connection's dialect."""
    dialect_insert = postgresql.insert if is_postgres(conn) else sqlite.insert
    return dialect_insert(table).on_conflict_do_nothing()


def upsert(conn: AsyncConnection, table: Table, key: str, values: dict[str, Any]) -> Any:
    """``INSERT ... ON CONFLICT (key) DO UPDATE`` setting every non-key value."""
    dialect_insert = postgresql.insert if is_postgres(conn) else sqlite.insert
    stmt = dialect_insert(table).values(values)
    updates = {name: value for name, value in values.items() if name != key}
    return stmt.on_conflict_do_update(index_elements=[key], set_=updates)


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands datetimes back naive (they were stored as UTC): make every one aware."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def dumps(value: Any) -> str:
    """JSON text as ``json.dumps`` would accept it (non-string keys become strings)."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


loads = orjson.loads
