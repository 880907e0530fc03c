"""Orders of a measure (bestilling) and the provider's answer to them."""

from datetime import date
from enum import StrEnum
from typing import Annotated, ClassVar, Self
from uuid import UUID

from pydantic import Field, model_validator

from samspil_contracts import topics
from samspil_contracts.base import IntegrationEvent
from samspil_contracts.common import (
    MAX_REVISION,
    ContactPerson,
    Frequency,
    Goals,
    MeasureCode,
    MunicipalityCode,
    Scope,
    ShortText,
    Text,
)
from samspil_contracts.sealed import Sealed


class _OrderState(IntegrationEvent):
    """The full current state of an order: a consumer never needs an older event to act."""

    topic: ClassVar[str] = topics.AUTHORITY_ORDERS

    order_id: UUID
    case_id: UUID
    provider_id: UUID
    measure: MeasureCode
    legal_basis: ShortText
    goals: Goals
    scope: Scope
    frequency: Frequency
    start: date
    expected_duration_months: int = Field(ge=1, le=240)
    # No answer deadline: the scheduler owns it (its municipality's working-day rule) and
    # announces it as DeadlineScheduled (kind order_answer_due) for every order version.
    authority_contact: ContactPerson
    child: Sealed = Field(
        description="The child's name and CPR, sealed with the child's data key (kid "
        "child:<child_id>); the provider gets the key from ChildKeyGranted"
    )
    # Optional since its introduction: the scheduler counts with this municipality's rules.
    municipality: MunicipalityCode | None = None


class OrderPlaced(_OrderState):
    """The authority orders a measure from a provider (bestilling)."""

    type_name: ClassVar[str] = "dk.samspil.order.placed"
    # v1 had a free-text ``measure`` and no ``legal_basis``; v2 an ``answer_deadline`` of
    # its own (placed + 14 days), which v3 leaves to the scheduler; see upcasters.
    schema_version: ClassVar[int] = 3


class OrderChanged(_OrderState):
    """The order was changed; it carries the whole order as it now is. v2 has no
    ``answer_deadline``: the scheduler sets the new version's answer deadline."""

    type_name: ClassVar[str] = "dk.samspil.order.changed"
    schema_version: ClassVar[int] = 2

    change_reason: Text


class OrderWithdrawn(IntegrationEvent):
    type_name: ClassVar[str] = "dk.samspil.order.withdrawn"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.AUTHORITY_ORDERS

    order_id: UUID
    case_id: UUID
    provider_id: UUID
    reason: Text


# The version answered: the revision (its envelope's) of the OrderPlaced/OrderChanged it
# answers; an answer to an older version is stale. None in v1 answers.
OrderVersion = Annotated[int, Field(ge=1, le=MAX_REVISION)]


class OrderAccepted(IntegrationEvent):
    """v2 adds ``order_version`` (v1 answers are read with none)."""

    type_name: ClassVar[str] = "dk.samspil.order.accepted"
    schema_version: ClassVar[int] = 2
    topic: ClassVar[str] = topics.PROVIDER_ANSWERS

    order_id: UUID
    case_id: UUID
    provider_id: UUID
    provider_contact: ContactPerson
    expected_start: date
    order_version: OrderVersion | None = None


class DeclineReason(StrEnum):
    NO_CAPACITY = "no_capacity"
    COMPETENCES = "competences"
    CONFLICT_OF_INTEREST = "conflict_of_interest"
    OTHER = "other"


class OrderDeclined(IntegrationEvent):
    """v2 adds ``order_version`` (v1 answers are read with none)."""

    type_name: ClassVar[str] = "dk.samspil.order.declined"
    schema_version: ClassVar[int] = 2
    topic: ClassVar[str] = topics.PROVIDER_ANSWERS

    order_id: UUID
    case_id: UUID
    provider_id: UUID
    reason: DeclineReason
    text: Text | None = None
    order_version: OrderVersion | None = None

    @model_validator(mode="after")
    def _other_needs_text(self) -> Self:
        # "Other" alone tells the caseworker nothing they can act on.
        if self.reason is DeclineReason.OTHER and self.text is None:
            raise ValueError("text is required when reason is 'other'")
        return self
