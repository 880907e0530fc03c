"""Settlement (afregning): the provider claims, the authority approves or rejects."""

from datetime import date
from enum import StrEnum
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


class LineKind(StrEnum):
    """What a claim line bills: the measure at the contract's price per unit, or one of the
    contract's special economic agreements (særlige økonomiske aftaler) as its own line."""

    SERVICE = "service"
    SPECIAL_AGREEMENT = "special_agreement"


class LineRejection(StrEnum):
    """Why finance rejects a claim line (coded; free text only beside ``other``)."""

    PRICE_DIFFERS_FROM_CONTRACT = "price_differs_from_contract"
    OUTSIDE_CONTRACT_PERIOD = "outside_contract_period"
    EXCEEDS_SCOPE = "exceeds_scope"
    NO_SPECIAL_AGREEMENT = "no_special_agreement"
    NOT_DELIVERED = "not_delivered"
    ALREADY_CLAIMED = "already_claimed"
    OTHER = "other"


class ClaimLine(Value):
    description: ShortText
    kind: LineKind = LineKind.SERVICE
    quantity: int = Field(ge=1, le=MAX_QUANTITY)
    unit: PriceUnit
    unit_price_ore: UnitPriceOre
    amount_ore: Ore

    @model_validator(mode="after")
    def _amount(self) -> Self:
        if self.amount_ore != self.quantity * self.unit_price_ore:
            raise ValueError("amount_ore must equal quantity * unit_price_ore")
        return self


class LineOutcome(Value):
    """Finance's decision on one line (numbered from 1 in the claim's order)."""

    line: int = Field(ge=1, le=MAX_LIST)
    approved: bool
    reason_code: LineRejection | None = None  # set exactly when the line is rejected
    text: Text | None = None
    amount_ore: Ore  # the line's amount as claimed

    @model_validator(mode="after")
    def _coded(self) -> Self:
        if self.approved == (self.reason_code is not None):
            raise ValueError("a rejected line has a reason_code, an approved line none")
        return self


LineOutcomes = Annotated[tuple[LineOutcome, ...], Field(max_length=MAX_LIST)]


class ClaimSubmitted(IntegrationEvent):
    """v2: a line may bill a special economic agreement (``kind``; v1 lines are services)."""

    type_name: ClassVar[str] = "dk.samspil.claim.submitted"
    schema_version: ClassVar[int] = 2
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


class ClaimReceived(IntegrationEvent):
    """The authority received the claim and checks it against the contract version in force
    for the claimed period; payment is due ``payment_terms_days`` (that version's) after the
    claim (``payment_due_on``), tracked by the scheduler until the claim is paid."""

    type_name: ClassVar[str] = "dk.samspil.claim.received"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.AUTHORITY_SETTLEMENTS

    claim_id: UUID
    contract_id: UUID
    provider_id: UUID
    case_id: UUID
    contract_version: int = Field(ge=1)
    received_on: date
    payment_due_on: date


class ClaimApproved(IntegrationEvent):
    """Approved, wholly or in part. v2: ``lines`` has finance's outcome per line (a v1
    approval named none: every line approved); ``approved_total_ore`` is the approved lines
    less the credit notes applied before the decision."""

    type_name: ClassVar[str] = "dk.samspil.claim.approved"
    schema_version: ClassVar[int] = 2
    topic: ClassVar[str] = topics.AUTHORITY_SETTLEMENTS

    claim_id: UUID
    contract_id: UUID
    provider_id: UUID
    approved_total_ore: Ore
    currency: Currency = "DKK"
    payment_due_on: date
    lines: LineOutcomes = ()


class ClaimRejected(IntegrationEvent):
    """Every line rejected. v2: a coded ``reason_code`` and the outcome per line (v1 had
    only the text: read as ``other``)."""

    type_name: ClassVar[str] = "dk.samspil.claim.rejected"
    schema_version: ClassVar[int] = 2
    topic: ClassVar[str] = topics.AUTHORITY_SETTLEMENTS

    claim_id: UUID
    contract_id: UUID
    provider_id: UUID
    reason: Text
    reason_code: LineRejection = LineRejection.OTHER
    lines: LineOutcomes = ()


class ClaimPaid(IntegrationEvent):
    """Finance marked the approved claim paid: the payment deadline is met."""

    type_name: ClassVar[str] = "dk.samspil.claim.paid"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.AUTHORITY_SETTLEMENTS

    claim_id: UUID
    contract_id: UUID
    provider_id: UUID
    paid_on: date
    paid_total_ore: Ore
    currency: Currency = "DKK"


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
