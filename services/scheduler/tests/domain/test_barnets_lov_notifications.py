"""Notifications of concern (barnets lov §§ 135-136) and the § 20, stk. 3 limit from awareness."""

from collections.abc import Callable
from datetime import date, time, timedelta
from uuid import UUID

from scheduler.domain import (
    DeadlineKind,
    DeadlineSet,
    DeadlineStatus,
    Resolve,
    ScheduleInvestigation,
    ScheduleNotification,
    Subject,
    SubjectKind,
    at_local,
    decide,
)

NOTIFICATION = UUID("00000000-0000-4000-8000-0000000000b1")
CASE = UUID("00000000-0000-4000-8000-0000000000ca")
K = DeadlineKind
Given = Callable[..., DeadlineSet]


def received(day: date, at: time = time(14, 5), owed: bool = True) -> ScheduleNotification:
    moment = at_local(day, at)
    return ScheduleNotification(
        notification_id=NOTIFICATION, received_at=moment, receipt_owed=owed, at=moment
    )


def test_paragraph_135_assessment_due_24_clock_hours_after_receipt_even_over_easter(
    given: Given,
) -> None:
    # Given a notification received Thursday 25 March 2027 (Maundy Thursday) at 14:05
    state = given([received(date(2027, 3, 25))])
    # Then the assessment is due Good Friday 14:05: hours, not working days
    deadline = state.latest(K.NOTIFICATION_ASSESSMENT_DUE)
    assert deadline is not None
    assert deadline.due_at == at_local(date(2027, 3, 26), time(14, 5))
    assert deadline.warn_at == at_local(date(2027, 3, 26), time(10, 5))
    assert deadline.timing.overdue_at == at_local(date(2027, 3, 26), time(15, 5))
    assert deadline.subject == Subject(SubjectKind.NOTIFICATION, NOTIFICATION)


def test_paragraph_136_receipt_due_on_the_6th_working_day_across_easter(given: Given) -> None:
    # Given the same notification from a professional (a school)
    state = given([received(date(2027, 3, 25))])
    # Then 26 Mar - 29 Mar (Good Friday, Easter Monday) and the weekend do not count:
    # 30, 31 Mar, 1, 2, 5, 6 April, so the receipt is due Tuesday 6 April at 09:00
    deadline = state.latest(K.NOTIFICATION_RECEIPT_DUE)
    assert deadline is not None
    assert deadline.due_at == at_local(date(2027, 4, 6), time(9, 0))


def test_paragraph_136_no_receipt_deadline_for_a_citizen_or_anonymous_report(
    given: Given,
) -> None:
    state = given([received(date(2027, 3, 25), owed=False)])
    assert state.of_kind(K.NOTIFICATION_RECEIPT_DUE) == ()
    assert state.latest(K.NOTIFICATION_ASSESSMENT_DUE) is not None


def test_the_assessment_and_receipt_are_resolved_each_by_its_own_duty(given: Given) -> None:
    first = received(date(2027, 3, 25))
    subject = Subject(SubjectKind.NOTIFICATION, NOTIFICATION)
    assessed = Resolve(
        subject=subject, kind=K.NOTIFICATION_ASSESSMENT_DUE, reason="assessed", at=first.at
    )
    state = given([first, assessed, first])  # the receipt redelivered: scheduled once
    assessment = state.latest(K.NOTIFICATION_ASSESSMENT_DUE)
    receipt = state.latest(K.NOTIFICATION_RECEIPT_DUE)
    assert assessment is not None
    assert assessment.status is DeadlineStatus.CANCELLED
    assert receipt is not None
    assert receipt.is_pending
    assert len(state.deadlines) == 2


def test_paragraph_20_stk_3_the_limit_counts_from_awareness_not_the_start(given: Given) -> None:
    # Given a notification received 11 January 2027, the investigation started 1 February
    started = ScheduleInvestigation(
        case_id=CASE,
        started_on=date(2027, 2, 1),
        aware_on=date(2027, 1, 11),
        at=at_local(date(2027, 2, 1), time(9, 0)),
    )
    state = given([started])
    # Then the 4 months run from 11 January: Tuesday 11 May 2027, not 1 June
    limit = state.latest(K.INVESTIGATION_LIMIT)
    assert limit is not None
    assert limit.due_at == at_local(date(2027, 5, 11), time(9, 0))
    assert limit.anchor == date(2027, 1, 11)
    # An awareness after the start (a later notification) never moves the limit later
    late = ScheduleInvestigation(
        case_id=CASE,
        started_on=date(2027, 2, 1),
        aware_on=date(2027, 2, 1) + timedelta(days=3),
        at=started.at,
    )
    assert decide(late, DeadlineSet(late.subject))[0].anchor == date(2027, 2, 1)  # type: ignore[union-attr]
