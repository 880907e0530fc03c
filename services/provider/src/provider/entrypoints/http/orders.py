"""The order inbox: list, read (child data sealed unless revealed, with a reason), answer."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Header, Query, Response
from pydantic import BaseModel, Field
from samspil_contracts import ContactPerson
from servicekit.inputs import Day
from servicekit.problems import Problem
from servicekit.revisions import Revision, revision_from

from provider.app import aggregates as agg
from provider.app.orders import Acceptance
from provider.app.personal import KeyPending
from provider.domain.order import DeclineReason, OrderStatus
from provider.entrypoints.deps import (
    Coordinator,
    Principal,
    Services,
    Svc,
    TenantPrincipal,
    etag,
)
from provider.entrypoints.http.views import OrderSummary, answer_deadline


class Accept(BaseModel):
    note: str = Field("", max_length=4000)
    expected_start: Day
    contact: ContactPerson
    expected_revision: Revision | None = None


class Decline(BaseModel):
    reason: DeclineReason
    text: str | None = Field(None, max_length=4000)
    expected_revision: Revision | None = None


class RevealIn(BaseModel):
    reason: str = Field(min_length=3, max_length=500, description="Why (in the access log)")


class Answered(BaseModel):
    order_id: UUID
    status: str
    revision: int


async def _free_places(svc: Services, tenant_id: UUID, code: str | None) -> int | None:
    if code is None:
        return None
    state = (await svc.orders.recorder.load(agg.CAPACITY, agg.capacity_id(tenant_id, code))).state
    return None if state is None else int(state.free)


VIEW = ("order_id", "status", "order_version", "revision", "measure_code", "snapshot")


def _view(row: dict[str, Any]) -> dict[str, Any]:
    return {name: row[name] for name in VIEW} | answer_deadline(row)


def router() -> APIRouter:
    api = APIRouter(tags=["orders"])

    @api.get("/orders", response_model=list[OrderSummary])
    async def list_orders(
        p: Principal,
        svc: Svc,
        status: Annotated[
            OrderStatus | None, Query(description="Only orders in this status; another is a 422")
        ] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
    ) -> list[dict[str, Any]]:
        wanted = None if status is None else status.value
        rows = await svc.queries.orders(p.tenant_id, wanted, limit)
        free: dict[str | None, int | None] = {}
        for code in {row["measure_code"] for row in rows}:
            free[code] = await _free_places(svc, p.tenant_id, code)
        return [_view(row) | {"free_places": free[row["measure_code"]]} for row in rows]

    async def order(
        order_id: UUID, p: TenantPrincipal, svc: Services, response: Response, why: str | None
    ) -> dict[str, Any]:
        row = await svc.queries.order(p.tenant_id, order_id)
        if row is None:
            raise Problem(404, "not_found", "No such order.")
        document = dict(row["document"] or {})
        if why is not None and document.get("child"):
            document["child"] = await _reveal(svc, p.tenant_id, p.user_id, order_id, document, why)
        elif document.get("child"):
            document["child"] = await svc.child_data.shown(document["child"])
        response.headers.update(etag(row["revision"]))
        return _view(row) | document

    @api.get("/orders/{order_id}")
    async def read_order(
        order_id: UUID, p: Principal, svc: Svc, response: Response
    ) -> dict[str, Any]:
        """The order, the child's data sealed (POST ``/reveal`` with a reason to open it)."""
        return await order(order_id, p, svc, response, None)

    @api.post("/orders/{order_id}/reveal")
    async def reveal_order(
        order_id: UUID, body: RevealIn, p: Principal, svc: Svc, response: Response
    ) -> dict[str, Any]:
        """The order with the child's data opened; who, when and why go to the access log
        first (the reason in the body: never in a URL, which proxies and logs keep)."""
        return await order(order_id, p, svc, response, body.reason)

    @api.post("/orders/{order_id}/accept", response_model=Answered)
    async def accept_order(
        order_id: UUID,
        body: Accept,
        p: Coordinator,
        svc: Svc,
        if_match: Annotated[str | None, Header()] = None,
    ) -> Answered:
        """Accept the order's current version. The same acceptance again (note, start,
        contact) gets the first answer (200, the same body), so a retry is safe; another
        answer to an order already answered is a 409 `order_already_answered`."""
        answer = Acceptance(body.note, body.expected_start, body.contact)
        expected = revision_from(if_match, body.expected_revision)
        revision = await svc.orders.accept(p.acting(), order_id, answer, expected)
        return Answered(order_id=order_id, status="accepted", revision=revision)

    @api.post("/orders/{order_id}/decline", response_model=Answered)
    async def decline_order(
        order_id: UUID,
        body: Decline,
        p: Coordinator,
        svc: Svc,
        if_match: Annotated[str | None, Header()] = None,
    ) -> Answered:
        """Decline the order's current version with a coded reason. The same decline again
        (reason and text) gets the first answer (200), so a retry is safe; another answer to
        an order already answered is a 409 `order_already_answered`."""
        expected = revision_from(if_match, body.expected_revision)
        revision = await svc.orders.decline(p.acting(), order_id, body.reason, body.text, expected)
        return Answered(order_id=order_id, status="declined", revision=revision)

    return api


async def _reveal(
    svc: Services, tenant_id: UUID, user_id: str, order_id: UUID, doc: dict[str, Any], why: str
) -> Any:
    """Log who opened the child's data, when and why (before answering), and decrypt it:
    JSON text, or the erased marker once the authority erased the child."""
    await svc.queries.log_access(tenant_id, order_id, user_id, why)
    try:
        return await svc.child_data.reveal(tenant_id, order_id, doc["child"])
    except KeyPending as exc:
        raise Problem(409, "child_key_pending", "The child's key has not arrived yet.") from exc
    except Exception as exc:  # wrong key or tampered box: say so without detail
        raise Problem(422, "cannot_reveal", "The child's data cannot be opened.") from exc
