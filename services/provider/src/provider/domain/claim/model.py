"""Settlement (afregning): the provider claims payment under a contract, may credit part of a
claim, and records the authority's approval or rejection."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

from provider.domain.common import Command, Event
from provider.domain.contract.model import ContractFacts


class LineKind(StrEnum):
    SERVICE = "service"  # the measure, at the contract's price per unit
    SPECIAL_AGREEMENT = "special_agreement"  # a særlig økonomisk aftale, billed on its own


@dataclass(frozen=True, slots=True)
class ClaimLine:
    description: str
    units: int
    unit_price_oere: int
    kind: LineKind = LineKind.SERVICE

    @property
    def amount_oere(self) -> int:
        return self.units * self.unit_price_oere


class ClaimStatus(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"  # wholly or in part: see the lines' outcomes
    REJECTED = "rejected"
    PAID = "paid"


@dataclass(frozen=True, slots=True)
class LineOutcome:
    """The authority's decision on line `line` (from 1); a rejection has a code."""

    line: int
    approved: bool
    reason_code: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SubmitClaim(Command):
    claim_id: UUID
    claim_number: str  # the provider's invoice number; the app checks it is unique per tenant
    contract: ContractFacts
    period_start: date
    period_end: date
    lines: tuple[ClaimLine, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class IssueCreditNote(Command):
    credit_note_id: UUID
    claim_id: UUID
    amount_oere: int
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordClaimApproved(Command):
    claim_id: UUID
    outcomes: tuple[LineOutcome, ...] = ()
    approved_total_oere: int | None = None
    payment_due_on: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordClaimRejected(Command):
    claim_id: UUID
    reason: str
    reason_code: str = "other"
    outcomes: tuple[LineOutcome, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordClaimPaid(Command):
    claim_id: UUID
    paid_on: date
    paid_total_oere: int


ClaimCommand = (
    SubmitClaim | IssueCreditNote | RecordClaimApproved | RecordClaimRejected | RecordClaimPaid
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimSubmitted(Event):
    claim_id: UUID
    claim_number: str
    contract_id: UUID
    period_start: date
    period_end: date
    lines: tuple[ClaimLine, ...]
    total_oere: int


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditNoteIssued(Event):
    credit_note_id: UUID
    claim_id: UUID
    amount_oere: int
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimApproved(Event):
    claim_id: UUID
    outcomes: tuple[LineOutcome, ...] = ()  # () in older streams: every line approved
    approved_total_oere: int | None = None
    payment_due_on: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRejected(Event):
    claim_id: UUID
    reason: str
    reason_code: str = "other"
    outcomes: tuple[LineOutcome, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimPaid(Event):
    claim_id: UUID
    paid_on: date
    paid_total_oere: int


ClaimEvent = ClaimSubmitted | CreditNoteIssued | ClaimApproved | ClaimRejected | ClaimPaid


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    tenant_id: UUID
    claim_id: UUID
    claim_number: str
    contract_id: UUID
    total_oere: int
    status: ClaimStatus = ClaimStatus.SUBMITTED
    credited_oere: int = 0
    credit_note_ids: frozenset[UUID] = frozenset()
