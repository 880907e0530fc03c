"""The follow-ups a provider reports before (issue 23): learnt from the scheduler's
deadlines through the real broker and database, listed to the tenant holding the order
only, and the only ``followup_ref`` a status report may name."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from samspil_contracts import (
    DeadlineClosed,
    DeadlineKind,
    DeadlineOutcome,
    DeadlinePhase,
    DeadlineReached,
    topics,
)
from samspil_contracts.tenant_messages import TenantNotification
from samspil_contracts.testing import GOAL_ID

from .contract_tools import contract_for, follow_up_due
from .tenant_kafka_tools import notifications

pytestmark = pytest.mark.integration
REPORT = DeadlineKind.STATUS_REPORT_DUE


def report(followup_ref: str) -> dict[str, object]:
    return {
        "followup_ref": followup_ref,
        "period_start": "2025-04-01",
        "period_end": "2025-06-15",
        "per_goal": [{"goal_id": str(GOAL_ID), "progress": "some_progress", "text": "t"}],
        "narrative": "Barnet kommer i skole",  # invented
    }


async def test_the_tenant_lists_the_follow_ups_and_reports_only_to_one_it_knows(
    stack, tenant_a, tenant_b
):
    # Given a contract of tenant A, and the scheduler's first follow-up (1 July 2025,
    # 09:00 Copenhagen) with its status report due a week before, each delivered twice
    order = await stack.placed(tenant_a)
    contract = await contract_for(stack, tenant_a, order)
    follow_up = follow_up_due(contract, datetime(2025, 7, 1, 7, tzinfo=UTC))
    due_report = follow_up_due(contract, datetime(2025, 6, 24, 7, tzinfo=UTC), REPORT)
    for event in (follow_up, due_report):
        event_id = await stack.kafka.send(event)
        await stack.kafka.send(event, event_id=event_id)
    listed = f"/contracts/{contract.contract_id}/follow-ups"

    async def with_report() -> list[dict[str, Any]] | None:
        rows = await stack.get(listed, tenant_a, ok=True)
        return rows if rows and rows[0]["report_due_on"] else None

    # When tenant A lists the contract's follow-ups, and the order's
    rows = await stack.eventually(with_report)
    by_order = (await stack.get(f"/orders/{order.order_id}/follow-ups", tenant_a)).json()

    # Then it sees the one follow-up, its ref, its date and the report's due date
    assert by_order == rows
    assert [(r["followup_ref"], r["due_on"], r["status"]) for r in rows] == [
        (str(follow_up.deadline_id), "2025-07-01", "open")
    ]
    assert (rows[0]["report_due_on"], rows[0]["report_status"]) == ("2025-06-24", "open")
    assert rows[0]["order_id"] == str(order.order_id)
    # And tenant B sees neither list (as if the order and the contract did not exist)
    assert (await stack.get(listed, tenant_b)).status_code == 404
    assert (await stack.get(f"/orders/{order.order_id}/follow-ups", tenant_b)).status_code == 404

    # When tenant A reports with an invented ref, and with the follow-up's ref of another
    # contract's follow-up (its other order)
    reports = f"/contracts/{contract.contract_id}/status-reports"
    other = await contract_for(stack, tenant_a, await stack.placed(tenant_a))
    elsewhere = follow_up_due(other, datetime(2025, 7, 1, 7, tzinfo=UTC))
    await stack.kafka.send(elsewhere)
    await stack.eventually(
        lambda: stack.get(f"/contracts/{other.contract_id}/follow-ups", tenant_a, ok=True)
    )
    for invented in ("FU-1", str(uuid.uuid4()), str(elsewhere.deadline_id)):
        refused = await stack.http.post(reports, json=report(invented), headers=tenant_a.headers)
        # Then each is refused as problem+json with Danish and English texts
        assert refused.status_code == 422, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")
        problem = refused.json()
        assert problem["type"].endswith("/unknown_followup_ref")
        assert set(problem["texts"]) == {"da", "en"}

    # When it reports with the ref it was given
    sent = await stack.http.post(
        reports, json=report(rows[0]["followup_ref"]), headers=tenant_a.headers
    )
    # Then the report goes out to the authority
    assert sent.status_code == 201, sent.text
    report_id = uuid.UUID(sent.json()["report_id"])
    await stack.kafka.event(
        topics.PROVIDER_DELIVERY, lambda e: getattr(e, "report_id", None) == report_id
    )


async def test_a_met_report_and_a_cancelled_follow_up_show_as_such(stack, tenant_a):
    # Given a listed follow-up and its status report
    contract = await contract_for(stack, tenant_a, await stack.placed(tenant_a))
    follow_up = follow_up_due(contract, datetime(2025, 7, 1, 7, tzinfo=UTC))
    due_report = follow_up_due(contract, datetime(2025, 6, 24, 7, tzinfo=UTC), REPORT)
    await stack.kafka.send(follow_up)
    await stack.kafka.send(due_report)
    listed = f"/contracts/{contract.contract_id}/follow-ups"

    async def shown(status: str, report_status: str) -> list[dict[str, Any]] | None:
        rows = await stack.get(listed, tenant_a, ok=True) or []
        found = [(r["status"], r["report_status"]) for r in rows]
        return rows if found == [(status, report_status)] else None

    await stack.eventually(lambda: shown("open", "open"))

    def closed(deadline: Any, outcome: DeadlineOutcome, reason: str) -> DeadlineClosed:
        return DeadlineClosed(
            deadline_id=deadline.deadline_id, kind=deadline.kind, subject=deadline.subject,
            outcome=outcome, reason=reason, closed_at=datetime.now(UTC),
        )  # fmt: skip

    # When the scheduler met the report and cancelled the follow-up (the measure ended)
    await stack.kafka.send(closed(due_report, DeadlineOutcome.MET, "status report received"))
    await stack.kafka.send(closed(follow_up, DeadlineOutcome.CANCELLED, "measure ended"))
    # Then the tenant sees both closed, the follow-up still named by its ref
    rows = await stack.eventually(lambda: shown("cancelled", "met"))
    assert rows[0]["followup_ref"] == str(follow_up.deadline_id)


async def test_the_status_report_reminder_names_the_follow_up_it_prepares(stack, tenant_a):
    # Given a contract's follow-up and its status report, listed
    contract = await contract_for(stack, tenant_a, await stack.placed(tenant_a))
    follow_up = follow_up_due(contract, datetime(2025, 7, 1, 7, tzinfo=UTC))
    due_report = follow_up_due(contract, datetime(2025, 6, 24, 7, tzinfo=UTC), REPORT)
    await stack.kafka.send(follow_up)
    await stack.kafka.send(due_report)
    listed = f"/contracts/{contract.contract_id}/follow-ups"

    async def with_report() -> list[dict[str, Any]] | None:
        rows = await stack.get(listed, tenant_a, ok=True)
        return rows if rows and rows[0]["report_due_on"] else None

    await stack.eventually(with_report)
    # When the scheduler fires the status report's deadline
    fired = DeadlineReached(
        deadline_id=due_report.deadline_id, kind=REPORT, phase=DeadlinePhase.DUE,
        subject=due_report.subject, contract_id=contract.contract_id,
        provider_id=tenant_a.tenant_id, due_at=due_report.due_at, fired_at=datetime.now(UTC),
    )  # fmt: skip
    await stack.kafka.send(fired)

    # Then the tenant is told, with the followup_ref to report with
    def told(m: Any) -> bool:
        return (
            isinstance(m, TenantNotification)
            and m.type == "status_report.due"
            and m.data.get("deadline_id") == str(due_report.deadline_id)
        )

    found = await notifications(stack.kafka, tenant_a.tenant_id, told)
    assert [n.data.get("followup_ref") for n in found] == [str(follow_up.deadline_id)]
