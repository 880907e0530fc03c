"""Who is signed in: a bearer token kept in an HttpOnly, SameSite=Lax cookie.

The UI verifies the cookie with the same verifier as the API (the development issuer, or the
municipality's OIDC provider in production), so pages and API share one notion of a user.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

import jwt
from fastapi import Depends, Request
from fastapi.responses import Response
from servicekit.auth import Principal

COOKIE = "samspil_session"
LOGIN = "/ui/login"


class LoginRequired(Exception):
    """Raised by pages when nobody is signed in; answered with a redirect to the login page."""

    def __init__(self, back_to: str) -> None:
        super().__init__(back_to)
        self.back_to = back_to


def principal(request: Request) -> Principal | None:
    token = request.cookies.get(COOKIE)
    if not token:
        return None
    try:
        found: Principal = request.app.state.verifier.verify(token)
    except (jwt.InvalidTokenError, KeyError):
        return None
    return found


def signed_in(request: Request) -> Principal:
    found = principal(request)
    if found is None:
        raise LoginRequired(request.url.path)
    return found


User = Annotated[Principal, Depends(signed_in)]


def login_url(back_to: str) -> str:
    return f"{LOGIN}?next={quote(back_to)}"


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
