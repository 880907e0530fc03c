"""The scheduler's HTTP API: deadline phases, upcoming and overdue deadlines per case,
caseworker and provider, and the development clock."""

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
    subject_kind: str  # contract, order, case, claim, notification
    subject_id: UUID
    status: str
    fire_at: datetime
    due_at: datetime
    overdue: bool
    case_id: UUID | None
    order_id: UUID | None
    contract_id: UUID | None
    provider_id: UUID | None


class OpenDeadline(BaseModel):
    """A deadline not yet met, with its case's current caseworker."""

    deadline_id: UUID
    kind: str
    due_at: datetime
    next_at: datetime | None  # the next phase to fire; none once the overdue one has
    overdue: bool
    case_id: UUID | None
    order_id: UUID | None
    contract_id: UUID | None
    provider_id: UUID | None
    caseworker_id: str | None
    municipality: str | None


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

    @api.get("/deadlines/{when}", response_model=list[OpenDeadline])
    async def pending(
        request: Request,
        when: Literal["upcoming", "overdue"],
        principal: Annotated[Principal, Depends(READERS)],
        case_id: UUID | None = None,
        caseworker_id: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
        provider_id: UUID | None = None,
        contract_id: UUID | None = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    ) -> list[OpenDeadline]:
        if principal.tenant_id is not None:  # a provider sees only its own deadlines
            provider_id = UUID(principal.tenant_id)
        filters = {
            "case_id": case_id,
            "caseworker_id": caseworker_id,
            "provider_id": provider_id,
            "contract_id": contract_id,
        }
        now = request.app.state.clock.now()
        async with request.app.state.engine.connect() as conn:
            rows = await request.app.state.views.open_deadlines(
                conn, filters, now, when == "overdue", limit
            )
        return [OpenDeadline(**row, overdue=when == "overdue") for row in rows]

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
