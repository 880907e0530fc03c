"""Orders, child investigations, action plans and claim payments."""

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, time
from uuid import UUID

import pytest
from scheduler.domain import (
    Cancel,
    ConcludeInvestigation,
    DeadlineKind,
    DeadlineSet,
    DeadlineStatus,
    DomainError,
    RescheduleOrderAnswer,
    Resolve,
    ResolveOrderAnswer,
    ScheduleActionPlan,
    ScheduleClaimPayment,
    ScheduleInvestigation,
    ScheduleOrderAnswer,
    Subject,
    SubjectClosed,
    SubjectKind,
    at_local,
    decide,
)

CASE = UUID("00000000-0000-4000-8000-0000000000ca")
ORDER = UUID("00000000-0000-4000-8000-00000000000d")
PROVIDER = UUID("00000000-0000-4000-8000-0000000000b0")
CLAIM = UUID("00000000-0000-4000-8000-0000000000c1")
NINE = time(9, 0)
NOW = datetime(2027, 3, 25, 9, tzinfo=UTC)
K = DeadlineKind
Given = Callable[..., DeadlineSet]  # the conftest fixture


def order_placed(at: datetime) -> ScheduleOrderAnswer:
    return ScheduleOrderAnswer(
        order_id=ORDER, case_id=CASE, provider_id=PROVIDER, placed_at=at, at=at
    )


def due_date(state: DeadlineSet, kind: DeadlineKind) -> date:
    deadline = state.latest(kind)
    assert deadline is not None
    return deadline.due_at.date()


def test_order_answer_is_due_5_working_days_later_across_easter(given: Given) -> None:
    # Given an order placed on Wednesday 24 March 2027 at 10:00
    state = given([order_placed(at_local(date(2027, 3, 24), time(10, 0)))])
    # Then Maundy Thursday, Good Friday and Easter Monday do not count:
    # receipt within 3 working days (Thu 1 April), answer within 5 (Mon 5 April)
    assert due_date(state, K.ORDER_RECEIPT_DUE) == date(2027, 4, 1)
    assert due_date(state, K.ORDER_ANSWER_DUE) == date(2027, 4, 5)
    answer = state.latest(K.ORDER_ANSWER_DUE)
    assert answer is not None
    # And it goes overdue at 09:00 the next working day
    assert answer.timing.overdue_at == at_local(date(2027, 4, 6), NINE)


def test_an_order_placed_after_midnight_local_counts_from_the_danish_date(given: Given) -> None:
    # Given an order placed 23:30 UTC on 23 March, which is 00:30 on the 24th in Copenhagen
    state = given([order_placed(datetime(2027, 3, 23, 23, 30, tzinfo=UTC))])
    # Then it counts from the 24th
    assert due_date(state, K.ORDER_ANSWER_DUE) == date(2027, 4, 5)


def test_the_providers_answer_settles_receipt_and_answer(given: Given) -> None:
    # Given an order awaiting an answer
    placed = order_placed(at_local(date(2027, 3, 24), time(10, 0)))
    # When the provider answers
    answered = ResolveOrderAnswer(order_id=ORDER, at=at_local(date(2027, 3, 30), NINE))
    state = given([placed, answered])
    # Then neither deadline is pending any more
    assert state.pending() == ()
    assert {d.status for d in state.deadlines} == {DeadlineStatus.CANCELLED}
    # And a redelivered order does not revive them
    assert decide(placed, state) == []


def test_an_answer_that_overtakes_its_order_leaves_no_deadline(given: Given) -> None:
    # Given the provider's answer arrives before the order (they travel on two topics)
    answered = ResolveOrderAnswer(order_id=ORDER, at=at_local(date(2027, 3, 30), NINE))
    state = given([answered])
    # When the order arrives after all, then it is refused: nothing will fire for it
    with pytest.raises(DomainError, match="cancelled"):
        decide(order_placed(at_local(date(2027, 3, 24), time(10, 0))), state)
    assert state.pending() == ()


def order_changed(at: datetime) -> RescheduleOrderAnswer:
    return RescheduleOrderAnswer(
        order_id=ORDER, case_id=CASE, provider_id=PROVIDER, changed_at=at, at=at
    )


def test_a_changed_order_is_answered_5_working_days_after_the_change(given: Given) -> None:
    # Given an order placed Wednesday 24 March 2027 (answer due Monday 5 April)
    placed = order_placed(at_local(date(2027, 3, 24), time(10, 0)))
    # When the caseworker changes it on Tuesday 6 April 2027
    state = given([placed, order_changed(at_local(date(2027, 4, 6), time(11, 0)))])
    # Then the first version's receipt and answer no longer apply
    first = [d for d in state.deadlines if d.sequence == 1]
    assert {d.status for d in first} == {DeadlineStatus.CANCELLED}
    # And the one answer deadline is 5 working days after the change: Tuesday 13 April
    answer = state.pending(K.ORDER_ANSWER_DUE)
    assert [(d.sequence, d.due_at) for d in answer] == [(2, at_local(date(2027, 4, 13), NINE))]
    assert due_date(state, K.ORDER_RECEIPT_DUE) == date(2027, 4, 9)


def test_an_order_changed_after_its_answer_must_be_answered_again(given: Given) -> None:
    # Given an order the provider answered
    placed = order_placed(at_local(date(2027, 3, 24), time(10, 0)))
    answered = ResolveOrderAnswer(order_id=ORDER, at=at_local(date(2027, 3, 30), NINE))
    # When it is changed (a new version)
    state = given([placed, answered, order_changed(at_local(date(2027, 4, 6), time(11, 0)))])
    # Then a new answer deadline is pending, counted from the change
    (answer,) = state.pending(K.ORDER_ANSWER_DUE)
    assert answer.due_at == at_local(date(2027, 4, 13), NINE)


def test_a_withdrawn_order_cannot_be_changed(given: Given) -> None:
    placed = order_placed(at_local(date(2027, 3, 24), time(10, 0)))
    withdrawn = Cancel(subject=Subject(SubjectKind.ORDER, ORDER), reason="order withdrawn", at=NOW)
    state = given([placed, withdrawn])
    with pytest.raises(DomainError, match="cancelled"):
        decide(order_changed(at_local(date(2027, 4, 6), time(11, 0))), state)


def test_investigation_limit_is_4_months_with_a_warning_14_days_before(given: Given) -> None:
    # Given an investigation started 29 January 2027; 29 May 2027 is a Saturday
    started = ScheduleInvestigation(
        case_id=CASE, started_on=date(2027, 1, 29), at=at_local(date(2027, 1, 29), NINE)
    )
    state = given([started])
    # Then the limit is Friday 28 May and the warning Friday 14 May, both 09:00
    limit = state.latest(K.INVESTIGATION_LIMIT)
    assert limit is not None
    assert limit.due_at == at_local(date(2027, 5, 28), NINE)
    assert limit.warn_at == at_local(date(2027, 5, 14), NINE)


def test_concluding_the_investigation_cancels_its_limit_and_allows_a_new_one(
    given: Given,
) -> None:
    start = date(2027, 1, 29)
    started = ScheduleInvestigation(case_id=CASE, started_on=start, at=at_local(start, NINE))
    concluded = ConcludeInvestigation(case_id=CASE, at=at_local(date(2027, 4, 1), NINE))
    # When the investigation is concluded, and later a new one starts
    restarted = ScheduleInvestigation(
        case_id=CASE, started_on=date(2028, 1, 3), at=at_local(date(2028, 1, 3), NINE)
    )
    state = given([started, concluded, restarted])
    # Then the first is cancelled and the second is pending with its own id
    first, second = state.of_kind(K.INVESTIGATION_LIMIT)
    assert first.status is DeadlineStatus.CANCELLED
    assert second.is_pending
    assert second.deadline_id != first.deadline_id


def test_action_plan_due_3_months_after_the_decision(given: Given) -> None:
    decided = ScheduleActionPlan(
        case_id=CASE, decided_on=date(2027, 2, 25), at=at_local(date(2027, 2, 25), NINE)
    )
    state = given([decided])
    assert due_date(state, K.ACTION_PLAN_DUE) == date(2027, 5, 25)
    # When the action plan is made
    made = Resolve(subject=state.subject, kind=K.ACTION_PLAN_DUE, reason="made", at=decided.at)
    assert given([decided, made]).pending() == ()


def test_payment_on_easter_monday_moves_to_the_next_working_day(given: Given) -> None:
    # Given a claim submitted 27 February 2027; 30 running days later is Easter Monday
    claim = ScheduleClaimPayment(
        claim_id=CLAIM,
        provider_id=PROVIDER,
        submitted_on=date(2027, 2, 27),
        at=at_local(date(2027, 2, 27), NINE),
    )
    state = given([claim])
    # Then the provider is paid by Tuesday 30 March, keeping the full 30 days
    assert due_date(state, K.PAYMENT_DUE) == date(2027, 3, 30)
    payment = state.latest(K.PAYMENT_DUE)
    assert payment is not None
    assert payment.refs.claim_id == CLAIM


def test_payment_is_due_as_the_contract_says_rolled_to_a_working_day(given: Given) -> None:
    # Given a claim received 1 March 2027 under payment terms of 14 days: Monday 15 March,
    # and one whose terms end on Sunday 28 March (the Monday after, Easter's, is a holiday)
    on_time = ScheduleClaimPayment(
        claim_id=CLAIM,
        provider_id=PROVIDER,
        submitted_on=date(2027, 3, 1),
        due_on=date(2027, 3, 15),
        at=at_local(date(2027, 3, 1), NINE),
    )
    assert due_date(given([on_time]), K.PAYMENT_DUE) == date(2027, 3, 15)
    sunday = replace(on_time, due_on=date(2027, 3, 28))
    # Then the contract's date is kept, moved only to a working day as the rules say
    assert due_date(given([sunday]), K.PAYMENT_DUE) == date(2027, 3, 30)


def test_a_withdrawn_order_cancels_everything_and_stays_closed(given: Given) -> None:
    placed = order_placed(at_local(date(2027, 3, 24), time(10, 0)))
    state = given([placed])
    withdrawn = Cancel(subject=state.subject, reason="order withdrawn", at=placed.at)
    # When the order is withdrawn
    events = decide(withdrawn, state)
    # Then both deadlines are cancelled and the subject is closed
    assert len(events) == 3
    assert isinstance(events[-1], SubjectClosed)
    closed = given([placed, withdrawn])
    assert closed.pending() == ()
    assert closed.closed
    # And it cannot be scheduled again, while cancelling again is harmless
    with pytest.raises(DomainError) as refused:
        decide(order_placed(placed.at), closed)
    assert refused.value.code == "subject_closed"
    assert decide(withdrawn, closed) == []


def test_cancel_before_anything_was_scheduled_still_closes_the_subject(given: Given) -> None:
    # Given the measure ended before the investigation signal arrived
    cancelled = Cancel(
        subject=ScheduleInvestigation(
            case_id=CASE, started_on=date(2027, 1, 4), at=at_local(date(2027, 1, 4), NINE)
        ).subject,
        reason="case closed",
        at=at_local(date(2027, 1, 5), NINE),
    )
    state = given([cancelled])
    late = ScheduleInvestigation(
        case_id=CASE, started_on=date(2027, 1, 4), at=at_local(date(2027, 1, 6), NINE)
    )
    # Then the late signal is refused
    with pytest.raises(DomainError) as refused:
        decide(late, state)
    assert refused.value.code == "subject_closed"


def test_resolving_what_was_never_scheduled_is_refused(given: Given) -> None:
    # (an order's answer is the exception: it may overtake the order, see above)
    paid = Resolve(
        subject=Subject(SubjectKind.CLAIM, CLAIM),
        kind=K.PAYMENT_DUE,
        reason="paid",
        at=at_local(date(2027, 1, 4), NINE),
    )
    with pytest.raises(DomainError) as refused:
        decide(paid, DeadlineSet(paid.subject))
    assert refused.value.code == "not_scheduled"


def test_a_command_for_another_subject_is_refused(given: Given) -> None:
    state = given([order_placed(at_local(date(2027, 3, 24), time(10, 0)))])
    other = ScheduleActionPlan(
        case_id=CASE, decided_on=date(2027, 2, 25), at=at_local(date(2027, 2, 25), NINE)
    )
    with pytest.raises(DomainError) as refused:
        decide(other, state)
    assert refused.value.code == "subject_mismatch"
