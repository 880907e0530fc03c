"""Status reports per goal, submitted before each follow-up; the follow-ups to report before.

A report names its follow-up by ``followup_ref``, taken from ``GET
/contracts/{contract_id}/follow-ups`` (or the order's): the scheduler's id of that follow-up,
which the authority's follow-up carries too. Any other value is refused
(``unknown_followup_ref``)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID, uuid4

from fastapi import APIRouter
from pydantic import BaseModel, Field
from samspil_contracts.common import MAX_GOALS
from servicekit.inputs import Day
from servicekit.problems import Problem

from provider.app.follow_ups import FollowUp
from provider.app.reporting import ReportInput
from provider.domain.report import GoalStatus, Progress
from provider.entrypoints.deps import Principal, Services, Svc
from provider.entrypoints.http.views import COPENHAGEN


class GoalStatusIn(BaseModel):
    goal_id: UUID
    progress: Progress
    text: str = Field(min_length=1, max_length=4000)


class StatusReport(BaseModel):
    report_id: UUID = Field(default_factory=uuid4)
    followup_ref: str = Field(
        min_length=1,
        max_length=200,
        description="The follow-up the report prepares: a `followup_ref` from GET "
        "/contracts/{contract_id}/follow-ups; another value is refused (422 "
        "`unknown_followup_ref`)",
    )
    period_start: Day
    period_end: Day
    per_goal: list[GoalStatusIn] = Field(min_length=1, max_length=MAX_GOALS)
    narrative: str = Field(min_length=1, max_length=20000, description="Sealed before it leaves")


class FollowUpView(BaseModel):
    """A follow-up (opfølgning, barnets lov § 95) of a contract, as the scheduler set it."""

    followup_ref: str = Field(description="Name it in the status report prepared for it")
    contract_id: UUID
    order_id: UUID | None
    due_at: datetime = Field(description="When the follow-up falls due")
    due_on: date = Field(description="`due_at` as a date in Copenhagen")
    status: str = Field(description="open, met (held) or cancelled")
    report_due_at: datetime | None = Field(description="When the status report falls due")
    report_due_on: date | None = Field(description="`report_due_at` as a date in Copenhagen")
    report_status: str | None = Field(description="open, met (received) or cancelled")


def _day(moment: datetime | None) -> date | None:
    return None if moment is None else moment.astimezone(COPENHAGEN).date()


def _view(f: FollowUp, order_id: UUID | None) -> FollowUpView:
    return FollowUpView(
        followup_ref=f.followup_ref,
        contract_id=f.contract_id,
        order_id=order_id,
        due_at=f.due_at.astimezone(UTC),
        due_on=f.due_at.astimezone(COPENHAGEN).date(),
        status=f.status,
        report_due_at=f.report_due_at,
        report_due_on=_day(f.report_due_at),
        report_status=f.report_status,
    )


async def _contracts(svc: Services, tenant_id: UUID, order_id: UUID) -> dict[UUID, UUID]:
    if await svc.queries.order(tenant_id, order_id) is None:
        raise Problem(404, "not_found", "No such order.")
    rows = await svc.queries.contracts(tenant_id)
    return {row["contract_id"]: order_id for row in rows if row.get("order_id") == order_id}


def router() -> APIRouter:
    api = APIRouter(tags=["reports"])

    @api.get("/contracts/{contract_id}/follow-ups", response_model=list[FollowUpView])
    async def list_contract_follow_ups(
        contract_id: UUID, p: Principal, svc: Svc
    ) -> list[FollowUpView]:
        """The contract's follow-ups, soonest first, each with the status report due before
        it: the `followup_ref` a status report names. Only the tenant holding the contract
        sees them; none until the scheduler has set the first (when the contract is in
        force)."""
        row = await svc.queries.contract(p.tenant_id, contract_id)
        if row is None:
            raise Problem(404, "not_found", "No such contract.")
        found = await svc.follow_ups.of_contracts(p.tenant_id, [contract_id])
        return [_view(f, row.get("order_id")) for f in found]

    @api.get("/orders/{order_id}/follow-ups", response_model=list[FollowUpView])
    async def list_order_follow_ups(order_id: UUID, p: Principal, svc: Svc) -> list[FollowUpView]:
        """The follow-ups of the order's contracts, as under
        `/contracts/{contract_id}/follow-ups`."""
        orders = await _contracts(svc, p.tenant_id, order_id)
        found = await svc.follow_ups.of_contracts(p.tenant_id, list(orders))
        return [_view(f, orders[f.contract_id]) for f in found]

    @api.post("/contracts/{contract_id}/status-reports", status_code=201)
    async def submit_status_report(
        contract_id: UUID, body: StatusReport, p: Principal, svc: Svc
    ) -> dict[str, UUID]:
        report = ReportInput(
            report_id=body.report_id,
            followup_ref=body.followup_ref,
            period_start=body.period_start,
            period_end=body.period_end,
            per_goal=tuple(GoalStatus(g.goal_id, g.progress, g.text) for g in body.per_goal),
            narrative=body.narrative,
        )
        if report.period_end < report.period_start:
            raise Problem(422, "invalid_period", "The period ends before it starts.")
        report_id = await svc.reporting.status_report(p.acting(), contract_id, report)
        return {"report_id": report_id}

    return api
