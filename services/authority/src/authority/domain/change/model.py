"""A contract's change requests (ændringsanmodning) as the caseworker answers them: the
provider asks to extend the contract, change its scope or frequency, or end it early.

One aggregate per contract, so a request is answered once on one stream.
"""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID


class ChangeKind(StrEnum):
    EXTEND = "extend"  # forlængelse
    CHANGE_SCOPE = "change_scope"  # ændret omfang og/eller hyppighed
    END_EARLY = "end_early"  # ophør før tid


class ChangeStatus(StrEnum):
    OPEN = "open"
    GRANTED = "granted"
    REFUSED = "refused"


class RefusalReason(StrEnum):
    """As on the wire (``ChangeRefusalReason``)."""

    NOT_IN_CHILDS_INTEREST = "not_in_childs_interest"
    GOALS_NOT_SUPPORTED = "goals_not_supported"
    NEEDS_NEW_DECISION = "needs_new_decision"
    BUDGET = "budget"
    OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True)
class Proposal:
    """What the provider proposes; only its kind's fields are set. Scope and frequency are
    kept as the contract terms keep them (the wire value's JSON)."""

    new_end: date | None = None
    duration_months: int | None = None
    scope: str | None = None
    frequency: str | None = None
    last_day: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeRequest:
    request_id: UUID
    kind: ChangeKind
    version_in_force: int
    proposal: Proposal
    sealed_reason: str  # the provider's text, sealed as it arrived (about the measure)
    received_at: datetime
    status: ChangeStatus = ChangeStatus.OPEN
    reason_code: RefusalReason | None = None
    answer_text: str | None = None
    amended_version: int | None = None
    answered_by: str | None = None
    answered_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ContractChanges:
    contract_id: UUID
    case_id: UUID
    provider_id: UUID
    requests: tuple[ChangeRequest, ...] = ()

    def find(self, request_id: UUID) -> ChangeRequest | None:
        return next((r for r in self.requests if r.request_id == request_id), None)

    @property
    def open(self) -> tuple[ChangeRequest, ...]:
        return tuple(r for r in self.requests if r.status is ChangeStatus.OPEN)
