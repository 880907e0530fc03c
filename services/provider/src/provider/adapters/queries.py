"""The read side of the API: every query is filtered by tenant."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from provider.adapters.tables import (
    access_log,
    claims_view,
    contracts_view,
    order_answer_deadlines,
    order_documents,
    orders_inbox,
    reminders,
)

Row = dict[str, Any]


def _without_tenant(rows: Any) -> list[Row]:
    return [{k: v for k, v in row.items() if k != "tenant_id"} for row in rows]


def _with_answer_deadline(query: Any) -> Any:
    """``query`` over the inbox with the scheduler's answer deadline of each order (its
    columns ``answer_due_at`` and ``answer_deadline_status``; none before it is announced)."""
    d, t = order_answer_deadlines, orders_inbox
    joined = query.outerjoin(d, (d.c.order_id == t.c.order_id) & (d.c.tenant_id == t.c.tenant_id))
    return joined.add_columns(
        d.c.due_at.label("answer_due_at"), d.c.status.label("answer_deadline_status")
    )


class SqlQueries:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def _all(self, query: Any) -> list[Row]:
        async with self.engine.connect() as conn:
            return _without_tenant((await conn.execute(query)).mappings().all())

    async def orders(self, tenant_id: UUID, status: str | None, limit: int) -> list[Row]:
        t = orders_inbox
        query = _with_answer_deadline(sa.select(t)).where(t.c.tenant_id == tenant_id)
        if status is not None:
            query = query.where(t.c.status == status)
        soonest = order_answer_deadlines.c.due_at.asc().nulls_last()
        return await self._all(query.order_by(soonest, t.c.order_id).limit(limit))

    async def order(self, tenant_id: UUID, order_id: UUID) -> Row | None:
        t, docs = orders_inbox, order_documents
        query = (
            _with_answer_deadline(sa.select(t, docs.c.document))
            .outerjoin(docs, docs.c.order_id == t.c.order_id)
            .where(t.c.order_id == order_id, t.c.tenant_id == tenant_id)
        )
        found = await self._all(query)
        return found[0] if found else None

    async def log_access(self, tenant_id: UUID, order_id: UUID, user_id: str, reason: str) -> None:
        row = {
            "id": uuid.uuid4(),
            "tenant_id": tenant_id,
            "order_id": order_id,
            "user_id": user_id,
            "reason": reason,
            "at": datetime.now(UTC),
        }
        async with self.engine.begin() as conn:
            await conn.execute(access_log.insert().values(row))

    async def access_log(self, tenant_id: UUID, order_id: UUID | None) -> list[Row]:
        query = sa.select(access_log).where(access_log.c.tenant_id == tenant_id)
        if order_id is not None:
            query = query.where(access_log.c.order_id == order_id)
        return await self._all(query.order_by(access_log.c.at))

    async def contracts(self, tenant_id: UUID) -> list[Row]:
        t = contracts_view
        query = sa.select(t).where(t.c.tenant_id == tenant_id).order_by(t.c.updated_at.desc())
        return await self._all(query)

    async def contract(self, tenant_id: UUID, contract_id: UUID) -> Row | None:
        t = contracts_view
        query = sa.select(t).where(t.c.contract_id == contract_id, t.c.tenant_id == tenant_id)
        found = await self._all(query)
        return found[0] if found else None

    async def claims(self, tenant_id: UUID, status: str | None) -> list[Row]:
        query = sa.select(claims_view).where(claims_view.c.tenant_id == tenant_id)
        if status is not None:
            query = query.where(claims_view.c.status == status)
        return await self._all(query.order_by(claims_view.c.period_start))

    async def claim(self, tenant_id: UUID, claim_id: UUID) -> Row | None:
        t = claims_view
        found = await self._all(
            sa.select(t).where(t.c.claim_id == claim_id, t.c.tenant_id == tenant_id)
        )
        return found[0] if found else None

    async def reminders(self, tenant_id: UUID) -> list[Row]:
        query = sa.select(reminders).where(reminders.c.tenant_id == tenant_id)
        return await self._all(query.order_by(reminders.c.due_at))
