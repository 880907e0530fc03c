"""My work (``/ui/``): what is due, waiting for approval, unanswered or newly received, and
the case list with search. Every list is paged and sorted in the database (query ports).
A search is POSTed: whatever is typed (a CPR number, say) never lands in a URL, where
proxies, browser history and access logs would keep it; the list's filters and order may."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from authority.app.case_search import STATUSES
from authority.app.readmodels import Scope
from authority.entrypoints.web.case_list import MEASURES, listed, query_string
from authority.entrypoints.web.render import LOCAL, page, reads
from authority.entrypoints.web.session import User


def _page_number(raw: object) -> int:
    text = str(raw or "1")
    return int(text) if text.isdecimal() and len(text) <= 6 else 1


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.get("/")
    async def my_work(request: Request, user: User, dp: int = 1) -> Response:
        values = request.query_params
        p = _page_number(values.get("p"))
        return await work_page(request, user, values, p, "", dp)

    @ui.post("/")
    async def search(request: Request, user: User) -> Response:
        form = await request.form()
        q = str(form.get("q") or "").strip()[:100]
        return await work_page(request, user, form, _page_number(form.get("p")), q)

    return ui


async def work_page(
    request: Request, user: User, values: Mapping[str, Any], p: int, q: str, dp: int = 1
) -> Response:
    """Team leaders see the whole unit by default; caseworkers their own cases; finance
    also the unit's claims to decide and payments due."""
    leader = "team_leader" in user.roles
    scope = str(values.get("scope") or "")
    everyone = scope == "all" or (leader and scope != "mine")
    whose = Scope(caseworker=None if everyone else user.user_id)
    work = reads(request).work
    found = await listed(request, user, whose, values, q, p)
    lists = {
        "deadlines": await work.deadlines(whose, dp),
        "due": await work.due(whose, 1),
        "unanswered": await work.unanswered(whose, 1),
        "reports": await work.reports(whose, 1),
        "concerns": await work.concerns(whose, 1),
        "cases": found.cases,
    }
    now = datetime.now(UTC)
    if leader:
        lists["approvals"] = await work.approvals(Scope(), 1)
        lists["erasures"] = await work.erasures(Scope(), 1)
        team = await reads(request).teams.team_of(user.user_id)
        lists["flagged"] = await work.flagged(Scope(team=team), 1)
        lists["team_overdue"] = await work.deadlines(Scope(team=team), 1, overdue_at=now)
    if "finance" in user.roles:
        lists["claims"] = await work.claims_to_decide(1)
        lists["payments"] = await work.payments_due(1)
    today = now.astimezone(LOCAL).date()
    return page(
        request,
        "work.html",
        user,
        422 if found.error else 200,
        lists=lists,
        everyone=everyone,
        q=q,
        reason=str(values.get("reason") or "") if q else "",
        found=found,
        filters_qs=query_string(found.filters),
        measures=MEASURES,
        statuses=STATUSES,
        teams=await reads(request).teams.names(),
        today=today,
        now=now,
    )
