"""The firing loop: fire due deadlines continuously, sooner when woken (clock moved)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

from prometheus_client import Gauge

from scheduler.app.firing import Firing
from scheduler.app.ports import Clock
from scheduler.app.queries import DeadlineQueries

Loop = Callable[[asyncio.Event], Awaitable[None]]


def firing_loop(firing: Firing, wake: asyncio.Event, interval: float) -> Loop:
    async def run(stop: asyncio.Event) -> None:
        while not stop.is_set():
            fired = await firing.fire_due()
            if fired:
                continue  # more may be due: drain before sleeping
            wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), interval)

    return run


PENDING = Gauge("scheduler_deadlines_pending", "Deadline phases waiting to fire")
OVERDUE = Gauge("scheduler_deadlines_overdue", "Pending phases past their due time")


def gauges_loop(queries: DeadlineQueries, clock: Clock, interval: float = 15.0) -> Loop:
    async def run(stop: asyncio.Event) -> None:
        while not stop.is_set():
            pending, overdue = await queries.counts(clock.now())
            PENDING.set(pending)
            OVERDUE.set(overdue)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), interval)

    return run
