"""The background half of a service: outbox relay, projections and Kafka subscribers.

Started and stopped by the FastAPI lifespan, so one process (one container) runs the HTTP
API and the workers of one service. The relay runs in every replica; its ``SKIP LOCKED``
batches keep replicas from sending the same rows at once.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace

import structlog
from aiokafka import AIOKafkaProducer
from eventkit import DeadLetters, Inbound, OutboxRelay, ProjectionRunner, started_producer
from faststream.kafka import KafkaBroker
from samspil_contracts.topics import dlq

log = structlog.get_logger(__name__)

DLQ_MAX_VALUE_BYTES = 900_000  # under the broker's and producer's 1 MiB defaults, headers incl.
DLQ_KEPT_BYTES = 64 * 1024
Task = Callable[[asyncio.Event], Awaitable[None]]


@dataclass
class Workers:
    relay: OutboxRelay
    projections: ProjectionRunner | None
    broker: KafkaBroker | None
    bootstrap_servers: str
    extra: Sequence[Task] = ()
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)
    _producer: AIOKafkaProducer | None = None

    async def send(self, inbound: Inbound, reason: str) -> None:
        """Dead-letter ``inbound`` (the pipeline's sink; the producer lives in the loop).

        A record too big to publish again (it may have arrived compressed) is cut to its
        first bytes, with its size in the reason: a poison record must never block its
        partition because it cannot be parked.
        """
        if self._producer is None:
            raise RuntimeError("workers are not started")
        if len(inbound.value) > DLQ_MAX_VALUE_BYTES:
            reason = f"{reason}; value truncated from {len(inbound.value)} bytes"
            inbound = replace(inbound, value=inbound.value[:DLQ_KEPT_BYTES])
        await DeadLetters(self._producer).send(inbound, reason, topic=dlq(inbound.topic))

    async def start(self) -> None:
        self._stop.clear()
        self._producer = await started_producer(
            bootstrap_servers=self.bootstrap_servers, acks="all", compression_type="gzip"
        )
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
        if self._producer is not None:
            await self._producer.stop()
            self._producer = None

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
