"""Bulk paths: streamed replay, batch projections, a rebuild racing writers, and appends
that clash without spoiling their unit of work."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence

import pytest
from eventkit import ConcurrencyError, EventStore, NewEvent, ProjectionRunner, RecordedEvent
from sqlalchemy.ext.asyncio import AsyncConnection


def happened(n: int = 0) -> NewEvent:
    return NewEvent("Happened", {"n": n}, metadata={"actor": "test"})


class Tally:
    """A batch projection kept in memory; ``gate`` lets a test hold the first batch."""

    name = "tally"

    def __init__(self, gate: asyncio.Event | None = None) -> None:
        self.counts: Counter[str] = Counter()
        self.batches: list[int] = []
        self.gate, self.entered = gate, asyncio.Event()

    async def apply(self, conn: AsyncConnection, event: RecordedEvent) -> None:
        raise AssertionError("the runner should use apply_batch")

    async def apply_batch(self, conn: AsyncConnection, events: Sequence[RecordedEvent]) -> None:
        self.entered.set()
        if self.gate is not None:
            await self.gate.wait()
        self.batches.append(len(events))
        self.counts.update(e.stream_id for e in events)

    async def reset(self, conn: AsyncConnection) -> None:
        self.counts.clear()


async def test_replay_streams_every_event_in_batches(store: EventStore) -> None:
    # given seven events in three streams
    for n, size in enumerate((3, 2, 2)):
        await store.append(f"s-{n}", 0, [happened(i) for i in range(size)])
    await store.settle()

    # when replayed in batches of three
    batches = [batch async for batch in store.replay(batch_size=3)]

    # then they come in read_all's order, data and metadata intact
    assert [len(b) for b in batches] == [3, 3, 1]
    replayed = [e for b in batches for e in b]
    assert replayed == await store.read_all(after=0)
    assert replayed[1].data == {"n": 1}
    assert replayed[1].metadata == {"actor": "test"}


async def test_the_runner_hands_batch_projections_whole_batches(store: EventStore) -> None:
    # given five events and a batch projection
    await store.append("a", 0, [happened(i) for i in range(5)])
    await store.settle()
    tally = Tally()
    runner = ProjectionRunner(store, [tally], batch_size=2, rebuild_batch_size=4)

    # when it runs once, then rebuilds
    await runner.run_once()
    await runner.rebuild("tally")

    # then apply_batch got a run batch, then the rebuild's batches (4 + 1)
    assert tally.batches == [2, 4, 1]
    assert tally.counts == {"a": 5}


@pytest.mark.integration
async def test_a_rebuild_applies_events_committed_while_it_ran(pg_store: EventStore) -> None:
    # given some events and a rebuild held inside its first batch
    await pg_store.append("before", 0, [happened(i) for i in range(3)])
    await pg_store.settle()  # so the rebuild's own transaction sees them
    tally = Tally(gate=asyncio.Event())
    runner = ProjectionRunner(pg_store, [tally], poll_interval=0.05)
    rebuilding = asyncio.create_task(runner.rebuild("tally"))
    await tally.entered.wait()

    # when writers commit more events while the rebuild's transaction is open
    await pg_store.append("during", 0, [happened(1), happened(2)])
    await pg_store.append("before", 3, [happened(4)])
    assert tally.gate is not None
    tally.gate.set()
    applied = await rebuilding

    # then the rebuilt model has every event committed before the rebuild returned
    assert tally.counts == {"before": 4, "during": 2}
    assert applied == 6
    # and the checkpoint is past them: a later run finds nothing left
    assert await runner.run_once() == 0


async def test_a_clash_inside_a_unit_of_work_keeps_nothing_and_the_work_usable(
    store: EventStore,
) -> None:
    # given a stream at revision 1
    await store.append("s", 0, [happened(1)])

    async with store.unit_of_work() as uow:
        # when a unit of work appends two events as if the stream were new
        with pytest.raises(ConcurrencyError) as clash:
            await uow.append("s", 0, [happened(2), happened(3)])
        # then it learns the real revision and can still do other work
        assert clash.value.actual == 1
        await uow.append("t", 0, [happened(4)])

    # and none of the clashing events were kept
    assert [e.data["n"] for e in await store.load("s")] == [1]
    assert [e.data["n"] for e in await store.load("t")] == [4]


async def test_appending_behind_the_stream_is_a_conflict(store: EventStore) -> None:
    # given a stream at revision 1, when a writer claims it is at 3
    await store.append("s", 0, [happened(1)])
    with pytest.raises(ConcurrencyError) as clash:
        await store.append("s", 3, [happened(2)])

    # then it is told the real revision and nothing was added
    assert (clash.value.expected, clash.value.actual) == (3, 1)
    assert len(await store.load("s")) == 1
