"""Documents the authority shared on a contract: listed, and read (opened with the key the
authority granted for the child)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Response
from servicekit.problems import Problem

from provider.domain import DomainError
from provider.entrypoints.deps import Principal, Svc
from provider.entrypoints.http.views import SharedDocumentSummary


def router() -> APIRouter:
    api = APIRouter(tags=["contracts"])

    @api.get("/contracts/{contract_id}/documents", response_model=list[SharedDocumentSummary])
    async def list_shared_documents(
        contract_id: UUID, p: Principal, svc: Svc
    ) -> list[dict[str, Any]]:
        if await svc.queries.contract(p.tenant_id, contract_id) is None:
            raise Problem(404, "not_found", "No such contract.")
        return await svc.shared.listed(p.tenant_id, contract_id)

    @api.get("/contracts/{contract_id}/documents/{document_id}")
    async def read_shared_document(
        contract_id: UUID, document_id: UUID, p: Principal, svc: Svc
    ) -> Response:
        try:
            opened = await svc.shared.open(p.tenant_id, contract_id, document_id)
        except DomainError as exc:
            status = 404 if exc.code == "not_found" else 410
            raise Problem(status, exc.code, str(exc)) from None
        headers = {"cache-control": "no-store", "content-disposition": "inline"}
        return Response(opened.content, media_type=opened.media_type, headers=headers)

    return api
