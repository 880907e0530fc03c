"""Contracts, reports and claims end to end, and tenant isolation across every endpoint."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from samspil_contracts import (
    ClaimSubmitted,
    ContractCountersigned,
    StatusReportSubmitted,
    topics,
)
from samspil_contracts.testing import GOAL_ID, TERMS
from servicekit.crypto import unseal

from .contract_tools import announced_follow_up, contract_for

pytestmark = pytest.mark.integration
TODAY = datetime.now(UTC).date().isoformat()


@pytest.fixture(scope="module")
async def contract(stack, tenant_a):
    """An accepted order of tenant A with an individual contract offered for it."""
    return await contract_for(stack, tenant_a, await stack.placed(tenant_a))


def related(attribute: str, value: object):
    return lambda event: getattr(event, attribute, None) == value


async def test_countersigning_publishes_the_offer_hash_and_puts_the_contract_in_force(
    stack, tenant_a, contract
):
    path = f"/contracts/{contract.contract_id}"
    response = await stack.http.post(
        f"{path}/countersign", json={"version": 1}, headers=tenant_a.headers
    )
    assert response.status_code == 200, response.text
    _, signed = await stack.kafka.event(
        topics.PROVIDER_CONTRACTS, related("contract_id", contract.contract_id)
    )
    assert isinstance(signed, ContractCountersigned)
    assert (signed.version, signed.terms_sha256, signed.provider_id) == (
        1,
        TERMS,
        tenant_a.tenant_id,
    )
    assert (await stack.get(path, tenant_a)).json()["in_force"] is True


async def test_a_status_report_goes_out_with_the_contract_scale_and_a_sealed_narrative(
    stack, tenant_a, contract
):
    await stack.http.post(
        f"/contracts/{contract.contract_id}/countersign",
        json={"version": 1},
        headers=tenant_a.headers,
    )
    ref = await announced_follow_up(stack, tenant_a, contract)
    body = {
        "followup_ref": ref,
        "period_start": "2025-04-01",
        "period_end": "2025-06-15",
        "per_goal": [{"goal_id": str(GOAL_ID), "progress": "clear_progress", "text": "Goes daily"}],
        "narrative": "The child attends school every day now.",
    }
    response = await stack.http.post(
        f"/contracts/{contract.contract_id}/status-reports", json=body, headers=tenant_a.headers
    )
    assert response.status_code == 201, response.text
    report_id = uuid.UUID(response.json()["report_id"])
    _, report = await stack.kafka.event(topics.PROVIDER_DELIVERY, related("report_id", report_id))
    assert isinstance(report, StatusReportSubmitted)
    assert [p.progress.value for p in report.progress] == ["good_progress"]
    sealed = report.narrative.model_dump()
    if sealed["kid"].startswith("child:"):  # the child's key, once its grant has arrived
        child = uuid.UUID(sealed["kid"].removeprefix("child:"))
        key = {sealed["kid"]: stack.child_key(child)}
        assert unseal(key, sealed, str(report_id).encode()).decode() == body["narrative"]
    else:
        assert stack.keys.unseal(tenant_a.tenant_id, sealed, report_id) == body["narrative"]


async def test_a_claim_goes_out_and_its_number_is_unique_per_tenant(stack, tenant_a, contract):
    body = {
        "contract_id": str(contract.contract_id),
        "claim_number": "INV-2025-001",
        "period_start": "2025-04-01",
        "period_end": "2025-04-30",
        "lines": [{"description": "Hours", "units": 4, "unit_price_oere": 50_000}],
    }
    response = await stack.http.post("/claims", json=body, headers=tenant_a.headers)
    assert response.status_code == 201, response.text
    claim_id = uuid.UUID(response.json()["claim_id"])
    _, claim = await stack.kafka.event(topics.PROVIDER_CLAIMS, related("claim_id", claim_id))
    assert isinstance(claim, ClaimSubmitted)
    assert claim.total_ore == 200_000
    again = await stack.http.post("/claims", json=body, headers=tenant_a.headers)
    assert again.status_code == 422
    assert again.json()["type"].endswith("/duplicate_claim_number")
    listed = (await stack.get("/claims", tenant_a)).json()
    assert [c["claim_number"] for c in listed] == ["INV-2025-001"]


def scoped_requests(order_id, contract_id):
    """Every tenant-scoped endpoint that names a resource, with a valid body."""
    o, c = f"/orders/{order_id}", f"/contracts/{contract_id}"
    answer = {
        "expected_start": "2025-04-01",
        "contact": {"name": "C", "email": "c@example.invalid"},
    }
    details = {
        "contract_id": str(contract_id),
        "details": "x",
        "noticed_at": "2025-05-01T10:00:00Z",
        "happened_at": "2025-05-01T10:00:00Z",
        "urgency": "normal",
        "kind": "holding_back",
    }
    return [
        ("GET", o, None),
        ("POST", f"{o}/accept", answer),
        ("POST", f"{o}/decline", {"reason": "no_capacity"}),
        ("GET", c, None),
        ("POST", f"{c}/countersign", {"version": 1}),
        ("POST", f"{c}/treatment-plan", {"items": [{"goal_id": str(GOAL_ID), "activity": "Talk"}]}),
        ("POST", f"{c}/delivery/start", {"on": "2025-04-01"}),
        ("POST", f"{c}/delivery/stop", {"on": "2025-04-02", "reason": "Done"}),
        ("POST", f"{c}/sessions", {"on": TODAY, "minutes": 60}),
        ("GET", f"{c}/deviation", None),
        (
            "POST",
            f"{c}/status-reports",
            {
                "followup_ref": "F",
                "period_start": "2025-04-01",
                "period_end": "2025-04-30",
                "narrative": "n",
                "per_goal": [{"goal_id": str(GOAL_ID), "progress": "unchanged", "text": "t"}],
            },
        ),
        ("POST", "/concerns", details),
        ("POST", "/incidents", details),
        (
            "POST",
            "/claims",
            {
                "contract_id": str(contract_id),
                "claim_number": "X-1",
                "period_start": "2025-04-01",
                "period_end": "2025-04-30",
                "lines": [{"description": "h", "units": 1, "unit_price_oere": 50_000}],
            },
        ),
        ("POST", f"/webhooks/deliveries/{uuid.uuid4()}/redeliver", None),
    ]


async def test_another_tenants_resources_are_not_found_on_every_endpoint(
    stack, tenant_a, tenant_b, contract
):
    order_id = (await stack.placed(tenant_a)).order_id
    for method, path, body in scoped_requests(order_id, contract.contract_id):
        response = await stack.http.request(method, path, json=body, headers=tenant_b.headers)
        assert response.status_code == 404, (method, path, response.text)
        assert response.json()["type"].endswith("/not_found")


UNSCOPED = [
    ("GET", "/orders"),
    ("GET", "/contracts"),
    ("GET", "/claims"),
    ("GET", "/reminders"),
    ("GET", "/access-log"),
    ("GET", "/webhooks/deliveries"),
    ("PUT", "/material"),
    ("PUT", "/webhooks/endpoint"),
    ("GET", "/webhooks/endpoint"),
    ("DELETE", "/webhooks/endpoint"),
    ("POST", "/webhooks/endpoint/test"),
    ("POST", "/webhooks/endpoint/deactivate"),
    ("POST", "/webhooks/deliveries/redeliver"),
]


async def test_without_a_key_every_endpoint_is_unauthenticated(stack, tenant_a, contract):
    order_id = (await stack.placed(tenant_a)).order_id
    requests = scoped_requests(order_id, contract.contract_id) + [(m, p, None) for m, p in UNSCOPED]
    for method, path, body in requests:
        response = await stack.http.request(method, path, json=body)
        assert response.status_code == 401, (method, path)
        bad = await stack.http.request(method, path, json=body, headers={"X-Api-Key": "spk_nope"})
        assert bad.status_code == 401, (method, path)


async def test_a_rotated_key_works_alongside_the_old_until_the_old_is_revoked(stack, tenant_b, ops):
    # Given a second key issued for the tenant
    base = f"/admin/tenants/{tenant_b.tenant_id}/api-keys"
    issued = await stack.http.post(base, headers=ops)
    assert issued.status_code == 201
    new = {"X-Api-Key": issued.json()["api_key"]}
    # Then both keys work
    for headers in (tenant_b.headers, new):
        assert (await stack.http.get("/orders", headers=headers)).status_code == 200
    # When the old key is revoked, then only the new one works
    revoked = await stack.http.delete(f"{base}/{tenant_b.key_id}", headers=ops)
    assert revoked.status_code == 204
    assert (await stack.http.get("/orders", headers=tenant_b.headers)).status_code == 401
    assert (await stack.http.get("/orders", headers=new)).status_code == 200
    tenant_b.headers = new  # later tests in this module act with the live key
    # And tenant administration needs the ops role
    refused = await stack.http.post(base, headers=new)
    assert refused.status_code == 401
