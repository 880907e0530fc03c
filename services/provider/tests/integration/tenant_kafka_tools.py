"""Acting as a provider's own system on its Kafka topics."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from samspil_contracts.tenant import commands_dlq, commands_topic, notifications_topic
from samspil_contracts.tenant_codec import decode_tenant, encode_tenant
from samspil_contracts.tenant_messages import TenantCommand


async def send_command(
    kafka: Any, tenant_id: uuid.UUID, command: TenantCommand, command_id: uuid.UUID | None = None
) -> uuid.UUID:
    """``command`` on ``tenant_id``'s commands topic, as its system would send it."""
    wire = encode_tenant(
        command,
        topic=commands_topic(tenant_id),
        event_id=command_id or uuid.uuid4(),
        subject=str(getattr(command, "order_id", None) or getattr(command, "contract_id", "")),
        correlation_id=uuid.uuid4(),
        producer="/acme/case-system",
        occurred_at=datetime.now(UTC),
    )
    await kafka.send_raw(wire.topic, wire.value, list(wire.headers), wire.key)
    return wire.event_id


def _decoded(record: Any) -> Any:
    return decode_tenant(tuple(record.headers or ()), record.value or b"", direction="event")[1]


async def notifications(kafka: Any, tenant_id: uuid.UUID, match: Any) -> list[Any]:
    """Decoded records on the tenant's notifications topic that ``match``, once one does."""
    records = await kafka.records(notifications_topic(tenant_id), lambda r: match(_decoded(r)))
    return [_decoded(r) for r in records]


async def answer(kafka: Any, tenant_id: uuid.UUID, command_id: uuid.UUID) -> Any:
    found = await notifications(
        kafka, tenant_id, lambda m: getattr(m, "command_id", 0) == command_id
    )
    assert found, f"no answer to {command_id}"
    return found[0]


async def dead_letters(kafka: Any, tenant_id: uuid.UUID, match: Any) -> list[Any]:
    return await kafka.records(commands_dlq(tenant_id), match)  # type: ignore[no-any-return]


async def everything(kafka: Any, tenant_id: uuid.UUID, marker: TenantCommand) -> bytes:
    """All of the tenant's notifications topic, read once a marker command is answered."""
    await answer(kafka, tenant_id, await send_command(kafka, tenant_id, marker))
    seen = await kafka.records(notifications_topic(tenant_id), lambda r: True)
    return b"".join(r.value or b"" for r in seen)
