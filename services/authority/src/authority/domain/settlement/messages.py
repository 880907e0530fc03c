"""Commands and events of a claim."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from authority.domain.audit import Command, Event
from authority.domain.settlement.model import Claim, ClaimTerms, LineOutcome, LineRejection


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiveClaim(Command):
    claim_id: UUID
    contract_id: UUID
    provider_id: UUID
    terms: ClaimTerms
    claim: Claim
    payment_due_on: date | None = None  # the claim's date + the version's payment terms


@dataclass(frozen=True, slots=True, kw_only=True)
class ApproveClaim(Command):
    """Finance approves every line."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RejectClaim(Command):
    """Finance rejects every line; `reason` is required and goes back to the provider."""

    reason_code: LineRejection = LineRejection.OTHER


@dataclass(frozen=True, slots=True, kw_only=True)
class DecideClaimLines(Command):
    """Finance decides each line: approved, or rejected with a coded reason."""

    outcomes: tuple[LineOutcome, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ApplyCreditNote(Command):
    """The provider's credit note (kreditnota) reduces what is claimed."""

    credit_note_id: UUID
    amount_oere: int


@dataclass(frozen=True, slots=True, kw_only=True)
class MarkClaimPaid(Command):
    paid_on: date


ClaimCommand = (
    ReceiveClaim | ApproveClaim | RejectClaim | DecideClaimLines | ApplyCreditNote | MarkClaimPaid
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimReceived(Event):
    claim_id: UUID
    contract_id: UUID
    provider_id: UUID
    terms: ClaimTerms
    claim: Claim
    payment_due_on: date | None = None  # None in streams from before payment terms ran


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimApproved(Event):
    approved_total_oere: int
    payment_due_on: date
    outcomes: tuple[LineOutcome, ...] = ()  # () in older streams: every line approved


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRejected(Event):
    reason_code: LineRejection = LineRejection.OTHER
    outcomes: tuple[LineOutcome, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditNoteApplied(Event):
    credit_note_id: UUID
    amount_oere: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimPaid(Event):
    paid_on: date
    paid_total_oere: int


ClaimEvent = ClaimReceived | ClaimApproved | ClaimRejected | CreditNoteApplied | ClaimPaid
