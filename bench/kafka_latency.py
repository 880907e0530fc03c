"""Kafka round trip: raw aiokafka produce -> consume, against the transactional outbox path
(append with an outbox row -> ``OutboxRelay`` -> consume), both at the same steady rate
on the same broker, each on its own fresh topic.

Latency is measured in this one process with ``time.perf_counter``: raw from just before
``send`` to the consumer's receipt, outbox from the append's commit to the receipt. The
relay runs with its defaults (batch 500, woken by a ``NOTIFY`` after each commit, polling
once a second meanwhile), as a service runs it.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import Awaitable, Callable

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from eventkit import EventStore, NewEvent, OutboxMessage, OutboxRelay
from eventkit.wakeup import notify_outbox

from bench.core import Figure, Outcome, Sizes, percentile
from bench.infra import fresh_database, kafka, new_topic
from bench.payload import EVENT_TYPE, body, body_bytes, metadata

GOAL_RATIO = 5.0  # the full system's later goal: relay p99 within 5x the raw p99
DRAIN_SECONDS = 15.0
Send = Callable[[int, bytes], Awaitable[float]]  # (n, key) -> perf_counter of the "sent" moment


async def run(sizes: Sizes) -> Outcome:
    outcome = Outcome("kafka")
    bootstrap = kafka()
    raw = await raw_round_trip(bootstrap, sizes)
    relay = await _relay(bootstrap, sizes)
    lost = (raw[2], relay[2])
    outcome.figures += [
        Figure("kafka", "raw aiokafka round trip p50", raw[0] * 1000, "ms", note="info"),
        Figure("kafka", "raw aiokafka round trip p99", raw[1] * 1000, "ms", note="info"),
        Figure(
            "kafka",
            "outbox relay commit->consume p50",
            relay[0] * 1000,
            "ms",
            raw[0] * 1000,
            "raw p50",
            relay[0] / raw[0],
            note="info",
        ),
        Figure(
            "kafka",
            "outbox relay commit->consume p99",
            relay[1] * 1000,
            "ms",
            raw[1] * 1000,
            "raw p99",
            relay[1] / raw[1],
            f"<= {GOAL_RATIO:g}x raw p99",
            relay[1] / raw[1] <= GOAL_RATIO,
            "component figure; system goal comes later",
        ),
        Figure(
            "kafka",
            "messages lost (raw + relay)",
            float(sum(lost)),
            "msgs",
            goal="0",
            passed=sum(lost) == 0,
            note=f"raw {lost[0]}, relay {lost[1]}",
        ),
    ]
    count = int(sizes.kafka_rate * sizes.kafka_seconds)
    outcome.notes.append(f"kafka: {count} messages each at {sizes.kafka_rate}/s")
    return outcome


async def raw_round_trip(bootstrap: str, sizes: Sizes) -> tuple[float, float, int]:
    """Plain aiokafka produce -> consume at the steady rate: (p50 s, p99 s, lost)."""
    topic = await new_topic(bootstrap, "raw")
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    await producer.start()

    async def send(n: int, key: bytes) -> float:
        sent = time.perf_counter()
        await producer.send(topic, key=key, value=body_bytes(n))
        return sent

    try:
        return await _measure(bootstrap, topic, sizes, send)
    finally:
        await producer.stop()


async def _relay(bootstrap: str, sizes: Sizes) -> tuple[float, float, int]:
    topic = await new_topic(bootstrap, "relay")
    async with fresh_database("kafka") as db:
        engine = db.engine(pool_size=4)
        store = EventStore(engine)
        await store.create_schema()
        relay, stop = OutboxRelay(engine, bootstrap), asyncio.Event()
        relaying = asyncio.create_task(relay.run(stop))

        async def send(n: int, key: bytes) -> float:
            event = NewEvent(EVENT_TYPE, body(n), metadata=metadata())
            message = OutboxMessage(topic, key, body_bytes(n), message_id=uuid.UUID(bytes=key))
            await store.append(f"bench-{n}", 0, [event], outbox=[message])
            committed = time.perf_counter()
            async with engine.begin() as conn:  # the services notify inside the transaction
                await notify_outbox(conn)
            return committed

        try:
            return await _measure(bootstrap, topic, sizes, send)
        finally:
            stop.set()
            await relaying
            await engine.dispose()


async def _measure(
    bootstrap: str, topic: str, sizes: Sizes, send: Send
) -> tuple[float, float, int]:
    """Send at the steady rate, consume concurrently; (p50 s, p99 s, lost count).

    Receipts are noted by key and matched with the sends afterwards: a relayed record may
    arrive before its ``send`` returns (the relay can be awake already when the append
    commits), and counting only keys known at receipt once reported such records as lost.
    """
    sent: dict[bytes, float] = {}
    received: dict[bytes, float] = {}
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest")
    await consumer.start()
    count = int(sizes.kafka_rate * sizes.kafka_seconds)
    consuming = asyncio.create_task(_consume(consumer, received, count))
    try:
        start = time.perf_counter()
        for n in range(count):
            # Pace against the schedule, not the previous send, so slow sends do not lower the rate.
            await asyncio.sleep(max(0.0, start + n / sizes.kafka_rate - time.perf_counter()))
            key = uuid.uuid4().bytes
            sent[key] = await send(n, key)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(consuming), DRAIN_SECONDS)
    finally:
        consuming.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await consuming
        await consumer.stop()
    latencies = [received[key] - at for key, at in sent.items() if key in received]
    return percentile(latencies, 50), percentile(latencies, 99), count - len(latencies)


async def _consume(consumer: AIOKafkaConsumer, received: dict[bytes, float], count: int) -> None:
    """First receipt time of every key on the (fresh) topic, until ``count`` keys came."""
    async for record in consumer:
        if record.key is not None:
            received.setdefault(record.key, time.perf_counter())
            if len(received) == count:
                return
