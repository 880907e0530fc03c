"""``announce-open``: deadlines set before the scheduler announced every kind are announced
once after the upgrade, the open ones only, under the id of their first announcement."""

from __future__ import annotations

from uuid import uuid4

from samspil_contracts import (
    DeadlineScheduled,
    InvestigationStarted,
    OrderAccepted,
    decode,
)
from samspil_contracts.testing import example_event
from scheduler.app.backfill import announce_open
from servicekit.publishing import Publisher

from .memory import Scheduler
from .test_intake import AT, envelope, order


async def test_the_open_deadlines_are_announced_and_the_met_ones_are_not() -> None:
    # Given an order whose answer came (its deadlines met) and an investigation under way
    scheduler, placed = Scheduler(), order()
    started = example_event(InvestigationStarted).model_copy(update={"case_id": uuid4()})
    accepted = example_event(OrderAccepted).model_copy(update={"order_id": placed.order_id})
    for event in (placed, started, accepted):
        await scheduler.consume(envelope(event), event)
    before = len(scheduler.store.outbox)
    publisher = Publisher("/samspil/scheduler")
    # When the open deadlines are announced, twice
    assert await announce_open(scheduler.store, scheduler.index, publisher, AT) == 1
    assert await announce_open(scheduler.store, scheduler.index, publisher, AT) == 1
    # Then only the § 20 limit goes out, keyed by its case, and once: the second run's
    # message has the first one's id (the outbox, as consumers' inboxes, keeps one)
    sent = [decode(m.headers, m.value) for m in scheduler.store.outbox[before:]]
    assert [type(e) for _, e in sent] == [DeadlineScheduled]
    [(env, event)] = sent
    assert isinstance(event, DeadlineScheduled)
    assert (event.kind.value, event.case_id) == ("investigation_limit", started.case_id)
    assert env.subject == str(started.case_id)
