"""Raw looks at the broker: records as bytes, re-produced duplicates, consumer lag."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from devstack._proc import run_sync

from tests.kafka_tools import read_raw


def raw_records(bootstrap: str, topic: str, seconds: float = 3.0) -> list[Any]:
    return run_sync(lambda: read_raw(bootstrap, topic, seconds=seconds))


def records_to_end(bootstrap: str, topic: str) -> list[Any]:
    """Every record of ``topic`` up to its end offsets when called: one pass, none missed."""

    async def read() -> list[Any]:
        consumer = AIOKafkaConsumer(
            topic,
            bootstrap_servers=bootstrap,
            auto_offset_reset="earliest",
            enable_auto_commit=False,
            max_poll_records=5000,
        )
        await consumer.start()
        try:
            # no group: every partition is assigned once the metadata is in
            while not consumer.assignment():  # noqa: ASYNC110 (aiokafka offers no event)
                await asyncio.sleep(0.1)
            ends = await consumer.end_offsets(list(consumer.assignment()))
            out: list[Any] = []
            while [tp for tp, end in ends.items() if await consumer.position(tp) < end]:
                for tp, records in (await consumer.getmany(timeout_ms=1000)).items():
                    out.extend(r for r in records if r.offset < ends[tp])
            return out
        finally:
            await consumer.stop()

    return run_sync(read)


def header(record: Any, name: str) -> str | None:
    value = dict(record.headers or ()).get(name)
    return None if value is None else bytes(value).decode(errors="replace")


def produce_raw(
    bootstrap: str,
    topic: str,
    records: Sequence[tuple[bytes | None, bytes, list[tuple[str, bytes]]]],
    **producer_options: Any,
) -> None:
    """Send (key, value, headers) as given: duplicates keep their event id, poison its bytes."""

    async def send() -> None:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", **producer_options)
        await producer.start()
        try:
            sent = [
                await producer.send(topic, value, key=key, headers=headers)
                for key, value, headers in records
            ]
            await asyncio.gather(*sent)  # batched, in order per partition
        finally:
            await producer.stop()

    run_sync(send)


def as_sent(record: Any) -> tuple[bytes | None, bytes, list[tuple[str, bytes]]]:
    return record.key, record.value or b"", [(k, bytes(v)) for k, v in record.headers or ()]


def wait_consumed(bootstrap: str, topic: str, groups: Sequence[str], timeout: float = 60.0) -> None:
    """Until every consumer group in ``groups`` has committed the end of ``topic``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        behind = run_sync(lambda: _lagging(bootstrap, topic, groups))
        if not behind:
            return
        time.sleep(0.5)
    raise AssertionError(f"consumers of {topic} still behind after {timeout}s: {behind}")


async def _lagging(bootstrap: str, topic: str, groups: Sequence[str]) -> dict[str, int]:
    """Records not yet committed, per group (an OffsetFetch; nobody joins the group)."""
    partitions = [TopicPartition(topic, p) for p in await partitions_of(bootstrap, topic)]
    lag: dict[str, int] = {}
    for group in groups:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False
        )
        await consumer.start()
        try:
            ends = await consumer.end_offsets(partitions)
            behind = 0
            for tp, end in ends.items():
                behind += end - ((await consumer.committed(tp)) or 0)
            if behind > 0:
                lag[group] = behind
        finally:
            await consumer.stop()
    return lag


async def partitions_of(bootstrap: str, topic: str) -> list[int]:
    """The topic's partitions, waiting for its metadata (a consumer's ``topics()`` does not
    fill the cache ``partitions_for_topic`` reads, so that one can say "none" meanwhile)."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        return sorted(await producer.partitions_for(topic))
    finally:
        await producer.stop()


def produce_to_every_partition(
    bootstrap: str,
    topic: str,
    value: bytes,
    headers: list[tuple[str, bytes]],
    **producer_options: Any,
) -> int:
    """One copy per partition, so no partition can hide a consumer stuck behind it."""

    async def send() -> int:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", **producer_options)
        await producer.start()
        try:
            partitions = sorted(await producer.partitions_for(topic))
            for partition in partitions:
                await producer.send_and_wait(topic, value, headers=headers, partition=partition)
            return len(partitions)
        finally:
            await producer.stop()

    return run_sync(send)
