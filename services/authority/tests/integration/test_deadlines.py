"""The authority's own list of the scheduler's deadlines, fed over the real broker into the
real database: per caseworker and per case, the most overdue first, met ones gone, and the
same list again after a rebuild from the log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import samspil_contracts as wire
import sqlalchemy as sa
from authority.adapters.tables import VIEWS
from authority.adapters.worklists import SqlWork
from authority.app.readmodels import Scope
from authority.bootstrap import AuthoritySettings, rebuilder
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from .conftest import Stack, eventually
from .flows import open_case

SCHEDULER = "/samspil/scheduler"


def _set(case_id: str, kind: wire.DeadlineKind, due_at: datetime) -> wire.DeadlineScheduled:
    return wire.DeadlineScheduled(
        deadline_id=uuid4(), kind=kind, subject=case_id, case_id=UUID(case_id), due_at=due_at
    )


async def _status(engine: AsyncEngine, deadline_id: UUID) -> str | None:
    table = VIEWS["deadlines"]
    query = sa.select(table.c.status).where(table.c.deadline_id == deadline_id)
    async with engine.connect() as conn:
        return await conn.scalar(query)


async def _listed(work: SqlWork, caseworker: str) -> list[dict[str, Any]]:
    return list((await work.deadlines(Scope(caseworker=caseworker), 1)).rows)


async def test_scheduled_deadlines_are_listed_for_the_case_s_caseworker(stack: Stack) -> None:
    # Given a case of cw-1
    cw = await stack.token("cw-1", "caseworker")
    case_id = await open_case(stack, cw)
    now = datetime.now(UTC)
    # When the scheduler announces a § 20 limit in 10 days, a § 91 plan 3 days overdue,
    # and a follow-up that is then met
    limit = _set(case_id, wire.DeadlineKind.INVESTIGATION_LIMIT, now + timedelta(days=10))
    plan = _set(case_id, wire.DeadlineKind.ACTION_PLAN_DUE, now - timedelta(days=3))
    met = _set(case_id, wire.DeadlineKind.FOLLOW_UP_DUE, now + timedelta(days=1))
    closed = wire.DeadlineClosed(
        deadline_id=met.deadline_id, kind=met.kind, subject=case_id, case_id=UUID(case_id),
        outcome=wire.DeadlineOutcome.MET, reason="follow_up_held", closed_at=now,
    )  # fmt: skip
    for event in (limit, plan, met, closed):
        await stack.produce(event, producer=SCHEDULER)
    engine = create_async_engine(stack.db_url)
    try:
        work = SqlWork(engine)

        async def both_and_met_gone() -> list[dict[str, Any]] | None:
            # The met one must have been seen closed, not merely not yet arrived: else the
            # rebuild below races the consumer still recording it (CI saw it open there).
            if await _status(engine, met.deadline_id) != "met":
                return None
            rows = await _listed(work, "cw-1")
            closed_seen = await work.case_deadlines(UUID(case_id))
            return rows if len(rows) == 2 and len(closed_seen) == 2 else None

        rows = await eventually(both_and_met_gone)
        # Then cw-1's My work lists the two open ones, the overdue plan first
        assert rows, "the deadlines never reached the authority's list"
        assert [r["deadline_id"] for r in rows] == [plan.deadline_id, limit.deadline_id]
        assert {r["case_id"] for r in rows} == {UUID(case_id)}
        # And the case page lists them too, and another caseworker's My work does not
        on_case = await work.case_deadlines(UUID(case_id))
        assert [r["kind"] for r in on_case] == ["action_plan_due", "investigation_limit"]
        assert [r for r in await _listed(work, "cw-2") if r["case_id"] == UUID(case_id)] == []
        # When the list is rebuilt from the log, Then it is the same
        runner = rebuilder(AuthoritySettings(database_url=stack.db_url, SAMSPIL_ENV="test"))
        assert await runner.rebuild("deadlines") > 0
        again = await _listed(work, "cw-1")
        assert [r["deadline_id"] for r in again] == [plan.deadline_id, limit.deadline_id]
    finally:
        await engine.dispose()
