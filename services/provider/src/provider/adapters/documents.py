"""Received documents (what came with an order), reminders and the scheduler's deadlines:
stored as received."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from provider.adapters import follow_ups
from provider.adapters.sql import upsert
from provider.adapters.tables import order_answer_deadlines, order_documents, reminders


class SqlDocuments:
    """The app's ``Documents`` port."""

    async def save_order(
        self, conn: AsyncConnection, tenant_id: UUID, order_id: UUID, document: dict[str, Any]
    ) -> None:
        row = {"order_id": order_id, "tenant_id": tenant_id, "document": document}
        await upsert(conn, order_documents, row, ["order_id"])

    async def add_reminder(
        self, conn: AsyncConnection, tenant_id: UUID, row: dict[str, Any]
    ) -> None:
        values = {**row, "tenant_id": tenant_id}
        await upsert(conn, reminders, values, ["deadline_id", "phase"])

    async def set_answer_deadline(
        self, conn: AsyncConnection, tenant_id: UUID, row: dict[str, Any]
    ) -> None:
        values = {**row, "tenant_id": tenant_id, "status": "open", "updated_at": _now()}
        await upsert(conn, order_answer_deadlines, values, ["order_id"])

    async def close_answer_deadline(
        self, conn: AsyncConnection, deadline_id: UUID, outcome: str
    ) -> None:
        t = order_answer_deadlines
        stmt = t.update().where(t.c.deadline_id == deadline_id, t.c.status == "open")
        await conn.execute(stmt.values(status=outcome, updated_at=_now()))

    async def set_follow_up_deadline(
        self, conn: AsyncConnection, tenant_id: UUID, row: dict[str, Any]
    ) -> None:
        await follow_ups.set_deadline(conn, tenant_id, row)

    async def close_follow_up_deadline(
        self, conn: AsyncConnection, deadline_id: UUID, outcome: str
    ) -> None:
        await follow_ups.close_deadline(conn, deadline_id, outcome)

    async def follow_up_after(
        self, conn: AsyncConnection, tenant_id: UUID, contract_id: UUID, report_due_at: datetime
    ) -> UUID | None:
        return await follow_ups.follow_up_after(conn, tenant_id, contract_id, report_due_at)


def _now() -> datetime:
    return datetime.now(UTC)
