"""The forms after the plan: order, contract, follow-up outcome, concerns and claims.

They build the same request models as the JSON API and reuse its mapping to commands, so
the UI and the API cannot drift apart on what a form means.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from uuid import UUID, uuid4

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from authority.app.cadence import Arrangement
from authority.app.services import Services
from authority.domain import Role
from authority.domain.contract import DraftContract
from authority.domain.followup import Outcome, RecordOutcome
from authority.entrypoints.http.common import GoalIn, services
from authority.entrypoints.http.orders import (
    ContractIn,
    OrderIn,
    contract_terms,
    new_order,
)
from authority.entrypoints.http.oversight import NewTermsIn, OutcomeIn, _adjusted
from authority.entrypoints.web import (
    change_forms,
    coordination_forms,
    lifecycle_forms,
    settlement_forms,
)
from authority.entrypoints.web.forms import actor, attempt, number, text
from authority.entrypoints.web.session import User

Action = Callable[[Services, FormData, User, dict[str, str]], Awaitable[object]]


async def place_order(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    a = actor(user, f)
    body = OrderIn(
        case_id=UUID(p["case_id"]),
        decision_id=UUID(text(f, "decision_id")),
        provider_id=UUID(text(f, "provider_id")),
        scope={"hours": number(f, "hours"), "per": text(f, "hours_per")},
        frequency={"times": number(f, "times"), "per": text(f, "times_per")},
        start=text(f, "start"),
        expected_duration_months=number(f, "months"),
    )
    await s.orders.place_on(body.case_id, lambda case: new_order(body, a, case), a)


async def draft_contract(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    a = actor(user, f)
    kroner = float(text(f, "price_kr").replace(",", "."))
    contact = {"authority": "authority_contact", "provider": "provider_contact"}
    body = ContractIn(
        order_id=UUID(text(f, "order_id")),
        terms={
            "price_per_unit_oere": round(kroner * 100),
            "unit": text(f, "unit"),
            **{
                key: {"name": text(f, f"{key}_name"), "email": text(f, f"{key}_email")}
                for key in contact.values()
            },
        },
    )
    order = await s.contracts.accepted_order(body.order_id)
    case = await s.orders.planned_case(order.case_id)
    assert case.action_plan is not None
    command = DraftContract(
        **a.stamp(),
        contract_id=uuid4(),
        order_id=order.order_id,
        case_id=order.case_id,
        provider_id=order.provider_id,
        terms=contract_terms(body.terms, order, case.action_plan.goals),
    )
    await s.contracts.draft(command, a)


async def sign(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    await s.contracts.sign(UUID(p["item_id"]), actor(user, f))


async def outcome(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    """Adjust keeps the plan's goals and takes the new scope and frequency from the form."""
    a = actor(user, f)
    body = OutcomeIn(outcome=text(f, "outcome"), notes=text(f, "notes"))
    if body.outcome == "adjust":
        case, _ = await s.cases.load(UUID(p["case_id"]))
        plan = case.action_plan
        body.new_terms = NewTermsIn(
            goals=[GoalIn(area=g.area, text=g.text) for g in (plan.goals if plan else ())],
            scope={"hours": number(f, "hours"), "per": text(f, "hours_per")},
            frequency={"times": number(f, "times"), "per": text(f, "times_per")},
        )
    command = RecordOutcome(
        **a.stamp(), outcome=Outcome(body.outcome), notes=body.notes, new_terms=_adjusted(body)
    )
    await s.followups.outcome(UUID(p["item_id"]), command, a, _arrangement(f))


def _arrangement(f: FormData) -> Arrangement | None:
    """The case's follow-up arrangement from now on (barnets lov § 95), if decided here."""
    if not text(f, "arrangement_months", required=False):
        return None
    return Arrangement(number(f, "arrangement_months"), text(f, "arrangement_justification"))


async def acknowledge(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    await s.concerns.acknowledge(UUID(p["item_id"]), actor(user, f))


async def approve_claim(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    await s.claims.decide(UUID(p["item_id"]), True, actor(user, f, Role.FINANCE))


async def reject_claim(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    await s.claims.decide(UUID(p["item_id"]), False, actor(user, f, Role.FINANCE))


ROUTES: dict[str, tuple[str, Action]] = {
    "orders": ("orders", place_order),
    "contracts": ("contracts", draft_contract),
    "contracts/{item_id}/sign": ("contracts", sign),
    "follow-ups/{item_id}/outcome": ("followups", outcome),
    "concerns/{item_id}/acknowledge": ("concerns", acknowledge),
    "claims/{item_id}/approve": ("claims", approve_claim),
    "claims/{item_id}/reject": ("claims", reject_claim),
}


def add_routes(ui: APIRouter) -> None:
    for path, (key, action) in (
        ROUTES
        | lifecycle_forms.ROUTES
        | change_forms.ROUTES
        | coordination_forms.ROUTES
        | settlement_forms.ROUTES
    ).items():
        _add(ui, path, key, action)


def _add(ui: APIRouter, path: str, key: str, action: Action) -> None:
    @ui.post(f"/cases/{{case_id}}/{path}", name=f"ui_{path}")
    async def run(request: Request, case_id: UUID, user: User) -> Response:
        async def go(form: FormData) -> None:
            await action(services(request), form, user, dict(request.path_params))

        return await attempt(request, user, case_id, key, go)
