"""A contract's follow-up series: first after 3 months, then every 6, on working days."""

from collections.abc import Callable
from datetime import date, time, timedelta
from uuid import UUID

import pytest
from scheduler.domain import (
    CONTRACT_AGREED,
    CadenceSet,
    DeadlineKind,
    DeadlineRescheduled,
    DeadlineSet,
    DeadlineStatus,
    DomainError,
    RecordFollowUpHeld,
    Roll,
    Rules,
    ScheduleForContractInForce,
    SetCadence,
    WorkingCalendar,
    at_local,
    decide,
)

CASE = UUID("00000000-0000-4000-8000-0000000000ca")
CONTRACT = UUID("00000000-0000-4000-8000-00000000c0c0")
PROVIDER = UUID("00000000-0000-4000-8000-0000000000b0")
FOLLOW_UP, REPORT = DeadlineKind.FOLLOW_UP_DUE, DeadlineKind.STATUS_REPORT_DUE
NINE = time(9, 0)
Given = Callable[..., DeadlineSet]  # the conftest fixture


def in_force(start: date, **kw: object) -> ScheduleForContractInForce:
    return ScheduleForContractInForce(
        contract_id=CONTRACT,
        case_id=CASE,
        provider_id=PROVIDER,
        start=start,
        at=at_local(start, time(14, 0)),
        **kw,  # type: ignore[arg-type]
    )


def held(on: date) -> RecordFollowUpHeld:
    return RecordFollowUpHeld(contract_id=CONTRACT, held_on=on, at=at_local(on, time(15, 0)))


def cadence(months: int, why: str = "weekly concern reports from school") -> SetCadence:
    return SetCadence(
        contract_id=CONTRACT, months=months, justification=why, at=at_local(date(2027, 4, 1), NINE)
    )


def test_contract_signed_just_before_easter_gets_its_first_follow_up_after_3_months(
    given: Given,
) -> None:
    # Given a contract in force from Wednesday 24 March 2027, the day before Maundy Thursday
    state = given([in_force(date(2027, 3, 24))])
    # Then the first follow-up is due Thursday 24 June 2027 at 09:00 summer time
    follow_up = state.latest(FOLLOW_UP)
    assert follow_up is not None
    assert follow_up.due_at == at_local(date(2027, 6, 24), NINE)
    assert follow_up.due_at.utcoffset() == timedelta(hours=2)
    # And the provider's status report is due 10 working days before: Thursday 10 June
    report = state.latest(REPORT)
    assert report is not None
    assert report.due_at == at_local(date(2027, 6, 10), NINE)
    # And both carry the contract's ids for routing
    assert (follow_up.refs.case_id, follow_up.refs.provider_id) == (CASE, PROVIDER)


@pytest.mark.parametrize(
    ("start", "raw_due", "expected"),
    [
        (date(2026, 12, 29), "Easter Monday 2027-03-29", date(2027, 3, 24)),
        (date(2027, 2, 17), "Whit Monday 2027-05-17", date(2027, 5, 14)),
        (date(2027, 9, 25), "Christmas Day 2027-12-25", date(2027, 12, 23)),
        (date(2027, 3, 5), "Grundlovsdag (Saturday) 2027-06-05", date(2027, 6, 4)),
    ],
)
def test_a_follow_up_on_a_holiday_moves_back_so_it_is_not_late(
    given: Given, start: date, raw_due: str, expected: date
) -> None:
    # Given a contract whose 3-month date falls on a non-working day
    state = given([in_force(start)])
    # Then the follow-up moves to the previous working day (24 Dec is a closing day)
    follow_up = state.latest(FOLLOW_UP)
    assert follow_up is not None
    assert follow_up.due_at.date() == expected, raw_due


def test_a_municipality_open_on_24_december_holds_the_follow_up_that_day(given: Given) -> None:
    # Given a municipality that does not close on 24 and 31 December
    rules = Rules(calendar=WorkingCalendar(annual_closing_days=frozenset()))
    # When a contract's follow-up lands on Christmas Day 2027
    state = given([in_force(date(2027, 9, 25))], rules)
    # Then it moves back only to Friday 24 December
    follow_up = state.latest(FOLLOW_UP)
    assert follow_up is not None
    assert follow_up.due_at.date() == date(2027, 12, 24)


def test_roll_direction_is_a_rule(given: Given) -> None:
    # Given rules that move statutory dates forward instead
    rules = Rules(statutory_roll=Roll.FORWARD)
    # When the follow-up lands on Easter Monday 2027
    state = given([in_force(date(2026, 12, 29))], rules)
    # Then it is due the Tuesday after
    follow_up = state.latest(FOLLOW_UP)
    assert follow_up is not None
    assert follow_up.due_at.date() == date(2027, 3, 30)


def test_a_follow_up_held_late_moves_the_next_one(given: Given) -> None:
    # Given a contract whose first follow-up was due 24 June 2027
    start = in_force(date(2027, 3, 24))
    # When it is held three weeks late, on 15 July 2027
    state = given([start, held(date(2027, 7, 15))])
    # Then the first follow-up and its report are closed, not fired
    first, second = state.of_kind(FOLLOW_UP)
    assert first.status is DeadlineStatus.CANCELLED
    assert state.of_kind(REPORT)[0].status is DeadlineStatus.CANCELLED
    # And the next is 6 months after the meeting: 15 Jan 2028 is a Saturday -> Friday 14th
    assert second.sequence == 2
    assert second.anchor == date(2027, 7, 15)
    assert second.due_at == at_local(date(2028, 1, 14), NINE)
    assert second.due_at.utcoffset() == timedelta(hours=1)
    assert len(state.pending(FOLLOW_UP)) == 1


def test_recording_the_same_meeting_twice_changes_nothing(given: Given) -> None:
    # Given a follow-up held on 15 July 2027 was recorded
    state = given([in_force(date(2027, 3, 24)), held(date(2027, 7, 15))])
    # When the same meeting is recorded again (a redelivered signal)
    # Then no events follow
    assert decide(held(date(2027, 7, 15)), state) == []


def test_a_follow_up_cannot_be_recorded_before_it_is_held_or_before_the_last(
    given: Given,
) -> None:
    state = given([in_force(date(2027, 3, 24)), held(date(2027, 7, 15))])
    # When the meeting date is after the time the command was given
    future = RecordFollowUpHeld(
        contract_id=CONTRACT, held_on=date(2027, 8, 2), at=at_local(date(2027, 8, 1), NINE)
    )
    with pytest.raises(DomainError) as refused:
        decide(future, state)
    assert refused.value.code == "held_in_future"
    # When it is before the meeting the current follow-up counts from
    with pytest.raises(DomainError) as refused:
        decide(held(date(2027, 7, 1)), state)
    assert refused.value.code == "held_before_previous"


def test_per_case_cadence_brings_the_pending_follow_up_forward(given: Given) -> None:
    # Given a contract in force from 24 March 2027 (first follow-up 24 June)
    state = given([in_force(date(2027, 3, 24))])
    # When the caseworker sets a 2-month cadence with a justification
    events = decide(cadence(2), state)
    # Then the cadence is recorded and the follow-up and its report are rescheduled
    assert events[0] == CadenceSet(
        subject=state.subject,
        months=2,
        justification="weekly concern reports from school",
        at=at_local(date(2027, 4, 1), NINE),
    )
    moved = [e for e in events if isinstance(e, DeadlineRescheduled)]
    assert {e.timing.due_at.date() for e in moved} == {date(2027, 5, 24), date(2027, 5, 7)}


def test_the_cadence_applies_after_each_follow_up_held(given: Given) -> None:
    # Given a 4-month cadence (the first follow-up stays at the statutory 3 months)
    state = given([in_force(date(2027, 3, 24)), cadence(4), held(date(2027, 6, 24))])
    # Then the next is 4 months after the meeting: 24 October 2027 is a Sunday -> Friday 22nd
    nxt = state.latest(FOLLOW_UP)
    assert nxt is not None
    assert nxt.due_at.date() == date(2027, 10, 22)
    assert state.of_kind(FOLLOW_UP)[0].due_at.date() == date(2027, 6, 24)


def test_a_cadence_from_the_contract_is_justified_by_the_contract(given: Given) -> None:
    # Given the individual contract agrees on follow-up every 2 months
    state = given([in_force(date(2027, 3, 24), cadence_months=2)])
    # Then the cadence is recorded with the contract as justification and used at once
    assert state.cadence is not None
    assert (state.cadence.months, state.cadence.justification) == (2, CONTRACT_AGREED)
    follow_up = state.latest(FOLLOW_UP)
    assert follow_up is not None
    assert follow_up.due_at.date() == date(2027, 5, 24)


@pytest.mark.parametrize(
    ("months", "why", "code"),
    [
        (2, "", "justification_required"),
        (2, "   ", "justification_required"),
        (0, "monthly visits", "cadence_too_short"),
    ],
)
def test_cadence_is_refused_without_justification_or_below_a_month(
    given: Given, months: int, why: str, code: str
) -> None:
    state = given([in_force(date(2027, 3, 24))])
    with pytest.raises(DomainError) as refused:
        decide(cadence(months, why), state)
    assert refused.value.code == code


@pytest.mark.parametrize(("months", "second"), [(12, date(2028, 6, 23)), (24, date(2029, 6, 22))])
def test_barnets_lov_95_a_yearly_or_two_yearly_cadence_keeps_its_follow_ups(
    given: Given, months: int, second: date
) -> None:
    # Given a contract in force from 24 March 2027 on a cadence decided for the case
    state = given([in_force(date(2027, 3, 24)), cadence(months, "stable placement")])
    # Then the first follow-up stays at the statutory 3 months
    first = state.latest(FOLLOW_UP)
    assert first is not None
    assert first.due_at.date() == date(2027, 6, 24)
    # And when it is held, the next is the cadence later (on a working day), with its report
    state = given(
        [in_force(date(2027, 3, 24)), cadence(months, "stable placement"), held(date(2027, 6, 24))]
    )
    nxt = state.latest(FOLLOW_UP)
    assert nxt is not None
    assert (nxt.sequence, nxt.due_at.date()) == (2, second)
    assert state.latest(REPORT) is not None


def test_expected_end_gets_a_warning_30_days_before(given: Given) -> None:
    # Given a contract expected to end on New Year's Eve 2027 (a closing day)
    state = given([in_force(date(2027, 3, 24), expected_end=date(2027, 12, 31))])
    # Then the expiry deadline is the last working day before it, warned 30 days earlier
    expiry = state.latest(DeadlineKind.CONTRACT_EXPIRY)
    assert expiry is not None
    assert expiry.due_at == at_local(date(2027, 12, 30), NINE)
    assert expiry.warn_at == at_local(date(2027, 11, 30), NINE)


def test_a_contract_ending_before_it_starts_is_refused(given: Given) -> None:
    ending_early = in_force(date(2027, 3, 24), expected_end=date(2027, 3, 1))
    with pytest.raises(DomainError) as refused:
        decide(ending_early, DeadlineSet(ending_early.subject))
    assert refused.value.code == "expected_end_before_start"


def test_contract_in_force_twice_schedules_once(given: Given) -> None:
    state = given([in_force(date(2027, 3, 24))])
    # When the signing is signalled again
    # Then nothing more is scheduled
    assert decide(in_force(date(2027, 3, 24)), state) == []
