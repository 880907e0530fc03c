"""The persons of a case: reveal them (logged, flagged outside the case's team) and erase
them (four eyes: one team leader requests, another approves)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter

from authority.app.queries import render_case
from authority.domain import Role
from authority.entrypoints.http.common import Caseworker, Leader, Mutation, Svc, acting


def router() -> APIRouter:
    api = APIRouter(tags=["cases"])

    @api.post("/cases/{case_id}/reveal")
    async def reveal(case_id: UUID, body: Mutation, who: Caseworker, s: Svc) -> dict[str, Any]:
        """The persons in clear. Every look is in the access log with its reason; a look by
        someone outside the case's team is flagged on the team leader's list."""
        state = await s.cases.reveal(case_id, acting(who, body))
        return render_case(state, 0, clear=True) | {"revision": None}

    @api.post("/cases/{case_id}/erasure-request")
    async def request_erasure(case_id: UUID, body: Mutation, who: Leader, s: Svc) -> dict[str, Any]:
        """A team leader asks, with a reason, to erase the child's data."""
        a = acting(who, body, prefer=Role.TEAM_LEADER)
        return {"case_id": case_id, "revision": await s.cases.request_erasure(case_id, a)}

    @api.post("/cases/{case_id}/erase")
    async def erase(case_id: UUID, body: Mutation, who: Leader, s: Svc) -> dict[str, int]:
        """Another team leader approves the requested erasure: the child's key is shredded."""
        revision = await s.cases.erase(case_id, acting(who, body, prefer=Role.TEAM_LEADER))
        return {"revision": revision}

    @api.get("/access-log")
    async def access_log(
        _: Caseworker, s: Svc, case_id: UUID | None = None, flagged: bool | None = None
    ) -> list[dict[str, Any]]:
        """Who looked at a case and why; ``flagged=true``: the looks at a case's persons by
        someone outside the case's team."""
        return list(await s.kit.views.access_log(case_id, flagged))

    return api
