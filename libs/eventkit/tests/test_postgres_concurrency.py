"""Concurrent transactions on PostgreSQL: gap-safe read_all and the last-line revision guard."""

from __future__ import annotations

import asyncio
import random
from contextlib import AsyncExitStack
from uuid import uuid4

import pytest
from eventkit import ConcurrencyError, EventStore, NewEvent, RecordedEvent, UnitOfWork

pytestmark = pytest.mark.integration


def event(n: int = 0) -> NewEvent:
    return NewEvent("Happened", {"n": n})


async def open_uow(store: EventStore, stack: AsyncExitStack) -> UnitOfWork:
    """A unit of work that stays open (uncommitted) until ``stack`` is closed."""
    return await stack.enter_async_context(store.unit_of_work())


async def test_read_all_waits_for_an_earlier_position_still_in_flight(pg_store: EventStore) -> None:
    # given a transaction holding position 1 open while another commits position 2
    async with AsyncExitStack() as held:
        slow = await open_uow(pg_store, held)
        await slow.append("slow", 0, [event()])
        await pg_store.append("fast", 0, [event()])

        # when a reader reads meanwhile
        during = await pg_store.read_all(after=0)

        # then it sees neither (returning 2 now would skip 1 for good)
        assert during == []

    # and once the slow one commits, both come, in position order
    await pg_store.settle()
    after = await pg_store.read_all(after=0)
    assert [e.stream_id for e in after] == ["slow", "fast"]


async def test_read_all_never_skips_a_smaller_position_that_commits_later(
    pg_store: EventStore,
) -> None:
    # given transaction B got its id first (it wrote an inbox row), then A appended
    # (smaller position) and stays open while B appends (larger position) and commits
    async with AsyncExitStack() as held_a:
        async with AsyncExitStack() as held_b:
            b = await open_uow(pg_store, held_b)
            await b.seen("consumer", uuid4())
            a = await open_uow(pg_store, held_a)
            await a.append("a", 0, [event()])
            await b.append("b", 0, [event()])
        # when a reader reads B's event and checkpoints it
        seen_first = await pg_store.read_all(after=0)
        assert [e.stream_id for e in seen_first] == ["b"]
    # then after A commits, resuming from that checkpoint still yields A's event
    seen_next = await pg_store.read_all(after=seen_first[-1].position)
    assert [e.stream_id for e in seen_next] == ["a"]
    assert seen_next[0].position < seen_first[0].position


async def test_a_reader_following_busy_writers_sees_every_event_exactly_once(
    pg_store: EventStore,
) -> None:
    # given many writers whose transactions overlap and commit in random order
    rng = random.Random(7)
    written: list[NewEvent] = []

    async def writer(n: int) -> None:
        async with pg_store.unit_of_work() as uow:
            if n % 2:
                await uow.seen("writer", uuid4())  # take a transaction id early
            await asyncio.sleep(rng.uniform(0, 0.05))
            new = [event(n), event(n)]
            await uow.append(f"stream-{n}", 0, new)
            written.extend(new)
            await asyncio.sleep(rng.uniform(0, 0.05))

    # when a reader polls read_all from its checkpoint all along
    received: list[RecordedEvent] = []
    writers = asyncio.gather(*(writer(n) for n in range(40)))
    checkpoint = 0
    while not writers.done() or len(received) < len(written):
        batch = await pg_store.read_all(after=checkpoint, limit=7)
        received.extend(batch)
        checkpoint = batch[-1].position if batch else checkpoint
        await asyncio.sleep(0.002)
    await writers

    # then it received each event once: nothing skipped, nothing twice
    assert sorted(str(e.event_id) for e in received) == sorted(str(e.event_id) for e in written)


async def test_a_racing_append_is_stopped_by_the_revision_constraint(pg_store: EventStore) -> None:
    # given an append to a new stream that has not committed yet
    async with AsyncExitStack() as held:
        first = await open_uow(pg_store, held)
        await first.append("order-1", 0, [event(1)])
        # when a second writer, who also saw an empty stream, appends
        racing = asyncio.create_task(pg_store.append("order-1", 0, [event(2)]))
        await asyncio.sleep(0.2)
        assert not racing.done()  # it waits on the unique index for the first to finish

    # then it loses with the revision that won
    with pytest.raises(ConcurrencyError) as caught:
        await racing
    assert (caught.value.expected, caught.value.actual) == (0, 1)
    assert [e.data["n"] for e in await pg_store.load("order-1")] == [1]


async def test_read_all_refuses_a_position_it_never_returned(pg_store: EventStore) -> None:
    with pytest.raises(LookupError):
        await pg_store.read_all(after=12345)
