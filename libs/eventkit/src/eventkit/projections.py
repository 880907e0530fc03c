"""Read models fed from ``read_all``, each with its own checkpoint in the same transaction.

A batch of events is applied and the checkpoint saved in one transaction, so a read model
is always exactly as far as its checkpoint says: a crash replays nothing twice and skips
nothing. On PostgreSQL the checkpoint row is locked for the batch, so replicas running the
same projection take turns instead of applying a batch twice.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from eventkit import reading
from eventkit._sql import insert_ignoring_conflicts
from eventkit.model import RecordedEvent
from eventkit.schema import checkpoints
from eventkit.store import EventStore


class Projection(Protocol):
    name: str

    async def apply(self, conn: AsyncConnection, event: RecordedEvent) -> None: ...

    async def reset(self, conn: AsyncConnection) -> None: ...


class BatchProjection(Projection, Protocol):
    """A projection that may also take a whole batch at once (e.g. one bulk write).

    The runner prefers ``apply_batch`` when a projection has it; it must have the same
    effect as ``apply`` for each event in order.
    """

    async def apply_batch(self, conn: AsyncConnection, events: Sequence[RecordedEvent]) -> None: ...


async def apply_all(
    conn: AsyncConnection, projection: Projection, events: Sequence[RecordedEvent]
) -> None:
    if not events:
        return
    apply_batch = getattr(projection, "apply_batch", None)
    if apply_batch is not None:
        await apply_batch(conn, events)
        return
    for event in events:
        await projection.apply(conn, event)


class ProjectionRunner:
    def __init__(
        self,
        store: EventStore,
        projections: Sequence[Projection],
        batch_size: int = 500,
        poll_interval: float = 0.2,
        rebuild_batch_size: int = 5000,
    ) -> None:
        self.store = store
        self.projections = {projection.name: projection for projection in projections}
        self.batch_size = batch_size
        self.poll_interval = poll_interval
        self.rebuild_batch_size = rebuild_batch_size

    async def run_once(self) -> int:
        """One batch for every projection; the number of events applied in total."""
        applied = 0
        for projection in self.projections.values():
            async with self.store.engine.begin() as conn:
                applied += await self._catch_up(conn, projection, max_batches=1)
        return applied

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            if await self.run_once() == 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.poll_interval)

    async def rebuild(self, name: str) -> int:
        """Reset the read model and replay every event; the number of events applied.

        The reset and the replay of everything committed so far are one transaction
        (readers see the old model until the rebuilt one commits). Events committed
        meanwhile sort after its checkpoint (see ``read_all``), so the rebuild then catches
        up until every transaction that had begun by that commit has been applied.
        """
        projection = self.projections[name]
        async with self.store.engine.begin() as conn:
            await self._checkpoint(conn, name)  # locks the row: no concurrent batch
            await projection.reset(conn)
            position, applied = 0, 0
            async for batch in reading.stream_all(conn, 0, self.rebuild_batch_size):
                await apply_all(conn, projection, batch)
                position, applied = batch[-1].position, applied + len(batch)
            await self._save(conn, name, position)
        return applied + await self._settle(projection)

    async def _settle(self, projection: Projection) -> int:
        """Catch up until every transaction begun before now is applied."""
        settled = asyncio.ensure_future(self.store.settle(self.poll_interval / 4))
        applied = 0
        try:
            while not settled.done():
                applied += await self._catch_up_alone(projection)
                await asyncio.wait([settled], timeout=self.poll_interval)
            await settled
            return applied + await self._catch_up_alone(projection)
        finally:
            settled.cancel()

    async def _catch_up_alone(self, projection: Projection) -> int:
        async with self.store.engine.begin() as conn:
            return await self._catch_up(conn, projection, max_batches=None)

    async def _catch_up(
        self, conn: AsyncConnection, projection: Projection, max_batches: int | None
    ) -> int:
        applied, batches = 0, 0
        position = await self._checkpoint(conn, projection.name)
        while max_batches is None or batches < max_batches:
            batch = await reading.read_all(conn, position, self.batch_size)
            await apply_all(conn, projection, batch)
            if batch:
                position = batch[-1].position  # the last one, not the largest: see read_all
                await self._save(conn, projection.name, position)
            applied, batches = applied + len(batch), batches + 1
            if len(batch) < self.batch_size:
                break
        return applied

    async def _checkpoint(self, conn: AsyncConnection, name: str) -> int:
        stmt = insert_ignoring_conflicts(conn, checkpoints).values(name=name, position=0)
        await conn.execute(stmt)
        query = select(checkpoints.c.position).where(checkpoints.c.name == name)
        return int(await conn.scalar(query.with_for_update()) or 0)

    async def _save(self, conn: AsyncConnection, name: str, position: int) -> None:
        stmt = checkpoints.update().where(checkpoints.c.name == name)
        await conn.execute(stmt.values(position=position))
