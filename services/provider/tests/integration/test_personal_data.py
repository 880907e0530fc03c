"""The child's personal data at a provider: opened with the granted child key, and erased
everywhere (key, orders, webhooks) when the authority erases the child."""

from __future__ import annotations

import json
import uuid

import pytest
import sqlalchemy as sa
from samspil_contracts import ChildDataErased
from sqlalchemy.ext.asyncio import create_async_engine

pytestmark = pytest.mark.integration

ERASED = {"erased": True, "name": "[erased]", "cpr": "[erased]"}
REASON = {"reason": "preparing the first meeting"}


async def keys_held(settings, child_id: uuid.UUID) -> int:
    engine = create_async_engine(settings.database_url)
    try:
        async with engine.connect() as conn:
            query = sa.text("select count(*) from child_keys where child_id = :c")
            return int(await conn.scalar(query, {"c": child_id}) or 0)
    finally:
        await engine.dispose()


async def test_an_erased_child_reads_as_erased_and_the_order_stays_usable(
    stack, tenant_a, settings
):
    from provider.bootstrap import projection_runner  # noqa: PLC0415 - only this test

    # Given an order whose child key was granted, revealed once, and a webhook endpoint
    endpoint = {"url": "http://127.0.0.1:9/hook", "secret": "s" * 32}
    assert (
        await stack.http.put("/webhooks/endpoint", json=endpoint, headers=tenant_a.headers)
    ).status_code == 204
    child_id = uuid.uuid4()
    order = await stack.placed(tenant_a, child_id)
    path = f"/orders/{order.order_id}"
    await stack.eventually(lambda: keys_held(settings, child_id))
    revealed = await stack.http.post(f"{path}/reveal", json=REASON, headers=tenant_a.headers)
    assert json.loads(revealed.json()["child"])["cpr"] == "010101-0000"
    # When the authority erases the child
    await stack.kafka.send(ChildDataErased(case_id=order.case_id, child_id=child_id))

    async def erased() -> bool:
        detail = (await stack.get(path, tenant_a)).json()
        return bool(detail["child"] == ERASED)

    assert await stack.eventually(erased)
    # Then the key is gone, a reveal gives the marker (not an error) and is still logged
    assert await keys_held(settings, child_id) == 0
    again = await stack.http.post(f"{path}/reveal", json=REASON, headers=tenant_a.headers)
    assert (again.status_code, again.json()["child"]) == (200, ERASED)
    log = (await stack.get(f"/access-log?order_id={order.order_id}", tenant_a)).json()
    assert len(log) == 2
    # And the tenant's systems are told by webhook, with ids only
    deliveries = (await stack.get("/webhooks/deliveries", tenant_a)).json()
    assert "child.erased" in {d["event_type"] for d in deliveries}
    # And a late (replayed) grant does not bring the key back
    await stack.kafka.send(stack.grant(tenant_a, child_id))
    later = uuid.uuid4()
    await stack.placed(tenant_a, later)  # its grant is handled after the replay (one partition)
    assert await stack.eventually(lambda: keys_held(settings, later))
    assert await keys_held(settings, child_id) == 0
    # And the rest of the order is usable: the inbox rebuilds, and it can be answered
    runner = projection_runner(settings)
    try:
        await runner.rebuild("orders")
    finally:
        await runner.store.engine.dispose()
    detail = (await stack.get(path, tenant_a)).json()
    assert (detail["status"], detail["child"]) == ("received", ERASED)
    declined = await stack.http.post(
        f"{path}/decline", json={"reason": "no_capacity"}, headers=tenant_a.headers
    )
    assert declined.status_code == 200, declined.text


async def test_an_order_before_its_key_cannot_be_revealed_yet(stack, tenant_a):
    # Given an order whose child key has not arrived (another topic)
    order = stack.order(tenant_a)
    await stack.kafka.send(order)
    path = f"/orders/{order.order_id}"
    await stack.eventually(lambda: stack.get(path, tenant_a, ok=True))
    # When it is revealed, then the answer says the key is pending
    early = await stack.http.post(f"{path}/reveal", json=REASON, headers=tenant_a.headers)
    assert early.status_code == 409
    assert early.json()["type"].endswith("/child_key_pending")
    # And once the key arrives, it opens
    child_id = uuid.UUID(order.child.kid.removeprefix("child:"))
    await stack.kafka.send(stack.grant(tenant_a, child_id))

    async def opened() -> bool:
        got = await stack.http.post(f"{path}/reveal", json=REASON, headers=tenant_a.headers)
        return got.status_code == 200

    assert await stack.eventually(opened)
