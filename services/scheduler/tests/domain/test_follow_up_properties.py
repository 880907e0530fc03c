"""Invariants of a follow-up series, whatever the start and however late meetings are held."""

from datetime import date, time, timedelta
from uuid import UUID

from hypothesis import given, settings
from hypothesis import strategies as st
from scheduler.domain import (
    DEFAULT_RULES,
    Command,
    DeadlineKind,
    DeadlineSet,
    Event,
    RecordFollowUpHeld,
    ScheduleForContractInForce,
    add_months,
    at_local,
    decide,
    evolve,
    to_local_date,
)

CONTRACT = UUID("00000000-0000-4000-8000-00000000c0c0")
CAL = DEFAULT_RULES.calendar


def apply(state: DeadlineSet, command: Command) -> tuple[DeadlineSet, list[Event]]:
    events = decide(command, state)
    for event in events:
        state = evolve(state, event)
    return state, events


@settings(max_examples=60, deadline=None)
@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31)),
    delays=st.lists(st.integers(min_value=-20, max_value=60), max_size=5),
)
def test_one_pending_follow_up_on_a_working_day_with_its_report_before_it(
    start: date, delays: list[int]
) -> None:
    # Given a contract in force
    signed = ScheduleForContractInForce(
        contract_id=CONTRACT,
        case_id=CONTRACT,
        provider_id=CONTRACT,
        start=start,
        at=at_local(start, time(12, 0)),
    )
    state, history = apply(DeadlineSet(signed.subject), signed)
    for delay in delays:
        # When each follow-up is held some days early or late (never before the last one)
        current = state.latest(DeadlineKind.FOLLOW_UP_DUE)
        assert current is not None
        planned = to_local_date(current.due_at) + timedelta(days=delay)
        held_on = max(planned, current.anchor + timedelta(days=1))
        command = RecordFollowUpHeld(
            contract_id=CONTRACT, held_on=held_on, at=at_local(held_on, time(16, 0))
        )
        state, events = apply(state, command)
        history += events
    # Then exactly one follow-up and one report are pending, of the same round
    [follow_up] = state.pending(DeadlineKind.FOLLOW_UP_DUE)
    [report] = state.pending(DeadlineKind.STATUS_REPORT_DUE)
    assert follow_up.sequence == report.sequence == len(delays) + 1
    # And the follow-up is on a working day, never later than the statutory months
    due = to_local_date(follow_up.due_at)
    months = 3 if follow_up.sequence == 1 else 6
    assert CAL.is_working_day(due)
    assert follow_up.anchor < due <= add_months(follow_up.anchor, months)
    # And the report is due on a working day before it
    assert CAL.is_working_day(to_local_date(report.due_at))
    assert report.due_at < follow_up.due_at
    # And replaying the recorded events rebuilds the same state
    replayed = DeadlineSet(signed.subject)
    for event in history:
        replayed = evolve(replayed, event)
    assert replayed == state
