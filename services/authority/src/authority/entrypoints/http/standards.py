"""Standard contracts (standardkontrakt) per measure type with a provider: draft, sign, read."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID, uuid4

import samspil_contracts as wire
from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from samspil_contracts.common import MAX_PLACES, UnitPriceOre
from servicekit.inputs import Day

from authority.app.queries import render
from authority.app.terms_wire import standard_terms
from authority.domain import MeasureCode, PriceUnit
from authority.domain.contract import Contact
from authority.domain.standard import (
    DraftStandardContract,
    GeneralTerms,
    MeasureTerms,
    ProviderDemands,
    StandardTerms,
)
from authority.entrypoints.http.common import Caseworker, Mutation, Reader, Svc, acting
from authority.entrypoints.http.orders import ContactIn

Term = Annotated[str, Field(max_length=4000)]  # in words; the domain refuses a blank one


class GeneralIn(BaseModel):
    ethics: Term
    payment: Term
    disputes_and_breach: Term
    sanctions_and_termination: Term


class DemandsIn(BaseModel):
    opening_hours: Term
    training: Term
    involvement: Term
    confidentiality: Term
    duty_to_notify: Term
    data_storage: Term
    use_of_force: Term


class SpecificIn(BaseModel):
    purpose: Term
    demands_on_authority: Term
    demands_on_provider: DemandsIn
    places: int = Field(ge=0, le=MAX_PLACES)
    insurance: Term
    follow_up: Term
    price_per_unit_oere: UnitPriceOre
    unit: PriceUnit
    price_regulation: Term
    payment_terms_days: int = Field(30, ge=0, le=120)
    start: Day
    duration_months: int = Field(ge=1, le=240)


class StandardIn(Mutation):
    provider_id: UUID
    # barnets lov § 32, stk. 1 measures and placement (§ 46): those the wire can offer
    measure: wire.MeasureCode
    authority_contact: ContactIn
    provider_contact: ContactIn
    general: GeneralIn
    specific: SpecificIn


def terms(body: StandardIn) -> StandardTerms:
    s = body.specific
    specific = MeasureTerms(
        **s.model_dump(exclude={"demands_on_provider"}),
        demands_on_provider=ProviderDemands(**s.demands_on_provider.model_dump()),
    )
    return StandardTerms(
        measure=MeasureCode(body.measure.value),
        authority_contact=Contact(**body.authority_contact.model_dump()),
        provider_contact=Contact(**body.provider_contact.model_dump()),
        general=GeneralTerms(**body.general.model_dump()),
        specific=specific,
    )


def router() -> APIRouter:
    api = APIRouter(tags=["standard contracts"])

    @api.post("/standard-contracts", status_code=201)
    async def draft(body: StandardIn, who: Caseworker, s: Svc) -> dict[str, Any]:
        a = acting(who, body)
        key = uuid4()
        command = DraftStandardContract(
            **a.stamp(), standard_contract_id=key, provider_id=body.provider_id, terms=terms(body)
        )
        return {"standard_contract_id": key, "revision": await s.standards.draft(command, a)}

    @api.get("/standard-contracts")
    async def list_standards(
        _: Reader,
        s: Svc,
        provider_id: UUID | None = None,
        measure: Annotated[str | None, Query(max_length=40)] = None,
    ) -> list[dict[str, Any]]:
        rows = await s.kit.views.rows(
            "standard_contracts", provider_id=provider_id, measure=measure
        )
        return list(rows)

    @api.get("/standard-contracts/{standard_contract_id}")
    async def get_standard(standard_contract_id: UUID, _: Reader, s: Svc) -> dict[str, Any]:
        state, revision = await s.standards.state(standard_contract_id)
        return render(state) | {
            "in_force": state.in_force,
            "terms_sha256": wire.terms_sha256(standard_terms(state)),
            "revision": revision,
        }

    @api.post("/standard-contracts/{standard_contract_id}/sign")
    async def sign(
        standard_contract_id: UUID, who: Caseworker, s: Svc, body: Mutation | None = None
    ) -> dict[str, Any]:
        revision = await s.standards.sign(standard_contract_id, acting(who, body))
        return {"standard_contract_id": standard_contract_id, "revision": revision}

    return api
