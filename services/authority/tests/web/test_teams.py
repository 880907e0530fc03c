"""Teams: a team leader records a caseworker's team (as the directory would); the dashboard
then offers the team as a filter and the figures follow it."""

from __future__ import annotations

import httpx

from .conftest import Authority


async def token(client: httpx.AsyncClient, user: str, role: str) -> str:
    issued = await client.post("/dev/token", json={"user_id": user, "roles": [role]})
    return str(issued.json()["access_token"])


async def test_a_team_set_by_the_team_leader_filters_the_dashboard(authority: Authority) -> None:
    async with httpx.AsyncClient(base_url=authority.url) as client:
        leader = {"Authorization": f"Bearer {await token(client, 'tl-t', 'team_leader')}"}
        caseworker = {"Authorization": f"Bearer {await token(client, 'sb-t', 'caseworker')}"}
        # When the team leader puts a caseworker in a team (a caseworker may not)
        body = {"team": "Team Vest"}
        refused = await client.put("/caseworkers/sb-t/team", json=body, headers=caseworker)
        done = await client.put("/caseworkers/sb-t/team", json=body, headers=leader)
        teams = (await client.get("/teams", headers=caseworker)).json()
        client.cookies.set("samspil_session", await token(client, "tl-t", "team_leader"))
        page = await client.get("/ui/dashboard", params={"team": "Team Vest"})
        unknown = await client.get("/ui/dashboard", params={"team": "Team Ingen"})
    # Then the team is known and the dashboard shows that team's figures
    assert refused.status_code == 403
    assert done.status_code == 204
    assert "Team Vest" in teams
    assert '<option value="Team Vest" selected>' in page.text
    assert "Tallene gælder team Team Vest." in page.text
    assert "Tallene gælder hele afdelingen." in unknown.text
