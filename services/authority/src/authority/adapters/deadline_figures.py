"""The dashboard's deadline figures, from the authority's own list of the scheduler's
deadlines (``view_deadlines``), aggregated in SQL: per kind, those met in the period (on time
when closed by the due moment) and, as of now, the open ones at risk (inside the warning the
scheduler set, or a week when it set none) or overdue; and the rows behind each figure.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from authority.adapters.tables import VIEWS
from authority.adapters.worklists import Paging, scoped
from authority.app.readmodels import KindFigure, Page, Period, Scope

LOCAL = ZoneInfo("Europe/Copenhagen")
WINDOW = timedelta(days=7)  # the warning window of a deadline announced without one
deadlines, cases = VIEWS["deadlines"], VIEWS["cases"]
d = deadlines.c
COUNTED = ("met", "on_time", "at_risk", "overdue", "open")


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(), LOCAL).astimezone(UTC)


def states(period: Period, now: datetime) -> dict[str, sa.ColumnElement[bool]]:
    """Each figure's condition on a deadline row (the period in Danish days)."""
    now = now.astimezone(UTC)
    start, end = _start_of(period.start), _start_of(period.end + timedelta(days=1))
    met = sa.and_(d.status == "met", d.closed_at >= start, d.closed_at < end)
    is_open = d.status == "open"
    warned = sa.or_(d.warn_at <= now, sa.and_(d.warn_at.is_(None), d.due_at <= now + WINDOW))
    return {
        "met": met,
        "on_time": sa.and_(met, d.closed_at <= d.due_at),
        "late": sa.and_(met, d.closed_at > d.due_at),
        "at_risk": sa.and_(is_open, d.due_at >= now, warned),
        "overdue": sa.and_(is_open, d.due_at < now),
        "open": is_open,
    }


def _count_if(condition: sa.ColumnElement[bool]) -> Any:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


def _with_cases(query: sa.Select[Any], team: str | None) -> sa.Select[Any]:
    joined = query.select_from(deadlines.outerjoin(cases, cases.c.case_id == d.case_id))
    return scoped(joined, Scope(team=team))


class SqlDeadlineFigures(Paging):
    async def deadline_kinds(
        self, period: Period, team: str | None, now: datetime
    ) -> list[KindFigure]:
        found = states(period, now)
        counts = [_count_if(found[name]).label(name) for name in COUNTED]
        query = _with_cases(sa.select(d.kind, *counts), team)
        query = query.where(sa.or_(found["met"], found["open"])).group_by(d.kind)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query.order_by(d.kind))).mappings()
            return [KindFigure(str(r["kind"]), *(int(r[n]) for n in COUNTED)) for r in rows]

    async def deadline_cases(
        self, kind: str, state: str, period: Period, team: str | None, now: datetime, page: int
    ) -> Page:
        shown = (deadlines, cases.c.child_initials, cases.c.case_number, cases.c.caseworker_id)
        query = _with_cases(sa.select(*shown), team)
        query = query.where(d.kind == kind, states(period, now)[state])
        latest_first = state in ("on_time", "late")
        order = d.closed_at.desc() if latest_first else d.due_at
        return await self.page(query.order_by(order, d.deadline_id), page)
