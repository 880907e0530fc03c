"""Change requests (ændringsanmodning) of one contract: the provider asks to extend it,
change its scope or frequency, or end it early; the authority grants or refuses.

One aggregate per contract holds all its requests, so "one open request of a kind" is
decided on one stream.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from provider.domain.common import Command, Event
from provider.domain.values import Frequency, Scope

OPEN_ALREADY = "change_request_open"


class ChangeKind(StrEnum):
    EXTEND = "extend"  # forlængelse
    CHANGE_SCOPE = "change_scope"  # ændret omfang og/eller hyppighed
    END_EARLY = "end_early"  # ophør før tid


class ChangeStatus(StrEnum):
    OPEN = "open"
    GRANTED = "granted"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True, kw_only=True)
class Proposal:
    """What the provider proposes; only the fields of its kind are set."""

    new_end: date | None = None
    duration_months: int | None = None  # forventet varighed, from the start
    scope: Scope | None = None
    frequency: Frequency | None = None
    last_day: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeBasis:
    """The contract as the app read it: whether it is in force, and its terms in force."""

    tenant_id: UUID
    contract_id: UUID
    in_force: bool
    version_in_force: int | None
    start: date
    end: date | None
    scope: Scope
    frequency: Frequency


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestChange(Command):
    request_id: UUID
    contract: ChangeBasis
    kind: ChangeKind
    proposal: Proposal
    reason: str  # sealed by the app: the text is about the child's measure


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordChangeAnswer(Command):
    """The authority's answer, as it arrived."""

    contract_id: UUID
    request_id: UUID
    granted: bool
    reason_code: str | None = None
    text: str | None = None
    amended_version: int | None = None


ChangeCommand = RequestChange | RecordChangeAnswer


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeRequested(Event):
    contract_id: UUID
    request_id: UUID
    kind: ChangeKind
    version_in_force: int
    proposal: Proposal
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeAnswered(Event):
    request_id: UUID
    granted: bool
    reason_code: str | None
    text: str | None
    amended_version: int | None


ChangeEvent = ChangeRequested | ChangeAnswered


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeRequest:
    request_id: UUID
    kind: ChangeKind
    version_in_force: int
    proposal: Proposal
    reason: str
    requested_at: datetime
    status: ChangeStatus = ChangeStatus.OPEN
    reason_code: str | None = None
    answer_text: str | None = None
    amended_version: int | None = None
    answered_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ContractChanges:
    tenant_id: UUID
    contract_id: UUID
    requests: tuple[ChangeRequest, ...] = ()

    def find(self, request_id: UUID) -> ChangeRequest | None:
        return next((r for r in self.requests if r.request_id == request_id), None)

    def open_of(self, kind: ChangeKind) -> ChangeRequest | None:
        return next(
            (r for r in self.requests if r.kind is kind and r.status is ChangeStatus.OPEN), None
        )
