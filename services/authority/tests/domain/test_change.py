"""Change requests: recorded once, answered once by casework; a granted extension or
change of scope names the amended version, an early end none; the amended terms change
only the fields the provider asked for."""

from dataclasses import replace
from datetime import date
from uuid import UUID

from authority.domain.change import (
    ChangeGranted,
    ChangeKind,
    ChangeRefused,
    ChangeRequestReceived,
    ChangeStatus,
    GrantChange,
    Proposal,
    RecordChangeRequested,
    RefusalReason,
    RefuseChange,
    amended,
    decide,
    evolve,
)
from authority.domain.errors import DomainError
from servicekit.decider import Decider
from testkit import DeciderSpec

from .builders import AT, CASEWORKER, FINANCE, SYSTEM
from .test_contract import TERMS

change = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError)
REQUEST_ID = UUID(int=7)
record = RecordChangeRequested(
    actor=SYSTEM,
    at=AT,
    contract_id=UUID(int=1),
    case_id=UUID(int=2),
    provider_id=UUID(int=3),
    request_id=REQUEST_ID,
    kind=ChangeKind.EXTEND,
    version_in_force=1,
    proposal=Proposal(new_end=date(2027, 6, 30)),
    sealed_reason='{"kid": "child:x"}',
)
received = ChangeRequestReceived(
    actor=SYSTEM,
    at=AT,
    contract_id=record.contract_id,
    case_id=record.case_id,
    provider_id=record.provider_id,
    request_id=REQUEST_ID,
    kind=ChangeKind.EXTEND,
    version_in_force=1,
    proposal=record.proposal,
    sealed_reason=record.sealed_reason,
)
grant = GrantChange(actor=CASEWORKER, at=AT, request_id=REQUEST_ID, amended_version=2)
refuse = RefuseChange(
    actor=CASEWORKER,
    at=AT,
    request_id=REQUEST_ID,
    reason_code=RefusalReason.GOALS_NOT_SUPPORTED,
    text="The goals are reached",
)


def test_a_request_is_recorded_once_and_a_redelivery_adds_nothing() -> None:
    state = change.given().when(record).then(received)
    assert state.requests[0].status is ChangeStatus.OPEN
    change.given(received).when(record).then()


def test_a_request_naming_another_provider_of_the_contract_is_refused() -> None:
    other = replace(record, request_id=UUID(int=8), provider_id=UUID(int=9))
    change.given(received).when(other).then_refused("contract_not_found")


def test_a_granted_extension_names_the_amended_version() -> None:
    state = (
        change.given(received)
        .when(grant)
        .then(
            ChangeGranted(
                actor=CASEWORKER, at=AT, request_id=REQUEST_ID, amended_version=2, text=None
            )
        )
    )
    found = state.requests[0]
    assert (found.status, found.amended_version, found.answered_by) == (
        ChangeStatus.GRANTED,
        2,
        CASEWORKER.user_id,
    )


def test_an_extension_is_not_granted_without_its_amendment_nor_an_early_end_with_one() -> None:
    change.given(received).when(replace(grant, amended_version=None)).then_refused(
        "amendment_required"
    )
    early = replace(received, kind=ChangeKind.END_EARLY, proposal=Proposal(last_day=AT.date()))
    change.given(early).when(grant).then_refused("amendment_required")
    assert change.given(early).when(replace(grant, amended_version=None)).events()


def test_a_refusal_has_a_code_and_a_text_and_is_final() -> None:
    state = (
        change.given(received)
        .when(refuse)
        .then(
            ChangeRefused(
                actor=CASEWORKER,
                at=AT,
                request_id=REQUEST_ID,
                reason_code=RefusalReason.GOALS_NOT_SUPPORTED,
                text="The goals are reached",
            )
        )
    )
    assert state.requests[0].status is ChangeStatus.REFUSED
    change.given(received).when(replace(refuse, text=" ")).then_refused("refusal_text_required")
    refused = change.given(received).when(refuse).events()
    change.given(received, *refused).when(grant).then_refused("change_request_answered")


def test_only_casework_answers_and_only_a_request_that_exists() -> None:
    change.given(received).when(replace(grant, actor=FINANCE)).then_refused("forbidden_role")
    change.given().when(grant).then_refused("change_request_not_found")


def test_the_amended_terms_change_only_what_the_provider_asked_for() -> None:
    base = TERMS
    extended = amended(base, Proposal(new_end=date(2027, 6, 30)))
    assert extended == replace(base, expected_end=date(2027, 6, 30), duration_months=None)
    longer = amended(base, Proposal(duration_months=18))
    assert longer == replace(base, expected_end=None, duration_months=18)
    scope = '{"hours":8,"per":"week"}'
    assert amended(base, Proposal(scope=scope)) == replace(base, scope=scope)
