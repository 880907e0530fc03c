"""Producing and reading Samspil records on the real broker, for tests."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime
from uuid import UUID, uuid4

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from samspil_contracts import Envelope, IntegrationEvent, decode, encode


async def produce(
    bootstrap: str,
    prefix: str,
    event: IntegrationEvent,
    *,
    occurred_at: datetime,
    producer: str = "/samspil/test",
    subject: str | None = None,
    event_id: UUID | None = None,
    revision: int = 1,
) -> UUID:
    wire = encode(
        event,
        event_id=event_id,
        subject=subject or event.partition_key(),
        revision=revision,
        correlation_id=uuid4(),
        producer=producer,
        occurred_at=occurred_at,
    )
    kafka = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await kafka.start()
    try:
        await kafka.send_and_wait(
            prefix + wire.topic, wire.value, key=wire.key, headers=list(wire.headers)
        )
    finally:
        await kafka.stop()
    return wire.event_id


async def read_topic(
    bootstrap: str, topic: str, *, quiet_seconds: float = 2.0, max_seconds: float = 30.0
) -> list[tuple[Envelope, IntegrationEvent]]:
    """Every decodable record of ``topic`` from the beginning, once it has gone quiet."""
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        group_id=None,
    )
    await consumer.start()
    found: list[tuple[Envelope, IntegrationEvent]] = []
    try:
        deadline, last = time.monotonic() + max_seconds, time.monotonic()
        while time.monotonic() < deadline and time.monotonic() - last < quiet_seconds:
            batch = await consumer.getmany(timeout_ms=300)
            for records in batch.values():
                for r in records:
                    found.append(decode(tuple(r.headers or ()), r.value or b""))
                    last = time.monotonic()
            await asyncio.sleep(0)
    finally:
        await consumer.stop()
    return found


async def read_raw(bootstrap: str, topic: str, *, seconds: float = 5.0) -> list[object]:
    """Raw records (for dead-letter and leak checks)."""
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        group_id=None,
    )
    await consumer.start()
    out: list[object] = []
    try:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            for records in (await consumer.getmany(timeout_ms=300)).values():
                out.extend(records)
    finally:
        await consumer.stop()
    return out
