"""Barnets lov § 95: the first follow-up of a measure started alongside its investigation
falls at the earlier of the investigation's conclusion and 3 months after the start."""

from collections.abc import Callable
from datetime import date, time
from uuid import UUID

from scheduler.domain import (
    BringFirstFollowUpForward,
    DeadlineKind,
    DeadlineSet,
    RecordFollowUpHeld,
    ScheduleForContractInForce,
    SetCadence,
    at_local,
    decide,
)

CASE = UUID("00000000-0000-4000-8000-0000000000ca")
CONTRACT = UUID("00000000-0000-4000-8000-00000000c0c0")
PROVIDER = UUID("00000000-0000-4000-8000-0000000000b0")
FOLLOW_UP, REPORT = DeadlineKind.FOLLOW_UP_DUE, DeadlineKind.STATUS_REPORT_DUE
START = date(2027, 3, 24)  # first follow-up at 3 months: Thursday 24 June 2027
Given = Callable[..., DeadlineSet]


def in_force() -> ScheduleForContractInForce:
    return ScheduleForContractInForce(
        contract_id=CONTRACT,
        case_id=CASE,
        provider_id=PROVIDER,
        start=START,
        at=at_local(START, time(14)),
    )


def concluded(on: date) -> BringFirstFollowUpForward:
    return BringFirstFollowUpForward(
        contract_id=CONTRACT, concluded_on=on, at=at_local(on, time(16))
    )


def due(state: DeadlineSet, kind: DeadlineKind) -> date:
    deadline = state.latest(kind)
    assert deadline is not None
    return deadline.due_at.date()


def test_barnets_lov_95_the_conclusion_before_3_months_brings_the_first_follow_up_forward(
    given: Given,
) -> None:
    # Given a measure in force from 24 March 2027 while its investigation still runs
    # When the investigation concludes on Tuesday 4 May 2027
    state = given([in_force(), concluded(date(2027, 5, 4))])
    # Then the first follow-up falls that day, and the provider's report no earlier than it
    assert due(state, FOLLOW_UP) == date(2027, 5, 4)
    assert due(state, REPORT) == date(2027, 5, 4)


def test_barnets_lov_95_a_conclusion_on_a_weekend_brings_it_to_the_next_working_day(
    given: Given,
) -> None:
    # Given a measure in force from 24 March 2027
    # When the investigation concludes on Saturday 8 May 2027
    state = given([in_force(), concluded(date(2027, 5, 8))])
    # Then the first follow-up, and the provider's report, fall on Monday 10 May
    assert due(state, FOLLOW_UP) == date(2027, 5, 10)
    assert due(state, REPORT) == date(2027, 5, 10)


def test_barnets_lov_95_a_conclusion_after_3_months_changes_nothing(given: Given) -> None:
    # Given a measure in force from 24 March 2027
    state = given([in_force()])
    # When the investigation concludes after the 3 months, or before the measure started
    for on in (date(2027, 7, 1), date(2027, 3, 1)):
        # Then the first follow-up stays at 3 months
        assert decide(concluded(on), state) == []
    assert due(state, FOLLOW_UP) == date(2027, 6, 24)


def test_barnets_lov_95_only_the_first_follow_up_is_brought_forward(given: Given) -> None:
    # Given the first follow-up held on 24 June, the case's own cadence of 12 months decided
    cadence = SetCadence(
        contract_id=CONTRACT, months=12, justification="stabil", at=at_local(START, time(15))
    )
    held = RecordFollowUpHeld(
        contract_id=CONTRACT, held_on=date(2027, 6, 24), at=at_local(date(2027, 6, 24), time(15))
    )
    state = given([in_force(), cadence, held])
    # When an investigation of the case concludes later
    # Then the follow-up the cadence set is left as it is
    assert decide(concluded(date(2027, 8, 2)), state) == []
    assert due(state, FOLLOW_UP) == date(2028, 6, 23)
