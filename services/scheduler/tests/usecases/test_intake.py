"""Intake on the in-memory store: consumed events become deadlines, decided with the rules
of the case's municipality, indexed in the same unit of work."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

from samspil_contracts import (
    ActionPlanAdopted,
    CaseworkerAssigned,
    Envelope,
    IntegrationEvent,
    InvestigationStarted,
    OrderAccepted,
    OrderPlaced,
    decode,
    encode,
)
from samspil_contracts.testing import example_event
from scheduler.app.deadlines import stream_id
from scheduler.app.municipal_rules import DEFAULT_SETTINGS, RulesVersion
from scheduler.app.queries import OpenFilter, PhaseFilter
from scheduler.domain import Subject, SubjectKind

from .memory import Scheduler

AT = datetime(2027, 3, 1, 10, tzinfo=UTC)


def envelope(event: IntegrationEvent, at: datetime = AT) -> Envelope:
    """The envelope a consumer decodes from the record the authority would send."""
    wire = encode(
        event, subject=event.partition_key(), revision=1, correlation_id=uuid4(),
        producer="/samspil/authority", occurred_at=at,
    )  # fmt: skip
    found, _ = decode(wire.headers, wire.value)
    return found


def order(municipality: str | None = None) -> OrderPlaced:
    return example_event(OrderPlaced).model_copy(
        update={"order_id": uuid4(), "case_id": uuid4(), "municipality": municipality}
    )


async def test_an_order_placed_schedules_its_receipt_and_answer() -> None:
    scheduler, placed = Scheduler(), order()
    cause = envelope(placed)
    # When the order is consumed
    await scheduler.consume(cause, placed)
    # Then its receipt and answer deadlines are pending in the index
    rows = await scheduler.index.phases(PhaseFilter(case_id=placed.case_id), 10)
    assert {r.kind for r in rows} == {"order_receipt_due", "order_answer_due"}
    assert {r.status for r in rows} == {"pending"}
    # And the stream records them as caused by the consumed event, in its conversation
    stream = await scheduler.store.load(stream_id(Subject(SubjectKind.ORDER, placed.order_id)))
    assert [e.type for e in stream] == ["DeadlineScheduled", "DeadlineScheduled"]
    assert stream[0].metadata["causation_id"] == str(cause.event_id)
    assert stream[0].metadata["correlation_id"] == str(cause.correlation_id)


async def test_an_answer_that_overtook_its_order_leaves_nothing_to_fire() -> None:
    # Given the provider's answer arrives before the order (another topic)
    scheduler, placed = Scheduler(), order()
    accepted = example_event(OrderAccepted).model_copy(update={"order_id": placed.order_id})
    await scheduler.consume(envelope(accepted), accepted)
    # When the order arrives, then it schedules nothing: the subject was closed
    await scheduler.consume(envelope(placed), placed)
    assert await scheduler.index.phases(PhaseFilter(case_id=placed.case_id), 10) == []


async def test_a_refused_command_is_consumed_without_effect() -> None:
    # Given a case with nothing scheduled, when its action plan is reported adopted
    scheduler, case_id = Scheduler(), uuid4()
    adopted = example_event(ActionPlanAdopted).model_copy(update={"case_id": case_id})
    await scheduler.consume(envelope(adopted), adopted)
    # Then the refusal (nothing to resolve) records nothing and does not fail the record
    assert scheduler.store.events == []


async def test_a_municipalitys_rules_set_its_deadlines_dates() -> None:
    # Given municipality 751 answers orders within 3 working days (the default is longer)
    scheduler = Scheduler()
    quick = DEFAULT_SETTINGS.model_copy(
        update={"order_answer_working_days": 3, "order_receipt_working_days": 1}
    )
    async with scheduler.store.unit_of_work() as tx:
        await scheduler.rules.change(
            tx, 0, RulesVersion(municipality="751", version=1, settings=quick)
        )
    # When an order of 751 and one of a municipality with default rules are consumed
    ours, theirs = order("751"), order("101")
    for placed in (ours, theirs):
        await scheduler.consume(envelope(placed), placed)
    # Then 751's answer is due earlier
    answer = {}
    for placed in (ours, theirs):
        rows = await scheduler.index.phases(PhaseFilter(case_id=placed.case_id), 10)
        answer[placed.case_id] = next(r.due_at for r in rows if r.kind == "order_answer_due")
    assert answer[ours.case_id] < answer[theirs.case_id]


async def test_a_reassigned_case_lists_its_deadlines_under_the_newest_caseworker() -> None:
    scheduler, case_id = Scheduler(), uuid4()
    started = example_event(InvestigationStarted).model_copy(
        update={"case_id": case_id, "started_on": AT.date(), "aware_on": AT.date()}
    )
    await scheduler.consume(envelope(started), started)
    # When the case is assigned to cw-2, and an older assignment to cw-1 arrives late
    for caseworker, at in (("cw-2", AT + timedelta(hours=2)), ("cw-1", AT + timedelta(hours=1))):
        assigned = CaseworkerAssigned(case_id=case_id, caseworker_id=caseworker)
        await scheduler.consume(envelope(assigned, at), assigned)
    # Then the open investigation limit is cw-2's
    upcoming = await scheduler.index.open_deadlines(OpenFilter(case_id=case_id), AT, False, 10)
    assert [(d.kind, d.caseworker_id) for d in upcoming] == [("investigation_limit", "cw-2")]
