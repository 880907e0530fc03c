"""Capacity per tenant and measure code: places set from the material, held by accepted orders."""

from provider.domain.capacity.aggregate import decide, evolve
from provider.domain.capacity.model import (
    Capacity,
    CapacityCommand,
    CapacityEvent,
    PlaceReleased,
    PlaceReserved,
    PlacesSet,
    ReleasePlace,
    ReservePlace,
    SetPlaces,
)

__all__ = [
    "Capacity",
    "CapacityCommand",
    "CapacityEvent",
    "PlaceReleased",
    "PlaceReserved",
    "PlacesSet",
    "ReleasePlace",
    "ReservePlace",
    "SetPlaces",
    "decide",
    "evolve",
]
