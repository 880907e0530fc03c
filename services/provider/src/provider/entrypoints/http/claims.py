"""Claims: submit (number unique per tenant) and list."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel, Field

from provider.domain.claim import ClaimLine
from provider.entrypoints.deps import Coordinator, Principal, Svc


class Line(BaseModel):
    description: str = Field(min_length=1, max_length=200)
    units: int = Field(ge=1)
    unit_price_oere: int = Field(ge=0)


class NewClaim(BaseModel):
    contract_id: UUID
    claim_number: str = Field(min_length=1, max_length=30)
    period_start: date
    period_end: date
    lines: list[Line] = Field(min_length=1)


def router() -> APIRouter:
    api = APIRouter(tags=["claims"])

    @api.post("/claims", status_code=201)
    async def submit(body: NewClaim, p: Coordinator, svc: Svc) -> dict[str, UUID]:
        lines = tuple(ClaimLine(x.description, x.units, x.unit_price_oere) for x in body.lines)
        period = (body.period_start, body.period_end)
        claim_id = await svc.claims.submit(
            p.acting(), body.contract_id, body.claim_number, period, lines
        )
        return {"claim_id": claim_id}

    @api.get("/claims")
    async def list_claims(
        p: Principal, svc: Svc, status: str | None = None
    ) -> list[dict[str, Any]]:
        return await svc.queries.claims(p.tenant_id, status)

    return api
