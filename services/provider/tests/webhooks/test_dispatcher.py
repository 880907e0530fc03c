"""The dispatcher against real HTTP receivers on 127.0.0.1 and real databases."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from provider.adapters.webhooks import (
    DeliveryStatus,
    TargetPolicy,
    WebhookDispatcher,
    WebhookOutbox,
    verify,
)
from samspil_provider_kit.local_server import serving
from samspil_provider_kit.reference_receiver import create_app
from sqlalchemy.ext.asyncio import AsyncEngine

TENANT = "provider-a"
SECRET = "whsec_test_0123456789abcdefghijkl"
SECRETS_KEY = bytes(range(32))
LOCAL = TargetPolicy.of(https_only=False, allow="127.0.0.0/8")  # the receivers here


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as client:
        yield client


@pytest.fixture
def reference_url() -> Iterator[tuple[str, Any]]:
    app = create_app([SECRET])
    with serving(app) as base_url:
        yield f"{base_url}/webhooks", app


def dispatcher(
    engine: AsyncEngine, http: httpx.AsyncClient, clock: Any, **knobs: Any
) -> WebhookDispatcher:
    # No jitter: the delays are asserted exactly.
    return WebhookDispatcher(
        engine,
        http,
        secrets_key=SECRETS_KEY,
        clock=clock,
        jitter=lambda delay: delay,
        targets=LOCAL,
        **knobs,
    )


async def given_queued(engine: AsyncEngine, outbox: WebhookOutbox, url: str) -> uuid.UUID:
    await outbox.register_endpoint(TENANT, url, SECRET)
    event_id = uuid.uuid4()
    async with engine.begin() as conn:
        await outbox.enqueue(conn, TENANT, event_id, "order.placed", {"order_id": "o-1"})
    return event_id


async def test_a_webhook_reaches_the_reference_receiver_signed(
    engine: AsyncEngine,
    outbox: WebhookOutbox,
    http: httpx.AsyncClient,
    clock: Any,
    reference_url: tuple[str, Any],
) -> None:
    url, app = reference_url
    event_id = await given_queued(engine, outbox, url)

    attempted = await dispatcher(engine, http, clock).run_once()

    assert attempted == 1
    [delivery] = await outbox.deliveries(TENANT)
    assert delivery.status is DeliveryStatus.DELIVERED
    assert (delivery.attempts, delivery.last_status_code) == (1, 200)
    assert delivery.delivered_at == clock.now
    [received] = app.state.received
    assert received["id"] == str(event_id)
    assert received["data"] == {"order_id": "o-1"}


async def test_a_receiver_failing_twice_gets_it_on_the_third_attempt_after_growing_delays(
    engine: AsyncEngine, outbox: WebhookOutbox, http: httpx.AsyncClient, clock: Any, scripted: Any
) -> None:
    scripted.statuses = [500, 503]
    await given_queued(engine, outbox, scripted.url)
    webhooks = dispatcher(engine, http, clock, base_delay=timedelta(seconds=10))
    start = clock.now

    await webhooks.run_once()
    first_retry = (await outbox.deliveries(TENANT))[0]
    assert await webhooks.run_once() == 0  # not due yet: nothing is sent early
    clock.advance(10)
    await webhooks.run_once()
    second_retry = (await outbox.deliveries(TENANT))[0]
    clock.advance(20)
    await webhooks.run_once()

    assert first_retry.next_attempt_at == start + timedelta(seconds=10)
    assert second_retry.next_attempt_at == start + timedelta(seconds=10 + 20)
    assert (first_retry.last_status_code, second_retry.last_status_code) == (500, 503)
    [delivery] = await outbox.deliveries(TENANT)
    assert delivery.status is DeliveryStatus.DELIVERED
    assert delivery.attempts == 3
    # Every attempt re-signs but keeps the delivery id and the exact body.
    ids = {headers["samspil-webhook-id"] for headers, _ in scripted.requests}
    assert ids == {str(delivery.id)}
    for headers, body in scripted.requests:
        verify(SECRET, headers, body, now=clock.now)


async def test_an_always_failing_receiver_dead_letters_it_and_redeliver_revives_it(
    engine: AsyncEngine, outbox: WebhookOutbox, http: httpx.AsyncClient, clock: Any, scripted: Any
) -> None:
    scripted.statuses = [500] * 4
    await given_queued(engine, outbox, scripted.url)
    # 1 s, 2 s, 3 s apart: a 5 s span is over after the fourth attempt
    webhooks = dispatcher(
        engine,
        http,
        clock,
        retry_span=timedelta(seconds=5),
        base_delay=timedelta(seconds=1),
        max_delay=timedelta(seconds=3),
    )
    for _ in range(4):
        await webhooks.run_once()
        clock.advance(3)

    [dead] = await outbox.deliveries(TENANT, status=DeliveryStatus.DEAD)
    assert (dead.attempts, dead.last_error) == (4, "HTTP 500")
    clock.advance(3600)
    assert await webhooks.run_once() == 0

    revived = await outbox.redeliver(TENANT, dead.id)
    await webhooks.run_once()

    assert revived.status is DeliveryStatus.PENDING
    [delivered] = await outbox.deliveries(TENANT)
    assert delivered.status is DeliveryStatus.DELIVERED
    assert len(scripted.requests) == 5


async def test_a_slow_receiver_counts_as_a_failed_attempt(
    engine: AsyncEngine, outbox: WebhookOutbox, http: httpx.AsyncClient, clock: Any
) -> None:
    async def slow(scope: Any, receive: Any, send: Any) -> None:
        await asyncio.sleep(2)

    with serving(slow) as base_url:
        await given_queued(engine, outbox, base_url)
        await dispatcher(engine, http, clock, timeout=0.3).run_once()

    [delivery] = await outbox.deliveries(TENANT)
    assert delivery.status is DeliveryStatus.PENDING
    assert (delivery.attempts, delivery.last_error) == (1, "ReadTimeout")
    assert delivery.next_attempt_at == clock.now + timedelta(seconds=30)


async def test_a_deactivated_endpoint_is_not_called(
    engine: AsyncEngine, outbox: WebhookOutbox, http: httpx.AsyncClient, clock: Any, scripted: Any
) -> None:
    await given_queued(engine, outbox, scripted.url)
    await outbox.set_endpoint_active(TENANT, active=False)

    await dispatcher(engine, http, clock).run_once()

    [delivery] = await outbox.deliveries(TENANT)
    assert (delivery.attempts, delivery.last_error) == (1, "no active endpoint")
    assert scripted.requests == []


async def test_run_dispatches_in_the_background_until_stopped(
    engine: AsyncEngine,
    outbox: WebhookOutbox,
    http: httpx.AsyncClient,
    clock: Any,
    reference_url: tuple[str, Any],
) -> None:
    url, app = reference_url
    stop = asyncio.Event()
    loop = asyncio.create_task(dispatcher(engine, http, clock, poll_interval=0.05).run(stop))

    await given_queued(engine, outbox, url)
    for _ in range(100):
        if app.state.received:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(loop, 5)

    assert json.loads((await outbox.deliveries(TENANT))[0].body)["type"] == "order.placed"
    assert len(app.state.received) == 1


async def test_two_dispatchers_never_send_one_delivery_twice(
    engine: AsyncEngine, outbox: WebhookOutbox, http: httpx.AsyncClient, clock: Any, scripted: Any
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("concurrent dispatchers are a PostgreSQL deployment")
    await outbox.register_endpoint(TENANT, scripted.url, SECRET)
    for _ in range(10):
        async with engine.begin() as conn:
            await outbox.enqueue(conn, TENANT, uuid.uuid4(), "order.placed", {})
    first, second = (dispatcher(engine, http, clock, batch_size=10) for _ in range(2))

    attempted = await asyncio.gather(first.run_once(), second.run_once())

    assert sum(attempted) == 10
    sent_ids = [headers["samspil-webhook-id"] for headers, _ in scripted.requests]
    assert len(sent_ids) == len(set(sent_ids)) == 10
    assert len(await outbox.deliveries(TENANT, status=DeliveryStatus.DELIVERED)) == 10


async def attempt_when_due(
    webhooks: WebhookDispatcher, outbox: WebhookOutbox, clock: Any, answer: Any
) -> Any:
    """Move the clock to the delivery's next attempt and make it, the receiver answering
    ``answer()`` (at that time); the delivery after."""
    [delivery] = await outbox.deliveries(TENANT)
    clock.now = max(clock.now, delivery.next_attempt_at)
    answer()
    assert await webhooks.run_once() == 1
    return (await outbox.deliveries(TENANT))[0]


async def test_a_receiver_down_for_two_and_a_half_days_still_gets_the_webhook(
    engine: AsyncEngine, outbox: WebhookOutbox, http: httpx.AsyncClient, clock: Any, scripted: Any
) -> None:
    # Given a receiver that answers 503 for 60 hours (a long weekend's outage)
    await given_queued(engine, outbox, scripted.url)
    webhooks = dispatcher(engine, http, clock)  # the default schedule
    start, schedule = clock.now, []
    delivery = None

    # When the dispatcher retries on its schedule (the clock moved to each attempt)
    def outage() -> None:
        scripted.statuses = [503] if clock.now - start < timedelta(hours=60) else []

    for _ in range(30):
        delivery = await attempt_when_due(webhooks, outbox, clock, outage)
        schedule.append(delivery.next_attempt_at - clock.now)
        if delivery.status is not DeliveryStatus.PENDING:
            break

    # Then the delays grow 30 s, 1 min, 2 min ... and it arrives once the receiver is back
    assert schedule[:3] == [timedelta(seconds=30), timedelta(minutes=1), timedelta(minutes=2)]
    assert delivery is not None
    assert delivery.status is DeliveryStatus.DELIVERED
    assert timedelta(hours=60) <= clock.now - start <= timedelta(hours=66)
    assert len(scripted.requests) == delivery.attempts
    ids = {headers["samspil-webhook-id"] for headers, _ in scripted.requests}
    assert ids == {str(delivery.id)}


async def test_a_delivery_is_dead_only_after_about_three_days_of_failures(
    engine: AsyncEngine, outbox: WebhookOutbox, http: httpx.AsyncClient, clock: Any, scripted: Any
) -> None:
    # Given a receiver that never answers 2xx
    await given_queued(engine, outbox, scripted.url)
    webhooks = dispatcher(engine, http, clock)
    start = clock.now
    pending_at_two_days = None

    # When every due attempt is made
    def failing() -> None:
        scripted.statuses = [500]

    for _ in range(40):
        delivery = await attempt_when_due(webhooks, outbox, clock, failing)
        if clock.now - start >= timedelta(hours=48) and pending_at_two_days is None:
            pending_at_two_days = delivery.status
        if delivery.status is DeliveryStatus.DEAD:
            break

    # Then it was still being retried after two days, and given up after three
    assert pending_at_two_days is DeliveryStatus.PENDING
    assert delivery.status is DeliveryStatus.DEAD
    assert timedelta(hours=72) <= clock.now - start < timedelta(hours=78)
    assert delivery.attempts == webhooks.retry.max_attempts == len(scripted.requests)
    assert 15 <= delivery.attempts <= 30
