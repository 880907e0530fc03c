"""My work (``/ui/``): what is due, waiting for approval, unanswered or newly received."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import Response

from authority.entrypoints.http.common import services
from authority.entrypoints.web.readside import (
    ReadSide,
    cases,
    concerns,
    followups,
    mine,
    orders,
    providers,
)
from authority.entrypoints.web.render import page
from authority.entrypoints.web.session import User


def lists(caseworker: str | None) -> dict[str, sa.Select[Any]]:
    """Each list of the page as an ordered query: deadlines first, oldest concerns first."""
    due = sa.select(followups, cases.c.child_initials).join(
        cases, cases.c.case_id == followups.c.case_id
    )
    waiting = sa.select(orders, cases.c.child_initials, providers.c.name.label("provider")).join(
        cases, cases.c.case_id == orders.c.case_id
    )
    waiting = waiting.outerjoin(providers, providers.c.provider_id == orders.c.provider_id)
    unacknowledged = sa.select(concerns, cases.c.child_initials).join(
        cases, cases.c.case_id == concerns.c.case_id
    )
    return {
        "due": mine(due, followups.c.case_id, caseworker)
        .where(followups.c.outcome.is_(None))
        .order_by(followups.c.due_on, followups.c.followup_id),
        "approvals": sa.select(cases)
        .where(cases.c.status == "decision_proposed")
        .order_by(cases.c.case_id),
        "unanswered": mine(waiting, orders.c.case_id, caseworker)
        .where(orders.c.status == "awaiting_answer")
        .order_by(orders.c.order_id),
        "reports": mine(due, followups.c.case_id, caseworker)
        .where(followups.c.outcome.is_(None), followups.c.has_report.is_(True))
        .order_by(followups.c.due_on),
        "concerns": mine(unacknowledged, concerns.c.case_id, caseworker)
        .where(concerns.c.acknowledged_by.is_(None))
        .order_by(concerns.c.received_at),
        "cases": mine(sa.select(cases), cases.c.case_id, caseworker).order_by(
            cases.c.status, cases.c.case_id
        ),
    }


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.get("/")
    async def my_work(request: Request, user: User, scope: str = "", p: int = 1) -> Response:
        leader = "team_leader" in user.roles
        everyone = scope == "all" or (leader and scope != "mine")
        read = ReadSide(services(request).kit.store.engine)
        queries = lists(None if everyone else user.user_id)
        if not leader:
            queries.pop("approvals")
        found = {
            name: await read.page(query, p if name == "cases" else 1)
            for name, query in queries.items()
        }
        return page(
            request,
            "work.html",
            user,
            lists=found,
            everyone=everyone,
            today=date.today(),
        )

    return ui
