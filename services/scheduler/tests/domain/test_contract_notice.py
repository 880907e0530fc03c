"""Notice given on a contract (opsigelse): deadlines by the last day stand, later ones go,
and the contract ends at the start of the day after its last day."""

from collections.abc import Callable
from datetime import date, time, timedelta
from uuid import UUID

from scheduler.domain import (
    Cancel,
    DeadlineKind,
    DeadlineSet,
    DeadlineStatus,
    RecordFollowUpHeld,
    ScheduleContractEnd,
    ScheduleForContractInForce,
    at_local,
    decide,
    due_occurrences,
    evolve,
    to_local_date,
)

CASE = UUID("00000000-0000-4000-8000-0000000000ca")
CONTRACT = UUID("00000000-0000-4000-8000-00000000c0c0")
PROVIDER = UUID("00000000-0000-4000-8000-0000000000b0")
ORDER = UUID("00000000-0000-4000-8000-0000000007de")
K, S = DeadlineKind, DeadlineStatus
Given = Callable[..., DeadlineSet]  # the conftest fixture


def in_force() -> ScheduleForContractInForce:
    """From 1 Feb 2027 to 31 Jan 2028: first follow-up 3 months on, expiry at the end."""
    return ScheduleForContractInForce(
        contract_id=CONTRACT,
        case_id=CASE,
        provider_id=PROVIDER,
        start=date(2027, 2, 1),
        expected_end=date(2028, 1, 31),
        at=at_local(date(2027, 2, 1), time(14, 0)),
    )


def notice(last_day: date, given_on: date = date(2027, 3, 15)) -> ScheduleContractEnd:
    return ScheduleContractEnd(
        contract_id=CONTRACT,
        provider_id=PROVIDER,
        order_id=ORDER,
        last_day=last_day,
        at=at_local(given_on, time(10, 0)),
    )


def apply(state: DeadlineSet, *commands: object) -> DeadlineSet:
    for command in commands:
        for event in decide(command, state):  # type: ignore[arg-type]
            state = evolve(state, event)
    return state


def status(state: DeadlineSet, kind: DeadlineKind) -> list[DeadlineStatus]:
    return [d.status for d in state.of_kind(kind)]


def test_deadlines_by_the_last_day_stand_and_the_later_ones_are_cancelled(given: Given) -> None:
    # Given a contract in force whose first follow-up falls early in May 2027
    state = given([in_force()])
    [follow_up] = state.pending(K.FOLLOW_UP_DUE)
    assert to_local_date(follow_up.due_at) < date(2027, 5, 31)
    # When notice is given on 15 March with 31 May as the last day
    state = apply(state, notice(date(2027, 5, 31)))
    # Then the follow-up and its status report (before the last day) still stand
    assert status(state, K.FOLLOW_UP_DUE) == [S.PENDING]
    assert status(state, K.STATUS_REPORT_DUE) == [S.PENDING]
    # And the expiry in January 2028 is cancelled
    assert status(state, K.CONTRACT_EXPIRY) == [S.CANCELLED]
    # And the contract ends at midnight after the last day
    [ends] = state.pending(K.CONTRACT_ENDS)
    assert ends.due_at == at_local(date(2027, 6, 1), time(0, 0))
    assert ends.refs.case_id == CASE
    assert ends.refs.order_id == ORDER


def test_a_follow_up_after_the_last_day_goes_with_its_status_report(given: Given) -> None:
    # Given a contract in force whose first follow-up falls in early May 2027
    state = given([in_force()])
    # When notice is given with 20 April as the last day
    state = apply(state, notice(date(2027, 4, 20)))
    # Then the follow-up after it is cancelled, and the status report that prepares it
    assert status(state, K.FOLLOW_UP_DUE) == [S.CANCELLED]
    assert status(state, K.STATUS_REPORT_DUE) == [S.CANCELLED]
    assert state.last_day == date(2027, 4, 20)


def test_holding_a_follow_up_under_notice_sets_none_after_the_last_day(given: Given) -> None:
    # Given a contract under notice to 30 June 2027, its first follow-up before that day
    state = apply(given([in_force()]), notice(date(2027, 6, 30)))
    [follow_up] = state.pending(K.FOLLOW_UP_DUE)
    held = to_local_date(follow_up.due_at)
    # When that follow-up is held
    state = apply(
        state,
        RecordFollowUpHeld(contract_id=CONTRACT, held_on=held, at=at_local(held, time(15, 0))),
    )
    # Then no next follow-up is set: it would fall after the last day
    assert state.pending(K.FOLLOW_UP_DUE) == ()
    assert state.paused is not None


def test_the_contract_ends_after_its_last_day_and_then_its_set_closes(given: Given) -> None:
    # Given a contract under notice to 31 May 2027
    state = apply(given([in_force()]), notice(date(2027, 5, 31)))
    midnight = at_local(date(2027, 6, 1), time(0, 0))
    # When the clock stands on the last day, the end is not due; just after, it is
    due_then = {d.kind for d, _ in due_occurrences(state, midnight - timedelta(minutes=1))}
    assert K.CONTRACT_ENDS not in due_then
    assert K.CONTRACT_ENDS in {d.kind for d, _ in due_occurrences(state, midnight)}
    # When the set is closed as the contract ended
    state = apply(state, Cancel(subject=state.subject, reason="contract ended", at=midnight))
    # Then nothing of it fires any more
    assert state.closed
    assert state.pending() == ()


def test_a_repeated_or_later_notice_decides_nothing(given: Given) -> None:
    state = apply(given([in_force()]), notice(date(2027, 5, 31)))
    assert decide(notice(date(2027, 5, 31)), state) == []
    assert decide(notice(date(2027, 6, 30)), state) == []  # the other party's, later


def test_the_other_partys_earlier_last_day_wins(given: Given) -> None:
    # Given notice to 31 May; when the other party's notice ends it on 30 April
    state = apply(given([in_force()]), notice(date(2027, 5, 31)), notice(date(2027, 4, 30)))
    # Then the contract ends after 30 April only: the May end is cancelled
    ends = state.of_kind(DeadlineKind.CONTRACT_ENDS)
    assert [(d.anchor, d.status) for d in ends] == [
        (date(2027, 5, 31), DeadlineStatus.CANCELLED),
        (date(2027, 4, 30), DeadlineStatus.PENDING),
    ]
