"""eventkit: event store, transactional outbox and relay, inbox, dead letters, projections.

Generic: it stores and moves events and bytes and knows nothing of any service's events.
"""

from eventkit.cli import rebuild_main
from eventkit.deadletters import Inbound, dead_letter, parked_id
from eventkit.memory import MemoryEventStore, MemoryUnitOfWork
from eventkit.model import (
    ConcurrencyError,
    NewEvent,
    OutboxMessage,
    RecordedEvent,
    TransactionAborted,
)
from eventkit.ports import Store, Transaction
from eventkit.producer import started_producer
from eventkit.projections import BatchProjection, Projection, ProjectionRunner
from eventkit.relay import OutboxRelay
from eventkit.store import EventStore
from eventkit.topics import TopicSpec, ensure_topics
from eventkit.uow import UnitOfWork, connection_of

__all__ = [
    "BatchProjection",
    "ConcurrencyError",
    "EventStore",
    "Inbound",
    "MemoryEventStore",
    "MemoryUnitOfWork",
    "NewEvent",
    "OutboxMessage",
    "OutboxRelay",
    "Projection",
    "ProjectionRunner",
    "RecordedEvent",
    "Store",
    "TopicSpec",
    "Transaction",
    "TransactionAborted",
    "UnitOfWork",
    "connection_of",
    "dead_letter",
    "ensure_topics",
    "parked_id",
    "rebuild_main",
    "started_producer",
]
