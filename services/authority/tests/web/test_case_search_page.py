"""My work's case list in the browser's terms: unambiguous rows (initials with birth year,
case number), a CPR search POSTed with a reason (refused on the field without one, the
typed input kept), and filters that narrow the list."""

from __future__ import annotations

import re

import httpx

from .conftest import Authority

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
CPR = "120315-4321"  # invented


async def signed_in(client: httpx.AsyncClient, user: str) -> dict[str, str]:
    issued = await client.post("/dev/token", json={"user_id": user, "roles": ["caseworker"]})
    token = issued.json()["access_token"]
    client.cookies.set("samspil_session", token)
    return {"Authorization": f"Bearer {token}"}


async def open_case(client: httpx.AsyncClient, headers: dict[str, str]) -> str:
    body = {
        "child": {"name": "Ida Holm", "cpr": CPR},
        "parents": [{"name": "Maja Holm", "cpr": "010180-2222"}],
        "custody": {"kind": "mother"},
        "contact_person": "Karen",
    }
    opened = await client.post("/cases", json=body, headers=headers)
    assert opened.status_code == 201, opened.text
    return str(opened.json()["case_id"])


async def test_the_case_list_finds_a_child_by_cpr_only_with_a_reason(
    authority: Authority,
) -> None:
    async with httpx.AsyncClient(base_url=authority.url) as client:
        # Given a caseworker with a case
        case_id = await open_case(client, await signed_in(client, "sb-find-ui"))
        number = case_id.replace("-", "")[:8].upper()
        listed = await client.get("/ui/")
        csrf = TOKEN.search(listed.text)
        assert csrf is not None
        form = {"csrf_token": csrf.group(1), "scope": "mine", "q": CPR}
        # When they search by CPR number without a reason, then with one
        refused = await client.post("/ui/", data=form)
        found = await client.post("/ui/", data=form | {"reason": "Opkald fra skolen"})
        # And filter the list by status (no search words in the URL)
        opened = await client.get("/ui/", params={"status": "opened", "sort": "opened"})
        decided = await client.get("/ui/", params={"status": "decided"})
    # Then the list names the child unambiguously: initials, birth year, case number
    assert "I.H. (f. 2015)" in listed.text
    assert f"{number[:4]}-{number[4:]}" in listed.text
    # And the search without a reason is refused at the reason field, the number kept
    assert refused.status_code == 422
    assert 'aria-invalid="true"' in refused.text
    assert "Angiv en begrundelse for at søge på et CPR-nummer" in refused.text
    assert f'value="{CPR}"' in refused.text
    assert f"/ui/cases/{case_id}" not in refused.text.split('id="cases"')[1]
    # And with a reason the child is found and the access is said to be logged
    assert found.status_code == 200
    assert f"/ui/cases/{case_id}" in found.text.split('id="cases"')[1]
    assert "logget som adgang" in found.text
    assert str(found.url) == f"{authority.url}/ui/"  # the number went in the body only
    # And the status filter keeps the case under "opened" only
    assert f"/ui/cases/{case_id}" in opened.text.split('id="cases"')[1]
    assert f"/ui/cases/{case_id}" not in decided.text.split('id="cases"')[1]
