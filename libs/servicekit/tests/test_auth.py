"""Bearer tokens: they must expire, and a signed-out one is refused before it expires."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Annotated

import httpx
import jwt
import pytest
from fastapi import APIRouter, Depends
from servicekit.app import create_app
from servicekit.auth import DevIssuer, Principal, require
from servicekit.settings import DEV_JWT_SECRET, ServiceSettings

ISSUER = DevIssuer(DEV_JWT_SECRET)


class Refused(Exception):
    pass


class DenyList:
    def __init__(self) -> None:
        self.revoked: dict[str, datetime] = {}

    async def revoke(self, token_id: str, expires_at: datetime) -> None:
        self.revoked[token_id] = expires_at

    async def is_revoked(self, token_id: str) -> bool:
        return token_id in self.revoked


def app_client(revocations: DenyList | None = None) -> httpx.AsyncClient:
    router = APIRouter()

    @router.get("/me")
    async def me(who: Annotated[Principal, Depends(require("caseworker"))]) -> dict[str, str]:
        return {"user": who.user_id}

    app = create_app(
        title="t", settings=ServiceSettings(), workers=None, routers=[router],
        domain_error=Refused, checks={},
    )  # fmt: skip
    app.state.revocations = revocations
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_issued_tokens_carry_an_id_and_an_expiry() -> None:
    principal = ISSUER.verify(ISSUER.issue("karen", ["caseworker"]))
    assert principal.token_id
    assert principal.expires_at is not None


def test_a_token_without_exp_is_refused() -> None:
    now = int(time.time())
    claims = {"sub": "karen", "roles": ["caseworker"], "iss": ISSUER.issuer, "aud": "samspil"}
    forever = jwt.encode(claims | {"iat": now}, DEV_JWT_SECRET, algorithm="HS256")
    with pytest.raises(jwt.MissingRequiredClaimError):
        ISSUER.verify(forever)


def test_an_expiry_no_clock_can_hold_is_an_invalid_token_not_a_crash() -> None:
    claims = {"sub": "k", "roles": [], "iss": ISSUER.issuer, "aud": "samspil", "exp": 10**20}
    with pytest.raises(jwt.InvalidTokenError):
        ISSUER.verify(jwt.encode(claims, DEV_JWT_SECRET, algorithm="HS256"))


async def test_a_revoked_token_is_refused_and_another_of_the_same_user_is_not() -> None:
    deny = DenyList()
    signed_out, other = ISSUER.issue("karen", ["caseworker"]), ISSUER.issue("karen", ["caseworker"])
    async with app_client(deny) as client:
        assert (await client.get("/me", headers=bearer(signed_out))).status_code == 200
        # When the first token is signed out
        principal = ISSUER.verify(signed_out)
        assert principal.token_id is not None
        assert principal.expires_at is not None
        await deny.revoke(principal.token_id, principal.expires_at)
        # Then it is refused, and the user's other session still works
        refused = await client.get("/me", headers=bearer(signed_out))
        still = await client.get("/me", headers=bearer(other))
    assert refused.status_code == 401
    assert refused.headers["content-type"] == "application/problem+json"
    assert still.status_code == 200


def test_the_name_and_title_claims_reach_the_principal_and_stay_optional() -> None:
    # Given a token with the identity provider's name and title, and one without
    named = ISSUER.issue("sb-7", ["caseworker"], name=" Karen Holm ", title="Socialrådgiver")
    bare = ISSUER.issue("sb-8", ["caseworker"])
    # When each is verified
    karen, other = ISSUER.verify(named), ISSUER.verify(bare)
    # Then the claims are on the principal (trimmed), and absent ones are None
    assert (karen.name, karen.title) == ("Karen Holm", "Socialrådgiver")
    assert (other.name, other.title) == (None, None)
