"""Provider material: versions increase; only a coordinator of the tenant publishes."""

from dataclasses import replace
from datetime import UTC, datetime
from uuid import uuid4

from provider.domain import Actor, PriceUnit, Role
from provider.domain.common import DomainError
from provider.domain.material import (
    MaterialContent,
    MaterialPublished,
    MeasureOffer,
    PublishMaterial,
    TimeHorizon,
    decide,
    evolve,
)
from servicekit.decider import Decider
from testkit import DeciderSpec

given = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError).given

TENANT, OTHER_TENANT = uuid4(), uuid4()
AT = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
COORDINATOR = Actor("coordinator-1", Role.COORDINATOR)

CONTENT = MaterialContent(
    offers=(MeasureOffer("sel_52_3_2", 65_000, PriceUnit.HOUR, places=4),),
    time_horizons=(TimeHorizon("start after acceptance", 14),),
    method="Systemic family therapy in the home.",
    parents_and_network="Parents take part in every session; the network meets monthly.",
    competences=("social worker", "family therapist"),
)


def publish(content: MaterialContent = CONTENT) -> PublishMaterial:
    return PublishMaterial(actor=COORDINATOR, tenant_id=TENANT, at=AT, content=content)


def published(version: int) -> MaterialPublished:
    return MaterialPublished(
        actor=COORDINATOR, tenant_id=TENANT, at=AT, version=version, content=CONTENT
    )


def test_first_publication_is_version_1() -> None:
    given().when(publish()).then(published(1))


def test_each_publication_is_a_new_version() -> None:
    state = given(published(1)).when(publish()).then(published(2))
    assert state is not None
    assert state.offer_for("sel_52_3_2") == CONTENT.offers[0]


def test_another_tenants_material_is_not_found() -> None:
    command = replace(publish(), tenant_id=OTHER_TENANT)
    given(published(1)).when(command).then_refused("not_found")


def test_staff_may_not_publish() -> None:
    command = replace(publish(), actor=Actor("staff-1", Role.STAFF))
    given().when(command).then_refused("forbidden")


def test_negative_places_are_refused() -> None:
    offer = MeasureOffer("sel_52_3_2", 65_000, PriceUnit.HOUR, places=-1)
    content = MaterialContent(
        offers=(offer,),
        time_horizons=(),
        method="m",
        parents_and_network="p",
        competences=(),
    )
    given().when(publish(content)).then_refused("invalid_material")


def test_the_stance_on_parents_and_network_is_required() -> None:
    content = MaterialContent(
        offers=CONTENT.offers,
        time_horizons=(),
        method="m",
        parents_and_network=" ",
        competences=(),
    )
    given().when(publish(content)).then_refused("text_required")
