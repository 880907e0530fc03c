"""Finding cases (POST, so a CPR number never lands in a URL or an access log line)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from servicekit.problems import Problem

from authority.app.case_search import CaseFilter, CaseSearch
from authority.app.readmodels import Scope
from authority.domain import DomainError
from authority.entrypoints.http.common import Caseworker, Mutation, acting
from authority.entrypoints.web.i18n import error_texts

Sort = Literal["next_deadline", "opened", "opened_desc", "case_number", "status"]


class SearchIn(Mutation):
    query: str = Field("", max_length=100, description="Name, CPR, case number or caseworker")
    status: str | None = Field(None, max_length=40)
    measure: str | None = Field(None, max_length=20)
    team: str | None = Field(None, max_length=200)
    caseworker: str | None = Field(None, max_length=200, description="Only this caseworker's")
    overdue: bool = False
    sort: Sort = "next_deadline"
    page: int = Field(1, ge=1, le=100_000)


class CaseRow(BaseModel):
    case_id: str
    case_number: str | None
    child_initials: str
    birth_year: int | None
    status: str
    measure: str | None
    caseworker_id: str
    opened_at: datetime | None
    next_due_at: datetime | None


def searcher(request: Request) -> CaseSearch:
    found: CaseSearch = request.app.state.search
    return found


def router() -> APIRouter:
    api = APIRouter(tags=["cases"])

    @api.post("/cases/search")
    async def search(body: SearchIn, who: Caseworker, request: Request) -> dict[str, Any]:
        """A CPR number needs a ``reason`` (refused as ``cpr_search_reason_required`` on the
        ``reason`` field) and is logged as an access to every case found."""
        filters = CaseFilter(body.status, body.measure, body.team, body.overdue, body.sort)
        try:
            found = await searcher(request).find(
                acting(who, body), body.query, Scope(caseworker=body.caseworker), filters, body.page
            )
        except DomainError as refused:
            code = refused.code
            texts = {lang: t[code] for lang, t in error_texts().items() if code in t}
            field = [{"loc": ["body", "reason"], "msg": refused.message, "type": refused.code}]
            raise Problem(422, refused.code, refused.message, errors=field, texts=texts) from None
        rows = [CaseRow.model_validate({**r, "case_id": str(r["case_id"])}) for r in found.rows]
        return {"rows": rows, "total": found.total, "page": found.number, "pages": found.pages}

    return api
