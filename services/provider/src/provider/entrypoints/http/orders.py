"""The order inbox: list, read (child data sealed unless revealed, with a reason), answer."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any
from uuid import UUID

import sqlalchemy as sa
from fastapi import APIRouter, Header, Query, Response
from pydantic import BaseModel, Field
from samspil_contracts import ContactPerson
from servicekit.problems import Problem

from provider.adapters.tables import access_log, order_documents, orders_inbox
from provider.app import aggregates as agg
from provider.app.orders import Acceptance
from provider.domain.order import DeclineReason
from provider.entrypoints.deps import Coordinator, Principal, Services, Svc, etag, revision_from


class Accept(BaseModel):
    note: str = Field("", max_length=4000)
    expected_start: date
    contact: ContactPerson
    expected_revision: int | None = None


class Decline(BaseModel):
    reason: DeclineReason
    text: str | None = Field(None, max_length=4000)
    expected_revision: int | None = None


class Answered(BaseModel):
    order_id: UUID
    status: str
    revision: int


async def _free_places(svc: Services, tenant_id: UUID, code: str | None) -> int | None:
    if code is None:
        return None
    state = (await svc.orders.recorder.load(agg.CAPACITY, agg.capacity_id(tenant_id, code))).state
    return None if state is None else int(state.free)


def _view(row: Any) -> dict[str, Any]:
    return {
        "order_id": row.order_id,
        "status": row.status,
        "order_version": row.order_version,
        "revision": row.revision,
        "measure_code": row.measure_code,
        "answer_deadline": row.answer_deadline,
        "snapshot": row.snapshot,
    }


def router() -> APIRouter:
    api = APIRouter(tags=["orders"])

    @api.get("/orders")
    async def inbox(
        p: Principal,
        svc: Svc,
        status: str | None = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
    ) -> list[dict[str, Any]]:
        query = sa.select(orders_inbox).where(orders_inbox.c.tenant_id == p.tenant_id)
        if status is not None:
            query = query.where(orders_inbox.c.status == status)
        query = query.order_by(orders_inbox.c.answer_deadline, orders_inbox.c.order_id).limit(limit)
        async with svc.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        free: dict[str | None, int | None] = {}
        for code in {row.measure_code for row in rows}:
            free[code] = await _free_places(svc, p.tenant_id, code)
        return [_view(row) | {"free_places": free[row.measure_code]} for row in rows]

    @api.get("/orders/{order_id}")
    async def read(
        order_id: UUID,
        p: Principal,
        svc: Svc,
        response: Response,
        reveal: bool = False,
        reason: Annotated[str | None, Query(min_length=3, max_length=500)] = None,
    ) -> dict[str, Any]:
        mine = (orders_inbox.c.order_id == order_id) & (orders_inbox.c.tenant_id == p.tenant_id)
        query = sa.select(orders_inbox, order_documents.c.document).outerjoin(
            order_documents, order_documents.c.order_id == orders_inbox.c.order_id
        )
        async with svc.engine.connect() as conn:
            row = (await conn.execute(query.where(mine))).first()
        if row is None:
            raise Problem(404, "not_found", "No such order.")
        document = dict(row.document or {})
        if reveal and document.get("child"):
            if reason is None:
                raise Problem(422, "reason_required", "Say why you open the child's data.")
            document["child"] = await _reveal(
                svc, p.tenant_id, p.user_id, order_id, document, reason
            )
        response.headers.update(etag(row.revision))
        return _view(row) | document

    @api.post("/orders/{order_id}/accept", response_model=Answered)
    async def accept(
        order_id: UUID,
        body: Accept,
        p: Coordinator,
        svc: Svc,
        if_match: Annotated[str | None, Header()] = None,
    ) -> Answered:
        answer = Acceptance(body.note, body.expected_start, body.contact)
        expected = revision_from(if_match, body.expected_revision)
        revision = await svc.orders.accept(p.acting(), order_id, answer, expected)
        return Answered(order_id=order_id, status="accepted", revision=revision)

    @api.post("/orders/{order_id}/decline", response_model=Answered)
    async def decline(
        order_id: UUID,
        body: Decline,
        p: Coordinator,
        svc: Svc,
        if_match: Annotated[str | None, Header()] = None,
    ) -> Answered:
        expected = revision_from(if_match, body.expected_revision)
        revision = await svc.orders.decline(p.acting(), order_id, body.reason, body.text, expected)
        return Answered(order_id=order_id, status="declined", revision=revision)

    return api


async def _reveal(
    svc: Services, tenant_id: UUID, user_id: str, order_id: UUID, doc: dict[str, Any], why: str
) -> str:
    """Decrypt the child's data and log who opened it, when and why (before answering)."""
    row = {
        "id": uuid.uuid4(),
        "tenant_id": tenant_id,
        "order_id": order_id,
        "user_id": user_id,
        "reason": why,
        "at": datetime.now(UTC),
    }
    async with svc.engine.begin() as conn:
        await conn.execute(access_log.insert().values(row))
    try:
        return svc.keys.unseal(tenant_id, doc["child"], order_id)
    except Exception as exc:  # wrong key or tampered box: say so without detail
        raise Problem(422, "cannot_reveal", "The child's data cannot be opened.") from exc
