"""Standard contracts: countersigned per version like individual ones, for one tenant only."""

from dataclasses import replace
from datetime import UTC, date, datetime
from uuid import uuid4

from provider.domain import Actor, PriceUnit, Role
from provider.domain.common import DomainError
from provider.domain.standard import (
    CountersignStandard,
    ReceiveStandardOffer,
    StandardCountersigned,
    StandardOfferReceived,
    StandardTerms,
    decide,
    evolve,
)
from servicekit.decider import Decider
from testkit import DeciderSpec

given = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError).given

TENANT, OTHER = uuid4(), uuid4()
CONTRACT_ID = uuid4()
AT = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
SYSTEM = Actor("authority", Role.SYSTEM)
COORDINATOR = Actor("coordinator-1", Role.COORDINATOR)
STAFF = Actor("staff-1", Role.STAFF)
TERMS = StandardTerms(
    measure_code="sel_52_3_3",
    title="Standard contract, family treatment",
    price_oere=80_000,
    price_unit=PriceUnit.HOUR,
    start=date(2025, 1, 1),
    end=date(2026, 12, 31),
    payment_terms_days=30,
    terms_sha256="ab" * 32,
)


def offer(version: int, terms: StandardTerms = TERMS, tenant=TENANT) -> ReceiveStandardOffer:
    return ReceiveStandardOffer(
        actor=SYSTEM, tenant_id=tenant, at=AT, contract_id=CONTRACT_ID, version=version,
        terms=terms, authority_signed_at=AT,
    )  # fmt: skip


def received(version: int, terms: StandardTerms = TERMS) -> StandardOfferReceived:
    return StandardOfferReceived(
        actor=SYSTEM, tenant_id=TENANT, at=AT, contract_id=CONTRACT_ID, version=version,
        terms=terms, authority_signed_at=AT,
    )  # fmt: skip


def countersign(version: int, actor: Actor = COORDINATOR, tenant=TENANT) -> CountersignStandard:
    return CountersignStandard(
        actor=actor, tenant_id=tenant, at=AT, contract_id=CONTRACT_ID, version=version
    )


def signed(version: int, sha: str = TERMS.terms_sha256) -> StandardCountersigned:
    return StandardCountersigned(
        actor=COORDINATOR, tenant_id=TENANT, at=AT, contract_id=CONTRACT_ID, version=version,
        terms_sha256=sha,
    )  # fmt: skip


def test_an_offer_is_received_and_countersigning_it_puts_it_in_force() -> None:
    state = given().when(offer(1)).then(received(1))
    assert state is not None
    assert not state.in_force
    state = given(received(1)).when(countersign(1)).then(signed(1))
    assert state is not None
    assert state.in_force


def test_a_changed_version_needs_countersigning_again() -> None:
    v2 = replace(TERMS, price_oere=85_000, terms_sha256="cd" * 32)
    state = given(received(1), signed(1)).when(offer(2, v2)).then(received(2, v2))
    assert state is not None
    assert not state.in_force
    given(received(1), signed(1), received(2, v2)).when(countersign(2)).then(
        signed(2, v2.terms_sha256)
    )


def test_signing_an_unseen_or_signed_version_is_refused() -> None:
    history = (received(1), signed(1), received(2))
    given(*history).when(countersign(1)).then_refused("stale_version")
    given(received(1), signed(1)).when(countersign(1)).then_refused("already_countersigned")


def test_another_tenant_or_staff_cannot_countersign() -> None:
    given(received(1)).when(countersign(1, tenant=OTHER)).then_refused("not_found")
    given().when(countersign(1)).then_refused("not_found")
    given(received(1)).when(countersign(1, STAFF)).then_refused("forbidden")


def test_a_redelivered_offer_changes_nothing_and_another_tenants_is_refused() -> None:
    given(received(1)).when(offer(1)).then()
    given(received(1)).when(offer(2, tenant=OTHER)).then_refused("not_found")
