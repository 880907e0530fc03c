"""A consumed record is handled in a consumer span continuing the producer's trace."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
import structlog
from eventkit import EventStore, Inbound, UnitOfWork
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from prometheus_client import REGISTRY
from samspil_contracts import Envelope, OrderAccepted, encode
from samspil_contracts.testing import AT, example_event
from servicekit import db
from servicekit.inbound import InboundPipeline
from servicekit.tracing import current_traceparent

PRODUCER_TRACE = "0af7651916cd43dd8448eb211c80319c"
PRODUCER_SPAN = "b7ad6b7169203331"


class KeptDeadLetters:
    def __init__(self) -> None:
        self.sent: list[tuple[Inbound, str]] = []

    async def park(self, uow: UnitOfWork, inbound: Inbound, reason: str) -> None:
        self.sent.append((inbound, reason))


def record(offset: int, *, traceparent: str | None, value: bytes | None = None) -> Inbound:
    wire = encode(
        example_event(OrderAccepted), subject="order-1", revision=1, correlation_id=uuid4(),
        producer="/samspil/test", occurred_at=AT, traceparent=traceparent,
    )  # fmt: skip
    return Inbound(wire.topic, 0, offset, wire.key, value or wire.value, wire.headers)


def outcomes(outcome: str) -> float:
    labels = {"group": "test-group", "topic": "samspil.provider.answers.v1", "outcome": outcome}
    return REGISTRY.get_sample_value("samspil_inbound_records_total", labels) or 0.0


@pytest.fixture
async def store(tmp_path: Path) -> EventStore:
    store = EventStore(db.engine_for(f"sqlite+aiosqlite:///{tmp_path}/inbound.db"))
    await store.create_schema()
    return store


async def test_the_consumer_span_is_a_child_of_the_producer_span(
    store: EventStore, spans: InMemorySpanExporter
) -> None:
    seen: dict[str, Any] = {}

    async def handler(_: UnitOfWork, envelope: Envelope, __: Any) -> None:
        seen["traceparent"] = current_traceparent()  # what a reply would carry
        seen["log"] = structlog.contextvars.get_contextvars()

    pipeline = InboundPipeline("test-group", store, KeptDeadLetters(), {OrderAccepted: handler})
    # Given a record published inside a producer's span
    sent = record(1, traceparent=f"00-{PRODUCER_TRACE}-{PRODUCER_SPAN}-01")
    # When it is handled
    before = outcomes("handled")
    assert (await pipeline(sent)).status == "handled"
    # Then its consumer span continues that trace, under the producer's span
    (consumer,) = [s for s in spans.get_finished_spans() if s.kind is SpanKind.CONSUMER]
    assert consumer.name == "dk.samspil.order.accepted process"
    assert f"{consumer.context.trace_id:032x}" == PRODUCER_TRACE
    assert consumer.parent is not None
    assert f"{consumer.parent.span_id:016x}" == PRODUCER_SPAN
    # And events published while handling it carry the consumer span onward
    assert seen["traceparent"].startswith(f"00-{PRODUCER_TRACE}-{consumer.context.span_id:016x}")
    # And the handler's log lines carried the record's ids, cleared afterwards
    headers = dict(sent.headers)
    assert seen["log"]["causation_id"] == headers["ce_id"].decode()
    assert seen["log"]["correlation_id"] == headers["ce_correlationid"].decode()
    assert "causation_id" not in structlog.contextvars.get_contextvars()
    assert outcomes("handled") == before + 1


async def test_a_redelivery_and_a_poison_record_are_counted_apart(store: EventStore) -> None:
    dead = KeptDeadLetters()

    async def handler(*_: Any) -> None:
        return None

    pipeline = InboundPipeline("test-group", store, dead, {OrderAccepted: handler})
    first = record(1, traceparent=None)
    before = {o: outcomes(o) for o in ("handled", "duplicate", "dead_lettered")}
    # When a record arrives twice, and a record that cannot be decoded arrives
    await pipeline(first)
    await pipeline(first)
    await pipeline(record(2, traceparent=None, value=b"{not json"))
    # Then one effect, one duplicate and one dead letter are counted
    after = {o: outcomes(o) - before[o] for o in before}
    assert after == {"handled": 1, "duplicate": 1, "dead_lettered": 1}
    assert [(r.offset, reason != "") for r, reason in dead.sent] == [(2, True)]
