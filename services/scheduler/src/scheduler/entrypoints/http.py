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

from scheduler.app.queries import DeadlineQueries, OpenDeadline, OpenFilter, PhaseFilter

READERS = require("caseworker", "team_leader", "ops", "coordinator")


def provider_scope(principal: Principal, asked: UUID | None) -> UUID | None:
    """A provider's person (tenant claim) sees only that provider's deadlines; a coordinator
    is always a provider's, so one without a tenant would see every provider's: refused."""
    if principal.tenant_id is None:
        if "coordinator" in principal.roles:
            raise Problem(403, "forbidden", "a coordinator's token must name its provider")
        return asked
    try:
        return UUID(principal.tenant_id)
    except ValueError as exc:
        raise Problem(403, "forbidden", "the token's tenant is not a provider id") from exc


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
        provider_id = provider_scope(principal, provider_id)
        where = PhaseFilter(
            case_id=case_id, provider_id=provider_id, contract_id=contract_id, status=status
        )
        now = request.app.state.clock.now()
        queries: DeadlineQueries = request.app.state.queries
        return [
            DeadlineView(**row._asdict(), overdue=row.status == "pending" and row.due_at < now)
            for row in await queries.phases(where, limit)
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
        provider_id = provider_scope(principal, provider_id)
        where = OpenFilter(
            case_id=case_id,
            caseworker_id=caseworker_id,
            provider_id=provider_id,
            contract_id=contract_id,
        )
        now = request.app.state.clock.now()
        queries: DeadlineQueries = request.app.state.queries
        return await queries.open_deadlines(where, now, when == "overdue", limit)

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
