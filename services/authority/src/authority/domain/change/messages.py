"""Commands and events of a contract's change requests."""

from dataclasses import dataclass
from uuid import UUID

from authority.domain.audit import Command, Event
from authority.domain.change.model import ChangeKind, Proposal, RefusalReason


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordChangeRequested(Command):
    contract_id: UUID
    case_id: UUID
    provider_id: UUID
    request_id: UUID
    kind: ChangeKind
    version_in_force: int
    proposal: Proposal
    sealed_reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class GrantChange(Command):
    """Granted; for extend and change_scope, ``amended_version`` is the version the
    authority drafted, signed and offered from the request."""

    request_id: UUID
    amended_version: int | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RefuseChange(Command):
    request_id: UUID
    reason_code: RefusalReason
    text: str


ChangeCommand = RecordChangeRequested | GrantChange | RefuseChange


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeRequestReceived(Event):
    contract_id: UUID
    case_id: UUID
    provider_id: UUID
    request_id: UUID
    kind: ChangeKind
    version_in_force: int
    proposal: Proposal
    sealed_reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeGranted(Event):
    request_id: UUID
    amended_version: int | None
    text: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeRefused(Event):
    request_id: UUID
    reason_code: RefusalReason
    text: str


ChangeEvent = ChangeRequestReceived | ChangeGranted | ChangeRefused
