"""The event store: streams with optimistic concurrency over SQLAlchemy's async engine."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator, Sequence
from contextlib import aclosing, asynccontextmanager
from datetime import datetime

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from eventkit import _horizon, _pg_write, reading
from eventkit.model import (
    ConcurrencyError,
    NewEvent,
    OutboxMessage,
    RecordedEvent,
    TransactionAborted,
)
from eventkit.schema import metadata
from eventkit.uow import UnitOfWork

ABORTED = {"40P01", "40001"}  # deadlock_detected, serialization_failure


class EventStore:
    """Works on ``postgresql+asyncpg`` (production) and ``sqlite+aiosqlite`` (tests, demos)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def create_schema(self) -> None:
        """Create the eventkit tables if missing (services with alembic use ``metadata``)."""
        async with self.engine.begin() as conn:
            await conn.run_sync(metadata.create_all)

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[UnitOfWork]:
        """One transaction: committed when the block ends, rolled back if it raises.

        A deadlock or serialisation failure comes out as ``TransactionAborted`` (callers
        retry without knowing the database's error codes)."""
        try:
            async with self.engine.begin() as conn:
                yield UnitOfWork(self.engine, conn)
        except DBAPIError as error:
            if getattr(error.orig, "sqlstate", None) in ABORTED:
                raise TransactionAborted(str(error.orig)) from error
            raise

    async def append(
        self,
        stream_id: str,
        expected_revision: int,
        events: Sequence[NewEvent],
        outbox: Sequence[OutboxMessage] = (),
    ) -> int:
        """Append in a transaction of its own; on PostgreSQL one statement, one round trip."""
        if events and self.engine.dialect.name == "postgresql":
            actual = await _pg_write.append_alone(
                self.engine, stream_id, expected_revision, events, outbox
            )
            if actual is None:
                return expected_revision + len(events)
            raise ConcurrencyError(stream_id, expected_revision, actual)
        async with self.unit_of_work() as uow:
            revision = await uow.append(stream_id, expected_revision, events)
            await uow.enqueue(outbox)
        return revision

    async def load(
        self, stream_id: str, as_of: datetime | None = None, after: int = 0
    ) -> list[RecordedEvent]:
        """The stream's events in revision order; with ``as_of`` only those recorded by then,
        with ``after`` only those after that revision (a cached state reads what it lacks).

        Business time lives in ``metadata["occurred_at"]``; callers filter on it themselves.
        """
        async with self.engine.connect() as conn:
            return await reading.load_stream(conn, stream_id, as_of, after)

    async def read_all(self, after: int = 0, limit: int = 1000) -> list[RecordedEvent]:
        """All streams, after the event at position ``after``; see ``reading.read_all``."""
        async with self.engine.connect() as conn:
            return await reading.read_all(conn, after, limit)

    async def replay(
        self, after: int = 0, batch_size: int = 5000
    ) -> AsyncGenerator[list[RecordedEvent], None]:
        """Everything ``read_all`` would page through from ``after``, in batches of events:
        on PostgreSQL streamed through one server-side cursor (see ``reading.stream_all``),
        the next batch read while the caller has this one."""
        async with self.engine.begin() as conn:
            batches = reading.stream_all(conn, after, batch_size, prefetch=True)
            async with aclosing(batches):  # ends its fetch before the transaction ends
                async for batch in batches:
                    yield batch

    async def settle(self, poll_interval: float = 0.05) -> None:
        """Wait until ``read_all`` returns every event committed before this call.

        On PostgreSQL that is when every transaction begun by then has ended (see
        ``reading.read_all``; transaction ids are cluster-wide, so a transaction in another
        database of the same server counts too). On SQLite it returns at once.
        """
        async with self.engine.connect() as conn:
            target = await _horizon.now(conn)
        while True:
            async with self.engine.connect() as conn:
                if await _horizon.passed(conn, target):
                    return
            await asyncio.sleep(poll_interval)
