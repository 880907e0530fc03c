"""The caseworker UI's security: signing out revokes the session, a search never lands in a
URL, erasure takes two team leaders, looks from outside the team reach the team leader, and
pages are neither cached nor framed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from .conftest import Authority
from .test_csrf import CASE, TOKEN


@asynccontextmanager
async def signed_in(
    authority: Authority, user: str, role: str, team: str = ""
) -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    """A browser that signed in through the login form, and its CSRF token."""
    async with httpx.AsyncClient(base_url=authority.url) as client:
        form = TOKEN.search((await client.get("/ui/login")).text)
        assert form is not None
        login = {"user_id": user, "role": role, "team": team, "csrf_token": form.group(1)}
        assert (await client.post("/ui/login", data=login)).status_code == 303
        found = TOKEN.search((await client.get("/ui/")).text)
        assert found is not None
        yield client, found.group(1)


async def open_case(client: httpx.AsyncClient, token: str) -> str:
    opened = await client.post("/ui/cases", data={**CASE, "csrf_token": token})
    assert opened.status_code == 303, opened.text
    return str(opened.headers["location"]).rsplit("/", 1)[1]


async def test_signing_out_revokes_the_session_even_for_a_copy_of_it(
    authority: Authority,
) -> None:
    async with signed_in(authority, "sb-out", "caseworker") as (client, token):
        stolen = client.cookies["samspil_session"]
        assert (await client.get("/ui/")).status_code == 200
        # When the user signs out
        out = await client.post("/ui/logout", data={"csrf_token": token})
        assert out.status_code == 303
    # Then a copy of the session cookie opens no page and no API any more
    async with httpx.AsyncClient(base_url=authority.url) as thief:
        thief.cookies.set("samspil_session", stolen)
        page = await thief.get("/ui/")
        api = await thief.get("/cases", headers={"Authorization": f"Bearer {stolen}"})
    assert page.status_code == 303
    assert page.headers["location"].startswith("/ui/login")
    assert api.status_code == 401


async def test_a_search_is_posted_and_its_words_stay_out_of_urls(authority: Authority) -> None:
    async with signed_in(authority, "sb-search", "caseworker") as (client, token):
        await open_case(client, token)
        found = await client.post("/ui/", data={"q": "I.H.", "scope": "mine", "csrf_token": token})
        forged = await client.post("/ui/", data={"q": "I.H.", "scope": "mine"})
    assert found.status_code == 200
    assert "I.H." in found.text
    assert "q=" not in found.text  # no link carries the search (paging posts it too)
    assert forged.status_code == 403  # a search is a form like any other: CSRF-checked


async def test_erasure_from_the_case_page_takes_a_second_team_leader(
    authority: Authority,
) -> None:
    async with (
        signed_in(authority, "sb-tl-asks", "team_leader") as (asks, asks_token),
        signed_in(authority, "sb-tl-approves", "team_leader") as (approves, approves_token),
    ):
        case_id = await open_case(asks, asks_token)
        page = f"/ui/cases/{case_id}"
        reason = {"reason": "Retention period over"}
        requested = await asks.post(
            f"{page}/erasure-request", data={**reason, "csrf_token": asks_token}
        )
        assert requested.status_code == 303, requested.text
        # The one who asked cannot approve it
        own = await asks.post(f"{page}/erase", data={**reason, "csrf_token": asks_token})
        assert own.status_code == 422
        assert "anden afdelingsleder" in own.text
        waiting = await approves.get("/ui/")
        assert page in waiting.text  # on the other team leader's list
        approved = await approves.post(f"{page}/erase", data={"csrf_token": approves_token})
        assert approved.status_code == 303, approved.text
        after = await approves.get(page)
    assert "Personoplysninger slettet" in after.text  # the timeline says who erased, when


async def test_a_look_from_outside_the_team_is_on_the_team_leaders_list(
    authority: Authority,
) -> None:
    async with (
        signed_in(authority, "sb-owner", "caseworker", team="Team Øst") as (owner, owner_token),
        signed_in(authority, "sb-outsider", "caseworker", team="Team Vest") as (other, token),
        signed_in(authority, "sb-tl-east", "team_leader", team="Team Øst") as (leader, _),
    ):
        case_id = await open_case(owner, owner_token)
        why = {"reason": "Ringede om barnet", "csrf_token": token}
        revealed = await other.post(f"/ui/cases/{case_id}/reveal", data=why)
        assert revealed.status_code == 200
        listed = await leader.get("/ui/")
    assert "sb-outsider" in listed.text
    assert "Ringede om barnet" in listed.text


async def test_pages_are_neither_cached_nor_framed(authority: Authority) -> None:
    async with signed_in(authority, "sb-headers", "caseworker") as (client, token):
        case_id = await open_case(client, token)
        why = {"reason": "Identitet", "csrf_token": token}
        revealed = await client.post(f"/ui/cases/{case_id}/reveal", data=why)
        static = await client.get("/ui/static/app.css")
    assert "120315-4321" in revealed.text
    assert revealed.headers["cache-control"] == "no-store"
    policy = revealed.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy
    assert revealed.headers["x-content-type-options"] == "nosniff"
    assert revealed.headers["referrer-policy"] == "no-referrer"
    assert static.headers.get("cache-control") != "no-store"  # assets hold nothing personal


async def test_odd_form_and_query_values_get_a_page_not_a_500(authority: Authority) -> None:
    async with signed_in(authority, "sb-odd", "caseworker") as (client, token):
        case_id = await open_case(client, token)
        far = await client.get(
            f"/ui/cases/{case_id}", params={"as_of": "9999-12-31T23:59:59-23:59"}
        )
        long_reason = {"reason": "x" * 5000, "csrf_token": token}
        wordy = await client.post(f"/ui/cases/{case_id}/reveal", data=long_reason)
        deep_page = await client.get("/ui/", params={"p": str(10**30)})
    assert far.status_code == 200
    assert "Tidspunktet kunne ikke læses." in far.text
    assert wordy.status_code == 422
    assert deep_page.status_code == 200
    async with httpx.AsyncClient(base_url=authority.url) as client:
        form = TOKEN.search((await client.get("/ui/login")).text)
        assert form is not None
        login = {"user_id": "x" * 300, "role": "caseworker", "csrf_token": form.group(1)}
        assert (await client.post("/ui/login", data=login)).status_code == 422
