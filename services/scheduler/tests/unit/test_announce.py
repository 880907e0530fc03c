"""Every deadline set, moved, met or cancelled is announced on the wire, so the authority
can list a caseworker's open deadlines from the log alone."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import reduce
from uuid import uuid4

from samspil_contracts import DeadlineClosed, DeadlineOutcome, DeadlineScheduled
from scheduler.app.announce import announcements
from scheduler.domain import (
    Cancel,
    Command,
    DeadlineSet,
    Event,
    ResolveOrderAnswer,
    ScheduleOrderAnswer,
    Subject,
    SubjectKind,
    decide,
    evolve,
)
from servicekit.handler import Change

AT = datetime(2027, 3, 1, 10, tzinfo=UTC)
ORDER, CASE, PROVIDER = uuid4(), uuid4(), uuid4()
SUBJECT = Subject(SubjectKind.ORDER, ORDER)


def _run(state: DeadlineSet, command: Command) -> Change[Event, DeadlineSet]:
    events = tuple(decide(command, state))
    return Change("deadlines-order", events, reduce(evolve, events, state), len(events))


def _placed() -> Change[Event, DeadlineSet]:
    command = ScheduleOrderAnswer(
        order_id=ORDER, case_id=CASE, provider_id=PROVIDER, placed_at=AT, at=AT
    )
    return _run(DeadlineSet(SUBJECT), command)


def test_an_order_s_receipt_and_answer_are_announced_with_their_case_when_set() -> None:
    # Given an order placed, When its deadlines are set
    found = announcements(_placed())
    # Then both are announced, with the case and order they are about, under stable ids
    events = [s.event for s in found]
    assert all(isinstance(e, DeadlineScheduled) for e in events)
    assert {e.kind.value for e in events} == {"order_receipt_due", "order_answer_due"}
    assert {(e.case_id, e.order_id, e.provider_id) for e in events} == {(CASE, ORDER, PROVIDER)}
    assert [s.event_id for s in found] == [s.event_id for s in announcements(_placed())]


def test_an_answer_announces_its_deadlines_met() -> None:
    # Given an order's deadlines set
    placed = _placed()
    # When the provider answers
    found = announcements(_run(placed.state, ResolveOrderAnswer(order_id=ORDER, at=AT)))
    # Then both deadlines are announced closed as met
    events = [s.event for s in found]
    assert len(events) == 2
    assert all(isinstance(e, DeadlineClosed) for e in events)
    assert {e.outcome for e in events if isinstance(e, DeadlineClosed)} == {DeadlineOutcome.MET}


def test_a_withdrawn_order_announces_its_deadlines_cancelled() -> None:
    # Given an order's deadlines set
    placed = _placed()
    # When the order is withdrawn
    change = _run(placed.state, Cancel(subject=SUBJECT, reason="order withdrawn", at=AT))
    # Then both deadlines are announced closed as cancelled, with the reason
    events = [s.event for s in announcements(change)]
    assert [e.outcome for e in events if isinstance(e, DeadlineClosed)] == [
        DeadlineOutcome.CANCELLED
    ] * 2
    assert {e.reason for e in events if isinstance(e, DeadlineClosed)} == {"order withdrawn"}
