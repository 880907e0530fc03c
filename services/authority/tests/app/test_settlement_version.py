"""A claim is checked against the contract version in force for the claimed period."""

from dataclasses import replace
from datetime import UTC, date, datetime
from uuid import UUID

from authority.app.settlement_terms import version_on
from authority.domain.contract import ContractState


def contract(*since: tuple[int, datetime]) -> ContractState:
    return ContractState(
        contract_id=UUID(int=1),
        order_id=UUID(int=2),
        case_id=UUID(int=3),
        provider_id=UUID(int=4),
        versions=(),
        in_force_version=since[-1][0] if since else None,
        in_force_from=since,
    )


def test_the_version_in_force_on_the_periods_first_day_is_the_one() -> None:
    # Given version 1 in force from 2 March and version 3 from 1 May (23:30 UTC: 2 May in
    # Copenhagen), version 2 never signed by both
    state = contract(
        (1, datetime(2027, 3, 2, 9, tzinfo=UTC)), (3, datetime(2027, 5, 1, 22, 30, tzinfo=UTC))
    )
    # Then a claim from before the signatures is settled by version 1 (the measure may start
    # first), April by version 1, and from 2 May (Copenhagen) by version 3
    assert version_on(state, date(2027, 2, 15)) == 1
    assert version_on(state, date(2027, 5, 1)) == 1
    assert version_on(state, date(2027, 5, 2)) == 3
    # And a contract from before the dates were kept is settled by the version in force
    assert version_on(replace(state, in_force_from=()), date(2027, 5, 1)) == 3
