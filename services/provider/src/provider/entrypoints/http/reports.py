"""Status reports per goal, submitted before each follow-up."""

from __future__ import annotations

from uuid import UUID, uuid4

from fastapi import APIRouter
from pydantic import BaseModel, Field
from samspil_contracts.common import MAX_GOALS
from servicekit.inputs import Day
from servicekit.problems import Problem

from provider.app.reporting import ReportInput
from provider.domain.report import GoalStatus, Progress
from provider.entrypoints.deps import Principal, Svc


class GoalStatusIn(BaseModel):
    goal_id: UUID
    progress: Progress
    text: str = Field(min_length=1, max_length=4000)


class StatusReport(BaseModel):
    report_id: UUID = Field(default_factory=uuid4)
    followup_ref: str = Field(min_length=1, max_length=200)
    period_start: Day
    period_end: Day
    per_goal: list[GoalStatusIn] = Field(min_length=1, max_length=MAX_GOALS)
    narrative: str = Field(min_length=1, max_length=20000, description="Sealed before it leaves")


def router() -> APIRouter:
    api = APIRouter(tags=["reports"])

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
