"""Individual contracts: in force only when both parties signed the current version."""

from dataclasses import replace
from datetime import date
from uuid import UUID

import pytest
from authority.domain import DomainError
from authority.domain.contract import (
    AmendContract,
    Contact,
    ContractAmended,
    ContractCountersigned,
    ContractDrafted,
    ContractSignedByAuthority,
    ContractState,
    ContractTerminated,
    ContractTerms,
    DeliveryStarted,
    DeliveryStop,
    DeliveryStopped,
    DraftContract,
    Party,
    RecordDeliveryStarted,
    RecordDeliveryStopped,
    RecordProviderCountersigned,
    SignAsAuthority,
    StopReason,
    TerminateContract,
    TerminationReason,
    decide,
    evolve,
    require_in_force,
    require_settleable,
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
signed_v1 = ContractSignedByAuthority(actor=CASEWORKER, at=AT, version=1)
countersigned_v1 = ContractCountersigned(actor=SYSTEM, at=AT, version=1)
more_hours = replace(TERMS, scope="6 hours a week")
amended = ContractAmended(actor=CASEWORKER, at=AT, version=2, terms=more_hours)
sign = SignAsAuthority(actor=CASEWORKER, at=AT)
countersign = RecordProviderCountersigned(actor=SYSTEM, at=AT, version=1)
start_delivery = RecordDeliveryStarted(actor=SYSTEM, at=AT, started_on=START)


def in_force(*history: object) -> bool:
    state = contract.given(*history).state  # type: ignore[arg-type]
    assert isinstance(state, ContractState)
    return state.in_force


def test_a_drafted_contract_is_not_in_force() -> None:
    command = DraftContract(
        actor=CASEWORKER,
        at=AT,
        contract_id=drafted.contract_id,
        order_id=drafted.order_id,
        case_id=drafted.case_id,
        provider_id=drafted.provider_id,
        terms=TERMS,
    )
    contract.given().when(command).then(drafted)
    contract.given(drafted).when(command).then_refused("contract_exists")
    assert not in_force(drafted)


def test_in_force_only_when_both_parties_signed() -> None:
    contract.given(drafted).when(sign).then(signed_v1)
    assert not in_force(drafted, signed_v1)
    contract.given(drafted, signed_v1).when(countersign).then(countersigned_v1)
    assert in_force(drafted, signed_v1, countersigned_v1)


def test_the_provider_countersigns_after_the_authority() -> None:
    contract.given(drafted).when(countersign).then_refused("authority_signature_missing")


def test_a_party_signs_a_version_once() -> None:
    contract.given(drafted, signed_v1).when(sign).then_refused("already_signed")
    given = contract.given(drafted, signed_v1, countersigned_v1)
    given.when(countersign).then_refused("already_signed")


def test_an_amendment_is_a_new_version_both_must_sign_while_the_old_stays_in_force() -> None:
    amend = AmendContract(actor=CASEWORKER, at=AT, terms=more_hours)
    state = contract.given(drafted, signed_v1, countersigned_v1).when(amend).then(amended)
    assert isinstance(state, ContractState)
    assert state.version == 2
    assert state.versions == (TERMS, more_hours)
    assert (state.in_force, state.in_force_version, state.pending_version) == (True, 1, 2)
    assert state.terms_in_force == TERMS
    signed_v2 = ContractSignedByAuthority(actor=CASEWORKER, at=AT, version=2)
    half = contract.given(drafted, signed_v1, countersigned_v1, amended, signed_v2).state
    assert isinstance(half, ContractState)
    assert (half.in_force_version, half.pending_version) == (1, 2)
    countersigned_v2 = ContractCountersigned(actor=SYSTEM, at=AT, version=2)
    both = contract.given(
        drafted, signed_v1, countersigned_v1, amended, signed_v2, countersigned_v2
    )
    assert isinstance(both.state, ContractState)
    assert (both.state.in_force_version, both.state.pending_version) == (2, None)


def test_a_countersignature_of_a_stale_version_is_refused() -> None:
    signed_v2 = ContractSignedByAuthority(actor=CASEWORKER, at=AT, version=2)
    given = contract.given(drafted, signed_v1, amended, signed_v2)
    refused = given.when(countersign).then_refused("stale_contract_version")
    assert "version 2" in refused.message
    given.when(replace(countersign, version=2)).then(
        ContractCountersigned(actor=SYSTEM, at=AT, version=2)
    )


def test_the_authority_cannot_sign_a_version_it_has_not_seen() -> None:
    contract.given(drafted, amended).when(replace(sign, version=1)).then_refused(
        "stale_contract_version"
    )


def test_delivery_on_a_contract_not_in_force_is_refused() -> None:
    contract.given(drafted).when(start_delivery).then_refused("contract_not_in_force")


def test_a_start_arriving_before_the_countersignature_is_recorded() -> None:
    # The provider started under a version it countersigned; that news is on another topic.
    contract.given(drafted, signed_v1).when(start_delivery).then(
        DeliveryStarted(actor=SYSTEM, at=AT, started_on=START)
    )
    contract.given(drafted, signed_v1, countersigned_v1, amended).when(start_delivery).then(
        DeliveryStarted(actor=SYSTEM, at=AT, started_on=START)
    )
    contract.given(drafted, signed_v1, countersigned_v1).when(start_delivery).then(
        DeliveryStarted(actor=SYSTEM, at=AT, started_on=START)
    )


def test_require_in_force_guards_other_acts_such_as_claims() -> None:
    with pytest.raises(DomainError) as refused:
        require_in_force(contract.given(drafted, signed_v1).state)
    assert refused.value.code == "contract_not_in_force"
    assert require_in_force(contract.given(drafted, signed_v1, countersigned_v1).state)


def test_a_measure_ended_at_a_follow_up_ends_the_contract_at_once() -> None:
    # Given a contract in force
    given = contract.given(drafted, signed_v1, countersigned_v1)
    # When the measure ends by decision, without a notice period
    terminate = TerminateContract(
        actor=CASEWORKER,
        at=AT,
        reason="Measure ended at follow-up",
        initiated_by=Party.AUTHORITY,
        effective_on=date(2025, 6, 30),
        reason_code=TerminationReason.MEASURE_NO_LONGER_NEEDED,
        ends_measure=True,
    )
    terminated = ContractTerminated(
        actor=CASEWORKER,
        at=AT,
        reason="Measure ended at follow-up",
        initiated_by=Party.AUTHORITY,
        effective_on=date(2025, 6, 30),
        reason_code=TerminationReason.MEASURE_NO_LONGER_NEEDED,
        notice_given_on=date(2025, 6, 30),
    )
    state = given.when(terminate).then(terminated)
    # Then it is out of force at once, and nothing more is done on it
    assert isinstance(state, ContractState)
    assert not state.in_force
    given.given(terminated).when(terminate).then_refused("contract_terminated")
    given.given(terminated).when(start_delivery).then_refused("contract_not_in_force")


def test_a_termination_recorded_before_notice_periods_reads_as_ended() -> None:
    # Given a ContractTerminated stored before notice periods (no notice_given_on)
    old = ContractTerminated(
        actor=CASEWORKER,
        at=AT,
        reason="Measure ended",
        initiated_by=Party.AUTHORITY,
        effective_on=date(2025, 6, 30),
    )
    state = contract.given(drafted, signed_v1, countersigned_v1, old).state
    # Then the contract ended on that day, as it then did
    assert isinstance(state, ContractState)
    assert state.ended
    assert not state.in_force


def test_terms_must_be_complete_before_anyone_signs() -> None:
    amend = AmendContract(actor=CASEWORKER, at=AT, terms=TERMS)
    given = contract.given(drafted)
    no_length = replace(TERMS, duration_months=None, expected_end=None)
    given.when(replace(amend, terms=no_length)).then_refused("duration_required")
    backwards = replace(TERMS, expected_end=date(2025, 1, 1))
    given.when(replace(amend, terms=backwards)).then_refused("invalid_period")
    given.when(replace(amend, terms=replace(TERMS, price_per_unit_oere=-1))).then_refused(
        "invalid_price"
    )
    no_follow_up = replace(TERMS, follow_up_wanted="")
    given.when(replace(amend, terms=no_follow_up)).then_refused("follow_up_wanted_required")
    no_contact = replace(TERMS, provider_contact=Contact("", "x@provider.example"))
    given.when(replace(amend, terms=no_contact)).then_refused("provider_contact_name_required")


def test_an_individual_contract_names_its_standard_contract() -> None:
    framework = UUID(int=9)
    command = DraftContract(
        actor=CASEWORKER,
        at=AT,
        contract_id=drafted.contract_id,
        order_id=drafted.order_id,
        case_id=drafted.case_id,
        provider_id=drafted.provider_id,
        terms=TERMS,
        standard_contract_id=framework,
    )
    state = contract.given().when(command).then(replace(drafted, standard_contract_id=framework))
    assert isinstance(state, ContractState)
    assert state.standard_contract_id == framework


def test_claims_are_settled_on_a_signed_contract_also_after_it_ended() -> None:
    # Given a contract only the authority signed, then one both signed and later terminated
    only_authority = contract.given(drafted, signed_v1).state
    ended = ContractTerminated(
        actor=CASEWORKER,
        at=AT,
        reason="Measure ended",
        initiated_by=Party.AUTHORITY,
        effective_on=date(2025, 6, 30),
    )
    both_then_ended = contract.given(drafted, signed_v1, countersigned_v1, ended).state
    # Then nothing is settled on the first, and the final settlement goes on the second
    with pytest.raises(DomainError, match="signed by both"):
        require_settleable(only_authority)  # type: ignore[arg-type]
    assert require_settleable(both_then_ended) is both_then_ended  # type: ignore[arg-type]


def test_the_providers_stop_is_recorded_once_with_its_coded_reason() -> None:
    stop = RecordDeliveryStopped(
        actor=SYSTEM, at=AT, stopped_on=START, reason_code=StopReason.FAMILY_MOVED, text=None
    )
    stopped = DeliveryStopped(
        actor=SYSTEM, at=AT, stopped_on=START, reason_code=StopReason.FAMILY_MOVED, text=None
    )
    state = contract.given(drafted, signed_v1, countersigned_v1).when(stop).then(stopped)
    assert isinstance(state, ContractState)
    assert state.delivery_stop == DeliveryStop(START, StopReason.FAMILY_MOVED, None)
    contract.given(drafted, signed_v1, countersigned_v1, stopped).when(stop).then_refused(
        "delivery_already_stopped"
    )


def test_an_amendment_that_changes_nothing_is_refused() -> None:
    same = AmendContract(actor=CASEWORKER, at=AT, terms=TERMS)
    given = contract.given(drafted, signed_v1, countersigned_v1)
    given.when(same).then_refused("amendment_changes_nothing")
    pending = contract.given(drafted, signed_v1, countersigned_v1, amended)
    pending.when(replace(same, terms=more_hours)).then_refused("amendment_changes_nothing")
