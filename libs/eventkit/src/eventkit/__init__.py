"""eventkit: event store, transactional outbox and relay, inbox, dead letters, projections.

Generic: it stores and moves events and bytes and knows nothing of any service's events.
"""

from eventkit.cli import rebuild_main
from eventkit.deadletters import Inbound, dead_letter, parked_id
from eventkit.model import ConcurrencyError, NewEvent, OutboxMessage, RecordedEvent
from eventkit.producer import started_producer
from eventkit.projections import BatchProjection, Projection, ProjectionRunner
from eventkit.relay import OutboxRelay
from eventkit.store import EventStore
from eventkit.topics import TopicSpec, ensure_topics
from eventkit.uow import UnitOfWork

__all__ = [
    "BatchProjection",
    "ConcurrencyError",
    "EventStore",
    "Inbound",
    "NewEvent",
    "OutboxMessage",
    "OutboxRelay",
    "Projection",
    "ProjectionRunner",
    "RecordedEvent",
    "TopicSpec",
    "UnitOfWork",
    "dead_letter",
    "ensure_topics",
    "parked_id",
    "rebuild_main",
    "started_producer",
]
