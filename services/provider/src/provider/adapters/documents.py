"""Received documents (what came with an order) and reminders: stored as received."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from provider.adapters.sql import upsert
from provider.adapters.tables import order_documents, reminders


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
