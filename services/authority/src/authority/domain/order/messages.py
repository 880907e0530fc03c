"""Commands and events of an order (bestilling)."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from authority.domain.audit import Command, Event
from authority.domain.order.model import DeclineReason, OrderTerms, WithdrawalReason
from authority.domain.vocabulary import MeasureCode


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceOrder(Command):
    order_id: UUID
    case_id: UUID
    provider_id: UUID
    decision_id: UUID
    measure: MeasureCode
    terms: OrderTerms


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeOrder(Command):
    """Replace the terms; the provider answers the new version."""

    terms: OrderTerms


@dataclass(frozen=True, slots=True, kw_only=True)
class WithdrawOrder(Command):
    reason_code: WithdrawalReason
    text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordOrderAccepted(Command):
    provider_ref: str
    version: int | None = None  # the version answered, when the provider says


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordOrderDeclined(Command):
    reason_code: DeclineReason
    text: str | None = None
    version: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EndOrder(Command):
    """The measure ends (ophør) by decision; `reason` is required. `by_expiry`: its contract
    reached its expected end (recorded by the system, not a person)."""

    ended_on: date
    by_expiry: bool = False


OrderCommand = (
    PlaceOrder | ChangeOrder | WithdrawOrder | RecordOrderAccepted | RecordOrderDeclined | EndOrder
)


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderPlaced(Event):
    order_id: UUID
    case_id: UUID
    provider_id: UUID
    decision_id: UUID
    measure: MeasureCode
    terms: OrderTerms


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderChanged(Event):
    version: int
    terms: OrderTerms


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderWithdrawn(Event):
    reason_code: WithdrawalReason
    text: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderAccepted(Event):
    provider_ref: str


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderDeclined(Event):
    reason_code: DeclineReason
    text: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderEnded(Event):
    ended_on: date


OrderEvent = (
    OrderPlaced | OrderChanged | OrderWithdrawn | OrderAccepted | OrderDeclined | OrderEnded
)
