"""Capacity (antal pladser) per tenant and measure code.

One stream per (tenant, measure code). The places come from the published material; an
accepted order holds one place until it is released (order withdrawn, delivery stopped).
The app reserves the place and records the acceptance in the same unit of work, so an order
is never accepted without a place: `ReservePlace` is refused with `no_capacity` when full.
Lowering the places below what is reserved is allowed (the material is the provider's to
change); it only stops new reservations until enough places are released.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from provider.domain.common import Command, Event


@dataclass(frozen=True, slots=True, kw_only=True)
class SetPlaces(Command):
    measure_code: str
    places: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ReservePlace(Command):
    measure_code: str
    order_id: UUID


@dataclass(frozen=True, slots=True, kw_only=True)
class ReleasePlace(Command):
    measure_code: str
    order_id: UUID


CapacityCommand = SetPlaces | ReservePlace | ReleasePlace


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacesSet(Event):
    measure_code: str
    places: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceReserved(Event):
    measure_code: str
    order_id: UUID


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceReleased(Event):
    measure_code: str
    order_id: UUID


CapacityEvent = PlacesSet | PlaceReserved | PlaceReleased


@dataclass(frozen=True, slots=True, kw_only=True)
class Capacity:
    tenant_id: UUID
    measure_code: str
    places: int
    reserved: frozenset[UUID]

    @property
    def free(self) -> int:
        return max(self.places - len(self.reserved), 0)
