"""My work and the case page show the scheduler's deadlines from the authority's own read
model: kind with its barnets lov paragraph, days left, and overdue ones marked in words
(not only by colour), the most overdue first; in Danish and in English."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import httpx
import samspil_contracts as wire
from authority.entrypoints.web.i18n import CATALOGUES

from .conftest import Authority, eventually_has

CPR = "070809-1237"  # invented


async def _case_of(authority: Authority, user: str) -> tuple[str, str]:
    """A case opened by ``user``; the case id and the user's session token."""
    async with httpx.AsyncClient(base_url=authority.url) as client:
        body = {"user_id": user, "roles": ["caseworker"]}
        token = (await client.post("/dev/token", json=body)).json()["access_token"]
        opened = await client.post(
            "/cases",
            json={
                "child": {"name": "Ida Holm", "cpr": CPR},
                "parents": [],
                "custody": {"kind": "joint"},
                "contact_person": "Sara Caseworker",
            },
            headers={"Authorization": f"Bearer {token}"},
        )
        assert opened.status_code == 201, opened.text
        return str(opened.json()["case_id"]), token


def _set(case_id: str, kind: wire.DeadlineKind, due_at: datetime) -> wire.DeadlineScheduled:
    return wire.DeadlineScheduled(
        deadline_id=uuid4(), kind=kind, subject=case_id, case_id=UUID(case_id), due_at=due_at
    )


async def test_overdue_deadlines_lead_and_say_by_how_many_days(authority: Authority) -> None:
    # Given a caseworker's case
    case_id, token = await _case_of(authority, "sb-frist")
    now = datetime.now(UTC)
    # When the scheduler announces a § 91 plan due in 5 days and a § 20 limit 3 days past
    await authority.produce(_set(case_id, wire.DeadlineKind.ACTION_PLAN_DUE, now + timedelta(5)))
    await authority.produce(
        _set(case_id, wire.DeadlineKind.INVESTIGATION_LIMIT, now - timedelta(3))
    )
    cookies = {"samspil_session": token}
    await eventually_has(f"{authority.url}/ui/", "Barnets plan udarbejdet", cookies)
    async with httpx.AsyncClient(base_url=authority.url, cookies=cookies) as client:
        work = (await client.get("/ui/")).text
        case = (await client.get(f"/ui/cases/{case_id}")).text
        english = (await client.get("/ui/?lang=en")).text
    # Then My work lists both, the overdue limit first, marked in words
    listed = work[work.index('id="deadlines-h"') : work.index('id="due-h"')]
    assert 'Frister <span class="count">(2)</span>' in listed
    assert listed.index("barnets lov § 20") < listed.index("barnets lov § 91")
    assert "Overskredet med 3 dage" in listed
    assert "5 dage tilbage" in listed
    # and names the child unambiguously: initials, birth year (by the CPR century rule:
    # 1237 is 19xx) and case number
    assert re.search(r"I\.H\. \(f\. 1909\) · [0-9A-F]{4}-[0-9A-F]{4}</a>", listed), listed[-900:]
    # And the case page shows the same two
    on_case = case[case.index('id="deadlines"') :]
    assert "Overskredet med 3 dage" in on_case
    assert "Barnets plan udarbejdet (barnets lov § 91, 3 måneder)" in on_case
    # And the English catalogue says the same
    assert "Overdue by 3 days" in english
    assert "5 days left" in english


async def test_the_team_leader_sees_the_overdue_deadlines_with_their_caseworker(
    authority: Authority,
) -> None:
    # Given a caseworker's case with one deadline 2 days overdue and one due in 9 days
    case_id, _ = await _case_of(authority, "sb-sent")
    now = datetime.now(UTC)
    kinds = wire.DeadlineKind
    await authority.produce(_set(case_id, kinds.FOLLOW_UP_DUE, now + timedelta(9)))
    await authority.produce(_set(case_id, kinds.ORDER_ANSWER_DUE, now - timedelta(2)))
    async with httpx.AsyncClient(base_url=authority.url) as client:
        body = {"user_id": "al-frist", "roles": ["team_leader"]}
        token = (await client.post("/dev/token", json=body)).json()["access_token"]
    cookies = {"samspil_session": token}
    # When the team leader opens My work
    await eventually_has(f"{authority.url}/ui/", "Overskredet med 2 dage", cookies)
    async with httpx.AsyncClient(base_url=authority.url, cookies=cookies) as client:
        work = (await client.get("/ui/")).text
    # Then the team's overdue list names the late one and its caseworker, not the other
    overdue = work[work.index('id="team-overdue-h"') : work.index('id="appr-h"')]
    assert "Leverandørens svar på bestillingen" in overdue
    assert "Overskredet med 2 dage" in overdue
    assert "sb-sent" in overdue
    assert "barnets lov § 95" not in overdue


def test_every_deadline_kind_has_a_danish_and_an_english_name() -> None:
    missing = [
        (lang, kind.value)
        for lang, catalogue in CATALOGUES.items()  # what the pages look up
        for kind in wire.DeadlineKind
        if f"deadline.{kind.value}" not in catalogue
    ]
    assert missing == []
