"""Concerns: notifications of concern (underretning) and use of force (magtanvendelse)."""

from provider.domain.concern.aggregate import decide, evolve
from provider.domain.concern.model import (
    Concern,
    ConcernKind,
    ConcernNotified,
    NotifyConcern,
    Urgency,
)

__all__ = [
    "Concern",
    "ConcernKind",
    "ConcernNotified",
    "NotifyConcern",
    "Urgency",
    "decide",
    "evolve",
]
