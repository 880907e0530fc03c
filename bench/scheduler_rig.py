"""The scheduler wired as ``bootstrap.build`` wires it (store, firing queue, Firing, the
firing loop and a real ``OutboxRelay``), plus a consumer of what reaches the topic."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from aiokafka import AIOKafkaConsumer
from eventkit import EventStore, OutboxRelay
from samspil_contracts import topics
from scheduler.adapters.clock import AdjustableClock
from scheduler.adapters.firing_queue import SqlFiringQueue
from scheduler.app.firing import Firing
from scheduler.bootstrap import SchedulerSettings
from scheduler.entrypoints.loops import firing_loop
from servicekit.publishing import Publisher
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.core import rss_mb

SETTINGS = SchedulerSettings()  # the service's defaults: interval, batch size, concurrency
FIRE_INTERVAL = SETTINGS.fire_interval_seconds


@dataclass
class Seen:
    """DeadlineReached records consumed: per event id, and the lags of first arrivals."""

    by_id: Counter[str] = field(default_factory=Counter)
    fire_lags: list[float] = field(default_factory=list)  # fired_at - due_at
    delivery_lags: list[float] = field(default_factory=list)  # consumed - due_at (clock time)
    rss: list[float] = field(default_factory=list)


async def consume(bootstrap: str, topic: str, clock: AdjustableClock, seen: Seen) -> None:
    """Reads what the scheduler published. Only the id header and the two times are parsed
    (not the full, validating ``decode``): this consumer shares the scheduler's process and
    event loop, and must not be what limits the figures."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest")
    await consumer.start()
    try:
        async for record in consumer:
            event_id = dict(record.headers)["ce_id"].decode()
            seen.by_id[event_id] += 1
            if seen.by_id[event_id] == 1:
                payload = json.loads(record.value)
                due_at = datetime.fromisoformat(payload["due_at"])
                fired_at = datetime.fromisoformat(payload["fired_at"])
                seen.fire_lags.append((fired_at - due_at).total_seconds())
                seen.delivery_lags.append((clock.now() - due_at).total_seconds())
    finally:
        await consumer.stop()


async def sample_rss(seen: Seen, stop: asyncio.Event) -> None:
    while not stop.is_set():
        seen.rss.append(rss_mb())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 1.0)


@contextlib.asynccontextmanager
async def running_scheduler(
    engine: AsyncEngine, bootstrap: str, prefix: str, clock: AdjustableClock
) -> AsyncIterator[Seen]:
    """Firing loop and relay running until the block ends; yields ``Seen``."""
    firing = Firing(
        EventStore(engine),
        SqlFiringQueue(),
        clock,
        Publisher("/samspil/scheduler", prefix),
        SETTINGS.fire_batch_size,
    )
    stop, seen, wake = asyncio.Event(), Seen(), asyncio.Event()
    loops = [firing_loop(firing, wake, FIRE_INTERVAL) for _ in range(SETTINGS.firing_concurrency)]
    tasks: list[asyncio.Future[Any]] = [
        asyncio.create_task(consume(bootstrap, prefix + topics.SCHEDULER_DEADLINES, clock, seen)),
        *[asyncio.ensure_future(loop(stop)) for loop in loops],
        asyncio.create_task(OutboxRelay(engine, bootstrap).run(stop)),
        asyncio.create_task(sample_rss(seen, stop)),
    ]
    try:
        yield seen
    finally:
        stop.set()
        tasks[0].cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def clock_at(moment: datetime) -> AdjustableClock:
    """A clock that reads ``moment`` now and runs on at real speed."""
    clock = AdjustableClock()
    clock.advance(max(timedelta(0), moment - clock.now()))
    return clock
