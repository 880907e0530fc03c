"""Delivering a contract: treatment plan, start and stop, sessions, deviation from scope."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID, uuid4

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from samspil_contracts import DeliveryStopReason
from samspil_contracts.common import MAX_LIST
from servicekit.inputs import MAX_PERIOD, Day, period_error
from servicekit.problems import Problem

from provider.app import aggregates as agg
from provider.domain import delivery
from provider.entrypoints.deps import Coordinator, Principal, Svc


class PlanItemIn(BaseModel):
    goal_id: UUID
    activity: str = Field(min_length=1, max_length=2000)


class Plan(BaseModel):
    items: list[PlanItemIn] = Field(min_length=1, max_length=MAX_LIST)


class Start(BaseModel):
    on: Day


class Stop(BaseModel):
    on: Day
    reason_code: DeliveryStopReason = Field(
        DeliveryStopReason.OTHER, description="Why delivery stopped; `other` needs a reason"
    )
    reason: str = Field("", max_length=4000)


class Session(BaseModel):
    session_id: UUID = Field(default_factory=uuid4, description="Choose it to retry safely")
    on: Day
    minutes: int = Field(ge=1, le=24 * 60)
    note: str = Field("", max_length=4000)


PERIOD = f"At most {MAX_PERIOD.days} days after start (default: today)"


def router() -> APIRouter:
    api = APIRouter(tags=["delivery"])

    @api.post("/contracts/{contract_id}/treatment-plan")
    async def set_treatment_plan(
        contract_id: UUID, body: Plan, p: Coordinator, svc: Svc
    ) -> dict[str, int]:
        items = [delivery.PlanItem(i.goal_id, i.activity) for i in body.items]
        return {"revision": await svc.contracts.plan(p.acting(), contract_id, items)}

    @api.post("/contracts/{contract_id}/delivery/start")
    async def start_delivery(
        contract_id: UUID, body: Start, p: Coordinator, svc: Svc
    ) -> dict[str, int]:
        return {"revision": await svc.contracts.start(p.acting(), contract_id, body.on)}

    @api.post("/contracts/{contract_id}/delivery/stop")
    async def stop_delivery(
        contract_id: UUID, body: Stop, p: Coordinator, svc: Svc
    ) -> dict[str, int]:
        a, code = p.acting(), body.reason_code.value
        return {"revision": await svc.contracts.stop(a, contract_id, body.on, code, body.reason)}

    @api.post("/contracts/{contract_id}/sessions", status_code=201)
    async def log_session(
        contract_id: UUID, body: Session, p: Principal, svc: Svc
    ) -> dict[str, Any]:
        revision = await svc.contracts.log_session(p.acting(), contract_id, **body.model_dump())
        return {"session_id": body.session_id, "revision": revision}

    @api.get("/contracts/{contract_id}/deviation")
    async def read_deviation(
        contract_id: UUID,
        p: Principal,
        svc: Svc,
        start: Day | None = None,
        end: Annotated[Day | None, Query(description=PERIOD)] = None,
    ) -> dict[str, Any]:
        """Agreed against delivered minutes per week over ``start``..``end`` (by default
        from the contract's start until today)."""
        found = await svc.contracts.facts(p.acting(), contract_id)
        state = (await svc.contracts.recorder.load(agg.DELIVERIES, contract_id)).state
        sessions = () if state is None else state.sessions
        end = end or datetime.now(UTC).date()
        start = start or max(found.terms.start, end - MAX_PERIOD)
        if (error := period_error(start, end)) is not None:
            raise Problem(422, "invalid_period", error)
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

    return api
