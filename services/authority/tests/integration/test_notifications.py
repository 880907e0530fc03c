"""Notifications of concern (underretninger, barnets lov §§ 133-137) through the real app:
reported by a school's system, announced to the scheduler, assessed (§ 135), a case opened
from it whose investigation counts § 20, stk. 3 from the receipt, and the receipt (§ 136)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

import samspil_contracts as wire
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from .conftest import Stack, eventually
from .flows import running_measure, sealed_for

CHILD = {"name": "Invented Underretning", "cpr": "0203134329"}
SCHOOL = {
    "kind": "school",
    "name": "Lærer Invented",
    "organisation": "Invented Skole",
    "cvr": "12345678",
}
TEXT = "Kommer ofte sulten i skole og fortæller om uro derhjemme"


def _of(kind: type[Any], notification_id: UUID) -> Any:
    def found(records: list[Any]) -> list[Any]:
        return [
            e for _, _, e in records if isinstance(e, kind) and e.notification_id == notification_id
        ]

    return found


async def _notification_records(stack: Stack, kind: type[Any], notification_id: UUID) -> Any:
    pick = _of(kind, notification_id)
    records = await stack.records(wire.topics.AUTHORITY_NOTIFICATIONS, lambda r: bool(pick(r)))
    [event] = pick(records)
    return event


async def test_a_schools_notification_is_assessed_becomes_a_case_and_gets_its_receipt(
    stack: Stack,
) -> None:
    school = await stack.token("invented-skole", "reporter")
    cw = await stack.token("cw-intake", "caseworker")
    # Given a school's system reports a concern for a child
    reported = await stack.client.post(
        "/notifications",
        json={"reporter": SCHOOL, "child": CHILD, "text": TEXT},
        headers=school,
    )
    assert reported.status_code == 201, reported.text
    notification_id = UUID(reported.json()["notification_id"])
    # Then the scheduler hears of it: ids and times only, the receipt owed to a professional
    received = await _notification_records(stack, wire.NotificationReceived, notification_id)
    assert received.receipt_owed is True
    assert received.municipality == "101"
    # And the reporter may do nothing else
    assert (await stack.client.get("/notifications", headers=school)).status_code == 403
    # When the scheduler announces the 24-hour deadline
    due = received.received_at + timedelta(hours=24)
    await stack.produce(
        wire.DeadlineScheduled(
            deadline_id=uuid4(),
            kind=wire.DeadlineKind.NOTIFICATION_ASSESSMENT_DUE,
            subject=str(notification_id),
            due_at=due,
        ),
        producer="/samspil/scheduler",
    )

    async def listed() -> dict[str, Any] | None:
        rows = (await stack.client.get("/notifications", headers=cw)).json()
        mine = [r for r in rows if r["notification_id"] == str(notification_id)]
        announced = mine and datetime.fromisoformat(mine[0]["assessment_due_at"]) == due
        return mine[0] if announced else None

    row = await eventually(listed)
    assert row["child_initials"] == "I.U."
    assert row["reporter_kind"] == "school"
    # The caseworker reads it in clear (logged) and assesses it within the 24 hours
    read = (await stack.client.get(f"/notifications/{notification_id}", headers=cw)).json()
    assert read["text"] == TEXT
    assert read["child"]["cpr"] == CHILD["cpr"]
    assessed = await stack.client.post(
        f"/notifications/{notification_id}/assessment",
        json={"in_danger": True, "acute_action_needed": False, "assessment": "Ikke akut"},
        headers=cw,
    )
    assert assessed.status_code == 200, assessed.text
    await _notification_records(stack, wire.NotificationAssessed, notification_id)
    # And opens a case from it; the investigation counts from the receipt (§ 20, stk. 3)
    opened = await stack.client.post(
        f"/notifications/{notification_id}/case",
        json={
            "parents": [
                {"name": "Invented Mor", "cpr": "1508804322", "relation": "mother"},
                {"name": "Invented Far", "cpr": "2912784323", "relation": "father"},
            ],
            "custody": {"kind": "joint"},
            "contact_person": "Karen",
        },
        headers=cw,
    )
    assert opened.status_code == 201, opened.text
    case_id = opened.json()["case_id"]
    started = await stack.client.post(f"/cases/{case_id}/investigation/start", headers=cw)
    assert started.status_code == 200, started.text

    def investigation(records: list[Any]) -> list[wire.InvestigationStarted]:
        return [
            e
            for _, _, e in records
            if isinstance(e, wire.InvestigationStarted) and str(e.case_id) == case_id
        ]

    records = await stack.records(wire.topics.AUTHORITY_CASES, lambda r: bool(investigation(r)))
    [start] = investigation(records)
    local = received.received_at.astimezone(ZoneInfo("Europe/Copenhagen")).date()
    assert start.aware_on == local
    case = (await stack.client.get(f"/cases/{case_id}", headers=cw)).json()
    assert [n["notification_id"] for n in case["notifications"]] == [str(notification_id)]
    assert case["notifications"][0]["child"]["cpr"] == "******-****"
    # And the receipt goes to the school (§ 136)
    sent = await stack.client.post(
        f"/notifications/{notification_id}/receipt", json={"channel": "other"}, headers=cw
    )
    assert sent.status_code == 200, sent.text
    await _notification_records(stack, wire.NotificationReceiptSent, notification_id)
    again = await stack.client.post(
        f"/notifications/{notification_id}/receipt", json={"channel": "other"}, headers=cw
    )
    assert again.status_code == 422
    assert again.json()["type"].endswith("/receipt_sent")
    # And nothing personal is stored in clear
    engine = create_async_engine(stack.db_url)
    try:
        async with engine.connect() as conn:
            data = await conn.scalars(
                sa.text("SELECT data::text FROM events WHERE stream_id = :s"),
                {"s": f"notification-{notification_id}"},
            )
            stored = " ".join(data)
    finally:
        await engine.dispose()
    for secret in (CHILD["cpr"], CHILD["name"], TEXT, SCHOOL["name"], SCHOOL["organisation"]):
        assert secret not in stored


async def test_an_anonymous_report_without_a_child_is_refused_and_a_citizen_owes_no_receipt(
    stack: Stack,
) -> None:
    cw = await stack.token("cw-intake", "caseworker")
    no_child = await stack.client.post(
        "/notifications",
        json={"reporter": {"kind": "anonymous"}, "text": "Råb om natten"},
        headers=cw,
    )
    assert no_child.status_code == 422
    citizen = await stack.client.post(
        "/notifications",
        json={"reporter": {"kind": "anonymous"}, "child": CHILD, "text": "Råb om natten"},
        headers=cw,
    )
    assert citizen.status_code == 201, citizen.text
    received = await _notification_records(
        stack, wire.NotificationReceived, UUID(citizen.json()["notification_id"])
    )
    assert received.receipt_owed is False


async def test_a_providers_concern_is_a_notification_and_its_acknowledgement_the_receipt(
    stack: Stack,
) -> None:
    m = await running_measure(stack)
    concern_id = uuid4()
    await stack.produce(
        wire.ConcernNotified(
            contract_id=m.contract_id,
            order_id=m.order_id,
            case_id=UUID(m.case_id),
            provider_id=m.provider,
            concern_id=concern_id,
            noticed_at=datetime.now(UTC),
            severity=wire.ConcernSeverity.URGENT,
            details=sealed_for(m.provider, "Blå mærker", concern_id),
        )
    )
    received = await _notification_records(stack, wire.NotificationReceived, concern_id)
    assert received.case_id == UUID(m.case_id)
    assert received.receipt_owed is True
    ack = await stack.client.post(f"/concerns/{concern_id}/acknowledge", headers=m.cw)
    assert ack.status_code == 200, ack.text
    await _notification_records(stack, wire.NotificationReceiptSent, concern_id)
    case = (await stack.client.get(f"/cases/{m.case_id}", headers=m.cw)).json()
    [notification] = case["notifications"]
    assert notification["reporter"]["kind"] == "provider"
    assert notification["receipt_channel"] == "provider"
    # and the case itself recorded the link (its § 20 awareness), made by the system
    timeline = (await stack.client.get(f"/cases/{m.case_id}/timeline", headers=m.cw)).json()
    links = [e for e in timeline if e["type"] == "NotificationLinked"]
    assert [(e["stream"], e["role"]) for e in links] == [(f"case-{m.case_id}", "system")]


async def test_a_concern_about_an_erased_child_records_no_notification_and_blocks_nothing(
    stack: Stack,
) -> None:
    m = await running_measure(stack)
    gone = await stack.erase(m.case_id, "Sletning efter anmodning")
    assert gone.status_code == 200, gone.text
    late, incident = uuid4(), uuid4()
    ids = {
        "contract_id": m.contract_id,
        "order_id": m.order_id,
        "case_id": UUID(m.case_id),
        "provider_id": m.provider,
    }
    await stack.produce(
        wire.ConcernNotified(
            **ids,
            concern_id=late,
            noticed_at=datetime.now(UTC),
            severity=wire.ConcernSeverity.NORMAL,
            details=sealed_for(m.provider, "Træt", late),
        )
    )
    await stack.produce(
        wire.ForceIncidentReported(
            **ids,
            incident_id=incident,
            happened_at=datetime.now(UTC),
            kind=wire.ForceKind.HOLDING_BACK,
            details=sealed_for(m.provider, "Holdt tilbage", incident),
        )
    )

    async def incident_recorded() -> bool:
        rows = await stack.client.get("/concerns", params={"case_id": m.case_id}, headers=m.cw)
        return str(incident) in {r["concern_id"] for r in rows.json()}

    # The record after it on the partition is handled: the erased child's did not block it
    assert await eventually(incident_recorded)
    rows = (await stack.client.get("/notifications", headers=m.cw)).json()
    assert str(late) not in {r["notification_id"] for r in rows}
