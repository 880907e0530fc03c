"""Bearer-token authentication with role claims.

A development issuer (HS256, shared secret) ships with the stack; production points
``verifier`` at the municipality's OIDC provider (RS256 via its JWKS) with the same claims:
``sub``, ``roles`` (list), and optionally ``tenant`` (a provider organisation) and
``municipality``. Nothing here is anonymous: every route depends on ``authenticate``.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Annotated, Protocol

import jwt
from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

bearer = HTTPBearer(auto_error=False)


@dataclass(frozen=True)
class Principal:
    user_id: str
    roles: frozenset[str]
    tenant_id: str | None = None
    municipality: str | None = None


class Verifier(Protocol):
    def verify(self, token: str) -> Principal: ...


@dataclass(frozen=True)
class DevIssuer:
    """Signs and verifies HS256 tokens; for development and tests only."""

    secret: str
    issuer: str = "samspil-dev"
    audience: str = "samspil"

    def issue(
        self,
        user_id: str,
        roles: Iterable[str],
        tenant_id: str | None = None,
        municipality: str | None = None,
        ttl_seconds: int = 8 * 3600,
    ) -> str:
        now = int(time.time())
        claims = {
            "sub": user_id,
            "roles": sorted(roles),
            "iss": self.issuer,
            "aud": self.audience,
            "iat": now,
            "exp": now + ttl_seconds,
            "tenant": tenant_id,
            "municipality": municipality,
        }
        return jwt.encode(claims, self.secret, algorithm="HS256")

    def verify(self, token: str) -> Principal:
        claims = jwt.decode(
            token, self.secret, algorithms=["HS256"], audience=self.audience, issuer=self.issuer
        )
        return principal_from_claims(claims)


@dataclass(frozen=True)
class OidcVerifier:
    """RS256/ES256 tokens from an OIDC provider, keys from its JWKS endpoint."""

    jwks_url: str
    issuer: str
    audience: str

    @functools.cached_property
    def _keys(self) -> jwt.PyJWKClient:
        """One client per verifier: it keeps the key set (refetched after its lifespan, or
        for a key id it has not seen), where a client per token fetched it per request."""
        return jwt.PyJWKClient(self.jwks_url)

    def verify(self, token: str) -> Principal:
        key = self._keys.get_signing_key_from_jwt(token)
        claims = jwt.decode(
            token,
            key.key,
            algorithms=["RS256", "ES256"],
            audience=self.audience,
            issuer=self.issuer,
        )
        return principal_from_claims(claims)


def principal_from_claims(claims: dict[str, object]) -> Principal:
    roles = claims.get("roles") or []
    if not isinstance(roles, list):
        raise jwt.InvalidTokenError("roles must be a list")
    tenant, municipality = claims.get("tenant"), claims.get("municipality")
    return Principal(
        user_id=str(claims["sub"]),
        roles=frozenset(map(str, roles)),
        tenant_id=str(tenant) if tenant else None,
        municipality=str(municipality) if municipality else None,
    )


async def authenticate(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    unauthenticated = HTTPException(
        401, "a bearer token is required", {"WWW-Authenticate": "Bearer"}
    )
    if credentials is None:
        raise unauthenticated
    verifier: Verifier = request.app.state.verifier
    try:
        return verifier.verify(credentials.credentials)
    except (jwt.InvalidTokenError, KeyError) as exc:
        raise HTTPException(401, f"invalid token: {exc}", {"WWW-Authenticate": "Bearer"}) from exc


def require(*roles: str) -> Callable[..., object]:
    """A dependency that lets through principals holding one of ``roles``."""

    async def dependency(
        principal: Annotated[Principal, Depends(authenticate)],
    ) -> Principal:
        if roles and not principal.roles.intersection(roles):
            raise HTTPException(403, f"this needs one of the roles: {', '.join(roles)}")
        return principal

    return dependency
