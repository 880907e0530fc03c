"""Which consumed event cancels or moves which deadlines (pure mapping, no I/O)."""

from datetime import UTC, date, datetime

import pytest
from samspil_contracts import (
    ClaimApproved,
    ClaimPaid,
    ClaimReceived,
    ClaimRejected,
    ContractTerminated,
    CoordinationEnded,
    CoordinationMeeting,
    CoordinationMeetingHeld,
    DecidedMeasure,
    DecisionApproved,
    FamilyContactRecorded,
    FollowUpHeld,
    FollowUpOutcome,
    MeasureEnded,
    OrderWithdrawn,
)
from samspil_contracts.testing import example_event
from scheduler.app.translations import TRANSLATIONS, commands_for
from scheduler.domain import (
    Cancel,
    Command,
    DeadlineKind,
    RecordCoordinationMeeting,
    RecordFamilyContact,
    RecordFollowUpHeld,
    RecordStartMeeting,
    Resolve,
    ScheduleActionPlan,
    ScheduleClaimPayment,
    ScheduleContractEnd,
    ScheduleCoordination,
    Subject,
    SubjectKind,
)


def _one(commands: list[Command]) -> Command | None:
    assert len(commands) <= 1
    return commands[0] if commands else None


AT = datetime(2027, 4, 1, 8, tzinfo=UTC)


def test_a_withdrawn_order_cancels_the_orders_deadlines() -> None:
    event = example_event(OrderWithdrawn)
    command = _one(commands_for(event, AT))
    assert isinstance(command, Cancel)
    assert (command.subject.kind, command.subject.id) == (SubjectKind.ORDER, event.order_id)


@pytest.mark.parametrize("with_contract", [True, False])
def test_an_ended_measure_cancels_its_contract_or_else_its_order(with_contract: bool) -> None:
    event = example_event(MeasureEnded)
    if not with_contract:
        event = event.model_copy(update={"contract_id": None})
    command = _one(commands_for(event, AT))
    assert isinstance(command, Cancel)
    expected = (
        (SubjectKind.CONTRACT, event.contract_id)
        if with_contract
        else (SubjectKind.ORDER, event.order_id)
    )
    assert (command.subject.kind, command.subject.id) == expected


def test_a_follow_up_with_outcome_end_cancels_the_series() -> None:
    event = example_event(FollowUpHeld).model_copy(update={"outcome": FollowUpOutcome.END})
    command = _one(commands_for(event, AT))
    assert isinstance(command, Cancel)
    assert command.subject.id == event.contract_id


@pytest.mark.parametrize("outcome", [FollowUpOutcome.CONTINUE, FollowUpOutcome.ADJUST])
def test_a_follow_up_that_continues_moves_the_next(outcome: FollowUpOutcome) -> None:
    held = date(2027, 3, 30)
    event = example_event(FollowUpHeld).model_copy(update={"outcome": outcome, "held_on": held})
    command = _one(commands_for(event, AT))
    assert isinstance(command, RecordFollowUpHeld)
    assert command.held_on == held


def test_barnets_lov_91_a_decision_with_the_plan_made_sets_its_deadline() -> None:
    event = example_event(DecisionApproved)
    command = _one(commands_for(event, AT))
    assert isinstance(command, ScheduleActionPlan)
    assert (command.case_id, command.decided_on) == (event.case_id, event.decided_on)


def test_barnets_lov_91_a_decision_without_a_plan_sets_no_plan_deadline() -> None:
    event = example_event(DecisionApproved).model_copy(
        update={"plan_made": False, "plan_kind": None}
    )
    assert _one(commands_for(event, AT)) is None


def test_notice_with_a_period_schedules_the_contracts_end_at_its_last_day() -> None:
    event = example_event(ContractTerminated)
    command = _one(commands_for(event, AT))
    assert isinstance(command, ScheduleContractEnd)
    assert (command.contract_id, command.last_day) == (event.contract_id, event.last_day)


def test_termination_without_notice_cancels_the_contracts_deadlines_at_once() -> None:
    event = example_event(ContractTerminated)
    event = event.model_copy(update={"last_day": event.notice_given_on})
    command = _one(commands_for(event, AT))
    assert isinstance(command, Cancel)
    assert command.subject.id == event.contract_id


def test_a_family_coordinator_decision_starts_its_rhythm_beside_the_plan() -> None:
    # Given a family coordinator decided with the child's plan made (seed 002)
    event = example_event(DecisionApproved).model_copy(
        update={"measure": DecidedMeasure.FAMILY_COORDINATOR}
    )
    # Then the plan's deadline and the coordinator's rhythm are both scheduled
    plan, coordination = commands_for(event, AT)
    assert isinstance(plan, ScheduleActionPlan)
    assert isinstance(coordination, ScheduleCoordination)
    assert coordination.subject == Subject(SubjectKind.COORDINATION, event.decision_id)
    assert coordination.decided_on == event.decided_on


def test_the_start_meeting_and_a_follow_up_meeting_are_told_apart() -> None:
    held = example_event(CoordinationMeetingHeld)
    assert isinstance(_one(commands_for(held, AT)), RecordStartMeeting)
    later = held.model_copy(update={"meeting": CoordinationMeeting.FOLLOW_UP})
    assert isinstance(_one(commands_for(later, AT)), RecordCoordinationMeeting)
    assert isinstance(
        _one(commands_for(example_event(FamilyContactRecorded), AT)), RecordFamilyContact
    )


def test_the_end_of_the_coordination_cancels_its_rhythm() -> None:
    ended = example_event(CoordinationEnded)
    command = _one(commands_for(ended, AT))
    assert isinstance(command, Cancel)
    assert command.subject == Subject(SubjectKind.COORDINATION, ended.decision_id)


def test_a_received_claim_is_due_as_its_contract_says_and_met_only_when_paid() -> None:
    # Given the authority received a claim with the contract's payment date
    received = example_event(ClaimReceived)
    command = _one(commands_for(received, AT))
    # Then the payment deadline is set on that date, from the claim
    assert isinstance(command, ScheduleClaimPayment)
    assert (command.due_on, command.submitted_on) == (
        received.payment_due_on,
        received.received_on,
    )
    # And approval does not meet it; payment does, and so does a rejection of every line
    assert ClaimApproved not in TRANSLATIONS
    for settled, why in ((ClaimPaid, "paid"), (ClaimRejected, "rejected")):
        resolve = _one(commands_for(example_event(settled), AT))
        assert isinstance(resolve, Resolve)
        assert (resolve.kind, resolve.reason) == (DeadlineKind.PAYMENT_DUE, why)
