"""The webhook tables; ``webhook_metadata`` is what migrations (alembic) pick up.

They live in the provider's own database, next to its event store, so an event and the
webhook it causes are written in one transaction (a transactional outbox).
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
)

webhook_metadata = MetaData()


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    DEAD = "dead"


webhook_endpoints = Table(
    "webhook_endpoints",
    webhook_metadata,
    Column("tenant_id", String(64), primary_key=True),  # one endpoint per tenant
    Column("url", Text, nullable=False),
    # AES-GCM sealed JSON list of secrets, newest first; never stored or logged in clear.
    Column("secrets_sealed", Text, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

webhook_deliveries = Table(
    "webhook_deliveries",
    webhook_metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", String(64), nullable=False),
    Column("event_id", Uuid, nullable=False),
    Column("event_type", String(100), nullable=False),
    Column("body", Text, nullable=False),  # serialised once, so every retry sends equal bytes
    Column("status", String(16), nullable=False, default=DeliveryStatus.PENDING.value),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
    Column("last_status_code", Integer, nullable=True),
    Column("last_error", String(500), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("delivered_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("tenant_id", "event_id", name="uq_webhook_deliveries_tenant_event"),
    Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
    Index("ix_webhook_deliveries_tenant_created", "tenant_id", "created_at"),
)
