"""The event store in memory: the same protocol as ``EventStore``, for fast tests of use cases.

A unit of work stages what it appends, enqueues and marks as seen, and commits it at the end
of its block, so another unit of work sees nothing of it before; at commit each stream it
appended to must still be where it found it (``ConcurrencyError`` otherwise, as PostgreSQL's
unique revision would refuse it). Data and metadata go through JSON on the way in, as they
would into a database: what is not JSON fails here too, and no caller shares a dict with the
store. In-memory adapters of a service keep their own rows in step with its transaction
through ``on_rollback``.

Not for production: one process, nothing durable, no relay (tests read ``outbox``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import orjson

from eventkit.model import ConcurrencyError, NewEvent, OutboxMessage, RecordedEvent


def _json(value: Mapping[str, Any]) -> dict[str, Any]:
    copied: dict[str, Any] = orjson.loads(orjson.dumps(value))
    return copied


def _recorded(stream_id: str, revision: int, event: NewEvent, position: int) -> RecordedEvent:
    data, metadata, now = _json(event.data), _json(event.metadata), datetime.now(UTC)
    version = event.schema_version
    return RecordedEvent(
        position, stream_id, revision, event.event_id, event.type, version, data, metadata, now
    )


class MemoryUnitOfWork:
    def __init__(self, store: MemoryEventStore) -> None:
        self._store = store
        self._appended: dict[str, list[NewEvent]] = {}
        self._found_at: dict[str, int] = {}  # each stream's committed revision when first appended
        self._outbox: list[OutboxMessage] = []
        self._seen: set[tuple[str, UUID]] = set()
        self._undo: list[Callable[[], None]] = []

    async def load(self, stream_id: str, after: int = 0) -> list[RecordedEvent]:
        committed = self._store.committed(stream_id)
        mine = [
            _recorded(stream_id, len(committed) + n, event, position=0)
            for n, event in enumerate(self._appended.get(stream_id, ()), start=1)
        ]
        return [e for e in [*committed, *mine] if e.revision > after]

    def _revision(self, stream_id: str) -> int:
        return len(self._store.committed(stream_id)) + len(self._appended.get(stream_id, ()))

    async def append(
        self, stream_id: str, expected_revision: int, new_events: Sequence[NewEvent]
    ) -> int:
        actual = self._revision(stream_id)
        if actual != expected_revision:
            raise ConcurrencyError(stream_id, expected_revision, actual)
        if new_events:
            self._found_at.setdefault(stream_id, len(self._store.committed(stream_id)))
            self._appended.setdefault(stream_id, []).extend(new_events)
        return expected_revision + len(new_events)

    async def append_to_streams(self, appends: Mapping[str, Sequence[NewEvent]]) -> dict[str, int]:
        return {
            stream: await self.append(stream, self._revision(stream), batch)
            for stream, batch in appends.items()
            if batch
        }

    async def enqueue(self, messages: Sequence[OutboxMessage]) -> None:
        self._outbox.extend(messages)

    async def seen(self, consumer: str, event_id: UUID) -> bool:
        key = (consumer, event_id)
        if key in self._seen or key in self._store.inbox:
            return True
        self._seen.add(key)
        return False

    async def seen_many(self, consumer: str, event_ids: Sequence[UUID]) -> set[UUID]:
        return {event_id for event_id in event_ids if await self.seen(consumer, event_id)}

    def on_rollback(self, undo: Callable[[], None]) -> None:
        """Call ``undo`` if this unit of work does not commit (latest first)."""
        self._undo.append(undo)

    def commit(self) -> None:
        for stream_id, found_at in self._found_at.items():
            actual = len(self._store.committed(stream_id))
            if actual != found_at:  # another unit of work committed to it meanwhile
                raise ConcurrencyError(stream_id, found_at, actual)
        for stream_id, batch in self._appended.items():
            self._store.add(stream_id, batch)
        self._store.add_outbox(self._outbox)
        self._store.inbox |= self._seen

    def rollback(self) -> None:
        for undo in reversed(self._undo):
            undo()


class MemoryEventStore:
    def __init__(self) -> None:
        self.events: list[RecordedEvent] = []  # every committed event, in global order
        self._streams: dict[str, list[RecordedEvent]] = {}
        self.outbox: list[OutboxMessage] = []  # what the relay would send, in commit order
        self._sent: set[UUID] = set()
        self.inbox: set[tuple[str, UUID]] = set()

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[MemoryUnitOfWork]:
        uow = MemoryUnitOfWork(self)
        try:
            yield uow
            uow.commit()
        except BaseException:
            uow.rollback()
            raise

    async def append(self, stream_id: str, expected: int, events: Sequence[NewEvent]) -> int:
        """Append in a unit of work of its own (a test's given history)."""
        async with self.unit_of_work() as uow:
            return await uow.append(stream_id, expected, events)

    async def load(
        self, stream_id: str, as_of: datetime | None = None, after: int = 0
    ) -> list[RecordedEvent]:
        return [
            e
            for e in self.committed(stream_id)
            if e.revision > after and (as_of is None or e.recorded_at <= as_of)
        ]

    async def read_all(self, after: int = 0, limit: int = 1000) -> list[RecordedEvent]:
        return self.events[after : after + limit]  # positions are 1..n, gap-free

    async def settle(self) -> None:
        """Every commit is visible to ``read_all`` at once."""

    def committed(self, stream_id: str) -> list[RecordedEvent]:
        return self._streams.get(stream_id, [])

    def add(self, stream_id: str, batch: Sequence[NewEvent]) -> None:
        stream = self._streams.setdefault(stream_id, [])
        for event in batch:
            recorded = _recorded(stream_id, len(stream) + 1, event, len(self.events) + 1)
            stream.append(recorded)
            self.events.append(recorded)

    def add_outbox(self, messages: Sequence[OutboxMessage]) -> None:
        for message in messages:
            if message.message_id not in self._sent:
                self._sent.add(message.message_id)
                self.outbox.append(message)
