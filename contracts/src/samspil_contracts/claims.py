"""Settlement (afregning): the provider claims, the authority approves or rejects."""

from datetime import date
from typing import Annotated, ClassVar, Self
from uuid import UUID

from pydantic import Field, model_validator

from samspil_contracts import topics
from samspil_contracts.base import IntegrationEvent
from samspil_contracts.common import (
    MAX_LIST,
    MAX_ORE,
    MAX_QUANTITY,
    Currency,
    Ore,
    PriceUnit,
    ShortText,
    Text,
    UnitPriceOre,
    Value,
)


class ClaimLine(Value):
    description: ShortText
    quantity: int = Field(ge=1, le=MAX_QUANTITY)
    unit: PriceUnit
    unit_price_ore: UnitPriceOre
    amount_ore: Ore

    @model_validator(mode="after")
    def _amount(self) -> Self:
        if self.amount_ore != self.quantity * self.unit_price_ore:
            raise ValueError("amount_ore must equal quantity * unit_price_ore")
        return self


class ClaimSubmitted(IntegrationEvent):
    type_name: ClassVar[str] = "dk.samspil.claim.submitted"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.PROVIDER_CLAIMS

    claim_id: UUID
    contract_id: UUID
    provider_id: UUID
    case_id: UUID | None = None
    period_start: date
    period_end: date
    lines: Annotated[tuple[ClaimLine, ...], Field(min_length=1, max_length=MAX_LIST)]
    total_ore: Ore
    currency: Currency = "DKK"

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.period_end < self.period_start:
            raise ValueError("period_end is before period_start")
        if self.total_ore != sum(line.amount_ore for line in self.lines):
            raise ValueError("total_ore must equal the sum of the lines")
        return self


class ClaimApproved(IntegrationEvent):
    type_name: ClassVar[str] = "dk.samspil.claim.approved"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.AUTHORITY_SETTLEMENTS

    claim_id: UUID
    contract_id: UUID
    provider_id: UUID
    approved_total_ore: Ore
    currency: Currency = "DKK"
    payment_due_on: date


class ClaimRejected(IntegrationEvent):
    type_name: ClassVar[str] = "dk.samspil.claim.rejected"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.AUTHORITY_SETTLEMENTS

    claim_id: UUID
    contract_id: UUID
    provider_id: UUID
    reason: Text


class ClaimCredited(IntegrationEvent):
    """A credit note (kreditnota): part of a submitted claim is no longer claimed."""

    type_name: ClassVar[str] = "dk.samspil.claim.credited"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.PROVIDER_CLAIMS

    claim_id: UUID
    credit_note_id: UUID
    contract_id: UUID
    provider_id: UUID
    amount_ore: Annotated[int, Field(gt=0, le=MAX_ORE, description="Amount in øre (1/100 DKK)")]
    currency: Currency = "DKK"
    reason: Text
