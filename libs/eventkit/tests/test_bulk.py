"""Appending to many streams at once (``eventkit.bulk``): after each stream's end, atomically
with the unit of work, and after a writer that raced it."""

from __future__ import annotations

import asyncio
from contextlib import AsyncExitStack

import pytest
from eventkit import EventStore, NewEvent
from eventkit.bulk import append_to_streams
from sqlalchemy import text


def event(n: int) -> NewEvent:
    return NewEvent("Happened", {"n": n})


async def test_each_stream_continues_after_its_own_end(store: EventStore) -> None:
    # given one stream with two events and one that does not exist yet
    await store.append("a", 0, [event(1), event(2)])
    # when one call appends to both
    async with store.unit_of_work() as uow:
        ends = await append_to_streams(uow.connection, {"a": [event(3)], "b": [event(4), event(5)]})
    # then each stream continues after its own last revision
    assert ends == {"a": 3, "b": 2}
    assert [(e.revision, e.data["n"]) for e in await store.load("a")] == [(1, 1), (2, 2), (3, 3)]
    assert [(e.revision, e.data["n"]) for e in await store.load("b")] == [(1, 4), (2, 5)]


async def test_the_append_rolls_back_with_its_unit_of_work(store: EventStore) -> None:
    # given a unit of work that appends in bulk and then fails
    async def failing_batch() -> None:
        async with store.unit_of_work() as uow:
            await append_to_streams(uow.connection, {"a": [event(1)], "b": [event(2)]})
            raise RuntimeError("the rest of the batch failed")

    with pytest.raises(RuntimeError):
        await failing_batch()
    # then nothing was appended
    assert await store.load("a") == []
    assert await store.load("b") == []


@pytest.mark.integration
async def test_a_racing_writer_is_appended_after_not_lost(pg_store: EventStore) -> None:
    # given a writer holding an uncommitted append to stream "a"
    async with AsyncExitStack() as held:
        first = await held.enter_async_context(pg_store.unit_of_work())
        await first.append("a", 0, [event(1)])
        # when a bulk append that saw "a" empty inserts revision 1 too, and waits on it
        async with pg_store.unit_of_work() as uow:
            bulk = asyncio.create_task(
                append_to_streams(uow.connection, {"a": [event(2)], "b": [event(3)]})
            )
            await _until_blocked_on_a_lock(pg_store)
            await held.aclose()  # the first writer commits
            ends = await bulk
    # then the bulk append went after the writer that won, and nothing was lost
    assert ends == {"a": 2, "b": 1}
    assert [e.data["n"] for e in await pg_store.load("a")] == [1, 2]
    assert [e.data["n"] for e in await pg_store.load("b")] == [3]


async def _until_blocked_on_a_lock(store: EventStore) -> None:
    query = text(
        "select count(*) from pg_stat_activity"
        " where datname = current_database() and wait_event_type = 'Lock'"
    )
    while True:
        async with store.engine.connect() as conn:
            if await conn.scalar(query):
                return
        await asyncio.sleep(0.01)
