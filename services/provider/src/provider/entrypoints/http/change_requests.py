"""Change requests (ændringsanmodning) on a contract in force: extend it, change its scope
or frequency, or end it early; the caseworker grants or refuses.

A granted extension or change of scope comes as a new contract version the authority
signed (``contract.offered``): countersign it as any amendment; the version in force stays
so until then. The answer is told by the webhook ``change_request.answered``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid4

from fastapi import APIRouter
from pydantic import BaseModel, Field
from samspil_contracts import ChangeKind, Frequency, Scope
from servicekit.inputs import Day

from provider.app.change_requests import ChangeInput
from provider.domain import Frequency as DomainFrequency
from provider.domain import Per, change
from provider.domain import Scope as DomainScope
from provider.entrypoints.deps import Coordinator, Principal, Svc


class ChangeRequestIn(BaseModel):
    request_id: UUID = Field(default_factory=uuid4)
    kind: ChangeKind = Field(description="extend, change_scope or end_early")
    new_end: Day | None = Field(None, description="extend: the new (later) end")
    expected_duration_months: int | None = Field(
        None, ge=1, le=240, description="extend: the new expected duration from the start"
    )
    scope: Scope | None = Field(None, description="change_scope: the new omfang")
    frequency: Frequency | None = Field(None, description="change_scope: the new hyppighed")
    last_day: Day | None = Field(None, description="end_early: the proposed last day")
    reason: str = Field(min_length=1, max_length=4000, description="Sealed before it leaves")


class AnswerView(BaseModel):
    granted: bool
    reason_code: str | None = Field(description="Why it was refused (refusals only)")
    text: str | None
    amended_version: int | None = Field(description="The version offered for a grant")
    answered_at: datetime


class ChangeRequestView(BaseModel):
    request_id: UUID
    contract_id: UUID
    kind: str
    status: str = Field(description="open, granted or refused")
    version_in_force: int
    new_end: date | None
    expected_duration_months: int | None
    scope: dict[str, Any] | None
    frequency: dict[str, Any] | None
    last_day: date | None
    reason: str
    requested_at: datetime
    answer: AnswerView | None


def _proposal(body: ChangeRequestIn) -> change.Proposal:
    scope, freq = body.scope, body.frequency
    return change.Proposal(
        new_end=body.new_end,
        duration_months=body.expected_duration_months,
        scope=None if scope is None else DomainScope(scope.hours, Per(scope.per.value)),
        frequency=None if freq is None else DomainFrequency(freq.times, Per(freq.per.value)),
        last_day=body.last_day,
    )


def router() -> APIRouter:
    api = APIRouter(tags=["change requests"])

    @api.post("/contracts/{contract_id}/change-requests", status_code=201)
    async def request_change(
        contract_id: UUID, body: ChangeRequestIn, p: Coordinator, svc: Svc
    ) -> dict[str, UUID]:
        """Ask the authority to change a contract in force. Refused (422) when the contract
        is not in force (`contract_not_in_force`), a request of the same kind is open
        (`change_request_open`), the dates are invalid (`invalid_dates`,
        `extension_not_later`), or the request names fields of another kind
        (`invalid_change_request`); 404 for a contract the tenant does not hold."""
        found = ChangeInput(
            request_id=body.request_id,
            kind=change.ChangeKind(body.kind.value),
            proposal=_proposal(body),
            reason=body.reason,
        )
        request_id = await svc.changes.request(p.acting(), contract_id, found)
        return {"request_id": request_id}

    @api.get("/contracts/{contract_id}/change-requests", response_model=list[ChangeRequestView])
    async def list_change_requests(
        contract_id: UUID, p: Principal, svc: Svc
    ) -> list[dict[str, Any]]:
        """The contract's change requests, oldest first, each with its status and the
        caseworker's answer."""
        return await svc.changes.of_contract(p.acting(), contract_id)

    return api
