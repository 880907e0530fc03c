"""Team membership, as the municipality's directory knows it: the dashboard filters by team."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, Field

from authority.app.readmodels import ReadModels
from authority.entrypoints.http.common import Leader, Reader


class TeamIn(BaseModel):
    team: str = Field(min_length=1, max_length=200)


def router() -> APIRouter:
    api = APIRouter(tags=["teams"])

    def reads(request: Request) -> ReadModels:
        found: ReadModels = request.app.state.reads
        return found

    @api.put("/caseworkers/{caseworker_id}/team", status_code=204)
    async def set_team(
        caseworker_id: Annotated[str, Path(max_length=200)],
        body: TeamIn,
        who: Leader,
        request: Request,
    ) -> None:
        await reads(request).teams.join(caseworker_id, body.team)

    @api.get("/teams")
    async def teams(who: Reader, request: Request) -> list[str]:
        return await reads(request).teams.names()

    return api
