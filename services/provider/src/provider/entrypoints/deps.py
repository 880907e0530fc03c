"""What the HTTP routes depend on: the services, and the tenant principal of a request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

import jwt
from fastapi import Depends, HTTPException, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials
from servicekit.auth import bearer, verified

from provider.app.change_requests import ChangeRequests
from provider.app.child_text import ChildText
from provider.app.claims import Claims
from provider.app.contracts import Contracts
from provider.app.follow_ups import FollowUps
from provider.app.material import Materials
from provider.app.offered_terms import OfferedTerms
from provider.app.orders import Orders
from provider.app.personal import ChildData
from provider.app.ports import (
    Queries,
    Sandbox,
    TenantChannels,
    TenantDirectory,
    WebhookAdmin,
)
from provider.app.recording import Acting
from provider.app.reporting import Reporting
from provider.app.sealing import TransportKeys
from provider.app.shared_documents import SharedDocuments
from provider.domain import Actor, Role


@dataclass(frozen=True)
class Services:
    queries: Queries
    tenants: TenantDirectory
    orders: Orders
    contracts: Contracts
    offered: OfferedTerms
    reporting: Reporting
    follow_ups: FollowUps
    claims: Claims
    materials: Materials
    webhooks: WebhookAdmin
    keys: TransportKeys
    channels: TenantChannels
    child_data: ChildData
    texts: ChildText
    shared: SharedDocuments
    changes: ChangeRequests
    sandbox: Sandbox


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


@dataclass(frozen=True)
class TenantPrincipal:
    tenant_id: UUID
    user_id: str
    role: Role

    def acting(self) -> Acting:
        return Acting(self.tenant_id, Actor(self.user_id, self.role), datetime.now(UTC))


PERSON_ROLES = (Role.COORDINATOR, Role.STAFF)


def _unauthenticated(detail: str) -> HTTPException:
    return HTTPException(401, detail, {"WWW-Authenticate": 'Bearer, ApiKey header="X-Api-Key"'})


API_KEY_PREFIX = "spk_"
api_key_header = APIKeyHeader(
    name="X-Api-Key",
    scheme_name="ApiKey",
    description="The tenant's API key (`spk_…`); also accepted as `Authorization: Bearer spk_…`",
    auto_error=False,
)


async def tenant_principal(
    request: Request,
    svc: Annotated[Services, Depends(services)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    x_api_key: Annotated[str | None, Depends(api_key_header)] = None,
) -> TenantPrincipal:
    """A provider system (its API key in ``X-Api-Key`` or as a bearer token: its tenant's
    coordinator) or a person (JWT with ``tenant`` and role coordinator or staff)."""
    bearer_key = credentials is not None and credentials.credentials.startswith(API_KEY_PREFIX)
    if x_api_key is None and credentials is not None and bearer_key:
        x_api_key = credentials.credentials
    if x_api_key is not None:
        owner = await svc.tenants.owner_of(x_api_key)
        if owner is None:
            raise _unauthenticated("unknown or revoked API key")
        return TenantPrincipal(owner.tenant_id, f"api-key:{owner.key_id}", Role.COORDINATOR)
    if credentials is None:
        raise _unauthenticated("an API key or a bearer token is required")
    try:
        principal = await verified(request, credentials.credentials)
    except (jwt.InvalidTokenError, KeyError) as exc:
        # Not the library's words ("Not enough segments"): say what the caller can fix.
        raise _unauthenticated(
            "the bearer token is neither an API key (spk_…) nor a valid, unexpired JWT"
        ) from exc
    role = next((r for r in PERSON_ROLES if r.value in principal.roles), None)
    if principal.tenant_id is None or role is None:
        raise HTTPException(403, "this needs a provider tenant and role coordinator or staff")
    return TenantPrincipal(_uuid(principal.tenant_id), principal.user_id, role)


def _uuid(value: str) -> UUID:
    try:
        return UUID(value)
    except ValueError as exc:
        raise HTTPException(403, "the token's tenant is not a provider id") from exc


async def coordinator(
    principal: Annotated[TenantPrincipal, Depends(tenant_principal)],
) -> TenantPrincipal:
    if principal.role is not Role.COORDINATOR:
        raise HTTPException(403, "this needs the coordinator role")
    return principal


Principal = Annotated[TenantPrincipal, Depends(tenant_principal)]
Coordinator = Annotated[TenantPrincipal, Depends(coordinator)]
Svc = Annotated[Services, Depends(services)]


def etag(revision: int) -> dict[str, Any]:
    return {"ETag": f'"{revision}"'}
