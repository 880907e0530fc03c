"""Concerns (underretning) and use-of-force incidents (magtanvendelse)."""

from authority.domain.concern.decide import decide, evolve
from authority.domain.concern.messages import (
    AcknowledgeConcern,
    ConcernAcknowledged,
    ConcernCommand,
    ConcernEvent,
    ConcernReceived,
    RecordConcernReceived,
)
from authority.domain.concern.model import ConcernKind, ConcernState, Urgency

__all__ = [
    "AcknowledgeConcern",
    "ConcernAcknowledged",
    "ConcernCommand",
    "ConcernEvent",
    "ConcernKind",
    "ConcernReceived",
    "ConcernState",
    "RecordConcernReceived",
    "Urgency",
    "decide",
    "evolve",
]
