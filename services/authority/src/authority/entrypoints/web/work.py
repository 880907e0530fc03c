"""My work (``/ui/``): what is due, waiting for approval, unanswered or newly received, and
the case list with search. Every list is paged and sorted in the database (query ports)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from authority.app.readmodels import Scope
from authority.entrypoints.web.render import page, reads
from authority.entrypoints.web.session import User


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.get("/")
    async def my_work(
        request: Request, user: User, scope: str = "", p: int = 1, q: str = ""
    ) -> Response:
        """Team leaders see the whole unit by default; caseworkers their own cases."""
        leader = "team_leader" in user.roles
        everyone = scope == "all" or (leader and scope != "mine")
        whose = Scope(caseworker=None if everyone else user.user_id)
        work = reads(request).work
        lists = {
            "due": await work.due(whose, 1),
            "unanswered": await work.unanswered(whose, 1),
            "reports": await work.reports(whose, 1),
            "concerns": await work.concerns(whose, 1),
            "cases": await work.cases(whose, p, q.strip()[:100]),
        }
        if leader:
            lists["approvals"] = await work.approvals(Scope(), 1)
        return page(
            request, "work.html", user, lists=lists, everyone=everyone, q=q, today=date.today()
        )

    return ui
