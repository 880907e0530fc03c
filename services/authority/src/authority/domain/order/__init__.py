"""The order (bestilling) of a measure from a chosen provider."""

from authority.domain.order.decide import decide
from authority.domain.order.evolve import evolve
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
    can_reorder,
)

__all__ = [
    "ChangeOrder",
    "DeclineReason",
    "EndOrder",
    "OrderAccepted",
    "OrderChanged",
    "OrderCommand",
    "OrderDeclined",
    "OrderEnded",
    "OrderEvent",
    "OrderPlaced",
    "OrderState",
    "OrderStatus",
    "OrderTerms",
    "OrderWithdrawn",
    "PlaceOrder",
    "RecordOrderAccepted",
    "RecordOrderDeclined",
    "WithdrawOrder",
    "WithdrawalReason",
    "can_reorder",
    "decide",
    "evolve",
]
