"""Signed-out tokens: the ``jti`` of each, kept until the token would have expired."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from authority.adapters.tables import revoked_tokens as table


class SqlRevocations:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def revoke(self, token_id: str, expires_at: datetime) -> None:
        """Idempotent; the tokens that have expired meanwhile are forgotten (nothing to deny)."""
        insert = (postgresql if self.engine.dialect.name == "postgresql" else sqlite).insert
        stmt = insert(table).values(token_id=token_id, expires_at=expires_at)
        async with self.engine.begin() as conn:
            await conn.execute(stmt.on_conflict_do_nothing(index_elements=["token_id"]))
            await conn.execute(table.delete().where(table.c.expires_at < datetime.now(UTC)))

    async def is_revoked(self, token_id: str) -> bool:
        query = sa.select(sa.literal(1)).where(table.c.token_id == token_id)
        async with self.engine.connect() as conn:
            return await conn.scalar(query) is not None
