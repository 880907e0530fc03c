"""Firing on the in-memory store: what is due fires once, is recorded and published."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

from samspil_contracts import DeadlineReached
from scheduler.app.deadlines import stream_id
from scheduler.app.due import reached_event_id
from scheduler.app.queries import PhaseFilter
from scheduler.domain import DeadlinePhase, ScheduleInvestigation
from servicekit.acting import Acting, SystemActor
from testkit import published

from .memory import Scheduler

START = datetime(2027, 3, 1, 10, tzinfo=UTC)


async def investigation(scheduler: Scheduler) -> ScheduleInvestigation:
    """A child investigation started now: a warning, then its limit, then overdue."""
    command = ScheduleInvestigation(case_id=uuid4(), started_on=START.date(), at=START)
    async with scheduler.store.unit_of_work() as tx:
        await scheduler.deadlines.execute(tx, command, Acting(SystemActor("test"), START))
    return command


def at(scheduler: Scheduler, moment: datetime) -> None:
    scheduler.clock.advance(moment - scheduler.clock.now())


async def test_a_due_phase_fires_once_is_recorded_and_published() -> None:
    scheduler = Scheduler()
    command = await investigation(scheduler)
    [warning] = await scheduler.index.phases(PhaseFilter(case_id=command.case_id, status=None), 1)
    # When the clock passes the warning and firing runs twice
    at(scheduler, warning.fire_at + timedelta(minutes=1))
    fired = [await scheduler.firing.fire_due(), await scheduler.firing.fire_due()]
    # Then it fired once: recorded on the subject's stream, published under a stable id
    assert fired == [1, 0]
    stream = await scheduler.store.load(stream_id(command.subject))
    assert [e.type for e in stream][-1] == "DeadlineFired"
    [(envelope, reached)] = published(scheduler.store, DeadlineReached)
    assert reached.phase.value == "warning"
    assert envelope.event_id == reached_event_id(warning.deadline_id, DeadlinePhase.WARNING)
    assert envelope.revision == stream[-1].revision


async def test_after_downtime_only_the_latest_phase_fires() -> None:
    # Given an investigation whose warning, limit and overdue moments all passed unfired
    scheduler = Scheduler()
    command = await investigation(scheduler)
    at(scheduler, START + timedelta(days=400))
    # When firing catches up
    assert await scheduler.firing.fire_due() == 1
    # Then only the overdue phase was published, and every phase is done
    assert [e.phase.value for _, e in published(scheduler.store, DeadlineReached)] == ["overdue"]
    rows = await scheduler.index.phases(PhaseFilter(case_id=command.case_id), 10)
    assert {r.status for r in rows} == {"done"}
    assert await scheduler.index.counts(scheduler.clock.now()) == (0, 0)


async def test_nothing_due_fires_nothing() -> None:
    scheduler = Scheduler()
    await investigation(scheduler)
    at(scheduler, START + timedelta(minutes=1))
    assert await scheduler.firing.fire_due() == 0
    assert scheduler.store.outbox == []
