"""The webhook queue: transactional, idempotent, tenant-scoped, secrets kept sealed."""

from __future__ import annotations

import json
import uuid

import pytest
from cryptography.exceptions import InvalidTag
from provider.adapters.webhooks import (
    DeliveryNotFound,
    DeliveryStatus,
    EndpointNotFound,
    WebhookOutbox,
    webhook_deliveries,
    webhook_endpoints,
)
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine

TENANT_A = "provider-a"
TENANT_B = "provider-b"
SECRET = "whsec_test_0123456789abcdefghijkl"


async def given_endpoint(outbox: WebhookOutbox, tenant: str = TENANT_A) -> None:
    await outbox.register_endpoint(tenant, f"https://{tenant}.example/hooks", SECRET)


async def enqueue(
    engine: AsyncEngine, outbox: WebhookOutbox, tenant: str, event_id: uuid.UUID
) -> bool:
    async with engine.begin() as conn:
        return await outbox.enqueue(conn, tenant, event_id, "order.placed", {"order_id": "o-1"})


async def test_an_event_is_queued_once_however_often_it_is_enqueued(
    engine: AsyncEngine, outbox: WebhookOutbox
) -> None:
    await given_endpoint(outbox)
    event_id = uuid.uuid4()

    first = await enqueue(engine, outbox, TENANT_A, event_id)
    again = await enqueue(engine, outbox, TENANT_A, event_id)

    assert (first, again) == (True, False)
    [delivery] = await outbox.deliveries(TENANT_A)
    assert delivery.status is DeliveryStatus.PENDING
    assert delivery.attempts == 0
    body = json.loads(delivery.body)
    assert body["id"] == str(event_id)
    assert body["type"] == "order.placed"
    assert body["data"] == {"order_id": "o-1"}


async def test_a_rolled_back_unit_of_work_queues_nothing(
    engine: AsyncEngine, outbox: WebhookOutbox
) -> None:
    await given_endpoint(outbox)

    async def failing_unit_of_work() -> None:
        async with engine.begin() as conn:
            await outbox.enqueue(conn, TENANT_A, uuid.uuid4(), "order.placed", {})
            raise RuntimeError("the command failed after the enqueue")

    with pytest.raises(RuntimeError):
        await failing_unit_of_work()

    assert await outbox.deliveries(TENANT_A) == []


async def test_a_tenant_without_an_active_endpoint_gets_nothing_queued(
    engine: AsyncEngine, outbox: WebhookOutbox
) -> None:
    await given_endpoint(outbox, TENANT_B)
    await outbox.set_endpoint_active(TENANT_B, active=False)

    assert not await enqueue(engine, outbox, TENANT_A, uuid.uuid4())
    assert not await enqueue(engine, outbox, TENANT_B, uuid.uuid4())
    assert await outbox.deliveries(TENANT_A) == await outbox.deliveries(TENANT_B) == []


async def test_an_endpoint_made_active_again_gets_what_is_enqueued_from_then_on(
    engine: AsyncEngine, outbox: WebhookOutbox
) -> None:
    await given_endpoint(outbox)
    await outbox.set_endpoint_active(TENANT_A, active=False)
    skipped, queued = uuid.uuid4(), uuid.uuid4()
    await enqueue(engine, outbox, TENANT_A, skipped)

    await outbox.set_endpoint_active(TENANT_A, active=True)

    assert await enqueue(engine, outbox, TENANT_A, queued)
    assert [d.event_id for d in await outbox.deliveries(TENANT_A)] == [queued]


async def test_tenants_see_and_redeliver_only_their_own_deliveries(
    engine: AsyncEngine, outbox: WebhookOutbox
) -> None:
    await given_endpoint(outbox, TENANT_A)
    await given_endpoint(outbox, TENANT_B)
    await enqueue(engine, outbox, TENANT_A, uuid.uuid4())
    [delivery_of_a] = await outbox.deliveries(TENANT_A)

    assert await outbox.deliveries(TENANT_B) == []
    with pytest.raises(DeliveryNotFound):
        await outbox.redeliver(TENANT_B, delivery_of_a.id)


async def test_redeliver_puts_a_dead_delivery_back_with_a_fresh_budget(
    engine: AsyncEngine, outbox: WebhookOutbox
) -> None:
    await given_endpoint(outbox)
    await enqueue(engine, outbox, TENANT_A, uuid.uuid4())
    async with engine.begin() as conn:
        await conn.execute(update(webhook_deliveries).values(status="dead", attempts=8))

    redelivered = await outbox.redeliver(TENANT_A, (await outbox.deliveries(TENANT_A))[0].id)

    assert redelivered.status is DeliveryStatus.PENDING
    assert redelivered.attempts == 0
    assert await outbox.deliveries(TENANT_A, status=DeliveryStatus.DEAD) == []


async def test_the_delivery_log_filters_by_status_and_pages(
    engine: AsyncEngine, outbox: WebhookOutbox
) -> None:
    await given_endpoint(outbox)
    for _ in range(3):
        await enqueue(engine, outbox, TENANT_A, uuid.uuid4())

    assert len(await outbox.deliveries(TENANT_A, limit=2)) == 2
    assert len(await outbox.deliveries(TENANT_A, status=DeliveryStatus.PENDING)) == 3
    assert await outbox.deliveries(TENANT_A, status=DeliveryStatus.DELIVERED) == []


async def test_secrets_are_sealed_at_rest_and_hidden_from_repr(
    engine: AsyncEngine, outbox: WebhookOutbox
) -> None:
    await given_endpoint(outbox)

    async with engine.connect() as conn:
        stored = await conn.scalar(select(webhook_endpoints.c.secrets_sealed))
        dump = [tuple(row) for row in await conn.execute(text("SELECT * FROM webhook_endpoints"))]

    assert SECRET not in str(stored)
    assert SECRET not in str(dump)
    endpoint = await outbox.endpoint(TENANT_A)
    assert endpoint is not None
    assert endpoint.secrets == (SECRET,)
    assert SECRET not in repr(endpoint)


async def test_a_sealed_secret_copied_to_another_tenant_does_not_open(
    engine: AsyncEngine, outbox: WebhookOutbox
) -> None:
    await given_endpoint(outbox, TENANT_A)
    await given_endpoint(outbox, TENANT_B)
    async with engine.begin() as conn:
        sealed_a = await conn.scalar(
            select(webhook_endpoints.c.secrets_sealed).where(
                webhook_endpoints.c.tenant_id == TENANT_A
            )
        )
        await conn.execute(
            update(webhook_endpoints)
            .where(webhook_endpoints.c.tenant_id == TENANT_B)
            .values(secrets_sealed=sealed_a)
        )

    with pytest.raises(InvalidTag):
        await outbox.endpoint(TENANT_B)


async def secrets_of(outbox: WebhookOutbox) -> tuple[str, ...]:
    endpoint = await outbox.endpoint(TENANT_A)
    assert endpoint is not None
    return endpoint.secrets


async def test_rotation_signs_with_both_secrets_until_it_is_finished(outbox: WebhookOutbox) -> None:
    await given_endpoint(outbox)
    new_secret = "whsec_rotated_0123456789abcdefgh"

    await outbox.rotate_secret(TENANT_A, new_secret)
    during = await secrets_of(outbox)
    await outbox.finish_rotation(TENANT_A)
    after = await secrets_of(outbox)

    assert during == (new_secret, SECRET)
    assert after == (new_secret,)


async def test_endpoints_must_exist_be_http_and_have_strong_secrets(outbox: WebhookOutbox) -> None:
    with pytest.raises(EndpointNotFound):
        await outbox.rotate_secret("nobody", "whsec_rotated_0123456789abcdefgh")
    with pytest.raises(ValueError, match="http"):
        await outbox.register_endpoint(TENANT_A, "ftp://provider.example/hooks", SECRET)
    with pytest.raises(ValueError, match="24 characters"):
        await outbox.register_endpoint(TENANT_A, "https://provider.example/hooks", "short")
