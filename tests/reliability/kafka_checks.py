"""Raw looks at the broker: records as bytes, re-produced duplicates, consumer lag."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from devstack._proc import run_sync

from tests.kafka_tools import read_raw


def raw_records(bootstrap: str, topic: str, seconds: float = 4.0) -> list[Any]:
    return run_sync(lambda: read_raw(bootstrap, topic, seconds=seconds))


def header(record: Any, name: str) -> str | None:
    value = dict(record.headers or ()).get(name)
    return None if value is None else bytes(value).decode(errors="replace")


def produce_raw(
    bootstrap: str, topic: str, records: Sequence[tuple[bytes | None, bytes, list[tuple[str, bytes]]]],
    **producer_options: Any,
) -> None:
    """Send (key, value, headers) as given: duplicates keep their event id, poison its bytes."""

    async def send() -> None:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", **producer_options)
        await producer.start()
        try:
            for key, value, headers in records:
                await producer.send_and_wait(topic, value, key=key, headers=headers)
        finally:
            await producer.stop()

    run_sync(send)


def as_sent(record: Any) -> tuple[bytes | None, bytes, list[tuple[str, bytes]]]:
    return record.key, record.value or b"", [(k, bytes(v)) for k, v in record.headers or ()]


def wait_consumed(bootstrap: str, topic: str, groups: int, timeout: float = 60.0) -> None:
    """Until ``groups`` consumer groups have committed offsets at the end of ``topic``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if run_sync(lambda: _groups_at_end(bootstrap, topic)) >= groups:
            return
        time.sleep(0.5)
    raise AssertionError(f"consumers of {topic} did not catch up in {timeout}s")


async def _groups_at_end(bootstrap: str, topic: str) -> int:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    await admin.start()
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        if not partitions:
            await consumer.topics()
            partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        ends = await consumer.end_offsets(partitions)
        at_end = 0
        for group, *_ in await admin.list_consumer_groups():
            offsets = await admin.list_consumer_group_offsets(group, partitions=partitions)
            committed = {tp: meta.offset for tp, meta in offsets.items() if meta is not None}
            if any(tp in committed for tp in partitions) and all(
                committed.get(tp, 0) >= end for tp, end in ends.items()
            ):
                at_end += 1
        return at_end
    finally:
        await consumer.stop()
        await admin.close()
        await asyncio.sleep(0)
