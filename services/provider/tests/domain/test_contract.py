"""Individual contracts: in force only when the coordinator countersigned the latest version."""

from dataclasses import replace
from datetime import UTC, date, datetime
from uuid import uuid4

from provider.domain import Actor, Frequency, Goal, GoalArea, Per, PriceUnit, Role, Scope
from provider.domain.common import DomainError
from provider.domain.contract import (
    ContractCountersigned,
    ContractOfferReceived,
    ContractTerms,
    Countersign,
    ReceiveContractOffer,
    decide,
    evolve,
)
from provider.domain.signing import HashCheck
from servicekit.decider import Decider
from testkit import DeciderSpec

given = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError).given

TENANT, OTHER_TENANT = uuid4(), uuid4()
CONTRACT_ID, ORDER_ID = uuid4(), uuid4()
AT = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
SYSTEM = Actor("authority-contracts", Role.SYSTEM)
COORDINATOR = Actor("coordinator-1", Role.COORDINATOR)

TERMS = ContractTerms(
    measure_code="sel_52_3_2",
    price_oere=65_000,
    price_unit=PriceUnit.HOUR,
    goals=(Goal(uuid4(), GoalArea.SCHOOL, "Attends school every day."),),
    scope=Scope(4, Per.WEEK),
    frequency=Frequency(2, Per.WEEK),
    start=date(2025, 4, 1),
    end=None,
    payment_terms_days=30,
    terms_sha256="ab" * 32,
)
TERMS_V2 = replace(TERMS, scope=Scope(6, Per.WEEK), terms_sha256="cd" * 32)


def offer(version: int, terms: ContractTerms = TERMS) -> ReceiveContractOffer:
    return ReceiveContractOffer(
        actor=SYSTEM,
        tenant_id=TENANT,
        at=AT,
        contract_id=CONTRACT_ID,
        version=version,
        order_id=ORDER_ID,
        terms=terms,
        authority_signed_at=AT,
    )


def offered(version: int, terms: ContractTerms = TERMS) -> ContractOfferReceived:
    return ContractOfferReceived(
        actor=SYSTEM,
        tenant_id=TENANT,
        at=AT,
        contract_id=CONTRACT_ID,
        version=version,
        order_id=ORDER_ID,
        terms=terms,
        authority_signed_at=AT,
    )


def countersign(version: int) -> Countersign:
    return Countersign(
        actor=COORDINATOR, tenant_id=TENANT, at=AT, contract_id=CONTRACT_ID, version=version
    )


def countersigned(version: int, sha: str = TERMS.terms_sha256) -> ContractCountersigned:
    return ContractCountersigned(
        actor=COORDINATOR,
        tenant_id=TENANT,
        at=AT,
        contract_id=CONTRACT_ID,
        version=version,
        terms_sha256=sha,
    )


def test_an_offer_signed_only_by_the_authority_is_not_in_force() -> None:
    state = given().when(offer(1)).then(offered(1))
    assert state is not None
    assert not state.in_force


def test_countersigning_the_latest_version_puts_the_contract_in_force() -> None:
    state = given(offered(1)).when(countersign(1)).then(countersigned(1))
    assert state is not None
    assert state.in_force


def test_countersigning_a_stale_version_is_refused() -> None:
    history = (offered(1), offered(2, TERMS_V2))
    given(*history).when(countersign(1)).then_refused("stale_version")


def test_countersigning_the_same_version_twice_is_refused() -> None:
    history = (offered(1), countersigned(1))
    given(*history).when(countersign(1)).then_refused("already_countersigned")


def test_a_newer_offer_needs_countersigning_while_the_signed_version_stays_in_force() -> None:
    history = (offered(1), countersigned(1))
    state = given(*history).when(offer(2, TERMS_V2)).then(offered(2, TERMS_V2))
    assert state is not None
    assert (state.in_force, state.countersigned_version, state.pending_version) == (True, 1, 2)
    assert state.terms_in_force == TERMS  # delivery goes on under version 1
    after = (*history, offered(2, TERMS_V2))
    expected = countersigned(2, TERMS_V2.terms_sha256)
    state = given(*after).when(countersign(2)).then(expected)
    assert state is not None
    assert (state.in_force, state.countersigned_version, state.pending_version) == (True, 2, None)


def test_a_redelivered_or_older_offer_is_ignored() -> None:
    given(offered(2, TERMS_V2)).when(offer(2, TERMS_V2)).then()
    given(offered(2, TERMS_V2)).when(offer(1)).then()


def test_only_a_coordinator_countersigns() -> None:
    command = replace(countersign(1), actor=Actor("staff-1", Role.STAFF))
    given(offered(1)).when(command).then_refused("forbidden")


def test_another_tenants_contract_is_not_found() -> None:
    command = replace(countersign(1), tenant_id=OTHER_TENANT)
    given(offered(1)).when(command).then_refused("not_found")
    given().when(countersign(1)).then_refused("not_found")


def test_an_offer_without_goals_is_refused() -> None:
    command = offer(1, replace(TERMS, goals=()))
    given().when(command).then_refused("invalid_offer")


def test_a_hash_that_is_not_of_the_terms_held_is_not_signed() -> None:
    # Given an offer whose hash the app recomputed from its terms as another hash
    command = replace(countersign(1), hashes=HashCheck(held="cd" * 32))

    # When countersigned / Then refused
    given(offered(1)).when(command).then_refused("terms_hash_mismatch")


def test_a_hash_other_than_the_one_read_is_not_signed() -> None:
    # Given a coordinator who read terms with another hash than those held
    command = replace(countersign(1), hashes=HashCheck(held=TERMS.terms_sha256, shown="cd" * 32))

    # When countersigned / Then refused
    given(offered(1)).when(command).then_refused("terms_hash_mismatch")


def test_the_hash_of_the_terms_held_and_read_is_signed() -> None:
    sha = TERMS.terms_sha256
    command = replace(countersign(1), hashes=HashCheck(held=sha, shown=sha))
    given(offered(1)).when(command).then(countersigned(1))
