"""Inspect and replay a dead-letter topic: ``python -m servicekit.dlq list|replay --topic T``.

``list`` prints one JSON line per dead letter (where it came from, why, which event) and
never the payload, which may hold sealed personal data. ``replay`` re-publishes each dead
letter to its source topic, unchanged but without the ``x-dlq-*`` headers, once the cause
is fixed (a consumer upgraded to know a new event type, say). Replay progress is kept as
the offsets of the consumer group ``<dlq topic>.replay``, so running it twice re-sends
nothing; consumers deduplicate by event id anyway.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from dataclasses import asdict, dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from eventkit import deadletters as dlq_headers
from eventkit import started_producer
from eventkit.security import client_options
from samspil_contracts.topics import dlq as dlq_topic
from samspil_contracts.topics import dlq_source

ASSIGN_TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class DeadLetter:
    topic: str
    partition: int
    offset: int
    reason: str
    source_topic: str
    source_partition: str
    source_offset: str
    dead_lettered_at: str
    event_type: str
    event_id: str
    size: int


def describe(record: Any) -> DeadLetter:
    headers = {k: (v or b"").decode("utf-8", "replace") for k, v in record.headers or ()}
    return DeadLetter(
        topic=record.topic,
        partition=record.partition,
        offset=record.offset,
        reason=headers.get(dlq_headers.REASON, ""),
        source_topic=headers.get(dlq_headers.SOURCE_TOPIC, dlq_source(record.topic)),
        source_partition=headers.get(dlq_headers.SOURCE_PARTITION, ""),
        source_offset=headers.get(dlq_headers.SOURCE_OFFSET, ""),
        dead_lettered_at=headers.get(dlq_headers.AT, ""),
        event_type=headers.get("ce_type", ""),
        event_id=headers.get("ce_id", ""),
        size=len(record.value or b""),
    )


async def _drain(consumer: AIOKafkaConsumer) -> list[Any]:
    """Every record up to the end offsets as they were when we started."""
    await consumer.start()
    loop = asyncio.get_running_loop()
    give_up = loop.time() + ASSIGN_TIMEOUT_SECONDS
    while not consumer.assignment():  # the group join assigns partitions asynchronously
        if loop.time() > give_up:
            raise TimeoutError(f"no partitions assigned for {consumer.subscription()}")
        await consumer.getmany(timeout_ms=200)
    ends = await consumer.end_offsets(list(consumer.assignment()))
    records: list[Any] = []
    while any([await consumer.position(tp) < end for tp, end in ends.items()]):
        for batch in (await consumer.getmany(timeout_ms=500)).values():
            records.extend(r for r in batch if r.offset < ends[_partition_of(r)])
    return records


def _partition_of(record: Any) -> TopicPartition:
    return TopicPartition(record.topic, record.partition)


async def list_dead_letters(bootstrap: str, topic: str) -> list[DeadLetter]:
    consumer = AIOKafkaConsumer(
        dlq_topic(topic), bootstrap_servers=bootstrap, group_id=None,
        auto_offset_reset="earliest", enable_auto_commit=False, **client_options(),
    )  # fmt: skip
    try:
        return [describe(r) for r in await _drain(consumer)]
    finally:
        await consumer.stop()


async def replay(bootstrap: str, topic: str) -> list[DeadLetter]:
    """Re-publish the dead letters not yet replayed; the ones sent are returned."""
    source = dlq_topic(topic)
    consumer = AIOKafkaConsumer(
        source, bootstrap_servers=bootstrap, group_id=f"{source}.replay",
        auto_offset_reset="earliest", enable_auto_commit=False, **client_options(),
    )  # fmt: skip
    producer = await started_producer(
        bootstrap_servers=bootstrap, acks="all", enable_idempotence=True
    )
    try:
        records = await _drain(consumer)
        sent = []
        for record in records:
            letter = describe(record)
            headers = [
                (k, v)
                for k, v in record.headers or ()
                if not k.startswith(dlq_headers.HEADER_PREFIX)
            ]
            await producer.send_and_wait(
                letter.source_topic, value=record.value, key=record.key, headers=headers
            )
            sent.append(letter)
        await consumer.commit()  # only after every record was acknowledged by the broker
        return sent
    finally:
        await consumer.stop()
        await producer.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m servicekit.dlq", description=__doc__)
    parser.add_argument("command", choices=["list", "replay"])
    parser.add_argument("--topic", required=True, help="source topic or its .dlq topic")
    parser.add_argument(
        "--bootstrap", default=os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
    )
    args = parser.parse_args(argv)
    action = list_dead_letters if args.command == "list" else replay
    letters = asyncio.run(action(args.bootstrap, args.topic))
    for letter in letters:
        print(json.dumps(asdict(letter)))
    verb = "dead letters" if args.command == "list" else "replayed"
    print(f"{len(letters)} {verb}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
