"""A contract's change requests (ændringsanmodning) from its provider, and the caseworker's
answer: grant (an extension or change of scope drafts, signs and offers the amended
version) or refuse with a coded reason."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter
from samspil_contracts.common import Text

from authority.app.deadline_list import CHANGE_KIND, change_answers
from authority.app.queries import change_requests
from authority.domain.change import RefusalReason
from authority.entrypoints.http.common import Caseworker, IfMatch, Mutation, Svc, acting


class GrantIn(Mutation):
    text: Text | None = None  # a word to the provider, if any


class RefuseIn(Mutation):
    reason_code: RefusalReason
    text: Text


def router() -> APIRouter:
    api = APIRouter(tags=["orders and contracts"])

    @api.get("/contracts/{contract_id}/change-requests")
    async def list_change_requests(
        contract_id: UUID, who: Caseworker, s: Svc
    ) -> list[dict[str, Any]]:
        """Newest first, each with its status (open, granted, refused), the answer, the
        provider's reason in clear (its opening is logged as ``change_reason``) and the
        caseworker's answer deadline, the scheduler's (``answer_due_at``; the municipality's
        order answer period of working days; ``answer_deadline``: pending until announced,
        then open, met or cancelled)."""
        await s.contracts.state(contract_id)  # 404 for a contract that does not exist
        found = await s.changes.state(contract_id)
        views = [] if found is None else change_requests(found, 0)
        await s.texts.change_requests(contract_id, views, acting(who))
        rows = await s.kit.views.rows("deadlines", contract_id=contract_id, kind=CHANGE_KIND)
        dues = change_answers(rows)
        none = {"answer_due_at": None, "answer_deadline": "pending"}
        return [v | dues.get(str(v["request_id"]), none) for v in views]

    @api.post("/contracts/{contract_id}/change-requests/{request_id}/grant")
    async def grant(
        contract_id: UUID,
        request_id: UUID,
        who: Caseworker,
        s: Svc,
        if_match: IfMatch = None,
        body: GrantIn | None = None,
    ) -> dict[str, Any]:
        """Granted; an extension or change of scope returns the amended version offered
        (``amended_version``), which the provider countersigns; the version in force stays
        so until then."""
        text = body.text if body else None
        version = await s.changes.grant(contract_id, request_id, text, acting(who, body, if_match))
        return {"request_id": request_id, "status": "granted", "amended_version": version}

    @api.post("/contracts/{contract_id}/change-requests/{request_id}/refuse")
    async def refuse(
        contract_id: UUID,
        request_id: UUID,
        body: RefuseIn,
        who: Caseworker,
        s: Svc,
        if_match: IfMatch = None,
    ) -> dict[str, Any]:
        a = acting(who, body, if_match)
        await s.changes.refuse(contract_id, request_id, body.reason_code, body.text, a)
        return {"request_id": request_id, "status": "refused"}

    return api
