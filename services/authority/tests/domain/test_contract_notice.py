"""Notice (opsigelse) of an individual contract: in force through the last day, then ended."""

from dataclasses import replace
from datetime import date
from uuid import UUID

from authority.domain import DomainError
from authority.domain.contract import (
    AmendContract,
    Contact,
    ContractCountersigned,
    ContractDrafted,
    ContractEnded,
    ContractSignedByAuthority,
    ContractState,
    ContractTerminated,
    ContractTerms,
    DeliveryStarted,
    Party,
    RecordContractEnded,
    RecordDeliveryStarted,
    TerminateContract,
    TerminationReason,
    decide,
    evolve,
    require_in_force,
)
from servicekit.decider import Decider
from testkit import DeciderSpec

from .builders import AT, CASEWORKER, PRICE, START, SYSTEM, UNIT, goals

contract = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError)
TERMS = ContractTerms(
    goals=goals(),
    scope="4 hours a week",
    frequency="2 visits a week",
    start=START,
    expected_end=None,
    duration_months=6,
    follow_up_wanted="Written status report before each follow-up",
    special_economic_agreements="",
    price_per_unit_oere=PRICE,
    unit=UNIT,
    payment_terms_days=30,
    authority_contact=Contact("Anna Caseworker", "anna@kommune.example"),
    provider_contact=Contact("Frida Family Worker", "frida@provider.example"),
)
drafted = ContractDrafted(
    actor=CASEWORKER,
    at=AT,
    contract_id=UUID(int=1),
    order_id=UUID(int=2),
    case_id=UUID(int=3),
    provider_id=UUID(int=4),
    terms=TERMS,
)
in_force = (
    drafted,
    ContractSignedByAuthority(actor=CASEWORKER, at=AT, version=1),
    ContractCountersigned(actor=SYSTEM, at=AT, version=1),
)
GIVEN_ON, LAST_DAY = date(2025, 3, 3), date(2025, 4, 2)
notice = TerminateContract(
    actor=CASEWORKER,
    at=AT,
    initiated_by=Party.AUTHORITY,
    effective_on=LAST_DAY,
    reason_code=TerminationReason.GOALS_MET,
    notice_given_on=GIVEN_ON,
)
noticed = ContractTerminated(
    actor=CASEWORKER,
    at=AT,
    initiated_by=Party.AUTHORITY,
    effective_on=LAST_DAY,
    reason_code=TerminationReason.GOALS_MET,
    notice_given_on=GIVEN_ON,
)
start_delivery = RecordDeliveryStarted(actor=SYSTEM, at=AT, started_on=START)


def test_under_notice_the_contract_stays_in_force_and_delivery_may_start() -> None:
    # Given a contract in force, when the caseworker gives 30 days' notice
    state = contract.given(*in_force).when(notice).then(noticed)
    # Then it is still in force, with the notice on it
    assert isinstance(state, ContractState)
    assert state.in_force
    assert require_in_force(state) is state
    assert state.termination is not None
    assert (state.termination.last_day, state.termination.ended) == (LAST_DAY, False)
    # And the provider may still start delivery
    started = DeliveryStarted(actor=SYSTEM, at=AT, started_on=START)
    contract.given(*in_force, noticed).when(start_delivery).then(started)


def test_after_the_last_day_the_contract_has_ended() -> None:
    # Given notice given, when the scheduler says the last day has passed
    end = RecordContractEnded(actor=SYSTEM, at=AT)
    ended = ContractEnded(actor=SYSTEM, at=AT, ended_on=LAST_DAY)
    state = contract.given(*in_force, noticed).when(end).then(ended)
    # Then it is out of force: no delivery starts on it
    assert isinstance(state, ContractState)
    assert not state.in_force
    assert state.ended
    contract.given(*in_force, noticed, ended).when(start_delivery).then_refused(
        "contract_not_in_force"
    )
    # And saying it again changes nothing
    contract.given(*in_force, noticed, ended).when(end).then()


def test_a_second_notice_is_refused() -> None:
    contract.given(*in_force, noticed).when(notice).then_refused("contract_already_terminated")


def test_notice_is_given_only_on_a_contract_in_force() -> None:
    contract.given(drafted).when(notice).then_refused("contract_not_in_force")


def test_without_notice_only_for_a_breach() -> None:
    at_once = replace(notice, effective_on=GIVEN_ON)
    given = contract.given(*in_force)
    given.when(at_once).then_refused("notice_period_required")
    breach = replace(at_once, reason_code=TerminationReason.PROVIDER_NOT_DELIVERING)
    state = given.when(breach).then(
        replace(noticed, effective_on=GIVEN_ON, reason_code=breach.reason_code)
    )
    assert isinstance(state, ContractState)
    assert state.ended
    assert not state.in_force


def test_other_needs_a_text_and_the_last_day_cannot_precede_the_notice() -> None:
    given = contract.given(*in_force)
    given.when(replace(notice, reason_code=TerminationReason.OTHER)).then_refused(
        "termination_text_required"
    )
    given.when(replace(notice, effective_on=date(2025, 3, 1))).then_refused("invalid_notice_period")


def test_the_provider_gives_notice_without_a_caseworker_role() -> None:
    by_provider = replace(notice, actor=SYSTEM, initiated_by=Party.PROVIDER)
    state = (
        contract.given(*in_force)
        .when(by_provider)
        .then(replace(noticed, actor=SYSTEM, initiated_by=Party.PROVIDER))
    )
    assert isinstance(state, ContractState)
    assert state.termination is not None
    assert state.termination.initiated_by is Party.PROVIDER


def test_a_contract_under_notice_is_not_amended() -> None:
    amend = AmendContract(actor=CASEWORKER, at=AT, terms=replace(TERMS, scope="6 hours a week"))
    contract.given(*in_force, noticed).when(amend).then_refused("contract_under_notice")


def test_a_measure_ended_at_a_follow_up_ends_a_contract_under_notice_at_once() -> None:
    # Given a contract under notice to 2 April
    end_now = replace(
        notice,
        effective_on=GIVEN_ON,
        reason_code=TerminationReason.MEASURE_NO_LONGER_NEEDED,
        ends_measure=True,
    )
    # When the measure ends by decision at a follow-up
    state = (
        contract.given(*in_force, noticed)
        .when(end_now)
        .then(replace(noticed, effective_on=GIVEN_ON, reason_code=end_now.reason_code))
    )
    # Then the contract has ended at once
    assert isinstance(state, ContractState)
    assert state.ended
