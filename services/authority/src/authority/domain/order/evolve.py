"""Fold order events into the order state."""

from dataclasses import replace

from authority.domain.order.messages import (
    OrderAccepted,
    OrderChanged,
    OrderDeclined,
    OrderEnded,
    OrderEvent,
    OrderPlaced,
    OrderWithdrawn,
)
from authority.domain.order.model import OrderState, OrderStatus


def evolve(state: OrderState | None, event: OrderEvent) -> OrderState:
    if isinstance(event, OrderPlaced):
        return OrderState(
            order_id=event.order_id,
            case_id=event.case_id,
            provider_id=event.provider_id,
            decision_id=event.decision_id,
            measure=event.measure,
            terms=event.terms,
        )
    if state is None:
        raise ValueError(f"{type(event).__name__} before OrderPlaced: the stream is corrupt")
    match event:
        case OrderChanged(version=version, terms=terms):
            # A changed order is a new offer: the provider answers it afresh.
            return replace(state, version=version, terms=terms, status=OrderStatus.AWAITING_ANSWER)
        case OrderWithdrawn():
            return replace(state, status=OrderStatus.WITHDRAWN)
        case OrderAccepted(provider_ref=ref):
            return replace(state, status=OrderStatus.ACCEPTED, provider_ref=ref)
        case OrderDeclined():
            return replace(state, status=OrderStatus.DECLINED)
        case OrderEnded():
            return replace(state, status=OrderStatus.ENDED)
