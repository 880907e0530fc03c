"""Every form POST must carry the CSRF token of the browser's session: without it, or with
a wrong one or another session's, the UI refuses with 403; with it the form works."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from .conftest import Authority

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
CASE = {
    "child_name": "Ida Holm",
    "child_cpr": "120315-4321",  # invented
    "mother_name": "Maja Holm",
    "mother_cpr": "010180-2222",  # invented
    "custody": "mother",
    "contact_person": "Karen",
}


@asynccontextmanager
async def browser_for(
    authority: Authority, user: str
) -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    """A signed-in client that has loaded the new-case form, and the form's token."""
    async with httpx.AsyncClient(base_url=authority.url) as client:
        issued = await client.post("/dev/token", json={"user_id": user, "roles": ["caseworker"]})
        client.cookies.set("samspil_session", issued.json()["access_token"])
        found = TOKEN.search((await client.get("/ui/cases/new")).text)
        assert found is not None
        yield client, found.group(1)


async def test_a_form_without_the_token_is_refused(authority: Authority) -> None:
    async with browser_for(authority, "sb-csrf-1") as (client, _):
        # When the form is posted with no token (as a forged cross-site form would be)
        page = await client.post("/ui/cases", data=CASE, headers={"Accept": "text/html"})
        problem = await client.post("/ui/cases", data=CASE)
    # Then a page for people and problem+json for programs, both 403, and no case opened
    assert page.status_code == 403
    assert "Afvist" in page.text
    assert problem.status_code == 403
    assert problem.headers["content-type"].startswith("application/problem+json")
    assert problem.json()["type"].endswith("/csrf_failed")


async def test_a_wrong_token_or_another_sessions_token_is_refused(authority: Authority) -> None:
    async with (
        browser_for(authority, "sb-csrf-2") as (mine, _),
        browser_for(authority, "sb-csrf-3") as (_, theirs),
    ):
        wrong = await mine.post("/ui/cases", data={**CASE, "csrf_token": "0" * 64})
        borrowed = await mine.post("/ui/cases", data={**CASE, "csrf_token": theirs})
    assert wrong.status_code == 403
    assert borrowed.status_code == 403


async def test_the_sessions_token_lets_the_form_through(authority: Authority) -> None:
    async with browser_for(authority, "sb-csrf-4") as (client, token):
        opened = await client.post("/ui/cases", data={**CASE, "csrf_token": token})
        assert opened.status_code == 303
        case = await client.get(opened.headers["location"])
    assert case.status_code == 200
    assert "I.H." in case.text


async def test_signing_in_needs_the_login_forms_token(authority: Authority) -> None:
    async with httpx.AsyncClient(base_url=authority.url) as client:
        login = {"user_id": "sb-csrf-5", "role": "caseworker", "next": "/ui/"}
        refused = await client.post("/ui/login", data=login)
        found = TOKEN.search((await client.get("/ui/login")).text)
        assert found is not None
        accepted = await client.post("/ui/login", data={**login, "csrf_token": found.group(1)})
    assert refused.status_code == 403
    assert accepted.status_code == 303
