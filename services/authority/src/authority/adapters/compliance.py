"""Ledelsesinformation in SQL. Durations use each event's ``at`` (when the step happened, as
the command said), not when it was stored, so back-filled history counts by its real dates.

The database does the heavy part: per stream only the first moment of each step (GROUP BY),
restricted to the period and the team; Python only subtracts dates on those few columns.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from eventkit.schema import events
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from authority.adapters.tables import VIEWS
from authority.adapters.worklists import scoped
from authority.app.readmodels import Figures, Period, Scope

INVESTIGATION_LIMIT = timedelta(days=122)  # 4 months (Serviceloven § 50, stk. 7)
cases, orders, contracts = VIEWS["cases"], VIEWS["orders"], VIEWS["contracts"]
followups, claims, providers = VIEWS["followups"], VIEWS["claims"], VIEWS["providers"]
AT = events.c.data["at"].as_string()


def _day(at: str) -> date:
    return datetime.fromisoformat(at).date()


class SqlCompliance:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def figures(self, period: Period, team: str | None, today: date) -> Figures:
        scope = Scope(team=team)
        async with self.engine.connect() as conn:
            held, due = await self._followups(conn, period, scope, today)
            within, judged = await self._investigations(conn, period, scope, today)
            return Figures(
                followups_held=held,
                followups_due=due,
                investigations_within=within,
                investigations_judged=judged,
                answer_days=await self._answers(conn, period, scope),
                goal_progress=await self._progress(conn, period, scope),
                cost_per_measure=await self._costs(conn, period, scope),
            )

    async def _first(self, conn: AsyncConnection, *types: str) -> dict[str, dict[str, str]]:
        """Per stream, when each step first happened."""
        query = (
            sa.select(events.c.stream_id, events.c.type, sa.func.min(AT).label("at"))
            .where(events.c.type.in_(types))
            .group_by(events.c.stream_id, events.c.type)
        )
        found: dict[str, dict[str, str]] = defaultdict(dict)
        for stream, kind, at in await conn.execute(query):
            found[stream][kind] = at
        return found

    async def _ids(self, conn: AsyncConnection, query: sa.Select[Any], scope: Scope) -> list[Any]:
        return list(await conn.execute(scoped(query, scope)))

    async def _followups(
        self, conn: AsyncConnection, period: Period, scope: Scope, today: date
    ) -> tuple[int, int]:
        """(held by the due date, due in the period by today)."""
        query = sa.select(followups.c.followup_id, followups.c.due_on).join(
            cases, cases.c.case_id == followups.c.case_id
        )
        query = query.where(
            followups.c.due_on >= period.start,
            followups.c.due_on <= min(period.end, today),
        )
        due = await self._ids(conn, query, scope)
        held = await self._first(conn, "OutcomeRecorded")
        on_time = 0
        for followup_id, due_on in due:
            at = held.get(f"followup-{followup_id}", {}).get("OutcomeRecorded")
            on_time += at is not None and _day(at) <= due_on
        return on_time, len(due)

    async def _investigations(
        self, conn: AsyncConnection, period: Period, scope: Scope, today: date
    ) -> tuple[int, int]:
        mine = {f"case-{c}" for (c,) in await self._ids(conn, sa.select(cases.c.case_id), scope)}
        within = judged = 0
        steps = await self._first(conn, "InvestigationStarted", "InvestigationConcluded")
        for stream, step in steps.items():
            started = step.get("InvestigationStarted")
            if stream not in mine or started is None or not period.holds(_day(started)):
                continue
            concluded = step.get("InvestigationConcluded")
            finished = _day(concluded) if concluded else None
            if finished is None and today - _day(started) <= INVESTIGATION_LIMIT:
                continue  # still running and not yet late: not judged
            judged += 1
            within += finished is not None and finished - _day(started) <= INVESTIGATION_LIMIT
        return within, judged

    async def _answers(
        self, conn: AsyncConnection, period: Period, scope: Scope
    ) -> dict[str, float]:
        """Average days from order to the provider's answer, per provider."""
        query = (
            sa.select(orders.c.order_id, providers.c.name)
            .join(cases, cases.c.case_id == orders.c.case_id)
            .outerjoin(providers, providers.c.provider_id == orders.c.provider_id)
        )
        name_of = {f"order-{o}": name or "?" for o, name in await self._ids(conn, query, scope)}
        days: dict[str, list[int]] = defaultdict(list)
        steps = await self._first(conn, "OrderPlaced", "OrderAccepted", "OrderDeclined")
        for stream, step in steps.items():
            placed = step.get("OrderPlaced")
            answer = step.get("OrderAccepted") or step.get("OrderDeclined")
            if stream not in name_of or placed is None or answer is None:
                continue
            if period.holds(_day(placed)):
                days[name_of[stream]].append((_day(answer) - _day(placed)).days)
        return {name: sum(d) / len(d) for name, d in sorted(days.items())}

    async def _progress(
        self, conn: AsyncConnection, period: Period, scope: Scope
    ) -> dict[str, int]:
        query = sa.select(followups.c.followup_id).join(
            cases, cases.c.case_id == followups.c.case_id
        )
        mine = {f"followup-{f}" for (f,) in await self._ids(conn, query, scope)}
        reports = sa.select(events.c.stream_id, events.c.data["report"]).where(
            events.c.type == "StatusReportAttached",
            period.start.isoformat() <= AT,
            (period.end + timedelta(days=1)).isoformat() > AT,
        )
        levels: Counter[str] = Counter()
        for stream, report in await conn.execute(reports):
            if stream in mine:
                levels.update(g["progress"] for g in report["goals"])
        return dict(levels)

    async def _costs(self, conn: AsyncConnection, period: Period, scope: Scope) -> dict[str, int]:
        total = sa.func.sum(claims.c.total_oere).label("total")
        query = (
            sa.select(orders.c.measure, total)
            .select_from(claims)
            .join(contracts, contracts.c.contract_id == claims.c.contract_id)
            .join(orders, orders.c.order_id == contracts.c.order_id)
            .join(cases, cases.c.case_id == orders.c.case_id)
            .where(
                claims.c.status != "rejected",
                claims.c.period_start >= period.start,
                claims.c.period_start <= period.end,
            )
            .group_by(orders.c.measure)
            .order_by(orders.c.measure)
        )
        return {m: int(t or 0) for m, t in await self._ids(conn, query, scope)}
