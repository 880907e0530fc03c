"""A tenant's own API keys (self-service, role coordinator): issue, list, revoke.

Rotating without downtime: issue a new key, deploy it, revoke the old one. The last active
key cannot be revoked here (409 ``last_api_key``), so a tenant never locks itself out; the
operators' admin API still can. Who issued and revoked each key is kept and listed.
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import structlog
from fastapi import APIRouter, Response
from pydantic import BaseModel, Field
from servicekit.problems import Problem

from provider.entrypoints.deps import Coordinator, Svc
from provider.entrypoints.http.error_texts import ERROR_TEXTS

log = structlog.get_logger(__name__)


class NewApiKey(BaseModel):
    key_id: UUID
    api_key: str = Field(description="Shown once; store it now (only its hash is kept)")
    created_at: datetime


class ApiKeyView(BaseModel):
    key_id: UUID
    created_at: datetime
    created_by: str = Field(description='"ops", "api-key:<key id>" or a person\'s user id')
    revoked_at: datetime | None
    revoked_by: str | None
    active: bool
    current: bool = Field(description="The key this request was made with")


def router() -> APIRouter:
    api = APIRouter(tags=["api keys"])

    @api.get("/api-keys", response_model=list[ApiKeyView])
    async def list_api_keys(p: Coordinator, svc: Svc) -> list[ApiKeyView]:
        """The tenant's API keys, active and revoked, oldest first (never the keys)."""
        return [
            ApiKeyView(
                key_id=k.key_id, created_at=k.created_at, created_by=k.created_by,
                revoked_at=k.revoked_at, revoked_by=k.revoked_by, active=k.revoked_at is None,
                current=p.user_id == f"api-key:{k.key_id}",
            )
            for k in await svc.tenants.keys(p.tenant_id)
        ]  # fmt: skip

    @api.post("/api-keys", status_code=201, response_model=NewApiKey)
    async def issue_own_api_key(p: Coordinator, svc: Svc) -> NewApiKey:
        """A new API key for the tenant, beside those it has (shown once)."""
        key = await svc.tenants.issue_key(p.tenant_id, by=p.user_id)
        log.info("api_key_issued", tenant_id=str(p.tenant_id), key_id=str(key.key_id))
        return NewApiKey(key_id=key.key_id, api_key=key.api_key, created_at=datetime.now(UTC))

    @api.delete("/api-keys/{key_id}", status_code=204, response_class=Response)
    async def revoke_own_api_key(key_id: UUID, p: Coordinator, svc: Svc) -> Response:
        """Revoke one of the tenant's keys; it is refused from then on (401)."""
        keys = await svc.tenants.keys(p.tenant_id)
        active = {k.key_id for k in keys if k.revoked_at is None}
        if key_id not in active:
            raise Problem(404, "not_found", "No such active key for this tenant.")
        if active == {key_id}:
            texts = {lang: found["last_api_key"] for lang, found in ERROR_TEXTS.items()}
            detail = "The tenant's last active API key cannot be revoked; issue another first."
            raise Problem(409, "last_api_key", detail, texts=texts)
        await svc.tenants.revoke_key(p.tenant_id, key_id, by=p.user_id)
        log.info("api_key_revoked", tenant_id=str(p.tenant_id), key_id=str(key_id))
        return Response(status_code=204)

    return api
