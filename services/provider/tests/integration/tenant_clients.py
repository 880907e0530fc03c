"""A provider organisation's own Kafka clients, logged in as the test says (``login``: the
aiokafka connection settings of one principal, SASL_PLAINTEXT or SASL_SSL)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from samspil_contracts.tenant_codec import encode_tenant
from samspil_contracts.tenant_messages import AcceptOrder

Login = dict[str, Any]


async def error_describing(login: Login, topic: str) -> int:
    """The broker's error code when the principal asks for ``topic``'s metadata (0: allowed)."""
    admin = AIOKafkaAdminClient(**login)
    await admin.start()
    try:
        (found,) = await admin.describe_topics([topic])
        return int(found["error_code"])
    finally:
        await admin.close()


async def read(login: Login, topic: str, match: Any, polls: int = 60) -> list[Any]:
    """The records of ``topic`` that ``match``, polling until one does."""
    consumer = AIOKafkaConsumer(**login, group_id=None, enable_auto_commit=False)
    await consumer.start()
    try:
        consumer.assign([TopicPartition(topic, 0)])
        await consumer.seek_to_beginning()
        for _ in range(polls):
            batches = await consumer.getmany(timeout_ms=500)
            found = [r for rs in batches.values() for r in rs if match(r)]
            if found:
                return found
    finally:
        await consumer.stop()
    return []


async def write(login: Login, topic: str, command: AcceptOrder) -> uuid.UUID:
    user = login["sasl_plain_username"]
    wire = encode_tenant(
        command, topic=topic, event_id=uuid.uuid4(), subject=str(command.order_id),
        correlation_id=uuid.uuid4(), producer=f"/{user}", occurred_at=datetime.now(UTC),
    )  # fmt: skip
    producer = AIOKafkaProducer(**login, request_timeout_ms=10_000)
    await producer.start()
    try:
        await producer.send_and_wait(topic, wire.value, key=wire.key, headers=list(wire.headers))
    finally:
        await producer.stop()
    return wire.event_id
