"""The order inbox (bestilling): orders from the authority and the provider's answer.

Orders arrive as full snapshots with a version, possibly redelivered or out of order: the
same version is a no-op, an older one is ignored, a newer one replaces the snapshot. A
withdrawal can even arrive before the order; it then leaves a tombstone so that the late
order is ignored instead of reopening a withdrawn order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

from provider.domain.common import Command, Event
from provider.domain.values import Frequency, Goal, Scope


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderSnapshot:
    measure_code: str
    case_ref: str  # the authority's case reference; never the child's name or CPR
    goals: tuple[Goal, ...]
    scope: Scope
    frequency: Frequency
    start: date
    expected_duration_months: int
    # No answer deadline: the scheduler's (DeadlineScheduled, order_answer_due) is the one;
    # snapshots recorded with the authority's earlier own deadline are read without it.


class OrderStatus(StrEnum):
    RECEIVED = "received"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


class DeclineReason(StrEnum):
    NO_CAPACITY = "no_capacity"
    COMPETENCES = "competences"
    CONFLICT_OF_INTEREST = "conflict_of_interest"
    OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiveOrder(Command):
    order_id: UUID
    order_version: int
    snapshot: OrderSnapshot


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiveOrderWithdrawn(Command):
    order_id: UUID
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AcceptOrder(Command):
    order_id: UUID
    note: str = ""
    # The whole answer as the coordinator gave it (canonical JSON: note, start, contact), so
    # the same answer sent again is recognised and answered as the first time.
    answer: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class DeclineOrder(Command):
    order_id: UUID
    reason: DeclineReason
    text: str | None = None  # required when the reason is "other"


OrderCommand = ReceiveOrder | ReceiveOrderWithdrawn | AcceptOrder | DeclineOrder


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderReceived(Event):
    order_id: UUID
    order_version: int
    snapshot: OrderSnapshot


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderChanged(Event):
    """A newer version of the order arrived; it replaces the snapshot and awaits an answer."""

    order_id: UUID
    order_version: int
    snapshot: OrderSnapshot


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderWithdrawn(Event):
    order_id: UUID
    reason: str
    # Lets the app release a place held by an accepted order; None for a tombstone.
    previous_status: OrderStatus | None


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderAccepted(Event):
    order_id: UUID
    order_version: int
    note: str
    answer: str = ""  # see AcceptOrder; none in acceptances recorded before it was kept


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderDeclined(Event):
    order_id: UUID
    order_version: int
    reason: DeclineReason
    text: str | None


OrderEvent = OrderReceived | OrderChanged | OrderWithdrawn | OrderAccepted | OrderDeclined


@dataclass(frozen=True, slots=True, kw_only=True)
class Order:
    tenant_id: UUID
    order_id: UUID
    version: int  # 0 for a tombstone: withdrawn before the order itself arrived
    snapshot: OrderSnapshot | None
    status: OrderStatus
    answer: str = ""  # the acceptance given to this version (AcceptOrder.answer)
