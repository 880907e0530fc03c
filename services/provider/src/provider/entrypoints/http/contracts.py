"""Contracts: read, countersign, deliver (plan, start, sessions, stop), deviation, reports."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any
from uuid import UUID, uuid4

from fastapi import APIRouter, Header, Response
from pydantic import BaseModel, Field
from servicekit.problems import Problem

from provider.app import aggregates as agg
from provider.app.reporting import ReportInput
from provider.domain import delivery
from provider.domain.report import GoalStatus, Progress
from provider.entrypoints.deps import Coordinator, Principal, Svc, etag, revision_from


class Countersign(BaseModel):
    version: int = Field(ge=1)
    expected_revision: int | None = None


class PlanItemIn(BaseModel):
    goal_id: UUID
    activity: str = Field(min_length=1, max_length=2000)


class Plan(BaseModel):
    items: list[PlanItemIn] = Field(min_length=1)


class Start(BaseModel):
    on: date


class Stop(BaseModel):
    on: date
    reason: str = Field(min_length=1, max_length=4000)


class Session(BaseModel):
    session_id: UUID = Field(default_factory=uuid4, description="Choose it to retry safely")
    on: date
    minutes: int
    note: str = Field("", max_length=4000)


class GoalStatusIn(BaseModel):
    goal_id: UUID
    progress: Progress
    text: str = Field(min_length=1, max_length=4000)


class StatusReport(BaseModel):
    report_id: UUID = Field(default_factory=uuid4)
    followup_ref: str = Field(min_length=1, max_length=200)
    period_start: date
    period_end: date
    per_goal: list[GoalStatusIn] = Field(min_length=1)
    narrative: str = Field(min_length=1, max_length=20000, description="Sealed before it leaves")


VIEW = ("contract_id", "kind", "order_id", "version", "countersigned_version", "terms", "revision")


def _view(row: dict[str, Any]) -> dict[str, Any]:
    in_force = row["countersigned_version"] == row["version"]
    return {name: row[name] for name in VIEW} | {"in_force": in_force}


def router() -> APIRouter:
    api = APIRouter(tags=["contracts"])

    @api.get("/contracts")
    async def list_contracts(p: Principal, svc: Svc) -> list[dict[str, Any]]:
        rows = await svc.queries.contracts(p.tenant_id)
        return [_view(row) for row in rows]

    @api.get("/contracts/{contract_id}")
    async def read(contract_id: UUID, p: Principal, svc: Svc, response: Response) -> dict[str, Any]:
        row = await svc.queries.contract(p.tenant_id, contract_id)
        if row is None:
            raise Problem(404, "not_found", "No such contract.")
        response.headers.update(etag(row["revision"]))
        found = (await svc.contracts.recorder.load(agg.DELIVERIES, contract_id)).state
        return _view(row) | {"delivery": _delivery(found)}

    @api.post("/contracts/{contract_id}/countersign")
    async def countersign(
        contract_id: UUID,
        body: Countersign,
        p: Coordinator,
        svc: Svc,
        if_match: Annotated[str | None, Header()] = None,
    ) -> dict[str, Any]:
        expected = revision_from(if_match, body.expected_revision)
        revision = await svc.contracts.countersign(p.acting(), contract_id, body.version, expected)
        return {
            "contract_id": contract_id,
            "countersigned_version": body.version,
            "revision": revision,
        }

    @api.post("/contracts/{contract_id}/treatment-plan")
    async def plan(contract_id: UUID, body: Plan, p: Coordinator, svc: Svc) -> dict[str, int]:
        items = [delivery.PlanItem(i.goal_id, i.activity) for i in body.items]
        return {"revision": await svc.contracts.plan(p.acting(), contract_id, items)}

    @api.post("/contracts/{contract_id}/delivery/start")
    async def start(contract_id: UUID, body: Start, p: Coordinator, svc: Svc) -> dict[str, int]:
        return {"revision": await svc.contracts.start(p.acting(), contract_id, body.on)}

    @api.post("/contracts/{contract_id}/delivery/stop")
    async def stop(contract_id: UUID, body: Stop, p: Coordinator, svc: Svc) -> dict[str, int]:
        return {"revision": await svc.contracts.stop(p.acting(), contract_id, body.on, body.reason)}

    @api.post("/contracts/{contract_id}/sessions", status_code=201)
    async def log_session(
        contract_id: UUID, body: Session, p: Principal, svc: Svc
    ) -> dict[str, Any]:
        revision = await svc.contracts.log_session(p.acting(), contract_id, **body.model_dump())
        return {"session_id": body.session_id, "revision": revision}

    @api.get("/contracts/{contract_id}/deviation")
    async def deviation(
        contract_id: UUID,
        p: Principal,
        svc: Svc,
        start: date | None = None,
        end: date | None = None,
    ) -> dict[str, Any]:
        found = await svc.contracts.facts(p.acting(), contract_id)
        state = (await svc.contracts.recorder.load(agg.DELIVERIES, contract_id)).state
        sessions = () if state is None else state.sessions
        end = end or datetime.now(UTC).date()
        start = start or found.terms.start
        if end < start:
            raise Problem(422, "invalid_period", "The period ends before it starts.")
        hours = delivery.hours_per_week(found.terms.scope)
        report = delivery.deviation(hours, sessions, delivery.DateRange(start, end))
        return {
            "period": {"start": start, "end": end},
            "agreed_minutes": report.agreed_minutes,
            "delivered_minutes": report.delivered_minutes,
            "deviation_minutes": report.deviation_minutes,
            "weeks": [
                {
                    "start": w.week.start,
                    "end": w.week.end,
                    "agreed_minutes": w.agreed_minutes,
                    "delivered_minutes": w.delivered_minutes,
                }
                for w in report.weeks
            ],
        }

    @api.post("/contracts/{contract_id}/status-reports", status_code=201)
    async def status_report(
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


def _delivery(state: Any) -> dict[str, Any] | None:
    if state is None:
        return None
    return {
        "plan_version": state.plan_version,
        "started_on": state.started_on,
        "stopped_on": state.stopped_on,
        "sessions": len(state.sessions),
    }
