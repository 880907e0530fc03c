"""Dialect-aware SQL helpers (PostgreSQL in production, SQLite for the quick start)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection


async def upsert(
    conn: AsyncConnection, table: sa.Table, row: dict[str, Any], keys: Sequence[str]
) -> None:
    """Insert ``row``, or update the other columns of the row with its ``keys``."""
    statement = _upsert(conn.dialect.name, table, frozenset(row), tuple(keys))
    await conn.execute(statement, row)


@cache  # one per table and shape: building a statement costs more CPU than running it
def _upsert(dialect: str, table: sa.Table, columns: frozenset[str], keys: tuple[str, ...]) -> Any:
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(table)  # the VALUES come from the parameters at execution
    updates = sorted(columns.difference(keys))
    if not updates:
        return statement.on_conflict_do_nothing(index_elements=list(keys))
    excluded = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=list(keys), set_={name: excluded[name] for name in updates}
    )
