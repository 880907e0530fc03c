"""Decide what a command on an order (bestilling) means, or refuse it."""

from datetime import datetime

from authority.domain.audit import CASEWORK, Role, require_role, stamp
from authority.domain.errors import DomainError, require, require_text
from authority.domain.order.messages import (
    ChangeOrder,
    EndOrder,
    OrderAccepted,
    OrderChanged,
    OrderCommand,
    OrderDeclined,
    OrderEnded,
    OrderEvent,
    OrderPlaced,
    OrderWithdrawn,
    PlaceOrder,
    RecordOrderAccepted,
    RecordOrderDeclined,
    WithdrawOrder,
)
from authority.domain.order.model import (
    DeclineReason,
    OrderState,
    OrderStatus,
    OrderTerms,
    WithdrawalReason,
)
from authority.domain.vocabulary import NOT_ORDERED, require_goals

MAX_DURATION_MONTHS = 240
_OPEN = (OrderStatus.AWAITING_ANSWER, OrderStatus.ACCEPTED)


def decide(command: OrderCommand, state: OrderState | None) -> list[OrderEvent]:
    if isinstance(command, PlaceOrder):
        return _place(command, state)
    if state is None:
        raise DomainError("order_not_found", "the order does not exist")
    match command:
        case ChangeOrder():
            return _change(command, state)
        case WithdrawOrder():
            return _withdraw(command, state)
        case RecordOrderAccepted():
            _awaiting_answer(state, command.version)
            ref = require_text(command.provider_ref, "provider_ref")
            return [OrderAccepted(**stamp(command), provider_ref=ref)]
        case EndOrder():
            return _end(command, state)
        case RecordOrderDeclined():
            _awaiting_answer(state, command.version)
            _text_for_other(command.reason_code is DeclineReason.OTHER, command.text)
            return [
                OrderDeclined(**stamp(command), reason_code=command.reason_code, text=command.text)
            ]


def _place(command: PlaceOrder, state: OrderState | None) -> list[OrderEvent]:
    require_role(command, CASEWORK)
    require(state is None, "order_exists", "an order with this id already exists")
    require(
        command.measure not in NOT_ORDERED,
        "measure_not_ordered",
        "the family coordinator is the municipality's own: it is not ordered from a provider",
    )
    _check_terms(command.terms, command.at)
    return [
        OrderPlaced(
            **stamp(command),
            order_id=command.order_id,
            case_id=command.case_id,
            provider_id=command.provider_id,
            decision_id=command.decision_id,
            measure=command.measure,
            terms=command.terms,
        )
    ]


def _change(command: ChangeOrder, state: OrderState) -> list[OrderEvent]:
    require_role(command, CASEWORK)
    require(
        state.status in _OPEN,
        "order_not_changeable",
        f"an order that is {state.status.value} cannot be changed",
    )
    require_text(command.reason, "reason")
    _check_terms(command.terms, command.at)
    return [OrderChanged(**stamp(command), version=state.version + 1, terms=command.terms)]


def _withdraw(command: WithdrawOrder, state: OrderState) -> list[OrderEvent]:
    require_role(command, CASEWORK)
    require(
        state.status in _OPEN,
        "order_closed",
        f"an order that is {state.status.value} cannot be withdrawn",
    )
    _text_for_other(command.reason_code is WithdrawalReason.OTHER, command.text)
    return [OrderWithdrawn(**stamp(command), reason_code=command.reason_code, text=command.text)]


def _end(command: EndOrder, state: OrderState) -> list[OrderEvent]:
    require_role(command, Role.SYSTEM if command.by_expiry else CASEWORK)
    require(
        state.status is OrderStatus.ACCEPTED,
        "order_not_running",
        f"only an accepted order can end; this one is {state.status.value}",
    )
    require_text(command.reason, "reason")
    return [OrderEnded(**stamp(command), ended_on=command.ended_on)]


def _awaiting_answer(state: OrderState, version: int | None) -> None:
    require(
        state.status is OrderStatus.AWAITING_ANSWER,
        "order_not_awaiting_answer",
        f"the order is {state.status.value}, not awaiting the provider's answer",
    )
    require(
        version is None or version == state.version,
        "stale_order_version",
        f"the answer is to version {version}; the order is now version {state.version}",
    )


def _text_for_other(is_other: bool, text: str | None) -> None:
    # "Other" alone tells the caseworker nothing they can act on.
    if is_other:
        require_text(text, "text")


def _check_terms(terms: OrderTerms, at: datetime) -> None:
    require_goals(terms.goals)
    require_text(terms.scope, "scope")
    require_text(terms.frequency, "frequency")
    require(
        1 <= terms.expected_duration_months <= MAX_DURATION_MONTHS,
        "invalid_duration",
        f"expected duration must be 1 to {MAX_DURATION_MONTHS} months",
    )
