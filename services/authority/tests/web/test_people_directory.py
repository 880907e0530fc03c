"""Names, not ids: the sign-in's name and title (the development form here, the identity
provider's claims in production) fill the directory of users, and the header, the case's
caseworker and the timeline show the name with title and team instead of the user id; the
services that act are named in words."""

from __future__ import annotations

import re

import httpx
from authority.app.readmodels import Person
from authority.entrypoints.web.directory import described, name_of
from authority.entrypoints.web.i18n import translator

from .conftest import Authority
from .test_deadlines_page import CPR


async def _sign_in(client: httpx.AsyncClient, form: dict[str, str]) -> httpx.Response:
    login = await client.get("/ui/login")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', login.text)
    assert csrf is not None
    return await client.post("/ui/login", data={**form, "csrf_token": csrf.group(1)})


async def test_the_signed_in_name_title_and_team_replace_the_user_id(
    authority: Authority,
) -> None:
    async with httpx.AsyncClient(base_url=authority.url) as client:
        # Given a caseworker signs in with name, title and team
        signed = await _sign_in(client, {
            "user_id": "sb-navn", "display_name": "Karen Holm", "title": "Socialrådgiver",
            "team": "Team Nord", "role": "caseworker", "next": "/ui/",
        })  # fmt: skip
        assert signed.status_code == 303, signed.text
        work = await client.get("/ui/")
        # When they open a case
        opened = await client.post(
            "/cases",
            json={
                "child": {"name": "Ida Holm", "cpr": CPR},
                "parents": [],
                "custody": {"kind": "joint"},
                "contact_person": "Karen Holm",
            },
            headers={"Authorization": f"Bearer {client.cookies['samspil_session']}"},
        )
        assert opened.status_code == 201, opened.text
        case = (await client.get(f"/ui/cases/{opened.json()['case_id']}")).text
    # Then the header names them, and the case's caseworker and timeline say who they are
    assert "Logget ind som Karen Holm" in work.text
    assert '<dd id="caseworker">Karen Holm (Socialrådgiver, Team Nord)</dd>' in case
    timeline = case[case.index('id="timeline"') :]
    assert "Karen Holm (Socialrådgiver, Team Nord)" in timeline
    assert "sb-navn (" not in timeline


async def test_a_token_with_name_claims_names_its_user_at_the_first_page(
    authority: Authority,
) -> None:
    # Given a token whose claims carry a name and a title (as the OIDC provider's do)
    async with httpx.AsyncClient(base_url=authority.url) as client:
        body = {"user_id": "al-claims", "roles": ["team_leader"], "name": "Lars Berg",
                "title": "Afdelingsleder"}  # fmt: skip
        token = (await client.post("/dev/token", json=body)).json()["access_token"]
        client.cookies.set("samspil_session", token)
        # When its user opens a page
        work = await client.get("/ui/")
    # Then the page names them
    assert "Logget ind som Lars Berg" in work.text


def test_services_are_named_in_words_and_unknown_users_keep_their_id() -> None:
    t, en = translator("da"), translator("en")
    people = {"sb-1": Person("sb-1", "Lars Berg", None, "Team Syd")}
    assert name_of(people, t, "/samspil/provider") == "Leverandørens system"
    assert described(people, en, "/samspil/scheduler", "System") == "Deadline monitor (automatic)"
    assert described(people, t, "sb-1", "Afdelingsleder") == "Lars Berg (Afdelingsleder, Team Syd)"
    assert described(people, t, "sb-9", "Sagsbehandler") == "sb-9 (Sagsbehandler)"
    assert described(people, t, "sb-9", "") == "sb-9"
