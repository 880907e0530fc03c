"""Projections: applied with their checkpoint in one transaction, rebuilt from scratch."""

from __future__ import annotations

import pytest
from eventkit import EventStore, NewEvent, ProjectionRunner, RecordedEvent, rebuild_main
from sqlalchemy import Column, Integer, MetaData, String, Table, select
from sqlalchemy.ext.asyncio import AsyncConnection

read_model = MetaData()
streams = Table(
    "stream_sizes",
    read_model,
    Column("stream_id", String, primary_key=True),
    Column("events", Integer, nullable=False),
)


class StreamSizes:
    """Counts events per stream; fails on a poisoned event to test atomicity."""

    name = "stream_sizes"

    async def apply(self, conn: AsyncConnection, event: RecordedEvent) -> None:
        if event.type == "Poison":
            raise ValueError("cannot project this")
        if event.revision == 1:
            await conn.execute(streams.insert().values(stream_id=event.stream_id, events=1))
        else:
            stmt = streams.update().where(streams.c.stream_id == event.stream_id)
            await conn.execute(stmt.values(events=streams.c.events + 1))

    async def reset(self, conn: AsyncConnection) -> None:
        await conn.execute(streams.delete())


@pytest.fixture
async def runner(store: EventStore) -> ProjectionRunner:
    async with store.engine.begin() as conn:
        await conn.run_sync(read_model.create_all)
    return ProjectionRunner(store, [StreamSizes()], batch_size=3)


async def sizes(store: EventStore) -> dict[str, int]:
    async with store.engine.connect() as conn:
        return {row.stream_id: row.events for row in await conn.execute(select(streams))}


def happened() -> NewEvent:
    return NewEvent("Happened", {})


async def test_the_runner_catches_up_batch_by_batch(runner: ProjectionRunner) -> None:
    # given five events in two streams
    await runner.store.append("a", 0, [happened(), happened(), happened()])
    await runner.store.append("b", 0, [happened(), happened()])
    await runner.store.settle()  # no older transaction anywhere on the server still open

    # when the runner runs until it has nothing left
    applied = [await runner.run_once() for _ in range(3)]

    # then each event was applied exactly once, in batches of three
    assert applied == [3, 2, 0]
    assert await sizes(runner.store) == {"a": 3, "b": 2}


async def test_a_failing_batch_leaves_read_model_and_checkpoint_untouched(
    runner: ProjectionRunner,
) -> None:
    # given a good event and, in the same batch, one the projection cannot handle
    await runner.store.append("a", 0, [happened()])
    await runner.store.append("p", 0, [NewEvent("Poison", {})])
    await runner.store.settle()

    # when the runner fails on the batch
    with pytest.raises(ValueError, match="cannot project"):
        await runner.run_once()

    # then neither the good event's effect nor a checkpoint was saved
    assert await sizes(runner.store) == {}


async def test_rebuild_replays_everything_into_a_reset_model(runner: ProjectionRunner) -> None:
    # given a caught-up read model that was since damaged
    await runner.store.append("a", 0, [happened(), happened()])
    await runner.store.append("b", 0, [happened()])
    await runner.store.settle()
    await runner.run_once()
    async with runner.store.engine.begin() as conn:
        await conn.execute(streams.update().values(events=99))

    # when it is rebuilt
    applied = await runner.rebuild("stream_sizes")

    # then it is exactly what the events say, and later events continue from there
    assert applied == 3
    assert await sizes(runner.store) == {"a": 2, "b": 1}
    await runner.store.append("b", 1, [happened()])
    await runner.store.settle()
    assert await runner.run_once() == 1
    assert await sizes(runner.store) == {"a": 2, "b": 2}


def test_the_rebuild_command_rejects_unknown_projections(runner: ProjectionRunner) -> None:
    with pytest.raises(SystemExit):
        rebuild_main(lambda: runner, ["no_such_projection"])
