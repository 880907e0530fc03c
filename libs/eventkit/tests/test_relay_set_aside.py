"""A row Kafka will never take is set aside, and the rows after it are delivered."""

from __future__ import annotations

import pytest
from eventkit import EventStore, OutboxMessage, OutboxRelay, TopicSpec, ensure_topics
from eventkit import outbox_dead_letters as set_aside
from eventkit.schema import outbox, outbox_dead_letters
from prometheus_client import REGISTRY
from sqlalchemy import select

from .kafka_helpers import consume, fresh_topic, kafka_bootstrap_or_skip

pytestmark = pytest.mark.integration
ALMOST_A_MEBIBYTE = 1024 * 1024 - 100  # the value alone passes a 1 MiB check; not the record


@pytest.fixture
def bootstrap(request: pytest.FixtureRequest) -> str:
    return kafka_bootstrap_or_skip(request)


def message(topic: str, key: bytes, value: bytes) -> OutboxMessage:
    headers = (("ce_id", key + b"-id"), ("ce_type", b"dk.samspil.provider.material_published"))
    return OutboxMessage(topic, key, value, headers)


def set_aside_count(topic: str) -> float:
    labels = {"topic": topic}
    return REGISTRY.get_sample_value("eventkit_outbox_set_aside_total", labels) or 0.0


async def test_an_oversize_row_is_set_aside_and_the_rows_after_it_are_delivered(
    store: EventStore, bootstrap: str
) -> None:
    # Given a tenant's row, a row too large for the producer, and another tenant's row
    topic = await fresh_topic(bootstrap, "setaside")
    rows = [
        message(topic, b"tenant-a", b"first"),
        message(topic, b"tenant-a", b"x" * ALMOST_A_MEBIBYTE),
        message(topic, b"tenant-b", b"second"),
    ]
    await store.append("material-a", 0, [], outbox=rows)
    relay = OutboxRelay(store.engine, bootstrap)
    # When the relay runs
    try:
        done = [await relay.run_once(), await relay.run_once()]
    finally:
        await relay.stop()
    # Then the other rows reach Kafka, in order, and the big one is set aside, with why
    assert done == [3, 0]
    assert [r.value for r in await consume(bootstrap, topic, 2)] == [b"first", b"second"]
    assert await relay.backlog() == (0, 0.0)
    async with store.engine.connect() as conn:
        [aside] = (await conn.execute(select(outbox_dead_letters))).mappings().all()
        unsent = select(outbox.c.value).where(outbox.c.sent_at.is_(None))
        assert (await conn.execute(unsent)).all() == []
        assert await set_aside.count(conn) == 1
    assert (aside["topic"], aside["key"], len(aside["value"])) == (
        topic, b"tenant-a", ALMOST_A_MEBIBYTE,
    )  # fmt: skip
    assert aside["reason"].startswith("MessageSizeTooLargeError")
    assert aside["attempts"] == 1
    assert set_aside_count(topic) == 1


async def test_a_row_the_broker_refuses_is_set_aside_too(store: EventStore, bootstrap: str) -> None:
    # Given a topic whose broker-side limit is smaller than the producer's
    topic = await fresh_topic(bootstrap, "small")
    small = f"{topic}.limited"
    await ensure_topics(bootstrap, [TopicSpec(small, 1, 1, {"max.message.bytes": "2000"})])
    await store.append(
        "s", 0, [], outbox=[message(small, b"k", b"y" * 50_000), message(topic, b"k", b"ok")]
    )
    relay = OutboxRelay(store.engine, bootstrap)
    # When the relay runs
    try:
        assert await relay.run_once() == 2
    finally:
        await relay.stop()
    # Then the broker's refusal sets the row aside and the other row is delivered
    assert [r.value for r in await consume(bootstrap, topic, 1)] == [b"ok"]
    async with store.engine.connect() as conn:
        [aside] = (await conn.execute(select(outbox_dead_letters))).mappings().all()
    assert aside["topic"] == small
    assert "TooLarge" in aside["reason"]


async def test_a_set_aside_row_can_be_put_back_once_the_cause_is_gone(
    store: EventStore, bootstrap: str
) -> None:
    # Given a row that was set aside (say, over a topic's limit since raised)
    topic = await fresh_topic(bootstrap, "requeue")
    await store.append("r", 0, [], outbox=[message(topic, b"k", b"back")])
    async with store.engine.begin() as conn:
        [row] = (await conn.execute(select(outbox.c.id))).all()
        await set_aside.set_aside(conn, [(row, "MessageSizeTooLargeError: over the limit")])
    # When ops put it back into the outbox, and the relay runs
    async with store.engine.begin() as conn:
        assert await set_aside.requeue(conn, [row.id]) == 1
    relay = OutboxRelay(store.engine, bootstrap)
    try:
        assert await relay.run_once() == 1
    finally:
        await relay.stop()
    # Then it is delivered, and nothing is left aside
    assert [r.value for r in await consume(bootstrap, topic, 1)] == [b"back"]
    async with store.engine.connect() as conn:
        assert await set_aside.count(conn) == 0
