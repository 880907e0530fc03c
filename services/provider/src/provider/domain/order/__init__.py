"""The order inbox: orders from the authority, accepted or declined by a coordinator."""

from provider.domain.order.aggregate import ALREADY_ANSWERED, decide, evolve
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

__all__ = [
    "ALREADY_ANSWERED",
    "AcceptOrder",
    "DeclineOrder",
    "DeclineReason",
    "Order",
    "OrderAccepted",
    "OrderChanged",
    "OrderCommand",
    "OrderDeclined",
    "OrderEvent",
    "OrderReceived",
    "OrderSnapshot",
    "OrderStatus",
    "OrderWithdrawn",
    "ReceiveOrder",
    "ReceiveOrderWithdrawn",
    "decide",
    "evolve",
]
