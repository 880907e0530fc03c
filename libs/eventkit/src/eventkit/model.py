"""The value types of the event store: what callers append, read and publish."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any, NamedTuple
from uuid import UUID, uuid4

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class NewEvent:
    """An event about to be appended (text without NUL characters: PostgreSQL rejects them).

    ``metadata`` carries actor, reason, correlation_id, causation_id and occurred_at
    (ISO 8601) by convention; eventkit stores it without looking inside.
    """

    type: str
    data: Mapping[str, Any]
    schema_version: int = 1
    event_id: UUID = field(default_factory=uuid4)
    metadata: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)


class RecordedEvent(NamedTuple):
    """An event as stored. ``position`` is global, ``revision`` counts 1..n within its stream.

    Immutable like the other value types, but a named tuple rather than a frozen dataclass:
    a replay builds one per row, and a tuple costs a tenth of a frozen dataclass to build
    (no ``object.__setattr__`` per field). ``event._replace(data=...)`` makes a changed copy.
    """

    position: int
    stream_id: str
    revision: int
    event_id: UUID
    type: str
    schema_version: int
    data: dict[str, Any]
    metadata: dict[str, Any]
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    """A Kafka record to publish once the transaction that enqueued it commits."""

    topic: str
    key: bytes
    value: bytes  # empty: a tombstone (sent with a null value, for compacted topics)
    headers: tuple[tuple[str, bytes], ...] = ()
    message_id: UUID = field(default_factory=uuid4)


class ConcurrencyError(Exception):
    """The stream moved on since the caller read it: reload and decide again."""

    def __init__(self, stream_id: str, expected: int, actual: int) -> None:
        super().__init__(f"stream {stream_id!r} is at revision {actual}, expected {expected}")
        self.stream_id = stream_id
        self.expected = expected
        self.actual = actual


class TransactionAborted(Exception):
    """The database aborted the transaction to end a conflict with another one (a deadlock,
    or a serialisation failure): nothing of it was committed, so it may simply run again."""
