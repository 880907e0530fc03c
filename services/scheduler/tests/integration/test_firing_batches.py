"""Firing in batches through the real database: every deadline phase fires exactly once,
also with two scheduler instances firing the same backlog at the same time.

The deadlines are scheduled through the aggregate (as intake does) and the clock is two
years ahead, so each deadline is long overdue: a catch-up, where only the latest phase of a
deadline fires, carrying the original due time.
"""

from __future__ import annotations

import asyncio
import base64
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from eventkit import EventStore
from eventkit.schema import outbox
from samspil_contracts import DeadlineReached, decode
from scheduler.adapters.clock import AdjustableClock
from scheduler.adapters.firing_queue import SqlFiringQueue
from scheduler.adapters.index import SqlDeadlineIndex, phases
from scheduler.app.deadlines import STREAMS, Deadlines, decider, stream_id
from scheduler.app.due import reached_event_id
from scheduler.app.firing import Firing
from scheduler.bootstrap import SchedulerSettings, migrate
from scheduler.domain import (
    DEFAULT_RULES,
    Command,
    DeadlinePhase,
    DeadlineSet,
    DeadlineStatus,
    ScheduleClaimPayment,
    ScheduleInvestigation,
)
from servicekit.acting import Acting, SystemActor
from servicekit.publishing import Publisher
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

pytestmark = pytest.mark.integration
START = datetime(2026, 3, 2, 10, tzinfo=UTC)
CLAIMS, CASES = 90, 30  # claims: due and overdue phases; cases: warning, due and overdue


def commands() -> list[Command]:
    day = START.date()
    claims: list[Command] = [
        ScheduleClaimPayment(
            claim_id=uuid.uuid4(), provider_id=uuid.uuid4(), submitted_on=day, at=START
        )
        for _ in range(CLAIMS)
    ]
    cases: list[Command] = [
        ScheduleInvestigation(case_id=uuid.uuid4(), started_on=day, at=START) for _ in range(CASES)
    ]
    return claims + cases


async def scheduled(url: str) -> list[DeadlineSet]:
    """The deadline sets, appended and indexed as intake does it."""
    await migrate(SchedulerSettings(database_url=url))
    engine = create_async_engine(url)
    store, deadlines = EventStore(engine), Deadlines(SqlDeadlineIndex(), DEFAULT_RULES)
    states = []
    async with store.unit_of_work() as uow:
        for command in commands():
            change = await deadlines.execute(uow, command, Acting(SystemActor("test"), START))
            states.append(change.state)
    await engine.dispose()
    return states


def firing(engine: AsyncEngine, clock: AdjustableClock, batch_size: int) -> Firing:
    publisher = Publisher("/samspil/scheduler", "test.")
    return Firing(EventStore(engine), SqlFiringQueue(), clock, publisher, batch_size)


@pytest.fixture
async def engines(new_database_url: Callable[[str], str]) -> AsyncIterator[list[AsyncEngine]]:
    """Two engines on one fresh PostgreSQL database: two scheduler instances."""
    url = new_database_url("sched_fire")
    found = [create_async_engine(url) for _ in range(2)]
    yield found
    for engine in found:
        await engine.dispose()


def two_years_on() -> AdjustableClock:
    clock = AdjustableClock()
    clock.advance(START + timedelta(days=730) - clock.now())
    return clock


async def test_two_instances_fire_a_backlog_once_in_its_latest_phase(
    engines: list[AsyncEngine],
) -> None:
    # Given 120 deadlines two years overdue, and two instances firing in small batches
    states = await scheduled(str(engines[0].url.render_as_string(hide_password=False)))
    clock = two_years_on()
    instances = [firing(engine, clock, batch_size=7) for engine in engines]
    # When both fire at the same time until neither finds anything due
    while sum(await asyncio.gather(*(f.fire_due() for f in instances))):
        pass
    # Then each deadline published exactly one DeadlineReached, for its overdue phase
    published = await published_reached(engines[0])
    expected = {d.deadline_id: d for s in states for d in s.deadlines}
    assert Counter(e.deadline_id for e in published) == Counter(expected.keys())
    assert {e.phase.value for e in published} == {"overdue"}
    # carrying the original due time and the time it actually fired
    assert all(e.due_at == expected[e.deadline_id].due_at for e in published)
    assert all(e.fired_at - e.due_at > timedelta(days=300) for e in published)
    # And each aggregate recorded that one fire, and no phase is left pending in the index
    await assert_every_deadline_fired_once(engines[0], states)


async def test_a_single_instance_fires_the_same_on_sqlite(tmp_path: Path) -> None:
    # Given the embedded default database with the same backlog
    url = f"sqlite+aiosqlite:///{tmp_path / 'scheduler.db'}"
    states = await scheduled(url)
    engine = create_async_engine(url)
    instance = firing(engine, two_years_on(), batch_size=50)
    # When it fires until nothing is due
    while await instance.fire_due():
        pass
    # Then the outcome is the same as on PostgreSQL
    published = await published_reached(engine)
    assert sorted(str(e.deadline_id) for e in published) == sorted(
        str(d.deadline_id) for s in states for d in s.deadlines
    )
    await assert_every_deadline_fired_once(engine, states)
    await engine.dispose()


async def published_reached(engine: AsyncEngine) -> list[DeadlineReached]:
    async with engine.connect() as conn:
        rows = (await conn.execute(sa.select(outbox))).all()
    found = []
    for row in rows:
        headers = [(name, base64.b64decode(value)) for name, value in row.headers]
        envelope, event = decode(headers, row.value)
        assert isinstance(event, DeadlineReached)
        assert (
            envelope.event_id
            == row.message_id
            == reached_event_id(event.deadline_id, DeadlinePhase(event.phase.value))
        )
        found.append(event)
    return found


async def assert_every_deadline_fired_once(engine: AsyncEngine, states: list[DeadlineSet]) -> None:
    store = EventStore(engine)
    for state in states:
        stream = await store.load(stream_id(state.subject))
        assert [e.type for e in stream].count("DeadlineFired") == len(state.deadlines)
        loaded = (await STREAMS.fold(stream, decider(state.subject, DEFAULT_RULES))).state
        assert all(d.status is DeadlineStatus.FIRED for d in loaded.deadlines)
    async with engine.connect() as conn:
        pending = await conn.scalar(sa.select(sa.func.count()).where(phases.c.status == "pending"))
    assert pending == 0
