"""The family coordinator's rhythm (familiekoordinator, seed 002): the start meeting within
2 months of the decision (warned 14 days ahead), follow-up meetings every 8 weeks counted
from the start meeting and then from each meeting held, and contact with the family about
weekly. Dates are Danish calendar days; every phase fires at 09:00 Europe/Copenhagen."""

from collections.abc import Callable
from datetime import date, datetime, time
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from scheduler.domain import (
    DeadlineKind,
    DeadlineSet,
    DeadlineStatus,
    DomainError,
    RecordCoordinationMeeting,
    RecordFamilyContact,
    RecordStartMeeting,
    ScheduleCoordination,
    at_local,
    to_local_date,
)

CASE = UUID("00000000-0000-4000-8000-0000000000ca")
DECISION = UUID("00000000-0000-4000-8000-0000000000de")
CPH = ZoneInfo("Europe/Copenhagen")
NINE = time(9, 0)
K = DeadlineKind
Given = Callable[..., DeadlineSet]  # the conftest fixture


def decided(on: date) -> ScheduleCoordination:
    return ScheduleCoordination(
        decision_id=DECISION, case_id=CASE, decided_on=on, at=at_local(on, NINE)
    )


def start(on: date) -> RecordStartMeeting:
    return RecordStartMeeting(decision_id=DECISION, held_on=on, at=at_local(on, time(15)))


def meeting(on: date) -> RecordCoordinationMeeting:
    return RecordCoordinationMeeting(decision_id=DECISION, held_on=on, at=at_local(on, time(15)))


def contact(on: date) -> RecordFamilyContact:
    return RecordFamilyContact(decision_id=DECISION, contacted_on=on, at=at_local(on, time(15)))


def test_the_start_meeting_is_due_2_months_after_the_decision(given: Given) -> None:
    # Given a family coordinator decided on Wednesday 10 March 2027
    state = given([decided(date(2027, 3, 10))])

    # Then the start meeting is due on Monday 10 May 2027 at 09:00 Copenhagen summer time,
    # warned 14 days ahead, and it concerns the case
    [due] = state.of_kind(K.START_MEETING_DUE)
    assert due.timing.due_at == datetime(2027, 5, 10, 9, tzinfo=CPH)
    assert due.timing.due_at.utcoffset() is not None
    assert due.timing.due_at.utcoffset().total_seconds() == 7200  # type: ignore[union-attr]
    assert due.timing.warn_at == datetime(2027, 4, 26, 9, tzinfo=CPH)
    assert due.refs.case_id == CASE
    # And no follow-up meeting before the start meeting is held
    assert state.of_kind(K.COORDINATION_MEETING_DUE) == ()


def test_the_start_meeting_moves_back_from_a_holiday(given: Given) -> None:
    # Given a decision on 25 March 2026: 2 months later is Whit Monday (25 May 2026)
    state = given([decided(date(2026, 3, 25))])
    # Then the coordinator's own duty is met the working day before, Friday 22 May
    [due] = state.of_kind(K.START_MEETING_DUE)
    assert to_local_date(due.timing.due_at) == date(2026, 5, 22)


def test_the_first_contact_is_expected_a_week_after_the_decision(given: Given) -> None:
    state = given([decided(date(2027, 3, 10))])
    [due] = state.of_kind(K.CONTACT_DUE)
    assert due.timing.due_at == datetime(2027, 3, 17, 9, tzinfo=CPH)
    assert due.timing.warn_at is None  # a week is too short to warn ahead


def test_holding_the_start_meeting_meets_it_and_starts_follow_ups_every_8_weeks(
    given: Given,
) -> None:
    # Given the decision, and the start meeting held on Tuesday 20 April 2027
    state = given([decided(date(2027, 3, 10)), start(date(2027, 4, 20))])

    # Then the start meeting deadline is closed
    [start_due] = state.of_kind(K.START_MEETING_DUE)
    assert start_due.status is DeadlineStatus.CANCELLED
    # And the first follow-up meeting is due 8 weeks later, Tuesday 15 June, warned a week ahead
    [first] = state.of_kind(K.COORDINATION_MEETING_DUE)
    assert first.timing.due_at == datetime(2027, 6, 15, 9, tzinfo=CPH)
    assert first.timing.warn_at == datetime(2027, 6, 8, 9, tzinfo=CPH)


def test_each_follow_up_meeting_held_sets_the_next_8_weeks_after_it(given: Given) -> None:
    # Given the start meeting on 20 April and a follow-up meeting held late, on 22 June 2027
    state = given(
        [decided(date(2027, 3, 10)), start(date(2027, 4, 20)), meeting(date(2027, 6, 22))]
    )

    # Then one follow-up is pending: 8 weeks after the one held, Tuesday 17 August 2027
    first, second = state.of_kind(K.COORDINATION_MEETING_DUE)
    assert first.status is DeadlineStatus.CANCELLED
    assert second.is_pending
    assert second.timing.due_at == datetime(2027, 8, 17, 9, tzinfo=CPH)
    assert state.pending(K.COORDINATION_MEETING_DUE) == (second,)


def test_a_contact_meets_this_weeks_and_expects_the_next_a_week_later(given: Given) -> None:
    state = given([decided(date(2027, 3, 10)), contact(date(2027, 3, 15))])
    first, second = state.of_kind(K.CONTACT_DUE)
    assert first.status is DeadlineStatus.CANCELLED
    assert second.timing.due_at == datetime(2027, 3, 22, 9, tzinfo=CPH)


def test_a_redelivered_decision_changes_nothing(given: Given) -> None:
    once = given([decided(date(2027, 3, 10))])
    twice = given([decided(date(2027, 3, 10)), decided(date(2027, 3, 10))])
    assert once == twice


@pytest.mark.parametrize(
    ("commands", "code"),
    [
        ([meeting(date(2027, 4, 20))], "start_meeting_not_held"),
        ([start(date(2027, 4, 20)), start(date(2027, 4, 27))], "start_meeting_already_held"),
        ([start(date(2027, 3, 1))], "held_before_decision"),
    ],
)
def test_meetings_out_of_order_are_refused(
    given: Given, commands: list[RecordStartMeeting], code: str
) -> None:
    with pytest.raises(DomainError) as refused:
        given([decided(date(2027, 3, 10)), *commands])
    assert refused.value.code == code


def test_a_meeting_cannot_be_recorded_before_it_is_held(given: Given) -> None:
    ahead = RecordStartMeeting(
        decision_id=DECISION, held_on=date(2027, 4, 20), at=at_local(date(2027, 4, 18), NINE)
    )
    with pytest.raises(DomainError) as refused:
        given([decided(date(2027, 3, 10)), ahead])
    assert refused.value.code == "held_in_future"
