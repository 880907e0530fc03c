"""One protocol, three stores: in memory, SQLite and PostgreSQL behave alike through
``Store`` / ``Transaction`` (what application code and its fast tests rely on)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from uuid import uuid4

import pytest
from eventkit import (
    ConcurrencyError,
    EventStore,
    MemoryEventStore,
    NewEvent,
    OutboxMessage,
    Store,
)
from eventkit.schema import outbox
from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from .conftest import database_url


@pytest.fixture(params=["memory", "sqlite", "postgresql"])
async def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    if request.param == "memory":
        yield MemoryEventStore()
        return
    engine = create_async_engine(await database_url(request, request.param, tmp_path))
    store = EventStore(engine)
    await store.create_schema()
    yield store
    await engine.dispose()


async def sent(store: Store) -> list[bytes]:
    """The values the relay would send, in the order they were enqueued."""
    if isinstance(store, MemoryEventStore):
        return [m.value for m in store.outbox]
    assert isinstance(store, EventStore)
    async with store.engine.connect() as conn:
        query = select(outbox.c.value).order_by(outbox.c.id)
        return [bytes(v) for v in await conn.scalars(query)]


def event(n: int) -> NewEvent:
    return NewEvent("Noted", {"n": n}, metadata={"actor": "test"})


def message(value: bytes) -> OutboxMessage:
    return OutboxMessage(topic="t", key=b"k", value=value)


async def test_a_unit_of_work_commits_events_and_outbox_together(any_store: Store) -> None:
    # Given a stream with one event
    await any_store.append("s-1", 0, [event(1)])
    # When a unit of work reads it, appends after it and enqueues a record
    async with any_store.unit_of_work() as uow:
        seen = await uow.load("s-1")
        revision = await uow.append("s-1", seen[-1].revision, [event(2)])
        mine = await uow.load("s-1", after=1)
        await uow.enqueue([message(b"one")])
    # Then the transaction saw its own append, and both committed
    assert (revision, [e.data["n"] for e in mine]) == (2, [2])
    assert [e.data["n"] for e in await any_store.load("s-1")] == [1, 2]
    assert [e.data["n"] for e in await any_store.load("s-1", after=1)] == [2]
    assert await sent(any_store) == [b"one"]


async def test_a_failed_unit_of_work_leaves_nothing_behind(any_store: Store) -> None:
    # When a unit of work appends and enqueues, then fails
    async def failing() -> None:
        async with any_store.unit_of_work() as uow:
            await uow.append("s-1", 0, [event(1)])
            await uow.enqueue([message(b"lost")])
            await uow.seen("consumer", uuid4())
            raise RuntimeError("the handler failed")

    with pytest.raises(RuntimeError):
        await failing()
    # Then neither the events nor the record exist
    assert await any_store.load("s-1") == []
    assert await sent(any_store) == []


async def test_an_append_on_a_stale_revision_is_refused(any_store: Store) -> None:
    # Given a stream at revision 2
    await any_store.append("s-1", 0, [event(1), event(2)])
    # When a writer appends as if it were at revision 1
    with pytest.raises(ConcurrencyError) as refused:
        async with any_store.unit_of_work() as uow:
            await uow.append("s-1", 1, [event(3)])
    # Then it learns where the stream is, and nothing was added
    assert (refused.value.expected, refused.value.actual) == (1, 2)
    assert len(await any_store.load("s-1")) == 2


async def test_appends_to_many_streams_go_after_each_ones_end(any_store: Store) -> None:
    # Given one stream with an event and one without
    await any_store.append("a", 0, [event(1)])
    # When a batch writer appends to both without naming revisions
    async with any_store.unit_of_work() as uow:
        ends = await uow.append_to_streams({"a": [event(2)], "b": [event(3), event(4)]})
    # Then each got its events after its own end
    assert ends == {"a": 2, "b": 2}
    assert [e.revision for e in await any_store.load("b")] == [1, 2]


async def test_the_inbox_remembers_what_was_processed_once_committed(any_store: Store) -> None:
    first, second = uuid4(), uuid4()
    async with any_store.unit_of_work() as uow:
        assert await uow.seen("c", first) is False
        assert await uow.seen("c", first) is True  # the same event again in one batch
    async with any_store.unit_of_work() as uow:
        again = await uow.seen_many("c", [first, second])
        other_consumer = await uow.seen("d", first)
    assert (again, other_consumer) == ({first}, False)


async def test_a_message_enqueued_twice_is_sent_once(any_store: Store) -> None:
    twice = message(b"once")
    async with any_store.unit_of_work() as uow:
        await uow.enqueue([twice])
    async with any_store.unit_of_work() as uow:
        await uow.enqueue([twice])
    assert await sent(any_store) == [b"once"]


async def test_read_all_pages_through_every_stream_in_commit_order(any_store: Store) -> None:
    await any_store.append("a", 0, [event(1)])
    await any_store.append("b", 0, [event(2)])
    await any_store.append("a", 1, [event(3)])
    await any_store.settle()  # no older transaction anywhere on the server still open
    first = await any_store.read_all(limit=2)
    rest = await any_store.read_all(after=first[-1].position)
    assert [e.data["n"] for e in first + rest] == [1, 2, 3]


async def test_two_memory_writers_on_one_stream_one_wins() -> None:
    # Given two units of work that both read a new stream (as PostgreSQL's unique revision
    # refuses the second insert, the memory store refuses the second commit)
    store = MemoryEventStore()

    async def interleaved() -> None:
        async with store.unit_of_work() as late:
            await late.append("s", 0, [event(1)])
            async with store.unit_of_work() as early:
                await early.append("s", 0, [event(2)])

    with pytest.raises(ConcurrencyError):
        await interleaved()
    # Then only the first commit holds
    assert [e.data["n"] for e in await store.load("s")] == [2]
