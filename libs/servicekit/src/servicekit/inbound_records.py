"""Records as the inbound pipeline sees them: adapted from aiokafka, decoded in their consumer
span, or dead-lettered with the reason when they do not decode."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import structlog
from eventkit import Inbound
from opentelemetry import trace
from opentelemetry.trace import Span
from samspil_contracts import Envelope, IntegrationEvent, UndecodableEvent, decode

from servicekit import tracing

log = structlog.get_logger(__name__)


class DeadLetterSink(Protocol):
    async def send(self, inbound: Inbound, reason: str) -> None: ...


@dataclass(frozen=True)
class Decoded:
    """A record that decoded (the ``n``-th of its batch), with its started consumer span."""

    n: int
    record: Inbound
    span: Span
    envelope: Envelope
    event: IntegrationEvent


async def decode_record(n: int, record: Inbound, dead_letters: DeadLetterSink) -> Decoded | None:
    """The record decoded, its span named after the event; None once it is dead-lettered
    (its span then ended)."""
    span = tracing.consumer_span(record.topic, record.partition, record.offset, record.headers)
    with trace.use_span(span, end_on_exit=False):
        try:
            envelope, event = decode(record.headers, record.value)
        except UndecodableEvent as exc:
            try:
                await dead_letters.send(record, exc.reason)
            finally:
                span.set_attribute("samspil.outcome", "dead_lettered")
                span.end()
            why = exc.reason
            log.warning("dead_lettered", topic=record.topic, offset=record.offset, why=why)
            return None
    span.update_name(f"{envelope.type} process")
    span.set_attribute("cloudevents.event_type", envelope.type)
    span.set_attribute("cloudevents.event_id", str(envelope.event_id))
    return Decoded(n, record, span, envelope, event)


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
