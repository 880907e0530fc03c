"""The family coordinator (familiekoordinator, seed 002, issue 20 item 8) across the running
services, through the real broker and databases: a decision on it needs the custody holder's
consent (barnets lov § 32, stk. 2); once approved, the scheduler sets the start meeting
2 months after the decision and a contact with the family a week after it; recording the
start meeting (on the API) meets it and sets the first follow-up meeting 8 weeks after it;
recording a contact (on the case page's form) meets the week's contact and expects the next
a week later. The caseworker sees these deadlines on the case page, labelled in Danish."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from scheduler.domain import DEFAULT_RULES, Roll

from tests.e2e.conftest import Stack, started_stack
from tests.e2e.flows import MOTHER, YESTERDAY, ok
from tests.harness import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(900)]  # a shared 2-core box can be slow
DENMARK = ZoneInfo("Europe/Copenhagen")
CHILD = {"name": "Lea Koordineret", "cpr": "1706164321"}  # invented
START_LABEL = "Opstartsmøde med familiens netværk"
FOLLOW_UP_LABEL = "Opfølgningsmøde (familiekoordinator, hver 8. uge)"
CONTACT_LABEL = "Ugentlig kontakt med familien"


@pytest.fixture(scope="module")
def stack(kafka_bootstrap: str, new_database_url: Callable[[str], str]) -> Iterator[Stack]:
    """A stack of its own: its scheduler's clock starts today, so no phase of these
    deadlines has fired when they are met (on the shared stack an earlier test may have
    moved the clock months ahead)."""
    with started_stack(kafka_bootstrap, new_database_url) as own:
        yield own


def two_months_after(day: date) -> date:
    month0 = day.month - 1 + 2
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def working_day_on_or_before(day: date) -> date:
    """The coordinator's own duty: a Danish holiday or weekend moves it back."""
    return DEFAULT_RULES.calendar.roll(day, Roll.BACKWARD)


def coordinator_decision(consent: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "measure": "family_coordinator",
        "assessment": "Konkret vurdering: mange fagpersoner, familien mangler overblik",
        "purpose": "Én sammenhængende indsats, som familien selv kan se",
        "expected_duration_months": 12,
        "consent": consent,
        "plan_made": False,
    }


def due_dates(stack: Stack, case_id: str) -> dict[str, list[date]]:
    """The case's open deadlines at the scheduler: each kind's due dates, local days."""
    found: dict[str, list[date]] = {}
    with stack.client("scheduler", "ops", user="ops-1") as ops:
        for status in ("pending", "done"):
            rows = ok(ops.get("/deadlines", params={"case_id": case_id, "status": status}))
            for r in rows:
                if r["phase"] == "due":
                    local = datetime.fromisoformat(r["due_at"]).astimezone(DENMARK)
                    assert (local.hour, local.minute) == (9, 0)  # 09:00 Copenhagen time
                    found.setdefault(r["kind"], []).append(local.date())
    return {kind: sorted(days) for kind, days in found.items()}


def test_family_coordinator_consent_start_meeting_follow_ups_and_contact(stack: Stack) -> None:
    with (
        stack.client("authority", "caseworker", user="karen-fk") as cw,
        stack.client("authority", "team_leader", user="lars-fk") as tl,
    ):
        # Given a case whose child investigation is concluded
        body = {
            "child": CHILD,
            "parents": [MOTHER],
            "custody": {"kind": "mother"},
            "contact_person": "Karen Jensen, socialrådgiver",
        }
        case_id = ok(cw.post("/cases", json=body), 201)["case_id"]
        ok(cw.post(f"/cases/{case_id}/investigation/start"))
        summary = {"summary": "Familien har mange fagpersoner og intet overblik"}
        ok(cw.post(f"/cases/{case_id}/investigation/conclude", json=summary))

        # When a family coordinator is proposed without the custody holder's consent
        refused = cw.post(f"/cases/{case_id}/decisions", json=coordinator_decision(None))
        # Then it is refused with a problem in Danish and English (barnets lov § 32, stk. 2)
        assert refused.status_code == 422, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")
        problem = refused.json()
        assert problem["type"].endswith("/custody_consent_missing")
        assert "§ 32, stk. 2" in problem["texts"]["da"]
        assert "§ 32(2)" in problem["texts"]["en"]

        # When it is decided with her consent and approved by the team leader
        consent = {"given_by": ["mother"], "given_on": str(YESTERDAY)}
        decided = cw.post(f"/cases/{case_id}/decisions", json=coordinator_decision(consent))
        decision_id = ok(decided, 201)["decision_id"]
        ok(tl.post(f"/cases/{case_id}/decisions/{decision_id}/approve"))
        decided_on = datetime.now(DENMARK).date()

        # Then the scheduler sets the start meeting 2 months after the decision and the first
        # contact a week after it; no follow-up meeting before the start meeting
        first = wait_for(
            lambda: (d := due_dates(stack, case_id)).get("start_meeting_due") and d,
            what="the start meeting deadline at the scheduler",
        )
        expected_start = working_day_on_or_before(two_months_after(decided_on))
        assert first["start_meeting_due"] == [expected_start]
        week = working_day_on_or_before(decided_on + timedelta(days=7))
        assert first["contact_due"] == [week]
        assert "coordination_meeting_due" not in first

        # And the caseworker sees them on the case page, labelled in Danish
        page = web_client(stack, "karen-fk")
        reload_until_shown(page, case_id, START_LABEL)
        shown = page.get(f"/ui/cases/{case_id}").text
        assert CONTACT_LABEL in shown

        # When the start meeting is recorded as held today (the API)
        held = {"meeting": "start", "held_on": str(decided_on)}
        path = f"/cases/{case_id}/decisions/{decision_id}/coordination"
        ok(cw.post(f"{path}/meetings", json=held), 201)

        # Then the start meeting deadline is met and the first follow-up meeting is due
        # 8 weeks after it
        later = wait_for(
            lambda: (d := due_dates(stack, case_id)).get("coordination_meeting_due") and d,
            what="the first follow-up meeting at the scheduler",
        )
        assert "start_meeting_due" not in later
        follow_up = working_day_on_or_before(decided_on + timedelta(weeks=8))
        assert later["coordination_meeting_due"] == [follow_up]
        # And a second start meeting is refused
        again = cw.post(f"{path}/meetings", json=held)
        assert again.status_code == 422
        assert again.json()["type"].endswith("/start_meeting_already_held")

        # When the caseworker records a contact with the family on the case page's form
        case_page = page.get(f"/ui/cases/{case_id}").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', case_page)
        assert token is not None
        revision = re.search(
            r'coordination/contacts">.*?name="revision" value="(\d+)"', case_page, re.S
        )
        assert revision is not None
        form = {
            "csrf_token": token.group(1),
            "revision": revision.group(1),
            "contacted_on": str(decided_on),
        }
        posted = page.post(f"/ui{path}/contacts", data=form)
        assert posted.status_code == 303, posted.text  # back to the case page: recorded

        # Then this week's contact is met and the next one is expected a week later
        wait_for(
            lambda: (
                due_dates(stack, case_id).get("contact_due") == [week]
                and _contact_closed(stack, case_id)
            ),
            what="the contact recorded at the scheduler",
        )
        reload_until_shown(page, case_id, FOLLOW_UP_LABEL)
        page.close()

        # When the caseworker ends the coordination (the family manages on its own)
        end = {"ended_on": str(decided_on), "because": "Familien klarer sig selv"}
        ok(cw.post(f"{path}/end", json=end))

        # Then nothing of its rhythm is due any more, and no contact is recorded after it
        wait_for(
            lambda: not _pending(stack, case_id, COORDINATION_KINDS),
            what="the coordinator's deadlines cancelled at the scheduler",
        )
        late = cw.post(f"{path}/contacts", json={"contacted_on": str(decided_on)})
        assert late.status_code == 422, late.text
        assert late.json()["type"].endswith("/coordination_ended")
        # And the case page shows it ended, with no form to record more on it
        with web_client(stack, "karen-fk") as page:
            shown = page.get(f"/ui/cases/{case_id}").text
        assert "Afsluttet" in shown
        assert f"{path}/contacts" not in shown


COORDINATION_KINDS = {"start_meeting_due", "coordination_meeting_due", "contact_due"}


def _pending(stack: Stack, case_id: str, kinds: set[str]) -> set[str]:
    with stack.client("scheduler", "ops", user="ops-1") as ops:
        rows = ok(ops.get("/deadlines", params={"case_id": case_id, "status": "pending"}))
    return {r["kind"] for r in rows} & kinds


def _contact_closed(stack: Stack, case_id: str) -> bool:
    """The first contact deadline was met (cancelled at the scheduler) and a second is set."""
    with stack.client("scheduler", "ops", user="ops-1") as ops:
        rows = ok(ops.get("/deadlines", params={"case_id": case_id, "status": "cancelled"}))
    return any(r["kind"] == "contact_due" for r in rows)


def web_client(stack: Stack, user: str) -> httpx.Client:
    """A browser-like session on the authority's pages (the session cookie is the token)."""
    token = stack.issuer.issue(user, ["caseworker"])  # type: ignore[arg-type]
    client = httpx.Client(base_url=stack.url("authority"), timeout=15)
    client.cookies.set("samspil_session", token)
    return client


def reload_until_shown(client: httpx.Client, case_id: str, text: str) -> None:
    wait_for(
        lambda: text in client.get(f"/ui/cases/{case_id}").text,
        what=f"{text!r} on the case page",
    )
