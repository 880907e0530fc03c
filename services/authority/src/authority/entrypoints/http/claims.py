"""Settlement by the contract's terms: finance decides a claim line by line with a coded
reason, and marks an approved claim paid (the scheduler's payment deadline is then met)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel, Field
from samspil_contracts.common import MAX_LIST, Text
from servicekit.inputs import Day
from servicekit.problems import Problem

from authority.domain import Role
from authority.domain.settlement import LineOutcome, LineRejection
from authority.entrypoints.http.common import Finance, IfMatch, Mutation, Reader, Svc, acting


class LineIn(BaseModel):
    line: int = Field(ge=1, le=MAX_LIST, description="The line's number in the claim, from 1")
    approved: bool
    reason_code: LineRejection | None = Field(None, description="Required when rejected")
    text: Text | None = Field(None, description="Required beside reason_code other")


class LinesIn(Mutation):
    lines: list[LineIn] = Field(min_length=1, max_length=MAX_LIST)


class PaidIn(Mutation):
    paid_on: Day


def router() -> APIRouter:
    api = APIRouter(tags=["settlement"])

    @api.get("/claims/{claim_id}")
    async def claim(claim_id: UUID, _: Reader, s: Svc) -> dict[str, Any]:
        """The claim with the contract version it is checked against, each line's kind,
        amount, outcome and reason code (``suggested_reason_code``: the line's departure from
        the contract), credit notes applied, ``payable_oere``, ``payment_due_on``, ``paid_on``."""
        found = await s.kit.views.row("claims", claim_id)
        if found is None:
            raise Problem(404, "claim_not_found", "No such claim.")
        return dict(found)

    @api.post("/claims/{claim_id}/lines")
    async def decide_lines(
        claim_id: UUID, body: LinesIn, who: Finance, s: Svc, if_match: IfMatch = None
    ) -> dict[str, Any]:
        """Every line decided once: approved (it must match the contract version), or
        rejected with a ``reason_code``. Some approved: ``ClaimApproved`` with the lines;
        none: ``ClaimRejected``."""
        outcomes = tuple(LineOutcome(x.line, x.approved, x.reason_code, x.text) for x in body.lines)
        a = acting(who, body, if_match, prefer=Role.FINANCE)
        return {
            "claim_id": claim_id,
            "revision": await s.claims.decide_lines(claim_id, outcomes, a),
        }

    @api.post("/claims/{claim_id}/paid")
    async def paid(
        claim_id: UUID, body: PaidIn, who: Finance, s: Svc, if_match: IfMatch = None
    ) -> dict[str, Any]:
        """The approved claim is paid (``ClaimPaid``): the payment deadline is met."""
        a = acting(who, body, if_match, prefer=Role.FINANCE)
        return {"claim_id": claim_id, "revision": await s.claims.paid(claim_id, body.paid_on, a)}

    return api
