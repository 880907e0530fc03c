"""decide / evolve for the order inbox: received → accepted | declined | withdrawn."""

from __future__ import annotations

from dataclasses import replace

from provider.domain.common import (
    Role,
    existing,
    not_foreign,
    refuse,
    require_role,
    require_text,
    stamp,
)
from provider.domain.order.model import (
    AcceptOrder,
    DeclineOrder,
    DeclineReason,
    Order,
    OrderAccepted,
    OrderChanged,
    OrderCommand,
    OrderDeclined,
    OrderEvent,
    OrderReceived,
    OrderSnapshot,
    OrderStatus,
    OrderWithdrawn,
    ReceiveOrder,
    ReceiveOrderWithdrawn,
)

# A second, different answer to an order (version) already answered: a conflict (409).
ALREADY_ANSWERED = "order_already_answered"
ANSWERED = (OrderStatus.ACCEPTED, OrderStatus.DECLINED)


def _same_answer(command: AcceptOrder | DeclineOrder, order: Order) -> bool:
    if isinstance(command, AcceptOrder):
        accepted = order.status is OrderStatus.ACCEPTED
        return accepted and bool(command.answer) and command.answer == order.answer
    declined = order.status is OrderStatus.DECLINED
    return declined and order.answer == _declined_as(command.reason, command.text)


def _declined_as(reason: DeclineReason, text: str | None) -> str:
    """A decline's whole answer, kept so the same decline sent again is recognised."""
    return f"declined:{reason.value}:{text or ''}"


def decide(command: OrderCommand, state: Order | None) -> list[OrderEvent]:
    match command:
        case ReceiveOrder():
            return _receive(command, state)
        case ReceiveOrderWithdrawn():
            return _withdraw(command, state)
        case AcceptOrder() | DeclineOrder():
            return _answer(command, state)


def _receive(command: ReceiveOrder, state: Order | None) -> list[OrderEvent]:
    not_foreign(state, command, "order")
    require_role(command, Role.SYSTEM)
    goal_ids = [goal.goal_id for goal in command.snapshot.goals]
    if not goal_ids or len(set(goal_ids)) != len(goal_ids):
        refuse("invalid_order", "An order needs at least one goal, each goal once.")
    if state is not None and (
        state.status is OrderStatus.WITHDRAWN or command.order_version <= state.version
    ):
        return []  # redelivered, out of order, or too late: the state already knows better
    kind = OrderReceived if state is None else OrderChanged
    return [
        kind(
            **stamp(command),
            order_id=command.order_id,
            order_version=command.order_version,
            snapshot=command.snapshot,
        )
    ]


def _withdraw(command: ReceiveOrderWithdrawn, state: Order | None) -> list[OrderEvent]:
    not_foreign(state, command, "order")
    require_role(command, Role.SYSTEM)
    if state is not None and state.status is OrderStatus.WITHDRAWN:
        return []
    previous = None if state is None else state.status
    return [
        OrderWithdrawn(
            **stamp(command),
            order_id=command.order_id,
            reason=command.reason,
            previous_status=previous,
        )
    ]


def _answer(command: AcceptOrder | DeclineOrder, state: Order | None) -> list[OrderEvent]:
    order = existing(state, command, "order")
    require_role(command, Role.COORDINATOR)
    if order.status in ANSWERED:
        if _same_answer(command, order):
            return []  # the same answer again: the first one stands
        refuse(ALREADY_ANSWERED, f"The order is already {order.status.value}, differently.")
    if order.status is not OrderStatus.RECEIVED:
        refuse("order_not_open", f"The order is already {order.status.value}.")
    if isinstance(command, AcceptOrder):
        return [
            OrderAccepted(
                **stamp(command),
                order_id=order.order_id,
                order_version=order.version,
                note=command.note,
                answer=command.answer,
            )
        ]
    if command.reason is DeclineReason.OTHER:
        # "Other" alone tells the caseworker nothing they can act on.
        require_text(command.text or "", "text")
    return [
        OrderDeclined(
            **stamp(command),
            order_id=order.order_id,
            order_version=order.version,
            reason=command.reason,
            text=command.text,
        )
    ]


def evolve(state: Order | None, event: OrderEvent) -> Order:
    if state is None:
        return _first(event)
    match event:
        case OrderReceived():
            return replace(state, version=event.order_version, snapshot=event.snapshot)
        case OrderChanged():
            # A new version of the order needs its own answer (the authority awaits one).
            status = OrderStatus.RECEIVED
            return replace(
                state, version=event.order_version, snapshot=event.snapshot, status=status
            )
        case OrderWithdrawn():
            return replace(state, status=OrderStatus.WITHDRAWN)
        case OrderAccepted():
            return replace(state, status=OrderStatus.ACCEPTED, answer=event.answer)
        case OrderDeclined():
            answer = _declined_as(event.reason, event.text)
            return replace(state, status=OrderStatus.DECLINED, answer=answer)


def _first(event: OrderEvent) -> Order:
    snapshot: OrderSnapshot | None
    match event:
        case OrderReceived():
            snapshot, version, status = event.snapshot, event.order_version, OrderStatus.RECEIVED
        case OrderWithdrawn():
            snapshot, version, status = None, 0, OrderStatus.WITHDRAWN  # tombstone
        case _:
            raise ValueError(f"{type(event).__name__} cannot start an order")
    return Order(
        tenant_id=event.tenant_id,
        order_id=event.order_id,
        version=version,
        snapshot=snapshot,
        status=status,
    )
