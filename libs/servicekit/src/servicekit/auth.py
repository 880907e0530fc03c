"""Bearer-token authentication with role claims.

A development issuer (HS256, shared secret) ships with the stack; production points
``verifier`` at the municipality's OIDC provider (RS256 via its JWKS) with the same claims:
``sub``, ``roles`` (list), and optionally ``tenant`` (a provider organisation) and
``municipality``. Nothing here is anonymous: every route depends on ``authenticate``.
A token must say when it expires (``exp``); one that carries an id (``jti``) can be revoked
before that (signing out) in a service that keeps a deny-list (``app.state.revocations``).
"""

from __future__ import annotations

import functools
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Protocol

import jwt
from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

bearer = HTTPBearer(auto_error=False)
# A token without an expiry would be valid forever: refused.
REQUIRED: jwt.types.Options = {"require": ["exp", "sub"]}


@dataclass(frozen=True)
class Principal:
    user_id: str
    roles: frozenset[str]
    tenant_id: str | None = None
    municipality: str | None = None
    token_id: str | None = None  # ``jti``: what a sign-out revokes
    expires_at: datetime | None = None
    # The identity provider's ``name`` and ``title`` claims, when it sends them: what the
    # UI's directory of users shows instead of the user id.
    name: str | None = None
    title: str | None = None


class Verifier(Protocol):
    def verify(self, token: str) -> Principal: ...


class Revocations(Protocol):
    """Signed-out tokens, until they would have expired anyway."""

    async def revoke(self, token_id: str, expires_at: datetime) -> None: ...

    async def is_revoked(self, token_id: str) -> bool: ...


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
        name: str | None = None,
        title: str | None = None,
    ) -> str:
        now = int(time.time())
        claims: dict[str, object] = {
            "sub": user_id,
            "roles": sorted(roles),
            "iss": self.issuer,
            "aud": self.audience,
            "iat": now,
            "exp": now + ttl_seconds,
            "jti": uuid.uuid4().hex,
            "tenant": tenant_id,
            "municipality": municipality,
        }
        claims |= {k: v for k, v in (("name", name), ("title", title)) if v}
        return jwt.encode(claims, self.secret, algorithm="HS256")

    def verify(self, token: str) -> Principal:
        claims = jwt.decode(
            token,
            self.secret,
            algorithms=["HS256"],
            audience=self.audience,
            issuer=self.issuer,
            options=REQUIRED,
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
            options=REQUIRED,
        )
        return principal_from_claims(claims)


def principal_from_claims(claims: dict[str, object]) -> Principal:
    roles = claims.get("roles") or []
    if not isinstance(roles, list):
        raise jwt.InvalidTokenError("roles must be a list")
    tenant, municipality = claims.get("tenant"), claims.get("municipality")
    token_id = claims.get("jti")
    return Principal(
        user_id=str(claims["sub"]),
        roles=frozenset(map(str, roles)),
        tenant_id=str(tenant) if tenant else None,
        municipality=str(municipality) if municipality else None,
        token_id=str(token_id) if token_id else None,
        expires_at=_moment(claims["exp"]),
        name=_text(claims.get("name")),
        title=_text(claims.get("title")),
    )


def _text(claim: object) -> str | None:
    """A display claim as text (at most 200 characters), or None when absent or not text."""
    return claim.strip()[:200] or None if isinstance(claim, str) else None


def _moment(expiry: object) -> datetime:
    try:
        return datetime.fromtimestamp(float(expiry), UTC)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError, OSError) as exc:
        raise jwt.InvalidTokenError("exp is not a usable moment") from exc


async def verified(request: Request, token: str) -> Principal:
    """The principal of ``token``: signature, issuer, audience, expiry, and not revoked."""
    verifier: Verifier = request.app.state.verifier
    principal = verifier.verify(token)
    revocations: Revocations | None = getattr(request.app.state, "revocations", None)
    token_id = principal.token_id
    if revocations is not None and token_id is not None and await revocations.is_revoked(token_id):
        raise jwt.InvalidTokenError("the token was revoked (signed out)")
    return principal


async def authenticate(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    unauthenticated = HTTPException(
        401, "a bearer token is required", {"WWW-Authenticate": "Bearer"}
    )
    if credentials is None:
        raise unauthenticated
    try:
        return await verified(request, credentials.credentials)
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
