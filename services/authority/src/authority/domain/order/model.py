"""Orders (bestilling): their terms, reasons and state."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

from authority.domain.vocabulary import Goal, MeasureCode


@dataclass(frozen=True, slots=True)
class OrderTerms:
    """What is ordered, taken from the decision and the action plan; changed as a whole."""

    goals: tuple[Goal, ...]
    scope: str  # omfang
    frequency: str  # hyppighed
    start: date
    expected_duration_months: int  # forventet varighed
    # No answer deadline here: the scheduler sets it by the municipality's working-day rule
    # (order_answer_due) and the order's views show that one. Orders recorded with the
    # earlier ``answer_deadline`` (placed + 14 days) are read without it.


class OrderStatus(StrEnum):
    AWAITING_ANSWER = "awaiting_answer"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    ENDED = "ended"  # ophør: the measure ended after delivery


class DeclineReason(StrEnum):
    NO_CAPACITY = "no_capacity"  # antal pladser
    COMPETENCES = "competences"
    CONFLICT_OF_INTEREST = "conflict_of_interest"
    OTHER = "other"


class WithdrawalReason(StrEnum):
    NEED_CEASED = "need_ceased"
    DECISION_CHANGED = "decision_changed"
    CITIZEN_MOVED = "citizen_moved"
    ANSWER_OVERDUE = "answer_overdue"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class OrderState:
    order_id: UUID
    case_id: UUID
    provider_id: UUID
    decision_id: UUID
    measure: MeasureCode
    terms: OrderTerms
    version: int = 1
    status: OrderStatus = OrderStatus.AWAITING_ANSWER
    provider_ref: str | None = None


def can_reorder(state: OrderState | None) -> bool:
    """May the case order the measure elsewhere? Yes once this order no longer binds a provider."""
    return state is None or state.status in (OrderStatus.DECLINED, OrderStatus.WITHDRAWN)
