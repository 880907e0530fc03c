"""Barnets lov § 91: the child's plan, when the decision says one is made, exists no later
than 3 months after the decision; the caseworker is warned ahead, and making the plan meets
the deadline."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time
from uuid import UUID

import pytest
from scheduler.domain import (
    DEFAULT_RULES,
    DeadlineKind,
    DeadlineSet,
    DeadlineStatus,
    DomainError,
    Resolve,
    ScheduleActionPlan,
    at_local,
    lawful,
    to_local_date,
)

CASE = UUID("00000000-0000-4000-8000-0000000000ca")
NINE = time(9, 0)
K = DeadlineKind
Given = Callable[..., DeadlineSet]  # the conftest fixture


def decided(on: date) -> ScheduleActionPlan:
    return ScheduleActionPlan(case_id=CASE, decided_on=on, at=at_local(on, NINE))


def test_barnets_lov_91_plan_within_3_months(given: Given) -> None:
    # Given a decision on 25 February 2027 with the plan made
    state = given([decided(date(2027, 2, 25))])
    # Then the plan is due 3 months later, 25 May 2027 (a Tuesday), with a warning 14 days ahead
    [plan] = state.of_kind(K.ACTION_PLAN_DUE)
    assert to_local_date(plan.timing.due_at) == date(2027, 5, 25)
    assert plan.timing.warn_at is not None
    assert to_local_date(plan.timing.warn_at) == date(2027, 5, 11)


def test_barnets_lov_91_plan_within_3_months_moves_back_from_a_holiday(given: Given) -> None:
    # Given a decision on 25 February 2026: 3 months later is Whit Monday (25 May 2026)
    state = given([decided(date(2026, 2, 25))])
    # Then the statutory limit is met the working day before, not after
    [plan] = state.of_kind(K.ACTION_PLAN_DUE)
    assert to_local_date(plan.timing.due_at) == date(2026, 5, 22)


def test_barnets_lov_91_making_the_plan_meets_the_deadline(given: Given) -> None:
    first = decided(date(2027, 2, 25))
    made = Resolve(
        subject=first.subject, kind=K.ACTION_PLAN_DUE, reason="action plan adopted", at=first.at
    )
    state = given([first, made])
    [plan] = state.of_kind(K.ACTION_PLAN_DUE)
    assert plan.status is DeadlineStatus.CANCELLED
    assert state.pending() == ()


@pytest.mark.parametrize("months", [4, 6])
def test_barnets_lov_91_no_municipality_may_give_the_plan_more_than_3_months(months: int) -> None:
    with pytest.raises(DomainError) as refused:
        lawful(replace(DEFAULT_RULES, action_plan_months=months))
    assert refused.value.code == "rule_exceeds_law"
    assert lawful(replace(DEFAULT_RULES, action_plan_months=2)).action_plan_months == 2
