"""Change requests: only on a contract in force, one open request per kind, dates that
make sense; the authority's answer is recorded once."""

from dataclasses import replace
from datetime import UTC, date, datetime
from uuid import uuid4

import pytest
from provider.domain import Actor, Frequency, Per, Role, Scope
from provider.domain.change import (
    ChangeAnswered,
    ChangeBasis,
    ChangeKind,
    ChangeRequested,
    ChangeStatus,
    Proposal,
    RecordChangeAnswer,
    RequestChange,
    decide,
    evolve,
)
from provider.domain.common import DomainError
from servicekit.decider import Decider
from testkit import DeciderSpec

spec = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError)
given = spec.given

TENANT, OTHER_TENANT, CONTRACT_ID, REQUEST_ID = uuid4(), uuid4(), uuid4(), uuid4()
AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
COORDINATOR = Actor("coord-1", Role.COORDINATOR)
SYSTEM = Actor("authority", Role.SYSTEM)
BASIS = ChangeBasis(
    tenant_id=TENANT,
    contract_id=CONTRACT_ID,
    in_force=True,
    version_in_force=1,
    start=date(2026, 1, 5),
    end=date(2026, 12, 31),
    scope=Scope(6, Per.WEEK),
    frequency=Frequency(2, Per.WEEK),
)


def request(kind: ChangeKind = ChangeKind.EXTEND, **proposal: object) -> RequestChange:
    fields = proposal or {"new_end": date(2027, 6, 30)}
    return RequestChange(
        actor=COORDINATOR,
        tenant_id=TENANT,
        at=AT,
        request_id=REQUEST_ID,
        contract=BASIS,
        kind=kind,
        proposal=Proposal(**fields),  # type: ignore[arg-type]
        reason="sealed-box",
    )


EXTEND = request()
REQUESTED = ChangeRequested(
    actor=COORDINATOR,
    tenant_id=TENANT,
    at=AT,
    contract_id=CONTRACT_ID,
    request_id=REQUEST_ID,
    kind=ChangeKind.EXTEND,
    version_in_force=1,
    proposal=EXTEND.proposal,
    reason="sealed-box",
)


def answer(granted: bool) -> RecordChangeAnswer:
    return RecordChangeAnswer(
        actor=SYSTEM,
        tenant_id=TENANT,
        at=AT,
        contract_id=CONTRACT_ID,
        request_id=REQUEST_ID,
        granted=granted,
        reason_code=None if granted else "goals_not_supported",
        text=None if granted else "The goals are reached",
        amended_version=2 if granted else None,
    )


def test_an_extension_of_a_contract_in_force_is_requested_on_the_version_in_force() -> None:
    state = given().when(EXTEND).then(REQUESTED)
    assert state.requests[0].status is ChangeStatus.OPEN


def test_a_contract_not_in_force_cannot_be_changed() -> None:
    not_in_force = replace(EXTEND, contract=replace(BASIS, in_force=False, version_in_force=None))
    given().when(not_in_force).then_refused("contract_not_in_force")


def test_a_second_open_request_of_the_same_kind_is_refused_another_kind_is_not() -> None:
    second = replace(EXTEND, request_id=uuid4())
    given(REQUESTED).when(second).then_refused("change_request_open")
    scope = replace(request(ChangeKind.CHANGE_SCOPE, scope=Scope(8, Per.WEEK)), request_id=uuid4())
    assert given(REQUESTED).when(scope).events()


def test_once_answered_the_same_kind_may_be_asked_again() -> None:
    refused = given(REQUESTED).when(answer(False)).events()
    assert given(REQUESTED, *refused).when(replace(EXTEND, request_id=uuid4())).events()


@pytest.mark.parametrize(
    ("command", "code"),
    [
        (request(new_end=date(2026, 12, 31)), "extension_not_later"),
        (request(new_end=date(2025, 12, 31)), "invalid_dates"),
        (request(duration_months=6), "extension_not_later"),
        (request(new_end=date(2027, 6, 30), duration_months=24), "invalid_change_request"),
        (request(ChangeKind.END_EARLY, last_day=date(2026, 1, 1)), "invalid_dates"),
        (request(ChangeKind.END_EARLY, last_day=date(2026, 12, 31)), "invalid_dates"),
        (request(ChangeKind.END_EARLY, new_end=date(2027, 1, 1)), "invalid_change_request"),
        (request(ChangeKind.CHANGE_SCOPE, scope=Scope(6, Per.WEEK)), "change_changes_nothing"),
        (replace(EXTEND, reason=" "), "text_required"),
    ],
)
def test_invalid_proposals_are_refused(command: RequestChange, code: str) -> None:
    given().when(command).then_refused(code)


def test_a_longer_duration_and_an_early_last_day_are_accepted() -> None:
    assert given().when(request(duration_months=18)).events()
    assert given().when(request(ChangeKind.END_EARLY, last_day=date(2026, 6, 30))).events()


def test_another_tenants_contract_is_not_found() -> None:
    given(REQUESTED).when(replace(EXTEND, tenant_id=OTHER_TENANT)).then_refused("not_found")


def test_the_answer_is_recorded_once_and_a_redelivery_changes_nothing() -> None:
    state = (
        given(REQUESTED)
        .when(answer(True))
        .then(
            ChangeAnswered(
                actor=SYSTEM,
                tenant_id=TENANT,
                at=AT,
                request_id=REQUEST_ID,
                granted=True,
                reason_code=None,
                text=None,
                amended_version=2,
            )
        )
    )
    assert (state.requests[0].status, state.requests[0].amended_version) == (
        ChangeStatus.GRANTED,
        2,
    )
    answered = given(REQUESTED).when(answer(True)).events()
    given(REQUESTED, *answered).when(answer(False)).then()


def test_a_coordinator_cannot_answer_its_own_request() -> None:
    given(REQUESTED).when(replace(answer(True), actor=COORDINATOR)).then_refused("forbidden")
