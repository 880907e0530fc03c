"""``EventStore.replay``: where it resumes, what it hands out, and stopping it early."""

from __future__ import annotations

import gc
from uuid import UUID

import pytest
from eventkit import EventStore, NewEvent
from sqlalchemy.ext.asyncio import create_async_engine


def happened(n: int) -> NewEvent:
    return NewEvent("Happened", {"n": n, "nested": {"list": [n]}}, metadata={"actor": "test"})


async def given_events(store: EventStore, count: int) -> None:
    for n in range(count):
        await store.append(f"s-{n % 3}", n // 3, [happened(n)])
    await store.settle()


async def test_a_replay_after_a_checkpoint_continues_where_read_all_would(
    store: EventStore,
) -> None:
    # given seven events, and a checkpoint after the first three read_all gave
    await given_events(store, 7)
    checkpoint = (await store.read_all(after=0, limit=3))[-1].position

    # when replayed from that checkpoint in batches of two
    batches = [batch async for batch in store.replay(after=checkpoint, batch_size=2)]

    # then the rest comes in read_all's order
    assert [len(b) for b in batches] == [2, 2]
    assert [e for b in batches for e in b] == await store.read_all(after=checkpoint)


async def test_replayed_events_are_typed_values(store: EventStore) -> None:
    # given an event
    await given_events(store, 1)

    # when replayed
    [[event]] = [batch async for batch in store.replay()]

    # then its fields are decoded and typed, and the event itself cannot be changed
    assert isinstance(event.event_id, UUID)
    assert event.recorded_at.tzinfo is not None
    assert event.data == {"n": 0, "nested": {"list": [0]}}
    assert event.metadata == {"actor": "test"}
    with pytest.raises(AttributeError):
        event.data = {}  # type: ignore[misc]
    assert event._replace(data={}).data == {}
    assert event.data["n"] == 0
    # and the garbage collector, paused while a batch is built, runs again
    assert gc.isenabled()


async def test_a_replay_left_early_leaves_its_connection_usable(pg_store: EventStore) -> None:
    # given six events and an engine with a single connection
    await given_events(pg_store, 6)
    engine = create_async_engine(pg_store.engine.url, pool_size=1, max_overflow=0)
    store = EventStore(engine)
    try:
        # when a replay is left after its first batch (the next one already asked for)
        replay = store.replay(batch_size=2)
        first = await anext(replay)
        await replay.aclose()

        # then that connection reads again, and a new replay gets everything
        assert await store.read_all(after=0, limit=2) == first
        assert sum([len(b) async for b in store.replay(batch_size=2)]) == 6
    finally:
        await engine.dispose()
