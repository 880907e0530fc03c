"""Operations: create tenants and manage their API keys (JWT role ``ops``)."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from servicekit.auth import Principal, require
from servicekit.problems import Problem

from provider.entrypoints.deps import Svc

OPS = require("ops")


class NewTenant(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    kind: Literal["municipal", "regional", "private", "voluntary"]


class SandboxSwitch(BaseModel):
    enabled: bool = Field(description="The tenant's sandbox (off unless enabled here)")


class IssuedKeyView(BaseModel):
    tenant_id: UUID
    key_id: UUID
    api_key: str = Field(description="Shown once; store it now")


def router() -> APIRouter:
    api = APIRouter(prefix="/admin", tags=["admin"])

    @api.post("/tenants", status_code=201, response_model=IssuedKeyView)
    async def create_tenant(
        body: NewTenant, svc: Svc, _: Annotated[Principal, Depends(OPS)]
    ) -> IssuedKeyView:
        tenant_id, key = await svc.tenants.create(body.name, body.kind)
        await svc.channels.provision(tenant_id)  # its topics for direct Kafka
        return IssuedKeyView(tenant_id=tenant_id, key_id=key.key_id, api_key=key.api_key)

    @api.post("/tenants/{tenant_id}/api-keys", status_code=201, response_model=IssuedKeyView)
    async def issue_api_key(
        tenant_id: UUID, svc: Svc, _: Annotated[Principal, Depends(OPS)]
    ) -> IssuedKeyView:
        if await svc.tenants.get(tenant_id) is None:
            raise Problem(404, "not_found", "No such tenant.")
        key = await svc.tenants.issue_key(tenant_id)
        return IssuedKeyView(tenant_id=tenant_id, key_id=key.key_id, api_key=key.api_key)

    @api.delete("/tenants/{tenant_id}/api-keys/{key_id}", status_code=204)
    async def revoke_api_key(
        tenant_id: UUID, key_id: UUID, svc: Svc, _: Annotated[Principal, Depends(OPS)]
    ) -> None:
        if not await svc.tenants.revoke_key(tenant_id, key_id):
            raise Problem(404, "not_found", "No such active key for this tenant.")

    @api.put("/tenants/{tenant_id}/sandbox", status_code=204)
    async def set_tenant_sandbox(
        tenant_id: UUID, body: SandboxSwitch, svc: Svc, ops: Annotated[Principal, Depends(OPS)]
    ) -> None:
        """Turn the tenant's sandbox on or off (off for every tenant until enabled here)."""
        if await svc.tenants.get(tenant_id) is None:
            raise Problem(404, "not_found", "No such tenant.")
        await svc.sandbox.set_enabled(tenant_id, body.enabled, f"ops:{ops.user_id}")

    return api
