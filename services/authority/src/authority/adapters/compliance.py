"""Ledelsesinformation, aggregated in SQL. Durations use each event's ``at`` (when the step
happened, as the command said), not when it was stored, so back-filled history counts by its
real dates; a day is the date part of ``at`` as written.

Each figure is one query: per stream the first day of each step (GROUP BY over the events),
joined to the read models for the team and period, then counted or averaged.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import sqlalchemy as sa
from eventkit.schema import events
from sqlalchemy.ext.asyncio import AsyncConnection

from authority.adapters.deadline_figures import SqlDeadlineFigures
from authority.adapters.sqlfuncs import days_between, stream_key
from authority.adapters.tables import VIEWS
from authority.adapters.worklists import scoped
from authority.app.readmodels import Figures, Period, Scope

INVESTIGATION_DAYS = 122  # 4 months (barnets lov § 20, stk. 3)
cases, orders, contracts = VIEWS["cases"], VIEWS["orders"], VIEWS["contracts"]
followups, claims, providers = VIEWS["followups"], VIEWS["claims"], VIEWS["providers"]
DAY = sa.func.substr(events.c.data["at"].as_string(), 1, 10)


def firsts(prefix: str, *types: str) -> sa.Subquery:
    """Per stream of ``prefix``: its aggregate id and the first day of each of ``types``."""
    days = [sa.func.min(sa.case((events.c.type == t, DAY))).label(t) for t in types]
    key = stream_key(events.c.stream_id, len(prefix) + 1).label("id")
    query = sa.select(key, *days).where(events.c.type.in_(types))
    return query.group_by(events.c.stream_id).subquery()


def within(day: Any, period: Period) -> sa.ColumnElement[bool]:
    return sa.and_(day >= period.start.isoformat(), day <= period.end.isoformat())


def count_if(condition: sa.ColumnElement[bool]) -> Any:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


class SqlCompliance(SqlDeadlineFigures):
    async def figures(self, period: Period, team: str | None, today: date) -> Figures:
        scope = Scope(team=team)
        async with self.engine.connect() as conn:
            held, due = await self._followups(conn, period, scope, today)
            inside, judged = await self._investigations(conn, period, scope, today)
            return Figures(
                followups_held=held,
                followups_due=due,
                investigations_within=inside,
                investigations_judged=judged,
                answer_days=await self._answers(conn, period, scope),
                goal_progress=await self._progress(conn, period, scope),
                cost_per_measure=await self._costs(conn, period, scope),
            )

    async def _followups(
        self, conn: AsyncConnection, period: Period, scope: Scope, today: date
    ) -> tuple[int, int]:
        """(held by the due date, due in the period by today)."""
        held = firsts("followup-", "OutcomeRecorded")
        on_time = held.c.OutcomeRecorded <= sa.cast(followups.c.due_on, sa.String)
        query = (
            sa.select(count_if(on_time), sa.func.count())
            .select_from(followups.join(cases, cases.c.case_id == followups.c.case_id))
            .outerjoin(held, held.c.id == followups.c.followup_id)
            .where(followups.c.due_on >= period.start, followups.c.due_on <= min(period.end, today))
        )
        found = (await conn.execute(scoped(query, scope))).one()
        return int(found[0]), int(found[1])

    async def _investigations(
        self, conn: AsyncConnection, period: Period, scope: Scope, today: date
    ) -> tuple[int, int]:
        """(concluded within 4 months, judged: concluded or already past 4 months)."""
        steps = firsts("case-", "InvestigationStarted", "InvestigationConcluded")
        started, concluded = steps.c.InvestigationStarted, steps.c.InvestigationConcluded
        in_time = days_between(started, concluded) <= INVESTIGATION_DAYS
        overdue = days_between(started, sa.literal(today.isoformat())) > INVESTIGATION_DAYS
        query = (
            sa.select(count_if(sa.and_(concluded.is_not(None), in_time)), sa.func.count())
            .select_from(steps.join(cases, cases.c.case_id == steps.c.id))
            .where(within(started, period), sa.or_(concluded.is_not(None), overdue))
        )
        found = (await conn.execute(scoped(query, scope))).one()
        return int(found[0]), int(found[1])

    async def _answers(
        self, conn: AsyncConnection, period: Period, scope: Scope
    ) -> dict[str, float]:
        """Average days from order to the provider's answer, per provider: by name, or as
        ``#`` and the id's first 8 digits for one that has published no material yet."""
        steps = firsts("order-", "OrderPlaced", "OrderAccepted", "OrderDeclined")
        answered = sa.func.coalesce(steps.c.OrderAccepted, steps.c.OrderDeclined)
        ref = sa.func.substr(sa.cast(orders.c.provider_id, sa.String), 1, 8)
        name = sa.func.coalesce(providers.c.name, sa.literal("#") + ref)
        query = (
            sa.select(name, sa.func.avg(days_between(steps.c.OrderPlaced, answered)))
            .select_from(steps.join(orders, orders.c.order_id == steps.c.id))
            .join(cases, cases.c.case_id == orders.c.case_id)
            .outerjoin(providers, providers.c.provider_id == orders.c.provider_id)
            .where(within(steps.c.OrderPlaced, period), answered.is_not(None))
            .group_by(name)
            .order_by(name)
        )
        return {n: float(d) for n, d in await conn.execute(scoped(query, scope))}

    async def _progress(
        self, conn: AsyncConnection, period: Period, scope: Scope
    ) -> dict[str, int]:
        """Goals per progress level in the reports received in the period (the levels are
        counted here: JSON arrays unnest differently on each database)."""
        key = stream_key(events.c.stream_id, len("followup-") + 1)
        query = (
            sa.select(events.c.data["report"])
            .select_from(events.join(followups, followups.c.followup_id == key))
            .join(cases, cases.c.case_id == followups.c.case_id)
            .where(events.c.type == "StatusReportAttached", within(DAY, period))
        )
        levels: Counter[str] = Counter()
        for (report,) in await conn.execute(scoped(query, scope)):
            levels.update(g["progress"] for g in report["goals"])
        return dict(levels)

    async def _costs(self, conn: AsyncConnection, period: Period, scope: Scope) -> dict[str, int]:
        query = (
            sa.select(orders.c.measure, sa.func.sum(claims.c.total_oere))
            .select_from(claims)
            .join(contracts, contracts.c.contract_id == claims.c.contract_id)
            .join(orders, orders.c.order_id == contracts.c.order_id)
            .join(cases, cases.c.case_id == orders.c.case_id)
            .where(claims.c.status != "rejected")
            .where(claims.c.period_start >= period.start, claims.c.period_start <= period.end)
            .group_by(orders.c.measure)
            .order_by(orders.c.measure)
        )
        return {m: int(t or 0) for m, t in await conn.execute(scoped(query, scope))}
