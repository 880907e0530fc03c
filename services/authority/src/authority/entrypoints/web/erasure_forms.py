"""Erasing a child's data from the case page: one team leader asks, another approves."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from authority.domain import Role
from authority.entrypoints.http.common import services
from authority.entrypoints.web.forms import actor, attempt
from authority.entrypoints.web.session import User


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.post("/cases/{case_id}/erasure-request")
    async def request_erasure(request: Request, case_id: UUID, user: User) -> Response:
        async def ask(form: FormData) -> None:
            a = actor(user, form, Role.TEAM_LEADER)
            await services(request).cases.request_erasure(case_id, a)

        return await attempt(request, user, case_id, "erasure", ask)

    @ui.post("/cases/{case_id}/erase")
    async def erase(request: Request, case_id: UUID, user: User) -> Response:
        async def approve(form: FormData) -> None:
            await services(request).cases.erase(case_id, actor(user, form, Role.TEAM_LEADER))

        return await attempt(request, user, case_id, "erasure", approve)

    return ui
