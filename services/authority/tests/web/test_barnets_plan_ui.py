"""The caseworker UI records the child's plan as barnets lov §§ 91-92 ask: on the decision
form whether the plan is made, on the plan who made its goals (refused without), both shown
on the case page in Danish, with English catalogue entries."""

from __future__ import annotations

import re
from datetime import date, timedelta

import httpx

from .conftest import Authority
from .test_csrf import CASE, TOKEN


async def _bearer(client: httpx.AsyncClient, user: str, role: str) -> dict[str, str]:
    issued = await client.post("/dev/token", json={"user_id": user, "roles": [role]})
    return {"Authorization": f"Bearer {issued.json()['access_token']}"}


async def test_barnets_lov_91_92_plan_made_and_participants_in_the_ui(
    authority: Authority,
) -> None:
    async with httpx.AsyncClient(base_url=authority.url) as client:
        issued = await client.post(
            "/dev/token", json={"user_id": "sb-plan", "roles": ["caseworker"]}
        )
        client.cookies.set("samspil_session", issued.json()["access_token"])
        found = TOKEN.search((await client.get("/ui/cases/new")).text)
        assert found is not None
        csrf = found.group(1)
        # Given a case opened in the UI with its investigation concluded
        opened = await client.post("/ui/cases", data={**CASE, "csrf_token": csrf})
        assert opened.status_code == 303, opened.text
        case_url = opened.headers["location"]
        case_id = re.findall(r"[0-9a-f-]{36}", case_url)[-1]
        cw = await _bearer(client, "sb-plan", "caseworker")
        await client.post(f"/cases/{case_id}/investigation/start", headers=cw)
        await client.post(
            f"/cases/{case_id}/investigation/conclude", json={"summary": "Behov"}, headers=cw
        )
        form = {
            "csrf_token": csrf,
            "measure": "sel_52_3_2",
            "assessment": "Konkret vurdering",
            "purpose": "Faste rammer",
            "expected_duration_months": "6",
            "consent_by": "mother",
            "consent_on": str(date.today() - timedelta(days=1)),
        }
        # When the decision form leaves the plan unanswered, then it is refused in Danish
        page = (await client.get(case_url)).text
        assert "Udarbejdes barnets plan?" in page
        unanswered = await client.post(f"/ui/cases/{case_id}/decisions", data=form)
        assert "Angiv, om der udarbejdes barnets plan" in unanswered.text
        # And answered "yes", the decision shows that barnets plan is made
        made = await client.post(
            f"/ui/cases/{case_id}/decisions", data={**form, "plan_made": "yes"}
        )
        assert made.status_code == 303, made.text
        proposed = (await client.get(f"/cases/{case_id}", headers=cw)).json()["decisions"][0]
        assert (proposed["plan_made"], proposed["plan_kind"]) == (True, "barnets_plan")
        tl = await _bearer(client, "al-plan", "team_leader")
        approve = f"/cases/{case_id}/decisions/{proposed['decision_id']}/approve"
        assert (await client.post(approve, headers=tl)).status_code == 200
        assert "Barnets plan udarbejdes (§ 91)" in (await client.get(case_url)).text
        # When the plan is adopted without saying who made its goals, it is refused (§ 92)
        plan = {"csrf_token": csrf, "goal_school": "Alma går i skole hver dag"}
        refused = await client.post(f"/ui/cases/{case_id}/action-plan", data=plan)
        assert "barnets lov § 92" in refused.text
        # And with the child and the mother it is adopted and shows who took part
        adopted = await client.post(
            f"/ui/cases/{case_id}/action-plan",
            data={**plan, "participants": ["child", "mother"]},
        )
        assert adopted.status_code == 303, adopted.text
        shown = (await client.get(case_url)).text
        assert re.search(r'id="plan-participants".*Barnet eller den unge, Mor', shown)
        english = (await client.get(case_url, params={"lang": "en"})).text
        assert "Goals made together with (§ 92)" in english
        assert "The child or young person, Mother" in english
