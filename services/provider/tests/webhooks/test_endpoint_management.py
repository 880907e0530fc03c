"""Managing a tenant's endpoint: delete, test ping (to a real receiver), bulk redelivery of
what died in a period, the log filtered by status, on both databases."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from provider.adapters.webhooks import (
    DeliveryStatus,
    EndpointNotFound,
    TargetPolicy,
    WebhookDispatcher,
    WebhookOutbox,
    verify,
    webhook_deliveries,
)
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

TENANT = "provider-a"
SECRET = "whsec_test_0123456789abcdefghijkl"
SECRETS_KEY = bytes(range(32))  # the outbox fixture's
LOCAL = TargetPolicy.of(https_only=False, allow="127.0.0.0/8")  # the receiver here


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as client:
        yield client


async def enqueue(engine: AsyncEngine, outbox: WebhookOutbox) -> bool:
    async with engine.begin() as conn:
        return await outbox.enqueue(conn, TENANT, uuid.uuid4(), "order.placed", {"order_id": "o"})


async def mark(engine: AsyncEngine, delivery_id: uuid.UUID, **values: Any) -> None:
    async with engine.begin() as conn:
        table = webhook_deliveries
        await conn.execute(update(table).where(table.c.id == delivery_id).values(**values))


async def test_a_deleted_endpoint_is_gone_and_gets_nothing_queued(
    engine: AsyncEngine, outbox: WebhookOutbox
) -> None:
    # Given a registered endpoint
    await outbox.register_endpoint(TENANT, "https://a.example/hooks", SECRET)

    # When it is deleted
    await outbox.delete_endpoint(TENANT)

    # Then it reads as absent, nothing is queued for it, and deleting again is not found
    assert await outbox.endpoint(TENANT) is None
    assert not await enqueue(engine, outbox)
    with pytest.raises(EndpointNotFound):
        await outbox.delete_endpoint(TENANT)


async def test_a_test_ping_reaches_a_real_receiver_signed(
    engine: AsyncEngine, outbox: WebhookOutbox, http: httpx.AsyncClient, clock: Any, scripted: Any
) -> None:
    # Given an active endpoint on a real HTTP receiver
    await outbox.register_endpoint(TENANT, scripted.url, SECRET)

    # When the tenant asks for a test ping and the dispatcher runs
    ping = await outbox.ping(TENANT)
    dispatcher = WebhookDispatcher(
        engine, http, secrets_key=SECRETS_KEY, clock=clock, targets=LOCAL
    )
    await dispatcher.run_once()

    # Then the receiver got one signed webhook.test delivery, with the ping's delivery id
    assert ping is not None
    [(headers, body)] = scripted.requests
    verified = verify(SECRET, headers, body, now=clock.now)
    assert verified.delivery_id == str(ping.id)
    assert json.loads(body)["type"] == "webhook.test"
    [delivered] = await outbox.deliveries(TENANT, status="delivered")
    assert delivered.id == ping.id


async def test_no_ping_without_an_active_endpoint(outbox: WebhookOutbox) -> None:
    with pytest.raises(EndpointNotFound):
        await outbox.ping(TENANT)
    await outbox.register_endpoint(TENANT, "https://a.example/hooks", SECRET)
    await outbox.set_endpoint_active(TENANT, active=False)

    assert await outbox.ping(TENANT) is None
    assert await outbox.deliveries(TENANT) == []


async def test_bulk_redelivery_revives_what_died_in_the_period_only(
    engine: AsyncEngine, outbox: WebhookOutbox, clock: Any
) -> None:
    # Given deliveries that died before and during an outage, and one that was delivered
    await outbox.register_endpoint(TENANT, "https://a.example/hooks", SECRET)
    start = clock.now
    for _ in range(3):
        await enqueue(engine, outbox)
        clock.advance(3600)
    delivered, during, before = (d.id for d in await outbox.deliveries(TENANT))  # newest first
    await mark(engine, before, status="dead", attempts=22, created_at=start - timedelta(days=1))
    await mark(engine, during, status="dead", attempts=22)
    await mark(engine, delivered, status="delivered", attempts=1)

    # When the tenant redelivers everything dead since the outage began
    count = await outbox.redeliver_dead(TENANT, since=start, until=clock.now)

    # Then only the dead one of the period is pending again, with a fresh budget
    assert count == 1
    [revived] = await outbox.deliveries(TENANT, status=DeliveryStatus.PENDING)
    assert (revived.id, revived.attempts, revived.next_attempt_at) == (during, 0, clock.now)
    assert [d.id for d in await outbox.deliveries(TENANT, status="dead")] == [before]
    assert await outbox.redeliver_dead(TENANT) == 1  # no period: every dead one
    assert await outbox.redeliver_dead("provider-b") == 0
