"""Cross-site request forgery: every form carries a token bound to the browser's session.

The token is an HMAC, under the service's secret, of a random per-browser seed (a cookie)
together with the session cookie. A forged POST from another site can send the cookies but
cannot read them, so it cannot compute the token; signing in or out changes the session and
with it the token. SameSite=Lax on the session cookie is a second line, not the only one.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import Request
from fastapi.responses import Response

from authority.entrypoints.web.session import COOKIE as SESSION
from authority.entrypoints.web.session import secure_cookies

SEED = "samspil_csrf"
FIELD = "csrf_token"


class CsrfRefused(Exception):
    """A state-changing request without the right token."""


def _key(request: Request) -> bytes:
    key: bytes = request.app.state.csrf_key
    return key


def _mac(request: Request, seed: str) -> str:
    session = request.cookies.get(SESSION, "")
    message = f"{seed}|{session}".encode()
    return hmac.new(_key(request), message, hashlib.sha256).hexdigest()


def seed_of(request: Request) -> str:
    """The browser's seed, or a new one (stored on the request until the response sets it)."""
    found = request.cookies.get(SEED) or getattr(request.state, "csrf_seed", None)
    if not found:
        found = request.state.csrf_seed = secrets.token_urlsafe(32)
    return str(found)


def token(request: Request) -> str:
    return _mac(request, seed_of(request))


def remember_seed(request: Request, response: Response) -> None:
    """Set the seed cookie if this page made a new one."""
    if request.cookies.get(SEED) is None and getattr(request.state, "csrf_seed", None):
        response.set_cookie(
            SEED,
            request.state.csrf_seed,
            httponly=True,
            samesite="strict",
            secure=secure_cookies(request),
        )


async def verify(request: Request) -> None:
    """A router dependency: POSTs must carry the token of this browser's session."""
    if request.method != "POST":
        return
    seed = request.cookies.get(SEED)
    given = str((await request.form()).get(FIELD) or "")
    if not seed or not hmac.compare_digest(given, _mac(request, seed)):
        raise CsrfRefused
