"""The background half of a service: outbox relay, projections and Kafka subscribers.

Started and stopped by the FastAPI lifespan, so one process (one container) runs the HTTP
API and the workers of one service. The relay runs in every replica; its ``SKIP LOCKED``
batches keep replicas from sending the same rows at once.

Stopping is bounded: a Kafka client caught mid-rebalance can take its own time (half a
minute and more) to close, longer than the platform waits before it kills the container.
After ``grace`` seconds what is still winding down is abandoned and named in the log.
Nothing is lost by that: unsent outbox rows stay in the outbox, and records not yet
committed are read again by the next consumer (the inbox drops what it already applied).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field

import structlog
from eventkit import OutboxRelay, ProjectionRunner
from faststream.kafka import KafkaBroker

log = structlog.get_logger(__name__)

Task = Callable[[asyncio.Event], Awaitable[None]]


@dataclass
class Workers:
    relay: OutboxRelay
    projections: ProjectionRunner | None
    broker: KafkaBroker | None
    extra: Sequence[Task] = ()
    grace: float = 10.0  # seconds; deploy/k8s gives the pod 30 in all
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)

    async def start(self) -> None:
        self._stop.clear()
        loops: list[Task] = [self.relay.run, *self.extra]
        if self.projections is not None:
            loops.append(self.projections.run)
        self._tasks = [asyncio.create_task(self._guard(loop)) for loop in loops]
        if self.broker is not None:
            await self.broker.start()

    async def stop(self) -> None:
        self._stop.set()
        winding = asyncio.ensure_future(self._wind_down())
        done, _ = await asyncio.wait({winding}, timeout=self.grace)
        if done:
            winding.result()
            return
        waiting = [where(task) for task in (winding, *self._tasks) if not task.done()]
        for task in (winding, *self._tasks):
            task.cancel()
        log.error("workers_stop_timed_out", grace_seconds=self.grace, waiting=waiting)

    async def _wind_down(self) -> None:
        if self.broker is not None:
            await self.broker.stop()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _guard(self, loop: Task) -> None:
        """Restart a crashed loop after a pause instead of silently losing it."""
        while not self._stop.is_set():
            try:
                await loop(self._stop)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("worker_crashed", worker=getattr(loop, "__qualname__", "?"))
                await asyncio.sleep(1.0)

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        await self.start()
        try:
            yield
        finally:
            await self.stop()


def where(task: asyncio.Future[None]) -> str:
    """The chain of calls a task waits in, outermost first (code names only, never values)."""
    awaited: object = task.get_coro() if isinstance(task, asyncio.Task) else None
    chain: list[str] = []
    while awaited is not None:
        frame = getattr(awaited, "cr_frame", None) or getattr(awaited, "gi_frame", None)
        if frame is not None:
            chain.append(f"{frame.f_code.co_qualname}:{frame.f_lineno}")
        awaited = getattr(awaited, "cr_await", None) or getattr(awaited, "gi_yieldfrom", None)
    return " > ".join(chain) or "?"
