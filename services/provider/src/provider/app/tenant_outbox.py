"""Records for a tenant's own Kafka topics, queued in the caller's transaction.

Every notification a tenant's webhook receiver gets is mirrored, with the same ``type`` and
``data``, onto ``samspil.tenant.<tenant>.notifications.v1``: through the outbox, so it
reaches Kafka if and only if the change that caused it commits.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid5

import structlog
from eventkit import OutboxMessage, UnitOfWork
from samspil_contracts.tenant import TenantMessage, notifications_topic
from samspil_contracts.tenant_codec import encode_tenant
from samspil_contracts.tenant_messages import TenantNotification
from sqlalchemy.ext.asyncio import AsyncConnection

from provider.app.ports import WebhookQueue

PRODUCER = "/samspil/provider"
MIRROR = UUID("6c3f0a52-5d3e-4f7b-9a41-7f0d2c9e1b11")  # namespace of mirrored record ids


class TenantOutbox:
    def __init__(self, topic_prefix: str) -> None:
        self.prefix = topic_prefix

    def record(
        self,
        tenant_id: UUID,
        message: TenantMessage,
        *,
        event_id: UUID,
        subject: str,
        correlation_id: UUID,
        causation_id: UUID | None,
        at: datetime,
    ) -> OutboxMessage:
        wire = encode_tenant(
            message,
            topic=notifications_topic(tenant_id, self.prefix),
            event_id=event_id,
            subject=subject,
            correlation_id=correlation_id,
            causation_id=causation_id,
            producer=PRODUCER,
            occurred_at=at,
        )
        return OutboxMessage(wire.topic, wire.key, wire.value, wire.headers, wire.event_id)


class MirroredNotifications:
    """A :class:`WebhookQueue` that also puts each notification on the tenant's topic."""

    def __init__(self, webhooks: WebhookQueue, outbox: TenantOutbox) -> None:
        self.webhooks, self.outbox = webhooks, outbox

    async def enqueue(
        self,
        conn: AsyncConnection,
        tenant_id: str,
        event_id: UUID,
        event_type: str,
        payload: dict[str, Any],
    ) -> bool:
        queued = await self.webhooks.enqueue(conn, tenant_id, event_id, event_type, payload)
        data = {k: v if isinstance(v, int | bool) else str(v) for k, v in payload.items()}
        message = TenantNotification(type=event_type, data=data)
        subject = str(next(iter(payload.values()), tenant_id))  # the order/contract/claim id
        record = self.outbox.record(
            UUID(tenant_id),
            message,
            # The same cause and kind always make the same record id: no duplicate on retry.
            event_id=uuid5(MIRROR, f"{event_id}:{event_type}"),
            subject=subject,
            correlation_id=_correlation(event_id),
            causation_id=event_id,
            at=datetime.now(UTC),
        )
        await UnitOfWork(conn.engine, conn).enqueue([record])
        return queued


def _correlation(cause: UUID) -> UUID:
    """The inbound record's correlation id (bound for its handling), else the cause's id."""
    bound = structlog.contextvars.get_contextvars().get("correlation_id")
    return UUID(bound) if bound else cause
