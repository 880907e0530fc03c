"""Re-publishing from the outbox: the chosen sent events reach Kafka again, with their event
ids, in order; nothing outside the range is re-sent."""

from __future__ import annotations

import pytest
from eventkit import EventStore, NewEvent, OutboxMessage, OutboxRelay
from eventkit.republish import Selection, republish, republish_main
from eventkit.schema import outbox as outbox_table
from sqlalchemy import select

from .kafka_helpers import consume, fresh_topic, kafka_bootstrap_or_skip

pytestmark = pytest.mark.integration


def message(topic: str, n: int) -> OutboxMessage:
    return OutboxMessage(topic, b"case-1", f"m{n}".encode(), (("ce_id", f"id-{n}".encode()),))


async def relay_all(store: EventStore, bootstrap: str) -> None:
    relay = OutboxRelay(store.engine, bootstrap)
    try:
        while await relay.run_once():
            pass
    finally:
        await relay.stop()


async def test_events_from_a_position_are_sent_again_with_their_ids(
    store: EventStore, request: pytest.FixtureRequest
) -> None:
    bootstrap = kafka_bootstrap_or_skip(request)
    # Given five events delivered once (a topic that later lost them, say)
    topic = await fresh_topic(bootstrap, "republish")
    await store.append(
        "case-1", 0, [NewEvent("Happened", {})], outbox=[message(topic, n) for n in range(5)]
    )
    await relay_all(store, bootstrap)
    async with store.engine.connect() as conn:
        ids = list(await conn.scalars(select(outbox_table.c.id).order_by(outbox_table.c.id)))
    # When the events from the third on are re-published (a dry run first changes nothing)
    assert await republish(store.engine, Selection(from_id=ids[2]), dry_run=True) == 3
    assert await republish(store.engine, Selection(from_id=ids[2], topic=topic)) == 3
    await relay_all(store, bootstrap)
    # Then the topic holds them a second time, in order, with the same event ids
    records = await consume(bootstrap, topic, 8)
    assert [r.value for r in records] == [b"m0", b"m1", b"m2", b"m3", b"m4", b"m2", b"m3", b"m4"]
    assert [dict(r.headers)["ce_id"] for r in records[5:]] == [b"id-2", b"id-3", b"id-4"]
    # and nothing is left to send
    assert await republish(store.engine, Selection(from_id=ids[0]), dry_run=True) == 5


def test_the_command_wants_a_start(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        republish_main(lambda: None, ["--topic", "x"])  # type: ignore[arg-type,return-value]

    assert "--from-id or --since" in capsys.readouterr().err
