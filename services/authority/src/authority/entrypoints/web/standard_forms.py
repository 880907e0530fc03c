"""Framework contracts (rammekontrakt, standardkontrakt) from the provider registry: draft
one per provider and measure, and sign it for the authority (the provider countersigns on
its side). The form builds the JSON API's request model and the app's use cases run it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID, uuid4

from eventkit import ConcurrencyError
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from starlette.datastructures import FormData

from authority.domain import DomainError
from authority.domain.standard import DraftStandardContract
from authority.entrypoints.http.common import services
from authority.entrypoints.http.standards import StandardIn, terms
from authority.entrypoints.web.forms import FieldMissing, actor, kept, number, refusal, text
from authority.entrypoints.web.i18n import language, translator
from authority.entrypoints.web.render import page, reads
from authority.entrypoints.web.session import User

GENERAL = ("ethics", "payment", "disputes_and_breach", "sanctions_and_termination")
DEMANDS = (
    "opening_hours",
    "training",
    "involvement",
    "confidentiality",
    "duty_to_notify",
    "data_storage",
    "use_of_force",
)
SPECIFIC = ("purpose", "demands_on_authority", "insurance", "follow_up", "price_regulation")
CONTACTS = ("authority_contact", "provider_contact")


def _contact(f: FormData, who: str) -> dict[str, str]:
    return {"name": text(f, f"{who}_name", limit=200), "email": text(f, f"{who}_email", limit=200)}


def standard_body(f: FormData) -> StandardIn:
    kroner = text(f, "price_kr").replace(",", ".")
    try:
        oere = round(float(kroner) * 100)
    except ValueError as exc:
        raise FieldMissing("price_kr") from exc
    return StandardIn(
        reason=None,
        provider_id=UUID(text(f, "provider_id")),
        measure=text(f, "measure"),  # validated by the model
        **{who: _contact(f, who) for who in CONTACTS},
        general={k: text(f, k) for k in GENERAL},
        specific={
            **{k: text(f, k) for k in SPECIFIC},
            "demands_on_provider": {k: text(f, k) for k in DEMANDS},
            "places": number(f, "places", 0),
            "price_per_unit_oere": oere,
            "unit": text(f, "unit"),
            "payment_terms_days": number(f, "payment_terms_days", 0, 120),
            "start": text(f, "start"),
            "duration_months": number(f, "duration_months", 1, 240),
        },
    )


async def registry_page(
    request: Request, user: User, status: int = 200, **context: Any
) -> Response:
    found = await reads(request).registry.providers(int(request.query_params.get("p") or 1))
    ids = [row["provider_id"] for row in found.rows]
    standards = await reads(request).registry.standard_contracts(ids)
    context.setdefault("errors", {})
    context.setdefault("posted", {})
    return page(
        request, "providers.html", user, status, registry=found, standards=standards, **context
    )


async def _attempt(
    request: Request, user: User, anchor: str, action: Callable[[FormData], Awaitable[object]]
) -> Response:
    form = await request.form()
    try:
        await action(form)
    except (DomainError, ConcurrencyError, FieldMissing, ValidationError, ValueError) as exc:
        errors = refusal(translator(language(request)), form, anchor, exc)
        return await registry_page(request, user, 422, errors=errors, posted=kept(form))
    return RedirectResponse(f"/ui/providers#{anchor}", status_code=303)


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.post("/standard-contracts")
    async def draft(request: Request, user: User) -> Response:
        form = await request.form()
        anchor = f"std-{form.get('provider_id') or ''}"

        async def run(f: FormData) -> None:
            a = actor(user, f)
            body = standard_body(f)
            command = DraftStandardContract(
                **a.stamp(),
                standard_contract_id=uuid4(),
                provider_id=body.provider_id,
                terms=terms(body),
            )
            await services(request).standards.draft(command, a)

        return await _attempt(request, user, anchor, run)

    @ui.post("/standard-contracts/{standard_contract_id}/sign")
    async def sign(request: Request, standard_contract_id: UUID, user: User) -> Response:
        s = services(request)
        state, _ = await s.standards.state(standard_contract_id)

        async def run(f: FormData) -> None:
            await s.standards.sign(standard_contract_id, actor(user, f))

        return await _attempt(request, user, f"std-{state.provider_id}", run)

    return ui
