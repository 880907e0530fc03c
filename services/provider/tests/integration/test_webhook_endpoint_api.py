"""A tenant manages its webhook endpoint over REST (the app on the real broker and
PostgreSQL, its dispatcher running): read, test ping to a real receiver, deactivate,
delete, the log filtered by status, and bulk redelivery after an outage."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from samspil_provider_kit.local_server import serving
from samspil_provider_kit.reference_receiver import create_app
from sqlalchemy.ext.asyncio import create_async_engine

from .conftest import new_tenant

pytestmark = pytest.mark.integration

SECRET = "whsec_api_test_0123456789abcdefgh"
PROBLEM = "application/problem+json"


def problem(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["type"].endswith(f"/{code}")
    return body


def received(receiver: Any, count: int) -> Any:
    """A probe: the webhooks the receiver accepted, once there are ``count``."""

    async def probe() -> Any:
        found = receiver.state.received
        return list(found) if len(found) == count else None

    return probe


async def sql(settings: Any, statement: str, **params: Any) -> None:
    engine = create_async_engine(settings.database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(sa.text(statement), params)
    finally:
        await engine.dispose()


async def test_an_endpoint_is_read_tested_deactivated_and_deleted(stack, client) -> None:
    tenant = await new_tenant(client, "Webhook Management ApS")
    h = tenant.headers
    # Given no endpoint yet: reading it is a 404 problem
    problem(await client.get("/webhooks/endpoint", headers=h), 404, "no_webhook_endpoint")
    receiver = create_app([SECRET])
    with serving(receiver) as base_url:
        url = f"{base_url}/webhooks"
        # When the tenant registers one on a real receiver, it reads back without the secret
        body = {"url": url, "secret": SECRET}
        assert (await client.put("/webhooks/endpoint", json=body, headers=h)).status_code == 204
        read = await client.get("/webhooks/endpoint", headers=h)
        assert read.json() == {"url": url, "active": True, "signing_secrets": 1}
        assert SECRET not in read.text
        # And asks for a test ping: the running dispatcher delivers it, signed (the
        # reference receiver verifies every signature and answers 401 otherwise)
        ping = await client.post("/webhooks/endpoint/test", headers=h)
        assert ping.status_code == 202, ping.text
        delivery_id = ping.json()["id"]
        [pinged] = await stack.eventually(received(receiver, 1))
        assert pinged["type"] == "webhook.test"

        async def delivered() -> Any:
            rows = (await client.get("/webhooks/deliveries?status=delivered", headers=h)).json()
            return [r for r in rows if r["id"] == delivery_id] or None

        [row] = await stack.eventually(delivered)
        assert row["last_outcome"] == "delivered"
    # When it is deactivated: kept, but no ping is queued (409)
    off = await client.post("/webhooks/endpoint/deactivate", headers=h)
    assert off.json()["active"] is False
    inactive = await client.post("/webhooks/endpoint/test", headers=h)
    problem(inactive, 409, "webhook_endpoint_inactive")
    on = await client.post("/webhooks/endpoint/activate", headers=h)
    assert on.json()["active"] is True
    # When it is deleted: gone, and deleting again is a 404
    assert (await client.delete("/webhooks/endpoint", headers=h)).status_code == 204
    problem(await client.get("/webhooks/endpoint", headers=h), 404, "no_webhook_endpoint")
    problem(await client.delete("/webhooks/endpoint", headers=h), 404, "no_webhook_endpoint")


async def test_the_log_filters_by_status_and_refuses_an_unknown_one(
    stack, client, settings
) -> None:
    tenant = await new_tenant(client, "Webhook Log ApS")
    h = tenant.headers
    body = {"url": "http://127.0.0.1:9/hook", "secret": SECRET}  # refuses connections
    assert (await client.put("/webhooks/endpoint", json=body, headers=h)).status_code == 204
    first = (await client.post("/webhooks/endpoint/test", headers=h)).json()
    await client.post("/webhooks/endpoint/test", headers=h)
    await sql(settings, "update webhook_deliveries set status='dead' where id=:i",
              i=first["id"])  # fmt: skip

    dead = (await client.get("/webhooks/deliveries?status=dead", headers=h)).json()
    pending = (await client.get("/webhooks/deliveries?status=pending", headers=h)).json()
    bogus = await client.get("/webhooks/deliveries?status=bogus", headers=h)

    assert [d["id"] for d in dead] == [first["id"]]
    assert first["id"] not in {d["id"] for d in pending}
    assert len(pending) == 1
    assert "status" in problem(bogus, 422, "invalid_request")["detail"]


async def test_everything_dead_after_an_outage_is_redelivered_in_one_call(
    stack, client, settings
) -> None:
    # Given two deliveries that died while the tenant's receiver was unreachable
    tenant = await new_tenant(client, "Webhook Outage ApS")
    h = tenant.headers
    down = {"url": "http://127.0.0.1:9/hook", "secret": SECRET}  # refuses connections
    assert (await client.put("/webhooks/endpoint", json=down, headers=h)).status_code == 204
    ids = [(await client.post("/webhooks/endpoint/test", headers=h)).json()["id"] for _ in "ab"]
    await sql(settings, "update webhook_deliveries set status='dead', attempts=22 "
              "where tenant_id=:t", t=str(tenant.tenant_id))  # fmt: skip
    receiver = create_app([SECRET])  # verifies every signature (401 otherwise)
    with serving(receiver) as base_url:
        up = {"url": f"{base_url}/webhooks", "secret": SECRET}
        assert (await client.put("/webhooks/endpoint", json=up, headers=h)).status_code == 204

        # When the tenant redelivers everything dead (no period given: all of it)
        answer = await client.post("/webhooks/deliveries/redeliver", json={}, headers=h)

        # Then both arrive, signed, under their original delivery ids
        assert answer.json() == {"redelivered": 2}
        await stack.eventually(received(receiver, 2))

        async def delivered() -> Any:
            rows = (await client.get("/webhooks/deliveries?status=delivered", headers=h)).json()
            return rows if len(rows) == 2 else None

        rows = await stack.eventually(delivered)
    assert sorted(r["id"] for r in rows) == sorted(ids)
    again = await client.post("/webhooks/deliveries/redeliver", json={}, headers=h)
    assert again.json() == {"redelivered": 0}
