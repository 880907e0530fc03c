"""Concerns: notifications of concern and use of force, by the tenant delivering to the child."""

from dataclasses import replace
from datetime import UTC, datetime
from uuid import uuid4

from provider.domain import Actor, Role
from provider.domain.common import DomainError
from provider.domain.concern import (
    ConcernKind,
    ConcernNotified,
    NotifyConcern,
    Urgency,
    decide,
    evolve,
)
from provider.domain.contract import ContractFacts
from servicekit.decider import Decider
from testkit import DeciderSpec

given = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError).given

TENANT, OTHER_TENANT = uuid4(), uuid4()
CONTRACT_ID, CONCERN_ID = uuid4(), uuid4()
AT = datetime(2025, 5, 2, 14, 30, tzinfo=UTC)
STAFF = Actor("staff-1", Role.STAFF)
CONTRACT = ContractFacts(
    tenant_id=TENANT,
    contract_id=CONTRACT_ID,
    in_force=False,  # the duty to notify does not wait for signatures
    goal_ids=frozenset({uuid4()}),
    price_oere=65_000,
)
NOTIFY = NotifyConcern(
    actor=STAFF,
    tenant_id=TENANT,
    at=AT,
    concern_id=CONCERN_ID,
    contract=CONTRACT,
    kind=ConcernKind.USE_OF_FORCE,
    urgency=Urgency.ACUTE,
    summary="The child was held back from running into the road.",
)
NOTIFIED = ConcernNotified(
    actor=STAFF,
    tenant_id=TENANT,
    at=AT,
    concern_id=CONCERN_ID,
    contract_id=CONTRACT_ID,
    kind=ConcernKind.USE_OF_FORCE,
    urgency=Urgency.ACUTE,
    summary=NOTIFY.summary,
)


def test_staff_notify_a_concern() -> None:
    given().when(NOTIFY).then(NOTIFIED)


def test_a_concern_needs_a_summary() -> None:
    given().when(replace(NOTIFY, summary="  ")).then_refused("text_required")


def test_a_concern_is_notified_once() -> None:
    given(NOTIFIED).when(NOTIFY).then_refused("already_notified")


def test_a_concern_about_another_tenants_contract_is_not_found() -> None:
    command = replace(NOTIFY, tenant_id=OTHER_TENANT)
    given().when(command).then_refused("not_found")


def test_the_system_does_not_notify_concerns() -> None:
    command = replace(NOTIFY, actor=Actor("integration", Role.SYSTEM))
    given().when(command).then_refused("forbidden")
