"""Settlement (afregning): a provider's claim checked against the contract's price and scope."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID


class LineKind(StrEnum):
    SERVICE = "service"  # the measure, at the contract's price per unit
    SPECIAL_AGREEMENT = "special_agreement"  # a særlig økonomisk aftale, billed on its own


class LineRejection(StrEnum):
    """Finance's coded reason for rejecting a line (as on the wire)."""

    PRICE_DIFFERS_FROM_CONTRACT = "price_differs_from_contract"
    OUTSIDE_CONTRACT_PERIOD = "outside_contract_period"
    EXCEEDS_SCOPE = "exceeds_scope"
    NO_SPECIAL_AGREEMENT = "no_special_agreement"
    NOT_DELIVERED = "not_delivered"
    ALREADY_CLAIMED = "already_claimed"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class ClaimTerms:
    """What the contract version in force for the claimed period allows, snapshotted when
    the claim is received."""

    price_per_unit_oere: int
    period_start: date
    period_end: date | None  # None: open-ended contract
    units_allowed: int  # scope (omfang) in units for the claimed period
    payment_terms_days: int
    version: int = 1  # the contract version the claim is checked against
    special_agreements: str = ""  # the version's særlige økonomiske aftaler; may be empty


@dataclass(frozen=True, slots=True)
class ClaimLine:
    description: str
    units: int
    unit_price_oere: int
    kind: LineKind = LineKind.SERVICE

    @property
    def amount_oere(self) -> int:
        return self.units * self.unit_price_oere


@dataclass(frozen=True, slots=True)
class Claim:
    period_start: date
    period_end: date
    lines: tuple[ClaimLine, ...]

    @property
    def total_oere(self) -> int:
        return sum(line.amount_oere for line in self.lines)

    @property
    def total_units(self) -> int:
        """The units of the measure claimed (special agreements are not in the scope)."""
        return sum(line.units for line in self.lines if line.kind is LineKind.SERVICE)


@dataclass(frozen=True, slots=True)
class LineOutcome:
    """Finance's decision on line `line` (from 1): approved, or rejected with a code."""

    line: int
    approved: bool
    reason_code: LineRejection | None = None
    text: str | None = None


class ClaimStatus(StrEnum):
    RECEIVED = "received"
    APPROVED = "approved"  # wholly or in part: see the outcomes
    REJECTED = "rejected"  # every line
    PAID = "paid"


@dataclass(frozen=True, slots=True)
class ClaimState:
    claim_id: UUID
    contract_id: UUID
    provider_id: UUID
    terms: ClaimTerms
    claim: Claim
    status: ClaimStatus = ClaimStatus.RECEIVED
    payment_due_on: date | None = None
    outcomes: tuple[LineOutcome, ...] = ()
    credited_oere: int = 0  # the provider's credit notes (kreditnotaer) applied
    credit_note_ids: frozenset[UUID] = frozenset()
    paid_on: date | None = None

    @property
    def approved_oere(self) -> int:
        lines = self.claim.lines
        return sum(lines[o.line - 1].amount_oere for o in self.outcomes if o.approved)

    @property
    def payable_oere(self) -> int:
        """What is to be paid: the approved lines (all, before a decision) less credit notes."""
        gross = self.approved_oere if self.outcomes else self.claim.total_oere
        return max(gross - self.credited_oere, 0)
