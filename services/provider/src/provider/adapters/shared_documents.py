"""Documents shared by the authority, as received (sealed), per tenant and contract."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from provider.adapters.sql import upsert
from provider.adapters.tables import shared_documents as table

LISTED = [c for c in table.columns if c.name not in ("content", "tenant_id")]


class SqlSharedDocuments:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def save(self, conn: AsyncConnection, row: dict[str, Any]) -> None:
        await upsert(conn, table, row, ["document_id"])  # a redelivery changes nothing

    async def of_contract(self, tenant_id: UUID, contract_id: UUID) -> list[dict[str, Any]]:
        query = (
            sa.select(*LISTED)
            .where(table.c.tenant_id == tenant_id, table.c.contract_id == contract_id)
            .order_by(table.c.shared_at)
        )
        async with self.engine.connect() as conn:
            return [dict(r) for r in (await conn.execute(query)).mappings()]

    async def one(
        self, tenant_id: UUID, contract_id: UUID, document_id: UUID
    ) -> dict[str, Any] | None:
        query = sa.select(table).where(
            table.c.tenant_id == tenant_id,
            table.c.contract_id == contract_id,
            table.c.document_id == document_id,
        )
        async with self.engine.connect() as conn:
            found = (await conn.execute(query)).mappings().first()
        return dict(found) if found else None
