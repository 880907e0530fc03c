"""The tenant's sandbox, on the real broker and PostgreSQL with the dispatcher running: off
until operations enable it; then every catalogue type is triggered to the tenant's own
endpoint and Kafka topic, flagged sandbox, and the conformance kit's business flows pass on
sandbox orders, none of which reaches an authority's topic."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from provider.entrypoints.http.webhook_docs import CATALOGUE
from samspil_provider_kit.flows import run_flows
from samspil_provider_kit.local_server import serving
from samspil_provider_kit.reference_receiver import create_app
from sqlalchemy.ext.asyncio import create_async_engine

from .conftest import new_tenant
from .tenant_kafka_tools import notifications

pytestmark = pytest.mark.integration
SECRET = "whsec_sandbox_test_0123456789abcdef"
ACCEPT = {"expected_start": "2027-01-04", "contact": {"name": "C", "email": "c@x.invalid"}}


def code(response: Any) -> str:
    return str(response.json()["type"]).rsplit("/", 1)[-1]


async def outbox_topics(settings: Any) -> list[str]:
    engine = create_async_engine(settings.database_url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(sa.text("SELECT topic FROM outbox"))
            return [row.topic for row in rows]
    finally:
        await engine.dispose()


async def enable(client: Any, ops: dict[str, str], tenant: Any, on: bool = True) -> None:
    url = f"/admin/tenants/{tenant.tenant_id}/sandbox"
    response = await client.put(url, json={"enabled": on}, headers=ops)
    assert response.status_code == 204, response.text


async def test_the_sandbox_is_off_until_operations_enable_it(client, ops) -> None:
    tenant = await new_tenant(client, "Sandbox Off ApS")
    h = tenant.headers
    # Given a new tenant: its sandbox is off, and every sandbox action says so
    assert (await client.get("/sandbox", headers=h)).json() == {"enabled": False}
    refused = await client.post("/sandbox/events", json={"type": "order.placed"}, headers=h)
    assert (refused.status_code, code(refused)) == (403, "sandbox_not_enabled")
    assert code(await client.post("/sandbox/orders", headers=h)) == "sandbox_not_enabled"
    # When the tenant tries to enable it itself, it may not
    own = await client.put(
        f"/admin/tenants/{tenant.tenant_id}/sandbox", json={"enabled": True}, headers=h
    )
    assert own.status_code in (401, 403)
    # Then only operations turn it on, and off again
    await enable(client, ops, tenant)
    assert (await client.get("/sandbox", headers=h)).json() == {"enabled": True}
    await enable(client, ops, tenant, on=False)
    assert (await client.post("/sandbox/orders", headers=h)).status_code == 403


async def test_every_type_reaches_the_tenants_endpoint_and_topic_flagged(
    stack, client, ops
) -> None:
    tenant = await new_tenant(client, "Sandbox Events ApS")
    await enable(client, ops, tenant)
    receiver = create_app([SECRET])
    with serving(receiver) as base_url:
        body = {"url": f"{base_url}/webhooks", "secret": SECRET}
        assert (
            await client.put("/webhooks/endpoint", json=body, headers=tenant.headers)
        ).status_code == 204
        # When the tenant triggers every type of the catalogue, without any caseworker
        for event_type in CATALOGUE:
            sent = await client.post(
                "/sandbox/events", json={"type": event_type}, headers=tenant.headers
            )
            assert sent.status_code == 202, sent.text
            assert sent.json()["data"]["sandbox"] is True

        # Then its receiver gets each, signed, with typed data flagged sandbox
        async def all_arrived() -> Any:
            got = receiver.state.received
            return list(got) if len(got) == len(CATALOGUE) else None

        received = await stack.eventually(all_arrived)
    assert {message["type"] for message in received} == set(CATALOGUE)
    for message in received:
        model = CATALOGUE[message["type"]][0]
        model.model_validate(message["data"])  # the catalogue's typed data
        assert message["data"]["sandbox"] is True
    # And its own Kafka topic has the same, flagged too
    mirrored = await notifications(
        stack.kafka, tenant.tenant_id, lambda m: getattr(m, "type", "") == "child.erased"
    )
    assert mirrored[0].data["sandbox"] is True


async def test_the_kits_business_flows_pass_and_reach_no_authority(
    stack, client, ops, settings
) -> None:
    tenant = await new_tenant(client, "Sandbox Flows ApS")
    await enable(client, ops, tenant)
    before = await outbox_topics(settings)
    # When the conformance kit plays every business flow on the tenant's sandbox
    key, transport = tenant.headers["X-Api-Key"], client._transport  # the app in process
    results = await run_flows("http://provider", key, transport=transport)
    # Then each passes
    assert [(r.name, r.detail) for r in results if not r.passed] == []
    assert len(results) == 6
    # And the tenant's real lists hold none of it
    for real in ("/orders", "/contracts", "/claims"):
        assert (await client.get(real, headers=tenant.headers)).json() == [], real
    # And nothing went to an authority: only the tenant's own notifications were queued
    new = (await outbox_topics(settings))[len(before) :]
    assert new
    assert all(".tenant." in topic and topic.endswith("notifications.v1") for topic in new)


async def test_sandbox_answers_follow_the_real_rules(client, ops) -> None:
    tenant = await new_tenant(client, "Sandbox Rules ApS")
    h = tenant.headers
    await enable(client, ops, tenant)
    order = (await client.post("/sandbox/orders", headers=h)).json()
    url = f"/sandbox/orders/{order['order_id']}"
    # Given a declined sandbox order
    declined = await client.post(f"{url}/decline", json={"reason": "no_capacity"}, headers=h)
    assert declined.json()["status"] == "declined"
    # Then the same decline again is answered as the first; an accept is a conflict
    again = await client.post(f"{url}/decline", json={"reason": "no_capacity"}, headers=h)
    assert again.json() == declined.json()
    conflict = await client.post(f"{url}/accept", json=ACCEPT, headers=h)
    assert (conflict.status_code, code(conflict)) == (409, "order_already_answered")
    # And no contract is offered for it
    assert (await client.get(url, headers=h)).json()["contract_id"] is None
    missing = await client.get(f"/sandbox/contracts/{uuid.uuid4()}", headers=h)
    assert (missing.status_code, code(missing)) == (404, "not_found")
    # A fresh one, accepted: countersigning with a wrong hash or before signing a report fails
    other = (await client.post("/sandbox/orders", headers=h)).json()
    await client.post(f"/sandbox/orders/{other['order_id']}/accept", json=ACCEPT, headers=h)
    seen = (await client.get(f"/sandbox/orders/{other['order_id']}", headers=h)).json()
    contract = f"/sandbox/contracts/{seen['contract_id']}"
    wrong = await client.post(
        f"{contract}/countersign", json={"version": 1, "terms_sha256": "0" * 64}, headers=h
    )
    assert code(wrong) == "terms_hash_mismatch"
    claim = {
        "contract_id": seen["contract_id"],
        "claim_number": "S-1",
        "period_start": "2027-01-01",
        "period_end": "2027-01-31",
        "lines": [{"description": "h", "units": 1, "unit_price_oere": 100}],
    }
    early = await client.post("/sandbox/claims", json=claim, headers=h)
    assert code(early) == "contract_not_in_force"
