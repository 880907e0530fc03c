"""OpenTelemetry traces: one trace from a caseworker's request through Kafka and back.

The W3C ``traceparent`` travels in every integration event's headers (written by
:class:`~servicekit.publishing.Publisher` from the current span), and each consumed record
gets a consumer span whose parent is that header. Where spans go is configuration:

* ``OTEL_EXPORTER_OTLP_ENDPOINT`` set: OTLP over HTTP to a collector (batched);
* ``SAMSPIL_TRACE_FILE=<path>``: finished spans as JSON lines (tests, local debugging);
* neither: spans are still made (so context propagates to services that do export),
  but go nowhere.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor
from opentelemetry.trace import Span, SpanKind
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from servicekit.spanfile import JsonLinesSpanExporter

TRACER_NAME = "samspil.servicekit"
_propagator = TraceContextTextMapPropagator()


def configure(service: str) -> TracerProvider:
    """Install the process's tracer provider once; later calls return the same one.

    Called by each service's composition root. The global provider can only be set once per
    process (tests build apps many times), so an existing SDK provider is reused.
    """
    current = trace.get_tracer_provider()
    if isinstance(current, TracerProvider):
        return current
    provider = TracerProvider(resource=Resource.create({"service.name": service}))
    if os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT"):
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import (  # noqa: PLC0415
            OTLPSpanExporter,  # imported only when configured: it pulls in protobuf
        )

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    if path := os.environ.get("SAMSPIL_TRACE_FILE"):
        # Synchronous on purpose: a test reads the file right after the flow it traced.
        provider.add_span_processor(SimpleSpanProcessor(JsonLinesSpanExporter(path)))
    trace.set_tracer_provider(provider)
    return provider


def tracer() -> trace.Tracer:
    return trace.get_tracer(TRACER_NAME)


def current_traceparent() -> str | None:
    """The current span as a W3C ``traceparent`` value, or None outside any span."""
    if not trace.get_current_span().get_span_context().is_valid:
        return None
    carrier: dict[str, str] = {}
    _propagator.inject(carrier)
    return carrier.get("traceparent")


def _text_headers(headers: Sequence[tuple[str, bytes]]) -> Mapping[str, str]:
    wanted = {"traceparent", "tracestate"}
    return {k: v.decode("ascii", "replace") for k, v in headers if k in wanted}


def consumer_span(
    topic: str, partition: int, offset: int, headers: Sequence[tuple[str, bytes]]
) -> Span:
    """A started (not yet current) consumer span for one Kafka record, child of the
    producer's ``traceparent``; the caller makes it current (``trace.use_span``) while it
    works on the record and ends it.

    The span starts before decoding (a dead-lettered record is traced too); the pipeline
    renames it after the event type once it knows it.
    """
    parent = _propagator.extract(_text_headers(headers))
    attributes: dict[str, str | int] = {
        "messaging.system": "kafka",
        "messaging.operation.type": "process",
        "messaging.destination.name": topic,
        "messaging.destination.partition.id": str(partition),
        "messaging.kafka.offset": offset,
    }
    return tracer().start_span(
        f"process {topic}", context=parent, kind=SpanKind.CONSUMER, attributes=attributes
    )
