"""Claims: submit (number unique per tenant) and list."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID, uuid4

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from samspil_contracts.common import MAX_LIST, MAX_ORE, MAX_QUANTITY, UnitPriceOre
from servicekit.inputs import Day
from servicekit.problems import Problem

from provider.domain.claim import ClaimLine, ClaimStatus, LineKind
from provider.entrypoints.deps import Coordinator, Principal, Svc
from provider.entrypoints.http.views import ClaimSummary


class Line(BaseModel):
    description: str = Field(min_length=1, max_length=200)
    units: int = Field(ge=1, le=MAX_QUANTITY)
    unit_price_oere: UnitPriceOre
    kind: LineKind = Field(
        LineKind.SERVICE,
        description="service (at the contract's price per unit) or special_agreement (one "
        "of the contract's særlige økonomiske aftaler, billed as its own line)",
    )


class NewClaim(BaseModel):
    contract_id: UUID
    claim_number: str = Field(min_length=1, max_length=30)
    period_start: Day
    period_end: Day
    lines: list[Line] = Field(min_length=1, max_length=MAX_LIST)


class CreditNote(BaseModel):
    credit_note_id: UUID = Field(default_factory=uuid4, description="Choose it to retry safely")
    amount_oere: int = Field(gt=0, le=MAX_ORE)
    reason: str = Field(min_length=1, max_length=4000)


def router() -> APIRouter:
    api = APIRouter(tags=["claims"])

    @api.post("/claims", status_code=201)
    async def submit_claim(body: NewClaim, p: Coordinator, svc: Svc) -> dict[str, UUID]:
        lines = tuple(
            ClaimLine(x.description, x.units, x.unit_price_oere, x.kind) for x in body.lines
        )
        period = (body.period_start, body.period_end)
        claim_id = await svc.claims.submit(
            p.acting(), body.contract_id, body.claim_number, period, lines
        )
        return {"claim_id": claim_id}

    @api.get("/claims", response_model=list[ClaimSummary])
    async def list_claims(
        p: Principal,
        svc: Svc,
        status: Annotated[
            ClaimStatus | None, Query(description="Only claims in this status; another is a 422")
        ] = None,
    ) -> list[dict[str, Any]]:
        wanted = None if status is None else status.value
        return await svc.queries.claims(p.tenant_id, wanted)

    @api.get("/claims/{claim_id}")
    async def read_claim(claim_id: UUID, p: Principal, svc: Svc) -> dict[str, Any]:
        """The claim with each line's outcome (``lines``: ``outcome`` approved or rejected,
        ``reason_code``), ``approved_total_oere`` (less credit notes), ``payment_due_on``
        (the contract's payment terms from the claim) and ``paid_on``."""
        found = await svc.queries.claim(p.tenant_id, claim_id)
        if found is None:
            raise Problem(404, "not_found", "No such claim.")
        return found

    @api.post("/claims/{claim_id}/credit-notes", status_code=201)
    async def credit_claim(
        claim_id: UUID, body: CreditNote, p: Coordinator, svc: Svc
    ) -> dict[str, Any]:
        args = (body.credit_note_id, body.amount_oere, body.reason)
        revision = await svc.claims.credit(p.acting(), claim_id, *args)
        return {"credit_note_id": body.credit_note_id, "revision": revision}

    return api
