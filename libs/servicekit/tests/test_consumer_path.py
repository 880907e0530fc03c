"""The consumer path on the real broker and PostgreSQL: FastStream subscriber, pipeline,
per-partition commits, dead letters."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from eventkit import (
    EventStore,
    Inbound,
    NewEvent,
    OutboxRelay,
    TopicSpec,
    UnitOfWork,
    ensure_topics,
)
from eventkit.schema import events
from faststream.kafka import KafkaBroker
from samspil_contracts import Envelope, OrderAccepted, dlq, encode
from samspil_contracts.testing import AT, example_event
from servicekit import db
from servicekit.dead_letters import OutboxDeadLetters
from servicekit.inbound import InboundPipeline, Outcome
from servicekit.kafka import subscribe
from servicekit.retries import RetryPolicy
from sqlalchemy import select

pytestmark = pytest.mark.integration
POLICY = RetryPolicy(max_attempts=3, pause_seconds=0.3)
Headers = list[tuple[str, bytes]]


def event(partition_key: str) -> tuple[bytes, bytes, Headers, str]:
    """(key, value, headers, event id) of a genuine OrderAccepted."""
    wire = encode(
        example_event(OrderAccepted), subject=partition_key, revision=1,
        correlation_id=uuid.uuid4(), producer="/samspil/test", occurred_at=AT,
    )  # fmt: skip
    return wire.key, wire.value, list(wire.headers), str(wire.event_id)


@dataclass
class Consuming:
    """A subscription under test: what its handler saw, its batches, its dead letters."""

    topic: str
    group: str
    bootstrap: str
    handled: list[str] = field(default_factory=list)  # event ids, and "dead" per dead letter
    batches: list[int] = field(default_factory=list)

    async def produce(self, records: Sequence[tuple[int, bytes, bytes, Headers]]) -> None:
        producer = AIOKafkaProducer(bootstrap_servers=self.bootstrap, acks="all")
        await producer.start()
        try:
            for partition, key, value, headers in records:
                await producer.send_and_wait(
                    self.topic, value, key=key, headers=headers, partition=partition
                )
        finally:
            await producer.stop()

    async def committed(self) -> dict[int, int]:
        consumer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, group_id=self.group)
        await consumer.start()
        try:
            parts = [TopicPartition(self.topic, p) for p in (0, 1)]
            return {tp.partition: (await consumer.committed(tp)) or 0 for tp in parts}
        finally:
            await consumer.stop()

    async def dead_letters(self) -> list[Any]:
        """Every record of the dead-letter topic (all sent once ``run`` stopped its relay)."""
        consumer = AIOKafkaConsumer(
            dlq(self.topic), bootstrap_servers=self.bootstrap, auto_offset_reset="earliest"
        )
        await consumer.start()
        found: list[Any] = []
        try:
            while fetched := await consumer.getmany(timeout_ms=2000):
                found += [r for batch in fetched.values() for r in batch]
            return found
        finally:
            await consumer.stop()


async def apply(uow: UnitOfWork, envelope: Envelope, journal: list[str]) -> None:
    """The effect: a stream of its own per event (a second effect could not append)."""
    await uow.append(f"applied-{envelope.event_id}", 0, [NewEvent("Applied", {})])
    journal.append(str(envelope.event_id))


async def applied(store: EventStore) -> list[str]:
    """Event ids with an effect, once per effect (read from the table: ``read_all`` waits
    for every transaction of the shared cluster that began before)."""
    async with store.engine.connect() as conn:
        streams = (await conn.execute(select(events.c.stream_id))).scalars().all()
    return sorted(s.removeprefix("applied-") for s in streams)


class Journaled(OutboxDeadLetters):
    def __init__(self, journal: list[str]) -> None:
        self.journal = journal

    async def park(self, uow: UnitOfWork, inbound: Inbound, reason: str) -> None:
        await super().park(uow, inbound, reason)
        self.journal.append("dead")


class Counting(InboundPipeline):
    def __init__(self, *args: Any, batches: list[int], explode: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sizes, self.explode = batches, explode

    async def handle(self, records: Sequence[Inbound]) -> list[Outcome]:
        self.sizes.append(len(records))
        if len(self.sizes) <= self.explode:
            raise RuntimeError("a bug in the pipeline")
        return await super().handle(records)


@pytest.fixture
async def store(new_database_url: Callable[[str], str]) -> AsyncIterator[EventStore]:
    store = EventStore(db.engine_for(new_database_url("consumerpath")))
    await store.create_schema()
    yield store
    await store.engine.dispose()


@pytest.fixture
async def consuming(kafka_bootstrap: str) -> Consuming:
    topic = f"test.consumer.{uuid.uuid4().hex[:8]}"
    await ensure_topics(kafka_bootstrap, [TopicSpec(topic, 2), TopicSpec(dlq(topic), 1)])
    return Consuming(topic, f"{topic}.group", kafka_bootstrap)


async def eventually(probe: Callable[[], Awaitable[bool]], seconds: float = 30) -> None:
    give_up = time.monotonic() + seconds
    while not await probe():
        assert time.monotonic() < give_up, f"not settled within {seconds} s"
        await asyncio.sleep(0.1)


async def run(
    consuming: Consuming,
    store: EventStore,
    handler: Any,
    until: Any,
    meanwhile: Any = None,
    explode: int = 0,
) -> None:
    """Subscribe, run ``meanwhile()``, wait until ``until()`` holds (30 s at most), stop;
    the pipeline's first ``explode`` batches raise."""
    dead = Journaled(consuming.handled)
    pipeline = Counting(
        "test", store, dead, {OrderAccepted: handler}, retry=POLICY,
        batches=consuming.batches, explode=explode,
    )  # fmt: skip
    broker = KafkaBroker(consuming.bootstrap)
    subscribe(broker, pipeline, consuming.group, topics=[consuming.topic])
    relay, stop = (
        OutboxRelay(store.engine, consuming.bootstrap, poll_interval=0.05),
        asyncio.Event(),
    )
    relaying = asyncio.create_task(relay.run(stop))  # the dead letters leave by the outbox
    await broker.start()
    try:
        if meanwhile is not None:
            await meanwhile()
        await eventually(until)
    finally:
        await broker.stop()
        stop.set()
        await relaying


async def test_an_odd_header_loses_no_record_and_its_bad_record_is_dead_lettered(
    consuming: Consuming, store: EventStore
) -> None:
    # Given a record, one with a foreign header that is not UTF-8, one whose ce_subject is
    # not UTF-8, and one more record, on one partition
    first, odd, bad, last = (event("order-1") for _ in range(4))
    sent = [
        (0, first[0], first[1], first[2]),
        (0, odd[0], odd[1], [*odd[2], ("x-vendor", b"\xff\xfe")]),
        (0, bad[0], bad[1], [(k, b"\xff\xfe" if k == "ce_subject" else v) for k, v in bad[2]]),
        (0, last[0], last[1], last[2]),
    ]

    async def handler(uow: UnitOfWork, envelope: Envelope, __: Any) -> None:
        await apply(uow, envelope, consuming.handled)

    async def one_at_a_time() -> None:
        # each its own fetch, so each is the one FastStream's parser sees
        for n, record in enumerate(sent, start=1):
            await consuming.produce([record])
            await eventually(lambda n=n: _at(consuming, n))

    async def settled() -> bool:
        return (await consuming.committed())[0] == 4

    # When the subscription consumes them, then as a batch of one fetch
    await run(consuming, store, handler, settled, meanwhile=one_at_a_time)
    await consuming.produce(sent)
    await run(consuming, store, handler, lambda: _at(consuming, 8))
    # Then the three records are handled once each (the second time they are duplicates),
    # the bad one is dead-lettered once per delivery, with the reason
    assert await applied(store) == sorted([first[3], odd[3], last[3]])
    letters = await consuming.dead_letters()
    assert [dict(r.headers)["x-dlq-reason"] for r in letters] == [
        b"header ce_subject is not UTF-8"
    ] * 2


async def _at(consuming: Consuming, offset: int) -> bool:
    return (await consuming.committed())[0] == offset


async def test_a_stuck_record_is_given_up_after_its_attempts_and_no_other_partition_waits(
    consuming: Consuming, store: EventStore
) -> None:
    # Given a record whose handler fails every time on partition 0, one behind it, and
    # records on partition 1
    stuck, behind, *others = (event(f"order-{n}") for n in range(5))
    await consuming.produce(
        [(0, *stuck[:3]), (0, *behind[:3]), *((1, *other[:3]) for other in others)]
    )
    other_ids = {other[3] for other in others}

    async def handler(uow: UnitOfWork, envelope: Envelope, __: Any) -> None:
        if str(envelope.event_id) == stuck[3]:
            raise OverflowError("date value out of range")
        await apply(uow, envelope, consuming.handled)

    async def settled() -> bool:
        return await consuming.committed() == {0: 2, 1: 3}

    # When the subscription consumes them
    await run(consuming, store, handler, settled)
    # Then partition 1 was handled while partition 0 still retried its record, which was
    # then dead-lettered once, with its exception, and the one behind it handled
    journal = consuming.handled  # (a batch that rolled back shows its records twice)
    last = {entry: n for n, entry in enumerate(journal)}
    assert max(last[other] for other in other_ids) < last["dead"]
    assert await applied(store) == sorted([behind[3], *other_ids])
    [letter] = await consuming.dead_letters()
    assert dict(letter.headers)["x-dlq-reason"] == b"handler failed 3 times: OverflowError"


async def test_what_one_fetch_brings_is_handled_as_one_batch(
    consuming: Consuming, store: EventStore
) -> None:
    # Given fifty records waiting before the subscription starts
    records = [event("order-1") for _ in range(50)]
    await consuming.produce([(0, *r[:3]) for r in records])

    async def handler(uow: UnitOfWork, envelope: Envelope, __: Any) -> None:
        await apply(uow, envelope, consuming.handled)

    async def settled() -> bool:
        return (await consuming.committed())[0] == 50

    # When it consumes them
    await run(consuming, store, handler, settled)
    # Then each is handled once, in far fewer batches than records
    assert consuming.handled == [r[3] for r in records]  # in order, none rolled back
    assert len(consuming.batches) < 10


async def test_a_batch_the_pipeline_fails_on_is_read_again_not_skipped(
    consuming: Consuming, store: EventStore
) -> None:
    # Given records on both partitions, and a pipeline whose first two batches raise
    records = [event(f"order-{n}") for n in range(6)]
    await consuming.produce([(n % 2, *r[:3]) for n, r in enumerate(records)])

    async def handler(uow: UnitOfWork, envelope: Envelope, __: Any) -> None:
        await apply(uow, envelope, consuming.handled)

    async def settled() -> bool:
        return await consuming.committed() == {0: 3, 1: 3}

    # When the subscription consumes them
    await run(consuming, store, handler, settled, explode=2)
    # Then every record is applied once all the same
    assert len(consuming.batches) > 2
    assert await applied(store) == sorted(r[3] for r in records)
