"""The end-to-end runs' load and observer, the same for the stack and the bare pipeline.

``drive`` places orders open loop at a steady rate by ``POST /orders`` and notes when each
first shows in the provider's ``orders_inbox`` table (``watch``).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Coroutine
from typing import Any
from uuid import UUID

import asyncpg
from eventkit.wakeup import OUTBOX_CHANNEL

from bench.e2e_figures import Run
from bench.lean_http import LeanClient

DRAIN_SECONDS = 30.0
POLL = 0.05  # seconds between looks at the inbox table when no commit notified the watcher


async def drive(
    client: LeanClient,
    dsn: str,
    bodies: list[dict[str, Any]],
    rate: int,
    meanwhile: Coroutine[Any, Any, None] | None = None,
) -> Run:
    """POST each body to ``/orders`` at ``rate`` per second; watch the inbox in ``dsn``."""
    result, sent_all = Run(), asyncio.Event()
    watching = asyncio.create_task(watch(dsn, result, sent_all))

    async def place(body: dict[str, Any]) -> None:
        sent = time.perf_counter()
        try:
            status, answer = await client.post_json("/orders", body)
        except OSError:
            result.failed += 1
            return
        result.http.append(time.perf_counter() - sent)
        if status == 201:
            order_id = str(answer["order_id"])
            result.placed[order_id] = sent
            result.pending.add(order_id)
        else:
            result.failed += 1

    result.started = time.perf_counter()
    side = asyncio.create_task(meanwhile) if meanwhile is not None else None
    tasks = []
    for n, body in enumerate(bodies):
        # Open loop: pace against the schedule, never wait for an answer before the next.
        await asyncio.sleep(max(0.0, result.started + n / rate - time.perf_counter()))
        tasks.append(asyncio.create_task(place(body)))
    await asyncio.gather(*tasks)
    result.sent_all = time.perf_counter()
    if side is not None:
        await side
    await client.aclose()
    sent_all.set()  # the watcher stops once every placed order is seen
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(watching, DRAIN_SECONDS)  # cancels it when time is up
    return result


async def watch(dsn: str, result: Run, sent: asyncio.Event) -> None:
    """Note when each placed order first shows; done once all are sent and seen.

    The provider enqueues its notification to the tenant in the order's own transaction,
    and that enqueue NOTIFYs on commit: the watcher looks on each notification, and every
    ``POLL`` s regardless (a look costs a query; polling every few ms cost the stack CPU).
    """
    conn = await asyncpg.connect(dsn)
    query = "select order_id from orders_inbox where order_id = any($1::uuid[])"
    committed = asyncio.Event()
    await conn.add_listener(OUTBOX_CHANNEL, lambda *_: committed.set())
    try:
        while not (sent.is_set() and not result.pending):
            if result.pending:
                rows = await conn.fetch(query, [UUID(o) for o in result.pending])
                now = time.perf_counter()
                for row in rows:
                    result.seen[str(row["order_id"])] = now
                    result.pending.discard(str(row["order_id"]))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(committed.wait(), POLL)
            committed.clear()
    finally:
        await conn.close()
