"""Orders to providers and the individual contracts that follow an accepted order."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any
from uuid import UUID, uuid4

import samspil_contracts as wire
from fastapi import APIRouter
from pydantic import BaseModel, Field
from samspil_contracts.common import ShortText, Text, UnitPriceOre
from servicekit.inputs import Day

from authority.app.acting import Acting
from authority.app.deadline_list import ANSWER_KIND, order_answer
from authority.app.queries import render
from authority.domain import DomainError, PriceUnit
from authority.domain.case import CaseState
from authority.domain.contract import (
    DEFAULT_NOTICE_DAYS,
    Contact,
    ContractTerms,
    DraftContract,
    TerminationReason,
)
from authority.domain.order import OrderTerms, PlaceOrder, WithdrawalReason, WithdrawOrder
from authority.entrypoints.http.common import Caseworker, IfMatch, Mutation, Reader, Svc, acting

# As the wire carries them: an order runs 1 to 240 months, payment within 120 days.
Months = Annotated[int, Field(ge=1, le=240)]


class OrderIn(Mutation):
    case_id: UUID
    decision_id: UUID
    provider_id: UUID
    scope: wire.Scope
    frequency: wire.Frequency
    start: Day
    expected_duration_months: Months


class OrderChangeIn(Mutation):
    scope: wire.Scope
    frequency: wire.Frequency
    start: Day
    expected_duration_months: Months


class WithdrawIn(Mutation):
    reason_code: WithdrawalReason
    text: Text | None = None


NoticeDays = Annotated[int, Field(ge=0, le=365)]


class TerminateIn(Mutation):
    """Notice (opsigelse): a coded reason, and the notice period in days (0: at once, only
    for a breach: provider_not_delivering, serious_breach)."""

    reason_code: TerminationReason
    notice_days: NoticeDays = DEFAULT_NOTICE_DAYS
    text: Text | None = None


class ContactIn(BaseModel):
    name: ShortText
    email: ShortText
    phone: ShortText | None = None


class TermsIn(BaseModel):
    scope: wire.Scope | None = None  # defaults: the order's
    frequency: wire.Frequency | None = None
    start: Day | None = None
    expected_end: Day | None = None
    duration_months: Months | None = None
    follow_up_wanted: Text = "Statutory follow-up: first after 3 months, then every 6 months"
    special_economic_agreements: str = Field("", max_length=4000)
    price_per_unit_oere: UnitPriceOre
    unit: PriceUnit
    payment_terms_days: int = Field(30, ge=0, le=120)
    authority_contact: ContactIn
    provider_contact: ContactIn


class ContractIn(Mutation):
    order_id: UUID
    terms: TermsIn


class AmendTermsIn(BaseModel):
    """Only what changes: every field not named keeps its value in the version in force."""

    scope: wire.Scope | None = None
    frequency: wire.Frequency | None = None
    start: Day | None = None
    expected_end: Day | None = None
    duration_months: Months | None = None
    follow_up_wanted: Text | None = None
    special_economic_agreements: str | None = Field(None, max_length=4000)
    price_per_unit_oere: UnitPriceOre | None = None
    unit: PriceUnit | None = None
    payment_terms_days: int | None = Field(None, ge=0, le=120)
    authority_contact: ContactIn | None = None
    provider_contact: ContactIn | None = None


class AmendIn(Mutation):
    terms: AmendTermsIn


def order_terms(body: OrderIn | OrderChangeIn, goals: Any) -> OrderTerms:
    return OrderTerms(
        goals=goals,
        scope=body.scope.model_dump_json(),
        frequency=body.frequency.model_dump_json(),
        start=body.start,
        expected_duration_months=body.expected_duration_months,
    )


def new_order(body: OrderIn, a: Acting, case: CaseState) -> PlaceOrder:
    """The command for ``body`` on ``case`` (planned: it has an action plan)."""
    assert case.action_plan is not None
    return PlaceOrder(
        **a.stamp(),
        order_id=uuid4(),
        case_id=body.case_id,
        provider_id=body.provider_id,
        decision_id=body.decision_id,
        measure=_measure(case, body.decision_id),
        terms=order_terms(body, case.action_plan.goals),
    )


def contract_terms(t: TermsIn, order: Any, goals: Any) -> ContractTerms:
    duration = t.duration_months
    if t.expected_end is None and duration is None:
        duration = order.terms.expected_duration_months
    return ContractTerms(
        goals=goals,
        scope=t.scope.model_dump_json() if t.scope else order.terms.scope,
        frequency=t.frequency.model_dump_json() if t.frequency else order.terms.frequency,
        start=t.start or order.terms.start,
        expected_end=t.expected_end,
        duration_months=duration,
        follow_up_wanted=t.follow_up_wanted,
        special_economic_agreements=t.special_economic_agreements,
        price_per_unit_oere=t.price_per_unit_oere,
        unit=t.unit,
        payment_terms_days=t.payment_terms_days,
        authority_contact=Contact(**t.authority_contact.model_dump()),
        provider_contact=Contact(**t.provider_contact.model_dump()),
    )


def amended_terms(t: AmendTermsIn, base: ContractTerms) -> ContractTerms:
    """``base`` with the fields ``t`` names; naming an end or a duration replaces both."""
    named = {k: v for k, v in t if k in t.model_fields_set and v is not None}
    if "expected_end" in named or "duration_months" in named:
        named = {"expected_end": None, "duration_months": None} | named
    for key in ("scope", "frequency"):
        if key in named:
            named[key] = getattr(t, key).model_dump_json()
    for key in ("authority_contact", "provider_contact"):
        if key in named:
            named[key] = Contact(**getattr(t, key).model_dump())
    return replace(base, **named)


def router() -> APIRouter:
    api = APIRouter(tags=["orders and contracts"])

    @api.post("/orders", status_code=201)
    async def place(body: OrderIn, who: Caseworker, s: Svc) -> dict[str, Any]:
        a = acting(who, body)
        order_id = await s.orders.place_on(body.case_id, lambda case: new_order(body, a, case), a)
        return {"order_id": order_id}

    @api.get("/orders")
    async def list_orders(_: Reader, s: Svc, case_id: UUID | None = None) -> list[dict[str, Any]]:
        return list(await s.kit.views.rows("orders", case_id=case_id))

    @api.get("/orders/{order_id}")
    async def get_order(order_id: UUID, _: Reader, s: Svc) -> dict[str, Any]:
        view = await s.orders.view(order_id)
        state = view["state"]
        deadlines = await s.kit.views.rows("deadlines", order_id=order_id, kind=ANSWER_KIND)
        return (
            render(state)
            | order_answer(deadlines)
            | {
                "status": state.status.value,
                "answer": _answer(state.status.value),
                "decline": view["decline"],
                "revision": view["revision"],
            }
        )

    @api.put("/orders/{order_id}")
    async def change(
        order_id: UUID, body: OrderChangeIn, who: Caseworker, s: Svc, if_match: IfMatch = None
    ) -> dict[str, Any]:
        a = acting(who, body, if_match)
        state = await s.orders.state(order_id)
        revision = await s.orders.change(order_id, order_terms(body, state.terms.goals), a)
        return {"order_id": order_id, "revision": revision}

    @api.post("/orders/{order_id}/withdraw")
    async def withdraw(
        order_id: UUID, body: WithdrawIn, who: Caseworker, s: Svc, if_match: IfMatch = None
    ) -> dict[str, Any]:
        a = acting(who, body, if_match)
        command = WithdrawOrder(**a.stamp(), reason_code=body.reason_code, text=body.text)
        return {"order_id": order_id, "revision": await s.orders.withdraw(order_id, command, a)}

    @api.post("/contracts", status_code=201)
    async def draft(body: ContractIn, who: Caseworker, s: Svc) -> dict[str, Any]:
        a = acting(who, body)
        order = await s.contracts.accepted_order(body.order_id)
        case = await s.orders.planned_case(order.case_id)
        assert case.action_plan is not None
        contract_id = uuid4()
        command = DraftContract(
            **a.stamp(),
            contract_id=contract_id,
            order_id=order.order_id,
            case_id=order.case_id,
            provider_id=order.provider_id,
            terms=contract_terms(body.terms, order, case.action_plan.goals),
        )
        revision = await s.contracts.draft(command, a)
        return {"contract_id": contract_id, "version": 1, "revision": revision}

    @api.get("/contracts/{contract_id}")
    async def get_contract(contract_id: UUID, _: Reader, s: Svc) -> dict[str, Any]:
        state, revision = await s.contracts.state(contract_id)
        return render(state) | {
            "version": state.version,
            "in_force": state.in_force,
            "in_force_version": state.in_force_version if state.in_force else None,
            "pending_version": state.pending_version,
            "signatures": {"authority": state.authority_signed, "provider": state.provider_signed},
            "standard_contract_id": state.standard_contract_id,
            "notice": notice_view(state),
            "other_notice": notice_view(state, other=True),
            "ended": state.ended,
            "revision": revision,
        }

    @api.post("/contracts/{contract_id}/terminate")
    async def terminate(
        contract_id: UUID, body: TerminateIn, who: Caseworker, s: Svc, if_match: IfMatch = None
    ) -> dict[str, Any]:
        """Notice (opsigelse) of a contract in force, counted from today (Copenhagen): it
        stays in force through ``notice.last_day`` and ends after it (at once for 0 days, a
        breach only). 409 ``contract_already_terminated`` or ``stale_revision``; 422
        ``contract_not_in_force``, ``notice_period_required``, ``termination_text_required``."""
        a = acting(who, body, if_match)
        args = (body.reason_code, body.notice_days, body.text, a)
        state = await s.notice.give(contract_id, *args)
        return {"contract_id": contract_id, "in_force": state.in_force} | {
            "notice": notice_view(state)
        }

    @api.post("/contracts/{contract_id}/sign")
    async def sign(
        contract_id: UUID,
        who: Caseworker,
        s: Svc,
        if_match: IfMatch = None,
        body: Mutation | None = None,
    ) -> dict[str, Any]:
        state = await s.contracts.sign(contract_id, acting(who, body, if_match))
        return {"contract_id": contract_id, "version": state.version}

    @api.post("/contracts/{contract_id}/amend")
    async def amend(
        contract_id: UUID, body: AmendIn, who: Caseworker, s: Svc, if_match: IfMatch = None
    ) -> dict[str, Any]:
        a = acting(who, body, if_match)
        state, _ = await s.contracts.state(contract_id)
        terms = amended_terms(body.terms, state.terms_in_force or state.terms)
        return {
            "contract_id": contract_id,
            "version": await s.contracts.amend(contract_id, terms, a),
        }

    return api


def notice_view(state: Any, other: bool = False) -> dict[str, Any] | None:
    """Who gave notice, why, and the last day the contract is in force; ``other``: the other
    party's notice when both gave one (its later last day does not count)."""
    t = state.other_notice if other else state.termination
    if t is None:
        return None
    return {
        "given_by": t.initiated_by.value,
        "reason_code": t.reason_code.value,
        "text": t.text,
        "notice_given_on": t.notice_given_on,
        "last_day": t.last_day,
        "ended": t.ended,
    }


def _measure(case: Any, decision_id: UUID) -> Any:
    decision = case.decision(decision_id)
    if decision is None:
        raise DomainError("decision_not_found", "no decision with this id on the case")
    return decision.measure


def _answer(status: str) -> str | None:
    return {"accepted": "accepted", "declined": "declined"}.get(status)
