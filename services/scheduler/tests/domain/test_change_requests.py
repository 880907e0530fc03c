"""The caseworker's answer to a provider's change request: due the municipality's order
answer period of working days after the request, once; met by the answer, also when the
answer overtook the request."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time
from uuid import UUID

from scheduler.domain import (
    DeadlineKind,
    DeadlineSet,
    DeadlineStatus,
    ResolveChangeAnswer,
    Rules,
    ScheduleChangeAnswer,
    SubjectKind,
    at_local,
    decide,
)

REQUEST = UUID("00000000-0000-4000-8000-0000000000cc")
CONTRACT = UUID("00000000-0000-4000-8000-0000000000c0")
K = DeadlineKind.CHANGE_REQUEST_ANSWER_DUE
Given = Callable[..., DeadlineSet]
# Wednesday 24 March 2027, before Easter (Maundy Thursday, Good Friday, Easter Monday)
REQUESTED = at_local(date(2027, 3, 24), time(10, 0))
ASKED = ScheduleChangeAnswer(
    request_id=REQUEST, contract_id=CONTRACT, requested_at=REQUESTED, at=REQUESTED
)
ANSWERED = ResolveChangeAnswer(request_id=REQUEST, at=at_local(date(2027, 3, 29), time(9, 0)))


def test_the_answer_is_due_5_working_days_after_the_request_at_nine(given: Given) -> None:
    state = given([ASKED])
    deadline = state.latest(K)
    assert deadline is not None
    assert deadline.due_at == at_local(date(2027, 4, 5), time(9, 0))  # Easter does not count
    assert state.subject.kind is SubjectKind.CHANGE_REQUEST
    assert deadline.refs.provider_id is None  # the caseworker's duty: no provider reminder


def test_the_municipalitys_answer_period_counts(given: Given) -> None:
    state = given([ASKED], replace(Rules(), order_answer_working_days=2))
    deadline = state.latest(K)
    assert deadline is not None
    assert deadline.due_at.date() == date(2027, 3, 31)  # Tue 30, Wed 31 after Easter


def test_a_redelivered_request_sets_nothing_more(given: Given) -> None:
    state = given([ASKED])
    assert decide(ASKED, state) == []


def test_the_answer_meets_the_deadline(given: Given) -> None:
    state = given([ASKED, ANSWERED])
    deadline = state.latest(K)
    assert deadline is not None
    assert deadline.status is DeadlineStatus.CANCELLED


def test_an_answer_before_the_request_closes_the_subject(given: Given) -> None:
    state = given([ANSWERED])
    assert state.closed
    assert state.latest(K) is None
