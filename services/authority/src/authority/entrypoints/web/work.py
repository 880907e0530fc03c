"""My work (``/ui/``): what is due, waiting for approval, unanswered or newly received, and
the case list with search. Every list is paged and sorted in the database (query ports).
A search is POSTed: whatever is typed (a CPR number, say) never lands in a URL, where
proxies, browser history and access logs would keep it."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import Response

from authority.app.readmodels import Scope
from authority.entrypoints.web.render import LOCAL, page, reads
from authority.entrypoints.web.session import User


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.get("/")
    async def my_work(
        request: Request, user: User, scope: str = "", p: int = 1, dp: int = 1
    ) -> Response:
        return await work_page(request, user, scope, p, "", dp)

    @ui.post("/")
    async def search(request: Request, user: User) -> Response:
        form = await request.form()
        page_number = str(form.get("p") or "1")
        p = int(page_number) if page_number.isdecimal() and len(page_number) <= 6 else 1
        q = str(form.get("q") or "")
        return await work_page(request, user, str(form.get("scope") or ""), p, q)

    return ui


async def work_page(
    request: Request, user: User, scope: str, p: int, q: str, dp: int = 1
) -> Response:
    """Team leaders see the whole unit by default; caseworkers their own cases."""
    leader = "team_leader" in user.roles
    everyone = scope == "all" or (leader and scope != "mine")
    whose = Scope(caseworker=None if everyone else user.user_id)
    work = reads(request).work
    lists = {
        "deadlines": await work.deadlines(whose, dp),
        "due": await work.due(whose, 1),
        "unanswered": await work.unanswered(whose, 1),
        "reports": await work.reports(whose, 1),
        "concerns": await work.concerns(whose, 1),
        "cases": await work.cases(whose, p, q.strip()[:100]),
    }
    now = datetime.now(UTC)
    if leader:
        lists["approvals"] = await work.approvals(Scope(), 1)
        lists["erasures"] = await work.erasures(Scope(), 1)
        team = await reads(request).teams.team_of(user.user_id)
        lists["flagged"] = await work.flagged(Scope(team=team), 1)
        lists["team_overdue"] = await work.deadlines(Scope(team=team), 1, overdue_at=now)
    today = now.astimezone(LOCAL).date()
    return page(
        request, "work.html", user, lists=lists, everyone=everyone, q=q, today=today, now=now
    )
