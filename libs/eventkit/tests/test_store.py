"""The store contract, on PostgreSQL and SQLite alike."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from uuid import uuid4

import pytest
from eventkit import ConcurrencyError, EventStore, NewEvent, OutboxMessage
from eventkit.schema import outbox
from sqlalchemy import func, select


def opened(case: str) -> NewEvent:
    return NewEvent("CaseOpened", {"case": case}, metadata={"actor": "caseworker-1"})


def noted(text: str) -> NewEvent:
    return NewEvent("NoteAdded", {"text": text}, schema_version=2)


async def outbox_rows(store: EventStore) -> int:
    async with store.engine.connect() as conn:
        return int(await conn.scalar(select(func.count()).select_from(outbox)) or 0)


async def test_appended_events_load_back_in_revision_order(store: EventStore) -> None:
    # given a new stream with two events
    first, second = opened("c-1"), noted("hello")
    revision = await store.append("case-1", 0, [first, second])

    # when it is loaded
    loaded = await store.load("case-1")

    # then the events come back as appended, numbered 1..n
    assert revision == 2
    assert [e.revision for e in loaded] == [1, 2]
    assert [e.event_id for e in loaded] == [first.event_id, second.event_id]
    assert loaded[0].data == {"case": "c-1"}
    assert loaded[0].metadata == {"actor": "caseworker-1"}
    assert loaded[1].schema_version == 2
    assert loaded[0].recorded_at.tzinfo is not None
    assert loaded[0].position < loaded[1].position


async def test_after_a_revision_only_the_later_events_load(store: EventStore) -> None:
    # given a stream at revision 3
    await store.append("case-after", 0, [opened("c"), noted("a"), noted("b")])

    # when it is loaded after revision 1, in a unit of work and on its own
    async with store.unit_of_work() as uow:
        in_uow = await uow.load("case-after", after=1)
    alone = await store.load("case-after", after=1)

    # then revisions 2 and 3 come back, and nothing after the last one
    assert [e.revision for e in in_uow] == [e.revision for e in alone] == [2, 3]
    assert await store.load("case-after", after=3) == []


async def test_an_unknown_stream_loads_empty(store: EventStore) -> None:
    assert await store.load("nothing-here") == []


async def test_appending_at_a_stale_revision_is_a_conflict(store: EventStore) -> None:
    # given a stream at revision 2
    await store.append("case-2", 0, [opened("c-2"), noted("a")])

    # when a writer who saw revision 1 appends
    with pytest.raises(ConcurrencyError) as caught:
        await store.append("case-2", 1, [noted("b")])

    # then it is told the current revision, and nothing was written
    assert (caught.value.stream_id, caught.value.expected, caught.value.actual) == ("case-2", 1, 2)
    assert len(await store.load("case-2")) == 2


async def test_creating_an_existing_stream_is_a_conflict(store: EventStore) -> None:
    await store.append("case-3", 0, [opened("c-3")])

    with pytest.raises(ConcurrencyError) as caught:
        await store.append("case-3", 0, [opened("c-3")])

    assert caught.value.actual == 1


async def test_as_of_hides_events_recorded_later(store: EventStore) -> None:
    # given one event recorded before a moment and one after
    await store.append("case-4", 0, [opened("c-4")])
    await asyncio.sleep(0.01)
    moment = datetime.now(UTC)
    await asyncio.sleep(0.01)
    await store.append("case-4", 1, [noted("later")])

    # when the stream is loaded as of that moment
    earlier = await store.load("case-4", as_of=moment)

    # then only the earlier event is there
    assert [e.type for e in earlier] == ["CaseOpened"]
    assert len(await store.load("case-4")) == 2


async def test_outbox_messages_commit_with_the_events(store: EventStore) -> None:
    message = OutboxMessage("cases", b"case-5", b"{}", (("ce_type", b"CaseOpened"),))
    await store.append("case-5", 0, [opened("c-5")], outbox=[message])

    assert await outbox_rows(store) == 1


async def test_a_rolled_back_unit_of_work_leaves_neither_events_nor_messages(
    store: EventStore,
) -> None:
    # given a unit of work that appends and enqueues, then fails
    async def handler() -> None:
        async with store.unit_of_work() as uow:
            await uow.append("case-6", 0, [opened("c-6")])
            await uow.enqueue([OutboxMessage("cases", b"case-6", b"{}")])
            raise RuntimeError("handler failed after writing")

    with pytest.raises(RuntimeError):
        await handler()

    # then nothing of it is stored
    assert await store.load("case-6") == []
    assert await outbox_rows(store) == 0


async def test_enqueueing_a_message_id_twice_stores_it_once(store: EventStore) -> None:
    message = OutboxMessage("cases", b"k", b"v")
    async with store.unit_of_work() as uow:
        await uow.enqueue([message])
        await uow.enqueue([message])

    assert await outbox_rows(store) == 1


async def test_the_inbox_reports_a_redelivered_event(store: EventStore) -> None:
    event_id = uuid4()
    # given the consumer processed the event once
    async with store.unit_of_work() as uow:
        first = await uow.seen("billing", event_id)

    # when it is delivered again
    async with store.unit_of_work() as uow:
        again = await uow.seen("billing", event_id)
        other_consumer = await uow.seen("reports", event_id)

    # then the second delivery is recognised, per consumer
    assert (first, again, other_consumer) == (False, True, False)


async def test_the_inbox_marks_a_batch_at_once_and_names_the_redelivered(
    store: EventStore,
) -> None:
    old, new = uuid4(), uuid4()
    # given the consumer processed one event earlier
    async with store.unit_of_work() as uow:
        assert not await uow.seen("billing", old)

    # when a batch with it and a new event is marked
    async with store.unit_of_work() as uow:
        earlier = await uow.seen_many("billing", [old, new])

    # then only the earlier one is reported, and the new one is now recorded too
    assert earlier == {old}
    async with store.unit_of_work() as uow:
        assert await uow.seen_many("billing", [new]) == {new}


async def test_an_inbox_mark_rolls_back_with_its_effect(store: EventStore) -> None:
    event_id = uuid4()

    async def handler() -> None:
        async with store.unit_of_work() as uow:
            assert not await uow.seen("billing", event_id)
            raise RuntimeError("effect failed")

    with pytest.raises(RuntimeError):
        await handler()

    async with store.unit_of_work() as uow:
        assert not await uow.seen("billing", event_id)


async def test_read_all_pages_through_every_stream_in_order(store: EventStore) -> None:
    # given events in three streams
    for n in range(3):
        await store.append(f"s-{n}", 0, [opened(str(n)), noted(str(n))])
    await store.settle()  # no older transaction anywhere on the server still open

    # when read in pages of four, resuming after the last event of each page
    first = await store.read_all(after=0, limit=4)
    rest = await store.read_all(after=first[-1].position, limit=4)

    # then every event comes exactly once, in append order
    assert len(first) == 4
    assert len(rest) == 2
    assert [e.position for e in first + rest] == sorted(e.position for e in first + rest)
    assert await store.read_all(after=rest[-1].position) == []
