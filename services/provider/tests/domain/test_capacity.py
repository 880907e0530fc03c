"""Capacity: an accepted order holds a place; a full measure refuses with no_capacity."""

from dataclasses import replace
from datetime import UTC, datetime
from uuid import UUID, uuid4

from provider.domain import Actor, Role
from provider.domain.capacity import (
    PlaceReleased,
    PlaceReserved,
    PlacesSet,
    ReleasePlace,
    ReservePlace,
    SetPlaces,
    decide,
    evolve,
)
from provider.domain.common import DomainError
from servicekit.decider import Decider
from testkit import DeciderSpec

given = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError).given

TENANT, OTHER_TENANT = uuid4(), uuid4()
AT = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
COORDINATOR = Actor("coordinator-1", Role.COORDINATOR)
MEASURE = "sel_52_3_2"
ORDER_A, ORDER_B = uuid4(), uuid4()


def places_set(n: int) -> PlacesSet:
    return PlacesSet(actor=COORDINATOR, tenant_id=TENANT, at=AT, measure_code=MEASURE, places=n)


def reserve(order_id: UUID) -> ReservePlace:
    return ReservePlace(
        actor=COORDINATOR, tenant_id=TENANT, at=AT, measure_code=MEASURE, order_id=order_id
    )


def reserved(order_id: UUID) -> PlaceReserved:
    return PlaceReserved(
        actor=COORDINATOR, tenant_id=TENANT, at=AT, measure_code=MEASURE, order_id=order_id
    )


def release(order_id: UUID) -> ReleasePlace:
    return ReleasePlace(
        actor=COORDINATOR, tenant_id=TENANT, at=AT, measure_code=MEASURE, order_id=order_id
    )


def test_places_are_set_from_the_material() -> None:
    command = SetPlaces(actor=COORDINATOR, tenant_id=TENANT, at=AT, measure_code=MEASURE, places=2)
    given().when(command).then(places_set(2))


def test_a_free_place_is_reserved_for_the_order() -> None:
    state = given(places_set(2)).when(reserve(ORDER_A)).then(reserved(ORDER_A))
    assert state is not None
    assert state.free == 1


def test_capacity_exhausted_is_refused_with_no_capacity() -> None:
    history = (places_set(1), reserved(ORDER_A))
    given(*history).when(reserve(ORDER_B)).then_refused("no_capacity")


def test_a_measure_without_places_has_no_capacity() -> None:
    given().when(reserve(ORDER_A)).then_refused("no_capacity")


def test_reserving_again_for_the_same_order_holds_one_place() -> None:
    given(places_set(1), reserved(ORDER_A)).when(reserve(ORDER_A)).then()


def test_a_released_place_can_be_reserved_again() -> None:
    released = PlaceReleased(
        actor=COORDINATOR, tenant_id=TENANT, at=AT, measure_code=MEASURE, order_id=ORDER_A
    )
    history = (places_set(1), reserved(ORDER_A))
    given(*history).when(release(ORDER_A)).then(released)
    given(*history, released).when(reserve(ORDER_B)).then(reserved(ORDER_B))


def test_another_tenants_capacity_is_not_found() -> None:
    command = replace(reserve(ORDER_B), tenant_id=OTHER_TENANT)
    given(places_set(3)).when(command).then_refused("not_found")


def test_staff_may_not_reserve_places() -> None:
    command = replace(reserve(ORDER_A), actor=Actor("staff-1", Role.STAFF))
    given(places_set(3)).when(command).then_refused("forbidden")
