"""The caseworker UI as a browser uses it, in process: a signed-in client with its own
cookies, the CSRF token, and the refusal shown next to a field."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from html import unescape

import httpx
from authority.entrypoints.web.i18n import CATALOGUES

from .conftest import Stack

DA = CATALOGUES["da"]
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@asynccontextmanager
async def browser(
    stack: Stack, user: str, role: str = "caseworker"
) -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    """A signed-in browser of the UI (its own cookies) and its CSRF token."""
    transport = stack.client._transport  # the same app in process
    async with httpx.AsyncClient(transport=transport, base_url="http://authority") as client:
        issued = await client.post("/dev/token", json={"user_id": user, "roles": [role]})
        client.cookies.set("samspil_session", issued.json()["access_token"])
        found = TOKEN.search((await client.get("/ui/")).text)
        assert found is not None
        yield client, found.group(1)


def text_of(page: httpx.Response) -> str:
    return unescape(page.text)


def at_field(html: str, form: str, field: str) -> str:
    """The refusal shown next to ``field`` of ``form`` ('' when there is none)."""
    found = re.search(rf'id="error-{form}-{field}">([^<]+)<', html)
    return unescape(found.group(1)) if found else ""
