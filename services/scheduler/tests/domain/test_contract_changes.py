"""Changes to a contract in force: a new expected end, a rescheduled deadline, an ending."""

from collections.abc import Callable
from datetime import date, time
from uuid import UUID

from scheduler.domain import (
    Cancel,
    DeadlineKind,
    DeadlinePhase,
    DeadlineSet,
    DeadlineStatus,
    Fire,
    RecordFollowUpHeld,
    Resolve,
    ScheduleForContractInForce,
    SetCadence,
    at_local,
    decide,
    due_occurrences,
    evolve,
)

CASE = UUID("00000000-0000-4000-8000-0000000000ca")
CONTRACT = UUID("00000000-0000-4000-8000-00000000c0c0")
PROVIDER = UUID("00000000-0000-4000-8000-0000000000b0")
K, P = DeadlineKind, DeadlinePhase
NINE = time(9, 0)
Given = Callable[..., DeadlineSet]  # the conftest fixture


def in_force(
    start: date, end: date | None, signed: date | None = None
) -> ScheduleForContractInForce:
    return ScheduleForContractInForce(
        contract_id=CONTRACT,
        case_id=CASE,
        provider_id=PROVIDER,
        start=start,
        expected_end=end,
        at=at_local(signed or start, time(14, 0)),
    )


def local_due(state: DeadlineSet, kind: DeadlineKind) -> list[date]:
    return [d.due_at.astimezone(NINE_TZ).date() for d in state.pending(kind)]


NINE_TZ = at_local(date(2027, 1, 4), NINE).tzinfo


def apply(state: DeadlineSet, *commands: object) -> DeadlineSet:
    for command in commands:
        for event in decide(command, state):  # type: ignore[arg-type]
            state = evolve(state, event)
    return state


def test_extending_the_contract_moves_the_expiry_warning(given: Given) -> None:
    # Given a contract from 1 Feb 2027 expected to end 30 Sep 2027
    state = given([in_force(date(2027, 2, 1), date(2027, 9, 30))])
    # When version 2 extends it to 31 March 2028
    state = apply(state, in_force(date(2027, 2, 1), date(2028, 3, 31), signed=date(2027, 6, 1)))
    # Then one expiry deadline is pending, on the new end, warned 30 days before it
    [expiry] = state.pending(K.CONTRACT_EXPIRY)
    assert expiry.due_at == at_local(date(2028, 3, 31), NINE)
    assert expiry.warn_at == at_local(date(2028, 3, 1), NINE)
    assert [d.status for d in state.of_kind(K.CONTRACT_EXPIRY)] == [
        DeadlineStatus.CANCELLED,
        DeadlineStatus.PENDING,
    ]


def test_the_same_end_again_changes_nothing(given: Given) -> None:
    command = in_force(date(2027, 2, 1), date(2027, 9, 30))
    state = given([command])
    assert decide(command, state) == []


def test_no_follow_up_is_scheduled_after_the_expected_end(given: Given) -> None:
    # Given a contract of two months (the first follow-up would be after 3)
    state = given([in_force(date(2027, 2, 1), date(2027, 3, 31))])
    # Then there is no follow-up and no status report, only the expiry
    assert state.pending(K.FOLLOW_UP_DUE, K.STATUS_REPORT_DUE) == ()
    assert state.paused == (date(2027, 2, 1), 1)
    # When it is extended to the end of the year
    state = apply(state, in_force(date(2027, 2, 1), date(2027, 12, 31), signed=date(2027, 3, 1)))
    # Then the series resumes with the statutory first follow-up (3 months after the start)
    assert local_due(state, K.FOLLOW_UP_DUE) == [date(2027, 4, 30)]
    assert state.paused is None


def test_shortening_the_contract_cancels_a_follow_up_after_the_new_end(given: Given) -> None:
    # Given a contract from 1 Feb 2027 to the end of the year, follow-up due 30 April
    state = given([in_force(date(2027, 2, 1), date(2027, 12, 31))])
    # When version 2 ends it on 15 April
    state = apply(state, in_force(date(2027, 2, 1), date(2027, 4, 15), signed=date(2027, 3, 1)))
    # Then the follow-up and its report are cancelled, and expiry is due 15 April
    assert state.pending(K.FOLLOW_UP_DUE, K.STATUS_REPORT_DUE) == ()
    assert local_due(state, K.CONTRACT_EXPIRY) == [date(2027, 4, 15)]


def test_rescheduling_does_not_fire_an_already_fired_phase_again(given: Given) -> None:
    # Given a monthly-cadence contract whose follow-up DUE phase has fired
    start = date(2027, 2, 1)
    state = given([in_force(start, None)])
    [follow_up] = state.pending(K.FOLLOW_UP_DUE)
    fired_at = follow_up.due_at
    state = apply(
        state,
        Fire(subject=state.subject, deadline_id=follow_up.deadline_id, phase=P.DUE, at=fired_at),
    )
    # When a cadence of 2 months moves the pending follow-up
    state = apply(
        state,
        SetCadence(contract_id=CONTRACT, months=2, justification="unrest at school", at=fired_at),
    )
    # Then the DUE phase does not fire a second time; only OVERDUE is still to come
    moved = state.find(follow_up.deadline_id)
    assert moved is not None
    assert moved.due_at != follow_up.due_at
    assert moved.unfired_phases() == (P.OVERDUE,)
    later = at_local(date(2027, 12, 1), NINE)
    assert [phase for d, phase in due_occurrences(state, later) if d == moved] == [P.OVERDUE]


def test_an_ended_measure_cancels_every_deadline_of_the_contract(given: Given) -> None:
    state = given([in_force(date(2027, 2, 1), date(2027, 12, 31))])
    ended = Cancel(
        subject=state.subject, reason="measure ended", at=at_local(date(2027, 3, 1), NINE)
    )
    state = apply(state, ended)
    assert state.pending() == ()
    assert state.closed


def test_a_status_report_received_after_its_overdue_warning_is_settled(given: Given) -> None:
    # Given a status report deadline whose every phase has fired (it is overdue)
    state = given([in_force(date(2027, 2, 1), None)])
    [report] = state.pending(K.STATUS_REPORT_DUE)
    state = apply(
        state,
        Fire(subject=state.subject, deadline_id=report.deadline_id, phase=P.OVERDUE, at=LATE),
    )
    assert state.open(K.STATUS_REPORT_DUE) == (state.find(report.deadline_id),)
    # When the report arrives late, then the deadline is settled (off the overdue list)
    state = apply(
        state,
        Resolve(subject=state.subject, kind=K.STATUS_REPORT_DUE, reason="received", at=LATE),
    )
    assert state.open(K.STATUS_REPORT_DUE) == ()


LATE = at_local(date(2027, 6, 1), NINE)


def test_a_slower_cadence_that_reaches_past_the_end_pauses_the_series(given: Given) -> None:
    # Given a contract to 31 July 2027 on a 2-month cadence, the first follow-up held 1 April
    start, held_on = date(2027, 2, 1), date(2027, 4, 1)
    state = given([in_force(start, date(2027, 7, 31))])
    fast = SetCadence(contract_id=CONTRACT, months=2, justification="x", at=at_local(start, NINE))
    held = RecordFollowUpHeld(contract_id=CONTRACT, held_on=held_on, at=at_local(held_on, NINE))
    state = apply(state, fast, held)
    assert local_due(state, K.FOLLOW_UP_DUE) == [date(2027, 6, 1)]
    # When the cadence goes back to 6 months (next follow-up 1 October, after the end)
    slow = SetCadence(contract_id=CONTRACT, months=6, justification="calmer", at=LATE)
    state = apply(state, slow)
    # Then no follow-up is pending and the series waits for an extension
    assert state.pending(K.FOLLOW_UP_DUE, K.STATUS_REPORT_DUE) == ()
    assert state.paused == (held_on, 2)
