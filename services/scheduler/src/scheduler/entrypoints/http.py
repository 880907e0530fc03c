"""The scheduler's HTTP API: upcoming and overdue deadlines, and the development clock."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field
from servicekit.auth import Principal, require
from servicekit.problems import Problem

from scheduler.app.ports import DeadlineIndex

READERS = require("caseworker", "team_leader", "ops", "coordinator")


class DeadlineView(BaseModel):
    deadline_id: UUID
    phase: str
    kind: str
    status: str
    fire_at: datetime
    due_at: datetime
    overdue: bool
    case_id: UUID | None
    order_id: UUID | None
    contract_id: UUID | None
    provider_id: UUID | None


class Advance(BaseModel):
    days: int = Field(0, ge=0, le=3660)
    hours: int = Field(0, ge=0, le=24 * 366)


def router() -> APIRouter:
    api = APIRouter(tags=["deadlines"])

    @api.get("/deadlines", response_model=list[DeadlineView])
    async def deadlines(
        request: Request,
        principal: Annotated[Principal, Depends(READERS)],
        case_id: UUID | None = None,
        provider_id: UUID | None = None,
        contract_id: UUID | None = None,
        status: Literal["pending", "done", "cancelled"] | None = "pending",
        limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    ) -> list[DeadlineView]:
        if principal.tenant_id is not None:  # a provider sees only its own deadlines
            provider_id = UUID(principal.tenant_id)
        filters = {
            "case_id": case_id,
            "provider_id": provider_id,
            "contract_id": contract_id,
            "status": status,
        }
        now = request.app.state.clock.now()
        index: DeadlineIndex = request.app.state.index
        async with request.app.state.engine.connect() as conn:
            rows = await index.query(conn, filters, limit)
        return [
            DeadlineView(**row, overdue=row["status"] == "pending" and row["due_at"] < now)
            for row in rows
        ]

    @api.post("/clock/advance")
    async def advance(
        request: Request, body: Advance, _: Annotated[Principal, Depends(require("ops"))]
    ) -> dict[str, str]:
        clock = request.app.state.clock
        if not hasattr(clock, "advance"):
            raise Problem(404, "not_found", "the clock is only adjustable in development and test")
        now = clock.advance(timedelta(days=body.days, hours=body.hours))
        request.app.state.wake.set()
        return {"now": now.isoformat()}

    @api.get("/clock")
    async def clock_now(
        request: Request, _: Annotated[Principal, Depends(READERS)]
    ) -> dict[str, str]:
        return {"now": request.app.state.clock.now().isoformat()}

    return api
