"""Barnets lov from the first notice to the parties' letters, through the three services.

A school's system reports a concern (underretning, § 133); the scheduler owns the 24-hour
assessment (§ 135) and the 6-working-day receipt (§ 136) and the authority shows both; the
caseworker assesses within the 24 hours and opens a case; the receipt reaches the school by
Digital Post in time; the investigation's 4 months (§ 20, stk. 3) count from the receipt;
the decision goes in a letter to the mother, the father and the 12-year-old child (§ 3),
each a PDF on the case and a Digital Post message; the case page shows when each party was
notified. (The lead joins law-decide's decision, plan and follow-up steps to this.)
"""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.browser import audited, chromium, sign_in
from tests.e2e.conftest import Stack
from tests.e2e.flows import ok
from tests.harness import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]

DENMARK = ZoneInfo("Europe/Copenhagen")
CHILD = {"name": "Sofie Østergaard", "cpr": "1506144328"}  # invented; born 15 June 2014
MOTHER = {"name": "Maja Østergaard", "cpr": "0304854326", "relation": "mother"}
FATHER = {"name": "Anders Østergaard", "cpr": "1109834325", "relation": "father"}
SCHOOL = {
    "kind": "school",
    "name": "Lærer Bent Ibsen",
    "organisation": "Søndre Skole",
    "contact": "kontor@soendre-skole.example",
    "cvr": "87654321",
}
CONCERN = "Sofie har i tre uger virket bange for at gå hjem og spiser ikke i frikvartererne."


def scheduled(stack: Stack, notification_id: str, *statuses: str) -> dict[str, Any]:
    """The notification's deadline phases at the scheduler, by kind and phase, in any of
    ``statuses`` (all by default: the shared stack's clock may have run ahead, so a phase
    may have fired already)."""
    found: dict[str, Any] = {}
    with _scheduler(stack) as scheduler:
        for status in statuses or ("pending", "done", "cancelled"):
            params: dict[str, str | int] = {"status": status, "limit": 1000}
            for r in ok(scheduler.get("/deadlines", params=params)):
                if r["subject_id"] == notification_id:
                    found[f"{r['kind']}/{r['phase']}"] = r
    return found


def test_underretning_from_a_school_to_decision_letters_to_every_party(stack: Stack) -> None:
    with (
        stack.client("authority", "reporter", user="soendre-skole") as school,
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
    ):
        # A school reports a concern through the authority's API
        reported = ok(
            school.post(
                "/notifications",
                json={"reporter": SCHOOL, "child": CHILD, "text": CONCERN},
            ),
            201,
        )
        nid = str(reported["notification_id"])
        received = datetime.fromisoformat(reported["received_at"])

        # The scheduler owns both deadlines: 24 clock hours, and 6 working days for the receipt
        deadlines = wait_for(
            lambda: (found := scheduled(stack, nid)) and len(found) == 5 and found,
            what="the notification's deadlines at the scheduler",
        )
        assessment = deadlines["notification_assessment_due/due"]
        assert datetime.fromisoformat(assessment["due_at"]) == received + timedelta(hours=24)
        receipt_due = datetime.fromisoformat(deadlines["notification_receipt_due/due"]["due_at"])
        assert receipt_due.astimezone(DENMARK).date() > received.astimezone(DENMARK).date()
        # ... and the authority shows them to the intake as the scheduler set them
        row = wait_for(
            lambda: next(
                (
                    r
                    for r in ok(cw.get("/notifications"))
                    if r["notification_id"] == nid and r["receipt_due_at"]
                ),
                None,
            ),
            what="the scheduler's deadlines on the authority's intake list",
        )
        assert datetime.fromisoformat(row["receipt_due_at"]) == receipt_due

        # The caseworker assesses within the 24 hours (§ 135) and opens a case from it
        ok(
            cw.post(
                f"/notifications/{nid}/assessment",
                json={
                    "in_danger": True,
                    "acute_action_needed": False,
                    "assessment": "Bekymrende, ikke akut: børnefaglig undersøgelse indledes.",
                },
            )
        )
        case_id = str(
            ok(
                cw.post(
                    f"/notifications/{nid}/case",
                    json={
                        "parents": [MOTHER, FATHER],
                        "custody": {"kind": "joint"},
                        "contact_person": "Karen Jensen (socialrådgiver)",
                    },
                ),
                201,
            )["case_id"]
        )
        # The school gets its receipt by Digital Post, within the 6 working days (§ 136)
        ok(cw.post(f"/notifications/{nid}/receipt", json={"channel": "digital_post"}))
        notification = ok(cw.get(f"/notifications/{nid}"))
        sent = datetime.fromisoformat(notification["receipt_sent_at"])
        assert sent <= receipt_due
        receipts = [h for h in _messages(stack) if h["recipient"]["idType"] == "CVR"]
        assert [(r["recipient"]["id"], r["label"]) for r in receipts] == [
            ("87654321", "Kvittering for modtagelse af underretning")
        ]
        # Both duties met: the scheduler stops both deadlines
        wait_for(
            lambda: (
                {"notification_assessment_due/due", "notification_receipt_due/due"}
                <= set(scheduled(stack, nid, "cancelled"))
            ),
            what="the assessment and receipt deadlines resolved",
        )

        # The investigation: its 4 months run from the notification's receipt (§ 20, stk. 3)
        ok(cw.post(f"/cases/{case_id}/investigation/start"))

        def investigation_limit() -> dict[str, Any] | None:
            # Any status: on the shared stack's clock, months ahead, the limit fires at once
            with _scheduler(stack) as scheduler:
                rows = [
                    d
                    for status in ("pending", "done")
                    for d in ok(
                        scheduler.get("/deadlines", params={"case_id": case_id, "status": status})
                    )
                ]
            return next((d for d in rows if d["kind"] == "investigation_limit"), None)

        limit = wait_for(investigation_limit, what="the investigation limit at the scheduler")
        limit_day = datetime.fromisoformat(limit["due_at"]).astimezone(DENMARK).date()
        aware = received.astimezone(DENMARK).date()
        assert (limit_day - aware).days in range(115, 124)  # 4 months, rolled to a working day
        ok(
            cw.post(
                f"/cases/{case_id}/investigation/conclude",
                json={"summary": "Støtte i hjemmet anbefales"},
            )
        )

        # The decision, approved by the team leader, goes to each party by Digital Post (§ 3)
        decision_id = str(
            ok(
                cw.post(
                    f"/cases/{case_id}/decisions",
                    json={
                        "measure": "sel_52_3_2",
                        "assessment": "Familien har brug for støtte til faste rammer i hjemmet.",
                        "purpose": "Faste rammer i hjemmet",
                        "expected_duration_months": 6,
                        "consent": {
                            "given_by": ["mother", "father"],
                            "given_on": str(date.today() - timedelta(days=1)),
                        },
                        "plan_made": True,
                    },
                ),
                201,
            )["decision_id"]
        )
        ok(tl.post(f"/cases/{case_id}/decisions/{decision_id}/approve"))
        case = ok(cw.get(f"/cases/{case_id}"))
        letters = {x["recipient"]: x for x in case["letters"] if x["decision_id"] == decision_id}
        assert set(letters) == {"child", "mother", "father"}
        assert set(case["decisions"][0]["communicated_to"]) == {"child", "mother", "father"}
        for recipient, letter in letters.items():
            pdf = cw.get(f"/cases/{case_id}/documents/{letter['document_id']}")
            assert pdf.headers["content-type"] == "application/pdf"
            text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
            assert "Klagevejledning" in text
            assert "Ankestyrelsen" in text
            header, delivered = _delivered(stack, letter["message_id"])
            assert header["legalNotification"] is True
            assert header["recipient"]["idType"] == "CPR"
            assert delivered == pdf.content
            if recipient == "child":
                assert "fyldt 10 år" in text

    # The case page shows each party and when they were notified
    with chromium() as browser:
        page = browser.new_page(bypass_csp=True)  # the axe audit is injected inline
        base = stack.url("authority")
        sign_in(page, base, "karen", "caseworker")
        page.goto(f"{base}/ui/cases/{case_id}")
        table = page.locator(f"#letters-{decision_id}")
        for party in ("child", "mother", "father"):
            expect(table.locator(f".party-{party} time")).to_have_count(1)
        expect(table).to_contain_text("Barnet (part fra 10 år, § 3)")
        expect(page.locator("#investigation-limit")).to_contain_text("§ 20, stk. 3")
        audited(page, "case-letters-to-parties")
        page.goto(f"{base}/ui/notifications/{nid}")
        expect(page.locator("#receipt-sent")).to_contain_text("Digital Post")
        audited(page, "notification-assessed-and-receipted")


def _scheduler(stack: Stack) -> httpx.Client:
    return stack.client("scheduler", "caseworker", user="karen")


def _messages(stack: Stack) -> list[dict[str, Any]]:
    return [
        json.loads((folder / "message.json").read_text(encoding="utf-8"))
        for folder in sorted(stack.digital_post.iterdir())
        if (folder / "message.json").exists()
    ]


def _delivered(stack: Stack, message_id: str) -> tuple[dict[str, Any], bytes]:
    folder = stack.digital_post / message_id
    header = json.loads((folder / "message.json").read_text(encoding="utf-8"))
    [pdf] = [p for p in folder.iterdir() if p.suffix == ".pdf"]
    return header, pdf.read_bytes()
