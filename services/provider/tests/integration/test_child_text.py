"""What a provider writes about a child (narrative, concern, use of force) is sealed with
the child's own key: readable by the tenant until the authority erases the child, then the
erased marker, and nothing new is written about the child."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest
from samspil_contracts import (
    ChildDataErased,
    ConcernNotified,
    StatusReportSubmitted,
    topics,
)
from samspil_contracts.testing import GOAL_ID
from servicekit.crypto import unseal

from .contract_tools import announced_follow_up, contract_for

pytestmark = pytest.mark.integration

DETAILS = "Barnet fortalte om uro i hjemmet"  # invented
NARRATIVE = "Barnet kommer i skole de fleste dage"


def report(followup_ref: str, narrative: str = NARRATIVE) -> dict[str, object]:
    return {
        "followup_ref": followup_ref,
        "period_start": "2025-04-01",
        "period_end": "2025-06-15",
        "per_goal": [{"goal_id": str(GOAL_ID), "progress": "some_progress", "text": "t"}],
        "narrative": narrative,
    }


def concern(contract_id: uuid.UUID) -> dict[str, object]:
    now = datetime.now(UTC).isoformat()
    return {
        "contract_id": str(contract_id),
        "urgency": "high",
        "noticed_at": now,
        "details": DETAILS,
    }


async def test_a_childs_texts_open_with_its_key_until_it_is_erased(stack, tenant_a):
    # Given a contract on an order whose child key the tenant holds
    child_id = uuid.uuid4()
    order = await stack.placed(tenant_a, child_id)
    why = {"reason": "wait for the key"}

    async def keyed() -> bool:
        path = f"/orders/{order.order_id}/reveal"
        return (await stack.http.post(path, json=why, headers=tenant_a.headers)).is_success

    await stack.eventually(keyed)
    contract = await contract_for(stack, tenant_a, order)
    ref = await announced_follow_up(stack, tenant_a, contract)
    # When the tenant reports on the child and notifies a concern
    reports = f"/contracts/{contract.contract_id}/status-reports"
    sent = await stack.http.post(reports, json=report(ref), headers=tenant_a.headers)
    assert sent.status_code == 201, sent.text
    report_id = uuid.UUID(sent.json()["report_id"])
    noted = await stack.http.post(
        "/concerns", json=concern(contract.contract_id), headers=tenant_a.headers
    )
    assert noted.status_code == 201, noted.text
    concern_id = uuid.UUID(noted.json()["concern_id"])
    # Then both go out sealed with the child's key, bound to their own ids
    key = {f"child:{child_id}": stack.child_key(child_id)}
    _, narrative = await stack.kafka.event(
        topics.PROVIDER_DELIVERY, lambda e: getattr(e, "report_id", None) == report_id
    )
    assert isinstance(narrative, StatusReportSubmitted)
    assert narrative.narrative.kid == f"child:{child_id}"
    assert (
        unseal(key, narrative.narrative.model_dump(), str(report_id).encode()) == NARRATIVE.encode()
    )
    _, notified = await stack.kafka.event(
        topics.PROVIDER_DELIVERY, lambda e: getattr(e, "concern_id", None) == concern_id
    )
    assert isinstance(notified, ConcernNotified)
    assert unseal(key, notified.details.model_dump(), str(concern_id).encode()) == DETAILS.encode()
    # And the tenant reads its concern in clear
    seen = (await stack.get(f"/concerns/{concern_id}", tenant_a)).json()
    assert (seen["details"], seen["kind"]) == (DETAILS, "notification_of_concern")
    # When the authority erases the child
    await stack.kafka.send(ChildDataErased(case_id=order.case_id, child_id=child_id))

    async def erased() -> bool:
        return bool(
            (await stack.get(f"/concerns/{concern_id}", tenant_a)).json()["details"] == "[erased]"
        )

    # Then the concern reads as erased, and nothing new about the child is accepted
    assert await stack.eventually(erased)
    again = await stack.http.post(reports, json=report(ref, "later"), headers=tenant_a.headers)
    assert again.status_code == 422
    assert again.headers["content-type"].startswith("application/problem+json")
    assert again.json()["type"].endswith("/child_erased")
    refused = await stack.http.post(
        "/incidents",
        json={
            **concern(contract.contract_id),
            "kind": "physical_restraint",
            "happened_at": datetime.now(UTC).isoformat(),
        },
        headers=tenant_a.headers,
    )
    assert refused.status_code == 422, refused.text
    assert refused.json()["type"].endswith("/child_erased")


async def test_before_the_key_arrives_the_transport_key_seals(stack, tenant_a):
    # Given a contract on an order whose child key has not arrived (another topic)
    order = stack.order(tenant_a)
    await stack.kafka.send(order)
    await stack.eventually(lambda: stack.get(f"/orders/{order.order_id}", tenant_a, ok=True))
    contract = await contract_for(stack, tenant_a, order)
    # When the tenant notifies a concern (the duty to notify never waits on a key)
    noted = await stack.http.post(
        "/concerns", json=concern(contract.contract_id), headers=tenant_a.headers
    )
    assert noted.status_code == 201, noted.text
    concern_id = uuid.UUID(noted.json()["concern_id"])
    # Then it goes out under the transport key, and the tenant still reads it
    _, notified = await stack.kafka.event(
        topics.PROVIDER_DELIVERY, lambda e: getattr(e, "concern_id", None) == concern_id
    )
    sealed = notified.details.model_dump()
    assert sealed["kid"].startswith("transport:")
    assert stack.keys.unseal(tenant_a.tenant_id, sealed, concern_id) == DETAILS
    assert (await stack.get(f"/concerns/{concern_id}", tenant_a)).json()["details"] == DETAILS
    assert json.dumps(sealed).find(DETAILS) == -1
