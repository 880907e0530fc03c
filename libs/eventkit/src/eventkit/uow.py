"""One database transaction: events, outbox messages, inbox marks and read models together."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from uuid import UUID

from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from eventkit import _pg_write, bulk
from eventkit._sql import insert_ignoring_conflicts, is_postgres, utcnow
from eventkit.model import ConcurrencyError, NewEvent, OutboxMessage, RecordedEvent
from eventkit.reading import current_revision, load_stream
from eventkit.schema import events, inbox, outbox
from eventkit.wakeup import notify_outbox


class UnitOfWork:
    """Everything done through one unit of work commits or rolls back as a whole."""

    def __init__(self, engine: AsyncEngine, connection: AsyncConnection) -> None:
        self._engine = engine
        self._connection = connection

    @property
    def connection(self) -> AsyncConnection:
        """The transaction's connection, for writing read models atomically with events."""
        return self._connection

    async def load(self, stream_id: str, after: int = 0) -> list[RecordedEvent]:
        """The stream as this transaction sees it, including what it appended itself; only
        the events after revision ``after`` if given."""
        return await load_stream(self._connection, stream_id, None, after)

    async def append(
        self, stream_id: str, expected_revision: int, new_events: Sequence[NewEvent]
    ) -> int:
        """Append after ``expected_revision`` (0: the stream must be new); the new revision.

        On PostgreSQL one statement inserts the batch and the unique (stream_id, revision)
        constraint is the concurrency check (see ``_pg_write``). SQLite has one writer at
        a time, so a check up front is enough there, with the constraint as the last line.
        """
        if not new_events:
            actual = await current_revision(self._connection, stream_id)
            if actual != expected_revision:
                raise ConcurrencyError(stream_id, expected_revision, actual)
            return expected_revision
        if is_postgres(self._connection):
            if not await _pg_write.append_in(
                self._connection, stream_id, expected_revision, new_events
            ):
                actual = await current_revision(self._connection, stream_id)
                raise ConcurrencyError(stream_id, expected_revision, actual)
            return expected_revision + len(new_events)
        await self._append_checked(stream_id, expected_revision, new_events)
        return expected_revision + len(new_events)

    async def _append_checked(
        self, stream_id: str, expected_revision: int, new_events: Sequence[NewEvent]
    ) -> None:
        actual = await current_revision(self._connection, stream_id)
        if actual != expected_revision:
            raise ConcurrencyError(stream_id, expected_revision, actual)
        recorded_at = utcnow()
        rows = [
            {
                "stream_id": stream_id,
                "revision": expected_revision + offset,
                "event_id": event.event_id,
                "type": event.type,
                "schema_version": event.schema_version,
                "data": dict(event.data),
                "metadata": dict(event.metadata),
                "recorded_at": recorded_at,
            }
            for offset, event in enumerate(new_events, start=1)
        ]
        try:
            await self._connection.execute(insert(events), rows)
        except IntegrityError:
            await self._raise_if_raced(stream_id, expected_revision)
            raise  # not a revision clash (e.g. a reused event_id)

    async def _raise_if_raced(self, stream_id: str, expected: int) -> None:
        # Ask on a fresh connection: the failed statement may have spoilt this transaction.
        async with self._engine.connect() as fresh:
            actual = await current_revision(fresh, stream_id)
        if actual != expected:
            raise ConcurrencyError(stream_id, expected, actual)

    async def append_to_streams(self, appends: Mapping[str, Sequence[NewEvent]]) -> dict[str, int]:
        """Each stream's events after its last one, in one statement (see ``eventkit.bulk``)."""
        return await bulk.append_to_streams(self._connection, appends)

    async def enqueue(self, messages: Sequence[OutboxMessage]) -> None:
        """Queue Kafka records; the relay sends them once this transaction commits.

        Enqueueing a ``message_id`` again is a no-op, so retried handlers stay idempotent.
        """
        if not messages:
            return
        if is_postgres(self._connection):
            await _pg_write.enqueue_in(self._connection, messages)  # one round trip
            return
        created_at = utcnow()
        rows = [
            {
                "message_id": message.message_id,
                "topic": message.topic,
                "key": message.key,
                "value": message.value,
                "headers": _pg_write.outbox_headers(message),
                "created_at": created_at,
                "attempts": 0,
            }
            for message in messages
        ]
        await self._connection.execute(insert_ignoring_conflicts(self._connection, outbox), rows)
        await notify_outbox(self._connection)  # the relay wakes when this commits

    async def seen(self, consumer: str, event_id: UUID) -> bool:
        """Record that ``consumer`` processes ``event_id``; True if it already had.

        Call it first and apply the effect in this same unit of work: a redelivered event
        then finds its inbox row and has no second effect.
        """
        stmt = insert_ignoring_conflicts(self._connection, inbox).returning(inbox.c.event_id)
        values = {"consumer": consumer, "event_id": event_id, "processed_at": utcnow()}
        inserted = (await self._connection.execute(stmt, values)).first()
        return inserted is None

    async def seen_many(self, consumer: str, event_ids: Sequence[UUID]) -> set[UUID]:
        """``seen`` for several events at once (one statement on PostgreSQL): records them,
        and returns those that were already processed."""
        if not is_postgres(self._connection):
            return {event_id for event_id in event_ids if await self.seen(consumer, event_id)}
        new = await self._connection.exec_driver_sql(
            _pg_write.INBOX, (consumer, list(event_ids), utcnow())
        )
        inserted = {row[0] for row in new}
        return {event_id for event_id in event_ids if event_id not in inserted}


def connection_of(tx: object) -> AsyncConnection:
    """The SQL connection of a unit of work, for an adapter writing its own tables in it."""
    if not isinstance(tx, UnitOfWork):
        raise TypeError(f"a SQL adapter needs a SQL unit of work, not {type(tx).__name__}")
    return tx.connection
