"""What the provider's application layer needs from the outside, as protocols."""

from __future__ import annotations

from typing import Any, Protocol
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection


class ReadModels(Protocol):
    """The read models, kept in step with every append in the same transaction."""

    async def project(
        self, conn: AsyncConnection, stream_id: str, revision: int, type_: str, data: dict[str, Any]
    ) -> None: ...

    async def claim_number_taken(
        self, conn: AsyncConnection, tenant_id: UUID, claim_number: str
    ) -> bool: ...


class Documents(Protocol):
    """What arrived with an order that the domain does not keep (sealed child, contacts)."""

    async def save_order(
        self, conn: AsyncConnection, tenant_id: UUID, order_id: UUID, document: dict[str, Any]
    ) -> None: ...

    async def add_reminder(
        self, conn: AsyncConnection, tenant_id: UUID, row: dict[str, Any]
    ) -> None: ...


class WebhookQueue(Protocol):
    async def enqueue(
        self,
        conn: AsyncConnection,
        tenant_id: str,
        event_id: UUID,
        event_type: str,
        payload: dict[str, Any],
    ) -> bool: ...
