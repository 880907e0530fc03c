"""Every deadline set, moved, met or cancelled is announced on the wire, so the authority
can list a caseworker's open deadlines from the log alone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
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
    ScheduleForContractInForce,
    ScheduleOrderAnswer,
    SetCadence,
    Subject,
    SubjectKind,
    at_local,
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


def test_a_follow_up_brought_forward_is_announced_at_its_new_time() -> None:
    # Given a contract in force from 24 March 2027, its first follow-up announced for June
    contract = uuid4()
    subject = Subject(SubjectKind.CONTRACT, contract)
    start = date(2027, 3, 24)
    in_force = ScheduleForContractInForce(
        contract_id=contract, case_id=CASE, provider_id=PROVIDER, start=start,
        at=at_local(start, time(14)),
    )  # fmt: skip
    signed = _run(DeadlineSet(subject), in_force)
    first = {s.event.deadline_id: s for s in announcements(signed)}
    # When the caseworker sets a 2-month cadence
    cadence = SetCadence(
        contract_id=contract, months=2, justification="weekly concern reports from school",
        at=at_local(date(2027, 4, 1), time(9)),
    )  # fmt: skip
    moved = announcements(_run(signed.state, cadence))
    # Then the follow-up and its report are announced again, earlier, under new ids
    assert moved
    for found in moved:
        assert isinstance(found.event, DeadlineScheduled)
        before = first[found.event.deadline_id]
        assert isinstance(before.event, DeadlineScheduled)
        assert found.event.due_at < before.event.due_at
        assert found.event_id != before.event_id
        assert found.event.case_id == CASE
