"""Commands and events of a concern."""

from dataclasses import dataclass
from uuid import UUID

from authority.domain.audit import Command, Event
from authority.domain.concern.model import ConcernKind, Urgency


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordConcernReceived(Command):
    concern_id: UUID
    case_id: UUID
    contract_id: UUID | None
    kind: ConcernKind
    urgency: Urgency
    summary: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AcknowledgeConcern(Command):
    """The authority acknowledges receipt (kvitterer for underretningen)."""


ConcernCommand = RecordConcernReceived | AcknowledgeConcern


@dataclass(frozen=True, slots=True, kw_only=True)
class ConcernReceived(Event):
    concern_id: UUID
    case_id: UUID
    contract_id: UUID | None
    kind: ConcernKind
    urgency: Urgency
    summary: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ConcernAcknowledged(Event):
    pass


ConcernEvent = ConcernReceived | ConcernAcknowledged
