"""Real-broker helpers for the relay and dead-letter tests."""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import uuid4

import pytest
from aiokafka import AIOKafkaConsumer
from eventkit import TopicSpec, ensure_topics


def kafka_bootstrap_or_skip(request: pytest.FixtureRequest) -> str:
    try:
        return str(request.getfixturevalue("kafka_bootstrap"))
    except pytest.FixtureLookupError:
        pytest.skip("devstack pytest plugin (Kafka) not available")


async def fresh_topic(bootstrap: str, name: str, partitions: int = 1) -> str:
    topic = f"test.eventkit.{name}.{uuid4().hex[:8]}"
    await ensure_topics(bootstrap, [TopicSpec(topic, partitions)])
    return topic


async def consume(bootstrap: str, topic: str, count: int, within: float = 20.0) -> list[Any]:
    """Read ``count`` records from the start of ``topic``; then wait briefly for extras."""
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await consumer.start()
    records: list[Any] = []
    try:
        async with asyncio.timeout(within):
            while len(records) < count:
                for batch in (await consumer.getmany(timeout_ms=500)).values():
                    records.extend(batch)
        for batch in (await consumer.getmany(timeout_ms=500)).values():
            records.extend(batch)  # anything beyond ``count`` shows up as a failure
    finally:
        await consumer.stop()
    return records
