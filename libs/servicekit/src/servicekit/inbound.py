"""From a Kafka record to exactly one effect: decode, dead-letter, deduplicate, handle.

* A record that cannot be decoded (unknown type, bad schema, missing headers, too big) goes
  to ``<topic>.dlq`` with the reason, and the consumer moves on: a poison message never
  blocks a partition.
* A decoded event is handled inside one database transaction together with its inbox row,
  so a redelivered event (relay retry, consumer restart, rebalance) has no second effect.
  The records of one fetch share that transaction (per record: inbox row, then effects), so
  a busy consumer pays one BEGIN/COMMIT and one offset commit per batch, not per record.
* Any other failure propagates: the subscriber does not commit the offset and Kafka
  redelivers it after a pause, so nothing already accepted is lost.

Each record is handled inside a consumer span whose parent is the record's ``traceparent``,
with its correlation and causation ids bound to every log line written meanwhile.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import structlog
from eventkit import EventStore, Inbound, UnitOfWork
from opentelemetry.trace import Span
from samspil_contracts import Envelope, IntegrationEvent, UndecodableEvent, decode

from servicekit import tracing
from servicekit.metrics import INBOUND_RECORDS

log = structlog.get_logger(__name__)

Handler = Callable[[UnitOfWork, Envelope, Any], Awaitable[None]]


class DeadLetterSink(Protocol):
    async def send(self, inbound: Inbound, reason: str) -> None: ...


@dataclass(frozen=True)
class Outcome:
    status: str  # handled | duplicate | ignored | dead_lettered
    event_id: str | None = None


class InboundPipeline:
    """One per consumer group: the handlers by event class, and where poison goes."""

    def __init__(
        self,
        consumer: str,
        store: EventStore,
        dead_letters: DeadLetterSink,
        handlers: Mapping[type[IntegrationEvent], Handler],
    ) -> None:
        self.consumer, self.store, self.dead_letters = consumer, store, dead_letters
        self.handlers = dict(handlers)

    async def __call__(self, record: Inbound) -> Outcome:
        (outcome,) = await self.handle([record])
        return outcome

    async def handle(self, records: Sequence[Inbound]) -> list[Outcome]:
        """Handle ``records`` in their order in one transaction (one BEGIN/COMMIT for a
        consumer's whole fetch). If that fails, each gets a transaction of its own, so the
        good ones commit, and the first failure is raised (Kafka redelivers the batch; the
        inbox drops what was committed)."""
        dead: dict[int, Outcome] = {}  # dead-lettered once, never twice in a retry
        try:
            async with self.store.unit_of_work() as uow:
                outcomes = [await self._one(n, r, uow, dead) for n, r in enumerate(records)]
        except Exception:
            if len(records) == 1:
                raise
            log.warning("inbound_batch_one_by_one", records=len(records))
            return await self._one_by_one(records, dead)
        for record, outcome in zip(records, outcomes, strict=True):
            INBOUND_RECORDS.labels(self.consumer, record.topic, outcome.status).inc()
        return outcomes

    async def _one_by_one(
        self, records: Sequence[Inbound], dead: dict[int, Outcome]
    ) -> list[Outcome]:
        """After a failed batch: each record alone; a failure stops its partition's later
        records (their order must hold), not the other partitions'."""
        outcomes, stopped, error = [], set(), None
        for n, record in enumerate(records):
            if (record.topic, record.partition) in stopped:
                continue
            try:
                async with self.store.unit_of_work() as uow:
                    outcome = await self._one(n, record, uow, dead)
            except Exception as exc:
                stopped.add((record.topic, record.partition))
                error = error or exc
                continue
            INBOUND_RECORDS.labels(self.consumer, record.topic, outcome.status).inc()
            outcomes.append(outcome)
        if error is not None:
            raise error
        return outcomes

    async def _one(
        self, n: int, record: Inbound, uow: UnitOfWork, dead: dict[int, Outcome]
    ) -> Outcome:
        """One record inside its consumer span (the parent is its ``traceparent``)."""
        if n in dead:
            return dead[n]
        where = (record.topic, record.partition, record.offset)
        with tracing.consuming(*where, record.headers) as span:
            outcome = await self._handle(record, span, uow)
            span.set_attribute("samspil.outcome", outcome.status)
        if outcome.status == "dead_lettered":
            dead[n] = outcome
        return outcome

    async def _handle(self, record: Inbound, span: Span, uow: UnitOfWork) -> Outcome:
        try:
            envelope, event = decode(record.headers, record.value)
        except UndecodableEvent as exc:
            await self.dead_letters.send(record, exc.reason)
            log.warning("dead_lettered", topic=record.topic, offset=record.offset, why=exc.reason)
            return Outcome("dead_lettered")
        span.update_name(f"{envelope.type} process")
        span.set_attribute("cloudevents.event_type", envelope.type)
        span.set_attribute("cloudevents.event_id", str(envelope.event_id))
        # Bound for this record only: the next record's lines carry its own ids.
        with structlog.contextvars.bound_contextvars(
            correlation_id=str(envelope.correlation_id), causation_id=str(envelope.event_id)
        ):
            return await self._apply(envelope, event, uow)

    async def _apply(self, envelope: Envelope, event: IntegrationEvent, uow: UnitOfWork) -> Outcome:
        handler = self.handlers.get(type(event))
        if handler is None:
            return Outcome("ignored", str(envelope.event_id))
        if await uow.seen(self.consumer, envelope.event_id):
            log.info("duplicate", type=envelope.type, event_id=str(envelope.event_id))
            return Outcome("duplicate", str(envelope.event_id))
        await handler(uow, envelope, event)
        # Debug only: a JSON line per record at INFO costs more CPU than some handlers.
        log.debug("handled", type=envelope.type, event_id=str(envelope.event_id))
        return Outcome("handled", str(envelope.event_id))


def inbound_from_record(record: Any) -> Inbound:
    """Adapt an aiokafka ``ConsumerRecord`` (what FastStream hands us raw)."""
    return Inbound(
        topic=record.topic,
        partition=record.partition,
        offset=record.offset,
        key=record.key,
        value=record.value or b"",
        headers=tuple((k, v or b"") for k, v in (record.headers or ())),
    )
