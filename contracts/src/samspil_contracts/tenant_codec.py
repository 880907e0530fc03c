"""Tenant records to and from Kafka: the same CloudEvents envelope as integration events."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import ValidationError

from samspil_contracts.codec import MAX_PAYLOAD_BYTES, WireMessage, _parse, _summary, fitting
from samspil_contracts.envelope import Envelope, Headers
from samspil_contracts.errors import UndecodableEvent
from samspil_contracts.tenant import TenantMessage
from samspil_contracts.tenant_messages import TENANT_REGISTRY
from samspil_contracts.tenant_upcasters import upcast_tenant


def encode_tenant(
    message: TenantMessage,
    *,
    topic: str,
    event_id: UUID,
    subject: str,
    correlation_id: UUID,
    causation_id: UUID | None = None,
    producer: str,
    occurred_at: datetime,
) -> WireMessage:
    """The record for a tenant topic, keyed by ``subject`` (the order, contract or claim)."""
    envelope = Envelope(
        event_id=event_id,
        type=message.type_name,
        schema_version=message.schema_version,
        subject=subject,
        revision=0,
        occurred_at=occurred_at,
        correlation_id=correlation_id,
        causation_id=causation_id,
        producer=producer,
    )
    value = message.model_dump_json().encode()
    wire = WireMessage(topic, subject.encode(), value, tuple(envelope.to_headers()), event_id)
    return fitting(wire, message.type_name)


def decode_tenant(
    headers: Headers, value: bytes, *, direction: str = "command"
) -> tuple[Envelope, TenantMessage]:
    """A tenant record of ``direction`` or ``UndecodableEvent`` with the reason."""
    if len(value) > MAX_PAYLOAD_BYTES:
        raise UndecodableEvent(f"payload of {len(value)} bytes is over 1 MiB")
    envelope = Envelope.from_headers(headers)
    cls = TENANT_REGISTRY.get(envelope.type)
    if cls is None or cls.direction != direction:
        raise UndecodableEvent(f"unknown {direction} type {envelope.type}")
    if not 1 <= envelope.schema_version <= cls.schema_version:
        raise UndecodableEvent(f"unknown schema version {envelope.type} v{envelope.schema_version}")
    payload = upcast_tenant(
        envelope.type, envelope.schema_version, cls.schema_version, _parse(value)
    )
    try:
        return envelope, cls.model_validate(payload)
    except ValidationError as exc:
        raise UndecodableEvent(f"schema mismatch {envelope.type}: {_summary(exc)}") from None
