"""Settlement (afregning): the provider claims payment under a contract, may credit part of a
claim, and records the authority's approval or rejection."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

from provider.domain.common import Command, Event
from provider.domain.contract.model import ContractFacts


@dataclass(frozen=True, slots=True)
class ClaimLine:
    description: str
    units: int
    unit_price_oere: int

    @property
    def amount_oere(self) -> int:
        return self.units * self.unit_price_oere


class ClaimStatus(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"


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


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordClaimRejected(Command):
    claim_id: UUID
    reason: str


ClaimCommand = SubmitClaim | IssueCreditNote | RecordClaimApproved | RecordClaimRejected


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


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRejected(Event):
    claim_id: UUID
    reason: str


ClaimEvent = ClaimSubmitted | CreditNoteIssued | ClaimApproved | ClaimRejected


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
