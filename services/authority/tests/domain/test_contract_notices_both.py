"""Issue 19: both parties give notice (the earlier last day wins, the other is recorded),
and an early end both agreed may be today."""

from dataclasses import replace
from datetime import timedelta

from authority.domain.contract import (
    ContractState,
    LaterNoticeRecorded,
    Party,
    TerminationReason,
)

from .builders import SYSTEM
from .test_contract_notice import GIVEN_ON, LAST_DAY, contract, in_force, notice, noticed

by_provider = replace(
    notice,
    actor=SYSTEM,
    initiated_by=Party.PROVIDER,
    reason_code=TerminationReason.PROVIDER_CANNOT_DELIVER,
)


def test_the_other_partys_earlier_last_day_wins_and_the_first_is_kept_beside_it() -> None:
    # Given the authority's notice to LAST_DAY; when the provider gives notice to 10 days before
    earlier = replace(by_provider, effective_on=LAST_DAY - timedelta(days=10))
    state = (
        contract.given(*in_force, noticed)
        .when(earlier)
        .then(
            replace(
                noticed,
                actor=SYSTEM,
                initiated_by=Party.PROVIDER,
                effective_on=earlier.effective_on,
                reason_code=TerminationReason.PROVIDER_CANNOT_DELIVER,
            )
        )
    )
    # Then the provider's last day counts; the authority's notice is recorded beside it
    assert isinstance(state, ContractState)
    assert state.termination is not None
    assert state.other_notice is not None
    assert (state.termination.last_day, state.other_notice.initiated_by) == (
        earlier.effective_on,
        Party.AUTHORITY,
    )
    assert state.in_force


def test_the_other_partys_later_notice_is_recorded_and_changes_nothing() -> None:
    later = replace(by_provider, effective_on=LAST_DAY + timedelta(days=30))
    recorded = LaterNoticeRecorded(
        actor=SYSTEM,
        at=later.at,
        initiated_by=Party.PROVIDER,
        effective_on=later.effective_on,
        reason_code=TerminationReason.PROVIDER_CANNOT_DELIVER,
        notice_given_on=GIVEN_ON,
    )
    state = contract.given(*in_force, noticed).when(later).then(recorded)
    assert isinstance(state, ContractState)
    assert state.termination is not None
    assert state.other_notice is not None
    assert (state.termination.last_day, state.other_notice.last_day) == (
        LAST_DAY,
        later.effective_on,
    )
    # And each party still gives notice once
    contract.given(*in_force, noticed, recorded).when(later).then_refused(
        "contract_already_terminated"
    )
    contract.given(*in_force, noticed).when(notice).then_refused("contract_already_terminated")


def test_an_early_end_both_agreed_may_be_today() -> None:
    today = replace(notice, effective_on=GIVEN_ON, reason_code=TerminationReason.OTHER, text="x")
    contract.given(*in_force).when(today).then_refused("notice_period_required")
    state = (
        contract.given(*in_force)
        .when(replace(today, agreed=True))
        .then(
            replace(noticed, effective_on=GIVEN_ON, reason_code=TerminationReason.OTHER, text="x")
        )
    )
    assert isinstance(state, ContractState)
    assert state.ended
