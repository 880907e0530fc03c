"""Who is signed in: a bearer token kept in an HttpOnly, SameSite=Lax cookie.

The UI verifies the cookie with the same verifier as the API (the development issuer, or the
municipality's OIDC provider in production), so pages and API share one notion of a user.
Signing out revokes the token (its ``jti`` joins the deny-list), so a copy of the cookie is
worthless afterwards, at the API too. The cookie is ``Secure`` over https (as the trusted
ingress reports it, see FORWARDED_ALLOW_IPS) and always in production.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

import jwt
from fastapi import Depends, Request
from fastapi.responses import Response
from servicekit.auth import Principal, Revocations, verified

from authority.entrypoints.web import directory

COOKIE = "samspil_session"
LOGIN = "/ui/login"


class LoginRequired(Exception):
    """Raised by pages when nobody is signed in; answered with a redirect to the login page."""

    def __init__(self, back_to: str) -> None:
        super().__init__(back_to)
        self.back_to = back_to


async def principal(request: Request) -> Principal | None:
    token = request.cookies.get(COOKIE)
    if not token:
        return None
    try:
        return await verified(request, token)
    except (jwt.InvalidTokenError, KeyError):
        return None


async def signed_in(request: Request) -> Principal:
    found = await principal(request)
    if found is None:
        raise LoginRequired(request.url.path)
    await directory.on_sign_in(request, found)
    return found


User = Annotated[Principal, Depends(signed_in)]


def login_url(back_to: str) -> str:
    return f"{LOGIN}?next={quote(back_to)}"


def secure_cookies(request: Request) -> bool:
    return request.url.scheme == "https" or request.app.state.production


async def sign_out(request: Request) -> None:
    """Revoke the session's token, if there is a valid one."""
    found = await principal(request)
    revocations: Revocations | None = request.app.state.revocations
    if found and found.token_id and found.expires_at and revocations is not None:
        await revocations.revoke(found.token_id, found.expires_at)


def set_session(response: Response, token: str, secure: bool) -> None:
    response.set_cookie(
        COOKIE, token, httponly=True, samesite="lax", secure=secure, max_age=8 * 3600, path="/"
    )


def clear_session(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/")


def safe_next(target: str | None) -> str:
    """Only a path on this site: never an open redirect to another host."""
    if target and target.startswith("/ui") and not target.startswith("//"):
        return target
    return "/ui/"
