"""The rest of a tenant's API: material, concerns and incidents, reminders, access log."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel, Field
from samspil_contracts import ForceKind, MeasureCode, PriceUnit, ProviderKind
from samspil_contracts.common import MAX_LIST, MAX_PLACES, ShortText, UnitPriceOre
from servicekit.inputs import Moment
from servicekit.problems import Problem

from provider.app import concern_reads
from provider.domain import material
from provider.domain.concern import Urgency
from provider.domain.values import PriceUnit as Unit
from provider.entrypoints.deps import Coordinator, Principal, Svc
from provider.entrypoints.http.views import AccessEntry, Reminder


class Offer(BaseModel):
    measure: MeasureCode
    price_oere: UnitPriceOre
    unit: PriceUnit
    places: int = Field(ge=0, le=MAX_PLACES)


class Horizon(BaseModel):
    task_type: str = Field(min_length=1, max_length=200)
    days: int = Field(ge=0, le=3650)


class Material(BaseModel):
    offers: list[Offer] = Field(min_length=1, max_length=len(MeasureCode))
    time_horizons: list[Horizon] = Field([], max_length=MAX_LIST)
    method: str = Field(min_length=1, max_length=4000)
    parents_and_network: str = Field(min_length=1, max_length=4000)
    competences: list[ShortText] = Field([], max_length=MAX_LIST)


class Concern(BaseModel):
    contract_id: UUID
    urgency: Urgency
    noticed_at: Moment
    details: str = Field(min_length=1, max_length=20000, description="Sealed before it leaves")


class Incident(BaseModel):
    contract_id: UUID
    kind: ForceKind
    happened_at: Moment
    details: str = Field(min_length=1, max_length=20000, description="Sealed before it leaves")


def _content(body: Material) -> material.MaterialContent:
    return material.MaterialContent(
        offers=tuple(
            material.MeasureOffer(o.measure.value, o.price_oere, Unit(o.unit.value), o.places)
            for o in body.offers
        ),
        time_horizons=tuple(material.TimeHorizon(h.task_type, h.days) for h in body.time_horizons),
        method=body.method,
        parents_and_network=body.parents_and_network,
        competences=tuple(body.competences),
    )


def router() -> APIRouter:
    api = APIRouter(tags=["provider"])

    @api.put("/material")
    async def publish_material(body: Material, p: Coordinator, svc: Svc) -> dict[str, int]:
        tenant = await svc.tenants.get(p.tenant_id)
        if tenant is None:
            raise Problem(404, "not_found", "No such tenant.")
        version = await svc.materials.publish_material(
            p.acting(), tenant.name, ProviderKind(tenant.kind), _content(body)
        )
        return {"version": version}

    @api.post("/concerns", status_code=201)
    async def report_concern(body: Concern, p: Principal, svc: Svc) -> dict[str, UUID]:
        concern_id = await svc.reporting.concern(
            p.acting(), body.contract_id, body.urgency, body.noticed_at, body.details
        )
        return {"concern_id": concern_id}

    @api.get("/concerns/{concern_id}")
    async def read_concern(concern_id: UUID, p: Principal, svc: Svc) -> dict[str, Any]:
        """A concern, or a use-of-force report by its incident id; details ``[erased]``
        once the child is erased."""
        return await concern_reads.concern(svc.contracts, svc.texts, p.acting(), concern_id)

    @api.post("/incidents", status_code=201)
    async def report_incident(body: Incident, p: Principal, svc: Svc) -> dict[str, UUID]:
        incident_id = await svc.reporting.incident(
            p.acting(), body.contract_id, body.kind, body.happened_at, body.details
        )
        return {"incident_id": incident_id}

    @api.get("/reminders", response_model=list[Reminder])
    async def list_reminders(p: Principal, svc: Svc) -> list[dict[str, Any]]:
        return await svc.queries.reminders(p.tenant_id)

    @api.get("/access-log", response_model=list[AccessEntry])
    async def list_access_log(
        p: Principal, svc: Svc, order_id: UUID | None = None
    ) -> list[dict[str, Any]]:
        return await svc.queries.access_log(p.tenant_id, order_id)

    return api
