"""What intake asks the database before deciding, on the real database: the case's
municipality and rules version in the note's own round trip, rules parsed once per version,
and a subject's index rows written without a delete the first time, rewritten after."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from eventkit import EventStore
from scheduler.adapters.directory import SqlCaseDirectory
from scheduler.adapters.index import SqlDeadlineIndex, phases
from scheduler.adapters.rules_store import SqlRulesStore
from scheduler.app.deadlines import Deadlines
from scheduler.app.municipal_rules import DEFAULT_SETTINGS, MunicipalRules, RulesVersion
from scheduler.app.phases import rows_for
from scheduler.app.ports import CaseFacts
from scheduler.bootstrap import SchedulerSettings, migrate
from scheduler.domain import DEFAULT_RULES, ConcludeInvestigation, ScheduleInvestigation
from servicekit.acting import Acting, SystemActor
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

pytestmark = pytest.mark.integration
AT = datetime(2026, 3, 2, 10, tzinfo=UTC)


@pytest.fixture
async def engine(new_database_url: Callable[[str], str]) -> AsyncIterator[AsyncEngine]:
    url = new_database_url("sched_lookup")
    await migrate(SchedulerSettings(database_url=url))
    engine = create_async_engine(url)
    yield engine
    await engine.dispose()


async def given_rules(engine: AsyncEngine, code: str, version: int, payment_days: int) -> None:
    settings = DEFAULT_SETTINGS.model_copy(update={"payment_days": payment_days})
    saved = RulesVersion(
        municipality=code,
        version=version,
        settings=settings,
        changed_by="test",
        changed_at=AT,
        reason="test",
    )
    async with EventStore(engine).unit_of_work() as tx:
        await SqlRulesStore().append(tx, saved)


async def test_noting_a_case_tells_its_municipality_and_rules_version(
    engine: AsyncEngine,
) -> None:
    directory, case, other = SqlCaseDirectory(), uuid.uuid4(), uuid.uuid4()
    await given_rules(engine, "751", 1, 30)
    await given_rules(engine, "751", 2, 20)
    async with EventStore(engine).unit_of_work() as tx:
        # When the case is noted with its municipality, then assigned (no municipality)
        noted = await directory.note(tx, case, AT, municipality="751")
        assigned = await directory.note(tx, case, AT, caseworker_id="cw-1")
        asked = await directory.note(tx, case, AT)
        unknown = await directory.note(tx, other, AT)
        elsewhere = await directory.note(tx, other, AT, municipality="101")
    # Then each answer carries the municipality and the latest rules version (0: none)
    assert noted == assigned == asked == CaseFacts("751", 2)
    assert unknown == CaseFacts(None, 0)
    assert elsewhere == CaseFacts("101", 0)


async def test_rules_are_those_of_the_version_asked_for_also_after_a_change(
    engine: AsyncEngine,
) -> None:
    rules = MunicipalRules(SqlRulesStore())
    await given_rules(engine, "751", 1, 30)
    async with EventStore(engine).unit_of_work() as tx:
        first = await rules.rules_for(tx, "751", 1)
        defaults = await rules.rules_for(tx, "751", 0)
    # When a new version is stored (by any replica)
    await given_rules(engine, "751", 2, 20)
    async with EventStore(engine).unit_of_work() as tx:
        again = await rules.rules_for(tx, "751", 1)
        second = await rules.rules_for(tx, "751", 2)
        latest = await rules.rules_for(tx, "751")
        never_stored = await rules.rules_for(tx, "751", 9)
    # Then each version gives its own rules, and the newest is in force
    assert (first.payment_days, again.payment_days, second.payment_days) == (30, 30, 20)
    assert latest == second
    assert never_stored == second  # a version no one stored: the rules in force
    assert defaults == DEFAULT_RULES


async def test_a_subjects_index_rows_are_written_first_and_rewritten_after(
    engine: AsyncEngine,
) -> None:
    deadlines, case = Deadlines(SqlDeadlineIndex(), DEFAULT_RULES), uuid.uuid4()
    store = EventStore(engine)
    acting = Acting(SystemActor("test"), AT)
    async with store.unit_of_work() as uow:
        started = await deadlines.execute(
            uow, ScheduleInvestigation(case_id=case, started_on=AT.date(), at=AT), acting
        )
    later = AT + timedelta(days=3)
    async with store.unit_of_work() as uow:
        concluded = await deadlines.execute(
            uow, ConcludeInvestigation(case_id=case, at=later), acting
        )
    async with engine.connect() as conn:
        statuses = sorted((await conn.execute(sa.select(phases.c.phase, phases.c.status))).all())
    expected = sorted((r.phase, r.status) for r in rows_for(concluded.state))
    assert statuses == expected
    assert len(statuses) == len(rows_for(started.state))
