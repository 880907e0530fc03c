"""The outbox relay against the real broker: delivered in order, at least once, never lost."""

from __future__ import annotations

import asyncio

import pytest
from eventkit import (
    EventStore,
    Inbound,
    NewEvent,
    OutboxMessage,
    OutboxRelay,
    TopicSpec,
    dead_letter,
    ensure_topics,
)
from eventkit.relay import _RELAY_LOCK
from eventkit.schema import outbox as outbox_table
from eventkit.wakeup import OUTBOX_CHANNEL, notify_outbox
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from .kafka_helpers import consume, fresh_topic, kafka_bootstrap_or_skip

pytestmark = pytest.mark.integration


@pytest.fixture
def bootstrap(request: pytest.FixtureRequest) -> str:
    return kafka_bootstrap_or_skip(request)


def message(topic: str, key: bytes, value: bytes) -> OutboxMessage:
    return OutboxMessage(topic, key, value, (("ce_id", value), ("ce_type", b"Happened")))


async def test_committed_messages_reach_kafka_in_order_and_are_marked_sent(
    store: EventStore, bootstrap: str
) -> None:
    # given five messages for one key, committed with events
    topic = await fresh_topic(bootstrap, "relay", partitions=3)
    outbox = [message(topic, b"case-1", f"m{n}".encode()) for n in range(5)]
    await store.append("case-1", 0, [NewEvent("Happened", {})], outbox=outbox)
    relay = OutboxRelay(store.engine, bootstrap, batch_size=3)

    # when the relay runs until idle
    try:
        sent = [await relay.run_once() for _ in range(3)]
    finally:
        await relay.stop()

    # then they arrive in order with their headers, and nothing is left to send
    records = await consume(bootstrap, topic, 5)
    assert sent == [3, 2, 0]
    assert [r.value for r in records] == [b"m0", b"m1", b"m2", b"m3", b"m4"]
    assert {r.key for r in records} == {b"case-1"}
    assert records[0].headers == (("ce_id", b"m0"), ("ce_type", b"Happened"))
    assert await relay.backlog() == (0, 0.0)


class CrashAfterSending(OutboxRelay):
    """Dies after Kafka acknowledged the batch but before it is marked sent."""

    async def _mark_sent(self, conn: AsyncConnection, ids: list[int]) -> None:
        raise RuntimeError("process killed")


async def test_a_crash_between_send_and_mark_resends_instead_of_losing(
    store: EventStore, bootstrap: str
) -> None:
    # given a message the first relay sent but could not mark
    topic = await fresh_topic(bootstrap, "crash")
    await store.append("case-2", 0, [NewEvent("Happened", {})], outbox=[message(topic, b"k", b"x")])
    crashing = CrashAfterSending(store.engine, bootstrap)
    with pytest.raises(RuntimeError, match="killed"):
        await crashing.run_once()
    await crashing.stop()
    backlog, _ = await crashing.backlog()
    assert backlog == 1

    # when a relay restarts
    restarted = OutboxRelay(store.engine, bootstrap)
    try:
        assert await restarted.run_once() == 1
        assert await restarted.run_once() == 0
    finally:
        await restarted.stop()

    # then the message is there twice (consumers drop the duplicate), and marked sent
    records = await consume(bootstrap, topic, 2)
    assert [r.value for r in records] == [b"x", b"x"]
    assert (await restarted.backlog())[0] == 0
    async with store.engine.connect() as conn:
        assert await conn.scalar(select(outbox_table.c.attempts)) == 2


async def test_the_running_relay_forwards_new_messages_until_stopped(
    store: EventStore, bootstrap: str
) -> None:
    # given a relay running in the background
    topic = await fresh_topic(bootstrap, "run")
    relay = OutboxRelay(store.engine, bootstrap, poll_interval=0.01)
    stop = asyncio.Event()
    running = asyncio.create_task(relay.run(stop))

    # when a message is committed
    await store.append("case-3", 0, [], outbox=[message(topic, b"k", b"live")])

    # then it arrives without anyone calling the relay, and the relay stops on request
    assert [r.value for r in await consume(bootstrap, topic, 1)] == [b"live"]
    stop.set()
    await asyncio.wait_for(running, 10)


async def test_a_dead_letter_keeps_the_record_and_says_why(
    store: EventStore, bootstrap: str
) -> None:
    # given a poison record consumed from a topic
    topic = await fresh_topic(bootstrap, "poison")
    await ensure_topics(bootstrap, [TopicSpec(f"{topic}.dlq")])
    inbound = Inbound(topic, 0, 41, b"case-4", b"not json", (("ce_type", b"Nonsense"),))

    # when it is dead-lettered (through the outbox, twice, as after a redelivery)
    letter = dead_letter(inbound, "unknown event type Nonsense", topic=f"{topic}.dlq")
    for _ in range(2):
        async with store.unit_of_work() as uow:
            await uow.enqueue([dead_letter(inbound, "again", topic=f"{topic}.dlq")])
    relay = OutboxRelay(store.engine, bootstrap)
    try:
        await relay.run_once()
    finally:
        await relay.stop()

    # then the DLQ topic holds it once, unchanged, with the reason and its origin
    [record] = await consume(bootstrap, f"{topic}.dlq", 1)
    headers = dict(record.headers)
    assert letter.message_id == dead_letter(inbound, "x", topic="t").message_id
    assert (record.key, record.value) == (b"case-4", b"not json")
    assert headers["ce_type"] == b"Nonsense"
    assert headers["x-dlq-reason"] == b"again"
    assert headers["x-dlq-source-topic"] == topic.encode()
    assert (headers["x-dlq-source-partition"], headers["x-dlq-source-offset"]) == (b"0", b"41")
    assert b"T" in headers["x-dlq-at"]


async def test_a_commit_that_notifies_wakes_the_relay_long_before_its_next_poll(
    pg_store: EventStore, bootstrap: str
) -> None:
    # given a running relay that would poll only once an hour
    topic = await fresh_topic(bootstrap, "wake")
    relay = OutboxRelay(pg_store.engine, bootstrap, poll_interval=3600, idle_interval=3600)
    stop = asyncio.Event()
    running = asyncio.create_task(relay.run(stop))
    await asyncio.sleep(1)  # let it finish its first (empty) batch and start waiting

    # when a transaction enqueues a message and notifies, as the services' publisher does
    async with pg_store.unit_of_work() as uow:
        await uow.enqueue([message(topic, b"k", b"woken")])
        await notify_outbox(uow.connection)

    # then the commit's notification brings it to Kafka: the hourly poll never came
    assert [r.value for r in await consume(bootstrap, topic, 1)] == [b"woken"]
    stop.set()
    await asyncio.wait_for(running, 10)


async def test_each_transaction_on_a_reused_connection_notifies_once(pg_store: EventStore) -> None:
    # given a listener on the outbox channel, and a store whose pool holds one connection
    engine = create_async_engine(pg_store.engine.url, pool_size=1, max_overflow=0)
    store, heard = EventStore(engine), asyncio.Queue[str]()
    async with pg_store.engine.connect() as listening:
        driver = (await listening.get_raw_connection()).driver_connection
        assert driver is not None
        await driver.add_listener(OUTBOX_CHANNEL, lambda *_: heard.put_nowait("woken"))
        for n in range(2):
            # when a transaction enqueues twice (and a later one on the same connection too)
            async with store.unit_of_work() as uow:
                await uow.enqueue([message("t", b"k", f"a{n}".encode())])
                await uow.enqueue([message("t", b"k", f"b{n}".encode())])
            # then each commit wakes the listener
            assert await asyncio.wait_for(heard.get(), 10) == "woken"
    await engine.dispose()


async def test_a_relay_sends_nothing_while_another_holds_the_sending_turn(
    pg_store: EventStore, bootstrap: str
) -> None:
    # given an unsent message, and another relay in the middle of its batch (holding the turn)
    topic = await fresh_topic(bootstrap, "turn")
    async with pg_store.unit_of_work() as uow:
        await uow.enqueue([message(topic, b"k", b"once")])
    relay = OutboxRelay(pg_store.engine, bootstrap)
    try:
        async with pg_store.engine.begin() as other:
            await other.execute(select(func.pg_advisory_xact_lock(_RELAY_LOCK)))
            # when this relay tries a batch meanwhile, it sends nothing
            assert await relay.run_once() == 0
        # then, once the turn is free, it sends the message
        assert await relay.run_once() == 1
    finally:
        await relay.stop()
    assert [r.value for r in await consume(bootstrap, topic, 1)] == [b"once"]
