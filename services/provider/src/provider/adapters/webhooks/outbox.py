"""The webhook outbox: the API the provider app calls to queue and manage webhooks.

``enqueue`` runs inside the caller's transaction (its unit of work), so a webhook is queued
if and only if the change that caused it commits. The dispatcher sends it later.
"""

from __future__ import annotations

import uuid
from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from provider.adapters.webhooks.endpoints import EndpointStore, check_secret
from provider.adapters.webhooks.enqueue import ENQUEUE_IF_ACTIVE
from provider.adapters.webhooks.log import DeliveryLog
from provider.adapters.webhooks.model import (
    Clock,
    Delivery,
    Endpoint,
    EndpointNotFound,
    WebhookEventType,
    utcnow,
    webhook_body,
)
from provider.adapters.webhooks.schema import DeliveryStatus, webhook_deliveries, webhook_metadata
from provider.adapters.webhooks.secret_box import SecretBox
from provider.adapters.webhooks.targets import STRICT, TargetPolicy


class WebhookOutbox(DeliveryLog):
    """Queueing, the endpoint, and (inherited) the delivery log."""

    def __init__(
        self,
        engine: AsyncEngine,
        *,
        secrets_key: bytes,
        clock: Clock = utcnow,
        targets: TargetPolicy = STRICT,
    ) -> None:
        super().__init__(engine, clock)
        self.endpoints = EndpointStore(engine, SecretBox(secrets_key), clock, targets)

    async def create_schema(self) -> None:
        """Create the webhook tables (tests, demos; production uses migrations)."""
        async with self._engine.begin() as conn:
            await conn.run_sync(webhook_metadata.create_all)

    async def enqueue(
        self,
        conn: AsyncConnection,
        tenant_id: str,
        event_id: UUID,
        event_type: str,
        payload: dict[str, Any],
    ) -> bool:
        """Queue one webhook in the caller's transaction; True if it was newly queued.

        Idempotent on (tenant_id, event_id): a redelivered event queues nothing twice. A
        tenant without an active endpoint has asked for no webhooks, so nothing is queued.
        A type missing from ``WebhookEventType`` (the published catalogue) is refused.
        """
        WebhookEventType(event_type)  # ValueError: document the type before sending it
        now = self._clock()
        row = {
            "id": uuid.uuid4(),
            "tenant_id": tenant_id,
            "event_id": event_id,
            "event_type": event_type,
            "body": webhook_body(event_id, event_type, tenant_id, now, payload),
            "status": DeliveryStatus.PENDING.value,
            "attempts": 0,
            "next_attempt_at": now,
            "created_at": now,
        }
        # One round trip: inserted only for an active endpoint, and once per event.
        stmt = ENQUEUE_IF_ACTIVE[conn.dialect.name]
        return bool((await conn.execute(stmt, row)).rowcount)

    async def register_endpoint(self, tenant_id: str, url: str, secret: str) -> None:
        await self.endpoints.register(tenant_id, url, secret)

    async def rotate_secret(self, tenant_id: str, new_secret: str) -> None:
        """Sign with ``new_secret`` and the current one until ``finish_rotation``."""
        check_secret(new_secret)
        await self.endpoints.set_secrets(tenant_id, lambda current: [new_secret, *current[:1]])

    async def finish_rotation(self, tenant_id: str) -> None:
        """Stop signing with the previous secret once the tenant's receiver has the new one."""
        await self.endpoints.set_secrets(tenant_id, lambda current: current[:1])

    async def endpoint(self, tenant_id: str) -> Endpoint | None:
        """The tenant's endpoint (its secrets stay out of repr: show them to no one)."""
        async with self._engine.connect() as conn:
            return await self.endpoints.get(conn, tenant_id)

    async def set_endpoint_active(self, tenant_id: str, active: bool) -> None:
        await self.endpoints.set_active(tenant_id, active)

    async def delete_endpoint(self, tenant_id: str) -> None:
        """Forget the endpoint and its secrets; what is pending fails as ``no_endpoint``."""
        await self.endpoints.delete(tenant_id)

    async def ping(self, tenant_id: str) -> Delivery | None:
        """Queue a ``webhook.test`` delivery; None if the endpoint is not active."""
        if await self.endpoint(tenant_id) is None:
            raise EndpointNotFound(tenant_id)
        event_id = uuid.uuid4()
        async with self._engine.begin() as conn:
            data = {"test": True}
            if not await self.enqueue(
                conn, tenant_id, event_id, WebhookEventType.WEBHOOK_TEST, data
            ):
                return None
            row = (
                await conn.execute(
                    select(webhook_deliveries).where(
                        webhook_deliveries.c.tenant_id == tenant_id,
                        webhook_deliveries.c.event_id == event_id,
                    )
                )
            ).one()
        return Delivery.from_row(row)
