"""Expiry at the expected end (issue 19): the scheduler's contract_expiry ends a contract in
force on the end of its version in force, once; an extension both signed keeps it."""

from dataclasses import replace
from datetime import date, timedelta

from authority.domain.contract import (
    ContractAmended,
    ContractCountersigned,
    ContractExpired,
    ContractSignedByAuthority,
    ContractState,
    RecordContractExpired,
    RecordDeliveryStarted,
)
from authority.domain.contract.ends import expected_end

from .builders import AT, CASEWORKER, START, SYSTEM
from .test_contract import TERMS, contract, countersigned_v1, drafted, signed_v1

END = expected_end(TERMS)
assert END is not None
IN_FORCE = (drafted, signed_v1, countersigned_v1)


def expire(due_on: date, today: date | None = None) -> RecordContractExpired:
    """The deadline firing on ``today`` (by default its overdue phase, the day after the end)."""
    after = END + timedelta(days=1)
    return RecordContractExpired(actor=SYSTEM, at=AT, due_on=due_on, today=today or after)


def test_a_contract_is_in_force_through_its_last_day() -> None:
    # Given a contract in force, when the expiry falls due days before its end (rolled back
    # from a weekend) or on the last day itself, at 09:00
    for fired in (END - timedelta(days=2), END):
        contract.given(*IN_FORCE).when(expire(END - timedelta(days=2), today=fired)).then()
    # Then nothing ends; the first firing after the last day ends it
    contract.given(*IN_FORCE).when(expire(END, today=END + timedelta(days=1))).then(
        ContractExpired(actor=SYSTEM, at=AT, expired_on=END)
    )


def test_a_contract_in_force_expires_on_its_expected_end_once() -> None:
    # When the expiry falls due (on the end, or a working day the scheduler rolled it to)
    expired = ContractExpired(actor=SYSTEM, at=AT, expired_on=END)
    state = contract.given(*IN_FORCE).when(expire(END - timedelta(days=2))).then(expired)
    # Then it is out of force, ended; a redelivery changes nothing
    assert isinstance(state, ContractState)
    assert (state.in_force, state.ended, state.expired_on) == (False, True, END)
    contract.given(*IN_FORCE, expired).when(expire(END)).then()
    # And delivery is refused afterwards
    start = RecordDeliveryStarted(actor=SYSTEM, at=AT, started_on=START)
    contract.given(*IN_FORCE, expired).when(start).then_refused("contract_not_in_force")


def test_an_extension_both_signed_keeps_the_contract_past_the_old_end() -> None:
    # Given version 2, 6 months longer, signed by both
    longer = replace(TERMS, duration_months=12)
    extended = (
        *IN_FORCE,
        ContractAmended(actor=CASEWORKER, at=AT, version=2, terms=longer),
        ContractSignedByAuthority(actor=CASEWORKER, at=AT, version=2),
        ContractCountersigned(actor=SYSTEM, at=AT, version=2),
    )
    # Then the old expiry ends nothing
    contract.given(*extended).when(expire(END)).then()
    # But an extension only drafted (not signed by both) does not keep it
    pending = extended[:4]
    contract.given(*pending).when(expire(END)).then(
        ContractExpired(actor=SYSTEM, at=AT, expired_on=END)
    )


def test_only_the_scheduler_expires_a_contract_and_only_one_in_force() -> None:
    contract.given(*IN_FORCE).when(replace(expire(END), actor=CASEWORKER)).then_refused(
        "forbidden_role"
    )
    contract.given(drafted).when(expire(END)).then()  # never in force: nothing to end
