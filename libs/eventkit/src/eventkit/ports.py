"""What a service's application layer asks of an event store: two protocols, two stores.

``EventStore`` (PostgreSQL, with SQLite for demos) and ``MemoryEventStore`` (fast tests of use
cases) both satisfy ``Store``; their units of work both satisfy ``Transaction``. Application
code types against these, so it runs unchanged on either and never sees SQLAlchemy; an
adapter that writes SQL of its own in the same transaction gets the connection with
``eventkit.connection_of(tx)``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import TYPE_CHECKING, Protocol
from uuid import UUID

from eventkit.model import NewEvent, OutboxMessage, RecordedEvent

if TYPE_CHECKING:
    from eventkit.memory import MemoryEventStore
    from eventkit.store import EventStore


class Transaction(Protocol):
    """One unit of work: everything done through it commits or rolls back as a whole."""

    async def load(self, stream_id: str, after: int = 0) -> list[RecordedEvent]:
        """The stream as this transaction sees it (its own appends included), after
        revision ``after``."""
        ...

    async def append(
        self, stream_id: str, expected_revision: int, new_events: Sequence[NewEvent]
    ) -> int:
        """Append after ``expected_revision`` (0: a new stream); the new revision, or
        ``ConcurrencyError`` when the stream is elsewhere."""
        ...

    async def append_to_streams(self, appends: Mapping[str, Sequence[NewEvent]]) -> dict[str, int]:
        """Append each stream's events after its last one (a batch writer whose decision is
        guarded by something else it holds); each stream's new revision."""
        ...

    async def enqueue(self, messages: Sequence[OutboxMessage]) -> None:
        """Kafka records to send once this commits; a ``message_id`` again is a no-op."""
        ...

    async def seen(self, consumer: str, event_id: UUID) -> bool:
        """Record that ``consumer`` processes ``event_id``; True if it already had."""
        ...

    async def seen_many(self, consumer: str, event_ids: Sequence[UUID]) -> set[UUID]:
        """``seen`` for several: records them, returns those processed before."""
        ...


class Store(Protocol):
    """Streams with optimistic concurrency, a transactional outbox and an inbox."""

    def unit_of_work(self) -> AbstractAsyncContextManager[Transaction]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        ...

    async def load(
        self, stream_id: str, as_of: datetime | None = None, after: int = 0
    ) -> list[RecordedEvent]:
        """The stream's committed events in revision order (recorded by ``as_of``, after
        revision ``after``)."""
        ...

    async def read_all(self, after: int = 0, limit: int = 1000) -> list[RecordedEvent]:
        """Every stream's committed events after global position ``after``, gap-safe: an
        event is held back while an older transaction may still commit before it."""
        ...

    async def settle(self) -> None:
        """Wait until ``read_all`` returns every event committed before this call."""
        ...


if TYPE_CHECKING:  # mypy holds both stores to the protocol

    def _both(memory: MemoryEventStore, sql: EventStore) -> tuple[Store, Store]:
        return memory, sql
