"""The tenant's sandbox: trigger any notification type, and play the business flows on
invented orders under the API's own paths prefixed ``/sandbox`` (a client pointed at
``<API>/sandbox`` calls the same routes with the same bodies). Nothing reaches an authority;
every notification carries ``"sandbox": true`` in ``data``. Off unless operations enabled it
for the tenant (403 ``sandbox_not_enabled``)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends
from servicekit.problems import Problem

from provider.app.orders import Acceptance
from provider.domain import sandbox
from provider.entrypoints.deps import Coordinator, Principal, Svc, TenantPrincipal
from provider.entrypoints.http.claims import NewClaim
from provider.entrypoints.http.contracts import Countersign
from provider.entrypoints.http.orders import Accept, Answered, Decline
from provider.entrypoints.http.reports import FollowUpView, StatusReport
from provider.entrypoints.http.sandbox_models import (
    ClaimMade,
    Countersigned,
    ReportMade,
    SandboxClaimView,
    SandboxContract,
    SandboxOrder,
    SandboxState,
    Trigger,
    Triggered,
)
from provider.entrypoints.http.sandbox_views import contract_view, example_data, order_view


async def _enabled(p: Principal, svc: Svc) -> TenantPrincipal:
    if not await svc.sandbox.enabled(p.tenant_id):
        raise Problem(403, "sandbox_not_enabled", "The tenant's sandbox is not enabled.")
    return p


async def _coordinator(p: Coordinator, svc: Svc) -> TenantPrincipal:
    return await _enabled(p, svc)


Reader = Annotated[TenantPrincipal, Depends(_enabled)]
Actor = Annotated[TenantPrincipal, Depends(_coordinator)]


def router() -> APIRouter:
    api = APIRouter(prefix="/sandbox", tags=["sandbox"])

    @api.get("", response_model=SandboxState)
    async def sandbox_state(p: Principal, svc: Svc) -> SandboxState:
        return SandboxState(enabled=await svc.sandbox.enabled(p.tenant_id))

    @api.post("/events", status_code=202, response_model=Triggered)
    async def trigger_sandbox_event(body: Trigger, p: Actor, svc: Svc) -> Triggered:
        data = example_data(body.type)
        event_id = await svc.sandbox.trigger(p.tenant_id, body.type, data)
        return Triggered(event_id=event_id, type=body.type, data=data | {"sandbox": True})

    @api.post("/orders", status_code=201, response_model=SandboxOrder)
    async def open_sandbox_order(p: Actor, svc: Svc) -> dict[str, Any]:
        case = await svc.sandbox.open_case(p.tenant_id, datetime.now(UTC).date())
        return order_view(case)

    @api.get("/orders/{order_id}", response_model=SandboxOrder)
    async def get_sandbox_order(order_id: UUID, p: Reader, svc: Svc) -> dict[str, Any]:
        return order_view(await svc.sandbox.case(p.tenant_id, order_id=order_id))

    @api.post("/orders/{order_id}/accept", response_model=Answered)
    async def accept_sandbox_order(order_id: UUID, body: Accept, p: Actor, svc: Svc) -> Answered:
        canonical = Acceptance(body.note, body.expected_start, body.contact).canonical()
        decide = _answer(sandbox.ACCEPTED, canonical)
        case = await svc.sandbox.step(p.tenant_id, order_id, None, decide)
        return Answered(order_id=order_id, status=case.status, revision=case.revision)

    @api.post("/orders/{order_id}/decline", response_model=Answered)
    async def decline_sandbox_order(order_id: UUID, body: Decline, p: Actor, svc: Svc) -> Answered:
        canonical = json.dumps({"reason": body.reason.value, "text": body.text}, sort_keys=True)
        decide = _answer(sandbox.DECLINED, canonical)
        case = await svc.sandbox.step(p.tenant_id, order_id, None, decide)
        return Answered(order_id=order_id, status=case.status, revision=case.revision)

    @api.get("/contracts/{contract_id}", response_model=SandboxContract)
    async def get_sandbox_contract(contract_id: UUID, p: Reader, svc: Svc) -> dict[str, Any]:
        case = await svc.sandbox.case(p.tenant_id, contract_id=contract_id)
        return contract_view(sandbox.offered(case))

    @api.post("/contracts/{contract_id}/countersign", response_model=Countersigned)
    async def countersign_sandbox_contract(
        contract_id: UUID, body: Countersign, p: Actor, svc: Svc
    ) -> Countersigned:
        def decide(case: sandbox.SandboxCase) -> sandbox.Step:
            return sandbox.countersign(case, body.version, body.terms_sha256)

        case = await svc.sandbox.step(p.tenant_id, None, contract_id, decide)
        return Countersigned(
            contract_id=contract_id, countersigned_version=1, revision=case.revision
        )

    @api.get("/contracts/{contract_id}/follow-ups", response_model=list[FollowUpView])
    async def sandbox_follow_ups(contract_id: UUID, p: Reader, svc: Svc) -> list[dict[str, Any]]:
        case = sandbox.offered(await svc.sandbox.case(p.tenant_id, contract_id=contract_id))
        return contract_view(case)["follow_ups"]  # type: ignore[no-any-return]

    @api.post("/contracts/{contract_id}/status-reports", status_code=201, response_model=ReportMade)
    async def submit_sandbox_status_report(
        contract_id: UUID, body: StatusReport, p: Actor, svc: Svc
    ) -> ReportMade:
        goals = {goal.goal_id for goal in body.per_goal}

        def decide(case: sandbox.SandboxCase) -> sandbox.Step:
            return sandbox.report(case, str(body.report_id), body.followup_ref, goals)

        await svc.sandbox.step(p.tenant_id, None, contract_id, decide)
        return ReportMade(report_id=body.report_id)

    @api.post("/claims", status_code=201, response_model=ClaimMade)
    async def submit_sandbox_claim(body: NewClaim, p: Actor, svc: Svc) -> ClaimMade:
        claim_id = await svc.sandbox.submit_claim(p.tenant_id, body.contract_id, body.claim_number)
        return ClaimMade(claim_id=claim_id)

    @api.get("/claims/{claim_id}", response_model=SandboxClaimView)
    async def get_sandbox_claim(claim_id: UUID, p: Reader, svc: Svc) -> SandboxClaimView:
        found = await svc.sandbox.claim(p.tenant_id, claim_id)
        return SandboxClaimView(
            claim_id=found.claim_id,
            contract_id=found.contract_id,
            claim_number=found.claim_number,
            status=found.status,
        )

    return api


def _answer(status: str, canonical: str) -> Any:
    def decide(case: sandbox.SandboxCase) -> sandbox.Step:
        return sandbox.answer(case, status, canonical)

    return decide
