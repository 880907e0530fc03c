"""Records as the inbound pipeline sees them: adapted from aiokafka, then decoded in their
consumer span, or refused with the reason they cannot be decoded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from eventkit import Inbound, UnitOfWork
from opentelemetry import trace
from opentelemetry.trace import Span
from samspil_contracts import Envelope, UndecodableEvent, decode

from servicekit import tracing

Decoder = Callable[[Inbound], tuple[Envelope, Any]]


class DeadLetterSink(Protocol):
    async def park(self, uow: UnitOfWork, inbound: Inbound, reason: str) -> None:
        """Enqueue ``inbound``'s dead letter in ``uow`` (which commits it)."""


@dataclass(frozen=True)
class Decoded:
    """A record that decoded (the ``n``-th of its batch), with its started consumer span."""

    n: int
    record: Inbound
    span: Span
    envelope: Envelope
    event: Any


@dataclass(frozen=True)
class Refused:
    """A record that cannot be applied, and why; it goes to the dead letters."""

    n: int
    record: Inbound
    span: Span
    reason: str


def integration_event(record: Inbound) -> tuple[Envelope, Any]:
    """The default decoder: an integration event with its envelope."""
    return decode(record.headers, record.value)


def decode_record(n: int, record: Inbound, decoder: Decoder) -> Decoded | Refused:
    """The record decoded, its span named after the event; or refused with the reason.

    Decoding is pure, so any failure of it is the record's own and would repeat: an
    ``UndecodableEvent`` says why, anything else (a parser's RecursionError, say) is named
    by its type. Nothing is retried.
    """
    span = tracing.consumer_span(record.topic, record.partition, record.offset, record.headers)
    with trace.use_span(span, end_on_exit=False):
        try:
            envelope, event = decoder(record)
        except UndecodableEvent as exc:
            return Refused(n, record, span, exc.reason)
        except Exception as exc:
            return Refused(n, record, span, f"undecodable: {type(exc).__name__}")
    span.update_name(f"{envelope.type} process")
    span.set_attribute("cloudevents.event_type", envelope.type)
    span.set_attribute("cloudevents.event_id", str(envelope.event_id))
    return Decoded(n, record, span, envelope, event)


def inbound_from_record(record: Any) -> Inbound:
    """Adapt an aiokafka ``ConsumerRecord``: header values stay bytes, whatever they hold."""
    return Inbound(
        topic=record.topic,
        partition=record.partition,
        offset=record.offset,
        key=record.key,
        value=record.value or b"",
        headers=tuple((str(k), bytes(v or b"")) for k, v in (record.headers or ())),
    )
