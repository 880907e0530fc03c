"""The child keys a tenant was granted (wrapped, as received), and the erased children."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from provider.adapters.sql import upsert
from provider.adapters.tables import child_keys, erased_children, order_documents


async def _serialise(conn: AsyncConnection, child_id: UUID) -> None:
    """A grant and an erasure of one child take turns (PostgreSQL; SQLite has one writer):
    otherwise a grant that checked before the erasure committed could store the key after."""
    if conn.dialect.name == "postgresql":
        lock = sa.func.pg_advisory_xact_lock(sa.func.hashtextextended(str(child_id), 0))
        await conn.execute(sa.select(lock))


class SqlChildKeys:
    """The app's ``ChildKeys`` port."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def save(
        self, conn: AsyncConnection, tenant_id: UUID, child_id: UUID, wrapped: dict[str, Any]
    ) -> bool:
        """Keep the grant unless the child was erased meanwhile (then False)."""
        await _serialise(conn, child_id)
        erased = sa.select(erased_children.c.child_id).where(erased_children.c.child_id == child_id)
        if await conn.scalar(erased) is not None:
            return False
        row = {
            "tenant_id": tenant_id,
            "child_id": child_id,
            "wrapped": wrapped,
            "received_at": datetime.now(UTC),
        }
        await upsert(conn, child_keys, row, ["tenant_id", "child_id"])
        return True

    async def load(self, tenant_id: UUID, child_id: UUID) -> dict[str, Any] | None:
        t = child_keys
        query = sa.select(t.c.wrapped).where(t.c.tenant_id == tenant_id, t.c.child_id == child_id)
        async with self.engine.connect() as conn:
            found = await conn.scalar(query)
        return dict(found) if found is not None else None

    async def child_box(self, tenant_id: UUID, order_id: UUID) -> dict[str, Any] | None:
        """The tenant's order's sealed child as stored (the erased marker once erased)."""
        docs = order_documents
        query = sa.select(docs.c.document).where(
            docs.c.order_id == order_id, docs.c.tenant_id == tenant_id
        )
        async with self.engine.connect() as conn:
            found = await conn.scalar(query)
        child = found.get("child") if isinstance(found, dict) else None
        return dict(child) if isinstance(child, dict) else None

    async def is_erased(self, child_id: UUID) -> bool:
        query = sa.select(erased_children.c.child_id).where(erased_children.c.child_id == child_id)
        async with self.engine.connect() as conn:
            return await conn.scalar(query) is not None

    async def erase(
        self, conn: AsyncConnection, child_id: UUID, case_id: UUID, marker: dict[str, Any]
    ) -> list[tuple[UUID, UUID]]:
        """Delete every tenant's copy of the key and put ``marker`` in place of the sealed
        child in the case's orders; the (tenant, order) pairs that had it."""
        await _serialise(conn, child_id)
        row = {"child_id": child_id, "erased_at": datetime.now(UTC)}
        await upsert(conn, erased_children, row, ["child_id"])
        await conn.execute(child_keys.delete().where(child_keys.c.child_id == child_id))
        docs = order_documents
        of_case = docs.c.document["case_id"].as_string() == str(case_id)
        found = await conn.execute(
            sa.select(docs.c.tenant_id, docs.c.order_id, docs.c.document).where(of_case)
        )
        touched = []
        for tenant_id, order_id, document in found.all():
            changed = {**document, "child": marker}
            await conn.execute(
                docs.update().where(docs.c.order_id == order_id).values(document=changed)
            )
            touched.append((tenant_id, order_id))
        return touched
