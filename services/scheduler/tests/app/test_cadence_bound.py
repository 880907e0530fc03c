"""Every follow-up cadence the event contract carries is one the scheduler honours (§ 95)."""

from datetime import UTC, date, datetime

import pytest
from samspil_contracts import (
    FOLLOW_UP_CADENCE_MONTHS,
    ContractInForce,
    FollowUpCadenceSet,
    IntegrationEvent,
)
from samspil_contracts.testing import example_event
from scheduler.app.translations import commands_for
from scheduler.domain import DEFAULT_RULES, DeadlineKind, DeadlineSet, decide, evolve

AT = datetime(2027, 3, 24, 12, tzinfo=UTC)


def _series(*wire: IntegrationEvent) -> DeadlineSet:
    """The contract's deadline set after the scheduler decided on each consumed event."""
    commands = [commands_for(event, AT)[0] for event in wire]
    state = DeadlineSet(commands[0].subject)  # type: ignore[union-attr]
    for command in commands:
        for fact in decide(command, state, DEFAULT_RULES):  # type: ignore[arg-type]
            state = evolve(state, fact)
    return state


@pytest.mark.parametrize("months", list(FOLLOW_UP_CADENCE_MONTHS))
def test_a_contract_in_force_on_any_carried_cadence_gets_its_follow_up(months: int) -> None:
    # Given a contract in force whose case agreed a cadence within the contract's bound
    contract = example_event(ContractInForce).model_copy(
        update={"start": date(2027, 3, 24), "expected_end": None}
    )
    carried = contract.model_copy(update={"follow_up_interval_months": months})
    # When the scheduler consumes it, and a cadence set for the case afterwards
    cadence = example_event(FollowUpCadenceSet).model_copy(
        update={"contract_id": contract.contract_id, "interval_months": months}
    )
    for state in (_series(carried), _series(contract, cadence)):
        # Then the contract has a pending follow-up, no later than the statutory 3 months
        assert state.cadence is not None
        follow_up = state.latest(DeadlineKind.FOLLOW_UP_DUE)
        assert follow_up is not None
        assert follow_up.is_pending
        assert follow_up.due_at.date() <= date(2027, 6, 24)
