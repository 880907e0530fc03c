"""Settlement (afregning): a provider's claim checked against the contract's price and scope."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID


@dataclass(frozen=True, slots=True)
class ClaimTerms:
    """What the contract allows, snapshotted when the claim is received."""

    price_per_unit_oere: int
    period_start: date
    period_end: date | None  # None: open-ended contract
    units_allowed: int  # scope (omfang) in units for the claimed period
    payment_terms_days: int


@dataclass(frozen=True, slots=True)
class ClaimLine:
    description: str
    units: int
    unit_price_oere: int

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
        return sum(line.units for line in self.lines)


class ClaimStatus(StrEnum):
    RECEIVED = "received"
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class ClaimState:
    claim_id: UUID
    contract_id: UUID
    provider_id: UUID
    terms: ClaimTerms
    claim: Claim
    status: ClaimStatus = ClaimStatus.RECEIVED
