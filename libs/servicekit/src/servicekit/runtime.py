"""The background half of a service: outbox relay, projections and Kafka subscribers.

Started and stopped by the FastAPI lifespan, so one process (one container) runs the HTTP
API and the workers of one service. The relay runs in every replica; its ``SKIP LOCKED``
batches keep replicas from sending the same rows at once.
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
