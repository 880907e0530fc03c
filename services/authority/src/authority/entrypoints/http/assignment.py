"""Reassigning a case to another caseworker; the scheduler lists its deadlines under them."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter
from pydantic import Field

from authority.domain import Role
from authority.domain.case import AssignCaseworker
from authority.entrypoints.http.common import IfMatch, Leader, Mutation, Svc, acting


class AssignIn(Mutation):
    caseworker_id: str = Field(min_length=1, max_length=200)


def router() -> APIRouter:
    api = APIRouter(tags=["cases"])

    @api.post("/cases/{case_id}/caseworker")
    async def assign(
        case_id: UUID, body: AssignIn, who: Leader, s: Svc, if_match: IfMatch = None
    ) -> dict[str, Any]:
        """The team leader hands the case to ``caseworker_id``."""
        a = acting(who, body, if_match, prefer=Role.TEAM_LEADER)
        command = AssignCaseworker(**a.stamp(), caseworker_id=body.caseworker_id)
        _, revision = await s.cases.execute(case_id, command, a)
        return {"case_id": case_id, "revision": revision}

    return api
