"""Commands and events of a claim."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from authority.domain.audit import Command, Event
from authority.domain.settlement.model import Claim, ClaimTerms


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiveClaim(Command):
    claim_id: UUID
    contract_id: UUID
    provider_id: UUID
    terms: ClaimTerms
    claim: Claim


@dataclass(frozen=True, slots=True, kw_only=True)
class ApproveClaim(Command):
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class RejectClaim(Command):
    """Finance rejects the claim; `reason` is required and goes back to the provider."""


ClaimCommand = ReceiveClaim | ApproveClaim | RejectClaim


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimReceived(Event):
    claim_id: UUID
    contract_id: UUID
    provider_id: UUID
    terms: ClaimTerms
    claim: Claim


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimApproved(Event):
    approved_total_oere: int
    payment_due_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRejected(Event):
    pass


ClaimEvent = ClaimReceived | ClaimApproved | ClaimRejected
