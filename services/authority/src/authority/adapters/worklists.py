"""My work, the case list, teams and the provider registry, answered in SQL: each list is
filtered, sorted and paged in the database, so its cost does not grow with the caseload."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from authority.adapters.tables import VIEWS, access_log, caseworker_teams
from authority.app.readmodels import PAGE_SIZE, Page, Row, Scope

MAX_PAGE = 100_000  # past any list; a larger number would overflow the SQL offset
cases, orders, followups = VIEWS["cases"], VIEWS["orders"], VIEWS["followups"]
concerns, providers, standards = VIEWS["concerns"], VIEWS["providers"], VIEWS["standard_contracts"]
intake, deadlines, claims = VIEWS["notifications"], VIEWS["deadlines"], VIEWS["claims"]


def scoped(query: sa.Select[Any], scope: Scope) -> sa.Select[Any]:
    """``query`` joins ``view_cases``; keep the cases of the caseworker or team."""
    if scope.caseworker is not None:
        query = query.where(cases.c.caseworker_id == scope.caseworker)
    if scope.team is not None:
        members = sa.select(caseworker_teams.c.caseworker_id).where(
            caseworker_teams.c.team == scope.team
        )
        query = query.where(cases.c.caseworker_id.in_(members))
    return query


class Paging:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def page(self, query: sa.Select[Any], number: int) -> Page:
        """One page of ``query`` (which must be ordered) and the total it pages through, in
        one round trip (a window count); a page past the end counts separately."""
        number = min(max(1, number), MAX_PAGE)
        counted = query.add_columns(sa.func.count().over().label("_total"))
        paged = counted.limit(PAGE_SIZE).offset((number - 1) * PAGE_SIZE)
        async with self.engine.connect() as conn:
            rows = [dict(r) for r in (await conn.execute(paged)).mappings()]
            if rows:
                total = int(rows[0]["_total"])
            else:
                count = sa.select(sa.func.count()).select_from(query.order_by(None).subquery())
                total = int(await conn.scalar(count) or 0)
        for row in rows:
            del row["_total"]
        return Page(rows, total, number)


# Who a row is about, unambiguously: initials, birth year and case number (issue 22).
CHILD = (cases.c.child_initials, cases.c.birth_year, cases.c.case_number)


class SqlWork(Paging):
    def _of_case(self, table: sa.Table, scope: Scope) -> sa.Select[Any]:
        query = sa.select(table, *CHILD, cases.c.caseworker_id)
        return scoped(query.join(cases, cases.c.case_id == table.c.case_id), scope)

    async def due(self, scope: Scope, page: int) -> Page:
        """Open follow-ups, the nearest (or most overdue) deadline first."""
        query = self._of_case(followups, scope).where(followups.c.outcome.is_(None))
        return await self.page(query.order_by(followups.c.due_on, followups.c.followup_id), page)

    async def deadlines(self, scope: Scope, page: int, overdue_at: datetime | None = None) -> Page:
        query = self._of_case(deadlines, scope).where(deadlines.c.status == "open")
        if overdue_at is not None:
            query = query.where(deadlines.c.due_at < overdue_at)
        return await self.page(query.order_by(deadlines.c.due_at, deadlines.c.deadline_id), page)

    async def case_deadlines(self, case_id: UUID) -> Sequence[Row]:
        query = sa.select(deadlines).where(
            deadlines.c.case_id == case_id, deadlines.c.status == "open"
        )
        query = query.order_by(deadlines.c.due_at, deadlines.c.deadline_id)
        async with self.engine.connect() as conn:
            return [dict(r) for r in (await conn.execute(query)).mappings()]

    async def approvals(self, scope: Scope, page: int) -> Page:
        query = scoped(sa.select(cases), scope).where(cases.c.status == "decision_proposed")
        return await self.page(query.order_by(cases.c.case_id), page)

    async def erasures(self, scope: Scope, page: int) -> Page:
        """Erasures a team leader asked for, awaiting another's approval."""
        query = scoped(sa.select(cases), scope).where(cases.c.status == "erasure_requested")
        return await self.page(query.order_by(cases.c.case_id), page)

    async def flagged(self, scope: Scope, page: int) -> Page:
        """Looks at a case's persons by someone outside its team, newest first."""
        log = access_log
        query = sa.select(log.c.id, log.c.at, log.c.user_id, log.c.reason, log.c.case_id)
        query = query.add_columns(*CHILD, cases.c.caseworker_id)
        query = query.join(cases, cases.c.case_id == log.c.case_id).where(log.c.flagged.is_(True))
        return await self.page(scoped(query, scope).order_by(log.c.id.desc()), page)

    async def unanswered(self, scope: Scope, page: int) -> Page:
        query = self._of_case(orders, scope).add_columns(providers.c.name.label("provider"))
        query = query.outerjoin(providers, providers.c.provider_id == orders.c.provider_id)
        query = query.where(orders.c.status == "awaiting_answer")
        return await self.page(query.order_by(orders.c.order_id), page)

    async def claims_to_decide(self, page: int) -> Page:
        query = self._claims().where(claims.c.status == "received")
        return await self.page(query.order_by(claims.c.period_start, claims.c.claim_id), page)

    async def payments_due(self, page: int) -> Page:
        query = self._claims().where(claims.c.status == "approved", claims.c.paid_on.is_(None))
        order = (claims.c.payment_due_on.nulls_last(), claims.c.claim_id)
        return await self.page(query.order_by(*order), page)

    def _claims(self) -> sa.Select[Any]:
        """Claims of every case (finance settles for the whole unit), with the provider."""
        query = self._of_case(claims, Scope()).add_columns(providers.c.name.label("provider"))
        return query.outerjoin(providers, providers.c.provider_id == claims.c.provider_id)

    async def reports(self, scope: Scope, page: int) -> Page:
        query = self._of_case(followups, scope).where(
            followups.c.outcome.is_(None), followups.c.has_report.is_(True)
        )
        return await self.page(query.order_by(followups.c.due_on, followups.c.followup_id), page)

    async def concerns(self, scope: Scope, page: int) -> Page:
        query = self._of_case(concerns, scope).where(concerns.c.acknowledged_by.is_(None))
        return await self.page(query.order_by(concerns.c.received_at), page)

    async def notifications(self, page: int) -> Page:
        c = intake.c
        open_ = sa.or_(
            c.assessed_at.is_(None),
            c.case_id.is_(None),
            sa.and_(c.receipt_owed.is_(True), c.receipt_sent_at.is_(None)),
        )
        order = (c.assessed_at.is_not(None), c.assessment_due_at, c.notification_id)
        return await self.page(sa.select(intake).where(open_).order_by(*order), page)


class SqlTeams:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def join(self, caseworker: str, team: str) -> None:
        """One team per caseworker: the latest sign-in's claim wins."""
        async with self.engine.begin() as conn:
            where = caseworker_teams.c.caseworker_id == caseworker
            await conn.execute(caseworker_teams.delete().where(where))
            await conn.execute(
                caseworker_teams.insert().values(caseworker_id=caseworker, team=team)
            )

    async def team_of(self, caseworker: str) -> str | None:
        where = caseworker_teams.c.caseworker_id == caseworker
        async with self.engine.connect() as conn:
            found = await conn.scalar(sa.select(caseworker_teams.c.team).where(where))
        return None if found is None else str(found)

    async def names(self) -> list[str]:
        query = sa.select(caseworker_teams.c.team).distinct().order_by(caseworker_teams.c.team)
        async with self.engine.connect() as conn:
            return list(await conn.scalars(query))


class SqlRegistry(Paging):
    async def providers(self, page: int) -> Page:
        return await self.page(sa.select(providers).order_by(providers.c.name), page)

    async def standard_contracts(self, provider_ids: Sequence[UUID]) -> dict[UUID, list[Row]]:
        query = sa.select(standards).where(standards.c.provider_id.in_(provider_ids))
        found: dict[UUID, list[Row]] = defaultdict(list)
        async with self.engine.connect() as conn:
            for row in (await conn.execute(query.order_by(standards.c.start))).mappings():
                found[row["provider_id"]].append(dict(row))
        return found
