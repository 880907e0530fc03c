"""decide / evolve for capacity."""

from __future__ import annotations

from dataclasses import replace

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
from provider.domain.common import Role, not_foreign, refuse, require_role, stamp


def decide(command: CapacityCommand, state: Capacity | None) -> list[CapacityEvent]:
    not_foreign(state, command, "capacity")
    require_role(command, Role.COORDINATOR, Role.SYSTEM)
    if state is not None and state.measure_code != command.measure_code:
        refuse("not_found", "No such capacity.")
    match command:
        case SetPlaces():
            return _set(command, state)
        case ReservePlace():
            return _reserve(command, state)
        case ReleasePlace():
            return _release(command, state)


def _set(command: SetPlaces, state: Capacity | None) -> list[CapacityEvent]:
    if command.places < 0:
        refuse("invalid_places", "Places must not be negative.")
    if state is not None and state.places == command.places:
        return []
    return [PlacesSet(**stamp(command), measure_code=command.measure_code, places=command.places)]


def _reserve(command: ReservePlace, state: Capacity | None) -> list[CapacityEvent]:
    if state is not None and command.order_id in state.reserved:
        return []  # a redelivered acceptance holds the same place, not a second one
    if state is None or state.free == 0:
        refuse("no_capacity", f"No free places for measure {command.measure_code}.")
    return [
        PlaceReserved(
            **stamp(command), measure_code=command.measure_code, order_id=command.order_id
        )
    ]


def _release(command: ReleasePlace, state: Capacity | None) -> list[CapacityEvent]:
    if state is None or command.order_id not in state.reserved:
        return []
    return [
        PlaceReleased(
            **stamp(command), measure_code=command.measure_code, order_id=command.order_id
        )
    ]


def evolve(state: Capacity | None, event: CapacityEvent) -> Capacity:
    if state is None:
        state = Capacity(
            tenant_id=event.tenant_id,
            measure_code=event.measure_code,
            places=0,
            reserved=frozenset(),
        )
    match event:
        case PlacesSet():
            return replace(state, places=event.places)
        case PlaceReserved():
            return replace(state, reserved=state.reserved | {event.order_id})
        case PlaceReleased():
            return replace(state, reserved=state.reserved - {event.order_id})
