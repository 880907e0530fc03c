"""The citizen's access log (a data subject's right of access) for a team leader: the CPR
number is posted, never put in a URL; the answer is the CSV download, and the export is
logged on each case the citizen is on. A refusal re-renders the form with what was typed."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from authority.domain import DomainError, Role
from authority.domain.case import Cpr
from authority.entrypoints.http.citizens import _csv
from authority.entrypoints.http.common import services
from authority.entrypoints.web.forms import FieldMissing, actor, kept, refusal, text
from authority.entrypoints.web.i18n import language, translator
from authority.entrypoints.web.render import page
from authority.entrypoints.web.session import User

FORM = "access"


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.get("/access-log")
    async def form(request: Request, user: User) -> Response:
        return page(request, "access_log.html", user, errors={}, posted={})

    @ui.post("/access-log")
    async def export(request: Request, user: User) -> Response:
        posted = await request.form()
        s = services(request)
        try:
            if Role.TEAM_LEADER.value not in user.roles:
                raise DomainError("forbidden_role", "team leaders only")
            a = actor(user, posted, Role.TEAM_LEADER)
            if not a.reason:
                raise FieldMissing("reason")
            cpr = Cpr(text(posted, "cpr", limit=11)).digits
            rows = [dict(r) for r in await s.citizens.access_log(cpr)]
        except (DomainError, FieldMissing) as exc:
            errors = refusal(translator(language(request)), posted, FORM, exc)
            # the number typed is kept on the page (not in a URL); the page is not cached
            values = kept(posted) | {"cpr": str(posted.get("cpr") or "")}
            return page(request, "access_log.html", user, 422, errors=errors, posted=values)
        for case_id in dict.fromkeys(r["case_id"] for r in rows):
            await s.cases.record_access(case_id, a, "export")
        for row in rows:
            row["at"] = row["at"].isoformat()
        headers = {"content-disposition": 'attachment; filename="aktindsigt-logning.csv"'}
        return Response(_csv(rows), media_type="text/csv", headers=headers)

    return ui
