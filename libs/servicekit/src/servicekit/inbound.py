"""From a Kafka record to exactly one effect: decode, dead-letter, deduplicate, handle.

* A record that cannot be decoded (unknown type, bad schema, missing headers, too big) goes
  to ``<topic>.dlq`` with the reason, and the consumer moves on: a poison message never
  blocks a partition.
* A decoded event is handled inside one database transaction together with its inbox row,
  so a redelivered event (relay retry, consumer restart, rebalance) has no second effect.
* Any other failure propagates: the subscriber does not commit the offset and Kafka
  redelivers it after a pause, so nothing already accepted is lost.

Each record is handled inside a consumer span whose parent is the record's ``traceparent``,
with its correlation and causation ids bound to every log line written meanwhile.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
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
        """Handle one record inside its consumer span, counting its outcome by topic."""
        where = (record.topic, record.partition, record.offset)
        with tracing.consuming(*where, record.headers) as span:
            outcome = await self._handle(record, span)
            span.set_attribute("samspil.outcome", outcome.status)
        INBOUND_RECORDS.labels(self.consumer, record.topic, outcome.status).inc()
        return outcome

    async def _handle(self, record: Inbound, span: Span) -> Outcome:
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
            return await self._apply(envelope, event)

    async def _apply(self, envelope: Envelope, event: IntegrationEvent) -> Outcome:
        handler = self.handlers.get(type(event))
        if handler is None:
            return Outcome("ignored", str(envelope.event_id))
        async with self.store.unit_of_work() as uow:
            if await uow.seen(self.consumer, envelope.event_id):
                log.info("duplicate", type=envelope.type, event_id=str(envelope.event_id))
                return Outcome("duplicate", str(envelope.event_id))
            await handler(uow, envelope, event)
        log.info("handled", type=envelope.type, event_id=str(envelope.event_id))
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
