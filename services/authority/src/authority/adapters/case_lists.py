"""The case list in SQL: searched through the blind index, filtered, sorted and paged by the
database, each case with its next open deadline (a correlated subquery on the deadline
list, so sorting and the overdue filter use the same value the page shows)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from authority.adapters.tables import VIEWS, case_search
from authority.adapters.worklists import Paging, scoped
from authority.app.case_search import CaseFilter, Match
from authority.app.readmodels import Page, Scope

cases, deadlines = VIEWS["cases"], VIEWS["deadlines"]
NEXT_DUE = (
    sa.select(sa.func.min(deadlines.c.due_at))
    .where(deadlines.c.case_id == cases.c.case_id, deadlines.c.status == "open")
    .correlate(cases)
    .scalar_subquery()
)
ORDER: dict[str, tuple[Any, ...]] = {
    "next_deadline": (NEXT_DUE.asc().nulls_last(),),
    "opened": (cases.c.opened_at.asc().nulls_last(),),
    "opened_desc": (cases.c.opened_at.desc().nulls_last(),),
    "case_number": (cases.c.case_number,),
    "status": (cases.c.status,),
}


def matching(match: Match) -> sa.ColumnElement[bool]:
    """Every digest (all the name words, or the CPR number) on the case; typed text may
    instead name the caseworker, the initials, the case number (a prefix) or the case id."""
    found: list[sa.ColumnElement[bool]] = []
    if match.digests:
        hits = (
            sa.select(case_search.c.case_id)
            .where(case_search.c.digest.in_(match.digests))
            .group_by(case_search.c.case_id)
            .having(sa.func.count(sa.distinct(case_search.c.digest)) == len(set(match.digests)))
        )
        found.append(cases.c.case_id.in_(hits))
    if match.text:
        text = match.text.lower()
        found.append(sa.func.lower(cases.c.caseworker_id).contains(text, autoescape=True))
        found.append(sa.func.lower(cases.c.child_initials).contains(text, autoescape=True))
    if match.case_number:
        found.append(cases.c.case_number.startswith(match.case_number, autoescape=True))
    if match.case_id is not None:
        found.append(cases.c.case_id == match.case_id)
    return sa.or_(*found) if found else sa.true()


def filtered(query: sa.Select[Any], filters: CaseFilter, now: datetime) -> sa.Select[Any]:
    if filters.team:
        query = scoped(query, Scope(team=filters.team))
    if filters.status:
        query = query.where(cases.c.status == filters.status)
    if filters.measure:
        query = query.where(cases.c.measure == filters.measure)
    if filters.overdue:
        query = query.where(now > NEXT_DUE)
    return query


class SqlCaseList(Paging):
    async def find(
        self, scope: Scope, filters: CaseFilter, match: Match, now: datetime, page: int
    ) -> Page:
        query = scoped(sa.select(cases, NEXT_DUE.label("next_due_at")), scope)
        query = filtered(query, filters, now).where(matching(match))
        order = ORDER.get(filters.sort, ORDER["next_deadline"])
        return await self.page(query.order_by(*order, cases.c.case_id), page)
