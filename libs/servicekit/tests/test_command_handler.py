"""The one command handler on the in-memory store: decide, append, project and announce in
one unit of work, or nothing at all."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import pytest
from eventkit import ConcurrencyError, MemoryEventStore, Transaction
from samspil_contracts import Envelope, IntegrationEvent, MeasureEnded
from samspil_contracts.testing import example_event
from servicekit.acting import Acting, SystemActor
from servicekit.codec import EventCodec
from servicekit.decider import Decider
from servicekit.handler import Announcing, Change, CommandHandler, Stable
from servicekit.publishing import Publisher
from servicekit.statecache import StateCache
from servicekit.streams import EventStream
from testkit import published

from .shelf import EMPTY, Moved, Put, Refused, Shelf, decide, evolve

AT = datetime(2027, 3, 1, 9, tzinfo=UTC)
CLERK = SystemActor("clerk-1", "clerk")


class Rows:
    """A read model: the shelf as last projected, per stream."""

    def __init__(self) -> None:
        self.changes: list[Change[Moved, Shelf]] = []

    async def project(self, tx: Transaction, change: Change[Moved, Shelf]) -> None:
        self.changes.append(change)


STABLE_ID = uuid4()


def announce(change: Change[Moved, Shelf]) -> list[IntegrationEvent | Stable]:
    """A lending is announced (any event does for the test), once more under a stable id."""
    lent = [example_event(MeasureEnded) for e in change.events if e.to != "shelf"]
    return [*lent, *[Stable(e, STABLE_ID) for e in lent]]


def shelf_handler(rows: Rows, cache: StateCache | None = None) -> CommandHandler[Put, Moved, Shelf]:
    stream = EventStream("shelf", EventCodec([Moved]), cache)
    announcing = Announcing(Publisher("/samspil/test"), announce)
    return CommandHandler(stream, Decider(EMPTY, decide, evolve), rows, announcing)


async def test_a_command_is_recorded_projected_and_announced_in_its_unit_of_work() -> None:
    store, rows = MemoryEventStore(), Rows()
    handler = shelf_handler(rows)
    acting = Acting(CLERK, AT, causation_id=uuid4())
    # Given a stocked item
    async with store.unit_of_work() as uow:
        first = await handler.handle(uow, "s1", Put("atlas"), acting)
    # When it is lent
    async with store.unit_of_work() as uow:
        change = await handler.handle(uow, "s1", Put("atlas", "ann"), acting)
    # Then the event is stored with the actor's metadata after the first
    assert (first.began, change.began, change.revision) == (True, False, 2)
    stored = await store.load("shelf-s1")
    assert [e.data["to"] for e in stored] == ["shelf", "ann"]
    assert stored[1].metadata["actor"] == "clerk-1"
    assert stored[1].metadata["causation_id"] == str(acting.causation_id)
    # And the read model saw each change, and the announcement went out in its correlation
    assert [c.state for c in rows.changes] == [first.state, change.state]
    [(envelope, _), (stable, _)] = published(store, MeasureEnded)
    assert (envelope.correlation_id, envelope.causation_id) == (
        acting.correlation_id,
        acting.causation_id,
    )
    assert envelope.revision == 2
    assert stable.event_id == STABLE_ID


async def test_an_idempotent_repeat_records_projects_and_sends_nothing() -> None:
    store, rows = MemoryEventStore(), Rows()
    handler = shelf_handler(rows)
    await store.append("shelf-s1", 0, [handler.stream.codec.to_new(Moved("atlas", "shelf"), {})])
    async with store.unit_of_work() as uow:
        change = await handler.handle(uow, "s1", Put("atlas"), Acting(CLERK, AT))
    assert (change.events, change.revision) == ((), 1)
    assert (len(await store.load("shelf-s1")), rows.changes, store.outbox) == (1, [], [])


async def test_a_refused_command_leaves_nothing_behind() -> None:
    store, rows = MemoryEventStore(), Rows()
    handler = shelf_handler(rows)

    async def lend_unstocked() -> None:
        async with store.unit_of_work() as uow:
            await handler.handle(uow, "s1", Put("atlas", "ann"), Acting(CLERK, AT))

    with pytest.raises(Refused):
        await lend_unstocked()
    assert (store.events, rows.changes, store.outbox) == ([], [], [])


async def test_the_clients_revision_guards_the_append() -> None:
    # Given a shelf at revision 2, and a client that saw it at revision 1
    store, handler = MemoryEventStore(), shelf_handler(Rows())
    for item in ("atlas", "globe"):
        async with store.unit_of_work() as uow:
            await handler.handle(uow, "s1", Put(item), Acting(CLERK, AT))
    stale = Acting(CLERK, AT, expected_revision=1)

    async def lend_on_what_it_saw() -> None:
        async with store.unit_of_work() as uow:
            await handler.handle(uow, "s1", Put("atlas", "ann"), stale)

    # When it acts on what it saw, then it is refused as a concurrency conflict
    with pytest.raises(ConcurrencyError):
        await lend_on_what_it_saw()
    async with store.unit_of_work() as uow:
        change = await handler.handle(uow, "s1", Put("atlas", "ann"), stale.following())
    assert change.revision == 3


async def test_a_cached_state_of_a_rolled_back_command_is_not_served() -> None:
    # Given a state cached by a command whose transaction then failed
    store, cache = MemoryEventStore(), StateCache()
    handler = shelf_handler(Rows(), cache)

    async def stock_then_fail() -> None:
        async with store.unit_of_work() as uow:
            await handler.handle(uow, "s1", Put("atlas"), Acting(CLERK, AT))
            raise RuntimeError("a later step failed")

    with pytest.raises(RuntimeError):
        await stock_then_fail()
    assert len(cache) == 1
    # When the shelf is read again, then it is read from the store, where nothing is
    async with store.unit_of_work() as uow:
        loaded = await handler.load(uow, "s1")
    assert (loaded.state, loaded.revision) == (EMPTY, 0)


async def test_acting_on_a_consumed_event_continues_its_conversation() -> None:
    envelope = Envelope(
        event_id=uuid4(),
        type="dk.samspil.case.measure_ended",
        subject="x",
        revision=1,
        correlation_id=uuid4(),
        producer="/samspil/authority",
        occurred_at=AT,
        schema_version=1,
    )
    acting = Acting.caused_by(envelope, SystemActor(envelope.producer))
    assert acting.metadata() == {
        "actor": "/samspil/authority",
        "role": "system",
        "occurred_at": AT.isoformat(),
        "correlation_id": str(envelope.correlation_id),
        "causation_id": str(envelope.event_id),
    }
