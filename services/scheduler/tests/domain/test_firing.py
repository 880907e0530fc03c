"""Firing phases and catching up on what was missed."""

from collections.abc import Callable
from datetime import date, time, timedelta
from uuid import UUID

import pytest
from scheduler.domain import (
    Cancel,
    DeadlineFired,
    DeadlineKind,
    DeadlinePhase,
    DeadlineSet,
    DeadlineStatus,
    DomainError,
    Fire,
    ScheduleClaimPayment,
    ScheduleInvestigation,
    at_local,
    deadline_id,
    decide,
    due_occurrences,
    evolve,
)

CASE = UUID("00000000-0000-4000-8000-0000000000ca")
CLAIM = UUID("00000000-0000-4000-8000-0000000000c1")
PROVIDER = UUID("00000000-0000-4000-8000-0000000000b0")
NINE = time(9, 0)
P = DeadlinePhase
Given = Callable[..., DeadlineSet]  # the conftest fixture

# Investigation started 29 Jan 2027: warning Fri 14 May, due Fri 28 May, overdue Mon 31 May
STARTED = ScheduleInvestigation(
    case_id=CASE, started_on=date(2027, 1, 29), at=at_local(date(2027, 1, 29), NINE)
)
WARN, DUE, OVERDUE = (at_local(date(2027, 5, d), NINE) for d in (14, 28, 31))


def fire(state: DeadlineSet, phase: DeadlinePhase, at: object) -> Fire:
    deadline = state.latest(DeadlineKind.INVESTIGATION_LIMIT)
    assert deadline is not None
    return Fire(subject=state.subject, deadline_id=deadline.deadline_id, phase=phase, at=at)  # type: ignore[arg-type]


def apply(state: DeadlineSet, command: Fire) -> DeadlineSet:
    for event in decide(command, state):
        state = evolve(state, event)
    return state


def test_nothing_is_due_before_the_warning(given: Given) -> None:
    state = given([STARTED])
    assert due_occurrences(state, WARN - timedelta(seconds=1)) == []
    [(deadline, phase)] = due_occurrences(state, WARN)
    assert phase is P.WARNING
    assert deadline.kind is DeadlineKind.INVESTIGATION_LIMIT


def test_phases_fire_in_order_and_the_last_completes_the_deadline(given: Given) -> None:
    state = given([STARTED])
    for phase, at in ((P.WARNING, WARN), (P.DUE, DUE), (P.OVERDUE, OVERDUE)):
        # When each phase is fired at its time
        [(_, due_phase)] = due_occurrences(state, at)
        assert due_phase is phase
        state = apply(state, fire(state, phase, at))
    # Then the deadline has fired completely and nothing more is due
    [limit] = state.deadlines
    assert limit.status is DeadlineStatus.FIRED
    assert due_occurrences(state, OVERDUE + timedelta(days=30)) == []


def test_catch_up_fires_an_overdue_deadline_once_with_its_original_due_time(
    given: Given,
) -> None:
    # Given the scheduler was down from before the warning until after the overdue time
    state = given([STARTED])
    later = OVERDUE + timedelta(days=3, hours=2)
    # Then only the latest phase is due, once
    [(deadline, phase)] = due_occurrences(state, later)
    assert phase is P.OVERDUE
    # When it fires
    [event] = decide(fire(state, phase, later), state)
    # Then the event carries the original due time and the actual firing time
    assert event == DeadlineFired(
        subject=state.subject,
        deadline_id=deadline.deadline_id,
        phase=P.OVERDUE,
        due_at=DUE,
        fired_at=later,
    )
    # And the skipped warning is not fired after it
    state = evolve(state, event)
    assert due_occurrences(state, later) == []
    assert decide(fire(state, P.WARNING, later), state) == []


def test_firing_twice_is_idempotent(given: Given) -> None:
    state = apply(given([STARTED]), fire(given([STARTED]), P.DUE, DUE))
    assert decide(fire(state, P.DUE, DUE + timedelta(minutes=1)), state) == []


@pytest.mark.parametrize(
    ("phase", "at", "code"),
    [
        (P.DUE, DUE - timedelta(minutes=1), "not_yet_due"),
        (P.OVERDUE, DUE, "not_yet_due"),
    ],
)
def test_firing_before_its_time_is_refused(
    given: Given, phase: DeadlinePhase, at: object, code: str
) -> None:
    state = given([STARTED])
    with pytest.raises(DomainError) as refused:
        decide(fire(state, phase, at), state)
    assert refused.value.code == code


def test_firing_a_cancelled_deadline_is_refused(given: Given) -> None:
    state = given([STARTED, Cancel(subject=STARTED.subject, reason="measure ended", at=WARN)])
    assert due_occurrences(state, OVERDUE) == []
    with pytest.raises(DomainError) as refused:
        decide(fire(state, P.DUE, DUE), state)
    assert refused.value.code == "deadline_cancelled"


def test_firing_a_phase_the_deadline_does_not_have_is_refused(given: Given) -> None:
    # Given a payment deadline, which has no warning phase
    claim = ScheduleClaimPayment(
        claim_id=CLAIM,
        provider_id=PROVIDER,
        submitted_on=date(2027, 2, 27),
        at=at_local(date(2027, 2, 27), NINE),
    )
    state = given([claim])
    [payment] = state.deadlines
    command = Fire(
        subject=state.subject, deadline_id=payment.deadline_id, phase=P.WARNING, at=payment.due_at
    )
    with pytest.raises(DomainError) as refused:
        decide(command, state)
    assert refused.value.code == "phase_not_scheduled"


def test_firing_an_unknown_deadline_is_refused(given: Given) -> None:
    state = given([STARTED])
    unknown = deadline_id(DeadlineKind.PAYMENT_DUE, state.subject, 1)
    with pytest.raises(DomainError) as refused:
        decide(Fire(subject=state.subject, deadline_id=unknown, phase=P.DUE, at=DUE), state)
    assert refused.value.code == "unknown_deadline"


def test_deadline_ids_are_deterministic(given: Given) -> None:
    # Given the same command decided twice from scratch
    first, second = given([STARTED]), given([STARTED])
    # Then the ids agree, and equal uuid5 of kind, subject and sequence
    assert first.deadlines[0].deadline_id == second.deadlines[0].deadline_id
    expected = deadline_id(DeadlineKind.INVESTIGATION_LIMIT, first.subject, 1)
    assert first.deadlines[0].deadline_id == expected
    assert expected != deadline_id(DeadlineKind.INVESTIGATION_LIMIT, first.subject, 2)


def test_due_occurrences_needs_an_aware_now(given: Given) -> None:
    with pytest.raises(ValueError, match="aware"):
        due_occurrences(given([STARTED]), DUE.replace(tzinfo=None))
